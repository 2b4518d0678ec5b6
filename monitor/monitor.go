// Package monitor watches an alignment for the conditions under which Walt
// (1997) expects alliances to end — the paper's Table 2 — year by year:
//
//  1. the partner comes to be seen as a threat;
//  2. the common threat fades (the outside state no longer seems aggressive);
//  3. a partner's capabilities grow enough to face the threat alone;
//  4. the alliance loses credibility (votes or sanctions against the
//     partner, lapsed or unreciprocated pledges, diverging UN votes);
//  5. domestic politics change (|Δpolity2| ≥ 3, V-Dem polyarchy change);
//  6. the structure of international power changes (Ray–Singer
//     concentration, polarity, the decline of the partner or of the threat).
//
// Each condition is a set of indicators with values and thresholds; a
// condition is met (flagged) in a year when any of its indicators crosses
// its threshold, and the overall risk is logistic in the flags with equal
// weights (THEORY.md K). Every series is aligned with one years axis, ready
// for a chart (docs/verdict-schema.md, "Termination").
package monitor

import (
	"fmt"
	"math"
	"sort"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/world"
)

// Params are the monitor's thresholds and risk weights; every one is a
// documented default, none a constant of Walt's argument.
type Params struct {
	// Window is the number of years a change is measured over: a year's
	// value (an index over the Window years ending then) against the value
	// Window years before (default 3).
	Window int
	// IntentCut is the intentions level from which a state is seen as
	// aggressive (default: the indicators' 0.33); IntentDelta the change of
	// the intentions index that counts as a changed perception (0.15).
	IntentCut, IntentDelta float64
	// WarmDelta is the rise of A's event alignment towards the outside
	// state that counts as a changed perception of it (0.3).
	WarmDelta float64
	// GrowthCut is the relative growth of a partner's CINC over the window
	// that counts as large (0.3); SelfReliance the ratio of A's CINC to the
	// threat's from which A could face it alone (0.5).
	GrowthCut, SelfReliance float64
	// UNWiden is the widening of the partners' UNGA ideal-point distance
	// over the window that signals lost credibility (0.5).
	UNWiden float64
	// PolityDelta and PolyarchyDelta are the regime changes over the window
	// that count (3 Polity points; 0.1 on V-Dem's polyarchy).
	PolityDelta, PolyarchyDelta float64
	// ConDelta is the change of Ray–Singer concentration over the window
	// that counts (0.05); PoleShare the share of the great powers'
	// capabilities that makes a pole (0.1); DeclineCut the relative fall of
	// the partner's or the threat's CINC that counts as decline (0.25).
	ConDelta, PoleShare, DeclineCut float64
	// Intercept and Weight are the risk model: risk = logistic(Intercept +
	// Weight·Σ_k flag_k), equal weights (defaults −3 and 2: no condition
	// 0.05, one 0.27, two 0.73, three 0.95). MinConditions is the fewest
	// conditions with data for a risk (3).
	Intercept, Weight float64
	MinConditions     int
}

// DefaultParams returns the documented defaults.
func DefaultParams() Params {
	return Params{Window: 3, IntentCut: indicators.DefaultParams().IntentCut, IntentDelta: 0.15, WarmDelta: 0.3,
		GrowthCut: 0.3, SelfReliance: 0.5, UNWiden: 0.5, PolityDelta: 3, PolyarchyDelta: 0.1,
		ConDelta: 0.05, PoleShare: 0.1, DeclineCut: 0.25, Intercept: -3, Weight: 2, MinConditions: 3}
}

// Input is what Monitor watches.
type Input struct {
	W      *world.World
	A, B   bloc.CCode
	Period bloc.Period
	// Threat is the outside state followed; 0 picks A's first-ranked threat
	// other than B over the period.
	Threat bloc.CCode
	// Indicators are the indicator parameters (zero: the defaults).
	Indicators indicators.Params
	Params     Params
	// Frame, when set, returns the (shared) indicator frame of a window;
	// a batch passes one that caches frames across dyads.
	Frame func(p bloc.Period) *indicators.Frame
}

