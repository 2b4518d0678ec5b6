package datasets

import (
	"context"
	"io"
	"path/filepath"
)

// Source yields the typed rows of a dataset, in file order. The data
// directory (Dir) and the embedded store both implement it, so code that
// needs a few small tables (the country registry, a case file's lookups) can
// read them from either.
type Source interface {
	// Rows calls fn for every row of ds; the slice is reused between calls.
	Rows(ctx context.Context, ds *Dataset, fn func(row []Value) error) error
}

// Dir is a data directory holding the release files (X.csv.gz) and MANIFEST.tsv.
type Dir string

// Path returns the path of the dataset's file in the directory.
func (d Dir) Path(ds *Dataset) string { return filepath.Join(string(d), ds.File) }

// Rows reads the dataset's file, checking every field.
func (d Dir) Rows(ctx context.Context, ds *Dataset, fn func(row []Value) error) error {
	r, err := Open(ds, d.Path(ds))
	if err != nil {
		return err
	}
	defer r.Close()
	for n := 0; ; n++ {
		if n%4096 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		row, err := r.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
}
