package evidence_test

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/internal/teststore"
	"github.com/bloc-project/bloc/report"
	"github.com/bloc-project/bloc/verdict"
)

// TestMessagesOnData checks, on verdicts from the data, that every note
// the weighing writes has its message, that the message's English is the
// note, and that the Persian report can say it.
func TestMessagesOnData(t *testing.T) {
	s := teststore.Open(t)
	seen := map[string]bool{}
	for _, r := range []verdict.Request{
		{A: "IRN", B: "RUS"},
		// Items after the period, some too late to count.
		{A: "IRN", B: "RUS", Period: bloc.Period{From: 2000, To: 2005}},
		{A: "IRN", B: "RUS", NoLedger: true},
		{A: "CHN", B: "RUS", Period: bloc.Period{From: 1995, To: 2014}},
	} {
		r.Options = verdict.DefaultOptions()
		v, _, err := verdict.ExplainRequest(context.Background(), s, r)
		if err != nil {
			t.Fatal(err)
		}
		say := func(what string, m *bloc.Msg, en string) {
			t.Helper()
			if m == nil || m.IsZero() {
				t.Errorf("%s→%s %v %s: no message for %q", r.A, r.B, v.Period, what, en)
				return
			}
			if m.String() != en {
				t.Errorf("%s→%s %s: message %q, sentence %q", r.A, r.B, what, m.String(), en)
			}
			clauses(*m, seen)
			if fa, ok := report.FA.Say(m, en); !ok || fa == en {
				t.Errorf("%s→%s %s: no Persian for %q", r.A, r.B, what, m.Format)
			} else if strings.Contains(m.Format, "; ") && !strings.Contains(fa, "؛ ") {
				t.Errorf("%s→%s %s: clauses %q not joined in Persian: %q", r.A, r.B, what, en, fa)
			}
		}
		ev := v.Evidence
		if len(ev.NotesMsg) != len(ev.Notes) {
			t.Fatalf("%s→%s: %d note messages for %d notes", r.A, r.B, len(ev.NotesMsg), len(ev.Notes))
		}
		for k, n := range ev.Notes {
			say("note", &ev.NotesMsg[k], n)
		}
		tests := map[string]bloc.Test{}
		for _, th := range v.Theories {
			for _, x := range th.Tests {
				tests[x.ID] = x
			}
		}
		for _, it := range ev.Items {
			switch {
			case it.Origin == bloc.FromTest:
				// The test's own message (package theory).
				if x := tests[it.ID]; it.Note != x.Why || !reflect.DeepEqual(it.NoteMsg, x.WhyMsg) {
					t.Errorf("%s: note %q %+v, the test's %q %+v", it.ID, it.Note, it.NoteMsg, x.Why, x.WhyMsg)
				}
			case it.Note != "":
				// Every item of the built-in ledger has a rationale.
				say("item "+it.ID, it.NoteMsg, it.Note)
			}
		}
		if wd := ev.Events; wd != nil {
			say("summary", wd.SummaryMsg, wd.Summary)
			for _, d := range wd.Series {
				for _, y := range d.Years {
					if y.Note != "" {
						say(d.Dyad+" note", y.NoteMsg, y.Note)
					} else if y.NoteMsg != nil {
						t.Errorf("%s %d: a message without a note", d.Dyad, y.Year)
					}
				}
			}
		}
	}
	// The package's sentences the data say, clause by clause.
	for _, f := range []string{
		"%s; %s", "%s.",
		"Likelihoods: %s",
		"after the period",
		"dated %s, more than %d years after the period: not counted",
		"%s: words outran deeds in %d of %d years (%d–%d), deed gap %+.1f to %+.1f",
		"words outrun deeds: material cooperation per cooperative word %.1f%% against %.1f%% elsewhere",
		"words %+.2f, deeds %+.2f",
		"before the period: counted as background of the tendency",
		"No evidence ledger for %s→%s: only the theories' tests are weighed (give one with --ledger).",
	} {
		if !seen[f] {
			t.Errorf("%q never said", f)
		}
	}
}

// clauses adds the formats of m and of the messages nested in it to seen.
func clauses(m bloc.Msg, seen map[string]bool) {
	seen[m.Format] = true
	for _, a := range m.Args {
		if a.Msg != nil {
			clauses(*a.Msg, seen)
		}
	}
}
