package panel

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

// TestDuckFloat compares duckFloat and jsonFloat with DuckDB's own text and
// JSON of a DOUBLE on edge cases and 20,000 random values of every
// magnitude.
func TestDuckFloat(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 1.0 / 3, 100, 1e15, 1e16, 9999999999999998, 9.999999999999999e15,
		1e-4, 0.00009999999999999999, 0.00010000000000000002, 1e-5, 1e-6, 1e-7, 1e21, 9.999999999999999e20, 1.0000000000000001e-6, 2.5e-5, 1.5e300, -1e20, 5e-324, math.MaxFloat64,
		math.NaN(), math.Inf(1), math.Inf(-1), 0.0153, 0.0365, 604452000, 3.254462e-05, 734.8694168382448}
	r := rand.New(rand.NewPCG(1, 2))
	for range 10000 {
		vals = append(vals, math.Float64frombits(r.Uint64()))
		vals = append(vals, (r.Float64()-0.5)*math.Pow(10, float64(r.IntN(40)-20)))
	}
	var lits []string
	for _, x := range vals {
		lits = append(lits, "('"+strconv.FormatFloat(x, 'g', -1, 64)+"'::DOUBLE)")
	}
	rows, err := store(t).DB().Query("SELECT CAST(x AS VARCHAR), CAST(to_json(x) AS VARCHAR) FROM (VALUES " + strings.Join(lits, ", ") + ") AS t(x)")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	i, bad := 0, 0
	for ; rows.Next(); i++ {
		var want, wantJSON string
		if err := rows.Scan(&want, &wantJSON); err != nil {
			t.Fatal(err)
		}
		if got := string(duckFloat(nil, vals[i])); got != want && bad < 10 {
			bad++
			t.Errorf("duckFloat(%v) = %q, DuckDB %q", vals[i], got, want)
		}
		if got := string(jsonFloat(nil, vals[i])); got != wantJSON && bad < 10 {
			bad++
			t.Errorf("jsonFloat(%v) = %q, DuckDB's JSON %q", vals[i], got, wantJSON)
		}
	}
	if i != len(vals) {
		t.Errorf("%d values back, want %d", i, len(vals))
	}
}
