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

// TestGoWriterMatchesQuery writes panels with the Go writer and with
// DuckDB's COPY of the panel's query, and requires the same columns, types,
// rows, order and values, NULL for NULL, in Parquet, and the same bytes in
// CSV and JSON lines.
func TestGoWriterMatchesQuery(t *testing.T) {
	all := covariateNames(DyadYear)
	cases := []struct {
		name    string
		opt     Options
		rowWise int // how many columns the plan computes per row (-1: not checked)
	}{
		{"chain 2008-2019", Options{MRY: 2025, From: 2008, To: 2019, Add: chain}, 0},
		{"chain 1816-1830", Options{MRY: 2025, From: 1816, To: 1830, Add: chain}, 0},
		{"every covariate 2000-2003", Options{MRY: 2025, From: 2000, To: 2003, Add: all}, -1},
		{"every covariate non-directed 1946-1948", Options{MRY: 2025, From: 1946, To: 1948, NonDirected: true, Add: all}, -1},
		{"prd sipri sanctions 2014-2021", Options{MRY: 2025, From: 2014, To: 2021, PRD: true, Add: []string{"sipri", "sanctions", "trade", "unvotes"}}, -1},
		{"no covariates", Options{MRY: 2025, From: 2020, To: 2025}, 0},
		{"nmc v6 2010-2012", Options{MRY: 2025, From: 2010, To: 2012, NMCVersion: 6, Add: []string{"nmc", "capdist", "majors"}}, 0},
	}
	ctx := context.Background()
	dir := t.TempDir()
	db := store(t).DB()
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := dyads(t, c.opt)
			g, ok := p.goPlan()
			if !ok {
				t.Fatal("the Go writer does not take this panel")
			}
			rowWise := 0
			for _, gc := range g.cols {
				if gc.kind == gRow {
					rowWise++
				}
			}
			goFile := filepath.Join(dir, fmt.Sprintf("go%d.parquet", i))
			duckFile := filepath.Join(dir, fmt.Sprintf("duck%d.parquet", i))
			if err := p.WriteFile(ctx, goFile, Parquet); err != nil {
				t.Fatal(err)
			}
			var goCSV, duckCSV, goJSON, duckJSON bytes.Buffer
			if err := p.Write(ctx, &goCSV, CSV); err != nil {
				t.Fatal(err)
			}
			if err := p.Write(ctx, &goJSON, JSONL); err != nil {
				t.Fatal(err)
			}
			p.duckWriter = true
			if err := p.WriteFile(ctx, duckFile, Parquet); err != nil {
				t.Fatal(err)
			}
			if err := p.Write(ctx, &duckCSV, CSV); err != nil {
				t.Fatal(err)
			}
			if err := p.Write(ctx, &duckJSON, JSONL); err != nil {
				t.Fatal(err)
			}
			p.duckWriter = false
			// CSV and JSON lines: the same bytes as DuckDB's writer.
			sameText(t, "CSV", goCSV.String(), duckCSV.String())
			sameText(t, "JSON lines", goJSON.String(), duckJSON.String())
			if c.rowWise >= 0 && rowWise != c.rowWise {
				t.Errorf("%d columns computed per row, want %d", rowWise, c.rowWise)
			}
			var schemaGo, schemaDuck string
			for f, s := range map[string]*string{goFile: &schemaGo, duckFile: &schemaDuck} {
				rows, err := db.Query(fmt.Sprintf("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('%s'))", f))
				if err != nil {
					t.Fatal(err)
				}
				var parts []string
				for rows.Next() {
					var n, ty string
					rows.Scan(&n, &ty)
					parts = append(parts, n+" "+ty)
				}
				rows.Close()
				*s = strings.Join(parts, ", ")
			}
			if schemaGo != schemaDuck {
				t.Fatalf("schemas differ:\nGo:     %s\nDuckDB: %s", schemaGo, schemaDuck)
			}
			// Row by row in file order: every column IS NOT DISTINCT FROM.
			var cond []string
			for _, col := range p.Columns {
				cond = append(cond, fmt.Sprintf("a.%[1]s IS NOT DISTINCT FROM b.%[1]s", quote(col.Name)))
			}
			var n, same, nulls int64
			q := fmt.Sprintf(`SELECT count(*), count(*) FILTER (WHERE %s),
				(SELECT count(*) FROM read_parquet('%s') WHERE %s IS NULL)
				FROM read_parquet('%s', file_row_number = true) AS a
				JOIN read_parquet('%s', file_row_number = true) AS b USING (file_row_number)`,
				strings.Join(cond, " AND "), goFile, quote(p.Columns[len(p.Columns)-1].Name), goFile, duckFile)
			if err := db.QueryRow(q).Scan(&n, &same, &nulls); err != nil {
				t.Fatal(err)
			}
			if n != p.Len() || same != n {
				t.Errorf("%d rows (want %d), %d identical", n, p.Len(), same)
				for _, col := range p.Columns {
					var diff int64
					var ex string
					db.QueryRow(fmt.Sprintf(`SELECT count(*), coalesce(string_agg(a.ccode1 || '-' || a.ccode2 || '-' || a.year || ': ' || coalesce(CAST(a.%[1]s AS VARCHAR), 'NULL') || ' vs ' || coalesce(CAST(b.%[1]s AS VARCHAR), 'NULL'), '; ') FILTER (WHERE a.ccode1 < 1000), '')
						FROM read_parquet('%[2]s', file_row_number = true) AS a JOIN read_parquet('%[3]s', file_row_number = true) AS b USING (file_row_number)
						WHERE a.%[1]s IS DISTINCT FROM b.%[1]s`, quote(col.Name), goFile, duckFile)).Scan(&diff, &ex)
					if diff > 0 {
						if len(ex) > 300 {
							ex = ex[:300]
						}
						t.Errorf("column %s: %d rows differ, e.g. %s", col.Name, diff, ex)
					}
				}
			}
			t.Logf("%d rows × %d columns identical; %d computed per row; %d NULL in %s", n, len(p.Columns), rowWise, nulls, p.Columns[len(p.Columns)-1].Name)
		})
	}
}

