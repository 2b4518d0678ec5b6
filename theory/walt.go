package theory

import (
	"fmt"
	"math"
	"sort"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
)

func init() {
	Register(BalanceOfThreat{})
	Register(WaltBandwagoning{WeakRatio: 0.1, AllyRatio: 0.5})
}

// BalanceOfThreat is Walt's (1987) balance-of-threat theory: states balance
// against the most threatening state, where threat combines aggregate
// power, proximity, offensive power and aggressive intentions.
type BalanceOfThreat struct{}

// ID implements Theory.
func (BalanceOfThreat) ID() string { return "balance_of_threat" }

// Name implements Theory.
func (BalanceOfThreat) Name() string { return "Balance of threat (Walt)" }

// Family implements Theory.
func (BalanceOfThreat) Family() string { return "neorealism" }

// Citation implements Theory.
func (BalanceOfThreat) Citation() string {
	return "Walt, S. M. (1987). The Origins of Alliances. Cornell University Press."
}

// Assumptions implements Theory; they follow the paper's Table 1.
func (BalanceOfThreat) Assumptions() []string {
	return []string{
		"States balance against the most threatening state, not the most powerful; threat has four sources: aggregate power, geographic proximity, offensive power and aggressive intentions.",
		"An alliance is a formal or informal arrangement for security cooperation that increases security and deters the threatener.",
		"Power is distinct from threat: a state may align with a stronger state that it does not perceive as aggressive, against one it does.",
		"States are security seekers: security ties, not economic gain or shared identity, drive the alignment.",
	}
}

// partner is a state a theory expects i to align with.
type partner struct {
	c     bloc.CCode
	score float64
	basis bloc.Msg // why it opposes the state (indicators.Frame.OpposesMsg)
}

// botPartners returns the states BoT expects i to align with against T:
// states opposing T (indicators.Opposes) and not allied with it, ranked by
// Cap_k · (1 − T_k→i/max T) (THEORY.md E).
func (c *Case) botPartners(t bloc.CCode) []partner {
	return c.F.Memo(fmt.Sprintf("bot.partners.%d.%d", c.I, t), func() any { return c.computeBotPartners(t) }).([]partner)
}

func (c *Case) computeBotPartners(t bloc.CCode) []partner {
	f := c.F
	th := f.Threats(c.I)
	var maxT float64
	for _, r := range th.Rows {
		if r.Score.OK {
			maxT = math.Max(maxT, r.Score.V)
		}
	}
	var out []partner
	for _, o := range c.opponents(t) {
		tk := 0.0
		if r, ok := th.Row(o.c); ok && r.Score.OK && maxT > 0 {
			tk = r.Score.V / maxT
		}
		out = append(out, partner{o.c, o.score * (1 - tk), o.basis})
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].score != out[b].score {
			return out[a].score > out[b].score
		}
		return out[a].c < out[b].c
	})
	return out
}

func rankIn(ps []partner, c bloc.CCode) int {
	for k, p := range ps {
		if p.c == c {
			return k + 1
		}
	}
	return 0
}

