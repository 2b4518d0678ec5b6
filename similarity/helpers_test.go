package similarity

import (
	"math"
	"testing"
)

const tol = 1e-9

var nan = math.NaN()

// checkResult compares a measure result with the expected one; want NaN
// means the measure must report ok=false (and return NaN).
func checkResult(t *testing.T, name string, got float64, ok bool, want float64) {
	t.Helper()
	if math.IsNaN(want) {
		if ok || !math.IsNaN(got) {
			t.Errorf("%s = %v, ok=%v; want undefined (NaN, ok=false)", name, got, ok)
		}
		return
	}
	if !ok || math.Abs(got-want) > tol {
		t.Errorf("%s = %.15g, ok=%v; want %.15g", name, got, ok, want)
	}
}
