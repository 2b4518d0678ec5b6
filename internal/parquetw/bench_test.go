package parquetw

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"
)

const (
	panelRows    = 2_252_760
	panelRGRows  = 122_880
	panelYear0   = 1816
	panelYears   = 199
	panelNations = 264
)

// mix is a cheap deterministic hash for synthetic data.
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	return x ^ x>>33
}

// panelTable builds a synthetic table shaped like the bloc dyad-year panel
// (rows sorted by ccode1, ccode2, year; value distributions modelled on the
// real file): 40 INT32 and 35 DOUBLE columns.
//   - keys ccode1 (runs of ~10,000), ccode2 (runs of ~50), year;
//   - dyad-level INT32 codes (0/1 or a few values) constant over runs of a
//     few dozen years, 75–90% non-NULL;
//   - dispute INT32 columns 99.6% NULL in runs of ~200, small values;
//   - country-year DOUBLE attributes of side 1 (few distinct values per row
//     group since ccode1 changes slowly) and side 2 (~10–17k distinct values
//     per row group: one per (ccode2, year)), ~90% non-NULL;
//   - a dyad-constant distance and mostly-NULL dispute DOUBLEs.
func panelTable() *table {
	// A tenth of the nations exist from 1816, the others from some year of
	// the 20th century; a few end early (≈ 20,000 nation-years in all).
	type nation struct{ from, to int }
	nations := make([]nation, panelNations)
	for i := range nations {
		h := mix(uint64(i) + 1)
		from, to := panelYear0, panelYear0+panelYears-1
		if h%10 != 0 {
			from = 1900 + int(h>>8%100)
		}
		if h>>16%7 == 0 {
			to = min(to, from+int(h>>24%80))
		}
		nations[i] = nation{from, to}
	}
	n := panelRows
	c1, c2, yr := make([]int32, 0, n), make([]int32, 0, n), make([]int32, 0, n)
	for len(c1) < n {
		for a := 0; a < panelNations && len(c1) < n; a++ {
			for b := 0; b < panelNations && len(c1) < n; b++ {
				if a == b {
					continue
				}
				lo, hi := max(nations[a].from, nations[b].from), min(nations[a].to, nations[b].to)
				for y := lo; y <= hi && len(c1) < n; y++ {
					c1, c2, yr = append(c1, int32(2*a+2)), append(c2, int32(2*b+2)), append(yr, int32(y))
				}
			}
		}
	}
	tb := &table{}
	for lo := 0; lo < n; lo += panelRGRows {
		tb.groups = append(tb.groups, min(panelRGRows, n-lo))
	}
	add := func(name string, c Chunk) {
		t := Int32
		if c.F64 != nil {
			t = Double
		}
		tb.cols = append(tb.cols, Column{Name: name, Type: t})
		tb.data = append(tb.data, c)
	}
	add("ccode1", Chunk{I32: c1})
	add("ccode2", Chunk{I32: c2})
	add("year", Chunk{I32: yr})

	// dyad-level codes: value changes every era of 16–64 years of a dyad.
	dyadCode := func(seed uint64, values int, nonNull uint64) Chunk {
		c := Chunk{I32: make([]int32, n), Valid: make([]bool, n)}
		for i := range n {
			d := uint64(c1[i])<<16 | uint64(c2[i])
			era := uint64(yr[i]) / (16 << (mix(d^seed) % 3))
			h := mix(d ^ seed<<20 ^ era)
			c.Valid[i] = h%100 < nonNull
			c.I32[i] = int32(h >> 32 % uint64(values))
		}
		return c
	}
	for k, name := range []string{"conttype", "atop_alliance", "atop_defense", "atop_offense", "atop_neutral",
		"atop_nonagg", "atop_consul", "gmlmidongoing", "gmlmidonset", "positional", "spatial", "ideological",
		"interventionary", "ongoingrivalry", "dyadigos", "defense_pact"} {
		values, nonNull := 2, uint64(88)
		switch name {
		case "conttype":
			values, nonNull = 6, 85
		case "gmlmidongoing", "gmlmidonset":
			nonNull = 75
		case "dyadigos":
			values, nonNull = 80, 82
		}
		add(name, dyadCode(uint64(k)+100, values, nonNull))
	}
	// dispute columns: 0.4% non-NULL, in runs of about 2 rows.
	for k, name := range []string{"dispnum", "sidea1", "sidea2", "fatality1", "fatality2", "hiact1", "hiact2",
		"hostlev1", "hostlev2", "orig1", "orig2", "fatality", "hostlev", "recip", "mindur", "maxdur", "stmon",
		"init1", "init2", "tssr_id", "mid_extra"} {
		c := Chunk{I32: make([]int32, n), Valid: make([]bool, n)}
		values := []int{2500, 2, 2, 9, 9, 20, 20, 5, 5, 2, 2, 9, 4, 2, 570, 570, 14, 2, 2, 240, 3}[k]
		for i := range n {
			run := uint64(i / 2)
			c.Valid[i] = mix(run)%250 == 0 || (name == "tssr_id" && mix(run^1<<50)%150 == 0)
			c.I32[i] = int32(mix(run^uint64(k)<<40) % uint64(values))
		}
		add(name, c)
	}

	// country-year attributes, 16 per side.
	attr := func(seed uint64, nat []int32) Chunk {
		c := Chunk{F64: make([]float64, n), Valid: make([]bool, n)}
		for i := range n {
			a, y := uint64(nat[i]/2-1), int(yr[i])
			hn := mix(a<<8 ^ seed)                       // per nation
			h := mix(a<<16 ^ uint64(y) ^ seed<<32)       // per nation-year
			c.Valid[i] = y >= nations[a].from+int(hn%60) // data starts late
			switch seed % 4 {
			case 0: // growing counts stored as doubles
				c.F64[i] = math.Round(float64(hn%1e6) * math.Pow(1.02, float64(y-panelYear0)))
			case 1: // shares
				c.F64[i] = float64(h>>11) / (1 << 53)
			case 2: // an index that changes every few years
				c.F64[i] = float64(int(mix(a<<16^uint64(y/(4+int(hn%8)))^seed<<32)%21)) - 10
			default: // rounded measurements
				c.F64[i] = math.Round(float64(h>>20%1e9)) / 1000
			}
		}
		return c
	}
	for _, side := range []string{"1", "2"} {
		nat := c1
		if side == "2" {
			nat = c2
		}
		for k, name := range []string{"milex", "milper", "irst", "pec", "tpop", "upop", "cinc", "euds", "aeuds",
			"polity2", "v2x_polyarchy", "mrgdppc", "sd_mrgdppc", "pwtrgdp", "pwtpop", "sd_pwtpop"} {
			add(name+side, attr(uint64(k), nat))
		}
	}
	dist := Chunk{F64: make([]float64, n), Valid: make([]bool, n)}
	for i := range n {
		h := mix(uint64(c1[i])<<16 | uint64(c2[i]))
		dist.F64[i], dist.Valid[i] = float64(h%20000)+0.5, h%60 != 0
	}
	add("capdist", dist)
	for k, name := range []string{"fatalpre1", "fatalpre2"} {
		c := Chunk{F64: make([]float64, n), Valid: make([]bool, n)}
		for i := range n {
			run := uint64(i / 2)
			c.Valid[i], c.F64[i] = mix(run)%250 == 0, float64(mix(run^uint64(k+50)<<40)%180)
		}
		add(name, c)
	}
	return tb
}

