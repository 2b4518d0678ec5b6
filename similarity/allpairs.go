package similarity

import (
	"math"
	"runtime"
	"sync"
	"sync/atomic"
)

// Matrix holds the portfolios of one system-year: row r is the portfolio of
// state States[r] (a COW code), and column c is one item — a state k of the
// system for alliance portfolios (see AllianceMatrix), a roll call for UN
// votes. NaN marks a missing value. All rows should have the same length.
type Matrix struct {
	States []int
	Values [][]float64
}

// AllPairs calls measure on every unordered pair of rows i < j of m and
// reports each result to fn(i, j, v, ok); v is NaN when ok is false. Row
// indices, not COW codes, are passed: the dyad is (m.States[i], m.States[j]).
//
// The pairs are shared out by row among runtime.NumCPU() goroutines, so
// measure and fn are called concurrently and must be safe for that; a
// collector can write fn's result to out[PairIndex(len(m.Values), i, j)]
// without locking, since every pair is reported exactly once. Rows are passed
// to measure as they are (no copy) and must not be modified. AllPairs itself
// allocates only per call (one goroutine per worker), never per pair; with
// KappaMeasure, PiMeasure, SMeasure or TauB nothing is allocated per pair.
// AllPairs returns when every pair has been reported.
func AllPairs(m Matrix, measure func(x, y []float64) (float64, bool), fn func(i, j int, v float64, ok bool)) {
	AllPairsWorker(m, func() Measure { return measure }, fn)
}

// AllPairsWorker is AllPairs for measures that need per-worker state, such as
// scratch buffers: newMeasure is called once in each worker goroutine and the
// measure it returns is used by that goroutine only.
func AllPairsWorker(m Matrix, newMeasure func() Measure, fn func(i, j int, v float64, ok bool)) {
	n := len(m.Values)
	if n < 2 {
		return
	}
	workers := min(runtime.NumCPU(), n-1)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			measure := newMeasure()
			for {
				// rows in increasing order: the longest rows go first, so
				// the short ones at the end balance the workers.
				i := int(next.Add(1) - 1)
				if i >= n-1 {
					return
				}
				xi := m.Values[i]
				for j := i + 1; j < n; j++ {
					v, ok := measure(xi, m.Values[j])
					if !ok {
						v = math.NaN()
					}
					fn(i, j, v, ok)
				}
			}
		})
	}
	wg.Wait()
}

// NumPairs returns the number of unordered pairs of n rows, n(n−1)/2.
func NumPairs(n int) int {
	if n < 2 {
		return 0
	}
	return n * (n - 1) / 2
}

// PairIndex returns the position of the pair i < j of n rows in row-major
// upper-triangle order (0,1), (0,2), …, (0,n−1), (1,2), …: a dense index in
// [0, NumPairs(n)) for storing AllPairs results. It panics unless
// 0 ≤ i < j < n.
func PairIndex(n, i, j int) int {
	if i < 0 || i >= j || j >= n {
		panic("similarity: PairIndex needs 0 <= i < j < n")
	}
	return i*n - i*(i+1)/2 + (j - i - 1)
}
