package panel

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bloc-project/bloc/internal/parquetw"
)

// rowGroupRows is the number of rows of a Parquet row group the Go writer
// writes (DuckDB's default).
const rowGroupRows = 122880

// textGroupRows is the number of rows the Go writer formats at a time as
// CSV or JSON lines: a 16,384-row group of the reference chain is about 7 MB
// of CSV and 22 MB of JSON.
const textGroupRows = 16384

// writeParquet writes the panel as Parquet at path with the Go writer:
// the values are read from DuckDB once per source row (gPlan.load), then
// row groups are gathered and encoded on every core and appended in order.
func (g *gPlan) writeParquet(ctx context.Context, path string) error {
	return g.writeFile(ctx, path, func(w io.Writer) error {
		if err := g.load(ctx); err != nil {
			return err
		}
		cols := make([]parquetw.Column, len(g.p.Columns))
		for i, c := range g.p.Columns {
			cols[i] = parquetw.Column{Name: c.Name, Type: parquetw.Int32}
			if g.cols[i].float {
				cols[i].Type = parquetw.Double
			}
		}
		pw, err := parquetw.NewWriter(w, cols, parquetw.Options{CreatedBy: "bloc", KeyValue: map[string]string{CodebookKey: g.p.codebookJSON()}})
		if err != nil {
			return err
		}
		if err := runGroups(ctx, g, rowGroupRows, pw.Encode, pw.Append); err != nil {
			return err
		}
		return pw.Close()
	})
}

// writeTextFile writes the panel as CSV or JSON lines at path with the Go
// writer.
func (g *gPlan) writeTextFile(ctx context.Context, path string, f Format) error {
	return g.writeFile(ctx, path, func(w io.Writer) error { return g.writeText(ctx, w, f) })
}

// writeFile loads the plan's values and has write write the file at path
// (an existing, empty temporary file) through a buffer.
func (g *gPlan) writeFile(ctx context.Context, path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return goWriteError(path, err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	if err := write(bw); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return goWriteError(path, err)
	}
	if err := bw.Flush(); err != nil {
		return goWriteError(path, err)
	}
	if err := f.Close(); err != nil {
		return goWriteError(path, err)
	}
	return nil
}

// writeText writes the panel as CSV or JSON lines to w as DuckDB's COPY
// writes them — CSV (FORMAT csv, HEADER true): a header, comma-separated
// values, empty fields for missing values; JSON lines (FORMAT json): one
// object per row, null for missing values — with numbers formatted as
// DuckDB formats them (duckFloat, jsonFloat) and "\n" line ends.
// TestGoWriterMatchesQuery compares the bytes.
func (g *gPlan) writeText(ctx context.Context, w io.Writer, f Format) error {
	if err := g.load(ctx); err != nil {
		return err
	}
	rows := csvRows
	if f == JSONL {
		rows = jsonRows(g.p.Columns)
	} else {
		var head []byte
		for i, c := range g.p.Columns {
			if i > 0 {
				head = append(head, ',')
			}
			head = csvField(head, c.Name)
		}
		if _, err := w.Write(append(head, '\n')); err != nil {
			return err
		}
	}
	return runGroups(ctx, g, textGroupRows, rows, func(b []byte) error {
		_, err := w.Write(b)
		return err
	})
}

// jsonRows returns a function that formats rows as JSON lines with the
// columns' names as keys.
func jsonRows(cols []Column) func(n int, chunks []parquetw.Chunk) ([]byte, error) {
	keys := make([][]byte, len(cols))
	for i, c := range cols {
		k, _ := json.Marshal(c.Name)
		sep := ","
		if i == 0 {
			sep = "{"
		}
		keys[i] = append(append([]byte(sep), k...), ':')
	}
	return func(n int, chunks []parquetw.Chunk) ([]byte, error) {
		buf := make([]byte, 0, n*12*len(chunks))
		for i := range n {
			for c := range chunks {
				ch := &chunks[c]
				buf = append(buf, keys[c]...)
				switch {
				case ch.Valid != nil && !ch.Valid[i]:
					buf = append(buf, "null"...)
				case ch.F64 != nil:
					buf = jsonFloat(buf, ch.F64[i])
				default:
					buf = strconv.AppendInt(buf, int64(ch.I32[i]), 10)
				}
			}
			buf = append(buf, "}\n"...)
		}
		return buf, nil
	}
}

