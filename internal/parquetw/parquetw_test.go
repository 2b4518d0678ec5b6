package parquetw

import (
	"bytes"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"
	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// table is a whole test table, column-major, with its row-group split.
type table struct {
	cols   []Column
	data   []Chunk // full-length columns
	groups []int   // rows per row group
}

func (tb *table) rows() int {
	n := 0
	for _, g := range tb.groups {
		n += g
	}
	return n
}

func (tb *table) null(c, r int) bool { v := tb.data[c].Valid; return v != nil && !v[r] }

// chunks returns the chunks of the row group of rows [lo, hi).
func (tb *table) chunks(lo, hi int) []Chunk {
	out := make([]Chunk, len(tb.cols))
	for i, d := range tb.data {
		if d.I32 != nil {
			out[i].I32 = d.I32[lo:hi]
		}
		if d.F64 != nil {
			out[i].F64 = d.F64[lo:hi]
		}
		if d.Valid != nil {
			out[i].Valid = d.Valid[lo:hi]
		}
	}
	return out
}

// encodeFile encodes tb's row groups in parallel and appends them in order.
func encodeFile(w io.Writer, tb *table, opt Options) error {
	pw, err := NewWriter(w, tb.cols, opt)
	if err != nil {
		return err
	}
	rgs := make([]*RowGroup, len(tb.groups))
	errs := make([]error, len(tb.groups))
	var wg sync.WaitGroup
	lo := 0
	for i, g := range tb.groups {
		wg.Add(1)
		go func(i, lo, hi int) {
			defer wg.Done()
			rgs[i], errs[i] = pw.Encode(hi-lo, tb.chunks(lo, hi))
		}(i, lo, lo+g)
		lo += g
	}
	wg.Wait()
	for i := range rgs {
		if errs[i] != nil {
			return errs[i]
		}
		if err := pw.Append(rgs[i]); err != nil {
			return err
		}
	}
	return pw.Close()
}

func writeFile(t testing.TB, tb *table) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.parquet")
	var buf bytes.Buffer
	if err := encodeFile(&buf, tb, Options{CreatedBy: "bloc test", KeyValue: map[string]string{"b": "2", "a": "1"}}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var negZero = math.Copysign(0, -1)

// mixedTable covers runs, random values, NULL patterns, special floats and
// integer extremes, dictionary overflow and single-valued chunks.
func mixedTable() *table {
	groups := []int{7000, 1, 40000, 123, 2500}
	n := 0
	for _, g := range groups {
		n += g
	}
	r := rand.New(rand.NewPCG(1, 2))
	tb := &table{groups: groups}
	addI := func(name string, valid func(i int) bool, f func(i int) int32) {
		c := Chunk{I32: make([]int32, n)}
		if valid != nil {
			c.Valid = make([]bool, n)
		}
		for i := range n {
			c.I32[i] = f(i)
			if valid != nil {
				c.Valid[i] = valid(i)
			}
		}
		tb.cols = append(tb.cols, Column{Name: name, Type: Int32})
		tb.data = append(tb.data, c)
	}
	addF := func(name string, valid func(i int) bool, f func(i int) float64) {
		c := Chunk{F64: make([]float64, n)}
		if valid != nil {
			c.Valid = make([]bool, n)
		}
		for i := range n {
			c.F64[i] = f(i)
			if valid != nil {
				c.Valid[i] = valid(i)
			}
		}
		tb.cols = append(tb.cols, Column{Name: name, Type: Double})
		tb.data = append(tb.data, c)
	}
	specials := []float64{math.NaN(), negZero, 0, math.Inf(1), math.Inf(-1), 1.5, -2.25, math.MaxFloat64, -math.SmallestNonzeroFloat64}
	extremes := []int32{math.MinInt32, math.MaxInt32, 0, -1, 1}
	someNull := func(i int) bool { return r.IntN(10) != 0 }
	runsNull := func(i int) bool { return (i/333)%3 != 0 }

	addI("key", nil, func(i int) int32 { return int32(i / 100) })
	addI("rand_i32", someNull, func(i int) int32 {
		if r.IntN(50) == 0 {
			return extremes[r.IntN(2)]
		}
		return r.Int32() - math.MaxInt32/2
	})
	addI("all_null_i32", func(int) bool { return false }, func(i int) int32 { return int32(i) })
	addI("const_i32", runsNull, func(int) int32 { return -7 })
	addI("extremes_i32", runsNull, func(i int) int32 { return extremes[(i/17)%len(extremes)] })
	addI("all_valid_i32", func(int) bool { return true }, func(i int) int32 { return int32(i % 1000) })
	addI("small_i32", runsNull, func(i int) int32 { return int32(i/250) % 5 })
	addF("no_null_f64", nil, func(i int) float64 { return float64(i/200) * 0.25 })
	addF("rand_f64", someNull, func(i int) float64 {
		if r.IntN(100) == 0 {
			return specials[r.IntN(len(specials))]
		}
		return r.NormFloat64() * 1e6
	})
	addF("const_f64", nil, func(int) float64 { return 3.125 })
	addF("special_f64", runsNull, func(i int) float64 { return specials[(i/7)%len(specials)] })
	addF("zeros_f64", someNull, func(i int) float64 {
		if i%3 == 0 {
			return negZero
		}
		return 0
	})
	addF("inf_max_f64", nil, func(i int) float64 {
		if i%1000 == 999 {
			return math.Inf(1)
		}
		return float64(i % 1000)
	})
	addF("nan_only_f64", someNull, func(int) float64 { return math.NaN() })
	addF("all_null_f64", func(int) bool { return false }, func(i int) float64 { return 1 })
	// NULL in every row of the first row group only.
	addF("late_f64", func(i int) bool { return i >= groups[0] }, func(i int) float64 { return float64(i%97) - 48 })
	return tb
}

// chunkStats is what the writer should have put in a chunk's statistics.
type chunkStats struct {
	nulls    int64
	has      bool
	min, max float64 // int32 values are exact in a float64
}

func expectStats(tb *table, c, lo, hi int) chunkStats {
	var s chunkStats
	for r := lo; r < hi; r++ {
		if tb.null(c, r) {
			s.nulls++
			continue
		}
		var x float64
		if tb.cols[c].Type == Int32 {
			x = float64(tb.data[c].I32[r])
		} else {
			x = tb.data[c].F64[r]
			if math.IsNaN(x) {
				continue
			}
		}
		if !s.has || x < s.min {
			s.min = x
		}
		if !s.has || x > s.max {
			s.max = x
		}
		s.has = true
	}
	if s.has && tb.cols[c].Type == Double {
		if s.min == 0 {
			s.min = negZero
		}
		if s.max == 0 {
			s.max = 0
		}
	}
	return s
}

func decodeStat(t Type, b []byte) float64 {
	if t == Int32 {
		return float64(int32(binary.LittleEndian.Uint32(b)))
	}
	return math.Float64frombits(binary.LittleEndian.Uint64(b))
}

func sameFloat(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Float64bits(a) == math.Float64bits(b)
}

func openDuck(t testing.TB) *sql.DB {
	t.Helper()
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// checkDuckDB compares every value and NULL of path, read by DuckDB, with tb.
func checkDuckDB(t *testing.T, db *sql.DB, path string, tb *table) {
	t.Helper()
	rows, err := db.Query("SELECT * FROM read_parquet(?, file_row_number = true) ORDER BY file_row_number", path)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	names, _ := rows.Columns()
	if len(names) != len(tb.cols)+1 || names[len(names)-1] != "file_row_number" {
		t.Fatalf("columns %v", names)
	}
	for i, c := range tb.cols {
		if names[i] != c.Name {
			t.Fatalf("column %d is %q, want %q", i, names[i], c.Name)
		}
	}
	vals := make([]any, len(names))
	ptrs := make([]any, len(names))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	r, bad := 0, 0
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		if got := vals[len(vals)-1].(int64); got != int64(r) {
			t.Fatalf("file_row_number %d at row %d", got, r)
		}
		for c, col := range tb.cols {
			v := vals[c]
			switch {
			case tb.null(c, r):
				if v != nil {
					t.Errorf("%s row %d: got %v, want NULL", col.Name, r, v)
					bad++
				}
			case col.Type == Int32:
				if x, ok := v.(int32); !ok || x != tb.data[c].I32[r] {
					t.Errorf("%s row %d: got %v (%T), want %d", col.Name, r, v, v, tb.data[c].I32[r])
					bad++
				}
			default:
				if x, ok := v.(float64); !ok || !sameFloat(x, tb.data[c].F64[r]) {
					t.Errorf("%s row %d: got %v (%T), want %v", col.Name, r, v, v, tb.data[c].F64[r])
					bad++
				}
			}
			if bad > 20 {
				t.Fatal("too many mismatches")
			}
		}
		r++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if r != tb.rows() {
		t.Fatalf("DuckDB read %d rows, want %d", r, tb.rows())
	}
}

func TestDuckDBRoundTrip(t *testing.T) {
	tb := mixedTable()
	path := writeFile(t, tb)
	db := openDuck(t)
	checkDuckDB(t, db, path, tb)

	// Statistics as DuckDB sees them.
	rows, err := db.Query(`SELECT row_group_id, column_id, stats_null_count, stats_min_value, stats_max_value, stats_min, stats_max
		FROM parquet_metadata(?) ORDER BY row_group_id, column_id`, path)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var rg, col int
		var nulls sql.NullInt64
		var minV, maxV, minL, maxL sql.NullString
		if err := rows.Scan(&rg, &col, &nulls, &minV, &maxV, &minL, &maxL); err != nil {
			t.Fatal(err)
		}
		lo := 0
		for _, g := range tb.groups[:rg] {
			lo += g
		}
		want := expectStats(tb, col, lo, lo+tb.groups[rg])
		name := tb.cols[col].Name
		if !nulls.Valid || nulls.Int64 != want.nulls {
			t.Errorf("rg %d %s: null_count %v, want %d", rg, name, nulls, want.nulls)
		}
		// DuckDB shows an infinite min or max as NULL (it does not use it).
		for _, s := range []struct {
			what string
			got  sql.NullString
			want float64
		}{{"min_value", minV, want.min}, {"max_value", maxV, want.max}, {"min", minL, want.min}, {"max", maxL, want.max}} {
			shown := want.has && !math.IsInf(s.want, 0)
			if s.got.Valid != shown || shown && !duckNumberIs(s.got.String, s.want) {
				t.Errorf("rg %d %s: stats_%s %v, want %v (present: %v)", rg, name, s.what, s.got, s.want, shown)
			}
		}
		n++
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if n != len(tb.groups)*len(tb.cols) {
		t.Fatalf("parquet_metadata listed %d column chunks, want %d", n, len(tb.groups)*len(tb.cols))
	}

	// Filter pushdown: DuckDB prunes row groups with the statistics, so
	// wrong statistics give wrong counts. DuckDB orders NaN above every
	// number.
	for c, col := range tb.cols {
		var probes []float64
		if col.Type == Int32 {
			probes = []float64{math.MinInt32, -8, -7, 0, 3, 69, 500, math.MaxInt32 - 1, math.MaxInt32}
		} else {
			probes = []float64{math.Inf(-1), -1e6, -2.25, negZero, 0, 1.5, 3.125, 1e6, math.MaxFloat64, math.Inf(1)}
		}
		for _, p := range probes {
			var gt, lt, eq int64
			for r := range tb.rows() {
				if tb.null(c, r) {
					continue
				}
				var x float64
				if col.Type == Int32 {
					x = float64(tb.data[c].I32[r])
				} else {
					x = tb.data[c].F64[r]
				}
				switch {
				case math.IsNaN(x) || x > p:
					gt++
				case x < p:
					lt++
				default:
					eq++
				}
			}
			lit := fmt.Sprintf("%d", int64(p))
			if col.Type == Double {
				lit = fmt.Sprintf("'%v'::DOUBLE", p)
			}
			for _, q := range []struct {
				op   string
				want int64
			}{{">", gt}, {"<", lt}, {"=", eq}} {
				var got int64
				query := fmt.Sprintf(`SELECT count(*) FROM read_parquet(?) WHERE "%s" %s %s`, col.Name, q.op, lit)
				if err := db.QueryRow(query, path).Scan(&got); err != nil {
					t.Fatal(err)
				}
				if got != q.want {
					t.Errorf("%s: got %d, want %d", strings.Replace(query, "?", path, 1), got, q.want)
				}
			}
		}
		var wantNull, got int64
		for r := range tb.rows() {
			if tb.null(c, r) {
				wantNull++
			}
		}
		if err := db.QueryRow(fmt.Sprintf(`SELECT count(*) FROM read_parquet(?) WHERE "%s" IS NULL`, col.Name), path).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != wantNull {
			t.Errorf("%s IS NULL: got %d, want %d", col.Name, got, wantNull)
		}
	}
}

// duckNumberIs reports whether DuckDB's printed statistic s is the number want.
func duckNumberIs(s string, want float64) bool {
	var got float64
	switch strings.ToLower(s) {
	case "inf", "infinity":
		got = math.Inf(1)
	case "-inf", "-infinity":
		got = math.Inf(-1)
	default:
		if _, err := fmt.Sscan(s, &got); err != nil {
			return false
		}
	}
	return sameFloat(got, want)
}

// checkParquetGo reads path with parquet-go's reader and compares every
// value, NULL and chunk statistic with tb.
func checkParquetGo(t testing.TB, data []byte, tb *table) {
	t.Helper()
	f, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	md := f.Metadata()
	if md.NumRows != int64(tb.rows()) || len(md.RowGroups) != len(tb.groups) {
		t.Fatalf("NumRows %d, row groups %d", md.NumRows, len(md.RowGroups))
	}
	if len(md.Schema) != len(tb.cols)+1 {
		t.Fatalf("schema has %d elements", len(md.Schema))
	}
	for i, c := range tb.cols {
		el := md.Schema[i+1]
		wt := format.Int32
		if c.Type == Double {
			wt = format.Double
		}
		if el.Name != c.Name || el.Type.V != wt || el.RepetitionType.V != format.Optional {
			t.Fatalf("schema element %d: %+v", i+1, el)
		}
	}
	lo := 0
	for g, rg := range f.RowGroups() {
		rows := tb.groups[g]
		if rg.NumRows() != int64(rows) {
			t.Fatalf("row group %d has %d rows, want %d", g, rg.NumRows(), rows)
		}
		for c, cc := range rg.ColumnChunks() {
			st := md.RowGroups[g].Columns[c].MetaData.Statistics
			want := expectStats(tb, c, lo, lo+rows)
			if st.NullCount != want.nulls || (st.MinValue != nil) != want.has || (st.MaxValue != nil) != want.has {
				t.Fatalf("rg %d col %d: statistics %+v, want %+v", g, c, st, want)
			}
			if want.has && (!sameFloat(decodeStat(tb.cols[c].Type, st.MinValue), want.min) ||
				!sameFloat(decodeStat(tb.cols[c].Type, st.MaxValue), want.max) ||
				!bytes.Equal(st.Min, st.MinValue) || !bytes.Equal(st.Max, st.MaxValue)) {
				t.Fatalf("rg %d col %d: statistics %+v, want %+v", g, c, st, want)
			}
			r := lo
			pages := cc.Pages()
			buf := make([]parquet.Value, 4096)
			for {
				p, err := pages.ReadPage()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("rg %d col %d: %v", g, c, err)
				}
				vr := p.Values()
				for {
					n, err := vr.ReadValues(buf)
					for _, v := range buf[:n] {
						if r >= lo+rows {
							t.Fatalf("rg %d col %d: too many values", g, c)
						}
						checkValue(t, tb, c, r, v)
						r++
					}
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatalf("rg %d col %d: %v", g, c, err)
					}
				}
				parquet.Release(p)
			}
			pages.Close()
			if r != lo+rows {
				t.Fatalf("rg %d col %d: read %d values, want %d", g, c, r-lo, rows)
			}
		}
		lo += rows
	}
}

func checkValue(t testing.TB, tb *table, c, r int, v parquet.Value) {
	switch {
	case tb.null(c, r):
		if !v.IsNull() {
			t.Fatalf("%s row %d: got %v, want NULL", tb.cols[c].Name, r, v)
		}
	case v.IsNull():
		t.Fatalf("%s row %d: got NULL", tb.cols[c].Name, r)
	case tb.cols[c].Type == Int32:
		if v.Int32() != tb.data[c].I32[r] {
			t.Fatalf("%s row %d: got %d, want %d", tb.cols[c].Name, r, v.Int32(), tb.data[c].I32[r])
		}
	default:
		// Bit-exact, NaN payloads and the sign of zero included.
		if math.Float64bits(v.Double()) != math.Float64bits(tb.data[c].F64[r]) {
			t.Fatalf("%s row %d: got %v, want %v", tb.cols[c].Name, r, v.Double(), tb.data[c].F64[r])
		}
	}
}

func TestParquetGoRoundTrip(t *testing.T) {
	tb := mixedTable()
	var buf bytes.Buffer
	opt := Options{CreatedBy: "bloc", KeyValue: map[string]string{"k2": "v2", "k1": "v1"}}
	if err := encodeFile(&buf, tb, opt); err != nil {
		t.Fatal(err)
	}
	checkParquetGo(t, buf.Bytes(), tb)

	f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	md := f.Metadata()
	if md.CreatedBy != "bloc" || len(md.KeyValueMetadata) != 2 || md.KeyValueMetadata[0] != (format.KeyValue{Key: "k1", Value: "v1"}) {
		t.Fatalf("footer: created_by %q, key-value %v", md.CreatedBy, md.KeyValueMetadata)
	}
	if len(md.ColumnOrders) != len(tb.cols) {
		t.Fatalf("%d column orders", len(md.ColumnOrders))
	}
	// Encodings: dictionary where it fits, PLAIN for the chunk of rand_f64
	// with 40000 distinct values and for all-NULL chunks.
	var pos int64 = 4
	for g, rg := range md.RowGroups {
		if rg.FileOffset != pos || rg.Ordinal != int16(g) {
			t.Fatalf("row group %d: file offset %d (want %d), ordinal %d", g, rg.FileOffset, pos, rg.Ordinal)
		}
		var total int64
		for c, cc := range rg.Columns {
			m := cc.MetaData
			hasDict := m.DictionaryPageOffset != 0
			first := m.DataPageOffset
			if hasDict {
				first = m.DictionaryPageOffset
			}
			if cc.FileOffset != pos || first != pos {
				t.Fatalf("rg %d col %d: offsets %d %d, want %d", g, c, cc.FileOffset, first, pos)
			}
			pos += m.TotalCompressedSize
			total += m.TotalCompressedSize
			name := tb.cols[c].Name
			lo := 0
			for _, n := range tb.groups[:g] {
				lo += n
			}
			allNull := expectStats(tb, c, lo, lo+tb.groups[g]).nulls == int64(tb.groups[g])
			wantDict := !allNull && !(name == "rand_f64" && g == 2) && !(name == "rand_i32" && g == 2)
			if hasDict != wantDict {
				t.Errorf("rg %d %s: dictionary %v, want %v (encodings %v)", g, name, hasDict, wantDict, m.Encoding)
			}
			if m.NumValues != int64(tb.groups[g]) || m.Codec != format.Snappy {
				t.Errorf("rg %d %s: num values %d codec %v", g, name, m.NumValues, m.Codec)
			}
		}
		if rg.TotalCompressedSize != total {
			t.Fatalf("row group %d: total compressed %d, want %d", g, rg.TotalCompressedSize, total)
		}
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if f.n <= 0 {
		return 0, errors.New("disk full")
	}
	f.n--
	return len(p), nil
}

func TestErrors(t *testing.T) {
	cols := []Column{{Name: "a", Type: Int32}, {Name: "b", Type: Double}}
	for _, tc := range []struct {
		name string
		out  io.Writer
		cols []Column
		opt  Options
	}{
		{"nil writer", nil, cols, Options{}},
		{"no columns", io.Discard, nil, Options{}},
		{"empty name", io.Discard, []Column{{Type: Int32}}, Options{}},
		{"duplicate", io.Discard, []Column{{"a", Int32}, {"a", Double}}, Options{}},
		{"bad type", io.Discard, []Column{{"a", Type(9)}}, Options{}},
		{"negative rows", io.Discard, cols, Options{RowGroupRows: -1}},
		{"write fails", &failWriter{}, cols, Options{}},
	} {
		if _, err := NewWriter(tc.out, tc.cols, tc.opt); err == nil {
			t.Errorf("NewWriter %s: no error", tc.name)
		}
	}

	w, err := NewWriter(io.Discard, cols, Options{})
	if err != nil {
		t.Fatal(err)
	}
	good := []Chunk{{I32: []int32{1, 2}}, {F64: []float64{1, 2}, Valid: []bool{true, false}}}
	for _, tc := range []struct {
		name   string
		rows   int
		chunks []Chunk
	}{
		{"zero rows", 0, []Chunk{{I32: []int32{}}, {F64: []float64{}}}},
		{"negative rows", -1, good},
		{"too few chunks", 2, good[:1]},
		{"too many chunks", 2, append(good, good[0])},
		{"wrong slice", 2, []Chunk{{F64: []float64{1, 2}}, good[1]}},
		{"both slices", 2, []Chunk{{I32: []int32{1, 2}, F64: []float64{1, 2}}, good[1]}},
		{"wrong slice double", 2, []Chunk{good[0], {I32: []int32{1, 2}}}},
		{"missing values", 2, []Chunk{{}, good[1]}},
		{"short values", 2, []Chunk{{I32: []int32{1}}, good[1]}},
		{"long values", 2, []Chunk{good[0], {F64: []float64{1, 2, 3}}}},
		{"short valid", 2, []Chunk{{I32: []int32{1, 2}, Valid: []bool{true}}, good[1]}},
		{"rows mismatch", 3, good},
	} {
		if rg, err := w.Encode(tc.rows, tc.chunks); err == nil || rg != nil {
			t.Errorf("Encode %s: no error", tc.name)
		}
	}
	rg, err := w.Encode(2, good)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Append(nil); err == nil {
		t.Error("Append(nil): no error")
	}
	other, _ := NewWriter(io.Discard, cols, Options{})
	if err := other.Append(rg); err == nil {
		t.Error("Append of another writer's row group: no error")
	}
	if err := w.Append(rg); err != nil {
		t.Fatal(err)
	}
	if err := w.Append(rg); err == nil {
		t.Error("second Append of a row group: no error")
	}
	rg2, err := w.Encode(2, good)
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Append(rg2); !errors.Is(err, ErrClosed) {
		t.Errorf("Append after Close: %v", err)
	}
	if _, err := w.Encode(2, good); !errors.Is(err, ErrClosed) {
		t.Errorf("Encode after Close: %v", err)
	}
	if err := w.Close(); !errors.Is(err, ErrClosed) {
		t.Errorf("second Close: %v", err)
	}

	// A failing io.Writer makes Append and Close fail, stickily.
	fw := &failWriter{n: 1}
	w, err = NewWriter(fw, cols, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rg, _ = w.Encode(2, good)
	if err := w.Append(rg); err == nil {
		t.Error("Append to a failing writer: no error")
	}
	if err := w.Close(); err == nil {
		t.Error("Close of a failing writer: no error")
	}
}

// TestEmptyFile checks a file with no row groups is valid.
func TestEmptyFile(t *testing.T) {
	tb := &table{cols: []Column{{"a", Int32}, {"b", Double}}, data: []Chunk{{}, {}}}
	path := writeFile(t, tb)
	var n int64
	if err := openDuck(t).QueryRow("SELECT count(*) FROM read_parquet(?)", path).Scan(&n); err != nil || n != 0 {
		t.Fatalf("count %d, %v", n, err)
	}
	data, _ := os.ReadFile(path)
	checkParquetGo(t, data, tb)
}

// TestDictionaryLimit checks the boundary: MaxDictEntries distinct values
// are dictionary encoded, one more falls back to PLAIN.
func TestDictionaryLimit(t *testing.T) {
	for _, distinct := range []int{MaxDictEntries, MaxDictEntries + 1} {
		n := distinct + 1000
		i32 := make([]int32, n)
		f64 := make([]float64, n)
		valid := make([]bool, n)
		for i := range n {
			v := (i * 7919) % distinct // every value, in scattered order
			i32[i], f64[i] = int32(v)-MaxDictEntries/2, float64(v)/3
			valid[i] = i%5 != 0 || i < distinct
		}
		tb := &table{
			cols:   []Column{{"i", Int32}, {"f", Double}},
			data:   []Chunk{{I32: i32, Valid: valid}, {F64: f64}},
			groups: []int{n},
		}
		var buf bytes.Buffer
		if err := encodeFile(&buf, tb, Options{}); err != nil {
			t.Fatal(err)
		}
		checkParquetGo(t, buf.Bytes(), tb)
		f, err := parquet.OpenFile(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		for c, cc := range f.Metadata().RowGroups[0].Columns {
			if hasDict := cc.MetaData.DictionaryPageOffset != 0; hasDict != (distinct <= MaxDictEntries) {
				t.Errorf("%d distinct values, column %d: dictionary page %v", distinct, c, hasDict)
			}
		}
	}
}
