// Package duckdb is bloc's embedded analytic store: the datasets of the
// catalogue loaded into one DuckDB database file, one table per dataset (the
// table is named after the dataset; its columns are the release's columns
// with their catalogue types), plus a table of what was imported when.
//
// Imports are atomic: the new database is built beside the old one and
// renamed over it only when every file has verified and loaded, so a failed
// or killed import leaves the previous store usable.
package duckdb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	ddb "github.com/duckdb/duckdb-go/v2"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// MetaTable records each imported dataset: name, version, file, sha256,
// rows, years and import time.
const MetaTable = "_bloc_datasets"

// DefaultPath returns the store location: $BLOC_HOME/store.duckdb, else
// $XDG_DATA_HOME/bloc/store.duckdb, else ~/.local/share/bloc/store.duckdb.
func DefaultPath() string {
	if h := os.Getenv("BLOC_HOME"); h != "" {
		return filepath.Join(h, "store.duckdb")
	}
	if x := os.Getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "bloc", "store.duckdb")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "bloc", "store.duckdb")
	}
	return filepath.Join(os.TempDir(), "bloc", "store.duckdb")
}

// Store is an open, read-only view of the store. Several processes may hold
// one at the same time.
type Store struct {
	path string
	db   *sql.DB
}

// Exists reports whether a store file exists at path.
func Exists(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// Open opens the store at path read-only.
func Open(path string) (*Store, error) {
	if !Exists(path) {
		return nil, &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("no store at %s", path),
			Hints: []string{"run `bloc data import DIR` (e.g. ../shared/data) to build it"}}
	}
	db, err := openDB(path, true)
	if err != nil {
		return nil, err
	}
	s := &Store{path: path, db: db}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM information_schema.tables WHERE table_name = ?`, MetaTable).Scan(&n); err != nil || n == 0 {
		db.Close()
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s is not a bloc store", path), Err: err,
			Hints: []string{"remove it or pass --store with another path, then `bloc data import`"}}
	}
	return s, nil
}

func openDB(path string, readOnly bool) (*sql.DB, error) {
	dsn := path
	if readOnly {
		dsn += "?access_mode=READ_ONLY"
	}
	c, err := ddb.NewConnector(dsn, nil)
	if err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Message: fmt.Sprintf("cannot open the store %s", path), Err: err}
	}
	return sql.OpenDB(c), nil
}

// Path returns the store's file path.
func (s *Store) Path() string { return s.path }

// DB returns the database handle for queries.
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the store.
func (s *Store) Close() error { return s.db.Close() }

// Has reports whether the dataset was imported.
func (s *Store) Has(ctx context.Context, name string) bool {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM `+MetaTable+` WHERE name = ?`, name).Scan(&n)
	return err == nil && n > 0
}

