package monitor

import (
	"reflect"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
	"github.com/bloc-project/bloc/world/worldtest"
)

// checkMsgs checks that every reason and note of tm has its message, whose
// English is the sentence, and that no message stands without a sentence.
func checkMsgs(t_ *testing.T, tm *bloc.Termination) {
	t_.Helper()
	for _, c := range tm.Conditions {
		if len(c.WhyMsg) != len(c.Why) {
			t_.Fatalf("condition %d: %d messages for %d reasons", c.N, len(c.WhyMsg), len(c.Why))
		}
		for k, why := range c.Why {
			m := c.WhyMsg[k]
			switch {
			case why == "" && !m.IsZero():
				t_.Errorf("condition %d, %d: a message %q without a reason", c.N, tm.Years[k], m.Format)
			case why != "" && m.IsZero():
				t_.Errorf("condition %d, %d: no message for %q", c.N, tm.Years[k], why)
			case m.String() != why:
				t_.Errorf("condition %d, %d: message %q, reason %q", c.N, tm.Years[k], m.String(), why)
			}
		}
	}
	for _, f := range tm.Flagged {
		c := tm.Conditions[f.Condition-1]
		k := f.Year - tm.Years[0]
		if f.Why != c.Why[k] {
			t_.Errorf("flagged %d/%d: %q, the condition says %q", f.Year, f.Condition, f.Why, c.Why[k])
		}
		if f.Why != "" && (f.WhyMsg == nil || !reflect.DeepEqual(*f.WhyMsg, c.WhyMsg[k])) {
			t_.Errorf("flagged %d/%d: message %+v for %q", f.Year, f.Condition, f.WhyMsg, f.Why)
		}
	}
	if len(tm.NotesMsg) != len(tm.Notes) {
		t_.Fatalf("%d note messages for %d notes", len(tm.NotesMsg), len(tm.Notes))
	}
	for k, n := range tm.Notes {
		if tm.NotesMsg[k].String() != n {
			t_.Errorf("note %q, message %q", n, tm.NotesMsg[k].String())
		}
	}
}

// clauses returns the formats of the clauses JoinClauses joined into m.
func clauses(m bloc.Msg) []string {
	if m.Format != "%s; %s" {
		return []string{m.Format}
	}
	var out []string
	for _, a := range m.Args {
		if a.Msg == nil {
			out = append(out, "code:"+a.V)
			continue
		}
		out = append(out, clauses(*a.Msg)...)
	}
	return out
}

func TestMessages(t_ *testing.T) {
	worlds := map[string]*world.World{"threat fades": pair(2005), "stable": pair(2012)}
	// The constructions of TestConditions.
	w := pair(2012)
	for y := 2008; y <= 2012; y++ {
		w.Disputes = append(w.Disputes, world.Dispute{Num: 9000 + y, A: b, B: a, Year: y, HostA: 5, HostB: 5},
			world.Dispute{Num: 9000 + y, A: a, B: b, Year: y, HostA: 5, HostB: 5})
		w.EditDyad(b, a, y, func(d *world.DyadYear) { d.Events = world.Quad{5, 0, 50, 50} })
	}
	worlds["partner threat"] = w
	w = pair(2012)
	w.ScaleCapabilities(a, 3, bloc.Period{From: 2009, To: 2012})
	w.ScaleCapabilities(b, 3, bloc.Period{From: 2009, To: 2012})
	worlds["both grow"] = w
	w = pair(2012)
	w.ScaleCapabilities(b, 0.3, bloc.Period{From: 2008, To: 2012})
	worlds["decline"] = w
	// Both change regime in 2007 on both measures, B more than A: four
	// clauses.
	w = pair(2012)
	for y := 2007; y <= 2012; y++ {
		w.EditStateYear(a, y, func(s *world.StateYear) { s.Polity2, s.Polyarchy = bloc.Some(6), bloc.Some(0.6) })
		w.EditStateYear(b, y, func(s *world.StateYear) { s.Polity2, s.Polyarchy = bloc.Some(-10), bloc.Some(0.95) })
	}
	worlds["regimes"] = w
	// Three credibility signals in 2010: a vote against A and sanctions
	// both ways.
	w = pair(2012)
	w.Sanctions = append(w.Sanctions,
		world.Sanction{Source: world.GSDB, ID: "x", Senders: []bloc.CCode{b}, Targets: []bloc.CCode{a}, From: 2010, To: 2012, Imposed: true},
		world.Sanction{Source: world.GSDB, ID: "y", Senders: []bloc.CCode{a}, Targets: []bloc.CCode{b}, From: 2010, To: 2012, Imposed: true})
	w.Facts = append(w.Facts, world.Fact{CaseFact: bloc.CaseFact{ID: "res", Kind: "unsc_resolution", Stance: "for", Subject: "BBB", Object: "AAA"}, SubjectCode: b, ObjectCode: a, Year: 2010})
	worlds["credibility"] = w
	// In 2010 A pledges B defense on top of their pact, unreciprocated;
	// the pledge lapses in 2011.
	w = pair(2012)
	w.EditDyad(a, b, 2010, func(d *world.DyadYear) { d.ATOP.Defense = true })
	worlds["pledges"] = w
	for name, w := range worlds {
		tm := run(w)
		checkMsgs(t_, tm)
		if len(tm.Flagged) == 0 && name != "stable" {
			t_.Errorf("%s: nothing flagged", name)
		}
	}
	tm := run(worlds["credibility"])
	want := []string{"%s voted for a UNSC resolution against %s (%s)", "%s imposed sanctions on %s (%s %s)", "%s imposed sanctions on %s (%s %s)"}
	if got := clauses(tm.Conditions[3].WhyMsg[2010-2001]); !reflect.DeepEqual(got, want) {
		t_.Errorf("credibility 2010: %q", got)
	}
	tm = run(worlds["regimes"])
	want = []string{"%s's polity2 moved from %g to %g", "%s's polyarchy moved from %.2f to %.2f", "%s's polity2 moved from %g to %g", "%s's polyarchy moved from %.2f to %.2f"}
	if got := clauses(tm.Conditions[4].WhyMsg[2007-2001]); !reflect.DeepEqual(got, want) {
		t_.Errorf("regimes 2007: %q", got)
	}
	tm = run(worlds["pledges"])
	if got := tm.Conditions[3].Why[2010-2001]; got != "unreciprocated ATOP obligations in 2010: AAA→BBB defense+non-aggression+consultation, BBB→AAA non-aggression+consultation" {
		t_.Errorf("pledges 2010: %q", got)
	}
	if m := tm.Conditions[3].WhyMsg[2010-2001]; len(m.Args) != 7 || m.Args[3].Msg == nil || m.Args[3].Msg.Format != "%s+%s" {
		t_.Errorf("pledges 2010: %+v", m)
	}
	if got := tm.Conditions[3].Why[2011-2001]; got != "an ATOP obligation between AAA and BBB lapsed in 2011" {
		t_.Errorf("pledges 2011: %q", got)
	}
	// No outside state: no threat, and a note that says so.
	lone := worldtest.New(2000, 2005).State(a, "AAA", 30, 50, 4).State(b, "BBB", 55, 40, 30).Done()
	tm = Monitor(Input{W: lone, A: a, B: b, Period: bloc.Period{From: 2003, To: 2005}})
	checkMsgs(t_, tm)
	if tm.Threat != nil || len(tm.NotesMsg) != 1 || tm.NotesMsg[0].Format != "No outside threat to %s could be ranked: condition 2 has no data." {
		t_.Fatalf("threat %+v, notes %+v", tm.Threat, tm.NotesMsg)
	}
}

