package monitor

import (
	"math"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
	"github.com/bloc-project/bloc/world/worldtest"
)

const (
	a = 101 // the aligning state
	b = 102 // its partner
	t = 2   // their common threat
)

// pair builds A and B aligned (a consultation pact) against T, a great
// power that fights both in militarised disputes and treats them with
// hostility in the event data until threatUntil, and not after.
func pair(threatUntil int) *world.World {
	bl := worldtest.New(1995, 2012).
		State(t, "THR", 40, -100, 60).Major(t).Ideal(t, 2).
		State(a, "AAA", 30, 50, 4).Ideal(a, -1).Regime(a, 0.2, -6).
		State(b, "BBB", 55, 40, 30).Major(b).Ideal(b, -1).Regime(b, 0.3, 4).
		State(103, "CCC", 35, 110, 40).Major(103).Ideal(103, 0).
		Fillers(10, 20).
		Pledge(a, b, world.Pledges{Consul: true, NonAgg: true})
	w := bl.W
	for y := 1985; y <= threatUntil; y++ {
		bl.Dispute(y*10, t, a, y, 4, 3)
		bl.Dispute(y*10+1, t, b, y, 4, 3)
	}
	w.Rivalries = append(w.Rivalries, world.Rivalry{ID: 1, Name: "A-T", A: a, B: t, From: 1980, To: threatUntil, Types: []string{"positional"}},
		world.Rivalry{ID: 2, Name: "B-T", A: b, B: t, From: 1980, To: threatUntil, Types: []string{"positional"}})
	for y := 1995; y <= 2012; y++ {
		q := world.Quad{20, 5, 60, 40}
		if y > threatUntil {
			q = world.Quad{80, 15, 4, 1}
		}
		w.EditDyad(t, a, y, func(d *world.DyadYear) { d.Events = q })
		w.EditDyad(t, b, y, func(d *world.DyadYear) { d.Events = q })
	}
	return bl.Done()
}

func run(w *world.World) *bloc.Termination {
	return Monitor(Input{W: w, A: a, B: b, Period: bloc.Period{From: 2001, To: 2012}})
}

func flagged(tm *bloc.Termination, cond, year int) bool {
	for k, y := range tm.Years {
		if y == year {
			f := tm.Conditions[cond-1].Flags[k]
			return f != nil && *f
		}
	}
	return false
}

// The textbook case: the threat that brought A and B together disappears.
func TestCommonThreatDisappears(t_ *testing.T) {
	tm := run(pair(2005))
	if tm.Threat == nil || tm.Threat.CCode != t {
		t_.Fatalf("threat %+v", tm.Threat)
	}
	if len(tm.Years) != 12 || len(tm.Risk) != 12 {
		t_.Fatalf("%d years, %d risks", len(tm.Years), len(tm.Risk))
	}
	var first int
	for y := 2006; y <= 2009; y++ {
		if flagged(tm, 2, y) && first == 0 {
			first = y
		}
	}
	if first == 0 {
		t_.Fatalf("condition 2 not met after the threat ended in 2005: %+v", tm.Conditions[1])
	}
	for _, y := range []int{2001, 2002, 2003, 2004, 2005} {
		if flagged(tm, 2, y) {
			t_.Errorf("condition 2 met in %d, while the threat persisted", y)
		}
	}
	k := first - 2001
	if r := tm.Risk[k]; !r.OK || r.V < 0.25 || tm.Risk[0].V > 0.05 {
		t_.Fatalf("risk %v in %d, %v in 2001", r, first, tm.Risk[0])
	}
	for y := 2001; y <= 2012; y++ {
		for _, c := range []int{1, 3, 4, 5} {
			if flagged(tm, c, y) {
				t_.Errorf("condition %d met in %d: %s", c, y, tm.Conditions[c-1].Why[y-2001])
			}
		}
	}
	// The intentions series falls and the flagged events say why.
	var s *bloc.Series
	for k := range tm.Series {
		if tm.Series[k].ID == "c2.threat_intent" {
			s = &tm.Series[k]
		}
	}
	if s == nil || !(s.Values[0].V > 0.5 && s.Values[len(s.Values)-1].V < 0.33) {
		t_.Fatalf("c2.threat_intent %+v", s)
	}
	found := false
	for _, f := range tm.Flagged {
		if f.Condition == 2 && f.Year == first && f.Why != "" {
			found = true
		}
	}
	if !found {
		t_.Fatalf("flagged %+v", tm.Flagged)
	}
}

