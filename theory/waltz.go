package theory

import (
	"fmt"
	"sort"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
)

func init() { Register(BalanceOfPower{}) }

// BalanceOfPower is Waltz's (1979) balance of power, at the system level
// (the strongest state by CINC) and the regional level (the strongest state
// in i's neighbourhood).
type BalanceOfPower struct{}

// ID implements Theory.
func (BalanceOfPower) ID() string { return "balance_of_power" }

// Name implements Theory.
func (BalanceOfPower) Name() string { return "Balance of power (Waltz)" }

// Family implements Theory.
func (BalanceOfPower) Family() string { return "neorealism" }

// Citation implements Theory.
func (BalanceOfPower) Citation() string {
	return "Waltz, K. N. (1979). Theory of International Politics. Addison-Wesley."
}

// Assumptions implements Theory.
func (BalanceOfPower) Assumptions() []string {
	return []string{
		"Under anarchy the distribution of capabilities, a structural cause, drives alignment.",
		"States balance against the strongest state or coalition, whatever its intentions; balancing is close to automatic.",
		"Secondary states side with the weaker side, where they are more appreciated and safer (Waltz 1979: 127).",
		"Balancing happens at the level of the system and of the region: a state also balances its stronger neighbour.",
	}
}

// opponents returns the states other than i opposing t, strongest first.
func (c *Case) opponents(t bloc.CCode) []partner {
	all := opponentsOf(c.F, t)
	out := make([]partner, 0, len(all))
	for _, p := range all {
		if p.c != c.I {
			out = append(out, p)
		}
	}
	return out
}

// opponentsOf returns the states opposing t with their CINC, strongest
// first, once per frame.
func opponentsOf(f *indicators.Frame, t bloc.CCode) []partner {
	return f.Memo(fmt.Sprintf("opponents.%d", t), func() any { return computeOpponents(f, t) }).([]partner)
}

func computeOpponents(f *indicators.Frame, t bloc.CCode) []partner {
	var out []partner
	for _, k := range f.Members() {
		if k == t {
			continue
		}
		ok, why := f.OpposesMsg(k, t)
		if !ok {
			continue
		}
		if v := f.CINC(k).Value; v.OK {
			out = append(out, partner{k, v.V, why})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a].score != out[b].score {
			return out[a].score > out[b].score
		}
		return out[a].c < out[b].c
	})
	return out
}

// Account implements Theory.
func (BalanceOfPower) Account(c *Case) Account {
	f, i, j := c.F, c.I, c.J
	var a Account
	L, okL := c.leader()
	R, okR := f.RegionalLeader(i)
	if okR && R == L {
		okR = false // the strongest neighbour is the system's leader: one test is enough
	}
	if !okL {
		a.Prediction = fmt.Sprintf("No capability data for %d: the distribution of power is unknown.", f.Ref)
		a.Tests = []bloc.Test{test("bop.not_system_leader", bloc.Hoop, bloc.Systemic, "the partner is not the strongest state", "j ≠ argmax CINC", nil, bloc.Sayf("no capability data: %s", indicators.NoteOf(f.CINC(i))))}
		return a
	}
	lead := bloc.Sayf("strongest state in the system by CINC")
	if top, _ := f.SystemLeader(); top == i {
		lead = bloc.Sayf("strongest state by CINC after %s, which leads the system", c.AbbArg(i))
	}
	a.PointsTo = append(a.PointsTo, c.pointer("leader", L, f.CINC(L).Value, lead))
	if okR {
		a.PointsTo = append(a.PointsTo, c.pointer("leader", R, f.CINC(R).Value, bloc.Sayf("strongest state in %s's neighbourhood (contiguous or within %.0f km)", c.AbbArg(i), f.Params.RegionKm)))
	}
	opp := c.opponents(L)
	var pn []bloc.CCode
	for k, p := range opp {
		if k == 3 {
			break
		}
		a.PointsTo = append(a.PointsTo, c.pointer("partner", p.c, bloc.Some(p.score), bloc.Sayf("opposes %s: %s", c.AbbArg(L), p.basis)))
		pn = append(pn, p.c)
	}
	reg := ""
	if okR {
		reg = fmt.Sprintf(" and, in its region, against %s (CINC %s against %s's %s)", c.Abb(R), f2(f.CINC(R).Value), c.Abb(i), f2(f.CINC(i).Value))
	}
	a.Prediction = fmt.Sprintf("%s balances against %s, the strongest state (CINC %s)%s, with the strongest states opposing %s: %s.",
		c.Abb(i), c.Abb(L), f2(f.CINC(L).Value), reg, c.Abb(L), c.names(pn))

	cl, cj := f.CINC(L), f.CINC(j)
	a.Tests = append(a.Tests, test("bop.not_system_leader", bloc.Hoop, bloc.Systemic,
		fmt.Sprintf("%s does not align with the strongest state, %s", c.Abb(i), c.Abb(L)),
		fmt.Sprintf("%s ≠ argmax CINC (%s)", c.Abb(j), c.Abb(L)), yes(j != L),
		bloc.Sayf("%s leads the system with CINC %s; %s has %s.", c.AbbArg(L), num(f2(cl.Value)), c.AbbArg(j), num(f2(cj.Value))), cl, cj, f.SystemShare(L)))
	if okR {
		a.Tests = append(a.Tests, test("bop.not_regional_leader", bloc.Hoop, bloc.Regional,
			fmt.Sprintf("%s does not align with its strongest neighbour, %s", c.Abb(i), c.Abb(R)),
			fmt.Sprintf("%s ≠ strongest neighbour (%s)", c.Abb(j), c.Abb(R)), yes(j != R),
			bloc.Sayf("%s is the strongest state within %.0f km of %s or contiguous with it (CINC %s against %s).", c.AbbArg(R), f.Params.RegionKm, c.AbbArg(i), num(f2(f.CINC(R).Value)), num(f2(f.CINC(i).Value))),
			f.CINC(R), f.CINC(i), f.MinDistance(i, R), f.Contiguity(i, R)))
	} else {
		why := bloc.Sayf("no neighbour of %s is stronger than it (or the distance data are missing)", c.AbbArg(i))
		if r, ok := f.RegionalLeader(i); ok && r == L {
			why = bloc.Sayf("%s's strongest neighbour is %s, the system's leader: the system-level tests cover it", c.AbbArg(i), c.AbbArg(L))
		}
		a.Tests = append(a.Tests, test("bop.not_regional_leader", bloc.Hoop, bloc.Regional,
			fmt.Sprintf("%s does not align with a stronger neighbour", c.Abb(i)), "no neighbour stronger than i", nil, why))
	}
	// Balancing the leader excludes allying with it.
	a.Tests = append(a.Tests, c.notAllied("bop.not_allied_leader", bloc.Hoop, bloc.Systemic, L, "the strongest state"))
	if okR && j != R {
		a.Tests = append(a.Tests, c.notAllied("bop.not_allied_regional", bloc.Straw, bloc.Regional, R, "its strongest neighbour"))
	}
	if j != L {
		ok, why := f.OpposesMsg(j, L)
		t := test("bop.partner_counterweight", bloc.Hoop, bloc.Systemic,
			fmt.Sprintf("%s is a counterweight to %s", c.Abb(j), c.Abb(L)), fmt.Sprintf("opposes(%s, %s)", c.Abb(j), c.Abb(L)), yes(ok),
			bloc.Sayf("no rivalry, hostile dispute, sanctions or wide UN distance sets %s against %s.", c.AbbArg(j), c.AbbArg(L)))
		if ok {
			t.Why, t.WhyMsg = say(bloc.Sayf("%s.", why)) // the reason is the sentence
		}
		a.Tests = append(a.Tests, t)
	}
	if okR && j != R {
		ok, why := f.OpposesMsg(j, R)
		t := test("bop.partner_regional_counterweight", bloc.Straw, bloc.Regional,
			fmt.Sprintf("%s is a counterweight to %s in %s's region", c.Abb(j), c.Abb(R), c.Abb(i)), fmt.Sprintf("opposes(%s, %s)", c.Abb(j), c.Abb(R)), yes(ok),
			bloc.Sayf("nothing sets %s against %s.", c.AbbArg(j), c.AbbArg(R)))
		if ok {
			t.Why, t.WhyMsg = say(bloc.Sayf("%s.", why)) // the reason is the sentence
		}
		a.Tests = append(a.Tests, t)
	}
	return a
}

