package indicators

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/similarity"
	"github.com/bloc-project/bloc/world"
)

// TieEvidence is what the data say about the tie between i and j over the period.
type TieEvidence struct {
	Pledges []bloc.Pledge
	// Level is the highest valued ATOP tie in force (3 defense/offense,
	// 2 neutrality/consultation, 1 non-aggression only, 0 none).
	Level bloc.Measure
	// SameSide lists the disputes in which i and j fought on the same side.
	SameSide  []int
	Coalition bloc.Measure
	Affinity  bloc.Measure // UN affinity percentile
	EventsIJ  bloc.Measure // event alignment i→j
	EventsJI  bloc.Measure // event alignment j→i
	ArmsIJ    bloc.Measure // j's share of i's arms imports
	ArmsJI    bloc.Measure // i's share of j's arms imports
	Score     bloc.Measure // AL_ij
	Kind      bloc.TieKind
	Basis     string
	// BasisMsg is Basis as a message, for other languages.
	BasisMsg bloc.Msg
}

// Pledges returns the ATOP obligations between i and j in force in the
// period, each with its first and last year, and the highest valued tie.
func (f *Frame) Pledges(i, j bloc.CCode) ([]bloc.Pledge, bloc.Measure) {
	const id, label = "tie.atop_level", "highest ATOP obligation (3 defense/offense, 2 neutrality/consultation, 1 non-aggression)"
	p := prov(world.ATOP, "max over the period of the valued ATOP tie (Leeds et al. 2002; fpsim ordering)")
	cp, ok := f.covered(world.ATOP)
	if !ok || !f.W.CoversDyad(world.ATOP, i, j, cp.To) {
		return nil, missing(id, label, f.pair(i, j), "{0,1,2,3}", p, f.notCovered(world.ATOP))
	}
	names := []string{"defense", "offense", "neutrality", "non_aggression", "consultation"}
	spans := map[string]*bloc.Period{}
	level := 0.0
	for y := cp.From; y <= cp.To; y++ {
		if !f.W.CoversDyad(world.ATOP, i, j, y) {
			continue
		}
		d := f.W.Dyad(i, j, y)
		if d == nil {
			continue
		}
		a := d.ATOP
		for k, on := range []bool{a.Defense, a.Offense, a.Neutral, a.NonAgg, a.Consul} {
			if !on {
				continue
			}
			if s := spans[names[k]]; s != nil {
				s.To = y
			} else {
				spans[names[k]] = &bloc.Period{From: y, To: y}
			}
		}
		level = max(level, similarity.ATOPValue(a.Defense, a.Offense, a.Neutral, a.NonAgg, a.Consul))
	}
	var out []bloc.Pledge
	for _, n := range names {
		if s := spans[n]; s != nil {
			out = append(out, bloc.Pledge{Obligation: n, Years: *s})
		}
	}
	m := measure(id, label, f.pair(i, j), bloc.Some(level), "{0,1,2,3}", cp.To, p)
	m.Years = periodPtr(cp)
	return out, m
}

// SameSide returns the disputes of the period in which i and j were on the
// same side against a common opponent (GML MID).
func (f *Frame) SameSide(i, j bloc.CCode) ([]int, bool) {
	cp, ok := f.covered(world.Disputes)
	if !ok {
		return nil, false
	}
	type key struct {
		num int
		opp bloc.CCode
	}
	sideOf := map[key]bool{}
	for _, d := range f.W.Disputes {
		if d.A == i && cp.Contains(d.Year) {
			sideOf[key{d.Num, d.B}] = d.SideA
		}
	}
	seen := map[int]bool{}
	var out []int
	for _, d := range f.W.Disputes {
		if d.A != j || !cp.Contains(d.Year) || seen[d.Num] {
			continue
		}
		if s, ok := sideOf[key{d.Num, d.B}]; ok && s == d.SideA && d.B != i {
			seen[d.Num] = true
			out = append(out, d.Num)
		}
	}
	sort.Ints(out)
	return out, true
}

