package indicators

import (
	"fmt"
	"math"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
)

// disputeWindow returns the years over which past disputes count: History
// years before the period through its end, clipped to the data.
func (f *Frame) disputeWindow() (bloc.Period, bool) {
	cv := f.W.Cover(world.Disputes)
	if cv.Years.From == 0 {
		return bloc.Period{}, false
	}
	p := bloc.Period{From: max(f.P.From-f.Params.History, cv.Years.From), To: min(f.P.To, cv.Years.To)}
	return p, p.From <= p.To
}

// DisputeHistory returns j's militarised hostility towards i: the mean over
// the window's years of j's highest hostility level against i that year
// divided by 5 (0 in years without a dispute). Range [0,1]; 1 is war in every
// year. The window is History years before the period through its end (GML
// MID data; Gibler, Miller & Little 2016).
func (f *Frame) DisputeHistory(j, i bloc.CCode) bloc.Measure {
	const id, label = "intent.disputes", "militarised hostility (MIDs, hostility-weighted rate)"
	p := prov(world.Disputes, "Σ_years max hostlev_j / 5 / window years")
	win, ok := f.disputeWindow()
	if !ok {
		return missing(id, label, f.dyad(j, i), "[0,1]", p, f.notCovered(world.Disputes))
	}
	byYear := map[int]int{}
	n := 0
	for _, d := range f.W.Disputes {
		if d.A == j && d.B == i && win.Contains(d.Year) {
			if d.HostA > byYear[d.Year] {
				byYear[d.Year] = d.HostA
			}
			n++
		}
	}
	// Summed in year order: a map's iteration order is random, and a float
	// sum's last bits depend on the order of its terms.
	var sum float64
	for y := win.From; y <= win.To; y++ {
		if h, ok := byYear[y]; ok {
			sum += float64(h) / 5
		}
	}
	m := measure(id, label, f.dyad(j, i), bloc.Some(sum/float64(win.Years())), "[0,1]", win.To, p)
	m.Years = periodPtr(win)
	switch ended := win.To < f.P.To; {
	case len(byYear) > 0 && ended:
		setNote(&m, bloc.Sayf("%d dispute-years; MID data end in %d", len(byYear), win.To))
	case len(byYear) > 0:
		setNote(&m, bloc.Sayf("%d dispute-years", len(byYear)))
	case ended:
		setNote(&m, bloc.Sayf("MID data end in %d", win.To))
	}
	return m
}

// Rivalry returns 1 when i and j are strategic rivals in any year of the
// period, else 0 (Thompson, Sakuwa & Suhas 2021). The note names the rivalry
// and its types.
func (f *Frame) Rivalry(i, j bloc.CCode) bloc.Measure {
	const id, label = "intent.rivalry", "strategic rivalry"
	p := prov(world.Rivalries, "1 if a strategic rivalry is active in any year of the period")
	cp, ok := f.covered(world.Rivalries)
	if !ok {
		return missing(id, label, f.pair(i, j), "{0,1}", p, f.notCovered(world.Rivalries))
	}
	for _, r := range f.W.Rivalries {
		if ((r.A == i && r.B == j) || (r.A == j && r.B == i)) && r.Active(cp) {
			m := measure(id, label, f.pair(i, j), bloc.Some(1), "{0,1}", min(r.To, cp.To), p)
			types := make([]bloc.Term, len(r.Types))
			for k, x := range r.Types {
				types[k] = bloc.Term{Key: "rivalry." + x, Text: x}
			}
			setNote(&m, bloc.Sayf("%s %d–%d (%s)", code(r.Name), r.From, r.To, Commas(types)))
			return m
		}
	}
	m := measure(id, label, f.pair(i, j), bloc.Some(0), "{0,1}", cp.To, p)
	m.Years = periodPtr(cp)
	return m
}

