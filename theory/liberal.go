package theory

import (
	"fmt"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
)

func init() {
	Register(Interdependence{TopRank: 5, ReciprocalRank: 10, MinDepend: 0.005, MinIndex: 0.05, MinTrend: 0.001, MinIGO: 0.75})
}

// Interdependence is Keohane and Nye's (1977) economic interdependence:
// states align with the partners on whose exchange they depend.
type Interdependence struct {
	// TopRank: j must be among i's TopRank largest partners (default 5).
	TopRank int
	// ReciprocalRank: i among j's ReciprocalRank largest (default 10).
	ReciprocalRank int
	// MinDepend is the weak-link dependence min(DEPEND_ij, DEPEND_ji) of
	// dense trade (default 0.5% of GDP; Oneal & Russett 1997).
	MinDepend float64
	// MinIndex is the salience·symmetry of an interdependent pair (default 0.05).
	MinIndex float64
	// MinTrend is the yearly rise of j's trade share that counts as growing
	// interdependence (default 0.1 percentage point).
	MinTrend float64
	// MinIGO is the shared-IGO percentile of dense institutional ties (default 0.75).
	MinIGO float64
}

// ID implements Theory.
func (Interdependence) ID() string { return "interdependence" }

// Name implements Theory.
func (Interdependence) Name() string { return "Economic interdependence (Keohane & Nye)" }

// Family implements Theory.
func (Interdependence) Family() string { return "liberalism" }

// Citation implements Theory.
func (Interdependence) Citation() string {
	return "Keohane, R. O. and J. S. Nye (1977). Power and Interdependence. Little, Brown."
}

// Assumptions implements Theory.
func (Interdependence) Assumptions() []string {
	return []string{
		"Dense economic exchange makes states sensitive and vulnerable to each other, raising the cost of conflict and the value of cooperation.",
		"States align with the partners they trade with most and who depend on them in turn.",
		"Multiple channels — trade and shared institutions — connect societies and shape alignment.",
	}
}