// A stable pair: nothing changes, nothing is flagged, the risk stays at its
// floor.
func TestStablePairIsQuiet(t_ *testing.T) {
	tm := run(pair(2012))
	floor := 1 / (1 + math.Exp(3))
	for k, y := range tm.Years {
		for _, c := range tm.Conditions {
			if c.Flags[k] == nil {
				t_.Errorf("%d: condition %d has no data", y, c.N)
			} else if *c.Flags[k] {
				t_.Errorf("%d: condition %d met: %s", y, c.N, c.Why[k])
			}
		}
		if r := tm.Risk[k]; !r.OK || math.Abs(r.V-floor) > 1e-12 {
			t_.Errorf("%d: risk %v, want %v", y, r, floor)
		}
	}
	if len(tm.Flagged) != 0 {
		t_.Fatalf("flagged %+v", tm.Flagged)
	}
	// Every series is aligned with the years.
	for _, s := range tm.Series {
		if len(s.Values) != len(tm.Years) {
			t_.Fatalf("%s has %d values for %d years", s.ID, len(s.Values), len(tm.Years))
		}
	}
}

// Each of the other conditions fires on its own construction.
func TestConditions(t_ *testing.T) {
	// 1: B turns hostile to A from 2008.
	w := pair(2012)
	for y := 2008; y <= 2012; y++ {
		w.Disputes = append(w.Disputes, world.Dispute{Num: 9000 + y, A: b, B: a, Year: y, HostA: 5, HostB: 5},
			world.Dispute{Num: 9000 + y, A: a, B: b, Year: y, HostA: 5, HostB: 5})
		w.EditDyad(b, a, y, func(d *world.DyadYear) { d.Events = world.Quad{5, 0, 50, 50} })
	}
	if tm := run(w); !flagged(tm, 1, 2009) {
		t_.Errorf("condition 1: %+v", tm.Conditions[0])
	}
	// 3: A's capabilities treble from 2009.
	w = pair(2012)
	w.ScaleCapabilities(a, 3, bloc.Period{From: 2009, To: 2012})
	if tm := run(w); !flagged(tm, 3, 2009) || flagged(tm, 3, 2008) {
		t_.Errorf("condition 3: %+v", tm.Conditions[2])
	}
	// 4: B sanctions A in 2010, and votes against it (a case fact).
	w = pair(2012)
	w.Sanctions = append(w.Sanctions, world.Sanction{Source: world.GSDB, ID: "x", Senders: []bloc.CCode{b}, Targets: []bloc.CCode{a}, From: 2010, To: 2012, Imposed: true})
	w.Facts = append(w.Facts, world.Fact{CaseFact: bloc.CaseFact{ID: "res", Kind: "unsc_resolution", Stance: "for", Subject: "BBB", Object: "AAA"}, SubjectCode: b, ObjectCode: a, Year: 2004})
	tm := run(w)
	if !flagged(tm, 4, 2010) || !flagged(tm, 4, 2004) || flagged(tm, 4, 2011) {
		t_.Errorf("condition 4: %+v", tm.Conditions[3])
	}
	// 5: A democratises in 2007.
	w = pair(2012)
	for y := 2007; y <= 2012; y++ {
		w.EditStateYear(a, y, func(s *world.StateYear) { s.Polity2 = bloc.Some(6) })
	}
	if tm := run(w); !flagged(tm, 5, 2007) || flagged(tm, 5, 2006) {
		t_.Errorf("condition 5: %+v", tm.Conditions[4])
	}
	// 6: B declines sharply from 2008.
	w = pair(2012)
	w.ScaleCapabilities(b, 0.3, bloc.Period{From: 2008, To: 2012})
	if tm := run(w); !flagged(tm, 6, 2008) {
		t_.Errorf("condition 6: %+v", tm.Conditions[5])
	}
}

// Missing is not zero: without capability data, the conditions that need
// it have no data (null), and the risk needs three conditions with data.
func TestMissingData(t_ *testing.T) {
	w := pair(2012)
	w.Uncover(world.NMC)
	tm := run(w)
	for k := range tm.Years {
		if tm.Conditions[2].Flags[k] != nil {
			t_.Fatalf("condition 3 has a flag without capability data")
		}
	}
	w = pair(2012)
	for _, s := range []world.Source{world.NMC, world.Disputes, world.Rivalries, world.Events, world.Ideal, world.GSDB, world.TIES, world.ATOP, world.Democracy} {
		w.Uncover(s)
	}
	w.Facts = nil
	tm = run(w)
	for k := range tm.Years {
		if tm.Risk[k].OK {
			t_.Fatalf("risk %v with no data", tm.Risk[k])
		}
	}
}

func TestConcentration(t_ *testing.T) {
	w := world.New(bloc.Period{From: 2000, To: 2000})
	for c, v := range map[bloc.CCode]float64{1: 0.5, 2: 0.3, 3: 0.2} {
		w.EditStateYear(c, 2000, func(s *world.StateYear) { s.Member, s.Major, s.CINC = true, true, bloc.Some(v) })
	}
	con, poles := concentration(w, 2000, 0.25)
	// Σs² = 0.25 + 0.09 + 0.04 = 0.38; (0.38 − 1/3)/(1 − 1/3) = 0.07; sqrt = 0.2646.
	if !near(con.V, math.Sqrt(0.07), 1e-12) || poles.V != 2 {
		t_.Fatalf("CON %v, poles %v", con, poles)
	}
}

func near(x, y, tol float64) bool { return math.Abs(x-y) <= tol }
