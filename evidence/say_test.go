package evidence

import (
	"context"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
)

// checkMsg checks that m is en as a message.
func checkMsg(t *testing.T, what string, m *bloc.Msg, en string) {
	t.Helper()
	switch {
	case en == "" && m != nil:
		t.Errorf("%s: a message %q without a sentence", what, m.Format)
	case en != "" && (m == nil || m.IsZero()):
		t.Errorf("%s: no message for %q", what, en)
	case m != nil && m.String() != en:
		t.Errorf("%s: message %q, sentence %q", what, m.String(), en)
	}
}

// clauses returns the formats of the clauses joined into m (nested joins
// flattened), and adds the arguments printed as they are to code.
func clauses(m bloc.Msg, code map[string]bool) []string {
	var out []string
	if m.Format != "%s; %s" {
		out = append(out, m.Format)
	}
	for _, a := range m.Args {
		switch {
		case a.Msg != nil:
			out = append(out, clauses(*a.Msg, code)...)
		case a.Code:
			code[a.V] = true
		}
	}
	return out
}

func TestItemNoteMessages(t *testing.T) {
	hyps := Hypotheses()
	after, before := bloc.Sayf("after the period"), bloc.Sayf("before the period: counted as background of the tendency")
	late := bloc.Sayf("dated %s, more than %d years after the period: not counted", "2022", 5)
	for _, c := range []struct {
		rationale, note string
		clamp           bool
		when            bloc.Msg
		want            string
	}{
		{rationale: "fits BoT", want: "Likelihoods: fits BoT"},
		{rationale: "fits BoT", note: "dated by the war", when: after,
			want: "Likelihoods: fits BoT; dated by the war; after the period"},
		{rationale: "fits BoT (0.25).;", note: " undated; ", clamp: true, when: late,
			want: "Likelihoods: fits BoT (0.25).; undated; likelihoods clamped to [0.01, 0.99]: balance_of_threat; dated 2022, more than 5 years after the period: not counted"},
		{note: "undated;", when: before, want: "undated; before the period: counted as background of the tendency"},
		{clamp: true, want: "likelihoods clamped to [0.01, 0.99]: balance_of_threat"},
		{when: after, want: "after the period"},
		// The ledger's note alone is its own words: no message.
		{note: "dated by the war", want: "dated by the war"},
		{want: ""},
	} {
		it := Item{ID: "x", Date: "2020", Observed: true, Rationale: c.rationale, Note: c.note,
			Likelihoods: []Likelihood{{Hypothesis: "balance_of_threat", P: 0.7}}}
		if c.clamp {
			it.Likelihoods[0].P = 0.995
		}
		o, clamped, err := itemObs(it, hyps)
		if err != nil {
			t.Fatal(err)
		}
		if !c.when.IsZero() {
			setNote(&o.Item, it, clamped, c.when)
		}
		e := o.Item
		if e.Note != c.want {
			t.Errorf("note %q, want %q", e.Note, c.want)
		}
		if c.rationale == "" && !c.clamp && c.when.IsZero() {
			if e.NoteMsg != nil {
				t.Errorf("%q: a message %q for the ledger's own words", e.Note, e.NoteMsg.Format)
			}
			continue
		}
		checkMsg(t, "item note", e.NoteMsg, e.Note)
		// The ledger's words (its rationale and note) and the ids are
		// printed as they are: arguments, in no format.
		if e.NoteMsg == nil {
			continue
		}
		code := map[string]bool{}
		formats := clauses(*e.NoteMsg, code)
		for _, words := range []string{strings.TrimSpace(strings.TrimRight(strings.TrimSpace(c.note), ";")), "fits BoT"} {
			if words != "" && strings.Contains(e.Note, words) && !code[words] && !code[words+" (0.25)."] {
				t.Errorf("%q: the ledger's words %q are not printed as they are: %+v", e.Note, words, e.NoteMsg)
			}
		}
		for _, f := range formats {
			if strings.Contains(f, "BoT") || strings.Contains(f, "undated") || strings.Contains(f, "war") {
				t.Errorf("%q: the ledger's words in a format: %q", e.Note, f)
			}
		}
		if c.clamp && !code["balance_of_threat"] {
			t.Errorf("%q: the clamped ids are not printed as they are: %+v", e.Note, e.NoteMsg)
		}
	}
}

