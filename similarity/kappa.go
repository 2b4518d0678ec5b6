package similarity

import (
	"math"
	"slices"
)

// Measure is a dyadic similarity measure of two portfolios of equal length.
// It returns ok=false (and NaN) when the measure is undefined for the pair.
type Measure func(x, y []float64) (float64, bool)

// maxFixedLevels is the largest number of category levels that Kappa, Pi and
// their Measure forms handle with fixed-size stack buffers (no heap
// allocation). ATOP (4 levels) and UN votes (3 levels) are well below it.
const maxFixedLevels = 8

// Kappa returns Cohen's (1960, 1968) weighted kappa for the portfolios x and y,
// the chance-corrected agreement measure Häge (2011) recommends, computed as
// fpsim's cohenk(x, y, w_exp = p, levels = levels):
//
//	o_ab = share of items with x = level a and y = level b   (joint proportions)
//	e_ab = o_a· × o_·b                   (outer product of the two marginals)
//	w_ab = (|a − b| / range)^p           range = max(levels) − min(levels)
//	κ    = 1 − Σ_ab w_ab o_ab / Σ_ab w_ab e_ab                  κ ∈ [−1, 1]
//
// p = 2 (squared distances) is fpsim's default and p = 1 gives linear
// weights. p = 0 is taken to mean nominal weights (w_ab = 0 if a = b, else 1),
// which gives Cohen's unweighted kappa; fpsim's literal formula would give
// 0^0 = 1 on the diagonal there and a meaningless constant 0.
//
// κ = 1 for perfect agreement, 0 for agreement at the rate expected from the
// two states' marginal distributions, negative below it. κ ≤ 1 always. κ ≥ −1
// holds for 0 ≤ p ≤ 2: w_ab is then a squared Hilbert-space distance
// ‖φ(a) − φ(b)‖² (Schoenberg), and by Cauchy–Schwarz Σ w·o ≤ 2 Σ w·e. Results
// below −1 by rounding only (−1 − 4e−16) are clamped to −1 for those p. For
// p > 2 κ can fall below −1 (about −1.9 for p = 3 on four levels) and is
// returned unclamped.
//
// Arguments and assumptions:
//   - levels are the possible tie values, e.g. ATOPLevels() (0, 1, 2, 3) or
//     UNLevels() (1, 2, 3); they need not be sorted but must be finite and
//     distinct. Passing them explicitly (as fpsim's documentation advises)
//     fixes which values are valid ties whatever the data of the year.
//     levels == nil uses the distinct non-missing values found anywhere in x
//     or y, as fpsim does with levels = NULL (this path allocates).
//   - Items where x_k or y_k is NaN are dropped, and so are items whose value
//     is not one of the levels (fpsim's factor(x, levels) turns them into NA,
//     which table() drops).
//   - The range only rescales all weights by one factor, which cancels in
//     the ratio: κ depends on the levels only through which values count
//     and their relative distances.
//   - Up to 8 levels are handled without heap allocation.
//
// Edge cases (ok=false, value NaN):
//   - len(x) != len(y); fewer than two levels, or levels that are not finite
//     and distinct; p negative, infinite or NaN;
//   - no complete item is left;
//   - Σ w·e = 0, where κ is 0/0 (fpsim returns NaN): this happens exactly
//     when both states put every complete item in the same single category
//     (barring underflow of the weights for extreme levels or p), e.g. two
//     states without any alliance when self-ties are not coded (fpsim's
//     self-ties, see SelfTieMax, make this rare). They agree perfectly, but
//     there is no variation to correct for chance; callers that want a
//     number must choose one themselves. A pair where only one state is
//     constant is defined: o = e there, so κ = 0.
//
// The result is exactly symmetric: Kappa(x, y) == Kappa(y, x).
func Kappa(x, y []float64, levels []float64, p float64) (float64, bool) {
	return chanceCorrected(x, y, levels, p, false)
}

