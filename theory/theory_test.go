package theory

import (
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/world"
	"github.com/bloc-project/bloc/world/worldtest"
)

var period = bloc.Period{From: 2000, To: 2004}

// base is a hegemon (2), a weak state (101) next to an aggressive giant
// (102), and fillers.
func base() *worldtest.Builder {
	return worldtest.New(2000, 2004).
		State(2, "HEG", 40, -100, 30).Major(2).Ideal(2, 0).
		State(101, "WEAK", 0, 0, 1).Ideal(101, 0).
		State(102, "GIANT", 0, 3, 40).Major(102).Ideal(102, -1.5).
		Fillers(10, 30).
		Contig(101, 102, 1).MinDist(101, 102, 0).
		Dispute(1, 102, 101, 1998, 4, 3, 1).Dispute(2, 102, 101, 2001, 5, 4, 1).Dispute(3, 102, 101, 2003, 4, 2, 1).
		Rivalry(101, 102, "spatial").
		Events(102, 101, world.Quad{100, 10, 200, 90})
}

func evaluate(t *testing.T, w *world.World, i, j bloc.CCode) (*Case, map[string]bloc.TheoryResult, []bloc.TheoryResult) {
	t.Helper()
	f := indicators.NewFrame(w, period, indicators.DefaultParams())
	c := NewCase(f, i, j)
	rs := Evaluate(c)
	by := map[string]bloc.TheoryResult{}
	for _, r := range rs {
		by[r.ID] = r
	}
	return c, by, rs
}

func describe(rs []bloc.TheoryResult) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString("\n  " + r.ID + " " + r.Score.String() + ":")
		for _, x := range r.Tests {
			b.WriteString(" " + x.ID + "=" + string(x.Outcome))
		}
	}
	return b.String()
}

func TestWeakStateBandwagonsWithGiant(t *testing.T) {
	w := base().Pledge(101, 102, world.Pledges{Defense: true}).Done()
	c, by, rs := evaluate(t, w, 101, 102)
	if c.Tie.Kind != bloc.Alliance {
		t.Fatalf("tie = %s", c.Tie.Kind)
	}
	if rs[0].ID != "bandwagoning_walt" || by["bandwagoning_walt"].Score.V != 1 {
		t.Fatalf("Walt bandwagoning does not rank first with +1:%s", describe(rs))
	}
	if p := by["bandwagoning_walt"].PredictsAlignment; p == nil || !*p {
		t.Fatal("Walt bandwagoning does not predict the alignment")
	}
	if by["balance_of_threat"].Score.V >= 0 {
		t.Fatalf("balance of threat scores %v for aligning with the threat:%s", by["balance_of_threat"].Score, describe(rs))
	}
	if top, _ := c.TopThreat(); top.J != 102 {
		t.Fatalf("top threat = %d", top.J)
	}
}

func TestWeakStateBalancesWithStrongOpponent(t *testing.T) {
	// The hegemon is the strongest state but threatens no one: balance of
	// power expects WEAK to balance it, balance of threat to balance GIANT.
	w := base().State(2, "HEG", 40, -100, 80).
		State(103, "STRONG", -30, 120, 35).Major(103).Ideal(103, 0).Rivalry(103, 102, "positional").
		Pledge(101, 103, world.Pledges{Defense: true}).Done()
	_, by, rs := evaluate(t, w, 101, 103)
	if rs[0].ID != "balance_of_threat" || by["balance_of_threat"].Score.V < 0.9 {
		t.Fatalf("balance of threat does not rank first:%s", describe(rs))
	}
	if p := by["balance_of_threat"].PredictsAlignment; p == nil || !*p {
		t.Fatal("balance of threat does not predict the alignment")
	}
	if by["bandwagoning_walt"].Score.V >= 0 || by["balance_of_power"].Score.V >= by["balance_of_threat"].Score.V {
		t.Fatalf("Walt bandwagoning or balance of power score too high:%s", describe(rs))
	}
	// BoT points to the giant as the threat and STRONG as the partner.
	pts := by["balance_of_threat"].PointsTo
	if pts[0].Role != "threat" || pts[0].State.CCode != 102 || pts[1].State.CCode != 103 {
		t.Fatalf("BoT points to %+v", pts)
	}
}

