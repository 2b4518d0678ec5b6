package evidence

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/bloc-project/bloc"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func obs(id string, p ...float64) Obs {
	return Obs{Item: bloc.EvidenceItem{ID: id, Origin: bloc.FromLedger, Text: id}, P: p}
}

func posterior(ev bloc.Evidence, id string) float64 {
	for _, h := range ev.Hypotheses {
		if h.ID == id {
			return h.Posterior
		}
	}
	return math.NaN()
}

func woe(ev bloc.Evidence, id string) float64 {
	for _, h := range ev.Hypotheses {
		if h.ID == id {
			return h.WoE
		}
	}
	return math.NaN()
}

// The arithmetic of THEORY.md L3 checked by hand.
func TestBayesByHand(t *testing.T) {
	two := []Hyp{{ID: "h1"}, {ID: bloc.Residual}}
	opt := Options{Draws: -1}

	// A smoking gun for h1, passed: P(E|h1) = 0.5, P(E|h0) = 0.05. LR = 10,
	// 10 dB; uniform prior odds 1:1 → posterior odds 10:1 → 10/11.
	ev := Weigh(two, nil, []Obs{obs("sg", 0.5, 0.05)}, opt)
	if p := posterior(ev, "h1"); !near(p, 10.0/11, 1e-12) {
		t.Fatalf("smoking gun: P(h1|E) = %v, want 10/11", p)
	}
	if w := woe(ev, "h1"); !near(w, 10, 1e-9) || !near(ev.Margin, 10, 1e-9) || !near(ev.Items[0].WoETop, 10, 1e-4) {
		t.Fatalf("smoking gun: WoE %v dB, margin %v, item %v; want 10", w, ev.Margin, ev.Items[0].WoETop)
	}

	// Then a hoop test for h1 that fails: E absent, P(¬E|h1) = 1 − 0.95 =
	// 0.05, P(¬E|h0) = 1 − 0.5 = 0.5: LR 0.1, −10 dB. The two cancel: 1:1.
	ev = Weigh(two, nil, []Obs{obs("sg", 0.5, 0.05), obs("hoop", 0.05, 0.5)}, opt)
	if p := posterior(ev, "h1"); !near(p, 0.5, 1e-12) || !near(woe(ev, "h1"), 0, 1e-9) {
		t.Fatalf("smoking gun + failed hoop: P = %v, WoE %v; want 0.5 and 0", p, woe(ev, "h1"))
	}

	// A prior of 0.3 on h1: prior odds 3:7, × LR 10 = 30:7 → 30/37.
	ev = Weigh(two, []float64{0.3, 0.7}, []Obs{obs("sg", 0.5, 0.05)}, opt)
	if p := posterior(ev, "h1"); !near(p, 30.0/37, 1e-12) {
		t.Fatalf("prior 0.3: P = %v, want 30/37", p)
	}

	// Seven hypotheses, one straw in the wind for the first: P(E|H1) = 0.6,
	// 0.4 for the other six. P(H1|E) = 0.6/(0.6 + 6·0.4) = 0.2; each other
	// 0.4/3 = 0.1333; odds H1:H2 = 1.5 = 1.761 dB.
	seven := make([]Hyp, 7)
	for k := range seven {
		seven[k] = Hyp{ID: string(rune('a' + k))}
	}
	seven[6].ID = bloc.Residual
	ev = Weigh(seven, nil, []Obs{obs("straw", 0.6, 0.4, 0.4, 0.4, 0.4, 0.4, 0.4)}, opt)
	if p := posterior(ev, "a"); !near(p, 0.2, 1e-12) {
		t.Fatalf("straw of seven: P(a|E) = %v, want 0.2", p)
	}
	if p := posterior(ev, "b"); !near(p, 0.4/3, 1e-12) {
		t.Fatalf("straw of seven: P(b|E) = %v, want 0.1333", p)
	}
	if !near(ev.Margin, 10*math.Log10(1.5), 1e-9) || !near(woe(ev, "a"), 1.7609, 1e-4) {
		t.Fatalf("straw of seven: margin %v, WoE %v; want 1.761 dB", ev.Margin, woe(ev, "a"))
	}

	// The defaults of the test types (THEORY.md L2).
	for _, c := range []struct {
		typ        bloc.TestType
		pass, fail float64 // LR pass, LR fail
	}{{bloc.Straw, 1.5, 0.4 / 0.6}, {bloc.Hoop, 1.9, 0.1}, {bloc.SmokingGun, 10, 0.5 / 0.95}, {bloc.DoublyDecisive, 19, 0.05 / 0.95}} {
		p, q := c.typ.Likelihoods()
		if !near(p/q, c.pass, 1e-9) || !near((1-p)/(1-q), c.fail, 1e-9) {
			t.Errorf("%s: LR %v / %v, want %v / %v", c.typ, p/q, (1-p)/(1-q), c.pass, c.fail)
		}
	}
}

