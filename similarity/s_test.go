package similarity

import (
	"math"
	"testing"
)

func TestS(t *testing.T) {
	// Worked example used throughout: two states, five items on the ATOP
	// scale (0..3, dmax = 3).
	//   x      = 3 3 2 0 0
	//   y      = 3 2 2 1 3
	//   |x−y|  = 0 1 0 1 3   Σ = 5
	ex, ey := []float64{3, 3, 2, 0, 0}, []float64{3, 2, 2, 1, 3}
	cases := []struct {
		name string
		x, y []float64
		w    []float64
		dmax float64
		want float64 // NaN: ok=false
	}{
		{"identical", []float64{0, 1, 2, 3}, []float64{0, 1, 2, 3}, nil, 3, 1},
		{"identical constant", []float64{2, 2, 2}, []float64{2, 2, 2}, nil, 3, 1},
		// every item differs by dmax: S = 1 − 2·(4·3)/(4·3) = −1
		{"opposite", []float64{0, 3, 0, 3}, []float64{3, 0, 3, 0}, nil, 3, -1},
		// S = 1 − 2·5/(5·3) = 1/3
		{"worked example", ex, ey, nil, 3, 1.0 / 3},
		// UN votes 1..3 (dmax 2): |d| = 0 1 2 0, S = 1 − 2·3/(4·2) = 1/4
		{"UN votes", []float64{1, 2, 3, 1}, []float64{1, 3, 1, 1}, nil, UNRange, 0.25},
		// missing items dropped: only item 3 (2 vs 2) is complete
		{"missing dropped", []float64{nan, 1, 2}, []float64{0, nan, 2}, nil, 3, 1},
		// only item 1 (3 vs 0) is complete: S = −1
		{"missing dropped opposite", []float64{3, nan, 0}, []float64{0, 1, nan}, nil, 3, -1},
		{"all missing", []float64{nan, 1}, []float64{2, nan}, nil, 3, nan},
		{"empty", []float64{}, []float64{}, nil, 3, nan},
		{"length mismatch", []float64{1, 2}, []float64{1}, nil, 3, nan},
		// CINC-like weights that do not sum to one (Σw = 0.5):
		// Σ w|d| = 0.1·1 + 0.05·1 + 0.1·3 = 0.45; S = 1 − 2·0.45/(0.5·3) = 0.4
		{"weighted CINC-like", ex, ey, []float64{0.2, 0.1, 0.05, 0.05, 0.1}, 3, 0.4},
		// weights summing to one: Σ w|d| = .25 + .15 + .30 = .70;
		// S = 1 − 2·0.7/3 = 8/15
		{"weighted sum one", ex, ey, []float64{0.30, 0.25, 0.20, 0.15, 0.10}, 3, 8.0 / 15},
		// a missing weight drops its item: Σ w|d| = .05·1 + .1·3 = .35,
		// Σw = .4, S = 1 − 2·.35/(.4·3) = 5/12
		{"weighted missing weight", ex, ey, []float64{0.2, nan, 0.05, 0.05, 0.1}, 3, 5.0 / 12},
		// equal weights reproduce the unweighted S
		{"weighted equal", ex, ey, []float64{7, 7, 7, 7, 7}, 3, 1.0 / 3},
		{"weights sum to zero", ex, ey, []float64{0, 0, 0, 0, 0}, 3, nan},
		{"negative weight", ex, ey, []float64{0.2, -0.1, 0.05, 0.05, 0.1}, 3, nan},
		{"infinite weight", ex, ey, []float64{0.2, math.Inf(1), 0.05, 0.05, 0.1}, 3, nan},
		{"weights length mismatch", ex, ey, []float64{1, 1}, 3, nan},
		{"dmax zero", ex, ey, nil, 0, nan},
		{"dmax NaN", ex, ey, nil, nan, nan},
		{"dmax Inf", ex, ey, nil, math.Inf(1), nan},
		{"off the scale", []float64{0}, []float64{5}, nil, 3, nan},
		{"infinite value", []float64{math.Inf(1)}, []float64{math.Inf(1)}, nil, 3, nan},
	}
	for _, c := range cases {
		got, ok := S(c.x, c.y, c.w, c.dmax)
		checkResult(t, c.name, got, ok, c.want)
		// symmetry
		got2, ok2 := S(c.y, c.x, c.w, c.dmax)
		if ok != ok2 || (ok && got != got2) {
			t.Errorf("%s: S not symmetric: %v/%v vs %v/%v", c.name, got, ok, got2, ok2)
		}
		m, mok := SMeasure(c.w, c.dmax)(c.x, c.y)
		if mok != ok || (ok && m != got) {
			t.Errorf("%s: SMeasure %v/%v, S %v/%v", c.name, m, mok, got, ok)
		}
	}
}

func TestSSquared(t *testing.T) {
	ex, ey := []float64{3, 3, 2, 0, 0}, []float64{3, 2, 2, 1, 3}
	cases := []struct {
		name string
		x, y []float64
		w    []float64
		dmax float64
		want float64
	}{
		// d² = 0 1 0 1 9, Σ = 11: S² = 1 − 2·11/(5·9) = 23/45
		{"worked example", ex, ey, nil, 3, 23.0 / 45},
		{"opposite", []float64{0, 3}, []float64{3, 0}, nil, 3, -1},
		{"identical", ex, ex, nil, 3, 1},
		// Σ w d²/9 = (.1·1 + .05·1 + .1·9)/9 = 1.05/9; Σw = .5:
		// S² = 1 − 2·(1.05/9)/.5 = 1 − 4.2/9 = 8/15
		{"weighted", ex, ey, []float64{0.2, 0.1, 0.05, 0.05, 0.1}, 3, 8.0 / 15},
		{"all missing", []float64{nan}, []float64{nan}, nil, 3, nan},
	}
	for _, c := range cases {
		got, ok := SSquared(c.x, c.y, c.w, c.dmax)
		checkResult(t, c.name, got, ok, c.want)
	}
}
