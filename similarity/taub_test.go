package similarity

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestTauB(t *testing.T) {
	cases := []struct {
		name string
		x, y []float64
		want float64 // NaN: ok=false
	}{
		// Hand count, items 1..6:
		//   x = 1 2 2 3 3 3
		//   y = 2 1 2 3 3 1
		// 15 item pairs: concordant (1,4) (1,5) (2,4) (2,5) (3,4) (3,5): C = 6;
		// discordant (1,2) (1,6) (3,6): D = 3; tied in x only (2,3) (4,6)
		// (5,6); tied in y only (1,3) (2,6); tied in both (4,5).
		// n1 = x ties = 1 (the 2s) + 3 (the 3s) = 4; n2 = 1 + 1 + 1 = 3.
		// τb = (6 − 3)/√((15 − 4)(15 − 3)) = 3/√132
		{"ties", []float64{1, 2, 2, 3, 3, 3}, []float64{2, 1, 2, 3, 3, 1}, 3 / math.Sqrt(132)},
		// x as above, y = 1 1 2 2 3 3: C = 9, D = 0, n1 = 4, n2 = 3:
		// τb = 9/√132
		{"ties no discordance", []float64{1, 2, 2, 3, 3, 3}, []float64{1, 1, 2, 2, 3, 3}, 9 / math.Sqrt(132)},
		// the same with two missing items added
		{"ties with missing", []float64{1, 2, nan, 2, 3, 3, 3, 0}, []float64{2, 1, 0, 2, 3, 3, 1, nan}, 3 / math.Sqrt(132)},
		{"identical", []float64{0, 1, 2, 3}, []float64{0, 1, 2, 3}, 1},
		{"reversed", []float64{0, 1, 2, 3}, []float64{3, 2, 1, 0}, -1},
		// association, not similarity: every item differs, still τb = 1
		{"shifted", []float64{0, 1, 2}, []float64{1, 2, 3}, 1},
		// more than 8 distinct values: the O(n²) path
		{"many values", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 1},
		{"many values reversed", []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, []float64{10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, -1},
		{"x constant", []float64{3, 3, 3}, []float64{0, 1, 2}, nan},
		{"y constant", []float64{0, 1, 2}, []float64{0, 0, 0}, nan},
		{"both constant", []float64{0, 0}, []float64{0, 0}, nan},
		{"constant after dropping missing", []float64{0, 1, 0}, []float64{2, nan, 3}, nan},
		{"one item", []float64{1}, []float64{2}, nan},
		{"empty", []float64{}, []float64{}, nan},
		{"length mismatch", []float64{1, 2}, []float64{1}, nan},
	}
	for _, c := range cases {
		got, ok := TauB(c.x, c.y)
		checkResult(t, c.name, got, ok, c.want)
		if len(c.x) != len(c.y) {
			continue
		}
		if slow, sok := tauBPairs(c.x, c.y); sok != ok || (ok && math.Abs(slow-got) > tol) {
			t.Errorf("%s: table path %v/%v, pair path %v/%v", c.name, got, ok, slow, sok)
		}
	}
}

// TestTauBPathsAgree checks the contingency-table path against the O(n²)
// pair count on random valued portfolios with missing values.
func TestTauBPathsAgree(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for it := range 2000 {
		n := r.IntN(40)
		x, y := make([]float64, n), make([]float64, n)
		for k := range n {
			x[k], y[k] = float64(r.IntN(4)), float64(r.IntN(5))-1
			if r.IntN(10) == 0 {
				x[k] = nan
			}
		}
		fast, ok, done := tauBTable(x, y)
		slow, sok := tauBPairs(x, y)
		if !done || ok != sok || (ok && math.Abs(fast-slow) > tol) {
			t.Fatalf("it %d: table %v/%v/%v, pairs %v/%v; x=%v y=%v", it, fast, ok, done, slow, sok, x, y)
		}
	}
}
