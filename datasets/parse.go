package datasets

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bloc-project/bloc"
)

// ParseError locates a bad value: file, 1-based line and column, and what is
// wrong with it.
type ParseError struct {
	File   string
	Line   int
	Column int    // 1-based; 0 when the whole line or file is at fault
	Field  string // the column's name, when known
	Msg    string
}

func (e *ParseError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc += fmt.Sprintf(":%d", e.Line)
		if e.Column > 0 {
			loc += fmt.Sprintf(":%d", e.Column)
		}
	}
	if e.Field != "" {
		return fmt.Sprintf("%s: column %q: %s", loc, e.Field, e.Msg)
	}
	return loc + ": " + e.Msg
}

func parseErr(file string, line, col int, field, format string, args ...any) error {
	return &bloc.Error{Code: bloc.EINVALID, Err: &ParseError{File: file, Line: line, Column: col, Field: field, Msg: fmt.Sprintf(format, args...)}}
}

// Value is one parsed field. Missing fields have Null set: empty fields, and
// in numeric and date columns also R's NA and Stata's "." (CEPII GeoDist uses
// it). In text columns NA is text: it is Namibia's ISO2 code.
type Value struct {
	Null  bool
	Int   int64
	Float float64
	Str   string
	Date  time.Time
}

// Any returns the value as int64, float64, string, time.Time, or nil when missing.
func (v Value) Any(t Type) any {
	if v.Null {
		return nil
	}
	switch t {
	case Int:
		return v.Int
	case Float:
		return v.Float
	case Date:
		return v.Date
	default:
		return v.Str
	}
}

// Reader streams the rows of one dataset file and checks each field against
// the dataset's typed schema. Memory does not grow with the file.
type Reader struct {
	ds    *Dataset
	file  string
	csv   *csv.Reader
	close func() error
	row   []Value
	line  int
	keys  []int
	seen  map[string]int
	// intKeys: when every key column is an integer (at most 4 of them), keys
	// are packed into an array, which avoids one allocation per row.
	intKeys bool
	seenInt map[[4]int64]int
}

// Open opens a dataset file (gzip-compressed or plain CSV) for reading. The
// header must name exactly the dataset's columns, in order.
func Open(ds *Dataset, path string) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("%s: file not found", path), Hints: []string{"point --data (or BLOC_DATA) at the directory that holds " + ds.File}}
		}
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: cannot read", path), Err: err}
	}
	r, err := NewReader(ds, path, f)
	if err != nil {
		f.Close()
		return nil, err
	}
	inner := r.close
	r.close = func() error { inner(); return f.Close() }
	return r, nil
}

// NewReader reads a dataset from r; name is used in error messages. Gzip
// input is detected by its magic number.
func NewReader(ds *Dataset, name string, r io.Reader) (*Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var src io.Reader = br
	closer := func() error { return nil }
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, parseErr(name, 0, 0, "", "not a readable gzip file: %v", err)
		}
		src = bufio.NewReaderSize(gz, 64<<10)
		closer = gz.Close
	}
	cr := csv.NewReader(src)
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	rd := &Reader{ds: ds, file: name, csv: cr, close: closer, row: make([]Value, len(ds.Columns))}
	hdr, err := cr.Read()
	if err == io.EOF {
		return nil, parseErr(name, 1, 0, "", "the file is empty: expected a header row with %d columns", len(ds.Columns))
	}
	if err != nil {
		return nil, rd.wrapRead(err)
	}
	rd.line = 1
	if len(hdr) > 0 {
		hdr[0] = strings.TrimPrefix(hdr[0], "\ufeff")
	}
	for i, c := range ds.Columns {
		if i >= len(hdr) {
			return nil, parseErr(name, 1, i+1, c.Name, "missing column (the header has %d columns, %s has %d)", len(hdr), ds.Name, len(ds.Columns))
		}
		if hdr[i] != c.Name {
			return nil, parseErr(name, 1, i+1, c.Name, "header says %q where %s expects %q", hdr[i], ds.Name, c.Name)
		}
	}
	if len(hdr) > len(ds.Columns) {
		return nil, parseErr(name, 1, len(ds.Columns)+1, hdr[len(ds.Columns)], "extra column not in the %s schema", ds.Name)
	}
	for _, k := range ds.Keys {
		for i, c := range ds.Columns {
			if c.Name == k {
				rd.keys = append(rd.keys, i)
			}
		}
	}
	if len(rd.keys) > 0 {
		rd.intKeys = len(rd.keys) <= 4
		for _, k := range rd.keys {
			if ds.Columns[k].Type != Int {
				rd.intKeys = false
			}
		}
		if rd.intKeys {
			rd.seenInt = make(map[[4]int64]int)
		} else {
			rd.seen = make(map[string]int)
		}
	}
	return rd, nil
}

