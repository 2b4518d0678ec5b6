package similarity

import (
	"encoding/binary"
	"math"
	"testing"
)

// codes are the values a byte decodes to in the "coded" fuzz mode: the tie
// scales, missing values and values off every scale.
var codes = [16]float64{0, 1, 2, 3, 0, 1, 2, 3, math.NaN(), 1.5, -1, 7, math.Inf(1), math.Inf(-1), math.Copysign(0, -1), 1e300}

// decode turns fuzz bytes into k parallel vectors. If the first byte is even,
// each following byte is one value from codes; otherwise every 8 bytes are
// the raw bits of one float64 (any value, including NaN payloads, ±Inf and
// subnormals).
func decode(data []byte, k int) [][]float64 {
	out := make([][]float64, k)
	if len(data) == 0 {
		return out
	}
	var vals []float64
	if data[0]%2 == 0 {
		for _, b := range data[1:] {
			vals = append(vals, codes[b%16])
		}
	} else {
		for b := data[1:]; len(b) >= 8; b = b[8:] {
			vals = append(vals, math.Float64frombits(binary.LittleEndian.Uint64(b)))
		}
	}
	n := len(vals) / k
	for i := range k {
		out[i] = vals[i*n : (i+1)*n]
	}
	return out
}

func inRange(v float64) bool { return v >= -1-tol && v <= 1+tol }

func FuzzS(f *testing.F) {
	f.Add([]byte{0, 3, 3, 2, 0, 0, 3, 2, 2, 1, 3}, 3.0, false)
	f.Add([]byte{0, 0, 3, 8, 3, 0, 8}, 3.0, true)
	f.Add([]byte{0, 1, 2, 3, 1, 3, 1, 1, 2, 4, 5, 6}, 2.0, true)
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0}, 1.0, false)
	f.Fuzz(func(t *testing.T, data []byte, dmax float64, weighted bool) {
		var x, y, w []float64
		if weighted {
			v := decode(data, 3)
			x, y, w = v[0], v[1], v[2]
		} else {
			v := decode(data, 2)
			x, y = v[0], v[1]
		}
		for _, f := range []func(x, y, w []float64, dmax float64) (float64, bool){S, SSquared} {
			s, ok := f(x, y, w, dmax)
			if ok != !math.IsNaN(s) {
				t.Fatalf("S = %v with ok=%v", s, ok)
			}
			if ok && !inRange(s) {
				t.Fatalf("S = %v out of [−1, 1]; x=%v y=%v w=%v dmax=%v", s, x, y, w, dmax)
			}
			s2, ok2 := f(y, x, w, dmax)
			if ok2 != ok || (ok && s2 != s) {
				t.Fatalf("S not symmetric: %v/%v vs %v/%v", s, ok, s2, ok2)
			}
		}
	})
}

func FuzzKappa(f *testing.F) {
	f.Add([]byte{0, 3, 3, 2, 0, 0, 3, 2, 2, 1, 3}, 2.0, byte(0))
	f.Add([]byte{0, 3, 3, 2, 0, 0, 3, 2, 2, 1, 3}, 1.0, byte(0))
	f.Add([]byte{0, 0, 0, 0, 0}, 2.0, byte(2))
	f.Add([]byte{0, 1, 1, 2, 3, 1, 1, 3, 2, 3, 2}, 2.0, byte(1))
	f.Add([]byte{0, 0, 3, 8, 3, 0, 8, 9, 10}, 0.0, byte(3))
	f.Add([]byte{1, 0, 0, 0, 0, 0, 0, 0xf8, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0}, 2.0, byte(2))
	f.Fuzz(func(t *testing.T, data []byte, p float64, mode byte) {
		v := decode(data, 2)
		x, y := v[0], v[1]
		var levels []float64
		switch mode % 4 {
		case 0:
			levels = ATOPLevels()
		case 1:
			levels = UNLevels()
		case 2:
			levels = nil // observed, as fpsim's levels = NULL
		case 3:
			levels = []float64{7, -1, 0.5, 2}
		}
		check := func(name string, f func(x, y, levels []float64, p float64) (float64, bool), m Measure) {
			k, ok := f(x, y, levels, p)
			if ok != !math.IsNaN(k) {
				t.Fatalf("%s = %v with ok=%v", name, k, ok)
			}
			if ok && k > 1+tol {
				t.Fatalf("%s = %v > 1", name, k)
			}
			if ok && p <= 2 && !inRange(k) {
				t.Fatalf("%s = %v out of [−1, 1]; x=%v y=%v levels=%v p=%v", name, k, x, y, levels, p)
			}
			k2, ok2 := f(y, x, levels, p)
			if ok2 != ok || (ok && k2 != k) {
				t.Fatalf("%s not symmetric: %v/%v vs %v/%v", name, k, ok, k2, ok2)
			}
			if levels != nil {
				mk, mok := m(x, y)
				if mok != ok || (ok && mk != k) {
					t.Fatalf("%s Measure %v/%v, function %v/%v", name, mk, mok, k, ok)
				}
			}
		}
		check("Kappa", Kappa, KappaMeasure(levels, p))
		check("Pi", Pi, PiMeasure(levels, p))

		tb, ok := TauB(x, y)
		if ok != !math.IsNaN(tb) || (ok && !inRange(tb)) {
			t.Fatalf("TauB = %v, ok=%v", tb, ok)
		}
	})
}
