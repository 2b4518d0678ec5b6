package events

import (
	"context"
	"io"
	"sort"

	"github.com/bloc-project/bloc"
)

// Memory is an in-memory Engine: the reference the database engines are
// tested against, and a store for small files. Its memory grows with the
// events it holds.
type Memory struct {
	files []FileRecord
	ev    []memEvent
}

type memEvent struct {
	day    int32
	a, b   int16
	root   uint8
	gold10 int8
	synth  bool
}

var _ Engine = (*Memory)(nil)

// NewMemory returns an empty in-memory engine.
func NewMemory() *Memory { return &Memory{} }

// Name implements Engine.
func (m *Memory) Name() string { return "memory" }

// Location implements Engine.
func (m *Memory) Location() string { return "memory" }

// Close implements Engine.
func (m *Memory) Close() error { return nil }

// Stored implements Engine.
func (m *Memory) Stored(ctx context.Context, size int64) ([]FileRecord, error) {
	var out []FileRecord
	for _, f := range m.files {
		if f.Size == size {
			out = append(out, f)
		}
	}
	return out, nil
}

// Load implements Engine.
func (m *Memory) Load(ctx context.Context, src Source) (*FileRecord, error) {
	var ev []memEvent
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		for i := 0; i < b.N; i++ {
			ev = append(ev, memEvent{b.Day[i], b.A[i], b.B[i], b.Root[i], b.Gold10[i], b.Synthetic[i]})
		}
	}
	rec := *src.Record()
	for _, f := range m.files {
		if f.ContentSHA256 == rec.ContentSHA256 {
			rec.Status, rec.DuplicateOf = "duplicate", f.ID
			return &rec, nil
		}
	}
	rec.ID, rec.Status = int64(len(m.files)+1), "done"
	m.files = append(m.files, rec)
	m.ev = append(m.ev, ev...)
	return &rec, nil
}

type memKey struct {
	a, b int16
	p    int32
}

// Aggregate implements Engine.
func (m *Memory) Aggregate(ctx context.Context, q Query, fn func(*Row) error) error {
	if err := q.Validate(); err != nil {
		return err
	}
	var from, to int32 = -1 << 30, 1 << 30
	if !q.From.IsZero() {
		from = DayNumber(q.From)
	}
	if !q.To.IsZero() {
		to = DayNumber(q.To)
	}
	want := map[bloc.Dyad]bool{}
	for _, d := range q.Dyads {
		want[d] = true
	}
	rows := map[memKey]*Row{}
	for _, e := range m.ev {
		if e.day < from || e.day > to || (!q.Domestic && e.a == e.b) {
			continue
		}
		d := bloc.Dyad{A: bloc.CCode(e.a), B: bloc.CCode(e.b)}
		if len(want) > 0 && !want[d] {
			continue
		}
		p := q.By.Truncate(DayTime(e.day))
		k := memKey{e.a, e.b, DayNumber(p)}
		r := rows[k]
		if r == nil {
			r = &Row{Dyad: d, Period: p}
			rows[k] = r
		}
		r.Events++
		if q.Roots {
			r.Root[e.root-1]++
		}
		r.Quad[QuadOfRoot(int(e.root))-1]++
		r.Gold10 += int64(e.gold10)
		if e.synth {
			r.Synthetic++
		}
	}
	keys := make([]memKey, 0, len(rows))
	for k := range rows {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.a != b.a {
			return a.a < b.a
		}
		if a.b != b.b {
			return a.b < b.b
		}
		return a.p < b.p
	})
	for _, k := range keys {
		if err := fn(rows[k]); err != nil {
			return err
		}
	}
	return nil
}

// Status implements Engine.
func (m *Memory) Status(ctx context.Context) (*Status, error) {
	st := &Status{Engine: "memory", Location: "memory", Events: int64(len(m.ev)), Files: m.files}
	dy := map[[2]int16]bool{}
	var lo, hi int32 = 1 << 30, -1 << 30
	for _, e := range m.ev {
		if e.synth {
			st.Synthetic++
		}
		if e.a != e.b {
			dy[[2]int16{e.a, e.b}] = true
		}
		lo, hi = min(lo, e.day), max(hi, e.day)
	}
	st.Dyads = int64(len(dy))
	if len(m.ev) > 0 {
		st.From, st.To = DayTime(lo), DayTime(hi)
	}
	return st, nil
}