func (r *Reader) wrapRead(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return parseErr(r.file, pe.Line, pe.Column, "", "malformed CSV: %v", pe.Err)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
		return parseErr(r.file, r.line+1, 0, "", "the file is truncated or corrupt (%v)", err)
	}
	return parseErr(r.file, r.line+1, 0, "", "read failed: %v", err)
}

// Line returns the line number of the last row read.
func (r *Reader) Line() int { return r.line }

// Next reads and checks the next row. It returns io.EOF at the end; any other
// error is a *bloc.Error wrapping a *ParseError.
func (r *Reader) Next() ([]Value, error) {
	rec, err := r.csv.Read()
	if err == io.EOF {
		return nil, io.EOF
	}
	if err != nil {
		return nil, r.wrapRead(err)
	}
	r.line, _ = r.csv.FieldPos(0)
	if len(rec) != len(r.ds.Columns) {
		return nil, parseErr(r.file, r.line, 0, "", "%d fields where %s has %d columns", len(rec), r.ds.Name, len(r.ds.Columns))
	}
	for i, s := range rec {
		c := r.ds.Columns[i]
		v := &r.row[i]
		*v = Value{}
		if !utf8.ValidString(s) {
			_, col := r.csv.FieldPos(i)
			return nil, parseErr(r.file, r.line, col, c.Name, "invalid UTF-8")
		}
		if s == "" || (c.Type != String && (s == "NA" || s == ".")) {
			v.Null = true
			continue
		}
		var perr error
		switch c.Type {
		case Int:
			v.Int, perr = strconv.ParseInt(s, 10, 64)
		case Float:
			v.Float, perr = strconv.ParseFloat(s, 64)
			if perr == nil && (v.Float != v.Float) {
				perr = errors.New("NaN")
			}
		case Date:
			v.Date, perr = time.Parse("2006-01-02", s)
		default:
			v.Str = s
		}
		if perr != nil {
			_, col := r.csv.FieldPos(i)
			return nil, parseErr(r.file, r.line, col, c.Name, "%q is not a valid %s", clip(s), c.Type)
		}
	}
	if r.intKeys {
		var k [4]int64
		for j, c := range r.keys {
			if r.row[c].Null {
				k[j] = math.MinInt64
			} else {
				k[j] = r.row[c].Int
			}
		}
		if prev, dup := r.seenInt[k]; dup {
			return nil, r.dupErr(rec, prev)
		}
		r.seenInt[k] = r.line
	} else if r.seen != nil {
		var b strings.Builder
		for j, k := range r.keys {
			if j > 0 {
				b.WriteByte('|')
			}
			b.WriteString(rec[k])
		}
		key := b.String()
		if prev, dup := r.seen[key]; dup {
			return nil, r.dupErr(rec, prev)
		}
		r.seen[key] = r.line
	}
	return r.row, nil
}

func (r *Reader) dupErr(rec []string, prev int) error {
	vals := make([]string, len(r.keys))
	for j, c := range r.keys {
		vals[j] = rec[c]
	}
	return parseErr(r.file, r.line, 0, "", "duplicate key (%s) = (%s), first seen on line %d", strings.Join(r.ds.Keys, ", "), strings.Join(vals, ", "), prev)
}

// Close releases the reader.
func (r *Reader) Close() error { return r.close() }

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// Check reads a whole file, validating every row, and returns the number of
// rows and the range of the "year" column (if any).
func Check(ds *Dataset, path string) (rows int, years [2]int, err error) {
	r, err := Open(ds, path)
	if err != nil {
		return 0, years, err
	}
	defer r.Close()
	yi := -1
	for i, c := range ds.Columns {
		if c.Name == "year" && c.Type == Int {
			yi = i
		}
	}
	for {
		row, err := r.Next()
		if err == io.EOF {
			return rows, years, nil
		}
		if err != nil {
			return rows, years, err
		}
		rows++
		if yi >= 0 && !row[yi].Null {
			y := int(row[yi].Int)
			if years[0] == 0 || y < years[0] {
				years[0] = y
			}
			if y > years[1] {
				years[1] = y
			}
		}
	}
}
