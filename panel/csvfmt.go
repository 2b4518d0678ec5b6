package panel

import (
	"math"
	"strconv"
)

// duckFloat appends x as DuckDB writes a DOUBLE in CSV.
func duckFloat(dst []byte, x float64) []byte {
	switch {
	case math.IsNaN(x):
		return append(dst, "nan"...)
	case math.IsInf(x, 1):
		return append(dst, "inf"...)
	case math.IsInf(x, -1):
		return append(dst, "-inf"...)
	}
	if x == 0 {
		if math.Signbit(x) {
			return append(dst, "-0.0"...)
		}
		return append(dst, "0.0"...)
	}
	// Scientific notation when the shortest decimal's exponent is below -4
	// or above 15: 1e16 is a double, and no double below it has a shortest
	// decimal of 1e16 or more; likewise for the double nearest 1e-4.
	if ax := math.Abs(x); ax < 1e-4 || ax >= 1e16 {
		return strconv.AppendFloat(dst, x, 'e', -1, 64)
	}
	n := len(dst)
	dst = strconv.AppendFloat(dst, x, 'f', -1, 64)
	for _, c := range dst[n:] {
		if c == '.' {
			return dst
		}
	}
	return append(dst, ".0"...)
}
