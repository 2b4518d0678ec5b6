package panel

import (
	"bufio"
	"context"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/bloc-project/bloc/internal/parquetw"
)

// rowGroupRows is the number of rows of a Parquet row group the Go writer
// writes (DuckDB's default).
const rowGroupRows = 122880

// writeParquet writes the panel as Parquet at path with the Go writer:
// the values are read from DuckDB once per source row (gPlan.load), then
// row groups are gathered and encoded on every core and appended in order.
func (g *gPlan) writeParquet(ctx context.Context, path string) error {
	start := time.Now()
	if err := g.load(ctx); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return goWriteError(path, err)
	}
	trace(start, "-- Go writer: values read from the store")
	start = time.Now()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return goWriteError(path, err)
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	cols := make([]parquetw.Column, len(g.p.Columns))
	for i, c := range g.p.Columns {
		cols[i] = parquetw.Column{Name: c.Name, Type: parquetw.Int32}
		if g.cols[i].float {
			cols[i].Type = parquetw.Double
		}
	}
	w, err := parquetw.NewWriter(bw, cols, parquetw.Options{CreatedBy: "bloc", KeyValue: map[string]string{CodebookKey: g.p.codebookJSON()}})
	if err != nil {
		return goWriteError(path, err)
	}
	if err := g.encodeAll(ctx, w); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return goWriteError(path, err)
	}
	if err := w.Close(); err != nil {
		return goWriteError(path, err)
	}
	if err := bw.Flush(); err != nil {
		return goWriteError(path, err)
	}
	if err := f.Close(); err != nil {
		return goWriteError(path, err)
	}
	trace(start, "-- Go writer: rows gathered, encoded and written")
	return nil
}

// encodeAll gathers and encodes the row groups on GOMAXPROCS goroutines
// and appends them to w in order; at most two row groups per goroutine are
// held between encoding and appending.
func (g *gPlan) encodeAll(ctx context.Context, w *parquetw.Writer) error {
	n := len(g.keys)
	groups := (n + rowGroupRows - 1) / rowGroupRows
	workers := max(1, min(runtime.GOMAXPROCS(0), groups))
	type result struct {
		rg  *parquetw.RowGroup
		err error
	}
	results := make([]chan result, groups)
	for i := range results {
		results[i] = make(chan result, 1)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	window := make(chan struct{}, 2*workers)
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
			buf := g.newBuffers()
			for i := range next {
				off := i * rowGroupRows
				end := min(off+rowGroupRows, n)
				rg, err := w.Encode(end-off, g.gather(buf, off, end))
				results[i] <- result{rg, err}
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
		if err := w.Append(r.rg); err != nil {
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

func (g *gPlan) newBuffers() *gBuffers {
	mk := func() []int32 { return make([]int32, rowGroupRows) }
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
		b.cols[i].valid = make([]bool, rowGroupRows)
		if c.float {
			b.cols[i].f64 = make([]float64, rowGroupRows)
		} else {
			b.cols[i].i32 = make([]int32, rowGroupRows)
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