// Account implements Theory.
func (t BalanceOfThreat) Account(c *Case) Account {
	f, i, j := c.F, c.I, c.J
	cut := f.Params.IntentCut
	th := f.Threats(i)
	var a Account
	top, ok := c.TopThreat()
	if !ok {
		a.Prediction = fmt.Sprintf("%s's threats cannot be ranked in %v: no intentions or capabilities data.", c.Abb(i), f.P)
		a.Tests = []bloc.Test{test("bot.threat", bloc.Hoop, bloc.Systemic, fmt.Sprintf("%s faces an outside state with aggressive intentions", c.Abb(i)),
			"I(T→i) ≥ "+f2(bloc.Some(cut)), nil, bloc.Sayf("no threat could be ranked"))}
		return a
	}
	T := top.J
	partners := c.botPartners(T)
	a.PointsTo = append(a.PointsTo, c.pointer("threat", T, top.Score, bloc.Sayf("threat %s (%s index), intentions %s", num(f2(top.Score)), formTerm(th.Form), num(f2(top.I.Value)))))
	var pnames []bloc.CCode
	for k, p := range partners {
		if k == 3 {
			break
		}
		a.PointsTo = append(a.PointsTo, c.pointer("partner", p.c, bloc.Some(p.score), bloc.Sayf("opposes %s: %s", c.AbbArg(T), p.basis)))
		pnames = append(pnames, p.c)
	}
	a.Prediction = fmt.Sprintf("%s balances against %s, its most threatening state (%s index %s; intentions %s); it aligns with capable states that oppose %s and do not threaten it: %s.",
		c.Abb(i), c.Abb(T), th.Form, f2(top.Score), f2(top.I.Value), c.Abb(T), c.names(pnames))

	// 1. A threat with aggressive intentions.
	a.Tests = append(a.Tests, test("bot.threat", bloc.Hoop, bloc.Systemic,
		fmt.Sprintf("%s faces an outside state with aggressive intentions (%s)", c.Abb(i), c.Abb(T)),
		fmt.Sprintf("I(%s→%s) ≥ %.2f", c.Abb(T), c.Abb(i), cut), cmp(top.I.Value, "≥", cut),
		bloc.Sayf("%s is %s's first-ranked threat; its intentions index is %s.", c.AbbArg(T), c.AbbArg(i), num(f2(top.I.Value))),
		top.I, top.P, top.D, top.O))

	rj, okj := th.Row(j)
	if j == T {
		a.Tests = append(a.Tests, test("bot.partner_benign", bloc.Hoop, bloc.Bilateral,
			fmt.Sprintf("%s does not perceive %s as aggressive", c.Abb(i), c.Abb(j)),
			fmt.Sprintf("I(%s→%s) < %.2f and %s is not the top threat", c.Abb(j), c.Abb(i), cut, c.Abb(j)), yes(false),
			bloc.Sayf("%s is %s's most threatening state: BoT expects balancing against it, not alignment with it.", c.AbbArg(j), c.AbbArg(i)), top.I))
	} else {
		var ev []bloc.Measure
		var holds *bool
		if okj {
			ev = append(ev, rj.I)
			ev = append(ev, f.IntentParts(j, i)...)
			holds = cmp(rj.I.Value, "<", cut)
		}
		a.Tests = append(a.Tests, test("bot.partner_benign", bloc.Hoop, bloc.Bilateral,
			fmt.Sprintf("%s does not perceive %s as having aggressive intentions", c.Abb(i), c.Abb(j)),
			fmt.Sprintf("I(%s→%s) < %.2f", c.Abb(j), c.Abb(i), cut), holds,
			bloc.Sayf("%s's intentions index towards %s is %s (components: disputes, rivalry, conflict events, UN distance, sanctions).", c.AbbArg(j), c.AbbArg(i), num(intentOrNA(rj, okj))), ev...))
	}
	// 2. The partner is not among the main threats.
	if okj && rj.Rank > 0 {
		m := bloc.Measure{ID: "threat.rank", Label: "rank among the state's threats", Subject: c.Abb(j) + "→" + c.Abb(i),
			Value: bloc.Some(float64(rj.Rank)), Range: "rank", Year: f.Ref, Source: rj.I.Source}
		setNote(&m, bloc.Sayf("of %d candidates; %s index %s", len(th.Rows), formTerm(th.Form), num(f2(rj.Score))))
		a.Tests = append(a.Tests, test("bot.partner_not_threat", bloc.Straw, bloc.Bilateral,
			fmt.Sprintf("%s is not among %s's main threats despite its material sources of threat", c.Abb(j), c.Abb(i)),
			fmt.Sprintf("rank of %s among %s's threats > 3", c.Abb(j), c.Abb(i)), yes(rj.Rank > 3),
			bloc.Sayf("%s ranks %d of %d (power %s, proximity %s, offense %s, intentions %s).", c.AbbArg(j), rj.Rank, len(th.Rows), num(f2(rj.P.Value)), num(f2(rj.D.Value)), num(f2(rj.O.Value)), num(f2(rj.I.Value))),
			m, rj.P, rj.D, rj.O))
	} else {
		a.Tests = append(a.Tests, test("bot.partner_not_threat", bloc.Straw, bloc.Bilateral,
			fmt.Sprintf("%s is not among %s's main threats", c.Abb(j), c.Abb(i)), "rank > 3", nil, bloc.Sayf("the partner's threat could not be ranked")))
	}
	// 3. A common threat.
	if j != T {
		opp, why := f.OpposesMsg(j, T)
		m := bloc.Measure{ID: "opposes", Label: fmt.Sprintf("%s opposes %s", c.Abb(j), c.Abb(T)), Subject: c.Abb(j) + "–" + c.Abb(T), Value: b2n(opp), Range: "{0,1}", Year: f.P.To,
			Source: bloc.Provenance{Dataset: "tss_strategic_rivalries+gml_mid_directed_dispute_v2.2.1+gsdb_v3_sanctions+unga_ideal_points_bsv_jun2024", Formula: "rivalry, hostile MID, sanctions, or UN distance ≥ " + f2(bloc.Some(f.Params.OpposeUN)) + " without a pledge"}}
		setNote(&m, why)
		w := bloc.Sayf("%s opposes %s: %s.", c.AbbArg(j), c.AbbArg(T), why)
		if !opp {
			w = bloc.Sayf("No rivalry, hostile dispute, sanctions or wide UN distance sets %s against %s.", c.AbbArg(j), c.AbbArg(T))
		}
		a.Tests = append(a.Tests, test("bot.common_threat", bloc.Hoop, bloc.Systemic,
			fmt.Sprintf("%s and %s share the threat: %s opposes %s too", c.Abb(i), c.Abb(j), c.Abb(j), c.Abb(T)),
			fmt.Sprintf("opposes(%s, %s)", c.Abb(j), c.Abb(T)), yes(opp), w, m))
		// 4. The partner is one BoT would pick.
		r := rankIn(partners, j)
		pm := bloc.Measure{ID: "bot.partner_rank", Label: "rank among BoT's expected partners, by CINC·(1 − threat)", Subject: c.Abb(j), Value: bloc.Missing, Range: "rank", Year: f.Ref,
			Source: bloc.Provenance{Dataset: "cow_nmc_v7", Formula: "CINC_k · (1 − T_k→i / max T) over states opposing the threat"}}
		if r > 0 {
			pm.Value = bloc.Some(float64(r))
			setNote(&pm, bloc.Sayf("of %d", len(partners)))
		} else {
			setNote(&pm, bloc.Sayf("not among the states opposing the threat"))
		}
		a.Tests = append(a.Tests, test("bot.expected_partner", bloc.Straw, bloc.Systemic,
			fmt.Sprintf("%s is among the capable, unthreatening opponents of %s that %s would choose", c.Abb(j), c.Abb(T), c.Abb(i)),
			"rank among expected partners ≤ 3", yes(r > 0 && r <= 3),
			expectedWhy(c, pnames, r), pm))
	}
	// 5. A security seeker: Walt, like Waltz, assumes states that want to
	// keep what they have (Schweller's critique of their status-quo bias;
	// the paper's Table 1 row 4 and Table 4 row 2).
	ri := f.Revisionism(i)
	var sq *bool
	if ri.OK {
		sq = yes(!ri.Revisionist)
	}
	a.Tests = append(a.Tests, test("bot.security_seeker", bloc.Straw, bloc.Systemic,
		fmt.Sprintf("%s is a security seeker, content with the status quo", c.Abb(i)),
		fmt.Sprintf("VR − VSQ(%s) ≤ %.2f", c.Abb(i), f.Params.RevisionCut), sq, revWhy(c, ri), ri.Index, ri.UN, ri.Portfolio, ri.Sanctions, ri.Claims))
	// 6. Security content.
	lvl, arms := c.Tie.Level, c.Tie.ArmsIJ
	var sec *bool
	if lvl.Value.OK || arms.Value.OK {
		sec = yes(lvl.Value.Or(0) > 0 || arms.Value.Or(0) >= f.Params.ArmsCut)
	}
	a.Tests = append(a.Tests, test("bot.security_content", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("The tie with %s is a security arrangement", c.Abb(j)),
		fmt.Sprintf("an ATOP obligation in force, or %s's share of %s's arms imports ≥ %.0f%%", c.Abb(j), c.Abb(i), 100*f.Params.ArmsCut), sec,
		bloc.Sayf("Highest ATOP obligation %s; %s supplied %s of %s's major arms.", num(f2(lvl.Value)), c.AbbArg(j), num(pct(arms.Value)), c.AbbArg(i)), lvl, arms))
	return a
}

