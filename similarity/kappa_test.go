package similarity

import (
	"math"
	"testing"
)

// Worked example, levels 0..3 (range 3), n = 5:
//
//	x = 3 3 2 0 0
//	y = 3 2 2 1 3
//	pairs (x,y): (3,3) (3,2) (2,2) (0,1) (0,3)
//	row counts  r (x):  r0 = 2, r1 = 0, r2 = 1, r3 = 2
//	col counts  c (y):  c0 = 0, c1 = 1, c2 = 2, c3 = 2
//	pooled      m = (r + c)/2:  m0 = 1, m1 = 0.5, m2 = 1.5, m3 = 2
//
// Squared weights (p = 2), w = (|a−b|/3)²: d1 = 1/9, d2 = 4/9, d3 = 1.
//
//	Σ w·o = [w(3,2) + w(0,1) + w(0,3)] / 5 = (1/9 + 1/9 + 1)/5 = 11/45
//	Σ w r_a c_b  (counts):
//	  a=0: 2·1·1/9 + 2·2·4/9 + 2·2·1   = 2/9 + 16/9 + 36/9 = 6
//	  a=2: 1·1·1/9 + 1·2·1/9            = 3/9
//	  a=3: 2·1·4/9 + 2·2·1/9            = 12/9
//	  total 23/3, so Σ w·e = (23/3)/25 = 23/75
//	κ = 1 − (11/45)/(23/75) = 1 − 55/69 = 14/69
//	pi: 2 Σ_{a<b} w m_a m_b = 2·[.5/9 + 6/9 + 2 + .75/9 + 4/9 + 3/9] = 43/6,
//	  Σ w·e = (43/6)/25 = 43/150, π = 1 − (11/45)/(43/150) = 19/129
//
// Linear weights (p = 1), w = |a−b|/3: d1 = 1/3, d2 = 2/3, d3 = 1.
//
//	Σ w·o = (1/3 + 1/3 + 1)/5 = 1/3
//	Σ w r_a c_b: a=0: 2/3 + 8/3 + 4 = 22/3; a=2: 1/3 + 2/3 = 1;
//	  a=3: 4/3 + 4/3 = 8/3; total 11, Σ w·e = 11/25
//	κ = 1 − (1/3)/(11/25) = 8/33
//	pi: 2·[1/6 + 1 + 2 + 1/4 + 2/3 + 1] = 61/6, Σ w·e = 61/150,
//	  π = 1 − (1/3)/(61/150) = 11/61
//
// Nominal weights (p = 0): p_o = 2/5, p_e(κ) = (r·c)/25 = (0+0+2+4)/25 = 6/25,
// κ = (2/5 − 6/25)/(1 − 6/25) = 4/19; p_e(π) = Σ m²/25 = 7.5/25 = 0.3,
// π = (0.4 − 0.3)/0.7 = 1/7.
var exX, exY = []float64{3, 3, 2, 0, 0}, []float64{3, 2, 2, 1, 3}

type agreeCase struct {
	name       string
	x, y       []float64
	levels     []float64
	p          float64
	kappa, pi_ float64 // NaN: ok=false
}

