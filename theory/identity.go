package theory

import (
	"fmt"
	"sort"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
)

func init() {
	Register(Identity{MinReligion: 0.5, MinRegime: 0.8, MinIndex: 0.5})
}

// Identity is the constructivist account: states align with those they
// identify with — shared religion, language, regime and history.
type Identity struct {
	// MinReligion is the religious similarity (cosine) of a shared faith (default 0.5).
	MinReligion float64
	// MinRegime is the regime similarity of kindred regimes (default 0.8).
	MinRegime float64
	// MinIndex is the identity index of a shared identity (default 0.5).
	MinIndex float64
}

// ID implements Theory.
func (Identity) ID() string { return "identity" }

// Name implements Theory.
func (Identity) Name() string { return "Identity (constructivism)" }

// Family implements Theory.
func (Identity) Family() string { return "constructivism" }

// Citation implements Theory.
func (Identity) Citation() string {
	return "Wendt, A. (1999). Social Theory of International Politics. Cambridge University Press; Barnett, M. (1996). Identity and Alliances in the Middle East. In Katzenstein (ed.), The Culture of National Security."
}

// Assumptions implements Theory.
func (Identity) Assumptions() []string {
	return []string{
		"Shared identity — religion, language, regime type, history — leads states to see each other as friends rather than rivals.",
		"States align with those they identify with; ideas and identity precede interest.",
		"Differences of identity breed distrust even between states with common interests.",
	}
}

// Account implements Theory.
func (t Identity) Account(c *Case) Account {
	f, i, j := c.F, c.I, c.J
	var a Account
	type sim struct {
		c bloc.CCode
		v float64
	}
	similar := f.Memo(fmt.Sprintf("identity.similar.%d", i), func() any {
		var out []sim
		for _, k := range f.Members() {
			if k == i {
				continue
			}
			if v := f.IdentityIndex(i, k).Value; v.OK {
				out = append(out, sim{k, v.V})
			}
		}
		sort.Slice(out, func(a, b int) bool {
			if out[a].v != out[b].v {
				return out[a].v > out[b].v
			}
			return out[a].c < out[b].c
		})
		return out
	}).([]sim)
	var top []bloc.CCode
	for k, s := range similar {
		if k == 3 {
			break
		}
		a.PointsTo = append(a.PointsTo, c.pointer("partner", s.c, bloc.Some(s.v), bloc.Sayf("identity similarity index")))
		top = append(top, s.c)
	}
	a.Prediction = fmt.Sprintf("%s aligns with the states most like it; the most similar in %v are %s.", c.Abb(i), f.P, c.names(top))
	d := f.Identity(i, j)
	a.Tests = append(a.Tests, test("id.religion", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("%s and %s share a religion", c.Abb(i), c.Abb(j)), fmt.Sprintf("cosine of religion shares ≥ %.2f", t.MinReligion),
		cmp(d.Religion.Value, "≥", t.MinReligion), bloc.Sayf("Religious similarity %s (%s).", num(f2(d.Religion.Value)), indicators.NoteOf(d.Religion)), d.Religion))
	a.Tests = append(a.Tests, test("id.language", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("%s and %s share a language", c.Abb(i), c.Abb(j)), "common official or ethnic language (CEPII)",
		cmp(d.Language.Value, "≥", 1), bloc.Sayf("Common language: %s.", yesNoTerm(d.Language.Value)), d.Language))
	a.Tests = append(a.Tests, test("id.regime", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("%s and %s have kindred regimes", c.Abb(i), c.Abb(j)), fmt.Sprintf("1 − |polyarchy_i − polyarchy_j| ≥ %.2f", t.MinRegime),
		cmp(d.Regime.Value, "≥", t.MinRegime), bloc.Sayf("Regime similarity %s by V-Dem polyarchy, %s by Polity2.", num(f2(d.Regime.Value)), num(f2(d.RegimePolity.Value))), d.Regime, d.RegimePolity))
	a.Tests = append(a.Tests, test("id.history", bloc.Straw, bloc.Bilateral,
		fmt.Sprintf("%s and %s share a history", c.Abb(i), c.Abb(j)), "colonial link, common coloniser or once one country (CEPII)",
		cmp(d.History.Value, "≥", 1), bloc.Sayf("Shared history: %s.", yesNoTerm(d.History.Value)), d.History))
	a.Tests = append(a.Tests, test("id.index", bloc.Hoop, bloc.Bilateral,
		fmt.Sprintf("%s and %s share an identity overall", c.Abb(i), c.Abb(j)), fmt.Sprintf("identity index ≥ %.2f", t.MinIndex),
		cmp(d.Index.Value, "≥", t.MinIndex), bloc.Sayf("Identity index %s (religion, language, regime, history, IGOs; alliance portfolios, S = %s, are left out as the outcome).", num(f2(d.Index.Value)), num(f2(d.Alliances.Value))),
		d.Index, d.IGOs, d.Alliances))
	return a
}

func yesNo(v bloc.Num) string {
	switch {
	case !v.OK:
		return "no data"
	case v.V >= 1:
		return "yes"
	default:
		return "no"
	}
}

// yesNoTerm is yesNo as a term of a message.
func yesNoTerm(v bloc.Num) bloc.Term {
	switch s := yesNo(v); s {
	case "yes":
		return bloc.Term{Key: "val.yes", Text: s}
	case "no":
		return bloc.Term{Key: "val.no", Text: s}
	default:
		return bloc.Term{Key: "val.na", Text: s}
	}
}

// Narrative implements Narrator.
func (Identity) Narrative(c *Case) Narrative {
	d := c.F.Identity(c.I, c.J)
	return Narrative{
		Causes:   fmt.Sprintf("shared identity (index %s: religion %s, language %s, regime %s)", f2(d.Index.Value), f2(d.Religion.Value), yesNo(d.Language.Value), f2(d.Regime.Value)),
		Motives:  "solidarity with a kindred state",
		Results:  c.TieSummary() + " of like-minded states",
		EndsWhen: "one side's identity changes (regime change, Walt 1997, condition 5)",
	}
}