// Account implements Theory.
func (t Interdependence) Account(c *Case) Account {
	f, i, j := c.F, c.I, c.J
	var a Account
	d := f.Interdependence(i, j)
	ps, vs, y := f.TradePartners(i)
	var top []bloc.CCode
	for k := range ps {
		if k == 3 {
			break
		}
		a.PointsTo = append(a.PointsTo, c.pointer("partner", ps[k], bloc.Some(vs[k]), bloc.Sayf("trade %.0f million USD in %d", vs[k], y)))
		top = append(top, ps[k])
	}
	if len(top) > 0 {
		a.Prediction = fmt.Sprintf("%s aligns with the partners it depends on economically; its largest trade partners in %d were %s.", c.Abb(i), y, c.names(top))
	} else {
		a.Prediction = fmt.Sprintf("%s aligns with the partners it depends on economically; no trade data for %v.", c.Abb(i), f.P)
	}
	rk := d.RankJinI
	ev := []bloc.Measure{rk, d.ShareIJ, d.Trade}
	for _, x := range append(c.FactsOf("trade_flow", i, j), c.FactsOf("trade_flow", j, i)...) {
		ev = append(ev, c.FactMeasure(x))
	}
	a.Tests = append(a.Tests, test("ie.partner_rank", bloc.Hoop, bloc.Bilateral,
		fmt.Sprintf("%s is among %s's main trade partners", c.Abb(j), c.Abb(i)),
		fmt.Sprintf("rank of %s among %s's partners ≤ %d", c.Abb(j), c.Abb(i), t.TopRank), cmp(rk.Value, "≤", float64(t.TopRank)),
		bloc.Sayf("%s ranks %s among %s's partners (%s); its share of %s's trade is %s.", c.AbbArg(j), num(f2int(rk.Value)), c.AbbArg(i), indicators.NoteOf(rk), c.AbbArg(i), num(pct(d.ShareIJ.Value))), ev...))

	rr := d.RankIinJ
	ev = []bloc.Measure{rr, d.ShareJI}
	for _, x := range c.FactsOf("partner_rank", j, i) {
		ev = append(ev, c.FactMeasure(x))
	}
	a.Tests = append(a.Tests, test("ie.reciprocal_rank", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("%s is among %s's main trade partners", c.Abb(i), c.Abb(j)),
		fmt.Sprintf("rank of %s among %s's partners ≤ %d", c.Abb(i), c.Abb(j), t.ReciprocalRank), cmp(rr.Value, "≤", float64(t.ReciprocalRank)),
		bloc.Sayf("%s ranks %s among %s's partners (%s).", c.AbbArg(i), num(f2int(rr.Value)), c.AbbArg(j), indicators.NoteOf(rr)), ev...))

	weak := bloc.Missing
	if d.DependIJ.Value.OK && d.DependJI.Value.OK {
		weak = bloc.Some(min(d.DependIJ.Value.V, d.DependJI.Value.V))
	}
	a.Tests = append(a.Tests, test("ie.dependence", bloc.Straw, bloc.Bilateral,
		"Both economies depend on the bilateral trade",
		fmt.Sprintf("min(DEPEND_ij, DEPEND_ji) ≥ %.1f%% of GDP", 100*t.MinDepend), cmp(weak, "≥", t.MinDepend),
		bloc.Sayf("Trade is %s of %s's GDP and %s of %s's.", num(pctf(d.DependIJ.Value)), c.AbbArg(i), num(pctf(d.DependJI.Value)), c.AbbArg(j)), d.DependIJ, d.DependJI, d.Asymmetry))

	a.Tests = append(a.Tests, test("ie.interdependence", bloc.Straw, bloc.Bilateral,
		"The pair is interdependent: salient and symmetric trade",
		fmt.Sprintf("salience·symmetry ≥ %.2f", t.MinIndex), cmp(d.Index.Value, "≥", t.MinIndex),
		bloc.Sayf("Salience %s, symmetry %s, index %s.", num(f3(d.Salience.Value)), num(f2(d.Symmetry.Value)), num(f3(d.Index.Value))), d.Index, d.Salience, d.Symmetry))

	a.Tests = append(a.Tests, test("ie.rising", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("%s's share of %s's trade rises over the period", c.Abb(j), c.Abb(i)),
		fmt.Sprintf("trend ≥ %.1f percentage point a year", 100*t.MinTrend), cmp(d.Trend.Value, "≥", t.MinTrend),
		bloc.Sayf("The share changed by %s percentage points a year.", num(ppt(d.Trend.Value))), d.Trend))

	ig := f.Identity(i, j).IGOs
	a.Tests = append(a.Tests, test("ie.institutions", bloc.Straw, bloc.Systemic,
		"Shared institutions add channels between the two",
		fmt.Sprintf("shared-IGO percentile ≥ %.2f", t.MinIGO), cmp(ig.Value, "≥", t.MinIGO),
		bloc.Sayf("%s and %s share more IGOs than %s of %s's dyads (%s).", c.AbbArg(i), c.AbbArg(j), num(pct(ig.Value)), c.AbbArg(i), indicators.NoteOf(ig)), ig))
	return a
}

func f2int(v bloc.Num) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprintf("%.0f", v.V)
}

func f3(v bloc.Num) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprintf("%.3g", v.V)
}

func pctf(v bloc.Num) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprintf("%.2f%%", 100*v.V)
}

func ppt(v bloc.Num) string {
	if !v.OK {
		return "NA"
	}
	return fmt.Sprintf("%.3f", 100*v.V)
}

// Narrative implements Narrator.
func (Interdependence) Narrative(c *Case) Narrative {
	d := c.F.Interdependence(c.I, c.J)
	return Narrative{
		Causes:   fmt.Sprintf("economic interdependence: %s is %s's trade partner no. %s; salience·symmetry %s", c.Abb(c.J), c.Abb(c.I), f2int(d.RankJinI.Value), f3(d.Index.Value)),
		Motives:  "protecting the gains of exchange",
		Results:  c.TieSummary() + " sustained by trade",
		EndsWhen: "trade and dependence fall",
	}
}
