package events

import (
	"bufio"
	"context"
	"io"
	"math/rand/v2"
	"sort"
	"strconv"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// ICEWSHeader is the header of an ICEWS event file.
var ICEWSHeader = []string{"Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
	"Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher", "City",
	"District", "Province", "Country", "Latitude", "Longitude"}

// Generator draws SYNTHETIC events for benchmarks and tests. Nothing it
// writes is real: every event's Publisher is SyntheticPublisher, which the
// parser turns into the synthetic flag that every aggregate reports.
//
// It draws (directed dyad, year, quad class) cells with the weights of the
// real ICEWS dyad-year quad counts 2002–2014 (icews_dyad_year_quadcounts,
// 6.7M events), a day uniformly within the year, and a CAMEO code within the
// quad class from the code frequencies of the real ICEWS event sample
// (icews_events_sample_2018_06). WriteICEWS writes the events in date
// order, as real ICEWS and GDELT files are: each year gets its share of the
// real counts, spread evenly over its days, and each day's events are drawn
// from that year's dyads.
type Generator struct {
	rng    *rand.Rand
	cells  alias
	byYear map[int]*yearCells // the cells of each year, for chronological output
	dyad   []int32            // per cell
	year   []int16
	quad   []uint8
	names  []string // per dyad index: source then target, ICEWS country names
	codes  [5]alias
	code   [5][]uint16
	cb     *Codebook
	// Years covered by the cells.
	From, To int
	// Weight is the number of real events behind the cell weights.
	Weight int64
}

// NewGenerator loads the real distributions from a data directory or the store.
func NewGenerator(ctx context.Context, src datasets.Source, t *Tables, seed uint64) (*Generator, error) {
	g := &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), cb: t.Codes}
	qd := datasets.MustLookup("icews_dyad_year_quadcounts_2002_2014")
	qi, err := colIndex(qd, "i", "j", "year", "verbCoop", "matlCoop", "verbConf", "matlConf")
	if err != nil {
		return nil, err
	}
	nameIdx := map[string]int32{}
	intern := func(s string) int32 {
		if i, ok := nameIdx[s]; ok {
			return i
		}
		i := int32(len(g.names))
		g.names = append(g.names, s)
		nameIdx[s] = i
		return i
	}
	var weights []float64
	pairIdx := map[[2]int32]int32{}
	var pairs [][2]int32
	g.From, g.To = 9999, 0
	if err := src.Rows(ctx, qd, func(row []datasets.Value) error {
		i, j := intern(row[qi[0]].Str), intern(row[qi[1]].Str)
		p, ok := pairIdx[[2]int32{i, j}]
		if !ok {
			p = int32(len(pairs))
			pairs = append(pairs, [2]int32{i, j})
			pairIdx[[2]int32{i, j}] = p
		}
		y := int(row[qi[2]].Int)
		for q := 0; q < 4; q++ {
			if w := row[qi[3+q]].Int; w > 0 {
				g.dyad = append(g.dyad, p)
				g.year = append(g.year, int16(y))
				g.quad = append(g.quad, uint8(q+1))
				weights = append(weights, float64(w))
				g.Weight += w
				g.From, g.To = min(g.From, y), max(g.To, y)
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	if len(weights) == 0 {
		return nil, bloc.Errorf(bloc.ENODATA, "%s has no counts to draw from", qd.Name)
	}
	// Resolve every name now: a name the actor table does not know would
	// make the generated file fail its own ingest.
	for _, n := range g.names {
		if c, ok := t.Actors.Lookup([]byte(n)); !ok || c == 0 {
			return nil, bloc.Errorf(bloc.EINTERNAL, "synthetic generator: country %q of %s is not a COW state in the actor table", n, qd.Name)
		}
	}
	g.names2(pairs)
	g.cells = newAlias(weights)
	g.byYear = map[int]*yearCells{}
	ws := map[int][]float64{}
	for c := range weights {
		y := int(g.year[c])
		yc := g.byYear[y]
		if yc == nil {
			yc = &yearCells{}
			g.byYear[y] = yc
		}
		yc.cells = append(yc.cells, int32(c))
		yc.weight += weights[c]
		ws[y] = append(ws[y], weights[c])
	}
	for y, yc := range g.byYear {
		yc.alias = newAlias(ws[y])
	}

	sd := datasets.MustLookup("icews_events_sample_2018_06")
	si, err := colIndex(sd, "cameo_code")
	if err != nil {
		return nil, err
	}
	counts := map[uint16]float64{}
	if err := src.Rows(ctx, sd, func(row []datasets.Value) error {
		if ci, ok := t.Codes.Lookup([]byte(row[si[0]].Str)); ok {
			counts[ci]++
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for q := uint8(1); q <= 4; q++ {
		var w []float64
		for ci := 1; ci < len(t.Codes.Codes); ci++ {
			if t.Codes.Codes[ci].Quad == q && counts[uint16(ci)] > 0 {
				g.code[q] = append(g.code[q], uint16(ci))
				w = append(w, counts[uint16(ci)])
			}
		}
		if len(w) == 0 { // no sample event in this class: every code of it, equally
			for ci := 1; ci < len(t.Codes.Codes); ci++ {
				if t.Codes.Codes[ci].Quad == q {
					g.code[q] = append(g.code[q], uint16(ci))
					w = append(w, 1)
				}
			}
		}
		g.codes[q] = newAlias(w)
	}
	return g, nil
}

// pairNames holds, per dyad, the source and target names.
func (g *Generator) names2(pairs [][2]int32) {
	out := make([]string, 0, 2*len(pairs))
	for _, p := range pairs {
		out = append(out, g.names[p[0]], g.names[p[1]])
	}
	g.names = out
}

type yearCells struct {
	cells  []int32
	alias  alias
	weight float64
}

// SynthEvent is one generated event.
type SynthEvent struct {
	Source, Target string // ICEWS country names
	Day            int32
	Code           uint16
}

// Next draws one event (in no particular order of dates).
func (g *Generator) Next() SynthEvent {
	c := g.cells.draw(g.rng)
	y := int(g.year[c])
	start := daysFromCivil(y, 1, 1)
	n := daysFromCivil(y+1, 1, 1) - start
	return g.event(c, start+int32(g.rng.IntN(int(n))))
}

func (g *Generator) event(c int, day int32) SynthEvent {
	q := g.quad[c]
	ci := g.code[q][g.codes[q].draw(g.rng)]
	d := g.dyad[c]
	return SynthEvent{Source: g.names[2*d], Target: g.names[2*d+1], Day: day, Code: ci}
}

// Chronological calls fn for n events in date order: year y gets
// n·(real events in y)/(all real events), spread evenly over its days.
func (g *Generator) Chronological(n int64, fn func(SynthEvent) error) error {
	years := make([]int, 0, len(g.byYear))
	for y := range g.byYear {
		years = append(years, y)
	}
	sort.Ints(years)
	var total float64
	for _, y := range years {
		total += g.byYear[y].weight
	}
	// largest-remainder apportionment of n over the years
	share := make([]int64, len(years))
	type rem struct {
		i int
		r float64
	}
	var rems []rem
	var given int64
	for i, y := range years {
		x := float64(n) * g.byYear[y].weight / total
		share[i] = int64(x)
		given += share[i]
		rems = append(rems, rem{i, x - float64(share[i])})
	}
	sort.Slice(rems, func(a, b int) bool { return rems[a].r > rems[b].r || rems[a].r == rems[b].r && rems[a].i < rems[b].i })
	for k := 0; given < n; k++ {
		share[rems[k%len(rems)].i]++
		given++
	}
	for i, y := range years {
		yc := g.byYear[y]
		start := daysFromCivil(y, 1, 1)
		days := int64(daysFromCivil(y+1, 1, 1) - start)
		for d := int64(0); d < days; d++ {
			k := (d+1)*share[i]/days - d*share[i]/days
			for ; k > 0; k-- {
				if err := fn(g.event(int(yc.cells[yc.alias.draw(g.rng)]), start+int32(d))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// WriteICEWS writes n synthetic events in the ICEWS tab-separated layout
// (header included), in date order, with Event IDs from firstID.
func (g *Generator) WriteICEWS(ctx context.Context, w io.Writer, n, firstID int64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	for i, h := range ICEWSHeader {
		if i > 0 {
			bw.WriteByte('\t')
		}
		bw.WriteString(h)
	}
	bw.WriteByte('\n')
	buf := make([]byte, 0, 512)
	i := int64(0)
	err := g.Chronological(n, func(e SynthEvent) error {
		if i%65536 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		c := &g.cb.Codes[e.Code]
		id := firstID + i
		i++
		b := buf[:0]
		b = strconv.AppendInt(b, id, 10)
		b = append(b, '\t')
		b = appendDate(b, e.Day)
		b = append(b, '\t')
		b = append(b, e.Source...)
		b = append(b, '\t', '\t')
		b = append(b, e.Source...)
		b = append(b, '\t')
		b = append(b, c.Name...)
		b = append(b, '\t')
		b = append(b, c.Code...)
		b = append(b, '\t')
		b = strconv.AppendFloat(b, c.Goldstein(), 'f', -1, 64)
		b = append(b, '\t')
		b = append(b, e.Target...)
		b = append(b, '\t', '\t')
		b = append(b, e.Target...)
		b = append(b, '\t')
		b = strconv.AppendInt(b, id, 10)
		b = append(b, "\t1\t"...)
		b = append(b, SyntheticPublisher...)
		b = append(b, "\t\t\t\t"...)
		b = append(b, e.Source...)
		b = append(b, "\t\t\n"...)
		_, err := bw.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	return bw.Flush()
}

func appendDate(b []byte, day int32) []byte {
	t := DayTime(day)
	y, m, d := t.Date()
	b = strconv.AppendInt(b, int64(y), 10)
	b = append(b, '-', byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+d/10), byte('0'+d%10))
	return b
}

// alias is Vose's alias method: O(1) draws from a discrete distribution.
type alias struct {
	prob  []float64
	alias []int32
}

func newAlias(w []float64) alias {
	n := len(w)
	a := alias{prob: make([]float64, n), alias: make([]int32, n)}
	var sum float64
	for _, x := range w {
		sum += x
	}
	scaled := make([]float64, n)
	var small, large []int32
	for i, x := range w {
		scaled[i] = x * float64(n) / sum
		if scaled[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s, l := small[len(small)-1], large[len(large)-1]
		small, large = small[:len(small)-1], large[:len(large)-1]
		a.prob[s], a.alias[s] = scaled[s], l
		scaled[l] = scaled[l] + scaled[s] - 1
		if scaled[l] < 1 {
			small = append(small, l)
		} else {
			large = append(large, l)
		}
	}
	for _, i := range large {
		a.prob[i] = 1
	}
	for _, i := range small {
		a.prob[i] = 1
	}
	return a
}

func (a alias) draw(r *rand.Rand) int {
	i := r.IntN(len(a.prob))
	if r.Float64() < a.prob[i] {
		return i
	}
	return int(a.alias[i])
}