func TestAssessNoteMessages(t *testing.T) {
	rs := []bloc.TheoryResult{{ID: "balance_of_threat", Tests: []bloc.Test{
		{ID: "bot.a", Type: bloc.Hoop, Holds: yes(true), Why: "It holds.", WhyMsg: &bloc.Msg{Format: "It holds."}},
		{ID: "bot.b", Type: bloc.Hoop}, {ID: "bot.c", Type: bloc.Straw}}}}
	for _, in := range []Input{
		{Theories: rs, Aligned: true},
		{Theories: rs[:0], Aligned: true},
		{Theories: []bloc.TheoryResult{{ID: "balance_of_threat", Tests: rs[0].Tests[1:2]}}},
	} {
		in.A, in.B, in.Period = bloc.State{Abb: "IRN"}, bloc.State{Abb: "RUS"}, bloc.Period{From: 2005, To: 2010}
		in.Options.Draws = -1
		ev, err := Assess(in)
		if err != nil {
			t.Fatal(err)
		}
		if len(ev.Notes) == 0 || len(ev.NotesMsg) != len(ev.Notes) {
			t.Fatalf("%d notes, %d messages", len(ev.Notes), len(ev.NotesMsg))
		}
		for k, n := range ev.Notes {
			checkMsg(t, "note", &ev.NotesMsg[k], n)
		}
		for _, it := range ev.Items {
			if it.ID == "bot.a" && it.NoteMsg != rs[0].Tests[0].WhyMsg {
				t.Errorf("the test's note message %+v", it.NoteMsg)
			}
		}
	}
}

func TestWordsDeedsMessages(t *testing.T) {
	w := world.New(bloc.Period{From: 2000, To: 2005})
	w.SetCover(world.Events, world.Coverage{Years: bloc.Period{From: 2000, To: 2003}})
	for y := 2000; y <= 2003; y++ {
		w.EditDyad(1, 2, y, func(d *world.DyadYear) { d.Events = world.Quad{200, 1, 10, 0} })
		w.EditDyad(1, 3, y, func(d *world.DyadYear) { d.Events = world.Quad{100, 10, 5, 2} })
		w.EditDyad(2, 3, y, func(d *world.DyadYear) { d.Events = world.Quad{100, 10, 5, 2} })
	}
	// 2→1: warm words, hostile deeds in 2000 (the tone), the baseline's
	// rate in 2001, too few events in 2002.
	w.EditDyad(2, 1, 2000, func(d *world.DyadYear) { d.Events = world.Quad{95, 10, 5, 30} })
	w.EditDyad(2, 1, 2001, func(d *world.DyadYear) { d.Events = world.Quad{100, 10, 5, 2} })
	w.EditDyad(2, 1, 2002, func(d *world.DyadYear) { d.Events = world.Quad{3, 1, 1, 0} })
	wd, err := WordsDeeds(context.Background(), w, 1, 2, bloc.Period{From: 2000, To: 2005}, fakeEvents{})
	if err != nil || wd == nil {
		t.Fatal(err)
	}
	checkMsg(t, "summary", wd.SummaryMsg, wd.Summary)
	seen := map[string]bool{}
	for _, s := range wd.Series {
		for _, y := range s.Years {
			checkMsg(t, s.Dyad+" note", y.NoteMsg, y.Note)
			if y.NoteMsg != nil {
				for _, f := range clauses(*y.NoteMsg, map[string]bool{}) {
					seen[f] = true
				}
			}
		}
	}
	for _, f := range []string{"from the events engine", "too few events (%.0f verbal, %.0f material)",
		"words outrun deeds: material cooperation per cooperative word %.1f%% against %.1f%% elsewhere",
		"words outrun deeds: words %+.2f, deeds %+.2f"} {
		if !seen[f] {
			t.Errorf("no note %q among %v", f, seen)
		}
	}
	// The summary without event data for one direction.
	wd.Series[1].Covered = 0
	m := summary(wd)
	if en := m.String(); !strings.Contains(en, "2→1: no event data.") || m.Format != "%s." {
		t.Errorf("summary %q, message %q", en, m.Format)
	}
	if got := clauses(m, map[string]bool{}); len(got) != 3 || got[2] != "%s: no event data" {
		t.Errorf("summary's clauses %q", got)
	}
}