func TestJackalFollowsWolfForProfit(t *testing.T) {
	b := worldtest.New(2000, 2004).
		State(2, "HEG", 0, 0, 40).Major(2).Ideal(2, 2).
		State(201, "WOLF", 0, 50, 25).Major(201).Ideal(201, -2).
		State(202, "JACKAL", 0, 55, 4).Ideal(202, -2.2).
		Fillers(10, 30)
	for k := bloc.CCode(0); k < 6; k++ {
		b.State(400+k, "MID"+string(rune('A'+k)), 30, float64(k), 2).Ideal(400+k, 0.5)
	}
	w := b.Pledge(201, 202, world.Pledges{Consul: true}).Arms(201, 202, 100).
		Sanction(2, 201).Sanction(2, 202).
		Dispute(1, 201, 10, 2001, 4, 2, 1).Dispute(2, 201, 11, 2002, 4, 2, 3).Dispute(3, 202, 12, 2002, 3, 2, 1).Done()
	c, by, rs := evaluate(t, w, 202, 201)
	if c.Tie.Kind != bloc.Alignment {
		t.Fatalf("tie = %s", c.Tie.Kind)
	}
	f := c.F
	if f.Revisionism(202).Type != bloc.Jackal || f.Revisionism(201).Type != bloc.Wolf || f.Revisionism(2).Type != bloc.Lion {
		t.Fatalf("types: %s %s %s", f.Revisionism(202).Type, f.Revisionism(201).Type, f.Revisionism(2).Type)
	}
	if rs[0].ID != "bandwagoning_profit" || by["bandwagoning_profit"].Score.V < 0.9 {
		t.Fatalf("bandwagoning for profit does not rank first:%s", describe(rs))
	}
	// The sanctions-proof test finds the common sender.
	for _, x := range by["bandwagoning_profit"].Tests {
		if x.ID == "bfp.sanctions_proof" && (x.Holds == nil || !*x.Holds || !strings.Contains(x.Why, "HEG")) {
			t.Fatalf("sanctions-proof test: %+v", x)
		}
	}
}

func TestDenseTradeNoThreatFavoursInterdependence(t *testing.T) {
	w := worldtest.New(2000, 2004).
		State(2, "HEG", 40, -100, 30).Major(2).Ideal(2, 0.5).Regime(2, 0.9, 10).
		State(501, "A", 0, 0, 5).Ideal(501, 0.3).Regime(501, 0.9, 10).
		State(502, "B", 10, 20, 5).Ideal(502, 0.2).Regime(502, 0.2, -7).
		Fillers(10, 30).
		Religion(501, map[string]float64{"protestant": 0.9, "nonreligious": 0.1}).
		Religion(502, map[string]float64{"buddhist": 0.9, "nonreligious": 0.1}).
		Static(501, 502, world.Static{}).
		Pledge(501, 502, world.Pledges{Consul: true}).
		Trade(501, 502, 50000, 50000).OtherTrade(501, 10000, 10000).OtherTrade(502, 10000, 10000).
		Trade(501, 10, 10, 10).Trade(502, 11, 10, 10).
		IGOs(501, 502, 60).IGOs(501, 10, 5).IGOs(501, 11, 5).IGOs(501, 12, 5).
		Events(501, 502, world.Quad{500, 200, 5, 0}).Events(502, 501, world.Quad{500, 200, 5, 0}).Done()
	_, by, rs := evaluate(t, w, 501, 502)
	if rs[0].ID != "interdependence" || by["interdependence"].Score.V <= 0.5 {
		t.Fatalf("interdependence does not rank first:%s", describe(rs))
	}
	if by["identity"].Score.V >= 0 {
		t.Fatalf("identity scores %v for dissimilar states", by["identity"].Score)
	}
}

func TestNotTestable(t *testing.T) {
	w := base().Pledge(101, 102, world.Pledges{Defense: true}).Done()
	for _, s := range []world.Source{world.Trade, world.TradeTotal, world.IGO} {
		w.Uncover(s)
	}
	_, by, rs := evaluate(t, w, 101, 102)
	ie := by["interdependence"]
	if ie.Testable || ie.Score.OK || !strings.Contains(ie.NotTestable, "cow_trade_dyadic_v4") {
		t.Fatalf("interdependence without trade data: testable %v, score %v, why %q", ie.Testable, ie.Score, ie.NotTestable)
	}
	if rs[len(rs)-1].ID != "interdependence" {
		t.Fatal("an untestable theory does not rank last")
	}
	if ie.PredictsAlignment != nil {
		t.Fatal("an untestable theory predicts something")
	}
}

