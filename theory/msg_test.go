package theory

import (
	"context"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/casefile"
	"github.com/bloc-project/bloc/cases"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/internal/teststore"
	"github.com/bloc-project/bloc/registry"
	"github.com/bloc-project/bloc/world"
)

// ownMeasure reports whether the theories build the measure (and so its
// note), rather than the indicators.
func ownMeasure(m bloc.Measure) bool {
	switch m.ID {
	case "threat.rank", "bot.partner_rank", "unsc.veto":
		return true
	}
	return strings.HasPrefix(m.ID, "fact.")
}

// checkMsg checks a sentence field against its message: the message is set
// exactly when the sentence is, says it in English, and leaves no English
// prose to its arguments (indicators.Untranslated), so that a translation
// of its formats says all of it.
func checkMsg(t *testing.T, where, s string, m *bloc.Msg) {
	t.Helper()
	switch {
	case s == "" && m != nil:
		t.Errorf("%s: a message %q without a sentence", where, m.Format)
	case s != "" && m == nil:
		t.Errorf("%s: no message for %q", where, s)
	case m != nil && m.String() != s:
		t.Errorf("%s: the message says %q, the sentence %q", where, m.String(), s)
	}
	if m != nil {
		for _, a := range indicators.Untranslated(*m) {
			t.Errorf("%s: %q is English prose in %q", where, a, s)
		}
	}
}

// checkMsgs checks the messages of the theories' results: Test.Why,
// Pointer.Basis, NotTestable and the notes of the measures the theories
// build. It returns how many sentences it checked.
func checkMsgs(t *testing.T, rs []bloc.TheoryResult) int {
	t.Helper()
	n := 0
	for _, r := range rs {
		if r.NotTestable != "" || r.NotTestableMsg != nil {
			checkMsg(t, r.ID+" not testable", r.NotTestable, r.NotTestableMsg)
			n++
		}
		for _, p := range r.PointsTo {
			checkMsg(t, r.ID+" points to "+p.State.Abb, p.Basis, p.BasisMsg)
			n++
		}
		for _, x := range r.Tests {
			switch {
			case x.WhyMsg == nil && len(x.Evidence) > 0 && x.Why == x.Evidence[0].Note && x.Evidence[0].NoteMsg == nil && !ownMeasure(x.Evidence[0]):
				// An indicator's note without a message, reported as is.
			default:
				checkMsg(t, x.ID, x.Why, x.WhyMsg)
				n++
			}
			for _, m := range x.Evidence {
				if ownMeasure(m) {
					checkMsg(t, x.ID+" evidence "+m.ID, m.Note, m.NoteMsg)
					n++
				} else if m.NoteMsg != nil {
					checkMsg(t, x.ID+" evidence "+m.ID, m.Note, m.NoteMsg)
				}
			}
		}
	}
	return n
}

func TestMessagesSynthetic(t *testing.T) {
	w := base().Pledge(101, 102, world.Pledges{Defense: true}).Done()
	_, _, rs := evaluate(t, w, 101, 102)
	checkMsgs(t, rs)
	// Untestable: no trade or IGO data.
	w = base().Pledge(101, 102, world.Pledges{Defense: true}).Done()
	for _, s := range []world.Source{world.Trade, world.TradeTotal, world.IGO} {
		w.Uncover(s)
	}
	_, by, rs := evaluate(t, w, 101, 102)
	if by["interdependence"].NotTestableMsg == nil {
		t.Error("no message for an untestable theory")
	}
	checkMsgs(t, rs)
}

// TestMessagesOnRealData checks the messages on the cases of the golden
// verdicts, from the store, with the built-in case file's facts.
func TestMessagesOnRealData(t *testing.T) {
	st := teststore.Open(t)
	ctx := context.Background()
	for _, tc := range []struct {
		a, b string
		p    bloc.Period
	}{
		{"IRN", "RUS", bloc.Period{From: 2009, To: 2018}},
		{"PAK", "CHN", bloc.Period{From: 1963, To: 1970}},
		{"VNM", "RUS", bloc.Period{From: 1978, To: 1978}},
		{"CUB", "RUS", bloc.Period{From: 1962, To: 1962}},
	} {
		t.Run(tc.a+"-"+tc.b, func(t *testing.T) {
			reg, err := registry.Load(ctx, st, max(tc.p.To, 2022))
			if err != nil {
				t.Fatal(err)
			}
			a, err := reg.Resolve(tc.a)
			if err != nil {
				t.Fatal(err)
			}
			b, err := reg.Resolve(tc.b)
			if err != nil {
				t.Fatal(err)
			}
			prm := indicators.DefaultParams()
			w, _, err := world.Load(ctx, st.DB(), reg, world.Options{Years: tc.p, History: prm.History, Focus: []bloc.CCode{a.CCode, b.CCode}})
			if err != nil {
				t.Fatal(err)
			}
			w.Facts = caseFacts(t, reg, a.CCode, b.CCode)
			c := NewCase(indicators.NewFrame(w, tc.p, prm), a.CCode, b.CCode)
			rs := Evaluate(c)
			n := checkMsgs(t, rs)
			if n < 40 {
				t.Errorf("only %d sentences checked", n)
			}
			if tc.a == "IRN" {
				facts := 0
				for _, r := range rs {
					for _, x := range r.Tests {
						for _, m := range x.Evidence {
							if strings.HasPrefix(m.ID, "fact.") {
								facts++
							}
						}
					}
				}
				if facts == 0 {
					t.Error("no case-file fact among the evidence")
				}
			}
		})
	}
}

// caseFacts returns the facts of the built-in case file on a→b, if any.
func caseFacts(t *testing.T, reg *registry.Registry, a, b bloc.CCode) []world.Fact {
	t.Helper()
	resolve := func(s string) (bloc.CCode, error) {
		st, err := reg.Resolve(s)
		return st.CCode, err
	}
	for _, name := range cases.Names() {
		data, err := cases.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		cf, err := casefile.Parse(name, data)
		if err != nil {
			t.Fatal(err)
		}
		ca, err1 := resolve(cf.A)
		cb, err2 := resolve(cf.B)
		if err1 != nil || err2 != nil || ca != a || cb != b {
			continue
		}
		facts, err := cf.WorldFacts(resolve)
		if err != nil {
			t.Fatal(err)
		}
		return facts
	}
	return nil
}

func TestFactMeasureNote(t *testing.T) {
	w := base().Done()
	c := NewCase(indicators.NewFrame(w, period, indicators.DefaultParams()), 101, 102)
	for _, tc := range []struct {
		year, rank, of int
		want           string
	}{
		{2002, 0, 0, "status V"},
		{2007, 0, 0, "status V; dated 2007-05-01, after the period"},
		{2002, 3, 0, "status V; rank 3"},
		{2002, 3, 142, "status V; rank 3 of 142"},
		{2007, 3, 0, "status V; dated 2007-05-01, after the period; rank 3"},
		{2007, 3, 142, "status V; dated 2007-05-01, after the period; rank 3 of 142"},
	} {
		x := world.Fact{Year: tc.year}
		x.ID, x.Kind, x.Status, x.Date, x.Rank, x.Of = "f", "power_index", "V", "2007-05-01", tc.rank, tc.of
		m := c.FactMeasure(x)
		if m.Note != tc.want || m.NoteMsg == nil || m.NoteMsg.String() != tc.want {
			t.Errorf("fact %+v: note %q (message %v), want %q", tc, m.Note, m.NoteMsg, tc.want)
		}
	}
}
