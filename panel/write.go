package panel

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bloc-project/bloc"
)

// Format is an output format.
type Format string

// Output formats.
const (
	CSV     Format = "csv"
	Parquet Format = "parquet"
	JSONL   Format = "jsonl"
)

// ParseFormat reads a format name: csv, parquet, or jsonl (also json,
// ndjson).
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimPrefix(s, ".")) {
	case "csv":
		return CSV, nil
	case "parquet", "pq":
		return Parquet, nil
	case "jsonl", "json", "ndjson":
		return JSONL, nil
	}
	return "", &bloc.Error{Code: bloc.EINVALID, Op: "panel", Message: fmt.Sprintf("unknown output format %q", s),
		Hints: []string{"use csv, parquet or jsonl"}}
}

// FormatOf returns the format a file name asks for by its extension (.csv,
// .parquet, .jsonl/.json/.ndjson), and ok=false when the extension is none
// of them.
func FormatOf(path string) (Format, bool) {
	f, err := ParseFormat(filepath.Ext(path))
	return f, err == nil
}

func (p *Panel) copyOptions(f Format) string {
	switch f {
	case Parquet:
		// No Bloom filters: DuckDB builds one per dictionary-encoded column
		// chunk by default, a quarter of the writer's CPU time for the
		// reference chain (bench/README.md), and panel readers filter on
		// ranges of codes and years, which the row-group statistics serve.
		// The codebook goes in the footer, as the Go writer puts it.
		return fmt.Sprintf("(FORMAT parquet, WRITE_BLOOM_FILTER false, PRESERVE_ORDER true, KV_METADATA {%s: '%s'})",
			CodebookKey, strings.ReplaceAll(p.codebookJSON(), "'", "''"))
	case JSONL:
		return "(FORMAT json)"
	default:
		return "(FORMAT csv, HEADER true)"
	}
}

// WriteFile writes the panel to path as f: CSV with a header and empty
// fields for missing values, Parquet, or JSON lines (one object per row,
// null for missing values); see writeOrdered for which writer writes it. The file is written under a
// temporary name in the same directory and renamed into place when
// complete, so path never holds a partial panel.
func (p *Panel) WriteFile(ctx context.Context, path string, f Format) error {
	if p.conn == nil {
		return &bloc.Error{Code: bloc.EINVALID, Op: "panel", Message: "the panel is closed"}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return &bloc.Error{Code: bloc.EINVALID, Op: "panel", Message: fmt.Sprintf("%s is a directory", path),
			Hints: []string{"give a file name, e.g. " + filepath.Join(path, "panel."+string(f))}}
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return &bloc.Error{Code: bloc.EINVALID, Op: "panel", Message: fmt.Sprintf("cannot write %s", path), Err: unwrapPathError(err),
			Hints: []string{"check that the directory exists and is writable"}}
	}
	name := tmp.Name()
	tmp.Close()
	done := false
	defer func() {
		if !done {
			os.Remove(name)
		}
	}()
	if err := p.writeOrdered(ctx, name, f); err != nil {
		return err
	}
	if err := os.Rename(name, path); err != nil {
		return &bloc.Error{Code: bloc.EINVALID, Op: "panel", Message: fmt.Sprintf("cannot write %s", path), Err: unwrapPathError(err)}
	}
	done = true
	return nil
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// writeOrdered writes a file of the panel in key order. Every format is
// written by the Go writer (gather.go, gowrite.go) when every column is
// INTEGER or DOUBLE, the case of every dyad-year panel. Otherwise (the
// state-year panels, which carry the state's name) DuckDB writes the file:
// the panel's query yields the rows in key order when DuckDB keeps the order
// of the ordered universe through the joins (see orderedUniverse) and COPY
// keeps it with PRESERVE_ORDER; a Parquet file is read back to check it and
// written again through ORDER BY when the check fails. CSV and JSON lines,
// which cannot be checked as cheaply, go through ORDER BY.
func (p *Panel) writeOrdered(ctx context.Context, path string, f Format) error {
	if g, ok := p.goPlan(); ok && !p.duckWriter {
		if f == Parquet {
			return g.writeParquet(ctx, path)
		}
		return g.writeTextFile(ctx, path, f)
	}
	if err := p.ready(ctx); err != nil {
		return err
	}
	if f != Parquet {
		return p.copyTo(ctx, path, f)
	}
	if err := p.copyQuery(ctx, p.query, path, f); err != nil {
		return err
	}
	ok, err := p.inOrder(ctx, path)
	if err != nil || ok {
		return err
	}
	trace(time.Time{}, "-- the rows came out of key order: writing them again through ORDER BY")
	return p.copyTo(ctx, path, f)
}

// inOrder reports whether the Parquet file at path holds the panel's rows
// in strictly increasing key order: (ccode1, ccode2, year) or (ccode, year).
func (p *Panel) inOrder(ctx context.Context, path string) (bool, error) {
	key := "(CAST(ccode1 AS BIGINT) * 1000 + ccode2) * 10000 + year"
	if p.Unit == StateYear {
		key = "CAST(ccode AS BIGINT) * 10000 + year"
	}
	q := fmt.Sprintf(`SELECT count(*), count(*) FILTER (WHERE k <= pk) FROM (
		SELECT k, lag(k) OVER (ORDER BY file_row_number) AS pk
		FROM (SELECT %s AS k, file_row_number FROM read_parquet('%s', file_row_number = true)))`, key, strings.ReplaceAll(path, "'", "''"))
	var n, bad int64
	start := time.Now()
	err := p.conn.QueryRowContext(ctx, q).Scan(&n, &bad)
	trace(start, q)
	if err != nil {
		if ctx.Err() != nil {
			return false, ctx.Err()
		}
		return false, &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "checking the order of " + path, Err: err}
	}
	return n == p.rows && bad == 0, nil
}