// Events returns j's ICEWS event counts towards i summed over the period,
// and the years summed; ok is false when the data do not cover the dyad.
func (f *Frame) Events(j, i bloc.CCode) (world.Quad, bloc.Period, bool) {
	cp, ok := f.covered(world.Events)
	if !ok || !f.W.CoversDyad(world.Events, j, i, cp.To) {
		return world.Quad{}, cp, false
	}
	var q world.Quad
	for y := cp.From; y <= cp.To; y++ {
		if d := f.W.Dyad(j, i, y); d != nil {
			for k := range q {
				q[k] += d.Events[k]
			}
		}
	}
	return q, cp, true
}

// ConflictShare returns the share of conflict in j's events towards i,
// (verbal + material conflict)/all events, over the period (ICEWS; Boschee
// et al. 2015). Missing with fewer than Params.MinEvents events. Range [0,1].
func (f *Frame) ConflictShare(j, i bloc.CCode) bloc.Measure {
	const id, label = "intent.conflict_share", "conflict share of events (ICEWS)"
	p := prov(world.Events, "(Q3 + Q4) / (Q1 + Q2 + Q3 + Q4), j→i")
	q, cp, ok := f.Events(j, i)
	if !ok {
		why := f.notCovered(world.Events)
		if _, c := f.covered(world.Events); c {
			why = bloc.Sayf("ICEWS does not cover %s", f.dyad(j, i))
		}
		return missing(id, label, f.dyad(j, i), "[0,1]", p, why)
	}
	n := q.Total()
	if n < f.Params.MinEvents {
		m := missing(id, label, f.dyad(j, i), "[0,1]", p, bloc.Sayf("%.0f events (fewer than %.0f)", n, f.Params.MinEvents))
		m.Years = periodPtr(cp)
		return m
	}
	m := measure(id, label, f.dyad(j, i), bloc.Some((q[2]+q[3])/n), "[0,1]", cp.To, p)
	m.Years = periodPtr(cp)
	setNote(&m, bloc.Sayf("%.0f events", n))
	return m
}

// IdealDistance returns the mean over the period of |θ_i − θ_j|, the distance
// between the UNGA ideal points of i and j (Bailey, Strezhnev & Voeten
// 2017). Range [0, ~6].
func (f *Frame) IdealDistance(i, j bloc.CCode) bloc.Measure {
	const id, label = "intent.un_distance", "UNGA ideal-point distance |θi − θj|"
	p := prov(world.Ideal, "mean over the period of |θ_i − θ_j|")
	cp, ok := f.covered(world.Ideal)
	if !ok {
		return missing(id, label, f.pair(i, j), "≥0", p, f.notCovered(world.Ideal))
	}
	var sum float64
	var n, first, last int
	for y := cp.From; y <= cp.To; y++ {
		a, b := f.W.StateYear(i, y), f.W.StateYear(j, y)
		if a != nil && b != nil && a.Ideal.OK && b.Ideal.OK {
			sum += math.Abs(a.Ideal.V - b.Ideal.V)
			n++
			if first == 0 {
				first = y
			}
			last = y
		}
	}
	if n == 0 {
		return missing(id, label, f.pair(i, j), "≥0", p, bloc.Sayf("no common year with ideal points for both"))
	}
	m := measure(id, label, f.pair(i, j), bloc.Some(sum/float64(n)), "≥0", last, p)
	m.Years = periodPtr(bloc.Period{From: first, To: last})
	return m
}

// sanctionSource returns the sanctions data used for the period: GSDB when it
// covers the period, else TIES.
func (f *Frame) sanctionSource() (world.Source, bloc.Period, bool) {
	if cp, ok := f.covered(world.GSDB); ok {
		return world.GSDB, cp, true
	}
	if cp, ok := f.covered(world.TIES); ok {
		return world.TIES, cp, true
	}
	return world.GSDB, bloc.Period{}, false
}