var (
	panelOnce sync.Once
	panel     *table
)

// writeParallel encodes tb's row groups on workers goroutines and appends
// them in order to path.
func writeParallel(path string, tb *table, workers int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w, err := NewWriter(f, tb.cols, Options{CreatedBy: "bloc", RowGroupRows: panelRGRows})
	if err != nil {
		return err
	}
	type result struct {
		rg  *RowGroup
		err error
	}
	out := make([]chan result, len(tb.groups))
	jobs := make(chan int, len(tb.groups))
	starts := make([]int, len(tb.groups))
	for i := range tb.groups {
		out[i] = make(chan result, 1)
		jobs <- i
		if i > 0 {
			starts[i] = starts[i-1] + tb.groups[i-1]
		}
	}
	close(jobs)
	for range workers {
		go func() {
			for i := range jobs {
				rg, err := w.Encode(tb.groups[i], tb.chunks(starts[i], starts[i]+tb.groups[i]))
				out[i] <- result{rg, err}
			}
		}()
	}
	for i := range tb.groups {
		r := <-out[i]
		if r.err != nil {
			return r.err
		}
		if err := w.Append(r.rg); err != nil {
			return err
		}
	}
	if err := w.Close(); err != nil {
		return err
	}
	return f.Close()
}

// BenchmarkWritePanel encodes and writes a synthetic 2,252,760 × 75 panel
// in row groups of 122,880 rows, encoded on GOMAXPROCS goroutines.
func BenchmarkWritePanel(b *testing.B) {
	panelOnce.Do(func() { panel = panelTable() })
	tb := panel
	values := float64(tb.rows() * len(tb.cols))
	raw := int64(0)
	for _, c := range tb.cols {
		if c.Type == Int32 {
			raw += 4
		} else {
			raw += 8
		}
	}
	b.SetBytes(raw * int64(tb.rows()))
	path := filepath.Join(b.TempDir(), "panel.parquet")
	workers := runtime.GOMAXPROCS(0)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	for b.Loop() {
		if err := writeParallel(path, tb, workers); err != nil {
			b.Fatal(err)
		}
	}
	elapsed := time.Since(start)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(elapsed.Nanoseconds())/float64(b.N)/values, "ns/value")
	b.ReportMetric(float64(st.Size())/1e6, "file-MB")
	b.ReportMetric(float64(elapsed.Seconds())/float64(b.N), "s/table")
	if testing.Verbose() {
		fmt.Printf("panel: %d rows × %d columns, %d row groups, %d workers, file %d bytes\n",
			tb.rows(), len(tb.cols), len(tb.groups), workers, st.Size())
	}
}
