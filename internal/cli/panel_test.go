package cli

import (
	"database/sql"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
)

// TestPanelParquet writes a dyad-year slice as Parquet through the CLI and
// reads it back: the row count, key order, the values the issue pins, and
// no temporary file left beside it.
func TestPanelParquet(t *testing.T) {
	needStore(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "dy.parquet")
	code, _, errs := run("--store", testStore, "panel", "dyad-year", "--mry", "2025", "--from", "1990", "--to", "2016",
		"--add", "nmc,contiguity,atop", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "rows") {
		t.Errorf("no summary on stderr: %q", errs)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the output directory holds %d entries, want the panel alone", len(entries))
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	src := "read_parquet('" + out + "', file_row_number = true)"
	var n, bad, dup int64
	if err := db.QueryRow(`SELECT count(*), count(*) FILTER (WHERE k <= pk) FROM (
		SELECT k, lag(k) OVER (ORDER BY file_row_number) AS pk
		FROM (SELECT (CAST(ccode1 AS BIGINT) * 1000 + ccode2) * 10000 + year AS k, file_row_number FROM `+src+`))`).Scan(&n, &bad); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow(`SELECT count(*) - count(DISTINCT (ccode1, ccode2, year)) FROM ` + src).Scan(&dup); err != nil {
		t.Fatal(err)
	}
	if n == 0 || bad != 0 || dup != 0 {
		t.Errorf("%d rows, %d out of (ccode1, ccode2, year) order, %d duplicate keys", n, bad, dup)
	}
	// Iran–Russia: contiguous (type 1) through 1991, not from 1992; CINC 2016.
	rows, err := db.Query(`SELECT year, conttype, cinc1, cinc2 FROM ` + src + ` WHERE ccode1 = 630 AND ccode2 = 365 AND year IN (1991, 1992, 2016) ORDER BY year`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[int][3]float64{}
	for rows.Next() {
		var y, ct int
		var c1, c2 float64
		if err := rows.Scan(&y, &ct, &c1, &c2); err != nil {
			t.Fatal(err)
		}
		got[y] = [3]float64{float64(ct), c1, c2}
	}
	if got[1991][0] != 1 || got[1992][0] != 0 {
		t.Errorf("IRN–RUS conttype 1991 %v, 1992 %v; want 1 then 0", got[1991][0], got[1992][0])
	}
	if c := got[2016]; strconv.FormatFloat(c[1], 'f', 4, 64) != "0.0153" || strconv.FormatFloat(c[2], 'f', 4, 64) != "0.0365" {
		t.Errorf("CINC 2016 Iran %v, Russia %v; want 0.0153, 0.0365", c[1], c[2])
	}
}

// TestPanelCSVStdout writes a state-year slice as CSV on stdout; missing
// values are empty fields, never 0.
func TestPanelCSVStdout(t *testing.T) {
	needStore(t)
	code, out, errs := run("--store", testStore, "panel", "state-year", "--mry", "2025", "--from", "2020", "--to", "2024", "--add", "nmc")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	head := recs[0]
	col := func(name string) int {
		for i, h := range head {
			if h == name {
				return i
			}
		}
		t.Fatalf("no column %q in %v", name, head)
		return -1
	}
	ccode, year, cinc := col("ccode"), col("year"), col("cinc")
	var seen2022, seen2023 bool
	for _, r := range recs[1:] {
		if r[ccode] != "365" {
			continue
		}
		switch r[year] {
		case "2022":
			seen2022 = r[cinc] != "" && r[cinc] != "0"
		case "2023":
			seen2023 = true
			if r[cinc] != "" {
				t.Errorf("Russia 2023 cinc %q: NMC 7 ends in 2022, so it must be missing", r[cinc])
			}
		}
	}
	if !seen2022 || !seen2023 {
		t.Errorf("Russia 2022 with CINC / 2023 rows missing (2022 %v, 2023 %v)", seen2022, seen2023)
	}
}

// TestPanelBadInput: each bad input exits 2 (1 for missing data) with a
// message that says what to do, and an existing output file is left as it
// was.
func TestPanelBadInput(t *testing.T) {
	needStore(t)
	dir := t.TempDir()
	keep := filepath.Join(dir, "keep.parquet")
	if err := os.WriteFile(keep, []byte("previous panel"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		args  []string
		code  int
		parts []string
	}{
		{"unknown covariate", []string{"dyad-year", "--add", "nmc,alliances"}, 2, []string{"alliances", "atop", "fpsim"}},
		{"from after to", []string{"dyad-year", "--from", "2010", "--to", "2000"}, 2, []string{"2010", "2000"}},
		{"before the system", []string{"dyad-year", "--from", "1700"}, 2, []string{"1700", "1816"}},
		{"after the most recent year", []string{"state-year", "--mry", "2025", "--to", "2031"}, 2, []string{"2031"}},
		{"directed and nondirected", []string{"dyad-year", "--directed", "--nondirected"}, 2, []string{"--directed", "--nondirected"}},
		{"dyad covariate on state-years", []string{"state-year", "--add", "atop"}, 2, []string{"atop", "state-year"}},
		{"unknown extension", []string{"state-year", "--from", "2000", "--to", "2000", "--out", filepath.Join(dir, "p.xlsx")}, 2, []string{"xlsx", ".parquet"}},
		{"missing directory", []string{"state-year", "--from", "2000", "--to", "2000", "--out", filepath.Join(dir, "no", "such", "p.csv")}, 2, []string{"no/such"}},
		{"bad flag value", []string{"dyad-year", "--from", "last"}, 2, []string{"--from"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"--store", testStore, "panel"}, c.args...)
			if c.name != "unknown extension" && c.name != "missing directory" {
				args = append(args, "--out", keep)
			}
			code, out, errs := run(args...)
			if code != c.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, c.code, errs)
			}
			if out != "" {
				t.Errorf("stdout %q on an error", out)
			}
			for _, p := range c.parts {
				if !strings.Contains(errs, p) {
					t.Errorf("stderr %q does not mention %q", errs, p)
				}
			}
			if b, _ := os.ReadFile(keep); string(b) != "previous panel" {
				t.Errorf("the existing output file was changed: %q", b)
			}
		})
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		names := []string{}
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("partial output left behind: %v", names)
	}
}