// conditions' descriptions.
var conds = [6]struct{ id, label, walt string }{
	{"c1.partner_threat", "The partner becomes a threat", "Threat perception changes: the aligning state comes to perceive its partner as a threat (e.g. Iran comes to fear Russia)."},
	{"c2.threat_fades", "The common threat fades", "The perception of the outside party changes: it is no longer seen as aggressive (e.g. the US no longer seen as a threat)."},
	{"c3.capability_growth", "A partner grows strong", "The threat remains, but one partner's capabilities grow so much that it can face the threat alone (e.g. Iran grows strong)."},
	{"c4.credibility", "The alliance loses credibility", "Doubts arise about the alliance's usefulness or the partner's loyalty (e.g. doubts that Russia will support Iran)."},
	{"c5.domestic", "Domestic politics change", "Domestic politics change: regime change, or domestic fights over the alignment."},
	{"c6.power_structure", "The structure of power changes", "The structure of international power changes (e.g. the US is no longer a superpower, or Russia declines)."},
}

// Monitor computes Walt's six conditions for A's alignment with B in every
// year of the period, and the risk.
func Monitor(in Input) *bloc.Termination {
	if in.Indicators.ThreatForm == "" {
		in.Indicators = indicators.DefaultParams()
	}
	if in.Params.Window == 0 {
		in.Params = DefaultParams()
	}
	prm := in.Params
	w, a, b, p := in.W, in.A, in.B, in.Period
	m := &mon{in: in, prm: prm, wp: in.Indicators}
	// Window frames: intentions over the Window years ending in a year,
	// with disputes inside the window only.
	m.wp.History = 0
	m.wp.Samples = 0
	t := &bloc.Termination{A: w.Info(a), B: w.Info(b), Period: p, Window: prm.Window,
		Model: bloc.TerminationModel{Formula: "risk = 1 / (1 + exp(−(β0 + Σ_k β_k·flag_k))) over the conditions with data",
			Intercept: prm.Intercept, Weights: [6]float64{prm.Weight, prm.Weight, prm.Weight, prm.Weight, prm.Weight, prm.Weight},
			MinConditions: prm.MinConditions}}
	threat := in.Threat
	if threat == 0 {
		threat = m.topThreat()
	}
	if threat != 0 {
		s := w.Info(threat)
		t.Threat = &s
	}
	m.t = threat
	n := p.Years()
	for y := p.From; y <= p.To; y++ {
		t.Years = append(t.Years, y)
	}
	series := map[string]*bloc.Series{}
	var order []string
	add := func(cond int, id, label, unit string, thr bloc.Num) {
		series[id] = &bloc.Series{ID: id, Label: label, Condition: cond, Unit: unit, Threshold: thr, Values: make([]bloc.Num, n)}
		order = append(order, id)
	}
	cut, dl := bloc.Some(prm.IntentCut), bloc.Some(prm.IntentDelta)
	ab, ta, tb, at := w.Abb(b)+"→"+w.Abb(a), "", "", ""
	if threat != 0 {
		ta, tb, at = w.Abb(threat)+"→"+w.Abb(a), w.Abb(threat)+"→"+w.Abb(b), w.Abb(a)+"→"+w.Abb(threat)
	}
	add(1, "c1.partner_intent", "partner's aggressive intentions "+ab, "[0,1]", cut)
	add(1, "c1.partner_intent_change", "change of the partner's intentions "+ab+" over the window", "Δ[0,1]", dl)
	add(2, "c2.threat_intent", "outside state's aggressive intentions "+ta, "[0,1]", cut)
	add(2, "c2.threat_intent_change", "change of the outside state's intentions "+ta+" over the window", "Δ[0,1]", bloc.Some(-prm.IntentDelta))
	add(2, "c2.threat_intent_partner", "outside state's aggressive intentions "+tb, "[0,1]", cut)
	add(2, "c2.warming_change", "change of "+at+" event alignment (cooperation − conflict)/events over the window", "Δ[−1,1]", bloc.Some(prm.WarmDelta))
	add(3, "c3.growth_a", "growth of "+w.Abb(a)+"'s CINC over the window", "ratio − 1", bloc.Some(prm.GrowthCut))
	add(3, "c3.growth_b", "growth of "+w.Abb(b)+"'s CINC over the window", "ratio − 1", bloc.Some(prm.GrowthCut))
	add(3, "c3.self_reliance", "CINC of "+w.Abb(a)+" over the outside state's", "ratio", bloc.Some(prm.SelfReliance))
	add(4, "c4.signals", "credibility signals (votes or new sanctions against the partner, lapsed or unreciprocated pledges, widening UN distance)", "count", bloc.Some(1))
	add(4, "c4.un_distance", "UNGA ideal-point distance |θA − θB|, mean over the window", "≥0", bloc.Missing)
	add(5, "c5.polity2_change", "largest |Δ polity2| of the two over the window", "points", bloc.Some(prm.PolityDelta))
	add(5, "c5.polyarchy_change", "largest |Δ V-Dem polyarchy| of the two over the window", "[0,1]", bloc.Some(prm.PolyarchyDelta))
	add(6, "c6.concentration", "Ray–Singer concentration of the great powers' capabilities", "[0,1]", bloc.Missing)
	add(6, "c6.concentration_change", "|Δ concentration| over the window", "[0,1]", bloc.Some(prm.ConDelta))
	add(6, "c6.poles", "poles: great powers with ≥ "+fmt.Sprint(prm.PoleShare)+" of the great powers' capabilities", "count", bloc.Missing)
	add(6, "c6.decline_b", "change of "+w.Abb(b)+"'s CINC over the window", "ratio − 1", bloc.Some(-prm.DeclineCut))
	add(6, "c6.decline_threat", "change of the outside state's CINC over the window", "ratio − 1", bloc.Some(-prm.DeclineCut))
	add(0, "risk", "risk of termination (logistic in the flags)", "[0,1]", bloc.Missing)
	for k := 1; k <= 6; k++ {
		add(0, fmt.Sprintf("risk.part.c%d", k), fmt.Sprintf("β·flag of condition %d", k), "logit", bloc.Missing)
	}
	for k, c := range conds {
		t.Conditions = append(t.Conditions, bloc.Condition{N: k + 1, ID: c.id, Label: c.label, Walt: c.walt, Flags: make([]*bool, n), Why: make([]string, n),
			WhyMsg: make([]bloc.Msg, n)})
	}
	t.Conditions[0].Rule = fmt.Sprintf("I(%s) rises by ≥ %.2f over %d years, or crosses %.2f upwards", ab, prm.IntentDelta, prm.Window, prm.IntentCut)
	t.Conditions[1].Rule = fmt.Sprintf("I(%s) falls by ≥ %.2f over %d years or below %.2f, or %s event alignment rises by ≥ %.2f", ta, prm.IntentDelta, prm.Window, prm.IntentCut, at, prm.WarmDelta)
	thAbb := "the threat"
	if threat != 0 {
		thAbb = w.Abb(threat)
	}
	t.Conditions[2].Rule = fmt.Sprintf("%s's or %s's CINC grows by ≥ %.0f%% over %d years, or CINC %s/%s crosses %.2f upwards", w.Abb(a), w.Abb(b), 100*prm.GrowthCut, prm.Window, w.Abb(a), thAbb, prm.SelfReliance)
	t.Conditions[3].Rule = fmt.Sprintf("≥ 1 signal in the year: a vote for a UNSC resolution against the partner (case facts), new sanctions on the partner, a lapsed ATOP obligation, an unreciprocated obligation, or the mean UN ideal-point distance widening by ≥ %.2f over %d years", prm.UNWiden, prm.Window)
	t.Conditions[4].Rule = fmt.Sprintf("|Δ polity2| ≥ %g or |Δ polyarchy| ≥ %g for either state over %d years", prm.PolityDelta, prm.PolyarchyDelta, prm.Window)
	t.Conditions[5].Rule = fmt.Sprintf("|Δ concentration| ≥ %.2f or a change in the number of poles over %d years, or %s's or the threat's CINC falls by ≥ %.0f%%", prm.ConDelta, prm.Window, w.Abb(b), 100*prm.DeclineCut)

	for k, y := range t.Years {
		set := func(id string, v bloc.Num) { series[id].Values[k] = v }
		flags := m.year(y, set, t, k)
		var logit float64
		have := 0
		for c, f := range flags {
			t.Conditions[c].Flags[k] = f
			part := bloc.Missing
			if f != nil {
				have++
				part = bloc.Some(0)
				if *f {
					part = bloc.Some(prm.Weight)
					logit += prm.Weight
					t.Flagged = append(t.Flagged, bloc.FlaggedEvent{Year: y, Condition: c + 1, Why: t.Conditions[c].Why[k],
						WhyMsg: whyMsg(t.Conditions[c].WhyMsg[k])})
				}
			}
			set(fmt.Sprintf("risk.part.c%d", c+1), part)
		}
		r := bloc.Missing
		if have >= prm.MinConditions {
			r = bloc.Some(1 / (1 + math.Exp(-(prm.Intercept + logit))))
		}
		set("risk", r)
		t.Risk = append(t.Risk, r)
	}
	for _, id := range order {
		t.Series = append(t.Series, *series[id])
	}
	notes := m.notes
	if threat == 0 {
		notes = append(notes, bloc.Sayf("No outside threat to %s could be ranked: condition 2 has no data.", w.AbbArg(a)))
	}
	t.Notes = []string{}
	for _, n := range notes {
		t.Notes = append(t.Notes, n.String())
		t.NotesMsg = append(t.NotesMsg, n)
	}
	if t.Flagged == nil {
		t.Flagged = []bloc.FlaggedEvent{}
	}
	return t
}

