package panel

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/bloc-project/bloc/duckdb"
)

// The tests run against a store imported once per package run from the real
// release files in $BLOC_DATA, else /work/shared/data. Without them the
// tests that need data are skipped.
var (
	testStore   *duckdb.Store
	testDataDir string
	skipReason  string
)

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	testDataDir = os.Getenv("BLOC_DATA")
	if testDataDir == "" {
		testDataDir = "/work/shared/data"
	}
	if _, err := os.Stat(filepath.Join(testDataDir, "MANIFEST.tsv")); err != nil {
		skipReason = fmt.Sprintf("no data directory with MANIFEST.tsv at %s (set BLOC_DATA)", testDataDir)
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "bloc-panel-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "store.duckdb")
	if _, err := duckdb.Import(context.Background(), testDataDir, path, duckdb.ImportOptions{}); err != nil {
		fmt.Fprintf(os.Stderr, "panel tests: importing %s: %v\n", testDataDir, err)
		return 1
	}
	testStore, err = duckdb.Open(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "panel tests: %v\n", err)
		return 1
	}
	defer testStore.Close()
	return m.Run()
}

// store returns the test store, skipping the test when there is none.
func store(t testing.TB) *duckdb.Store {
	t.Helper()
	if testStore == nil {
		t.Skip(skipReason)
	}
	return testStore
}

// dyads builds a dyad-year panel for a test and closes it at the end.
func dyads(t testing.TB, opt Options) *Panel {
	t.Helper()
	p, err := DyadYears(context.Background(), store(t), opt)
	if err != nil {
		t.Fatalf("DyadYears(%+v): %v", opt, err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

func states(t testing.TB, opt Options) *Panel {
	t.Helper()
	p, err := StateYears(context.Background(), store(t), opt)
	if err != nil {
		t.Fatalf("StateYears(%+v): %v", opt, err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// query runs SQL over the panel's rows, available as the relation "p" (in
// no particular order), and returns the rows as strings ("NULL" for
// missing values).
func query(t testing.TB, p *Panel, sql string) [][]string {
	t.Helper()
	return queryOver(t, p, p.query, sql)
}

// oneOrdered is one over the panel's rows in key order.
func oneOrdered(t testing.TB, p *Panel, sql string) string {
	t.Helper()
	rows := queryOver(t, p, p.sql(), sql)
	if len(rows) != 1 || len(rows[0]) != 1 {
		t.Fatalf("%s: got %v, want one value", sql, rows)
	}
	return rows[0][0]
}

func queryOver(t testing.TB, p *Panel, rel, sql string) [][]string {
	t.Helper()
	if err := p.ready(context.Background()); err != nil {
		t.Fatal(err)
	}
	rows, err := p.conn.QueryContext(context.Background(), "WITH p AS ("+rel+") "+sql)
	if err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]string
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		row := make([]string, len(cols))
		for i, v := range vals {
			if v == nil {
				row[i] = "NULL"
			} else {
				row[i] = fmt.Sprint(v)
			}
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
	return out
}

// one runs a query that returns a single value.
func one(t testing.TB, p *Panel, sql string) string {
	t.Helper()
	rows := query(t, p, sql)
	if len(rows) != 1 || len(rows[0]) != 1 {
		t.Fatalf("%s: got %v, want one value", sql, rows)
	}
	return rows[0][0]
}