// A group of n correlated items counts as one: each member weighs 1/n, so
// a group of two identical straws weighs as one straw.
func TestGroupCountsOnce(t *testing.T) {
	two := []Hyp{{ID: "h1"}, {ID: bloc.Residual}}
	a, b := obs("a", 0.6, 0.4), obs("b", 0.6, 0.4)
	a.Item.Group, b.Item.Group = "g", "g"
	ev := Weigh(two, nil, []Obs{a, b}, Options{Draws: -1})
	one := Weigh(two, nil, []Obs{obs("a", 0.6, 0.4)}, Options{Draws: -1})
	if !near(posterior(ev, "h1"), posterior(one, "h1"), 1e-12) || ev.Items[0].Weight != 0.5 {
		t.Fatalf("group of two: P = %v, weight %v; one straw: %v", posterior(ev, "h1"), ev.Items[0].Weight, posterior(one, "h1"))
	}
}

// One doubly decisive item (LR 19, 12.8 dB) for h1 outweighs up to seven
// straws in the wind for h2 (1.76 dB each): log 19 / log 1.5 = 7.26.
func TestDoublyDecisiveDominatesStraws(t *testing.T) {
	hyps := []Hyp{{ID: "h1"}, {ID: "h2"}, {ID: bloc.Residual}}
	for n := 0; n <= 9; n++ {
		items := []Obs{obs("dd", 0.95, 0.05, 0.05)}
		for k := 0; k < n; k++ {
			items = append(items, obs("straw", 0.4, 0.6, 0.4))
		}
		ev := Weigh(hyps, nil, items, Options{Draws: -1})
		want := "h1"
		if n >= 8 {
			want = "h2"
		}
		if ev.Top != want {
			t.Errorf("1 doubly decisive vs %d straws: top %s, want %s (margin %.2f dB)", n, ev.Top, want, ev.Margin)
		}
		if n == 5 {
			if ev.Decisive[0].ID != "dd" || !near(ev.Decisive[0].WoE, 10*math.Log10(19), 1e-3) {
				t.Errorf("decisive %+v", ev.Decisive[0])
			}
			// 12.8 dB against 5 × 1.76 = 8.8 dB: it stays first under every
			// prior of the fixed set, but misjudging every weight by 50%
			// against it (6.4 dB against 13.2 dB) would overturn it.
			if ev.Sensitivity.PriorStable != 1 || ev.Sensitivity.Robust || len(ev.Sensitivity.Adversarial) != 1 {
				t.Errorf("1 DD vs 5 straws: %+v", ev.Sensitivity)
			}
		}
	}
}

// Shuffling the items changes nothing.
func TestOrderDoesNotMatter(t *testing.T) {
	hyps := Hypotheses()
	rng := rand.New(rand.NewPCG(7, 7))
	var items []Obs
	for i := 0; i < 40; i++ {
		p := make([]float64, len(hyps))
		for k := range p {
			p[k] = Clamp(rng.Float64())
		}
		o := obs(string(rune('A'+i%26))+string(rune('a'+i/26)), p...)
		if i%5 == 0 {
			o.Item.Group = "g"
		}
		items = append(items, o)
	}
	base := Weigh(hyps, nil, items, Options{Draws: 200})
	for trial := 0; trial < 20; trial++ {
		sh := append([]Obs(nil), items...)
		rng.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		ev := Weigh(hyps, nil, sh, Options{Draws: 200})
		if ev.Top != base.Top || ev.RunnerUp != base.RunnerUp || !near(ev.Margin, base.Margin, 1e-9) {
			t.Fatalf("shuffle %d: top %s/%s %.6f, want %s/%s %.6f", trial, ev.Top, ev.RunnerUp, ev.Margin, base.Top, base.RunnerUp, base.Margin)
		}
		for k := range ev.Hypotheses {
			if ev.Hypotheses[k].ID != base.Hypotheses[k].ID || !near(ev.Hypotheses[k].Posterior, base.Hypotheses[k].Posterior, 1e-12) ||
				!near(ev.Hypotheses[k].WoE, base.Hypotheses[k].WoE, 1e-9) {
				t.Fatalf("shuffle %d: %+v, want %+v", trial, ev.Hypotheses[k], base.Hypotheses[k])
			}
		}
		if len(ev.Sensitivity.Pivotal) != len(base.Sensitivity.Pivotal) {
			t.Fatalf("shuffle %d: pivotal %v, want %v", trial, ev.Sensitivity.Pivotal, base.Sensitivity.Pivotal)
		}
		for k := range ev.Decisive {
			if !near(math.Abs(ev.Decisive[k].WoE), math.Abs(base.Decisive[k].WoE), 1e-9) {
				t.Fatalf("shuffle %d: decisive %v, want %v", trial, ev.Decisive, base.Decisive)
			}
		}
	}
}