// Sanctions returns the sanction episodes in force in the period that
// target t and, when s is not 0, have s among their senders.
func (f *Frame) Sanctions(s, t bloc.CCode) ([]world.Sanction, world.Source, bloc.Period, bool) {
	src, cp, ok := f.sanctionSource()
	if !ok {
		return nil, src, cp, false
	}
	var out []world.Sanction
	for _, x := range f.sanctionsOn()[t] {
		if s == 0 || has(x.Senders, s) {
			out = append(out, x)
		}
	}
	return out, src, cp, true
}

// sanctionsOn indexes the episodes of the period's sanctions source in force
// in the period by target, once per frame.
func (f *Frame) sanctionsOn() map[bloc.CCode][]world.Sanction {
	f.sancOnce.Do(func() {
		f.sanc = map[bloc.CCode][]world.Sanction{}
		src, cp, ok := f.sanctionSource()
		if !ok {
			return
		}
		for _, x := range f.W.Sanctions {
			if x.Source != src || !x.Imposed || x.From > cp.To || x.To < cp.From {
				continue
			}
			for _, t := range x.Targets {
				f.sanc[t] = append(f.sanc[t], x)
			}
		}
	})
	return f.sanc
}

func has(cs []bloc.CCode, c bloc.CCode) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// SanctionsBy returns the number of sanction episodes j imposed on i in
// force in the period (GSDB, Felbermayr et al. 2020; TIES before 1949).
func (f *Frame) SanctionsBy(j, i bloc.CCode) bloc.Measure {
	const id, label = "intent.sanctions", "sanction episodes imposed (count)"
	list, src, cp, ok := f.Sanctions(j, i)
	p := prov(src, "number of episodes with j a sender and i a target in force in the period")
	if !ok {
		return missing(id, label, f.dyad(j, i), "count", p, f.notCovered(world.GSDB))
	}
	m := measure(id, label, f.dyad(j, i), bloc.Some(float64(len(list))), "count", cp.To, p)
	m.Years = periodPtr(cp)
	return m
}

// SanctionsOn returns the number of sanction episodes, by any sender, in
// force against c in the period.
func (f *Frame) SanctionsOn(c bloc.CCode) bloc.Measure {
	const id, label = "sanctions.on", "sanction episodes in force against the state"
	list, src, cp, ok := f.Sanctions(0, c)
	p := prov(src, "number of episodes with the state a target in force in the period")
	if !ok {
		return missing(id, label, f.Abb(c), "count", p, f.notCovered(world.GSDB))
	}
	m := measure(id, label, f.Abb(c), bloc.Some(float64(len(list))), "count", cp.To, p)
	m.Years = periodPtr(cp)
	return m
}

// intentScale holds, for a target i, the largest UN distance over the
// candidates, which scales that component to [0,1].
type intentScale struct{ un float64 }

// intentScale returns intentScaleFor(i), computed once per frame.
func (f *Frame) intentScale(i bloc.CCode) intentScale {
	return f.Memo(fmt.Sprintf("intentscale.%d", i), func() any { return f.intentScaleFor(i) }).(intentScale)
}

func (f *Frame) intentScaleFor(i bloc.CCode) intentScale {
	var s intentScale
	for _, j := range f.Members() {
		if j == i {
			continue
		}
		if m := f.IdealDistance(i, j); m.Value.OK {
			s.un = math.Max(s.un, m.Value.V)
		}
	}
	return s
}

// Intent returns j's aggressive intentions towards i, I_ji ∈ [0,1]: the
// weighted mean (Params.IntentWeights) over the components with data of
//
//	disputes   DisputeHistory(j, i)                     [0,1]
//	rivalry    Rivalry(i, j)                            {0,1}
//	conflict   ConflictShare(j, i)                      [0,1]
//	UN         IdealDistance(i, j) / max over candidates [0,1]
//	sanctions  1 − exp(−SanctionsBy(j, i)/2)            [0,1] (1 episode 0.39, 2 0.63, 5 0.92)
//
// (THEORY.md D). The components are returned with it. A scenario override
// (World.SetIntent) replaces the value.
func (f *Frame) Intent(j, i bloc.CCode) (bloc.Measure, []bloc.Measure) {
	return f.intent(j, i, f.intentScale(i))
}