func TestScoreCoding(t *testing.T) {
	r := bloc.TheoryResult{Tests: []bloc.Test{
		{ID: "hoop", Type: bloc.Hoop, Holds: yes(true)},
		{ID: "straw", Type: bloc.Straw, Holds: yes(false)},
		{ID: "none", Type: bloc.SmokingGun},
	}}
	Score(&r, true)
	hp, sf := bloc.Hoop.PassWeight(), bloc.Straw.FailWeight()
	if want := (hp - sf) / (hp + sf); !r.Score.OK || r.Score.V != want {
		t.Fatalf("score with a tie = %v, want %v", r.Score, want)
	}
	if r.Tests[0].Outcome != bloc.Congruent || r.Tests[1].Outcome != bloc.Contradicted || r.Tests[2].Outcome != bloc.NoData {
		t.Fatalf("outcomes %v %v %v", r.Tests[0].Outcome, r.Tests[1].Outcome, r.Tests[2].Outcome)
	}
	if r.Congruent != 1 || r.Contradict != 1 || r.NoData != 1 {
		t.Fatal("counts")
	}
	// Without a tie the coding is reversed.
	Score(&r, false)
	if want := (sf - hp) / (hp + sf); r.Score.V != want {
		t.Fatalf("score without a tie = %v, want %v", r.Score.V, want)
	}
	// Weights: a failed hoop test weighs more than a passed one.
	if !(bloc.Hoop.FailWeight() > 3*bloc.Hoop.PassWeight()) || !(bloc.SmokingGun.PassWeight() > 3*bloc.SmokingGun.FailWeight()) {
		t.Fatal("test-type weights are not asymmetric")
	}
}

// tieTheory is a theory that only asks whether there is a tie.
type tieTheory struct{}

func (tieTheory) ID() string            { return "test_tie" }
func (tieTheory) Name() string          { return "Any tie" }
func (tieTheory) Family() string        { return "test" }
func (tieTheory) Citation() string      { return "none" }
func (tieTheory) Assumptions() []string { return []string{"states align"} }
func (tieTheory) Account(c *Case) Account {
	return Account{Prediction: "alignment", Tests: []bloc.Test{test("t.tie", bloc.DoublyDecisive, bloc.Bilateral, "a tie exists", "tie ≠ none", yes(c.Aligned()), bloc.Msg{})}}
}

func TestNewTheoryPlugsIn(t *testing.T) {
	w := base().Pledge(101, 102, world.Pledges{Defense: true}).Done()
	f := indicators.NewFrame(w, period, indicators.DefaultParams())
	rs := EvaluateWith(NewCase(f, 101, 102), append(All(), tieTheory{}))
	found := false
	for _, r := range rs {
		found = found || (r.ID == "test_tie" && r.Score.V == 1 && r.Rank <= 2)
	}
	if len(rs) != len(All())+1 || !found {
		t.Fatalf("the plugged-in theory: %s", describe(rs))
	}
	defer func() {
		if recover() == nil {
			t.Fatal("registering a duplicate theory does not panic")
		}
	}()
	Register(BalanceOfThreat{})
}

func TestSecondaryStateBalancesTheStrongest(t *testing.T) {
	// No one threatens SMALL; HEG is by far the strongest; SMALL aligns
	// with COUNTER, HEG's rival: Waltz's balance of power.
	w := worldtest.New(2000, 2004).
		State(2, "HEG", 40, -100, 80).Major(2).Ideal(2, 0).
		State(601, "SMALL", 0, 0, 1).Ideal(601, 0).
		State(602, "COUNTER", 10, 60, 30).Major(602).Ideal(602, 0).
		Fillers(10, 30).Rivalry(2, 602, "positional").
		Pledge(601, 602, world.Pledges{Defense: true}).Done()
	_, by, rs := evaluate(t, w, 601, 602)
	if rs[0].ID != "balance_of_power" || by["balance_of_power"].Score.V < 0.9 {
		t.Fatalf("balance of power does not rank first:%s", describe(rs))
	}
	if by["balance_of_threat"].Score.V >= by["balance_of_power"].Score.V {
		t.Fatalf("balance of threat explains balancing without a threat:%s", describe(rs))
	}
}
