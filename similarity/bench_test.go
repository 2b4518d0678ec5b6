package similarity

import (
	"math/rand/v2"
	"testing"
)

// benchMatrix is 200 states × 200 items of random tie values 0..3, the size
// of one late-20th-century alliance system-year.
func benchMatrix() Matrix {
	return randomMatrix(rand.New(rand.NewPCG(42, 42)), 200, 200, 0)
}

func benchAllPairs(b *testing.B, measure Measure) {
	m := benchMatrix()
	out := make([]float64, NumPairs(len(m.Values)))
	n := len(m.Values)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		AllPairs(m, measure, func(i, j int, v float64, ok bool) { out[PairIndex(n, i, j)] = v })
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(out)), "ns/pair")
}

// BenchmarkAllPairsKappa: 19 900 dyads of 200 × 200 per op.
func BenchmarkAllPairsKappa(b *testing.B) { benchAllPairs(b, KappaMeasure(ATOPLevels(), 2)) }

func BenchmarkAllPairsPi(b *testing.B) { benchAllPairs(b, PiMeasure(ATOPLevels(), 2)) }

func BenchmarkAllPairsS(b *testing.B) { benchAllPairs(b, SMeasure(nil, ATOPRange)) }

func BenchmarkAllPairsTauB(b *testing.B) { benchAllPairs(b, TauB) }

func BenchmarkKappa(b *testing.B) {
	m := benchMatrix()
	lv := ATOPLevels()
	b.ReportAllocs()
	for b.Loop() {
		Kappa(m.Values[0], m.Values[1], lv, 2)
	}
}

// systemSize approximates the number of COW system members in a year
// (23 in 1816, ~65 in 1945, ~160 in 1980, 195 in 2016) by linear
// interpolation between those points.
func systemSize(year int) int {
	pts := [][2]int{{1816, 23}, {1900, 43}, {1945, 65}, {1960, 107}, {1980, 160}, {1992, 183}, {2018, 195}}
	for k := 1; k < len(pts); k++ {
		if year <= pts[k][0] {
			y0, n0, y1, n1 := pts[k-1][0], pts[k-1][1], pts[k][0], pts[k][1]
			return n0 + (n1-n0)*(year-y0)/(y1-y0)
		}
	}
	return pts[len(pts)-1][1]
}

// BenchmarkUniverseKappa computes kappa (p = 2) for every dyad-year
// 1816–2018 on alliance portfolios with self-ties (one op = the whole
// universe, ~1.3 million dyads on this synthetic system size).
func BenchmarkUniverseKappa(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	var years []Matrix
	dyads := 0
	for y := 1816; y <= 2018; y++ {
		n := systemSize(y)
		states := make([]int, n)
		for i := range states {
			states[i] = i
		}
		years = append(years, AllianceMatrix(states, func(a, b int) float64 { return float64(r.IntN(4)) }, SelfTieMax))
		dyads += NumPairs(n)
	}
	measure := KappaMeasure(ATOPLevels(), 2)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, m := range years {
			AllPairs(m, measure, func(i, j int, v float64, ok bool) {})
		}
	}
	b.ReportMetric(float64(dyads), "dyads")
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/universe")
}