func agreeCases() []agreeCase {
	atop := ATOPLevels()
	return []agreeCase{
		{"identical p2", []float64{0, 1, 2, 3, 3}, []float64{0, 1, 2, 3, 3}, atop, 2, 1, 1},
		{"identical p1", []float64{0, 1, 2, 3, 3}, []float64{0, 1, 2, 3, 3}, atop, 1, 1, 1},
		{"identical p0", []float64{0, 1, 2, 3, 3}, []float64{0, 1, 2, 3, 3}, atop, 0, 1, 1},
		// o = {(0,3): ½, (3,0): ½}, Σw·o = 1; r = c = (½,0,0,½),
		// Σw·e = 2·¼ = ½ (same pooled): κ = π = 1 − 1/½ = −1
		{"opposite p2", []float64{0, 3, 0, 3}, []float64{3, 0, 3, 0}, atop, 2, -1, -1},
		{"opposite p1", []float64{0, 3, 0, 3}, []float64{3, 0, 3, 0}, atop, 1, -1, -1},
		{"worked p2", exX, exY, atop, 2, 14.0 / 69, 19.0 / 129},
		{"worked p1", exX, exY, atop, 1, 8.0 / 33, 11.0 / 61},
		{"worked p0", exX, exY, atop, 0, 4.0 / 19, 1.0 / 7},
		{"worked unsorted levels", exX, exY, []float64{3, 1, 0, 2}, 2, 14.0 / 69, 19.0 / 129},
		// levels nil: observed {0,1,2,3}, the same levels
		{"worked observed levels", exX, exY, nil, 2, 14.0 / 69, 19.0 / 129},
		// missing items, and a value (1.5) that is not a level, are dropped
		{"worked with missing", append(append([]float64{}, exX...), nan, 1, 1.5),
			append(append([]float64{}, exY...), 2, nan, 1), atop, 2, 14.0 / 69, 19.0 / 129},
		// UN votes, levels 1..3 (range 2), p = 2: w(d=1) = ¼, w(d=2) = 1.
		// pairs (1,1) (1,3) (2,2) (3,3) (1,2): Σw·o = (1 + ¼)/5 = ¼
		// r = (3,1,1), c = (1,2,2); Σ w r_a c_b = 6/4 + 6 + 1/4 + 2/4 + 1 + 2/4
		// = 9.75, Σw·e = 0.39, κ = 1 − .25/.39 = 14/39.
		// m = (2, 1.5, 1.5): 2·[¼·3 + 1·3 + ¼·2.25] = 8.625, Σw·e = .345,
		// π = 1 − .25/.345 = 19/69
		{"UN votes p2", []float64{1, 1, 2, 3, 1}, []float64{1, 3, 2, 3, 2}, UNLevels(), 2, 14.0 / 39, 19.0 / 69},
		// self-coded portfolios of two states without alliances (see
		// TestAllianceMatrix): o = {(3,0): ⅓, (0,3): ⅓, (0,0): ⅓}, Σw·o = ⅔,
		// r = c = (⅔,0,0,⅓), Σw·e = 2·(2/9) = 4/9: κ = π = 1 − 3/2 = −½
		{"isolated states with self-ties", []float64{3, 0, 0}, []float64{0, 3, 0}, atop, 2, -0.5, -0.5},
		// one constant portfolio: o = {(0,0): ⅔, (0,3): ⅓}, Σw·o = ⅓;
		// r = (1,0,0,0), c = (⅔,0,0,⅓): Σw·e = ⅓, κ = 0;
		// m = (5/6,0,0,1/6): Σw·e = 2·5/36 = 5/18, π = 1 − 6/5 = −1/5
		{"one constant", []float64{0, 0, 0}, []float64{0, 0, 3}, atop, 2, 0, -0.2},
		// degenerate: both states use one and the same category only
		{"both constant same", []float64{0, 0, 0, 0}, []float64{0, 0, 0, 0}, atop, 2, nan, nan},
		{"both constant same p0", []float64{3, 3}, []float64{3, 3}, atop, 0, nan, nan},
		{"both constant observed levels", []float64{1, 1}, []float64{1, 1}, nil, 2, nan, nan},
		// both constant on different categories: o = e = {(0,3): 1}, κ = 0;
		// m = (½,0,0,½): Σw·e = ½, π = 1 − 1/½ = −1
		{"both constant different", []float64{0, 0}, []float64{3, 3}, atop, 2, 0, -1},
		{"all missing", []float64{nan, 1}, []float64{2, nan}, atop, 2, nan, nan},
		{"no value on a level", []float64{7, 8}, []float64{7, 8}, atop, 2, nan, nan},
		{"empty", []float64{}, []float64{}, atop, 2, nan, nan},
		{"length mismatch", []float64{1, 2}, []float64{1}, atop, 2, nan, nan},
		{"one level", exX, exY, []float64{3}, 2, nan, nan},
		{"duplicate levels", exX, exY, []float64{0, 1, 2, 3, 3}, 2, nan, nan},
		{"NaN level", exX, exY, []float64{0, 1, 2, nan}, 2, nan, nan},
		{"infinite level", exX, exY, []float64{0, 1, 2, math.Inf(1)}, 2, nan, nan},
		{"negative p", exX, exY, atop, -1, nan, nan},
		{"NaN p", exX, exY, atop, nan, nan, nan},
		{"infinite p", exX, exY, atop, math.Inf(1), nan, nan},
	}
}