// Affinity returns the share of system members farther from i in UNGA
// ideal points than j is (1: j is i's closest). Range [0,1].
func (f *Frame) Affinity(i, j bloc.CCode) bloc.Measure {
	const id, label = "tie.un_affinity", "UN affinity (share of states farther from the state than the partner)"
	p := prov(world.Ideal, "share of members k with |θ_i − θ_k| > |θ_i − θ_j|, mean distances over the period")
	dj := f.IdealDistance(i, j)
	if !dj.Value.OK {
		m := missing(id, label, f.pair(i, j), "[0,1]", p, bloc.Msg{})
		copyNote(&m, dj)
		return m
	}
	var far, n int
	for _, k := range f.Members() {
		if k == i || k == j {
			continue
		}
		if d := f.IdealDistance(i, k); d.Value.OK {
			n++
			if d.Value.V > dj.Value.V {
				far++
			}
		}
	}
	if n == 0 {
		return missing(id, label, f.pair(i, j), "[0,1]", p, bloc.Sayf("no other state with ideal points"))
	}
	m := measure(id, label, f.pair(i, j), bloc.Some(float64(far)/float64(n)), "[0,1]", dj.Year, p)
	m.Years = dj.Years
	setNote(&m, bloc.Sayf("distance %.2f", dj.Value.V))
	return m
}

// EventAlignment returns (Q1 + Q2 − Q3 − Q4)/N for a's events towards b over
// the period (ICEWS; THEORY.md J). Range [−1,1].
func (f *Frame) EventAlignment(a, b bloc.CCode) bloc.Measure {
	const id, label = "tie.event_alignment", "event alignment (cooperation − conflict)/events"
	p := prov(world.Events, "(Q1 + Q2 − Q3 − Q4) / N")
	q, cp, ok := f.Events(a, b)
	if !ok {
		return missing(id, label, f.dyad(a, b), "[−1,1]", p, f.notCovered(world.Events))
	}
	n := q.Total()
	if n < f.Params.MinEvents {
		return missing(id, label, f.dyad(a, b), "[−1,1]", p, bloc.Sayf("%.0f events (fewer than %.0f)", n, f.Params.MinEvents))
	}
	m := measure(id, label, f.dyad(a, b), bloc.Some((q[0]+q[1]-q[2]-q[3])/n), "[−1,1]", cp.To, p)
	m.Years = periodPtr(cp)
	setNote(&m, bloc.Sayf("%.0f events; material cooperation %.0f", n, q[1]))
	return m
}

// ArmsShare returns j's share of i's major-arms imports over the period
// (SIPRI TIV): ARMS_ij = Σ TIV_j→i / Σ_k TIV_k→i. Range [0,1].
func (f *Frame) ArmsShare(i, j bloc.CCode) bloc.Measure {
	const id, label = "tie.arms_share", "partner's share of the state's arms imports (SIPRI TIV)"
	p := prov(world.Arms, "Σ_t TIV_j→i / Σ_t Σ_k TIV_k→i over the period")
	cp, ok := f.covered(world.Arms)
	if !ok {
		return missing(id, label, f.dyad(j, i), "[0,1]", p, f.notCovered(world.Arms))
	}
	var from, tot float64
	for _, k := range f.W.States() {
		for y := cp.From; y <= cp.To; y++ {
			if d := f.W.Dyad(k, i, y); d != nil {
				tot += d.Arms
				if k == j {
					from += d.Arms
				}
			}
		}
	}
	if tot == 0 {
		m := missing(id, label, f.dyad(j, i), "[0,1]", p, bloc.Sayf("%s imported no major arms in %v", f.AbbArg(i), cp))
		return m
	}
	m := measure(id, label, f.dyad(j, i), bloc.Some(from/tot), "[0,1]", cp.To, p)
	m.Years = periodPtr(cp)
	setNote(&m, bloc.Sayf("TIV %.0f of %.0f", from, tot))
	return m
}

