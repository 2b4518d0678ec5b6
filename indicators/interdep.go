package indicators

import (
	"fmt"
	"math"
	"sort"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
)

// Interdep is the economic interdependence of i and j (Keohane & Nye 1977;
// THEORY.md H) in the last year of the period with trade data for the dyad.
type Interdep struct {
	Year int
	// Trade is X_ij + M_ij, millions of current USD.
	Trade bloc.Measure
	// ShareIJ is j's share of i's trade, ShareJI i's share of j's (Barbieri 1996).
	ShareIJ, ShareJI bloc.Measure
	// DependIJ is i's trade with j over i's GDP (Oneal & Russett 1997).
	DependIJ, DependJI bloc.Measure
	// Salience = sqrt(ShareIJ·ShareJI); Symmetry = 1 − |ShareIJ − ShareJI|;
	// Index = Salience·Symmetry; Asymmetry = DependIJ − DependJI.
	Salience, Symmetry, Index, Asymmetry bloc.Measure
	// RankJinI is j's rank among i's partners by trade; RankIinJ the reverse.
	RankJinI, RankIinJ bloc.Measure
	// Trend is the yearly change of ShareIJ over the period (least squares).
	Trend bloc.Measure
}

// Measures lists the interdependence measures.
func (d *Interdep) Measures() []bloc.Measure {
	return []bloc.Measure{d.Trade, d.ShareIJ, d.ShareJI, d.DependIJ, d.DependJI, d.Salience, d.Symmetry, d.Index,
		d.Asymmetry, d.RankJinI, d.RankIinJ, d.Trend}
}

// tradeWith returns i's trade with j in year y (i's imports from j plus j's
// imports from i), and false when a flow is missing or not covered. A dyad
// with zero flows both ways counts as missing: COW trade often records
// missing flows as zero (Barbieri & Keshk's codebook; Soviet-bloc trade
// before 1990, from IMF sources that omit it, is the best-known case), and
// a true zero and a gap cannot be told apart.
func (f *Frame) tradeWith(i, j bloc.CCode, y int) (float64, bool) {
	if !f.W.CoversDyad(world.Trade, i, j, y) {
		return 0, false
	}
	a, b := f.W.Dyad(i, j, y), f.W.Dyad(j, i, y)
	if a == nil || b == nil || !a.Imports.OK || !b.Imports.OK || a.Imports.V+b.Imports.V == 0 {
		return 0, false
	}
	return a.Imports.V + b.Imports.V, true
}

// totalTrade returns c's total trade (imports + exports) in year y.
func (f *Frame) totalTrade(c bloc.CCode, y int) (float64, bool) {
	s := f.W.StateYear(c, y)
	if s == nil || !s.Imports.OK || !s.Exports.OK || !f.W.Cover(world.TradeTotal).Covers(y) {
		return 0, false
	}
	return s.Imports.V + s.Exports.V, true
}

// partnerRank returns j's rank among i's partners by trade in year y.
func (f *Frame) partnerRank(i, j bloc.CCode, y int) (int, int, bool) {
	ranks := f.Memo(fmt.Sprintf("partners.%d.%d", i, y), func() any {
		vals := map[bloc.CCode]float64{}
		for _, k := range f.W.Members(y) {
			if k == i {
				continue
			}
			if v, ok := f.tradeWith(i, k, y); ok {
				vals[k] = v
			}
		}
		ks := make([]bloc.CCode, 0, len(vals))
		for k := range vals {
			ks = append(ks, k)
		}
		sort.Slice(ks, func(a, b int) bool {
			if vals[ks[a]] != vals[ks[b]] {
				return vals[ks[a]] > vals[ks[b]]
			}
			return ks[a] < ks[b]
		})
		r := make(map[bloc.CCode]int, len(ks))
		for n, k := range ks {
			r[k] = n + 1
		}
		return r
	}).(map[bloc.CCode]int)
	r, ok := ranks[j]
	return r, len(ranks), ok
}