func (f *Frame) intent(j, i bloc.CCode, sc intentScale) (bloc.Measure, []bloc.Measure) {
	const id, label = "threat.intent", "aggressive intentions index"
	p := provs("I_ji = Σ w_c x_c / Σ w_c over disputes, rivalry, conflict share, UN distance/max, 1−exp(−sanctions/2)",
		world.Disputes, world.Rivalries, world.Events, world.Ideal, world.GSDB)
	comps := []bloc.Measure{f.DisputeHistory(j, i), f.Rivalry(i, j), f.ConflictShare(j, i), f.IdealDistance(i, j), f.SanctionsBy(j, i)}
	scaled := scaleIntent(comps, sc)
	if ov, ok := f.W.IntentOverride(j, i, f.P); ok {
		m := measure(id, label, f.dyad(j, i), bloc.Some(clamp01(ov)), "[0,1]", f.Ref, p)
		setNote(&m, bloc.Sayf("set by scenario"))
		return m, comps
	}
	v, used := f.Params.CombineIntent(scaled, [5]bool{true, true, true, true, true})
	if !v.OK {
		return missing(id, label, f.dyad(j, i), "[0,1]", p, bloc.Sayf("no component has data")), comps
	}
	m := measure(id, label, f.dyad(j, i), v, "[0,1]", f.Ref, p)
	m.Years = periodPtr(bloc.Period{From: f.P.From, To: f.P.To})
	if used < 5 {
		setNote(&m, bloc.Sayf("%d of 5 components", used))
	}
	return m, comps
}

// scaleIntent scales the five intent components to [0,1]: UN distance by
// the largest over the candidates, sanctions by 1 − exp(−n/2).
func scaleIntent(comps []bloc.Measure, sc intentScale) [5]bloc.Num {
	scaled := [5]bloc.Num{comps[0].Value, comps[1].Value, comps[2].Value, bloc.Missing, bloc.Missing}
	if v := comps[3].Value; v.OK && sc.un > 0 {
		scaled[3] = bloc.Some(v.V / sc.un)
	}
	if v := comps[4].Value; v.OK {
		scaled[4] = bloc.Some(1 - math.Exp(-v.V/2))
	}
	for k, v := range scaled {
		if v.OK {
			scaled[k] = bloc.Some(clamp01(v.V))
		}
	}
	return scaled
}

// IntentComponents returns the five components of j's intentions towards i
// (disputes, rivalry, conflict share, UN distance, sanctions), scaled to
// [0,1] as Intent weighs them, missing where the data say nothing; and the
// scenario override of the index that applies to the frame's period, if any.
func (f *Frame) IntentComponents(j, i bloc.CCode) (scaled [5]bloc.Num, override bloc.Num) {
	comps := []bloc.Measure{f.DisputeHistory(j, i), f.Rivalry(i, j), f.ConflictShare(j, i), f.IdealDistance(i, j), f.SanctionsBy(j, i)}
	scaled = scaleIntent(comps, f.intentScale(i))
	if ov, ok := f.W.IntentOverride(j, i, f.P); ok {
		override = bloc.Some(clamp01(ov))
	}
	return scaled, override
}

// CombineIntent returns the weighted mean (IntentWeights) of the scaled
// intent components that are present and selected by use, and how many
// entered it.
func (p Params) CombineIntent(scaled [5]bloc.Num, use [5]bool) (bloc.Num, int) {
	var sum, wsum float64
	var used int
	for k, v := range scaled {
		if v.OK && use[k] {
			sum += p.IntentWeights[k] * v.V
			wsum += p.IntentWeights[k]
			used++
		}
	}
	if wsum == 0 {
		return bloc.Missing, 0
	}
	return bloc.Some(sum / wsum), used
}
