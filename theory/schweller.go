package theory

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/world"
)

func init() { Register(BandwagoningForProfit{}) }

// BandwagoningForProfit is Schweller's (1994) bandwagoning for profit:
// revisionist states align with the stronger revisionist to share the gains.
type BandwagoningForProfit struct{}

// ID implements Theory.
func (BandwagoningForProfit) ID() string { return "bandwagoning_profit" }

// Name implements Theory.
func (BandwagoningForProfit) Name() string { return "Bandwagoning for profit (Schweller)" }

// Family implements Theory.
func (BandwagoningForProfit) Family() string { return "neorealism" }

// Citation implements Theory.
func (BandwagoningForProfit) Citation() string {
	return "Schweller, R. L. (1994). Bandwagoning for Profit: Bringing the Revisionist State Back In. International Security 19(1): 72–107."
}

// Assumptions implements Theory; they follow the paper's Table 3.
func (BandwagoningForProfit) Assumptions() []string {
	return []string{
		"Balancing and bandwagoning differ in aim: balancing seeks self-preservation, bandwagoning self-extension (gain).",
		"Interests, not threats, drive alignment: the balance of interests at the unit and the system level.",
		"States are status-quo or revisionist, with limited or unlimited aims (lions, lambs, jackals, wolves); revisionists join the stronger revisionist to share in the spoils.",
		"The power of the state followed and the size of the expected gains decide the choice.",
	}
}

// permanent are the veto holders of the UN Security Council (COW codes).
var permanent = map[bloc.CCode]bool{2: true, 200: true, 220: true, 365: true, 710: true}