type mon struct {
	in    Input
	prm   Params
	wp    indicators.Params
	t     bloc.CCode
	notes []bloc.Msg
}

// frame returns the indicator frame of the window ending in year y.
func (m *mon) frame(y int) *indicators.Frame {
	p := bloc.Period{From: y - m.prm.Window + 1, To: y}
	if m.in.Frame != nil {
		return m.in.Frame(p)
	}
	return indicators.NewFrame(m.in.W, p, m.wp)
}

// topThreat returns A's first-ranked threat other than B over the period.
func (m *mon) topThreat() bloc.CCode {
	prm := m.in.Indicators
	prm.Samples = 0
	f := indicators.NewFrame(m.in.W, m.in.Period, prm)
	for _, r := range f.Threats(m.in.A).Rows {
		if r.Rank > 0 && r.J != m.in.B {
			return r.J
		}
	}
	return 0
}

// intent returns j's intentions towards i over the windows ending in y and
// y−Window, each over the components both windows have (so a dataset that
// ends between them does not move the index), or the scenario override.
func (m *mon) intent(j, i bloc.CCode, y int) (now, before bloc.Num) {
	if j == 0 {
		return bloc.Missing, bloc.Missing
	}
	sn, on := m.frame(y).IntentComponents(j, i)
	sb, ob := m.frame(y-m.prm.Window).IntentComponents(j, i)
	var use [5]bool
	for k := range use {
		use[k] = sn[k].OK && sb[k].OK
	}
	now, _ = m.wp.CombineIntent(sn, use)
	before, _ = m.wp.CombineIntent(sb, use)
	if !now.OK {
		now, _ = m.wp.CombineIntent(sn, [5]bool{true, true, true, true, true})
	}
	if on.OK {
		now = on
	}
	if ob.OK {
		before = ob
	}
	return now, before
}

