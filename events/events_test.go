package events

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/bloc-project/bloc/datasets"
)

// dataDir returns the data directory (BLOC_DATA, default ../../shared/data
// seen from the package), skipping the test when the event files are absent.
func dataDir(tb testing.TB) datasets.Dir {
	tb.Helper()
	dir := os.Getenv("BLOC_DATA")
	if dir == "" {
		dir = "../../shared/data"
	}
	for _, f := range []string{"cameo_codes_icews_pkg", "cameo_goldstein_scale", "countrycode_codelist", "gdelt_cameo_country_codes", "icews_events_sample_2018_06", "icews_dyad_year_quadcounts_2002_2014"} {
		if _, err := os.Stat(filepath.Join(dir, f+".csv.gz")); err != nil {
			tb.Skipf("no data: %v (set BLOC_DATA)", err)
		}
	}
	return datasets.Dir(dir)
}

var (
	tablesOnce sync.Once
	tables     *Tables
	tablesErr  error
	genOnce    sync.Once
	gen        *Generator
	genErr     error
)

func testTables(tb testing.TB) *Tables {
	tb.Helper()
	dir := dataDir(tb)
	tablesOnce.Do(func() { tables, tablesErr = LoadTables(context.Background(), dir) })
	if tablesErr != nil {
		tb.Fatal(tablesErr)
	}
	return tables
}

func testGen(tb testing.TB) *Generator {
	tb.Helper()
	t := testTables(tb)
	genOnce.Do(func() { gen, genErr = NewGenerator(context.Background(), dataDir(tb), t, 1) })
	if genErr != nil {
		tb.Fatal(genErr)
	}
	return gen
}

func readAllEvents(tb testing.TB, data []byte, opt Options) (*FileRecord, []Batch, error) {
	tb.Helper()
	r, err := NewReader(bytes.NewReader(data), "test", testTables(tb), opt)
	if err != nil {
		return nil, nil, err
	}
	var out []Batch
	for {
		b, err := r.Next()
		if err == io.EOF {
			return r.Record(), out, nil
		}
		if err != nil {
			return r.Record(), out, err
		}
		c := *b
		c.EventID = append([]int64{}, b.EventID...)
		c.A = append([]int16{}, b.A...)
		c.B = append([]int16{}, b.B...)
		c.Code = append([]uint16{}, b.Code...)
		c.Day = append([]int32{}, b.Day...)
		out = append(out, c)
	}
}