// Account implements Theory.
func (t BandwagoningForProfit) Account(c *Case) Account {
	f, i, j := c.F, c.I, c.J
	var a Account
	ri, rj := f.Revisionism(i), f.Revisionism(j)
	h, _ := f.Hegemon()
	// The strongest revisionists i could follow.
	var wolves []bloc.CCode
	for _, k := range f.ByPower() {
		if len(wolves) == 3 {
			break
		}
		if k == i {
			continue
		}
		if r := f.Revisionism(k); r.OK && r.Revisionist {
			wolves = append(wolves, k)
			a.PointsTo = append(a.PointsTo, c.pointer("partner", k, f.CINC(k).Value, bloc.Sayf("revisionist %s (VR−VSQ %s)", typeTerm(r.Type), num(f2(r.Index.Value)))))
		}
	}
	a.Prediction = fmt.Sprintf("%s (%s) follows a strong revisionist for gain rather than security; the strongest revisionists are %s (status-quo leader: %s).",
		c.Abb(i), typeName(ri), c.names(wolves), c.Abb(h))

	a.Tests = append(a.Tests, test("bfp.revisionist", bloc.Hoop, bloc.Systemic,
		fmt.Sprintf("%s is a revisionist state (jackal or wolf)", c.Abb(i)),
		fmt.Sprintf("VR − VSQ(%s) > %.2f", c.Abb(i), f.Params.RevisionCut), revHolds(ri),
		revWhy(c, ri), ri.Index, ri.UN, ri.Portfolio, ri.Sanctions, ri.Claims))
	a.Tests = append(a.Tests, test("bfp.partner_revisionist", bloc.Hoop, bloc.Systemic,
		fmt.Sprintf("%s is a revisionist state able to change the status quo", c.Abb(j)),
		fmt.Sprintf("VR − VSQ(%s) > %.2f", c.Abb(j), f.Params.RevisionCut), revHolds(rj),
		revWhy(c, rj), rj.Index, rj.UN, rj.Portfolio, rj.Sanctions, rj.Claims))

	ci, cj := f.CINC(i), f.CINC(j)
	var stronger *bool
	if ci.Value.OK && cj.Value.OK {
		stronger = yes(cj.Value.V > ci.Value.V)
	}
	a.Tests = append(a.Tests, test("bfp.partner_stronger", bloc.Hoop, bloc.Bilateral,
		fmt.Sprintf("%s follows the stronger state: %s is stronger than %s", c.Abb(i), c.Abb(j), c.Abb(i)),
		"CINC_j > CINC_i", stronger, bloc.Sayf("CINC %s %s, %s %s.", c.AbbArg(j), num(f2(cj.Value)), c.AbbArg(i), num(f2(ci.Value))), cj, ci))

	// The size of the followed state's power.
	pp := f.PowerPercentile(j)
	r, n := f.PowerRank(j)
	ev := []bloc.Measure{pp}
	var great *bool
	if pp.Value.OK {
		s := f.W.StateYear(j, f.Ref)
		great = yes((s != nil && s.Major) || r <= 5)
	}
	major := false
	if s := f.W.StateYear(j, f.Ref); s != nil && s.Major {
		major = true
	}
	var facts []any
	for _, x := range append(append(c.FactsOf("power_index", j, 0), c.FactsOf("economy_rank", j, 0)...), c.FactsOf("arms_exporter_rank", j, 0)...) {
		ev = append(ev, c.FactMeasure(x))
		facts = append(facts, factSummary(x))
	}
	var why bloc.Msg
	switch {
	case major && len(facts) > 0:
		why = bloc.Sayf("%s ranks %d of %d by CINC and is a COW major power; %s.", c.AbbArg(j), r, n, indicators.Semicolons(facts))
	case major:
		why = bloc.Sayf("%s ranks %d of %d by CINC and is a COW major power.", c.AbbArg(j), r, n)
	case len(facts) > 0:
		why = bloc.Sayf("%s ranks %d of %d by CINC; %s.", c.AbbArg(j), r, n, indicators.Semicolons(facts))
	default:
		why = bloc.Sayf("%s ranks %d of %d by CINC.", c.AbbArg(j), r, n)
	}
	a.Tests = append(a.Tests, test("bfp.partner_great_power", bloc.Straw, bloc.Systemic,
		fmt.Sprintf("%s is a great power worth following", c.Abb(j)), "COW major power, or CINC rank ≤ 5", great, why, ev...))

	// Expected gains: arms.
	arms := c.Tie.ArmsIJ
	ev = []bloc.Measure{arms}
	var gainArms *bool
	if arms.Value.OK {
		gainArms = yes(arms.Value.V >= f.Params.ArmsCut)
	}
	for _, x := range c.FactsOf("arms_deal", j, i) {
		ev = append(ev, c.FactMeasure(x))
	}
	a.Tests = append(a.Tests, test("bfp.gains_arms", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("%s gains arms from %s", c.Abb(i), c.Abb(j)),
		fmt.Sprintf("%s's share of %s's arms imports ≥ %.0f%%", c.Abb(j), c.Abb(i), 100*f.Params.ArmsCut), gainArms,
		bloc.Sayf("%s supplied %s of %s's major arms in %v.", c.AbbArg(j), num(pct(arms.Value)), c.AbbArg(i), f.P), ev...))

	// Expected gains: trade.
	g := f.TradeGrowth(i, j)
	ev = []bloc.Measure{g}
	for _, x := range append(c.FactsOf("trade_flow", j, i), c.FactsOf("trade_flow", i, j)...) {
		ev = append(ev, c.FactMeasure(x))
	}
	a.Tests = append(a.Tests, test("bfp.gains_trade", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("%s's trade with %s grows", c.Abb(i), c.Abb(j)), "yearly log growth of bilateral trade > 0", cmp(g.Value, ">", 0),
		bloc.Sayf("Bilateral trade grew %s a year (%s).", num(pct(g.Value)), indicators.NoteOf(g)), ev...))

	// A sanctions-proof partner.
	si, _, cp, ok1 := f.Sanctions(0, i)
	sj, _, _, ok2 := f.Sanctions(0, j)
	var proof *bool
	why = bloc.Sayf("no sanctions data for the period")
	ev = []bloc.Measure{f.SanctionsOn(i), f.SanctionsOn(j)}
	if ok1 && ok2 {
		common := commonSenders(c, si, sj)
		proof = yes(len(common) > 0)
		if len(common) > 0 {
			why = bloc.Sayf("Both are under sanctions from %s in %v.", indicators.Commas(common), cp)
		} else {
			why = bloc.Sayf("No sender sanctions both %s and %s in %v.", c.AbbArg(i), c.AbbArg(j), cp)
		}
	}
	for _, x := range c.FactsOf("sanctions_count", 0, 0) {
		if x.SubjectCode == i || x.SubjectCode == j {
			ev = append(ev, c.FactMeasure(x))
		}
	}
	a.Tests = append(a.Tests, test("bfp.sanctions_proof", bloc.Straw, bloc.Systemic,
		fmt.Sprintf("%s is a sanctions-proof partner: both face the same senders", c.Abb(j)),
		"a common sender of sanctions against both in the period", proof, why, ev...))

	// Diplomatic cover at the UN Security Council.
	if permanent[j] {
		vetoes, resolutions, ev := c.unscRecord()
		var shield *bool
		if len(vetoes)+len(resolutions) > 0 {
			shield = yes(len(vetoes) > 0 && len(vetoes) >= len(resolutions))
		}
		why := bloc.Sayf("%s vetoed %d draft(s) on %s and voted for %d resolution(s) against it in the case file and data for %d–%d.",
			c.AbbArg(j), len(vetoes), c.AbbArg(i), len(resolutions), f.P.From, f.P.To+c.FactLag)
		if shield == nil {
			why = bloc.Sayf("no veto or resolution concerning %s is recorded for the period (the veto data name the agenda, not the states it concerns; a case file can add them)", c.AbbArg(i))
		}
		a.Tests = append(a.Tests, test("bfp.unsc_shield", bloc.Straw, bloc.Systemic,
			fmt.Sprintf("%s shields %s at the UN Security Council", c.Abb(j), c.Abb(i)),
			"vetoes for i ≥ 1 and ≥ resolutions against i that j voted for", shield, why, ev...))
	}

	// Institutional gains.
	mem := c.FactsOf("membership", i, j)
	if len(mem) > 0 {
		ev := make([]bloc.Measure, 0, len(mem))
		var orgs []bloc.Code // the case file's words
		for _, x := range mem {
			ev = append(ev, c.FactMeasure(x))
			orgs = append(orgs, bloc.Code(factLabel(x)))
		}
		a.Tests = append(a.Tests, test("bfp.gains_institutions", bloc.Straw, bloc.Systemic,
			fmt.Sprintf("%s gains access to institutions %s leads", c.Abb(i), c.Abb(j)), "membership facts in the case file", yes(true),
			bloc.Sayf("Case file: %s.", indicators.Semicolons(orgs)), ev...))
	}
	return a
}

