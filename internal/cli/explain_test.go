package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExplainIranRussia(t *testing.T) {
	needStore(t)
	code, out, errs := run("--store", testStore, "--format", "json", "explain", "IRN", "RUS")
	if code != 0 {
		t.Fatal(errs)
	}
	var v struct {
		SchemaVersion string              `json:"schema_version"`
		A             struct{ CCode int } `json:"a"`
		B             struct{ CCode int } `json:"b"`
		Tie           struct {
			Kind string `json:"kind"`
		} `json:"tie"`
		Ranking []struct {
			Theory string  `json:"theory"`
			Score  float64 `json:"score"`
		} `json:"ranking"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.A.CCode != 630 || v.B.CCode != 365 || v.Tie.Kind != "alignment" || len(v.Ranking) < 6 {
		t.Fatalf("%+v", v)
	}
	code, out, _ = run("--store", testStore, "--format", "md", "explain", "Iran", "Russia")
	if code != 0 || !strings.HasPrefix(out, "# ") {
		t.Fatalf("markdown: %d %.80q", code, out)
	}
}

func TestExplainBadInput(t *testing.T) {
	needStore(t)
	bad := filepath.Join(t.TempDir(), "bad.csv")
	os.WriteFile(bad, []byte("a,b\nIRN,Atlantis\n"), 0o644)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"explain", "IRN", "Rusia"}, 1, "did you mean"},
		{[]string{"explain", "IRN", "IRN"}, 2, ""},
		{[]string{"explain", "IRN", "RUS", "--from", "2015", "--to", "2010"}, 2, "2015"},
		{[]string{"explain", "IRN"}, 2, ""},
		{[]string{"explain", "UKR", "RUS", "--from", "1950", "--to", "1960"}, 1, "Ukraine"},
	} {
		code, _, errs := run(append([]string{"--store", testStore}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.want) || !strings.HasPrefix(errs, "bloc: ") {
			t.Errorf("%v: exit %d, stderr %q", c.args, code, errs)
		}
	}
}
