package similarity

import (
	"math"
	"math/rand/v2"
	"sync/atomic"
	"testing"
)

// randomMatrix returns n states × items random tie values 0..3, with a share
// missing of NaN.
func randomMatrix(r *rand.Rand, n, items int, missing float64) Matrix {
	m := Matrix{States: make([]int, n), Values: make([][]float64, n)}
	for i := range n {
		m.States[i] = 2 + i
		row := make([]float64, items)
		for k := range row {
			row[k] = float64(r.IntN(4))
			if r.Float64() < missing {
				row[k] = nan
			}
		}
		m.Values[i] = row
	}
	return m
}

func TestAllPairs(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	m := randomMatrix(r, 37, 29, 0.1)
	// two rows that make kappa undefined: both all-zero
	for k := range m.Values[5] {
		m.Values[5][k], m.Values[9][k] = 0, 0
	}
	n := len(m.Values)
	measures := map[string]Measure{
		"kappa": KappaMeasure(ATOPLevels(), 2),
		"pi":    PiMeasure(ATOPLevels(), 1),
		"S":     SMeasure(nil, ATOPRange),
		"taub":  TauB,
	}
	for name, measure := range measures {
		got := make([]float64, NumPairs(n))
		gotOK := make([]bool, NumPairs(n))
		var calls atomic.Int64
		AllPairs(m, measure, func(i, j int, v float64, ok bool) {
			if !(0 <= i && i < j && j < n) {
				t.Errorf("%s: bad pair (%d,%d)", name, i, j)
				return
			}
			if !ok && !math.IsNaN(v) {
				t.Errorf("%s: (%d,%d) ok=false with v=%v", name, i, j, v)
			}
			idx := PairIndex(n, i, j)
			got[idx], gotOK[idx] = v, ok
			calls.Add(1)
		})
		if c := calls.Load(); c != int64(NumPairs(n)) {
			t.Errorf("%s: %d calls, want %d", name, c, NumPairs(n))
		}
		for i := range n {
			for j := i + 1; j < n; j++ {
				want, wok := measure(m.Values[i], m.Values[j])
				idx := PairIndex(n, i, j)
				if wok != gotOK[idx] || (wok && want != got[idx]) {
					t.Errorf("%s (%d,%d): AllPairs %v/%v, serial %v/%v", name, i, j, got[idx], gotOK[idx], want, wok)
				}
			}
		}
		if name == "kappa" && gotOK[PairIndex(n, 5, 9)] {
			t.Errorf("kappa of two all-zero rows reported ok")
		}
	}
}

func TestAllPairsWorker(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 9))
	m := randomMatrix(r, 20, 15, 0)
	var workers atomic.Int64
	sum := make([]float64, NumPairs(20))
	AllPairsWorker(m, func() Measure {
		workers.Add(1)
		scratch := make([]float64, 15) // per-worker buffer
		return func(x, y []float64) (float64, bool) {
			for k := range x {
				scratch[k] = x[k] + y[k]
			}
			s := 0.0
			for _, v := range scratch {
				s += v
			}
			return s, true
		}
	}, func(i, j int, v float64, ok bool) { sum[PairIndex(20, i, j)] = v })
	if w := workers.Load(); w < 1 {
		t.Errorf("newMeasure called %d times", w)
	}
	for i := range 20 {
		for j := i + 1; j < 20; j++ {
			want := 0.0
			for k := range 15 {
				want += m.Values[i][k] + m.Values[j][k]
			}
			if math.Abs(sum[PairIndex(20, i, j)]-want) > tol {
				t.Fatalf("(%d,%d): %v, want %v", i, j, sum[PairIndex(20, i, j)], want)
			}
		}
	}
}

func TestAllPairsSmall(t *testing.T) {
	for _, n := range []int{0, 1} {
		m := randomMatrix(rand.New(rand.NewPCG(1, 1)), n, 4, 0)
		AllPairs(m, TauB, func(i, j int, v float64, ok bool) { t.Errorf("n=%d: called for (%d,%d)", n, i, j) })
	}
	called := 0
	m := randomMatrix(rand.New(rand.NewPCG(1, 1)), 2, 4, 0)
	AllPairs(m, SMeasure(nil, 3), func(i, j int, v float64, ok bool) { called++ })
	if called != 1 {
		t.Errorf("n=2: %d calls", called)
	}
}

func TestPairIndex(t *testing.T) {
	for n := range 12 {
		next := 0
		for i := range n {
			for j := i + 1; j < n; j++ {
				if got := PairIndex(n, i, j); got != next {
					t.Fatalf("PairIndex(%d,%d,%d) = %d, want %d", n, i, j, got, next)
				}
				next++
			}
		}
		if next != NumPairs(n) {
			t.Fatalf("NumPairs(%d) = %d, want %d", n, NumPairs(n), next)
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("PairIndex(3, 1, 1) did not panic")
		}
	}()
	PairIndex(3, 1, 1)
}