// Tie classifies the tie of i with j in Snyder's (1990) terms:
//
//	alliance   an ATOP defense or offense pledge in force in the period
//	coalition  no such pledge, but i and j on the same side of a MID in the period
//	alignment  otherwise an ATOP neutrality, non-aggression or consultation
//	           pledge, or two of: UN affinity ≥ AffinityCut, event alignment
//	           both ways ≥ AlignCut, j's share of i's arms imports ≥ ArmsCut
//	           (or one, when it is the only one of the three with data)
//	none       otherwise
//	unknown    no ATOP data for the period and fewer than two of the other
//	           signs with data: the tie cannot be told
//
// Score is AL_ij = mean(UN affinity, ATOP level/3, (event alignment + 1)/2,
// arms share) over the components with data (THEORY.md J).
func (f *Frame) Tie(i, j bloc.CCode) *TieEvidence {
	t := &TieEvidence{}
	t.Pledges, t.Level = f.Pledges(i, j)
	ss, okss := f.SameSide(i, j)
	t.SameSide = ss
	pc := prov(world.Disputes, "number of MIDs in the period with both states on the same side")
	if okss {
		t.Coalition = measure("tie.same_side_mids", "disputes fought on the same side", f.pair(i, j), bloc.Some(float64(len(ss))), "count", f.W.Cover(world.Disputes).Years.To, pc)
		if len(ss) > 0 {
			setNote(&t.Coalition, bloc.Sayf("MID %s", code(joinInts(ss))))
		}
	} else {
		t.Coalition = missing("tie.same_side_mids", "disputes fought on the same side", f.pair(i, j), "count", pc, f.notCovered(world.Disputes))
	}
	t.Affinity = f.Affinity(i, j)
	t.EventsIJ = f.EventAlignment(i, j)
	t.EventsJI = f.EventAlignment(j, i)
	t.ArmsIJ = f.ArmsShare(i, j)
	t.ArmsJI = f.ArmsShare(j, i)
	var sum float64
	var n int
	add := func(v bloc.Num, scale func(float64) float64) {
		if v.OK {
			sum += scale(v.V)
			n++
		}
	}
	add(t.Affinity.Value, func(x float64) float64 { return x })
	add(t.Level.Value, func(x float64) float64 { return x / 3 })
	if t.EventsIJ.Value.OK && t.EventsJI.Value.OK {
		add(bloc.Some((t.EventsIJ.Value.V+t.EventsJI.Value.V)/2), func(x float64) float64 { return (x + 1) / 2 })
	}
	add(t.ArmsIJ.Value, func(x float64) float64 { return x })
	ps := provs("AL = mean(UN affinity, ATOP level/3, (event alignment+1)/2, arms share)", world.Ideal, world.ATOP, world.Events, world.Arms)
	if n == 0 {
		t.Score = missing("tie.score", "composite alignment AL_ij", f.pair(i, j), "[0,1]", ps, bloc.Sayf("no component has data"))
	} else {
		t.Score = measure("tie.score", "composite alignment AL_ij", f.pair(i, j), bloc.Some(sum/float64(n)), "[0,1]", f.P.To, ps)
		if n < 4 {
			setNote(&t.Score, bloc.Sayf("%d of 4 components", n))
		}
	}
	f.classify(t, i, j)
	return t
}

// classify sets the tie's kind and basis from its evidence (see Tie).
func (f *Frame) classify(t *TieEvidence, i, j bloc.CCode) {
	ss := t.SameSide
	var formal, informal []bloc.Pledge
	for _, p := range t.Pledges {
		if p.Obligation == "defense" || p.Obligation == "offense" {
			formal = append(formal, p)
		} else {
			informal = append(informal, p)
		}
	}
	var sg signs
	avail := 0
	if v := t.Affinity.Value; v.OK {
		avail++
		if v.V >= f.Params.AffinityCut {
			sg.add(signUN, v.V)
		}
	}
	if a, b := t.EventsIJ.Value, t.EventsJI.Value; a.OK && b.OK {
		avail++
		if a.V >= f.Params.AlignCut && b.V >= f.Params.AlignCut {
			sg.add(signEvents, a.V, b.V)
		}
	}
	if v := t.ArmsIJ.Value; v.OK {
		avail++
		if v.V >= f.Params.ArmsCut {
			sg.add(signArms, 100*v.V, f.Abb(i), f.Abb(j))
		}
	}
	switch {
	case len(formal) > 0:
		t.Kind = bloc.Alliance
		t.BasisMsg = allianceBasis(formal)
	case len(ss) > 0:
		t.Kind = bloc.Coalition
		t.BasisMsg = coalitionBasis(ss)
	case len(informal) > 0:
		t.Kind = bloc.Alignment
		t.BasisMsg = informalBasis(informal, sg)
	case sg.n >= 2 || (sg.n == 1 && 2*sg.n > avail):
		t.Kind = bloc.Alignment
		t.BasisMsg = signsBasis(sg, f.P)
	case !t.Level.Value.OK && avail < 2:
		t.Kind = bloc.UnknownTie
		t.BasisMsg = f.unknownBasis(avail)
	default:
		t.Kind = bloc.NoTie
		t.BasisMsg = f.noneBasis(sg, !t.Level.Value.OK)
	}
	t.Basis = t.BasisMsg.String()
}