func TestKappaPi(t *testing.T) {
	for _, c := range agreeCases() {
		k, ok := Kappa(c.x, c.y, c.levels, c.p)
		checkResult(t, "Kappa "+c.name, k, ok, c.kappa)
		pi, pok := Pi(c.x, c.y, c.levels, c.p)
		checkResult(t, "Pi "+c.name, pi, pok, c.pi_)

		k2, ok2 := Kappa(c.y, c.x, c.levels, c.p)
		if ok2 != ok || (ok && k2 != k) {
			t.Errorf("%s: Kappa not symmetric: %v/%v vs %v/%v", c.name, k, ok, k2, ok2)
		}
		if c.levels == nil {
			continue // the Measure forms need fixed levels
		}
		mk, mok := KappaMeasure(c.levels, c.p)(c.x, c.y)
		if mok != ok || (ok && mk != k) {
			t.Errorf("%s: KappaMeasure %v/%v, Kappa %v/%v", c.name, mk, mok, k, ok)
		}
		mp, mpok := PiMeasure(c.levels, c.p)(c.x, c.y)
		if mpok != pok || (pok && mp != pi) {
			t.Errorf("%s: PiMeasure %v/%v, Pi %v/%v", c.name, mp, mpok, pi, pok)
		}
	}
}

// TestKappaObservedLevels follows fpsim's levels = NULL: the levels are the
// distinct values seen anywhere in x or y, also in items dropped as
// incomplete. The range only rescales every weight by one factor, which
// cancels in Σw·o / Σw·e, so observed and explicit levels agree whenever
// every value is a level.
func TestKappaObservedLevels(t *testing.T) {
	// complete pairs (0,1) (1,3) (3,0); the 2 of x occurs only in the
	// incomplete last item. p = 1 over levels 0..3: w01 = 1/3, w13 = 2/3,
	// w03 = 1. Σw·o = (1/3 + 2/3 + 1)/3 = 2/3. r = c = (1,1,0,1):
	// Σ w r_a c_b = 2·(1/3 + 1 + 2/3) = 4, Σw·e = 4/9, κ = 1 − (2/3)/(4/9) = −½.
	x := []float64{0, 1, 3, 2}
	y := []float64{1, 3, 0, nan}
	k, ok := Kappa(x, y, nil, 1)
	checkResult(t, "observed levels", k, ok, -0.5)
	k, ok = Kappa(x, y, ATOPLevels(), 1)
	checkResult(t, "explicit levels", k, ok, -0.5)
	// observed levels 0, 1, 3 only (range still 3)
	k, ok = Kappa(x[:3], y[:3], nil, 1)
	checkResult(t, "observed levels without 2", k, ok, -0.5)
	// levels {0, 1} drop every pair with a 3: left (0,1), a single item with
	// r = (1,0), c = (0,1): Σw·o = 1, Σw·e = 1, κ = 0.
	k, ok = Kappa(x, y, []float64{0, 1}, 1)
	checkResult(t, "values off the levels dropped", k, ok, 0)
}

func TestNoAllocs(t *testing.T) {
	x := []float64{3, 3, 2, 0, 0, nan, 1}
	y := []float64{3, 2, 2, 1, 3, 0, 1}
	w := []float64{1, 2, 3, 4, 5, 6, 7}
	lv := ATOPLevels()
	km, pm, sm := KappaMeasure(lv, 2), PiMeasure(lv, 1), SMeasure(w, 3)
	for name, f := range map[string]func(){
		"Kappa":        func() { Kappa(x, y, lv, 2) },
		"Pi":           func() { Pi(x, y, lv, 1) },
		"Kappa p=1.5":  func() { Kappa(x, y, lv, 1.5) },
		"KappaMeasure": func() { km(x, y) },
		"PiMeasure":    func() { pm(x, y) },
		"S":            func() { S(x, y, w, 3) },
		"SMeasure":     func() { sm(x, y) },
		"TauB":         func() { TauB(x, y) },
	} {
		if a := testing.AllocsPerRun(100, f); a != 0 {
			t.Errorf("%s allocates %v times per call", name, a)
		}
	}
}