// Interdependence returns the interdependence measures of i and j.
func (f *Frame) Interdependence(i, j bloc.CCode) *Interdep {
	d := &Interdep{}
	cp, ok := f.covered(world.Trade)
	why := f.notCovered(world.Trade)
	y := 0
	var tr float64
	if ok {
		why = bloc.Sayf("no trade flows for %s in %v (COW trade records none, or zero both ways, which bloc reads as missing)", f.pair(i, j), cp)
		for t := cp.To; t >= cp.From; t-- {
			if v, ok := f.tradeWith(i, j, t); ok {
				y, tr = t, v
				break
			}
		}
	}
	sub := f.pair(i, j)
	mk := func(id, label, subject, rng, formula string, v bloc.Num, srcs ...world.Source) bloc.Measure {
		p := provs(formula, srcs...)
		if y == 0 {
			return missing(id, label, subject, rng, p, why)
		}
		if !v.OK {
			return missing(id, label, subject, rng, p, bloc.Sayf("a term is missing in %d", y))
		}
		return measure(id, label, subject, v, rng, y, p)
	}
	d.Year = y
	d.Trade = mk("interdep.trade", "bilateral trade X+M (million current USD)", sub, "≥0", "M_ij + M_ji (COW flows)", bloc.Some(tr), world.Trade)
	ti, oki := f.totalTrade(i, y)
	tj, okj := f.totalTrade(j, y)
	sij, sji := bloc.Missing, bloc.Missing
	if oki && ti > 0 {
		sij = bloc.Some(tr / ti)
	}
	if okj && tj > 0 {
		sji = bloc.Some(tr / tj)
	}
	d.ShareIJ = mk("interdep.share_ij", "partner's share of the state's trade", f.dyad(i, j), "[0,1]", "(X_ij + M_ij)/(X_i + M_i)", sij, world.Trade, world.TradeTotal)
	d.ShareJI = mk("interdep.share_ji", "state's share of the partner's trade", f.dyad(j, i), "[0,1]", "(X_ij + M_ij)/(X_j + M_j)", sji, world.Trade, world.TradeTotal)
	dep := func(c bloc.CCode) bloc.Num {
		s := f.W.StateYear(c, y)
		if s == nil || !s.GDP.OK || s.GDP.V == 0 || !f.W.Cover(world.GDP).Covers(y) {
			return bloc.Missing
		}
		return bloc.Some(tr / s.GDP.V)
	}
	dij, dji := dep(i), dep(j)
	d.DependIJ = mk("interdep.depend_ij", "trade with the partner over GDP", f.dyad(i, j), "≥0", "(X_ij + M_ij)/GDP_i (GDP: PWT real, PPP; trade: current USD)", dij, world.Trade, world.GDP)
	d.DependJI = mk("interdep.depend_ji", "trade with the state over the partner's GDP", f.dyad(j, i), "≥0", "(X_ij + M_ij)/GDP_j", dji, world.Trade, world.GDP)
	sal, sym, idx := bloc.Missing, bloc.Missing, bloc.Missing
	if sij.OK && sji.OK {
		sal = bloc.Some(math.Sqrt(sij.V * sji.V))
		sym = bloc.Some(1 - math.Abs(sij.V-sji.V))
		idx = bloc.Some(sal.V * sym.V)
	}
	d.Salience = mk("interdep.salience", "salience sqrt(share_ij·share_ji)", sub, "[0,1]", "sqrt(SHARE_ij · SHARE_ji)", sal, world.Trade, world.TradeTotal)
	d.Symmetry = mk("interdep.symmetry", "symmetry 1 − |share_ij − share_ji|", sub, "[0,1]", "1 − |SHARE_ij − SHARE_ji|", sym, world.Trade, world.TradeTotal)
	d.Index = mk("interdep.index", "interdependence salience·symmetry", sub, "[0,1]", "SALIENCE · SYMMETRY", idx, world.Trade, world.TradeTotal)
	asym := bloc.Missing
	if dij.OK && dji.OK {
		asym = bloc.Some(dij.V - dji.V)
	}
	d.Asymmetry = mk("interdep.asymmetry", "asymmetry DEPEND_ij − DEPEND_ji (>0: the state depends more)", f.dyad(i, j), "ℝ", "DEPEND_ij − DEPEND_ji", asym, world.Trade, world.GDP)
	d.RankJinI = f.rankMeasure("interdep.rank_j_in_i", "partner's rank among the state's trade partners", i, j, y, why)
	d.RankIinJ = f.rankMeasure("interdep.rank_i_in_j", "state's rank among the partner's trade partners", j, i, y, why)
	d.Trend = f.shareTrend(i, j, cp, ok)
	return d
}

func (f *Frame) rankMeasure(id, label string, i, j bloc.CCode, y int, why bloc.Msg) bloc.Measure {
	p := prov(world.Trade, "rank by X+M among the state's partners (1 = largest)")
	if y == 0 {
		return missing(id, label, f.dyad(i, j), "rank", p, why)
	}
	r, n, ok := f.partnerRank(i, j, y)
	if !ok {
		return missing(id, label, f.dyad(i, j), "rank", p, bloc.Sayf("%s's partners are not loaded", f.AbbArg(i)))
	}
	m := measure(id, label, f.dyad(i, j), bloc.Some(float64(r)), "rank", y, p)
	setNote(&m, bloc.Sayf("of %d partners", n))
	return m
}