func flag(v bool) *bool { return &v }

// whyMsg returns a pointer to a copy of a flagged year's reason, or nil
// for none.
func whyMsg(m bloc.Msg) *bloc.Msg {
	if m.IsZero() {
		return nil
	}
	return &m
}

func diff(a, b bloc.Num) bloc.Num {
	if !a.OK || !b.OK {
		return bloc.Missing
	}
	return bloc.Some(a.V - b.V)
}

func cinc(w *world.World, c bloc.CCode, y int) bloc.Num {
	if c == 0 || !w.Cover(world.NMC).Covers(y) {
		return bloc.Missing
	}
	if s := w.StateYear(c, y); s != nil && s.CINC.OK && s.CINC.V > 0 {
		return s.CINC
	}
	return bloc.Missing
}

func growth(w *world.World, c bloc.CCode, y, back int) bloc.Num {
	now, then := cinc(w, c, y), cinc(w, c, y-back)
	if !now.OK || !then.OK {
		return bloc.Missing
	}
	return bloc.Some(now.V/then.V - 1)
}

// year computes the indicators and the six flags of year y.
func (m *mon) year(y int, set func(string, bloc.Num), t *bloc.Termination, k int) [6]*bool {
	var flags [6]*bool
	w, a, b, th, prm := m.in.W, m.in.A, m.in.B, m.t, m.prm
	// What met each condition, as clauses (joined by JoinClauses).
	var whys [6][]any
	why := func(c int, clause bloc.Msg) { whys[c] = append(whys[c], clause) }
	// 1. The partner becomes a threat.
	in, ib := m.intent(b, a, y)
	set("c1.partner_intent", in)
	d := diff(in, ib)
	set("c1.partner_intent_change", d)
	if in.OK && d.OK {
		flags[0] = flag(false)
		if d.V >= prm.IntentDelta {
			flags[0] = flag(true)
			why(0, bloc.Sayf("I(%s→%s) rose from %.2f to %.2f", w.AbbArg(b), w.AbbArg(a), ib.V, in.V))
		} else if ib.V < prm.IntentCut && in.V >= prm.IntentCut {
			flags[0] = flag(true)
			why(0, bloc.Sayf("I(%s→%s) crossed %.2f (%.2f)", w.AbbArg(b), w.AbbArg(a), prm.IntentCut, in.V))
		}
	}
	// 2. The common threat fades.
	if th != 0 {
		tn, tbf := m.intent(th, a, y)
		set("c2.threat_intent", tn)
		dt := diff(tn, tbf)
		set("c2.threat_intent_change", dt)
		pn, _ := m.intent(th, b, y)
		set("c2.threat_intent_partner", pn)
		warm := m.warming(a, th, y)
		set("c2.warming_change", warm)
		if (tn.OK && dt.OK) || warm.OK {
			flags[1] = flag(false)
		}
		if tn.OK && dt.OK {
			if -dt.V >= prm.IntentDelta {
				flags[1] = flag(true)
				why(1, bloc.Sayf("I(%s→%s) fell from %.2f to %.2f", w.AbbArg(th), w.AbbArg(a), tbf.V, tn.V))
			} else if tbf.V >= prm.IntentCut && tn.V < prm.IntentCut {
				flags[1] = flag(true)
				why(1, bloc.Sayf("I(%s→%s) fell below %.2f (%.2f)", w.AbbArg(th), w.AbbArg(a), prm.IntentCut, tn.V))
			}
		}
		if warm.OK && warm.V >= prm.WarmDelta {
			flags[1] = flag(true)
			why(1, bloc.Sayf("%s→%s event alignment rose by %.2f", w.AbbArg(a), w.AbbArg(th), warm.V))
		}
	}
	// 3. A partner grows strong.
	ga, gb := growth(w, a, y, prm.Window), growth(w, b, y, prm.Window)
	set("c3.growth_a", ga)
	set("c3.growth_b", gb)
	rn, rb := ratio(cinc(w, a, y), cinc(w, th, y)), ratio(cinc(w, a, y-prm.Window), cinc(w, th, y-prm.Window))
	set("c3.self_reliance", rn)
	if ga.OK || gb.OK {
		flags[2] = flag(false)
	}
	for _, g := range []struct {
		c bloc.CCode
		v bloc.Num
	}{{a, ga}, {b, gb}} {
		if g.v.OK && g.v.V >= prm.GrowthCut {
			flags[2] = flag(true)
			why(2, bloc.Sayf("%s's CINC grew %.0f%% since %d", w.AbbArg(g.c), 100*g.v.V, y-prm.Window))
		}
	}
	if rn.OK && rb.OK && rb.V < prm.SelfReliance && rn.V >= prm.SelfReliance {
		flags[2] = flag(true)
		why(2, bloc.Sayf("CINC %s/%s reached %.2f", w.AbbArg(a), w.AbbArg(th), rn.V))
	}
	// 4. Credibility.
	signals, known := m.credibility(y, why)
	set("c4.un_distance", m.undist(y))
	if known {
		set("c4.signals", bloc.Some(float64(signals)))
		flags[3] = flag(signals >= 1)
	}
	// 5. Domestic politics.
	dp, dv := bloc.Missing, bloc.Missing
	for _, c := range []bloc.CCode{a, b} {
		now, then := w.StateYear(c, y), w.StateYear(c, y-prm.Window)
		if now == nil || then == nil {
			continue
		}
		if x := diff(now.Polity2, then.Polity2); x.OK && (!dp.OK || math.Abs(x.V) > dp.V) {
			dp = bloc.Some(math.Abs(x.V))
			if dp.V >= prm.PolityDelta {
				why(4, bloc.Sayf("%s's polity2 moved from %g to %g", w.AbbArg(c), then.Polity2.V, now.Polity2.V))
			}
		}
		if x := diff(now.Polyarchy, then.Polyarchy); x.OK && (!dv.OK || math.Abs(x.V) > dv.V) {
			dv = bloc.Some(math.Abs(x.V))
			if dv.V >= prm.PolyarchyDelta {
				why(4, bloc.Sayf("%s's polyarchy moved from %.2f to %.2f", w.AbbArg(c), then.Polyarchy.V, now.Polyarchy.V))
			}
		}
	}
	set("c5.polity2_change", dp)
	set("c5.polyarchy_change", dv)
	if dp.OK || dv.OK {
		flags[4] = flag((dp.OK && dp.V >= prm.PolityDelta) || (dv.OK && dv.V >= prm.PolyarchyDelta))
	}
	// 6. The structure of power.
	con, poles := concentration(w, y, prm.PoleShare)
	conB, polesB := concentration(w, y-prm.Window, prm.PoleShare)
	set("c6.concentration", con)
	set("c6.poles", poles)
	dc := diff(con, conB)
	if dc.OK {
		dc = bloc.Some(math.Abs(dc.V))
	}
	set("c6.concentration_change", dc)
	db, dth := growth(w, b, y, prm.Window), growth(w, th, y, prm.Window)
	set("c6.decline_b", db)
	set("c6.decline_threat", dth)
	if dc.OK || db.OK || dth.OK {
		flags[5] = flag(false)
	}
	if dc.OK && dc.V >= prm.ConDelta {
		flags[5] = flag(true)
		why(5, bloc.Sayf("concentration moved from %.3f to %.3f", conB.V, con.V))
	}
	if poles.OK && polesB.OK && poles.V != polesB.V {
		flags[5] = flag(true)
		why(5, bloc.Sayf("poles went from %.0f to %.0f", polesB.V, poles.V))
	}
	for _, g := range []struct {
		c bloc.CCode
		v bloc.Num
	}{{b, db}, {th, dth}} {
		if g.v.OK && g.v.V <= -prm.DeclineCut {
			flags[5] = flag(true)
			why(5, bloc.Sayf("%s's CINC fell %.0f%% since %d", w.AbbArg(g.c), -100*g.v.V, y-prm.Window))
		}
	}
	for c := range whys {
		m := JoinClauses(whys[c]...)
		t.Conditions[c].Why[k], t.Conditions[c].WhyMsg[k] = m.String(), m
	}
	return flags
}