// Measures lists the tie evidence.
func (t *TieEvidence) Measures() []bloc.Measure {
	return []bloc.Measure{t.Level, t.Coalition, t.Affinity, t.EventsIJ, t.EventsJI, t.ArmsIJ, t.ArmsJI, t.Score}
}

// Render returns the tie in the verdict's vocabulary.
func (t *TieEvidence) Render() bloc.Tie {
	tie := bloc.Tie{Kind: t.Kind, Basis: t.Basis, Pledges: t.Pledges, Score: t.Score.Value, Evidence: t.Measures()}
	if !t.BasisMsg.IsZero() {
		m := t.BasisMsg
		tie.BasisMsg = &m
	}
	return tie
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for k, x := range xs {
		s[k] = fmt.Sprint(x)
	}
	return strings.Join(s, ", ")
}

// OpposesMsg reports whether k opposes t in the period: an active strategic
// rivalry, a MID between them with hostility ≥ 3 in the dispute window,
// sanctions between them, or — when no ATOP pledge binds them — a UNGA
// ideal-point distance of at least Params.OpposeUN. The reason is returned
// as a message (a zero Msg when k does not oppose t). A rivalry, dispute or
// sanctions outweigh a formal pledge still on the books (the Sino-Soviet
// treaty of 1950 was in force until 1980).
func (f *Frame) OpposesMsg(k, t bloc.CCode) (bool, bloc.Msg) {
	if k == t {
		return false, bloc.Msg{}
	}
	if r := f.Rivalry(k, t); r.Value.OK && r.Value.V == 1 {
		return true, bloc.Sayf("rivalry %s", NoteOf(r))
	}
	if win, ok := f.disputeWindow(); ok {
		for _, d := range f.W.Disputes {
			if d.A == k && d.B == t && win.Contains(d.Year) && max(d.HostA, d.HostB) >= 3 {
				return true, bloc.Sayf("MID %s (%d)", code(strconv.Itoa(d.Num)), d.Year)
			}
		}
	}
	// Allies are not opponents because of sanctions or UN votes (US trade
	// sanctions on Japan do not make Japan an opponent of the US).
	if lv := f.pledgeLevel(k, t); lv > 0 {
		return false, bloc.Msg{}
	}
	if m := f.SanctionsBy(t, k); m.Value.OK && m.Value.V > 0 {
		return true, bloc.Sayf("%.0f sanction episode(s) by %s", m.Value.V, f.AbbArg(t))
	}
	if m := f.SanctionsBy(k, t); m.Value.OK && m.Value.V > 0 {
		return true, bloc.Sayf("%.0f sanction episode(s) on %s", m.Value.V, f.AbbArg(t))
	}
	if d := f.IdealDistance(k, t); d.Value.OK && d.Value.V >= f.Params.OpposeUN {
		return true, bloc.Sayf("UN ideal-point distance %.2f", d.Value.V)
	}
	return false, bloc.Msg{}
}

// Opposes is OpposesMsg with the reason in English ("" when k does not
// oppose t).
func (f *Frame) Opposes(k, t bloc.CCode) (bool, string) {
	ok, why := f.OpposesMsg(k, t)
	return ok, why.String()
}

// pledgeLevel returns the valued ATOP tie of a and b in the last year of the
// period ATOP covers (0 when not covered).
func (f *Frame) pledgeLevel(a, b bloc.CCode) float64 {
	y, ok := f.latest(world.ATOP)
	if !ok || !f.W.CoversDyad(world.ATOP, a, b, y) {
		return 0
	}
	return f.tie(a, b, y)
}
