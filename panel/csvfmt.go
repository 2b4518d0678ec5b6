package panel

import (
	"bytes"
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
	// Scientific notation when the shortest decimal's exponent is below -4
	// or above 15: 1e16 is a double, and no double below it has a shortest
	// decimal of 1e16 or more; likewise for the double nearest 1e-4.
	if ax := math.Abs(x); ax != 0 && (ax < 1e-4 || ax >= 1e16) {
		return strconv.AppendFloat(dst, x, 'e', -1, 64)
	}
	return fixedFloat(dst, x)
}

// jsonFloat appends x as DuckDB writes a DOUBLE in JSON (yyjson): decimal
// notation from 1e-6 up to 1e21 (".0" after an integer), otherwise the
// shortest digits with an exponent without "+" or leading zeros (1e21,
// 1e-7); NaN, Infinity and -Infinity as DuckDB writes them.
func jsonFloat(dst []byte, x float64) []byte {
	switch {
	case math.IsNaN(x):
		return append(dst, "NaN"...)
	case math.IsInf(x, 1):
		return append(dst, "Infinity"...)
	case math.IsInf(x, -1):
		return append(dst, "-Infinity"...)
	}
	if ax := math.Abs(x); ax != 0 && (ax < 1e-6 || ax >= 1e21) {
		// Go writes e+21, e-07: drop the "+" and the exponent's leading zeros.
		var tmp [32]byte
		t := strconv.AppendFloat(tmp[:0], x, 'e', -1, 64)
		e := bytes.IndexByte(t, 'e')
		dst = append(dst, t[:e+1]...)
		if t[e+1] == '-' {
			dst = append(dst, '-')
		}
		return append(dst, bytes.TrimLeft(t[e+2:], "0")...)
	}
	return fixedFloat(dst, x)
}

// fixedFloat appends the shortest decimal notation of x, with ".0" after
// an integer.
func fixedFloat(dst []byte, x float64) []byte {
	n := len(dst)
	dst = strconv.AppendFloat(dst, x, 'f', -1, 64)
	if bytes.IndexByte(dst[n:], '.') < 0 {
		dst = append(dst, ".0"...)
	}
	return dst
}
