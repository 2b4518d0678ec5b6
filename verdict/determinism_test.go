package verdict

import (
	"bytes"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
)

// TestDeterministic explains the same dyads several times in one process
// and requires byte-identical JSON: a verdict of record may not depend on
// Go's randomised map iteration (each range statement over a map starts at
// a random element, so repeated runs in one process exercise it) nor on the
// order in which goroutines finish.
func TestDeterministic(t *testing.T) {
	s := openStore(t)
	const runs = 5
	for _, tc := range []struct {
		name string
		req  Request
	}{
		{"irn-rus", Request{A: "IRN", B: "RUS"}},
		{"pak-chn-1963-1970", Request{A: "PAK", B: "CHN", Period: bloc.Period{From: 1963, To: 1970}}},
		{"tur-usa", Request{A: "TUR", B: "USA"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var first []byte
			for k := 0; k < runs; k++ {
				var b bytes.Buffer
				if err := JSON(&b, explain(t, s, tc.req)); err != nil {
					t.Fatal(err)
				}
				if k == 0 {
					first = b.Bytes()
					continue
				}
				if !bytes.Equal(b.Bytes(), first) {
					gl, wl := strings.Split(b.String(), "\n"), strings.Split(string(first), "\n")
					for n := 0; n < len(gl) && n < len(wl); n++ {
						if gl[n] != wl[n] {
							t.Fatalf("run %d differs from run 1 at line %d:\n got: %s\nwant: %s", k+1, n+1, strings.TrimSpace(gl[n]), strings.TrimSpace(wl[n]))
						}
					}
					t.Fatalf("run %d differs from run 1 in length: %d lines, want %d", k+1, len(gl), len(wl))
				}
			}
		})
	}
}