func intentOrNA(r *indicators.ThreatRow, ok bool) string {
	if !ok {
		return "NA"
	}
	return f2(r.I.Value)
}

// expectedWhy says where j ranks among BoT's expected partners (r, 0 when
// it is not one) and names the first of them.
func expectedWhy(c *Case, pnames []bloc.CCode, r int) bloc.Msg {
	switch {
	case r > 0:
		return bloc.Sayf("Expected partners: %s; %s ranks %d.", c.nameList(pnames), c.AbbArg(c.J), r)
	case len(pnames) == 0:
		return bloc.Sayf("Expected partners: none; %s ranks nowhere (it does not oppose the threat).", c.AbbArg(c.J))
	}
	return bloc.Sayf("Expected partners: %s; %s ranks nowhere (it does not oppose the threat).", c.nameList(pnames), c.AbbArg(c.J))
}

// formTerm is the threat index's form ("conditional", ...) as a term.
func formTerm(form string) bloc.Term { return bloc.Term{Key: "form." + form, Text: form} }

func b2n(b bool) bloc.Num {
	if b {
		return bloc.Some(1)
	}
	return bloc.Some(0)
}

// Narrative implements Narrator (the paper's Table 4, left column).
func (BalanceOfThreat) Narrative(c *Case) Narrative {
	top, ok := c.TopThreat()
	if !ok {
		return Narrative{Causes: "no threat could be ranked", Motives: "security", Results: "—", EndsWhen: "—"}
	}
	T := c.Abb(top.J)
	ij := "NA"
	if r, ok := c.F.Threats(c.I).Row(c.J); ok {
		ij = f2(r.I.Value)
	}
	return Narrative{
		Causes:  fmt.Sprintf("the threat from %s (intentions %s), shared by %s and %s; %s's own intentions towards %s are low (%s)", T, f2(top.I.Value), c.Abb(c.I), c.Abb(c.J), c.Abb(c.J), c.Abb(c.I), ij),
		Motives: fmt.Sprintf("security: %s is a security seeker containing %s; %s's power matters only as a counterweight", c.Abb(c.I), T, c.Abb(c.J)),
		Results: "a security " + c.TieSummary() + " against a common enemy",
		EndsWhen: fmt.Sprintf("threat perception changes: %s's intentions fall below %.2f, or %s comes to threaten %s (Walt 1997, conditions 1–2)",
			T, c.F.Params.IntentCut, c.Abb(c.J), c.Abb(c.I)),
	}
}