func ratio(a, b bloc.Num) bloc.Num {
	if !a.OK || !b.OK || b.V == 0 {
		return bloc.Missing
	}
	return bloc.Some(a.V / b.V)
}

// undist returns the mean UNGA ideal-point distance of A and B over the
// window ending in y (single years are noisy).
func (m *mon) undist(y int) bloc.Num {
	w := m.in.W
	var sum float64
	n := 0
	for x := y - m.prm.Window + 1; x <= y; x++ {
		sa, sb := w.StateYear(m.in.A, x), w.StateYear(m.in.B, x)
		if sa == nil || sb == nil || !sa.Ideal.OK || !sb.Ideal.OK || !w.Cover(world.Ideal).Covers(x) {
			continue
		}
		sum += math.Abs(sa.Ideal.V - sb.Ideal.V)
		n++
	}
	if n == 0 {
		return bloc.Missing
	}
	return bloc.Some(sum / float64(n))
}

// warming returns the change of a→t event alignment (Q1+Q2−Q3−Q4)/N over
// the windows ending in y and y−Window (each needs MinEvents events).
func (m *mon) warming(a, t bloc.CCode, y int) bloc.Num {
	al := func(to int) bloc.Num {
		var q world.Quad
		for x := to - m.prm.Window + 1; x <= to; x++ {
			if !m.in.W.CoversDyad(world.Events, a, t, x) {
				return bloc.Missing
			}
			if d := m.in.W.Dyad(a, t, x); d != nil {
				for k := range q {
					q[k] += d.Events[k]
				}
			}
		}
		n := q.Total()
		if n < m.wp.MinEvents {
			return bloc.Missing
		}
		return bloc.Some((q[0] + q[1] - q[2] - q[3]) / n)
	}
	return diff(al(y), al(y-m.prm.Window))
}