func typeName(r *indicators.Revision) string {
	if !r.OK {
		return "state of unknown type"
	}
	return string(r.Type)
}

func revHolds(r *indicators.Revision) *bool {
	if !r.OK {
		return nil
	}
	return yes(r.Revisionist)
}

func revWhy(c *Case, r *indicators.Revision) bloc.Msg {
	if !r.OK {
		return bloc.Sayf("no revisionism data: %s", indicators.NoteOf(r.Index))
	}
	s, typ, v := c.Abb(r.State), typeTerm(r.Type), num(f2(r.Index.Value))
	if !r.Revisionist {
		return bloc.Sayf("%s is a status-quo state (%s): VR − VSQ %s.", s, typ, v)
	}
	aims := bloc.Term{Key: "aims.limited", Text: "limited aims"}
	if r.Unlimited {
		aims = bloc.Term{Key: "aims.unlimited", Text: "unlimited aims"}
	}
	if len(r.Dimensions) == 0 {
		return bloc.Sayf("%s is a %s: VR − VSQ %s, %s (revision dimensions: none).", s, typ, v, aims)
	}
	return bloc.Sayf("%s is a %s: VR − VSQ %s, %s (revision dimensions: %s).", s, typ, v, aims, DimensionList(r.Dimensions))
}

// DimensionList is the revision dimensions ("territorial", ...) as an
// argument of bloc.Sayf: a list of terms.
func DimensionList(dims []string) any {
	d := make([]bloc.Term, len(dims))
	for k, x := range dims {
		d[k] = bloc.Term{Key: "dim." + x, Text: x}
	}
	return indicators.Commas(d)
}

// typeTerm is a Schweller type ("jackal", ...) as a term.
func typeTerm(t bloc.SchwellerType) bloc.Term {
	return bloc.Term{Key: "stype." + string(t), Text: string(t)}
}

