package indicators

import (
	"math"
	"sort"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
)

// totals are the system totals of a year's capability components.
type totals struct {
	milex, milper, maxCINC, majorCINC float64
	cinc                              map[bloc.CCode]float64
}

func (f *Frame) totalsIn(y int) *totals {
	f.mu.Lock()
	defer f.mu.Unlock()
	if t, ok := f.totals[y]; ok {
		return t
	}
	t := &totals{cinc: map[bloc.CCode]float64{}}
	for _, c := range f.W.Members(y) {
		s := f.W.StateYear(c, y)
		if s == nil {
			continue
		}
		t.milex += s.Milex.Or(0)
		t.milper += s.Milper.Or(0)
		if s.CINC.OK {
			t.cinc[c] = s.CINC.V
			t.maxCINC = math.Max(t.maxCINC, s.CINC.V)
			if s.Major {
				t.majorCINC += s.CINC.V
			}
		}
	}
	f.totals[y] = t
	return t
}

// CINC returns c's Composite Index of National Capability in the reference
// year: CINC = (1/6) Σ_k x_ck / Σ_j x_jk over milex, milper, irst, pec, tpop,
// upop (Singer, Bremer & Stuckey 1972). Range [0,1]; the system sums to about 1.
func (f *Frame) CINC(c bloc.CCode) bloc.Measure {
	const id, label = "power.cinc", "CINC (composite index of national capability)"
	p := prov(world.NMC, "CINC = (1/6) Σ_k x_ik / Σ_j x_jk, k ∈ {milex, milper, irst, pec, tpop, upop}")
	if !f.W.Cover(world.NMC).Covers(f.Ref) {
		return missing(id, label, f.Abb(c), "[0,1]", p, f.notCovered(world.NMC))
	}
	s := f.W.StateYear(c, f.Ref)
	if s == nil || !s.CINC.OK {
		return missing(id, label, f.Abb(c), "[0,1]", p, bloc.Sayf("no CINC for %s in %d", f.AbbArg(c), f.Ref))
	}
	return measure(id, label, f.Abb(c), s.CINC, "[0,1]", f.Ref, p)
}

func (f *Frame) cinc(c bloc.CCode) (float64, bool) {
	s := f.W.StateYear(c, f.Ref)
	if s == nil || !s.CINC.OK || !f.W.Cover(world.NMC).Covers(f.Ref) {
		return 0, false
	}
	return s.CINC.V, true
}

// PowerShare returns c's CINC over the largest CINC of the year, the power
// component of the threat index. Range [0,1].
func (f *Frame) PowerShare(c bloc.CCode) bloc.Measure {
	const id, label = "threat.power", "aggregate power (CINC / largest CINC)"
	p := prov(world.NMC, "P_j = CINC_j / max_k CINC_k (within the year)")
	v, ok := f.cinc(c)
	t := f.totalsIn(f.Ref)
	if !ok || t.maxCINC == 0 {
		return missing(id, label, f.Abb(c), "[0,1]", p, bloc.Sayf("no CINC for %s in %d", f.AbbArg(c), f.Ref))
	}
	return measure(id, label, f.Abb(c), bloc.Some(v/t.maxCINC), "[0,1]", f.Ref, p)
}

// CapRatio returns i's share of the dyad's capabilities, CINC_i/(CINC_i +
// CINC_j); 0.5 is parity. Range [0,1].
func (f *Frame) CapRatio(i, j bloc.CCode) bloc.Measure {
	const id, label = "power.capratio", "capability ratio CINC_i/(CINC_i+CINC_j)"
	p := prov(world.NMC, "capratio_ij = CINC_i / (CINC_i + CINC_j)")
	a, ok1 := f.cinc(i)
	b, ok2 := f.cinc(j)
	if !ok1 || !ok2 || a+b == 0 {
		return missing(id, label, f.dyad(i, j), "[0,1]", p, bloc.Sayf("no CINC for one of the states in the reference year"))
	}
	return measure(id, label, f.dyad(i, j), bloc.Some(a/(a+b)), "[0,1]", f.Ref, p)
}

// Preponderance classifies the dyad's power relation by max/min CINC: ≥ 10
// large, 3–10 medium, < 3 small (Bremer 1992). The measure's value is the
// ratio.
func (f *Frame) Preponderance(i, j bloc.CCode) (bloc.Measure, string) {
	const id, label = "power.preponderance", "preponderance max/min CINC"
	p := prov(world.NMC, "max(CINC_i,CINC_j)/min(CINC_i,CINC_j); ≥10 large, 3–10 medium, <3 small (Bremer 1992)")
	a, ok1 := f.cinc(i)
	b, ok2 := f.cinc(j)
	if !ok1 || !ok2 || math.Min(a, b) == 0 {
		return missing(id, label, f.pair(i, j), "≥1", p, bloc.Sayf("no CINC for one of the states")), ""
	}
	r := math.Max(a, b) / math.Min(a, b)
	cls, note := "small", bloc.Sayf("small")
	switch {
	case r >= 10:
		cls, note = "large", bloc.Sayf("large")
	case r >= 3:
		cls, note = "medium", bloc.Sayf("medium")
	}
	m := measure(id, label, f.pair(i, j), bloc.Some(r), "≥1", f.Ref, p)
	setNote(&m, note)
	return m, cls
}