// Any number of clauses makes a message: four votes in a year.
func TestManySignals(t_ *testing.T) {
	w := pair(2012)
	for k, id := range []string{"r1", "r2", "r3", "r4", "r5"} {
		w.Facts = append(w.Facts, world.Fact{CaseFact: bloc.CaseFact{ID: id, Kind: "unsc_resolution", Stance: "for", Subject: "BBB", Object: "AAA"}, SubjectCode: b, ObjectCode: a, Year: 2010 + k/4})
	}
	tm := run(w)
	checkMsgs(t_, tm)
	var want []string
	for _, id := range []string{"r1", "r2", "r3", "r4"} {
		want = append(want, "BBB voted for a UNSC resolution against AAA ("+id+")")
	}
	m := tm.Conditions[3].WhyMsg[2010-2001]
	if got := tm.Conditions[3].Why[2010-2001]; got != strings.Join(want, "; ") || m.String() != got {
		t_.Fatalf("four votes: %q, message %q", got, m.String())
	}
	if got := clauses(m); len(got) != 4 || got[3] != "%s voted for a UNSC resolution against %s (%s)" {
		t_.Errorf("four votes: %q", got)
	}
	// The resolution's id is printed as it is in every language.
	if id := m.Args[1].Msg.Args[2]; id.V != "r4" || !id.Code {
		t_.Errorf("the resolution's id: %+v", id)
	}
	if got := tm.Conditions[3].Why[2011-2001]; got != "BBB voted for a UNSC resolution against AAA (r5)" {
		t_.Errorf("one vote: %q", got)
	}
}

func TestJoinClauses(t_ *testing.T) {
	x, y, z := bloc.Sayf("x %d", 1), bloc.Sayf("y"), bloc.Sayf("z %s", "w")
	for _, c := range []struct {
		parts []any
		want  string
	}{
		{nil, ""},
		{[]any{x}, "x 1"},
		{[]any{bloc.Code("own words")}, ""},
		{[]any{x, y}, "x 1; y"},
		{[]any{bloc.Code("own words"), y, z}, "own words; y; z w"},
		{[]any{x, y, z, x, y}, "x 1; y; z w; x 1; y"},
	} {
		m := JoinClauses(c.parts...)
		if m.String() != c.want || m.IsZero() != (c.want == "") {
			t_.Errorf("%v: %q (%q)", c.parts, m.String(), m.Format)
		}
	}
	if m := JoinClauses(x); !reflect.DeepEqual(m, x) {
		t_.Errorf("a lone clause: %+v", m)
	}
}