func (p *Panel) copyTo(ctx context.Context, path string, f Format) error {
	return p.copyQuery(ctx, p.sql(), path, f)
}

func (p *Panel) copyQuery(ctx context.Context, query, path string, f Format) error {
	q := fmt.Sprintf("COPY (%s) TO '%s' %s", query, strings.ReplaceAll(path, "'", "''"), p.copyOptions(f))
	start := time.Now()
	_, err := p.conn.ExecContext(ctx, q)
	trace(start, q)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "writing " + path, Err: err}
	}
	return nil
}

// Write writes the panel to w as CSV or JSON lines (Parquet needs a file:
// use WriteFile). An all-numeric panel comes from the Go writer, row group
// by row group; otherwise DuckDB writes to a named pipe (a temporary
// file where pipes are not available) that is copied to w as it is written.
func (p *Panel) Write(ctx context.Context, w io.Writer, f Format) error {
	if f == Parquet {
		return &bloc.Error{Code: bloc.EINVALID, Op: "panel", Message: "Parquet is a binary format and is written to a file only",
			Hints: []string{"pass --out FILE.parquet"}}
	}
	if p.conn == nil {
		return &bloc.Error{Code: bloc.EINVALID, Op: "panel", Message: "the panel is closed"}
	}
	if g, ok := p.goPlan(); ok && !p.duckWriter {
		if err := g.writeText(ctx, w, f); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return goWriteError("the panel", err)
		}
		return nil
	}
	if err := p.ready(ctx); err != nil {
		return err
	}
	return p.stream(ctx, w, f)
}

// Rows returns the panel's rows in order, one value per column: int32 for
// INTEGER, float64 for DOUBLE, string for VARCHAR, nil where missing. The
// rows must be closed before the panel is used again.
func (p *Panel) Rows(ctx context.Context) (*sql.Rows, error) {
	if p.conn == nil {
		return nil, &bloc.Error{Code: bloc.EINVALID, Op: "panel", Message: "the panel is closed"}
	}
	if err := p.ready(ctx); err != nil {
		return nil, err
	}
	rows, err := p.conn.QueryContext(ctx, p.sql())
	if err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "reading the panel", Err: err}
	}
	return rows, nil
}

// Each calls fn with every row in order (see Rows for the value types); the
// slice is reused between calls. It stops at the first error fn returns.
func (p *Panel) Each(ctx context.Context, fn func(row []any) error) error {
	rows, err := p.Rows(ctx)
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]any, len(p.Columns))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "reading the panel", Err: err}
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	return rows.Err()
}

// streamViaFile writes the panel to a file in dir and copies it to w.
func (p *Panel) streamViaFile(ctx context.Context, w io.Writer, f Format, dir string) error {
	name := filepath.Join(dir, "panel."+string(f))
	if err := p.copyTo(ctx, name, f); err != nil {
		return err
	}
	r, err := os.Open(name)
	if err != nil {
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "writing the panel", Err: err}
	}
	defer r.Close()
	if _, err := io.Copy(w, r); err != nil {
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "writing the panel", Err: err}
	}
	return nil
}
