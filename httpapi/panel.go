package httpapi

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/panel"
	"github.com/bloc-project/bloc/verdict"
)

// panelStore is what a panel is built from: the server's store must also
// name the imports a missing dataset needs (*duckdb.Store does).
type panelStore interface {
	verdict.Store
	Require(ctx context.Context, names ...string) error
}

// panelSlice is the JSON of /api/panel.
type panelSlice struct {
	Unit       panel.Unit        `json:"unit"`
	From       int               `json:"from"`
	To         int               `json:"to"`
	States     []bloc.State      `json:"states"`
	Columns    []panel.Column    `json:"columns"`
	Rows       [][]any           `json:"rows"`
	Covariates []panel.Covariate `json:"covariates"`
	Sources    []bloc.Provenance `json:"sources"`
	Notes      []string          `json:"notes"`
}

// panelHandler serves a slice of a peacesciencer-style panel: the
// dyad-years of A and B (both directions; with a alone, every dyad of A) or
// the state-years of the states given, with the covariates in add, as JSON,
// CSV or JSON lines. The panel is built for the years asked and sliced;
// whole panels are for `bloc panel`.
func (s *Server) panelHandler(w http.ResponseWriter, r *http.Request) {
	q, err := params(r, "unit", "a", "b", "from", "to", "add", "format")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	ps, ok := s.store.(panelStore)
	if !ok {
		s.writeError(w, r, notFound("panels are not available on this store"))
		return
	}
	unit, err := oneOf(q, "unit", string(panel.DyadYear), string(panel.DyadYear), string(panel.StateYear))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	format, err := oneOf(q, "format", "json", "json", "csv", "jsonl")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	period := verdict.DefaultPeriod()
	from, okf, err := year(q, "from")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	to, okt, err := year(q, "to")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if okf != okt {
		s.writeError(w, r, invalid("give both from and to, or neither (the default period)"))
		return
	}
	if okf {
		if period, err = verdict.CheckPeriod(from, to); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	if period.To > s.mry || period.Years() > s.cfg.MaxSpan {
		s.writeError(w, r, invalid(fmt.Sprintf("the server slices panels of at most %d years up to %d", s.cfg.MaxSpan, s.mry), "use `bloc panel` for longer panels"))
		return
	}
	var states []bloc.State
	for _, k := range []string{"a", "b"} {
		name := strings.TrimSpace(q.Get(k))
		if name == "" {
			continue
		}
		if len(name) > maxStateArg {
			s.writeError(w, r, invalid(fmt.Sprintf("a state is at most %d bytes", maxStateArg)))
			return
		}
		st, err := s.reg.Resolve(name)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		states = append(states, st)
	}
	if len(states) == 0 {
		s.writeError(w, r, invalid("name the states of the slice with a (and b)", "e.g. /api/panel?a=IRN&b=RUS&add=nmc,atop", "whole panels: `bloc panel dyad-year`"))
		return
	}
	known := map[string]bool{}
	for _, c := range panel.Covariates(panel.Unit(unit)) {
		known[c.Name] = true
	}
	var add []string
	if q.Get("add") != "" {
		for _, a := range strings.Split(q.Get("add"), ",") {
			a = strings.TrimSpace(a)
			if !known[a] {
				names := make([]string, 0, len(known))
				for n := range known {
					names = append(names, n)
				}
				sort.Strings(names)
				s.writeError(w, r, invalid(fmt.Sprintf("%q is not a covariate of the %s panel", trunc(a), unit), "covariates: "+strings.Join(names, ", ")))
				return
			}
			add = append(add, a)
		}
	}
	key := fmt.Sprintf("%s|%v|%v|%s|%s", unit, period, states, strings.Join(add, ","), format)
	b, err := s.outputs.Get(okey{What: "panel", ID: key}, func() (*blob, int64, error) {
		select {
		case s.loads <- struct{}{}:
		case <-r.Context().Done():
			return nil, 0, r.Context().Err()
		}
		defer func() { <-s.loads }()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		slice, err := s.slice(ctx, ps, panel.Unit(unit), period, states, add)
		if err != nil {
			return nil, 0, err
		}
		data, ctype, err := encodeSlice(slice, format)
		if err != nil {
			return nil, 0, err
		}
		name := fmt.Sprintf("bloc-panel-%s-%s-%d-%d.%s", unit, abbs(states), period.From, period.To, format)
		b := newBlob(ctype, data, name)
		return b, b.cost(), nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.serve(w, r, b, format == "json")
}

func abbs(states []bloc.State) string {
	var out []string
	for _, s := range states {
		out = append(out, s.Abb)
	}
	return strings.Join(out, "-")
}

// slice builds the panel for the period and keeps the rows of the states.
func (s *Server) slice(ctx context.Context, st panelStore, unit panel.Unit, p bloc.Period, states []bloc.State, add []string) (*panelSlice, error) {
	opt := panel.Options{From: p.From, To: p.To, MRY: s.mry, Add: add}
	var pn *panel.Panel
	var err error
	if unit == panel.StateYear {
		pn, err = panel.StateYears(ctx, st, opt)
	} else {
		pn, err = panel.DyadYears(ctx, st, opt)
	}
	if err != nil {
		return nil, err
	}
	defer pn.Close()
	col := map[string]int{}
	for k, c := range pn.Columns {
		col[c.Name] = k
	}
	in := map[int64]bool{}
	for _, st := range states {
		in[int64(st.CCode)] = true
	}
	code := func(v any) int64 {
		switch x := v.(type) {
		case int32:
			return int64(x)
		case int64:
			return x
		case float64:
			return int64(x)
		}
		return -1
	}
	keep := func(row []any) bool {
		if unit == panel.StateYear {
			return in[code(row[col["ccode"]])]
		}
		c1, c2 := code(row[col["ccode1"]]), code(row[col["ccode2"]])
		if len(states) == 1 {
			return c1 == int64(states[0].CCode)
		}
		return in[c1] && in[c2]
	}
	out := &panelSlice{Unit: unit, From: p.From, To: p.To, States: states, Columns: pn.Columns, Rows: [][]any{}, Covariates: pn.Covariates,
		Sources: pn.Provenance(), Notes: pn.Notes}
	err = pn.Each(ctx, func(row []any) error {
		if keep(row) {
			out.Rows = append(out.Rows, append([]any(nil), row...))
		}
		return nil
	})
	if out.Covariates == nil {
		out.Covariates = []panel.Covariate{}
	}
	if out.Notes == nil {
		out.Notes = []string{}
	}
	return out, err
}

func encodeSlice(p *panelSlice, format string) ([]byte, string, error) {
	var buf bytes.Buffer
	switch format {
	case "csv":
		cw := csv.NewWriter(&buf)
		head := make([]string, len(p.Columns))
		for k, c := range p.Columns {
			head[k] = c.Name
		}
		cw.Write(head)
		for _, row := range p.Rows {
			rec := make([]string, len(row))
			for k, v := range row {
				rec[k] = cellString(v)
			}
			cw.Write(rec)
		}
		cw.Flush()
		return buf.Bytes(), "text/csv; charset=utf-8", cw.Error()
	case "jsonl":
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		for _, row := range p.Rows {
			obj := make(map[string]any, len(row))
			for k, v := range row {
				obj[p.Columns[k].Name] = v
			}
			if err := enc.Encode(obj); err != nil {
				return nil, "", err
			}
		}
		return buf.Bytes(), "application/x-ndjson; charset=utf-8", nil
	}
	err := writeIndented(&buf, p)
	return buf.Bytes(), "application/json; charset=utf-8", err
}

func cellString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case string:
		return x
	}
	return fmt.Sprint(v)
}