func TestSensitivity(t *testing.T) {
	two := []Hyp{{ID: "h1"}, {ID: bloc.Residual}}
	// LR 10 for h1: h1 stays first for any prior above 1/11 (prior odds
	// 1:10 × 10 = 1:1).
	ev := Weigh(two, nil, []Obs{obs("sg", 0.5, 0.05)}, Options{Draws: 500, Seed: 3})
	if s := ev.Sensitivity; !near(s.Breakeven, 1.0/11, 1e-6) {
		t.Fatalf("breakeven %v, want 1/11", s.Breakeven)
	}
	// Perturbing the likelihoods by ±50% cannot undo an LR of 10 (at worst
	// 0.25/0.075 = 3.3): the top stays in every draw. Without its only item
	// the two tie, so the item is pivotal.
	if s := ev.Sensitivity; s.PerturbStable != 1 || !s.Robust || len(s.Pivotal) != 1 {
		t.Fatalf("sensitivity %+v", s)
	}
	// A lone straw in the wind (LR 1.5) is not robust to a 50% misjudgement
	// of its weight together with a prior that leans away.
	ev = Weigh(two, []float64{0.42, 0.58}, []Obs{obs("straw", 0.6, 0.4)}, Options{Draws: 500})
	if ev.Top != "h1" || ev.Sensitivity.Robust || ev.Sensitivity.PerturbStable == 1 {
		t.Fatalf("straw with a leaning prior: top %s, %+v", ev.Top, ev.Sensitivity)
	}
	// Deterministic for a seed.
	a := Weigh(Hypotheses(), nil, []Obs{obs("x", 0.6, 0.4, 0.5, 0.5, 0.3, 0.2, 0.4)}, Options{Draws: 300, Seed: 9})
	b := Weigh(Hypotheses(), nil, []Obs{obs("x", 0.6, 0.4, 0.5, 0.5, 0.3, 0.2, 0.4)}, Options{Draws: 300, Seed: 9})
	if a.Sensitivity.PerturbStable != b.Sensitivity.PerturbStable || a.Sensitivity.PriorStable != b.Sensitivity.PriorStable {
		t.Fatal("the sensitivity is not reproducible")
	}
}

func TestParsePrior(t *testing.T) {
	hyps := Hypotheses()
	p, err := ParsePrior("bot=0.3, bandwagoning_profit=0.3", hyps)
	if err != nil {
		t.Fatal(err)
	}
	var sum float64
	for k, h := range hyps {
		sum += p[k]
		switch h.ID {
		case "balance_of_threat", "bandwagoning_profit":
			if p[k] != 0.3 {
				t.Errorf("%s: %v", h.ID, p[k])
			}
		default:
			if !near(p[k], 0.4/5, 1e-12) {
				t.Errorf("%s: %v, want 0.08", h.ID, p[k])
			}
		}
	}
	if !near(sum, 1, 1e-12) {
		t.Fatalf("sum %v", sum)
	}
	for _, bad := range []string{"", "bot", "bot=0", "bot=1", "bot=1.2", "bot=-0.1", "nonsense=0.2", "bot=0.5,BoT=0.2", "bot=0.6,bfp=0.4",
		"bot=x", "h0=0.1,bot=0.1,bop=0.1,bw=0.1,bfp=0.1,ei=0.1,id=0.1"} {
		if _, err := ParsePrior(bad, hyps); err == nil || bloc.ErrorCode(err) != bloc.EINVALID {
			t.Errorf("--prior %q: %v", bad, err)
		}
	}
}