// csvField appends a CSV field, quoted when it holds a comma, a quote or a
// line break.
func csvField(dst []byte, s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return append(dst, s...)
	}
	return append(append(append(dst, '"'), strings.ReplaceAll(s, `"`, `""`)...), '"')
}

// csvRows formats n rows of chunks as CSV lines. (Caching the text of
// repeated doubles per column made it slower, row by row or column by
// column: bench/README.md.)
func csvRows(n int, chunks []parquetw.Chunk) ([]byte, error) {
	buf := make([]byte, 0, n*4*len(chunks))
	for i := range n {
		for c := range chunks {
			ch := &chunks[c]
			if c > 0 {
				buf = append(buf, ',')
			}
			switch {
			case ch.Valid != nil && !ch.Valid[i]:
			case ch.F64 != nil:
				buf = duckFloat(buf, ch.F64[i])
			default:
				buf = strconv.AppendInt(buf, int64(ch.I32[i]), 10)
			}
		}
		buf = append(buf, '\n')
	}
	return buf, nil
}

// runGroups gathers the row groups of the universe on GOMAXPROCS
// goroutines, turns each into a T with encode, and hands the Ts to emit in
// row order; groups have size rows, and at most GOMAXPROCS+1 of them are
// gathered or wait to be emitted.
func runGroups[T any](ctx context.Context, g *gPlan, size int, encode func(rows int, chunks []parquetw.Chunk) (T, error), emit func(T) error) error {
	start := time.Now()
	defer trace(start, "-- Go writer: rows gathered, encoded and written")
	n := len(g.keys)
	groups := (n + size - 1) / size
	workers := max(1, min(runtime.GOMAXPROCS(0), groups))
	type result struct {
		v   T
		err error
	}
	results := make([]chan result, groups)
	for i := range results {
		results[i] = make(chan result, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := make(chan struct{}, workers+1)
	next := make(chan int)
	go func() {
		defer close(next)
		for i := range groups {
			select {
			case window <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case next <- i:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			buf := g.newBuffers(size)
			for i := range next {
				off := i * size
				end := min(off+size, n)
				v, err := encode(end-off, g.gather(buf, off, end))
				results[i] <- result{v, err}
			}
		}()
	}
	defer wg.Wait() // after cancel: the workers finish the row group they hold
	for i := range groups {
		var r result
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return ctx.Err()
		}
		<-window
		if r.err != nil {
			return r.err
		}
		if err := emit(r.v); err != nil {
			return err
		}
	}
	return nil
}

// gBuffers are a goroutine's scratch arrays for one row group.
type gBuffers struct {
	key    [3][]int32 // ccode1, ccode2, year (ccode, year, - in state-year panels)
	s1, s2 []int32    // state rows
	idx    [][]int32  // per lookup table: the row of its values (see gPlan.load)
	pair   []int32
	cols   []gArr
	chunks []parquetw.Chunk
}

func (g *gPlan) newBuffers(size int) *gBuffers {
	mk := func() []int32 { return make([]int32, size) }
	b := &gBuffers{
		key: [3][]int32{mk(), mk(), mk()}, s1: mk(), s2: mk(), pair: mk(),
		idx:    make([][]int32, len(g.tables)),
		cols:   make([]gArr, len(g.cols)),
		chunks: make([]parquetw.Chunk, len(g.cols)),
	}
	for i := range b.idx {
		b.idx[i] = mk()
	}
	for i, c := range g.cols {
		if c.kind == gUniverse || c.kind == gRow {
			continue
		}
		b.cols[i].valid = make([]bool, size)
		if c.float {
			b.cols[i].f64 = make([]float64, size)
		} else {
			b.cols[i].i32 = make([]int32, size)
		}
	}
	return b
}

// gather assembles the columns of rows [off, end).
func (g *gPlan) gather(b *gBuffers, off, end int) []parquetw.Chunk {
	n := end - off
	from, years := g.p.Options.From, g.p.Options.To-g.p.Options.From+1
	state := g.p.Unit == StateYear
	c1, c2, year := b.key[0][:n], b.key[1][:n], b.key[2][:n]
	if state {
		c2, year = b.key[2][:n], b.key[1][:n]
	}
	for i, k := range g.keys[off:end] {
		if state {
			c1[i], year[i] = int32(k/10000), int32(k%10000)
		} else {
			c1[i], c2[i], year[i] = int32(k/10000000), int32(k/10000%1000), int32(k%10000)
		}
	}
	if g.stateRow != nil {
		for i := range n {
			y := int(year[i]) - from
			b.s1[i] = g.stateRow[int(c1[i])*years+y]
			if !state {
				b.s2[i] = g.stateRow[int(c2[i])*years+y]
			}
		}
	}
	for t := range g.tables {
		tab := &g.tables[t]
		if tab.index == nil {
			continue
		}
		idx := b.idx[t][:n]
		for i := range n {
			a, b, y := int64(c1[i]), int64(c2[i]), int64(year[i])
			var k int64
			switch tab.kind {
			case kDirected:
				k = (a*1000+b)*10000 + y
			case kReversed:
				k = (b*1000+a)*10000 + y
			case kNondirected:
				k = (min(a, b)*1000+max(a, b))*10000 + y
			case kState:
				k = a*10000 + y
			}
			if r := tab.index.get(k); r > 0 {
				idx[i] = r - 1
			} else {
				idx[i] = int32(tab.rows + int(y) - from)
			}
		}
	}
	for ci := range g.cols {
		c := &g.cols[ci]
		ch := &b.chunks[ci]
		switch c.kind {
		case gUniverse:
			*ch = parquetw.Chunk{I32: b.key[c.ucol][:n]}
			continue
		case gRow:
			a := g.rowVals[c.row]
			*ch = parquetw.Chunk{Valid: a.valid[off:end]}
			if c.float {
				ch.F64 = a.f64[off:end]
			} else {
				ch.I32 = a.i32[off:end]
			}
			continue
		}
		var idx []int32
		switch c.kind {
		case gState:
			idx = b.s1[:n]
			if c.side == 2 {
				idx = b.s2[:n]
			}
		case gLookup:
			idx = b.idx[c.table][:n]
		case gPair:
			pr := &g.pairs[c.pair]
			idx = b.pair[:n]
			for i := range n {
				idx[i] = pr.t1[b.s1[i]]*int32(pr.n2) + pr.t2[b.s2[i]]
			}
		}
		dst := &b.cols[ci]
		*ch = parquetw.Chunk{Valid: dst.valid[:n]}
		if c.float {
			gatherTo(dst.f64[:n], dst.valid[:n], c.vals.f64, c.vals.valid, idx)
			ch.F64 = dst.f64[:n]
		} else {
			gatherTo(dst.i32[:n], dst.valid[:n], c.vals.i32, c.vals.valid, idx)
			ch.I32 = dst.i32[:n]
		}
	}
	return b.chunks
}

// gatherTo sets dst[i] = src[idx[i]] and valid[i] = srcValid[idx[i]].
func gatherTo[T int32 | float64](dst []T, valid []bool, src []T, srcValid []bool, idx []int32) {
	for i, j := range idx {
		dst[i] = src[j]
		valid[i] = srcValid[j]
	}
}