// Pi returns Scott's (1955) pi with the weights of Kappa, the variant Häge
// (2011) computes besides kappa. It differs from Kappa only in the expected
// table, which assumes that both states draw from one pooled distribution:
//
//	m_a  = (o_a· + o_·a) / 2             (mean of the two marginal shares)
//	e_ab = m_a × m_b
//	π    = 1 − Σ_ab w_ab o_ab / Σ_ab w_ab e_ab                  π ∈ [−1, 1]
//
// With p = 0 (nominal weights) this is (p_o − p_e) / (1 − p_e) with
// p_e = Σ m_a², exactly fpsim's spi(x, y, levels). Arguments, assumptions,
// the range guarantee, symmetry and the edge cases are those of Kappa; Σ w·e = 0
// again happens exactly when both states use one and the same category only.
func Pi(x, y []float64, levels []float64, p float64) (float64, bool) {
	return chanceCorrected(x, y, levels, p, true)
}

// KappaMeasure returns Kappa with fixed levels and p as a Measure for
// AllPairs. The weights are computed once. For up to 8 levels the returned
// function does not allocate; it is safe for concurrent use. If levels or p
// are invalid (see Kappa) the Measure returns ok=false for every pair; levels
// == nil is invalid here, because the observed levels would vary by dyad.
func KappaMeasure(levels []float64, p float64) Measure {
	return newAgreementMeasure(levels, p, false)
}

// PiMeasure is KappaMeasure for Scott's pi (see Pi).
func PiMeasure(levels []float64, p float64) Measure {
	return newAgreementMeasure(levels, p, true)
}

func newAgreementMeasure(levels []float64, p float64, pooled bool) Measure {
	nan := math.NaN()
	if !validLevels(levels) || !validExponent(p) {
		return func(x, y []float64) (float64, bool) { return nan, false }
	}
	sc := newScale(slices.Clone(levels), make([]float64, len(levels)*len(levels)), p, pooled)
	return func(x, y []float64) (float64, bool) {
		if len(x) != len(y) {
			return nan, false
		}
		return sc.agree(x, y)
	}
}

func chanceCorrected(x, y, levels []float64, p float64, pooled bool) (float64, bool) {
	nan := math.NaN()
	if len(x) != len(y) || !validExponent(p) {
		return nan, false
	}
	if levels == nil {
		levels = observedLevels(x, y)
	}
	if !validLevels(levels) {
		return nan, false
	}
	L := len(levels)
	var wbuf [maxFixedLevels * maxFixedLevels]float64
	var w []float64
	if L <= maxFixedLevels {
		w = wbuf[:L*L]
	} else {
		w = make([]float64, L*L)
	}
	sc := newScale(levels, w, p, pooled)
	return sc.agree(x, y)
}

// directMax bounds the integer tie values looked up by table: when every
// level is an integer in [0, directMax), as for ATOP (0..3) and UN votes
// (1..3), a value's level index is found without a search.
const directMax = 16

// scale is a validated level set with its disagreement weights.
type scale struct {
	levels []float64 // L distinct finite values
	w      []float64 // L*L weights, row-major
	pooled bool      // Scott's pi (pooled marginals) instead of kappa
	clamp  bool      // p ≤ 2: κ ≥ −1 is a theorem, clamp rounding
	direct bool      // every level is an integer in [0, directMax)
	index  [directMax]int8
}

// newScale fills w (L*L) with the weights for levels and p.
func newScale(levels, w []float64, p float64, pooled bool) scale {
	s := scale{levels: levels, w: w, pooled: pooled, clamp: p <= 2}
	fillWeights(w, levels, p)
	s.direct = true
	for i := range s.index {
		s.index[i] = -1
	}
	for i, l := range levels {
		if l != math.Trunc(l) || l < 0 || l >= directMax {
			s.direct = false
			break
		}
		s.index[int(l)] = int8(i)
	}
	return s
}

// lookup returns the index of v among the levels, or −1 (NaN, not a level).
func (s *scale) lookup(v float64) int {
	if s.direct {
		// int(v) is implementation-defined but does not panic for NaN,
		// ±Inf or huge v; the round trip rejects all of them.
		i := int(v)
		if uint(i) < directMax && float64(i) == v {
			return int(s.index[i])
		}
		return -1
	}
	return indexOf(s.levels, v)
}