func commonSenders(c *Case, a, b []world.Sanction) []string {
	set := map[string]bool{}
	for _, x := range a {
		for _, s := range x.Senders {
			set[c.Abb(s)] = true
		}
		for _, o := range x.Orgs {
			set[o] = true
		}
	}
	seen := map[string]bool{}
	var out []string
	for _, x := range b {
		names := make([]string, 0, len(x.Senders)+len(x.Orgs))
		for _, s := range x.Senders {
			names = append(names, c.Abb(s))
		}
		names = append(names, x.Orgs...)
		for _, n := range names {
			if set[n] && !seen[n] && n != c.Abb(c.I) && n != c.Abb(c.J) {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	sort.Strings(out)
	return out
}

// unscRecord returns j's vetoes of drafts concerning i and the resolutions
// against i j voted for, from the case file's facts (kinds unsc_veto and
// unsc_resolution with stance "for") and from the veto data (drafts whose
// agenda names i), with the evidence.
func (c *Case) unscRecord() (vetoes, resolutions []string, ev []bloc.Measure) {
	f := c.F
	seen := map[string]bool{}
	for _, x := range c.FactsOf("unsc_veto", c.J, c.I) {
		key := x.Text
		if d := draftOf(x.Text); d != "" {
			key = d
			if v, ok := c.vetoRecord(d); ok {
				m := bloc.Measure{ID: "unsc.veto", Label: "veto cast: " + v.Agenda, Subject: c.Abb(c.J), Value: bloc.Some(1), Range: "{0,1}", Year: v.Year,
					Source: bloc.Provenance{Dataset: string(world.Vetoes), Formula: "draft " + v.Draft + ", " + v.Date}}
				setNote(&m, bloc.Sayf("confirms the case-file fact %s", bloc.Code(x.ID)))
				ev = append(ev, m)
			}
		}
		seen[key] = true
		vetoes = append(vetoes, key)
		ev = append(ev, c.FactMeasure(x))
	}
	name := strings.ToLower(f.W.Name(c.I))
	if name != "" && f.W.Cover(world.Vetoes).Years.From != 0 {
		for _, v := range f.W.Vetoes {
			if v.Year < f.P.From || v.Year > f.P.To || seen[v.Draft] || !has(v.Vetoers, c.J) {
				continue
			}
			if strings.Contains(strings.ToLower(v.Agenda+" "+v.Topic), name) {
				seen[v.Draft] = true
				vetoes = append(vetoes, v.Draft)
				ev = append(ev, bloc.Measure{ID: "unsc.veto", Label: "veto cast: " + v.Agenda, Subject: c.Abb(c.J), Value: bloc.Some(1), Range: "{0,1}", Year: v.Year,
					Source: bloc.Provenance{Dataset: string(world.Vetoes), Formula: "draft " + v.Draft + ", " + v.Date}})
			}
		}
	}
	for _, x := range c.FactsOf("unsc_resolution", c.J, c.I) {
		if x.Stance == "for" {
			resolutions = append(resolutions, x.Text)
			ev = append(ev, c.FactMeasure(x))
		}
	}
	return vetoes, resolutions, ev
}

func (c *Case) vetoRecord(draft string) (world.Veto, bool) {
	for _, v := range c.F.W.Vetoes {
		if v.Draft == draft && has(v.Vetoers, c.J) {
			return v, true
		}
	}
	return world.Veto{}, false
}

// draftOf extracts a UN document symbol ("S/2018/156") from a text.
func draftOf(s string) string {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "(),.;:")
		if strings.HasPrefix(w, "S/") && strings.Count(w, "/") == 2 {
			return w
		}
	}
	return ""
}

func has(cs []bloc.CCode, c bloc.CCode) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// factSummary names a fact (the case file's words) and its rank, as an
// argument of bloc.Sayf.
func factSummary(x world.Fact) any {
	label := bloc.Code(factLabel(x))
	switch {
	case x.Rank > 0 && x.Of != 0:
		return bloc.Sayf("%s (rank %d of %d, %s)", label, x.Rank, x.Of, x.Date)
	case x.Rank > 0:
		return bloc.Sayf("%s (rank %d, %s)", label, x.Rank, x.Date)
	}
	return label
}

// Narrative implements Narrator (the paper's Table 4, right column).
func (BandwagoningForProfit) Narrative(c *Case) Narrative {
	f := c.F
	ri, rj := f.Revisionism(c.I), f.Revisionism(c.J)
	r, n := f.PowerRank(c.J)
	cr := f.CapRatio(c.I, c.J)
	ratio := "NA"
	if cr.Value.OK && cr.Value.V < 1 {
		ratio = fmt.Sprintf("%.2f", cr.Value.V/(1-cr.Value.V))
	}
	return Narrative{
		Causes:  fmt.Sprintf("%s's power (CINC rank %d of %d) and the gains it offers (%s of %s's arms imports)", c.Abb(c.J), r, n, pct(c.Tie.ArmsIJ.Value), c.Abb(c.I)),
		Motives: fmt.Sprintf("gain: %s, a %s, follows %s, a %s, to share in revising the status quo", c.Abb(c.I), typeName(ri), c.Abb(c.J), typeName(rj)),
		Results: "an open " + c.TieSummary() + " for profit, with no binding defense pledge needed",
		EndsWhen: fmt.Sprintf("%s grows strong (CINC ratio to %s now %s) or the expected gains fail (arms, trade, diplomatic cover)",
			c.Abb(c.I), c.Abb(c.J), ratio),
	}
}
