package monitor_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/internal/teststore"
	"github.com/bloc-project/bloc/report"
	"github.com/bloc-project/bloc/verdict"
)

// TestMessagesOnData checks, on verdicts from the data, that every reason
// and note of the monitor has its message, that the message's English is
// the sentence, and that the Persian report can say it.
func TestMessagesOnData(t *testing.T) {
	s := teststore.Open(t)
	multi := 0
	for _, r := range []verdict.Request{
		{A: "IRN", B: "RUS"},
		{A: "CHN", B: "RUS", Period: bloc.Period{From: 1950, To: 2014}},
		{A: "TUR", B: "USA", Period: bloc.Period{From: 1950, To: 2014}},
	} {
		r.Options = verdict.DefaultOptions()
		v, _, err := verdict.ExplainRequest(context.Background(), s, r)
		if err != nil {
			t.Fatal(err)
		}
		tm := v.Termination
		say := func(what string, m *bloc.Msg, en string) {
			t.Helper()
			if m == nil || m.IsZero() {
				t.Errorf("%s→%s %s: no message for %q", r.A, r.B, what, en)
				return
			}
			if m.String() != en {
				t.Errorf("%s→%s %s: message %q, sentence %q", r.A, r.B, what, m.String(), en)
			}
			if fa, ok := report.FA.Say(m, en); !ok || fa == en {
				t.Errorf("%s→%s %s: no Persian for %q", r.A, r.B, what, m.Format)
			}
		}
		for _, c := range tm.Conditions {
			if len(c.WhyMsg) != len(c.Why) {
				t.Fatalf("%s→%s condition %d: %d messages for %d reasons", r.A, r.B, c.N, len(c.WhyMsg), len(c.Why))
			}
			for k, why := range c.Why {
				if why == "" {
					if !c.WhyMsg[k].IsZero() {
						t.Errorf("%s→%s condition %d, %d: a message without a reason", r.A, r.B, c.N, tm.Years[k])
					}
					continue
				}
				say("condition", &c.WhyMsg[k], why)
				if strings.Contains(why, "; ") {
					// Clauses joined: each in Persian, joined the Persian way.
					multi++
					if fa, _ := report.FA.Say(&c.WhyMsg[k], why); strings.Contains(fa, "; ") || !strings.Contains(fa, "؛ ") {
						t.Errorf("%s→%s condition %d, %d: %q in Persian is %q", r.A, r.B, c.N, tm.Years[k], why, fa)
					}
				}
			}
		}
		if len(tm.Flagged) == 0 {
			t.Errorf("%s→%s: nothing flagged", r.A, r.B)
		}
		for _, f := range tm.Flagged {
			say("flagged", f.WhyMsg, f.Why)
		}
		if len(tm.NotesMsg) != len(tm.Notes) {
			t.Fatalf("%s→%s: %d note messages for %d notes", r.A, r.B, len(tm.NotesMsg), len(tm.Notes))
		}
		for k, n := range tm.Notes {
			say("note", &tm.NotesMsg[k], n)
		}
	}
	if multi == 0 {
		t.Error("no reason of several clauses")
	}
}