// agree computes 1 − Σ w·o / Σ w·e from the contingency table of x and y.
// Counts are used instead of proportions: Σw·o / Σw·e = n·Σ w n_ab / Σ w
// n_a· n_·b. Sums run over a < b with n_ab + n_ba (and r_a c_b + r_b c_a),
// so that the result is exactly symmetric in x and y. With clamp (p ≤ 2)
// rounding results below −1 are lifted to −1.
func (s *scale) agree(x, y []float64) (float64, bool) {
	L := len(s.levels)
	var small [maxFixedLevels * maxFixedLevels]int
	var counts []int
	if L <= maxFixedLevels {
		counts = small[:L*L]
	} else {
		counts = make([]int, L*L)
	}
	y = y[:len(x)]
	for k, xk := range x {
		a, b := s.lookup(xk), s.lookup(y[k])
		if a < 0 || b < 0 {
			continue
		}
		counts[a*L+b]++
	}
	var rbuf, cbuf [maxFixedLevels]float64
	var rows, cols []float64
	if L <= maxFixedLevels {
		rows, cols = rbuf[:L], cbuf[:L]
	} else {
		rows, cols = make([]float64, L), make([]float64, L)
	}
	n := 0.0
	for a := range L {
		for b := range L {
			c := float64(counts[a*L+b])
			rows[a] += c
			cols[b] += c
			n += c
		}
	}
	if n == 0 {
		return math.NaN(), false
	}
	w := s.w
	var num, den float64
	for a := 0; a < L; a++ {
		for b := a + 1; b < L; b++ {
			wab := w[a*L+b]
			num += wab * float64(counts[a*L+b]+counts[b*L+a])
			if s.pooled {
				// 2 · m_a · m_b with m = (r + c) / 2
				den += wab * (rows[a] + cols[a]) * (rows[b] + cols[b]) / 2
			} else {
				den += wab * (rows[a]*cols[b] + rows[b]*cols[a])
			}
		}
	}
	if !(den > 0) {
		return math.NaN(), false
	}
	k := 1 - n*num/den
	if s.clamp && k < -1 {
		k = -1
	}
	return k, true
}

func indexOf(levels []float64, v float64) int {
	for i, l := range levels {
		if v == l {
			return i
		}
	}
	return -1
}

// fillWeights sets w[a*L+b] = (|l_a − l_b| / range)^p, with nominal weights
// for p = 0 and the common exponents 1 and 2 computed without math.Pow.
func fillWeights(w, levels []float64, p float64) {
	lo, hi := slices.Min(levels), slices.Max(levels)
	rng := hi - lo
	L := len(levels)
	for a := range L {
		for b := range L {
			var v float64
			switch d := math.Abs(levels[a]-levels[b]) / rng; {
			case a == b:
				v = 0
			case p == 0:
				v = 1
			case p == 1:
				v = d
			case p == 2:
				v = d * d
			default:
				v = math.Pow(d, p)
			}
			w[a*L+b] = v
		}
	}
}

func validExponent(p float64) bool {
	return p >= 0 && !math.IsInf(p, 1)
}

// validLevels reports whether levels has at least two finite, distinct values
// with a finite range.
func validLevels(levels []float64) bool {
	if len(levels) < 2 {
		return false
	}
	for i, l := range levels {
		if math.IsNaN(l) || math.IsInf(l, 0) {
			return false
		}
		for _, m := range levels[:i] {
			if l == m {
				return false
			}
		}
	}
	rng := slices.Max(levels) - slices.Min(levels)
	return rng > 0 && !math.IsInf(rng, 1)
}

// observedLevels returns the sorted distinct non-missing values of x and y,
// as fpsim's sort(unique(c(x1, x2))) does for levels = NULL. Like fpsim it
// looks at all items, including those dropped later because the other state
// is missing there.
func observedLevels(x, y []float64) []float64 {
	var out []float64
	for _, v := range x {
		if !math.IsNaN(v) && indexOf(out, v) < 0 {
			out = append(out, v)
		}
	}
	for _, v := range y {
		if !math.IsNaN(v) && indexOf(out, v) < 0 {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}