// credibility counts the year's credibility signals; known is false when
// none of their sources covers the year.
func (m *mon) credibility(y int, why func(c int, clause bloc.Msg)) (int, bool) {
	w, a, b, prm := m.in.W, m.in.A, m.in.B, m.prm
	n, known := 0, false
	for _, x := range w.Facts {
		if x.Kind == "unsc_resolution" && x.Stance == "for" && x.Year == y &&
			((x.SubjectCode == b && x.ObjectCode == a) || (x.SubjectCode == a && x.ObjectCode == b)) {
			n++
			why(3, bloc.Sayf("%s voted for a UNSC resolution against %s (%s)", bloc.Code(x.Subject), bloc.Code(x.Object), bloc.Code(x.ID)))
		}
	}
	for _, src := range []world.Source{world.GSDB, world.TIES} {
		if w.Cover(src).Covers(y) {
			known = true
			for _, s := range w.Sanctions {
				if s.Source != src || !s.Imposed || s.From != y {
					continue
				}
				for _, pr := range [][2]bloc.CCode{{b, a}, {a, b}} {
					if has(s.Senders, pr[0]) && has(s.Targets, pr[1]) {
						n++
						why(3, bloc.Sayf("%s imposed sanctions on %s (%s %s)", w.AbbArg(pr[0]), w.AbbArg(pr[1]), bloc.Code(src), bloc.Code(s.ID)))
					}
				}
			}
			break
		}
	}
	if w.CoversDyad(world.ATOP, a, b, y) && w.CoversDyad(world.ATOP, a, b, y-1) {
		known = true
		now, then := level(w.Dyad(a, b, y))+level(w.Dyad(b, a, y)), level(w.Dyad(a, b, y-1))+level(w.Dyad(b, a, y-1))
		if now < then {
			n++
			why(3, bloc.Sayf("an ATOP obligation between %s and %s lapsed in %d", w.AbbArg(a), w.AbbArg(b), y))
		}
	}
	if w.CoversDyad(world.ATOP, a, b, y) {
		known = true
		ab, ba := pledges(w.Dyad(a, b, y)), pledges(w.Dyad(b, a, y))
		if ab.String() != ba.String() {
			n++
			why(3, bloc.Sayf("unreciprocated ATOP obligations in %d: %s→%s %s, %s→%s %s", y, w.AbbArg(a), w.AbbArg(b), ab, w.AbbArg(b), w.AbbArg(a), ba))
		}
	}
	dn, dbf := m.undist(y), m.undist(y-prm.Window)
	if dn.OK && dbf.OK {
		known = true
		if dn.V-dbf.V >= prm.UNWiden {
			n++
			why(3, bloc.Sayf("UN ideal-point distance widened from %.2f to %.2f", dbf.V, dn.V))
		}
	}
	return n, known
}