// shareTrend fits SHARE_ij = a + b·year by least squares over the period's
// covered years and returns b (share points per year).
func (f *Frame) shareTrend(i, j bloc.CCode, cp bloc.Period, ok bool) bloc.Measure {
	const id, label = "interdep.trend", "yearly change of the partner's share of the state's trade"
	p := provs("least-squares slope of SHARE_ij on year", world.Trade, world.TradeTotal)
	if !ok {
		return missing(id, label, f.dyad(i, j), "per year", p, f.notCovered(world.Trade))
	}
	var xs, ys []float64
	for y := cp.From; y <= cp.To; y++ {
		tr, ok1 := f.tradeWith(i, j, y)
		ti, ok2 := f.totalTrade(i, y)
		if ok1 && ok2 && ti > 0 {
			xs = append(xs, float64(y))
			ys = append(ys, tr/ti)
		}
	}
	if len(xs) < 3 {
		return missing(id, label, f.dyad(i, j), "per year", p, bloc.Sayf("%d years with trade data (3 needed)", len(xs)))
	}
	b := slope(xs, ys)
	m := measure(id, label, f.dyad(i, j), bloc.Some(b), "per year", int(xs[len(xs)-1]), p)
	m.Years = periodPtr(bloc.Period{From: int(xs[0]), To: int(xs[len(xs)-1])})
	return m
}

// slope returns the least-squares slope of ys on xs.
func slope(xs, ys []float64) float64 {
	var mx, my float64
	for k := range xs {
		mx += xs[k]
		my += ys[k]
	}
	mx /= float64(len(xs))
	my /= float64(len(ys))
	var sxy, sxx float64
	for k := range xs {
		sxy += (xs[k] - mx) * (ys[k] - my)
		sxx += (xs[k] - mx) * (xs[k] - mx)
	}
	if sxx == 0 {
		return 0
	}
	return sxy / sxx
}

// TradeGrowth returns the yearly log growth of i's trade with j between the
// first and the last year of the period with trade data for the dyad:
// ln(trade_last/trade_first)/(last − first).
func (f *Frame) TradeGrowth(i, j bloc.CCode) bloc.Measure {
	const id, label = "interdep.growth", "yearly growth of bilateral trade (log)"
	p := prov(world.Trade, "ln(trade_last / trade_first) / (last − first)")
	cp, ok := f.covered(world.Trade)
	if !ok {
		return missing(id, label, f.pair(i, j), "per year", p, f.notCovered(world.Trade))
	}
	first, last := 0, 0
	var a, b float64
	for y := cp.From; y <= cp.To; y++ {
		if v, ok := f.tradeWith(i, j, y); ok && v > 0 {
			if first == 0 {
				first, a = y, v
			}
			last, b = y, v
		}
	}
	if first == 0 || last == first {
		return missing(id, label, f.pair(i, j), "per year", p, bloc.Sayf("fewer than two years with trade between %s in %v", f.pair(i, j), cp))
	}
	m := measure(id, label, f.pair(i, j), bloc.Some(math.Log(b/a)/float64(last-first)), "per year", last, p)
	m.Years = periodPtr(bloc.Period{From: first, To: last})
	setNote(&m, bloc.Sayf("%.0f → %.0f million USD", a, b))
	return m
}

type partners struct {
	cs []bloc.CCode
	vs []float64
	y  int
}

// TradePartners returns i's trade partners, largest first, in the last year
// of the period with trade data for i, with their trade in million USD.
// The slices are shared: do not modify them.
func (f *Frame) TradePartners(i bloc.CCode) ([]bloc.CCode, []float64, int) {
	p := f.Memo(fmt.Sprintf("tradepartners.%d", i), func() any {
		cs, vs, y := f.tradePartners(i)
		return partners{cs, vs, y}
	}).(partners)
	return p.cs, p.vs, p.y
}

func (f *Frame) tradePartners(i bloc.CCode) ([]bloc.CCode, []float64, int) {
	cp, ok := f.covered(world.Trade)
	if !ok {
		return nil, nil, 0
	}
	for y := cp.To; y >= cp.From; y-- {
		vals := map[bloc.CCode]float64{}
		for _, k := range f.W.Members(y) {
			if v, ok := f.tradeWith(i, k, y); ok && k != i {
				vals[k] = v
			}
		}
		if len(vals) == 0 {
			continue
		}
		cs := make([]bloc.CCode, 0, len(vals))
		for k := range vals {
			cs = append(cs, k)
		}
		sort.Slice(cs, func(a, b int) bool {
			if vals[cs[a]] != vals[cs[b]] {
				return vals[cs[a]] > vals[cs[b]]
			}
			return cs[a] < cs[b]
		})
		vs := make([]float64, len(cs))
		for k, c := range cs {
			vs[k] = vals[c]
		}
		return cs, vs, y
	}
	return nil, nil, 0
}
