package panel

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteFiles(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2017, To: 2019, Add: []string{"nmc", "atop", "rivalry"}})
	ctx := context.Background()
	dir := t.TempDir()
	db := store(t).DB()
	for _, c := range []struct {
		file, reader string
		f            Format
	}{
		{"p.csv", "read_csv('%s', header = true)", CSV},
		{"p.parquet", "read_parquet('%s')", Parquet},
		{"p.jsonl", "read_json('%s', format = 'newline_delimited')", JSONL},
	} {
		path := filepath.Join(dir, c.file)
		if f, ok := FormatOf(path); !ok || f != c.f {
			t.Errorf("FormatOf(%s) = %v, %v", path, f, ok)
		}
		if err := p.WriteFile(ctx, path, c.f); err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		rel := fmt.Sprintf(c.reader, path)
		var n, missing, sorted int64
		var cinc float64
		q := fmt.Sprintf(`SELECT count(*), count(*) FILTER (WHERE atop_defense IS NULL),
			(SELECT count(*) FROM (SELECT CAST(ccode1 AS BIGINT) * 10000000 + ccode2 * 10000 + year AS k, lag(CAST(ccode1 AS BIGINT) * 10000000 + ccode2 * 10000 + year) OVER () AS prev FROM %[1]s) WHERE k < prev),
			(SELECT cinc1 FROM %[1]s WHERE ccode1 = 365 AND ccode2 = 630 AND year = 2017) FROM %[1]s`, rel)
		if err := db.QueryRow(q).Scan(&n, &missing, &sorted, &cinc); err != nil {
			t.Fatalf("%s: reading back: %v", c.file, err)
		}
		// ATOP ends in 2018: its columns are missing in 2019 only.
		if n != p.Len() || missing != p.Len()/3 || sorted != 0 {
			t.Errorf("%s: %d rows (want %d), %d missing atop_defense (want %d), %d out of order", c.file, n, p.Len(), missing, p.Len()/3, sorted)
		}
		if cinc < 0.03 || cinc > 0.04 {
			t.Errorf("%s: Russia's CINC 2017 = %v", c.file, cinc)
		}
		var cols int
		if err := db.QueryRow(fmt.Sprintf("SELECT count(*) FROM (DESCRIBE SELECT * FROM %s)", rel)).Scan(&cols); err != nil {
			t.Fatal(err)
		}
		if cols != len(p.Columns) {
			t.Errorf("%s: %d columns, want %d", c.file, cols, len(p.Columns))
		}
	}
}

func TestWriteStream(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2019, To: 2019, Add: []string{"atop"}})
	ctx := context.Background()
	var csv bytes.Buffer
	if err := p.Write(ctx, &csv, CSV); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(csv.String(), "\n"), "\n")
	if int64(len(lines)) != p.Len()+1 {
		t.Fatalf("%d CSV lines, want %d", len(lines), p.Len()+1)
	}
	if lines[0] != "ccode1,ccode2,year,atop_alliance,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul" {
		t.Errorf("header %q", lines[0])
	}
	if lines[1] != "2,20,2019,,,,,," {
		t.Errorf("first row %q, want missing ATOP values as empty fields", lines[1])
	}
	var js bytes.Buffer
	if err := p.Write(ctx, &js, JSONL); err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(js.String(), "\n")
	var row map[string]any
	if err := json.Unmarshal([]byte(first), &row); err != nil {
		t.Fatalf("first JSON line %q: %v", first, err)
	}
	if row["ccode1"] != float64(2) || row["atop_defense"] != nil {
		t.Errorf("first JSON row %v", row)
	}
	if n := strings.Count(js.String(), "\n"); int64(n) != p.Len() {
		t.Errorf("%d JSON lines, want %d", n, p.Len())
	}
}

func TestEach(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 1816, To: 1816, Add: []string{"nmc"}})
	var n int64
	prev := int64(-1)
	err := p.Each(context.Background(), func(row []any) error {
		n++
		k := int64(row[0].(int32))*10000000 + int64(row[1].(int32))*10000 + int64(row[2].(int32))
		if k <= prev {
			return fmt.Errorf("row %d out of order", n)
		}
		prev = k
		if len(row) != len(p.Columns) {
			return fmt.Errorf("%d values, want %d", len(row), len(p.Columns))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != p.Len() || n != 506 {
		t.Errorf("%d rows, want %d = 506", n, p.Len())
	}
}

func TestDatasetsAndCitations(t *testing.T) {
	opt := Options{MRY: 2025, Add: chain}
	p := dyads(t, Options{MRY: 2025, From: 2000, To: 2000, Add: chain})
	var got []string
	for _, d := range p.Datasets() {
		got = append(got, d.Name)
	}
	want := "isard_cw_system false_cow_dyads cow_nmc_v7 cow_contdir_v3.2 cow_capitals atop5_dyad_year gml_mid_dyad_year_v2.2.1 isard_cw_democracy isard_cw_gdppop tss_strategic_rivalries cow_igo_dyad_year_v3 cow_igo_state_year_v3"
	if strings.Join(got, " ") != want {
		t.Errorf("datasets %v, want %s", got, want)
	}
	list, err := DatasetsFor(DyadYear, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != len(got) {
		t.Errorf("DatasetsFor gives %d datasets, the panel %d", len(list), len(got))
	}
	if len(p.Covariates) != len(chain) || p.Covariates[3].Name != "atop" || len(p.Provenance()) < len(chain) {
		t.Errorf("covariates %v, provenance %v", p.Covariates, p.Provenance())
	}
	bib, err := BibTeXFor(DyadYear, opt)
	if err != nil || bib != p.BibTeX() {
		t.Errorf("BibTeXFor differs from the panel's BibTeX (%v)", err)
	}
	v6, _ := DatasetsFor(DyadYear, Options{MRY: 2025, NMCVersion: 6, Add: []string{"nmc"}})
	if v6[len(v6)-1].Name != "cow_nmc_v6" {
		t.Errorf("--nmc-version 6 cites %s", v6[len(v6)-1].Name)
	}
}