// leader returns the state i balances at the system level: the strongest
// state by CINC, or the second strongest when i itself leads.
func (c *Case) leader() (bloc.CCode, bool) {
	for _, s := range c.F.ByPower() {
		if s != c.I {
			return s, true
		}
	}
	return 0, false
}

// notAllied tests that i has no defense or offense pledge with t in the period.
func (c *Case) notAllied(id string, typ bloc.TestType, lvl bloc.Level, t bloc.CCode, what string) bloc.Test {
	f := c.F
	pl, lv := f.Pledges(c.I, t)
	var def []bloc.Msg
	for _, p := range pl {
		if p.Obligation == "defense" || p.Obligation == "offense" {
			def = append(def, bloc.Sayf("%s %v", bloc.Term{Key: "obl." + p.Obligation, Text: p.Obligation}, p.Years))
		}
	}
	var holds *bool
	why := noteMsg(lv) // ATOP's reason for having no data
	if lv.Value.OK {
		holds = yes(len(def) == 0)
		if len(def) > 0 {
			why = bloc.Sayf("%s is allied with %s: ATOP %s.", c.AbbArg(c.I), c.AbbArg(t), indicators.Commas(def))
		} else {
			why = bloc.Sayf("No ATOP defense or offense pledge binds %s to %s in %v.", c.AbbArg(c.I), c.AbbArg(t), f.P)
		}
	}
	lv.Label = fmt.Sprintf("highest ATOP obligation between %s and %s", c.Abb(c.I), c.Abb(t))
	x := test(id, typ, lvl, fmt.Sprintf("%s does not ally with %s, %s, whom it should balance", c.Abb(c.I), what, c.Abb(t)),
		fmt.Sprintf("no ATOP defense or offense pledge %s–%s in the period", c.Abb(c.I), c.Abb(t)), holds, why, lv)
	if !lv.Value.OK && why.IsZero() {
		x.Why = lv.Note // a note without a message
	}
	return x
}

// Narrative implements Narrator.
func (BalanceOfPower) Narrative(c *Case) Narrative {
	L, _ := c.leader()
	R, okR := c.F.RegionalLeader(c.I)
	reg := ""
	if okR {
		reg = " and " + c.Abb(R) + " in the region"
	}
	return Narrative{
		Causes:   fmt.Sprintf("the distribution of capabilities: %s leads the system%s", c.Abb(L), reg),
		Motives:  "keeping any one state from preponderance, whatever its intentions",
		Results:  c.TieSummary() + " with the weaker side",
		EndsWhen: "the distribution of power changes (Walt 1997, condition 6)",
	}
}
