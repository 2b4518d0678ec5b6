package similarity

import "math"

// TauB returns Kendall's (1938) tau-b rank correlation of the portfolios x and
// y, the measure Bueno de Mesquita (1975) applied to alliance portfolios. It
// is provided for legacy comparisons only: Signorino and Ritter (1999) show
// that tau-b measures association, not similarity (two portfolios can differ
// on every item and still have tau-b = 1), so prefer S, Kappa or Pi.
//
// Over the n complete items (x_k and y_k both present), with n0 = n(n−1)/2
// item pairs, C concordant and D discordant pairs, n1 = Σ t(t−1)/2 over the
// groups of tied x values and n2 likewise for y:
//
//	τ_b = (C − D) / √((n0 − n1)(n0 − n2))                      τ_b ∈ [−1, 1]
//
// This equals fpsim's taub() and R's cor(x, y, method = "kendall").
//
// Edge cases (ok=false, value NaN): len(x) != len(y); fewer than two complete
// items; x or y constant over the complete items (the denominator is 0;
// fpsim returns NA). Values are compared with < and ==, so ±Inf are ordinary
// extreme ranks and NaN is missing.
//
// When each portfolio takes at most 8 distinct values (alliance and vote
// data) TauB works on the contingency table in O(n) time; otherwise it
// compares all item pairs in O(n²) time. It never allocates.
func TauB(x, y []float64) (float64, bool) {
	if len(x) != len(y) {
		return math.NaN(), false
	}
	if t, ok, done := tauBTable(x, y); done {
		return t, ok
	}
	return tauBPairs(x, y)
}

// tauBTable computes tau-b from the L×M table of distinct values. done is
// false when a vector has more than maxFixedLevels distinct values.
func tauBTable(x, y []float64) (tau float64, ok, done bool) {
	const L = maxFixedLevels
	var xs, ys distinct
	var tab [L][L]int // by order of first appearance
	y = y[:len(x)]
	for k, xk := range x {
		yk := y[k]
		if math.IsNaN(xk) || math.IsNaN(yk) {
			continue
		}
		a, b := xs.index(xk), ys.index(yk)
		if a < 0 || b < 0 {
			return 0, false, false
		}
		tab[a][b]++
	}
	xv, nx, yv, ny := xs.vals, xs.n, ys.vals, ys.n
	n := 0.0
	// rank of each value among the distinct values of its vector
	var rx, ry [L]int
	for a := range nx {
		for c := range nx {
			if xv[c] < xv[a] {
				rx[a]++
			}
		}
	}
	for b := range ny {
		for c := range ny {
			if yv[c] < yv[b] {
				ry[b]++
			}
		}
	}
	var t [L][L]float64 // sorted: t[rank x][rank y]
	var rowT, colT [L]float64
	for a := range nx {
		for b := range ny {
			c := float64(tab[a][b])
			t[rx[a]][ry[b]] = c
			rowT[rx[a]] += c
			colT[ry[b]] += c
			n += c
		}
	}
	var conc, disc float64
	for a := range nx {
		for b := range ny {
			c := t[a][b]
			if c == 0 {
				continue
			}
			var above, below float64 // later x rank, higher / lower y rank
			for a2 := a + 1; a2 < nx; a2++ {
				for b2 := range ny {
					switch {
					case b2 > b:
						above += t[a2][b2]
					case b2 < b:
						below += t[a2][b2]
					}
				}
			}
			conc += c * above
			disc += c * below
		}
	}
	var n1, n2 float64
	for a := range nx {
		n1 += rowT[a] * (rowT[a] - 1) / 2
	}
	for b := range ny {
		n2 += colT[b] * (colT[b] - 1) / 2
	}
	tau, ok = tauBFinish(n*(n-1)/2, n1, n2, conc, disc)
	return tau, ok, true
}

// distinct collects up to maxFixedLevels distinct values in order of first
// appearance. Small non-negative integers (tie codes) are found through a
// table instead of a search.
type distinct struct {
	vals [maxFixedLevels]float64
	n    int
	code [directMax]int8 // index+1 of an integer value, 0 if not seen yet
}

// index returns the position of v, adding it if new, or −1 when v would be
// value number maxFixedLevels+1.
func (d *distinct) index(v float64) int {
	i := int(v) // implementation-defined for NaN, ±Inf, huge v; no panic
	direct := uint(i) < directMax && float64(i) == v
	if direct {
		if c := d.code[i]; c > 0 {
			return int(c) - 1
		}
	} else if j := indexOf(d.vals[:d.n], v); j >= 0 {
		return j
	}
	if d.n == maxFixedLevels {
		return -1
	}
	d.vals[d.n] = v
	d.n++
	if direct {
		d.code[i] = int8(d.n)
	}
	return d.n - 1
}

func tauBPairs(x, y []float64) (float64, bool) {
	var n0, n1, n2, conc, disc float64
	for i, xi := range x {
		yi := y[i]
		if math.IsNaN(xi) || math.IsNaN(yi) {
			continue
		}
		for j := i + 1; j < len(x); j++ {
			xj, yj := x[j], y[j]
			if math.IsNaN(xj) || math.IsNaN(yj) {
				continue
			}
			n0++
			sx, sy := cmpSign(xi, xj), cmpSign(yi, yj)
			if sx == 0 {
				n1++
			}
			if sy == 0 {
				n2++
			}
			switch {
			case sx*sy > 0:
				conc++
			case sx*sy < 0:
				disc++
			}
		}
	}
	return tauBFinish(n0, n1, n2, conc, disc)
}

func tauBFinish(n0, n1, n2, conc, disc float64) (float64, bool) {
	den := math.Sqrt((n0 - n1) * (n0 - n2))
	if !(den > 0) {
		return math.NaN(), false
	}
	return max(-1, min(1, (conc-disc)/den)), true
}

func cmpSign(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