// Require returns an error naming the import that brings each missing dataset.
func (s *Store) Require(ctx context.Context, names ...string) error {
	var missing []string
	for _, n := range names {
		if !s.Has(ctx, n) {
			missing = append(missing, n)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	var files []string
	for _, n := range missing {
		if ds, err := datasets.Lookup(n); err == nil {
			files = append(files, ds.File)
		}
	}
	return &bloc.Error{Code: bloc.ENODATA, Message: fmt.Sprintf("the store %s lacks %s", s.path, strings.Join(missing, ", ")),
		Hints: []string{fmt.Sprintf("`bloc data import DIR` with a data directory that holds %s brings it", strings.Join(files, ", "))}}
}

// Rows implements datasets.Source: it reads the dataset's table in file
// order (tables are loaded in file order and DuckDB preserves insertion order).
func (s *Store) Rows(ctx context.Context, ds *datasets.Dataset, fn func(row []datasets.Value) error) error {
	if err := s.Require(ctx, ds.Name); err != nil {
		return err
	}
	cols := make([]string, len(ds.Columns))
	for i, c := range ds.Columns {
		cols[i] = Quote(c.Name)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+strings.Join(cols, ", ")+` FROM `+Quote(ds.Name))
	if err != nil {
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "store", Message: "reading " + ds.Name, Err: err}
	}
	defer rows.Close()
	vals := make([]datasets.Value, len(ds.Columns))
	dest := make([]any, len(ds.Columns))
	ints := make([]sql.NullInt64, len(ds.Columns))
	floats := make([]sql.NullFloat64, len(ds.Columns))
	strs := make([]sql.NullString, len(ds.Columns))
	times := make([]sql.NullTime, len(ds.Columns))
	for i, c := range ds.Columns {
		switch c.Type {
		case datasets.Int:
			dest[i] = &ints[i]
		case datasets.Float:
			dest[i] = &floats[i]
		case datasets.Date:
			dest[i] = &times[i]
		default:
			dest[i] = &strs[i]
		}
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return &bloc.Error{Code: bloc.EINTERNAL, Op: "store", Message: "reading " + ds.Name, Err: err}
		}
		for i, c := range ds.Columns {
			v := datasets.Value{}
			switch c.Type {
			case datasets.Int:
				v.Null, v.Int = !ints[i].Valid, ints[i].Int64
			case datasets.Float:
				v.Null, v.Float = !floats[i].Valid, floats[i].Float64
			case datasets.Date:
				v.Null, v.Date = !times[i].Valid, times[i].Time
			default:
				v.Null, v.Str = !strs[i].Valid, strs[i].String
			}
			vals[i] = v
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Quote quotes an SQL identifier.
func Quote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }

// DatasetStatus is one row of `bloc data status`.
type DatasetStatus struct {
	Name       string    `json:"name"`
	Title      string    `json:"title"`
	Version    string    `json:"version"`
	Unit       string    `json:"unit"`
	File       string    `json:"file"`
	Rows       int64     `json:"rows"`
	YearFrom   *int      `json:"year_from"`
	YearTo     *int      `json:"year_to"`
	SHA256     string    `json:"sha256"`
	Checksum   string    `json:"checksum"` // "verified" at import, "changed" or "missing" against the data dir, "not imported"
	ImportedAt time.Time `json:"imported_at"`
	Citation   string    `json:"citation"`
}

// Status lists every catalogue dataset with what the store holds of it.
// When dataDir is not empty, each file's checksum is compared with the one
// recorded at import.
func (s *Store) Status(ctx context.Context, dataDir string) ([]DatasetStatus, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name, sha256, rows, year_from, year_to, imported_at FROM `+MetaTable)
	if err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "status", Err: err}
	}
	defer rows.Close()
	type rec struct {
		sha    string
		rows   int64
		y0, y1 sql.NullInt64
		at     time.Time
	}
	got := map[string]rec{}
	for rows.Next() {
		var name string
		var r rec
		if err := rows.Scan(&name, &r.sha, &r.rows, &r.y0, &r.y1, &r.at); err != nil {
			return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "status", Err: err}
		}
		got[name] = r
	}
	if err := rows.Err(); err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "status", Err: err}
	}
	var out []DatasetStatus
	for _, ds := range datasets.All() {
		st := DatasetStatus{Name: ds.Name, Title: ds.Title, Version: ds.Version, Unit: string(ds.Unit), File: ds.File,
			Citation: ds.CitationKeys(), Checksum: "not imported"}
		if r, ok := got[ds.Name]; ok {
			st.Rows, st.SHA256, st.ImportedAt, st.Checksum = r.rows, r.sha, r.at, "verified"
			if r.y0.Valid {
				a, b := int(r.y0.Int64), int(r.y1.Int64)
				st.YearFrom, st.YearTo = &a, &b
			}
			if dataDir != "" {
				if st.Checksum = "verified"; !sameFile(filepath.Join(dataDir, ds.File), r.sha) {
					st.Checksum = "changed"
					if _, err := os.Stat(filepath.Join(dataDir, ds.File)); errors.Is(err, os.ErrNotExist) {
						st.Checksum = "missing"
					}
				}
			}
		}
		out = append(out, st)
	}
	return out, nil
}

func sameFile(path, sha string) bool {
	sum, err := datasets.FileSHA256(path)
	return err == nil && sum == sha
}