func has(cs []bloc.CCode, c bloc.CCode) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

func level(d *world.DyadYear) int {
	if d == nil {
		return 0
	}
	p := d.ATOP
	switch {
	case p.Defense || p.Offense:
		return 3
	case p.Neutral || p.Consul:
		return 2
	case p.NonAgg:
		return 1
	}
	return 0
}

// pledges names the ATOP obligations of a directed dyad, joined by "+"
// ("defense+consultation"), or "none".
func pledges(d *world.DyadYear) bloc.Msg {
	if d == nil || !d.ATOP.Any() {
		return bloc.Sayf("none")
	}
	p := d.ATOP
	var out bloc.Msg
	for _, x := range []struct {
		on   bool
		name bloc.Msg
	}{{p.Defense, bloc.Sayf("defense")}, {p.Offense, bloc.Sayf("offense")}, {p.Neutral, bloc.Sayf("neutrality")},
		{p.NonAgg, bloc.Sayf("non-aggression")}, {p.Consul, bloc.Sayf("consultation")}} {
		switch {
		case !x.on:
		case out.IsZero():
			out = x.name
		default:
			out = bloc.Sayf("%s+%s", out, x.name)
		}
	}
	return out
}

// concentration returns the Ray–Singer concentration of the great powers'
// capabilities in year y, CON = sqrt((Σ s_k² − 1/N)/(1 − 1/N)) with s_k a
// major's share of the majors' CINC (Ray & Singer 1973), and the number of
// poles (majors with a share ≥ poleShare).
func concentration(w *world.World, y int, poleShare float64) (con, poles bloc.Num) {
	if !w.Cover(world.NMC).Covers(y) {
		return bloc.Missing, bloc.Missing
	}
	var cs []float64
	var tot float64
	for _, c := range w.Members(y) {
		s := w.StateYear(c, y)
		if s != nil && s.Major && s.CINC.OK {
			cs = append(cs, s.CINC.V)
			tot += s.CINC.V
		}
	}
	if len(cs) < 2 || tot == 0 {
		return bloc.Missing, bloc.Missing
	}
	sort.Float64s(cs)
	var ss float64
	np := 0
	for _, c := range cs {
		s := c / tot
		ss += s * s
		if s >= poleShare {
			np++
		}
	}
	nn := float64(len(cs))
	return bloc.Some(math.Sqrt(math.Max(0, (ss-1/nn)/(1-1/nn)))), bloc.Some(float64(np))
}
