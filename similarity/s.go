package similarity

import "math"

// S returns Signorino and Ritter's (1999) S score for the portfolios x and y:
//
//	S = 1 − 2 · Σ_k w_k |x_k − y_k| / (Σ_k w_k · dmax)          S ∈ [−1, 1]
//
// This is fpsim's srs(x, y, distances = "absolute", weights = w, range = dmax).
// S = 1 when the portfolios agree on every item, and S = −1 when every item
// differs by the whole range dmax.
//
// Arguments and assumptions:
//   - w == nil gives the unweighted S (w_k = 1). Otherwise len(w) must equal
//     len(x) and the weights need not sum to one: CINC shares can be passed
//     as they are, since the formula divides by Σ w_k.
//   - dmax is the range of the tie scale (maximum − minimum tie value): 3 for
//     ATOP alliances (0..3), 2 for UN votes (1..3). It is a parameter, not the
//     range observed in x and y (fpsim's default when range = NULL); with
//     fpsim's self-tie convention the two coincide for alliances.
//   - Values lie on a scale of width dmax, so |x_k − y_k| ≤ dmax.
//
// Edge cases (ok=false, value NaN):
//   - len(x) != len(y), or w != nil and len(w) != len(x);
//   - dmax is not finite and positive;
//   - nothing is left after dropping items with x_k, y_k or w_k NaN (items with
//     a missing weight are dropped, as fpsim's complete.cases does), or the
//     remaining weights sum to 0;
//   - some weight is negative or infinite, or some pair differs by more than
//     dmax (including ±Inf values): the inputs are off the scale.
//
// The result is exactly symmetric in x and y and, because each term is scaled
// by dmax before summing, never leaves [−1, 1] through rounding.
func S(x, y []float64, w []float64, dmax float64) (float64, bool) {
	return sScore(x, y, w, dmax, false)
}

// SSquared is the squared-distance variant of S that fpsim also publishes
// (srs(..., distances = "squared"), the "sallyvs" column of its alliance data):
//
//	S² = 1 − 2 · Σ_k w_k (x_k − y_k)² / (Σ_k w_k · dmax²)        S² ∈ [−1, 1]
//
// fpsim ignores weights for squared distances; SSquared applies them when w is
// not nil (pass nil to match fpsim). Assumptions and edge cases are those of S.
func SSquared(x, y []float64, w []float64, dmax float64) (float64, bool) {
	return sScore(x, y, w, dmax, true)
}

// SMeasure returns S with fixed weights and range as a Measure for AllPairs.
// The weights are indexed by item (column) and shared by every dyad. The
// returned function does not allocate and is safe for concurrent use; w must
// not be modified while it is in use.
func SMeasure(w []float64, dmax float64) Measure {
	return func(x, y []float64) (float64, bool) { return S(x, y, w, dmax) }
}

func sScore(x, y, w []float64, dmax float64, squared bool) (float64, bool) {
	nan := math.NaN()
	if len(x) != len(y) || (w != nil && len(w) != len(x)) {
		return nan, false
	}
	if !(dmax > 0) || math.IsInf(dmax, 1) {
		return nan, false
	}
	var num, den float64
	for k, xk := range x {
		yk := y[k]
		if math.IsNaN(xk) || math.IsNaN(yk) {
			continue
		}
		wk := 1.0
		if w != nil {
			wk = w[k]
			if math.IsNaN(wk) {
				continue
			}
			if wk < 0 || math.IsInf(wk, 1) {
				return nan, false
			}
		}
		// r = |x−y| / dmax ≤ 1 holds exactly in floating point when
		// |x−y| ≤ dmax, so Σ w·r ≤ Σ w and S stays in [−1, 1].
		d := math.Abs(xk - yk)
		if !(d <= dmax) {
			return nan, false
		}
		r := d / dmax
		if squared {
			r *= r
		}
		num += wk * r
		den += wk
	}
	if !(den > 0) || math.IsInf(den, 1) {
		return nan, false
	}
	return 1 - 2*(num/den), true
}