// WaltBandwagoning is Walt's (1987) bandwagoning: a weak state aligns with
// the source of danger when resistance is futile.
type WaltBandwagoning struct {
	// WeakRatio κ: i is weak when CINC_i/CINC_j < κ (default 0.1).
	WeakRatio float64
	// AllyRatio λ: allies are unavailable when the strongest state opposing
	// j has less than λ·CINC_j (default 0.5).
	AllyRatio float64
}

// ID implements Theory.
func (WaltBandwagoning) ID() string { return "bandwagoning_walt" }

// Name implements Theory.
func (WaltBandwagoning) Name() string { return "Bandwagoning with the threat (Walt)" }

// Family implements Theory.
func (WaltBandwagoning) Family() string { return "neorealism" }

// Citation implements Theory.
func (WaltBandwagoning) Citation() string {
	return "Walt, S. M. (1987). The Origins of Alliances, ch. 2 and 5. Cornell University Press."
}

// Assumptions implements Theory.
func (WaltBandwagoning) Assumptions() []string {
	return []string{
		"Bandwagoning is alignment with the source of danger, to appease it or to share in its victory.",
		"Weak states bandwagon when resistance is futile: they cannot add much to a defending coalition and would be its first victims.",
		"Bandwagoning is likelier when no allies are available and the threatener is nearby or believed appeasable.",
	}
}

