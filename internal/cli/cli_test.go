package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bloc-project/bloc/duckdb"
)

// testData is the real data directory, testStore a store imported from it
// once for the package ("" when the data are absent).
var testData, testStore string

func TestMain(m *testing.M) {
	testData = os.Getenv("BLOC_DATA")
	if testData == "" {
		testData = "../../../shared/data"
	}
	if abs, err := filepath.Abs(testData); err == nil {
		testData = abs
	}
	dir, err := os.MkdirTemp("", "bloc-cli-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("BLOC_HOME", dir) // never touch the user's store
	if _, err := os.Stat(filepath.Join(testData, "MANIFEST.tsv")); err == nil {
		testStore = filepath.Join(dir, "store.duckdb")
		var out, errb bytes.Buffer
		if code := Main([]string{"--quiet", "--store", testStore, "data", "import", testData}, nil, &out, &errb); code != 0 {
			fmt.Fprintf(os.Stderr, "import failed: %s", errb.String())
			os.Exit(1)
		}
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// run runs the CLI with args and returns exit code, stdout and stderr.
func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Main(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func needStore(t *testing.T) {
	t.Helper()
	if testStore == "" {
		t.Skip("no data directory")
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"nonsense"},
		{"data", "status", "--bogus"},
		{"--format", "xml", "version"},
		{"version", "extra"},
		{"data", "import", "a", "b"},
		{"cite", "no_such_dataset"},
	} {
		code, _, errs := run(args...)
		want := 2
		if args[0] == "cite" {
			want = 1 // not found
		}
		if code != want || !strings.HasPrefix(errs, "bloc: ") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestHelpEverywhere(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"data", "--help"}, {"data", "import", "--help"}, {"data", "status", "--help"}, {"data", "fetch", "--help"}, {"cite", "--help"}} {
		code, out, _ := run(args...)
		if code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: exit %d", args, code)
		}
	}
}

func TestStatus(t *testing.T) {
	needStore(t)
	code, out, errs := run("--store", testStore, "--data", testData, "--format", "json", "data", "status")
	if code != 0 {
		t.Fatal(errs)
	}
	var st []duckdb.DatasetStatus
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, d := range st {
		if d.Checksum != "verified" {
			t.Errorf("%s: checksum %s", d.Name, d.Checksum)
		}
		if d.Name == "cow_nmc_v7" {
			found = true
			if d.Rows != 17121 || d.YearFrom == nil || *d.YearFrom != 1816 || *d.YearTo != 2022 {
				t.Errorf("cow_nmc_v7: %+v", d)
			}
		}
	}
	if !found || len(st) != 46 {
		t.Fatalf("%d datasets", len(st))
	}
	code, out, _ = run("--store", testStore, "--format", "csv", "data", "status")
	if code != 0 || !strings.HasPrefix(out, "dataset,version,unit,rows,years,checksum,imported,citation\n") {
		t.Fatalf("csv: %d %q", code, out[:80])
	}
}

func TestNoStoreNoData(t *testing.T) {
	code, _, errs := run("--store", filepath.Join(t.TempDir(), "none.duckdb"), "data", "status")
	if code != 1 || !strings.Contains(errs, "no store at") || !strings.Contains(errs, "bloc data import") {
		t.Fatalf("%d %q", code, errs)
	}
}

func TestCite(t *testing.T) {
	code, out, _ := run("cite", "cow_nmc_v7", "cow_nmc_v6")
	if code != 0 || !strings.HasPrefix(out, "@") {
		t.Fatalf("%d %q", code, out)
	}
	// Shared entries are printed once.
	seen := map[string]bool{}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "@") {
			if seen[line] {
				t.Fatalf("entry %q printed twice", line)
			}
			seen[line] = true
		}
	}
}

func TestStatesResolve(t *testing.T) {
	needStore(t)
	code, out, errs := run("--store", testStore, "--format", "json", "states", "resolve", "630", "IRN", "IR", "Iran", "Islamic Republic of Iran", "Persia", "ایران")
	if code != 0 {
		t.Fatal(errs)
	}
	var rows []struct {
		Input string `json:"input"`
		CCode int    `json:"ccode"`
		ISO3  string `json:"iso3"`
	}
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		if r.CCode != 630 || r.ISO3 != "IRN" {
			t.Errorf("%q -> %d %s", r.Input, r.CCode, r.ISO3)
		}
	}
	code, _, errs = run("--store", testStore, "states", "resolve", "Rusia")
	if code != 1 || !strings.Contains(errs, "did you mean") || !strings.Contains(errs, "Russia") {
		t.Fatalf("%d %q", code, errs)
	}
}

func TestStatesYear(t *testing.T) {
	needStore(t)
	code, out, errs := run("--store", testStore, "--format", "csv", "states", "--year", "2016")
	if code != 0 {
		t.Fatal(errs)
	}
	if n := strings.Count(out, "\n") - 1; n != 195 {
		t.Fatalf("%d members in 2016, want 195", n)
	}
	code, _, errs = run("--store", testStore, "states", "--year", "1700")
	if code != 1 || !strings.Contains(errs, "1816") {
		t.Fatalf("%d %q", code, errs)
	}
}
