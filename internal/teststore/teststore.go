// Package teststore gives integration tests a store imported from the real
// data: $BLOC_STORE when it names an existing store (make test imports one
// before the tests run), else a store imported once per test process from
// $BLOC_DATA (default ../shared/data from the repository root) into a
// temporary directory. Tests skip only when no data directory exists.
package teststore

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/duckdb"
)

var (
	once sync.Once
	path string
	err  error
)

// DataDir returns the real data directory, or "" when there is none.
func DataDir() string {
	d := os.Getenv("BLOC_DATA")
	if d == "" {
		_, file, _, _ := runtime.Caller(0)
		d = filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "data")
	}
	if _, err := os.Stat(filepath.Join(d, datasets.ManifestFile)); err != nil {
		return ""
	}
	abs, _ := filepath.Abs(d)
	return abs
}

// Path returns the path of an imported store, skipping the test when there
// are no data; an import failure fails the test.
func Path(tb testing.TB) string {
	tb.Helper()
	once.Do(func() {
		if p := os.Getenv("BLOC_STORE"); p != "" && duckdb.Exists(p) {
			path = p
			return
		}
		dir := DataDir()
		if dir == "" {
			return
		}
		tmp, e := os.MkdirTemp("", "bloc-teststore")
		if e != nil {
			err = e
			return
		}
		path = filepath.Join(tmp, "store.duckdb")
		_, err = duckdb.Import(context.Background(), dir, path, duckdb.ImportOptions{})
	})
	if err != nil {
		tb.Fatalf("importing the test store: %v", err)
	}
	if path == "" {
		tb.Skip("no data directory (set BLOC_DATA)")
	}
	return path
}

// Open opens the test store; it is closed when the test ends.
func Open(tb testing.TB) *duckdb.Store {
	tb.Helper()
	s, err := duckdb.Open(Path(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}