// Account implements Theory.
func (t WaltBandwagoning) Account(c *Case) Account {
	f, i, j := c.F, c.I, c.J
	th := f.Threats(i)
	var a Account
	if top, ok := c.TopThreat(); ok {
		a.PointsTo = append(a.PointsTo, c.pointer("partner", top.J, top.Score, bloc.Sayf("i's first-ranked threat: the state to bandwagon with")))
		a.Prediction = fmt.Sprintf("A weak %s aligns with its main threat %s when no ally can help it resist.", c.Abb(i), c.Abb(top.J))
	} else {
		a.Prediction = fmt.Sprintf("A weak %s aligns with its main threat when no ally can help it resist; no threat could be ranked.", c.Abb(i))
	}
	rj, okj := th.Row(j)
	var holds *bool
	var ev []bloc.Measure
	why := bloc.Sayf("the partner's threat could not be ranked")
	if okj && rj.Rank > 0 {
		holds = yes(rj.Rank <= 3)
		rank := bloc.Measure{ID: "threat.rank", Label: "rank among the state's threats", Subject: c.Abb(j) + "→" + c.Abb(i), Value: bloc.Some(float64(rj.Rank)), Range: "rank", Year: f.Ref,
			Source: rj.I.Source}
		setNote(&rank, bloc.Sayf("of %d; %s index %s", len(th.Rows), formTerm(th.Form), num(f2(rj.Score))))
		ev = []bloc.Measure{rank, rj.I}
		why = bloc.Sayf("%s ranks %d of %d among %s's threats (intentions %s).", c.AbbArg(j), rj.Rank, len(th.Rows), c.AbbArg(i), num(f2(rj.I.Value)))
	}
	a.Tests = append(a.Tests, test("bw.partner_is_threat", bloc.Hoop, bloc.Bilateral,
		fmt.Sprintf("%s is a source of threat to %s", c.Abb(j), c.Abb(i)), fmt.Sprintf("rank of %s among %s's threats ≤ 3", c.Abb(j), c.Abb(i)), holds, why, ev...))

	cr := f.CapRatio(i, j)
	var weak *bool
	if cr.Value.OK && cr.Value.V < 1 {
		ratio := cr.Value.V / (1 - cr.Value.V)
		weak = yes(ratio < t.WeakRatio)
		why = bloc.Sayf("CINC_%s/CINC_%s = %.2f.", c.AbbArg(i), c.AbbArg(j), ratio)
	} else {
		why = bloc.Sayf("no CINC for one of the states")
	}
	a.Tests = append(a.Tests, test("bw.weak", bloc.Hoop, bloc.Bilateral,
		fmt.Sprintf("%s is weak relative to %s", c.Abb(i), c.Abb(j)), fmt.Sprintf("CINC_i/CINC_j < %.2f", t.WeakRatio), weak, why, cr, f.CINC(i), f.CINC(j)))

	// Available allies against j.
	cj := f.CINC(j).Value
	var best bloc.CCode
	var bv float64
	if opp := c.opponents(j); len(opp) > 0 {
		best, bv = opp[0].c, opp[0].score
	}
	var none *bool
	if cj.OK {
		none = yes(bv < t.AllyRatio*cj.V)
		if best != 0 {
			why = bloc.Sayf("The strongest state opposing %s is %s with CINC %.3f against %s's %.3f.", c.AbbArg(j), c.AbbArg(best), bv, c.AbbArg(j), cj.V)
		} else {
			why = bloc.Sayf("No state opposes %s.", c.AbbArg(j))
		}
	} else {
		why = bloc.Sayf("no CINC for the partner")
	}
	a.Tests = append(a.Tests, test("bw.no_allies", bloc.Straw, bloc.Systemic,
		fmt.Sprintf("No ally is available to help %s resist %s", c.Abb(i), c.Abb(j)),
		fmt.Sprintf("max CINC of %s's opponents < %.2f·CINC_%s", c.Abb(j), t.AllyRatio, c.Abb(j)), none, why))

	cont := f.Contiguity(i, j)
	var app *bool
	if okj && rj.I.Value.OK || cont.Value.OK {
		near := cont.Value.OK && cont.Value.V >= 1
		low := okj && rj.I.Value.OK && rj.I.Value.V < f.Params.IntentCut
		app = yes(near || low)
	}
	intent := bloc.Measure{}
	if okj {
		intent = rj.I
	}
	a.Tests = append(a.Tests, test("bw.appeasable_or_near", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("%s is nearby or believed appeasable", c.Abb(j)),
		fmt.Sprintf("contiguous, or I(%s→%s) < %.2f", c.Abb(j), c.Abb(i), f.Params.IntentCut), app,
		bloc.Sayf("Contiguity type %s; intentions %s.", num(f2(cont.Value)), num(f2(intent.Value))), cont, intent))
	return a
}

// Narrative implements Narrator.
func (t WaltBandwagoning) Narrative(c *Case) Narrative {
	return Narrative{
		Causes:   fmt.Sprintf("%s's weakness before %s and the lack of allies", c.Abb(c.I), c.Abb(c.J)),
		Motives:  fmt.Sprintf("survival by appeasing %s", c.Abb(c.J)),
		Results:  "alignment with the threatening state: " + c.TieSummary(),
		EndsWhen: fmt.Sprintf("%s grows strong enough to resist, or allies against %s become available", c.Abb(c.I), c.Abb(c.J)),
	}
}