// sameText reports the first line where two texts differ.
func sameText(t *testing.T, what, got, want string) {
	t.Helper()
	if got == want {
		return
	}
	g, d := strings.Split(got, "\n"), strings.Split(want, "\n")
	for l := range min(len(g), len(d)) {
		if g[l] != d[l] {
			t.Errorf("%s line %d differs (of %d / %d):\nGo:     %.300s\nDuckDB: %.300s", what, l+1, len(g), len(d), g[l], d[l])
			return
		}
	}
	t.Errorf("%s: %d lines from the Go writer, %d from DuckDB", what, len(g), len(d))
}

// TestStateYearParquet: state-year panels carry a VARCHAR column (the
// state's name), which the Go writer does not encode: DuckDB writes them.
func TestStateYearParquet(t *testing.T) {
	p, err := StateYears(context.Background(), store(t), Options{MRY: 2025, From: 2000, To: 2001, Add: []string{"nmc"}})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if _, ok := p.goPlan(); ok {
		t.Error("the Go writer takes a panel with a VARCHAR column")
	}
	path := filepath.Join(t.TempDir(), "s.parquet")
	if err := p.WriteFile(context.Background(), path, Parquet); err != nil {
		t.Fatal(err)
	}
	var n int64
	var name string
	if err := store(t).DB().QueryRow(fmt.Sprintf("SELECT count(*), max(cw_name) FILTER (WHERE ccode = 630) FROM read_parquet('%s')", path)).Scan(&n, &name); err != nil {
		t.Fatal(err)
	}
	if n != p.Len() || !strings.Contains(name, "Iran") {
		t.Errorf("%d rows (want %d), ccode 630 is %q", n, p.Len(), name)
	}
}

// TestParquetCodebook: both writers put the panel's codebook (columns,
// covariates, provenance) in the file's footer.
func TestParquetCodebook(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := store(t).DB()
	dy := dyads(t, Options{MRY: 2025, From: 2016, To: 2016, Add: []string{"nmc", "atop"}})
	sy, err := StateYears(ctx, store(t), Options{MRY: 2025, From: 2016, To: 2016, Add: []string{"nmc"}})
	if err != nil {
		t.Fatal(err)
	}
	defer sy.Close()
	for i, p := range []*Panel{dy, sy} {
		path := filepath.Join(dir, fmt.Sprintf("p%d.parquet", i))
		if err := p.WriteFile(ctx, path, Parquet); err != nil {
			t.Fatal(err)
		}
		var raw []byte
		q := fmt.Sprintf("SELECT value FROM parquet_kv_metadata('%s') WHERE decode(key) = '%s'", path, CodebookKey)
		if err := db.QueryRow(q).Scan(&raw); err != nil {
			t.Fatalf("%s: %v", p.Unit, err)
		}
		var cb Codebook
		if err := json.Unmarshal(raw, &cb); err != nil {
			t.Fatalf("%s: codebook %q: %v", p.Unit, raw, err)
		}
		var datasets []string
		for _, pv := range cb.Provenance {
			datasets = append(datasets, pv.Dataset+" "+pv.Version)
		}
		if cb.Unit != p.Unit || cb.Rows != p.Len() || len(cb.Columns) != len(p.Columns) || cb.Columns[len(cb.Columns)-1].Description == "" ||
			!strings.Contains(strings.Join(datasets, ","), "cow_nmc_v7") || cb.Covariates[0].Formula == "" {
			t.Errorf("%s: codebook unit %s, %d rows, %d columns, provenance %v", p.Unit, cb.Unit, cb.Rows, len(cb.Columns), datasets)
		}
	}
}
