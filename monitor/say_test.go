package monitor

import (
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
	"github.com/bloc-project/bloc/world/worldtest"
)

// checkMsgs checks that every sentence of tm has its message, whose
// English is the sentence, and returns the reasons that have none (a
// combination of clauses gen_say.go does not list).
func checkMsgs(t_ *testing.T, tm *bloc.Termination) (unlisted []string) {
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
				unlisted = append(unlisted, why)
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
		if m := c.WhyMsg[k]; m.IsZero() != (f.WhyMsg == nil) || f.WhyMsg != nil && f.WhyMsg.String() != f.Why {
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
	return unlisted
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
	for name, w := range worlds {
		tm := run(w)
		if u := checkMsgs(t_, tm); len(u) > 0 {
			t_.Errorf("%s: reasons without a message: %q", name, u)
		}
		if len(tm.Flagged) == 0 && name != "stable" {
			t_.Errorf("%s: nothing flagged", name)
		}
	}
	tm := run(worlds["credibility"])
	if m := tm.Conditions[3].WhyMsg[2010-2001]; m.Format != "%s voted for a UNSC resolution against %s (%s); %s imposed sanctions on %s (%s %s); %s imposed sanctions on %s (%s %s)" {
		t_.Errorf("2010: %q", m.Format)
	}
	tm = run(worlds["regimes"])
	if m := tm.Conditions[4].WhyMsg[2007-2001]; strings.Count(m.Format, "; ") != 3 {
		t_.Errorf("regimes 2007: %q", m.Format)
	}
	// No outside state: no threat, and a note that says so.
	lone := worldtest.New(2000, 2005).State(a, "AAA", 30, 50, 4).State(b, "BBB", 55, 40, 30).Done()
	tm = Monitor(Input{W: lone, A: a, B: b, Period: bloc.Period{From: 2003, To: 2005}})
	checkMsgs(t_, tm)
	if tm.Threat != nil || len(tm.NotesMsg) != 1 || tm.NotesMsg[0].Format != "No outside threat to %s could be ranked: condition 2 has no data." {
		t_.Fatalf("threat %+v, notes %+v", tm.Threat, tm.NotesMsg)
	}
}

// A year with more clauses than gen_say.go lists keeps its English and has
// no message.
func TestUnlistedCombination(t_ *testing.T) {
	w := pair(2012)
	for k, id := range []string{"r1", "r2", "r3", "r4"} {
		w.Facts = append(w.Facts, world.Fact{CaseFact: bloc.CaseFact{ID: id, Kind: "unsc_resolution", Stance: "for", Subject: "BBB", Object: "AAA"}, SubjectCode: b, ObjectCode: a, Year: 2010 + k/3})
	}
	tm := run(w)
	u := checkMsgs(t_, tm)
	want := "BBB voted for a UNSC resolution against AAA (r1); BBB voted for a UNSC resolution against AAA (r2); BBB voted for a UNSC resolution against AAA (r3)"
	if len(u) != 0 || tm.Conditions[3].Why[2010-2001] != want {
		t_.Fatalf("three votes: %q, unlisted %q", tm.Conditions[3].Why[2010-2001], u)
	}
	var s sentence
	for _, id := range []string{"r1", "r2", "r3", "r4"} {
		s.add("c4.unsc", "BBB", "AAA", id)
	}
	en, m := s.say()
	if !m.IsZero() || en != want+"; BBB voted for a UNSC resolution against AAA (r4)" {
		t_.Fatalf("four votes: %q, %+v", en, m)
	}
}

// Every sentence is its clauses joined: what package report translates
// clause by clause.
func TestSayFormats(t_ *testing.T) {
	known := map[string]bool{}
	for _, f := range clauses {
		known[f] = true
	}
	seen := map[string]bool{}
	for _, f := range SayFormats() {
		if seen[f] {
			t_.Errorf("%q listed twice", f)
		}
		seen[f] = true
		for _, c := range strings.Split(f, "; ") {
			if !known[c] {
				t_.Errorf("%q: %q is no clause", f, c)
			}
		}
	}
	for f := range known {
		if !seen[f] {
			t_.Errorf("the clause %q is never a sentence of its own", f)
		}
	}
}