// SystemShare returns c's CINC over the summed CINC of the major powers
// (Levy & Thompson 2005; a "hegemonic threat" holds ≥ 0.33).
func (f *Frame) SystemShare(c bloc.CCode) bloc.Measure {
	const id, label = "power.system_share", "share of great-power capabilities"
	p := prov(world.NMC, "CINC_j / Σ_{major powers} CINC")
	v, ok := f.cinc(c)
	t := f.totalsIn(f.Ref)
	if !ok || t.majorCINC == 0 {
		return missing(id, label, f.Abb(c), "≥0", p, bloc.Sayf("no CINC or no major powers in the reference year"))
	}
	return measure(id, label, f.Abb(c), bloc.Some(v/t.majorCINC), "≥0", f.Ref, p)
}

// PowerRank returns c's rank by CINC among the members of the reference
// year, and how many were ranked (0 for a state without CINC).
func (f *Frame) PowerRank(c bloc.CCode) (int, int) {
	r := f.powerOrder()
	return r.rank[c], len(r.order)
}

type powerOrder struct {
	order []bloc.CCode
	rank  map[bloc.CCode]int
}

// powerOrder sorts the members by CINC once per frame.
func (f *Frame) powerOrder() *powerOrder {
	return f.Memo("power.order", func() any {
		t := f.totalsIn(f.Ref)
		out := make([]bloc.CCode, 0, len(t.cinc))
		for c := range t.cinc {
			out = append(out, c)
		}
		sort.Slice(out, func(a, b int) bool {
			if t.cinc[out[a]] != t.cinc[out[b]] {
				return t.cinc[out[a]] > t.cinc[out[b]]
			}
			return out[a] < out[b]
		})
		r := &powerOrder{order: out, rank: make(map[bloc.CCode]int, len(out))}
		for k, c := range out {
			r.rank[c] = k + 1
		}
		return r
	}).(*powerOrder)
}

// PowerPercentile returns the share of members with a CINC not above c's.
// Range [0,1].
func (f *Frame) PowerPercentile(c bloc.CCode) bloc.Measure {
	const id, label = "power.percentile", "CINC percentile among system members"
	p := prov(world.NMC, "1 − (rank−1)/N by CINC")
	r, n := f.PowerRank(c)
	if r == 0 || n == 0 {
		return missing(id, label, f.Abb(c), "[0,1]", p, bloc.Sayf("no CINC for %s in %d", f.AbbArg(c), f.Ref))
	}
	m := measure(id, label, f.Abb(c), bloc.Some(1-float64(r-1)/float64(n)), "[0,1]", f.Ref, p)
	setNote(&m, bloc.Sayf("rank %d of %d", r, n))
	return m
}

// ByPower returns the members of the reference year with a CINC, strongest
// first. The slice is shared: do not modify it.
func (f *Frame) ByPower() []bloc.CCode { return f.powerOrder().order }

// SystemLeader returns the strongest member by CINC (Waltz's balance of
// power: the state others balance against), and false when there is none.
func (f *Frame) SystemLeader() (bloc.CCode, bool) {
	l := f.ByPower()
	if len(l) == 0 {
		return 0, false
	}
	return l[0], true
}

// Neighbourhood returns the states of i's region: those contiguous with i
// (COW types 1–5) or within Params.RegionKm of it (CShapes minimum
// distance), in the reference year or the last year of the period the
// sources cover.
func (f *Frame) Neighbourhood(i bloc.CCode) []bloc.CCode {
	var out []bloc.CCode
	cy, okc := f.latest(world.Contiguity)
	my, okm := f.latest(world.MinDist)
	for _, j := range f.Members() {
		if j == i {
			continue
		}
		near := false
		if okc && f.W.CoversDyad(world.Contiguity, i, j, cy) {
			if d := f.W.Dyad(i, j, cy); d != nil && d.Contig >= 1 && d.Contig <= 5 {
				near = true
			}
		}
		if !near && okm && f.W.CoversDyad(world.MinDist, i, j, my) {
			if d := f.W.Dyad(i, j, my); d != nil && d.MinDist.OK && d.MinDist.V <= f.Params.RegionKm {
				near = true
			}
		}
		if near {
			out = append(out, j)
		}
	}
	return out
}

// RegionalLeader returns the strongest state by CINC in i's neighbourhood
// if it is stronger than i.
func (f *Frame) RegionalLeader(i bloc.CCode) (bloc.CCode, bool) {
	ci, ok := f.cinc(i)
	if !ok {
		return 0, false
	}
	best, bv := bloc.CCode(0), ci
	for _, j := range f.Neighbourhood(i) {
		if v, ok := f.cinc(j); ok && v > bv {
			best, bv = j, v
		}
	}
	return best, best != 0
}
