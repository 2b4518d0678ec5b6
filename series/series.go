// Package series reads the yearly data series behind bloc's charts from the
// store: bilateral trade (the seed paper's Figure 1), sanctions in force and
// the most-sanctioned states (its Figure 2), UN Security Council vetoes,
// capabilities (CINC and military spending) and event counts by quad class
// (words and deeds).
//
// It reads the catalogue's tables with SQL and computes no indicator: every
// value is a dataset's own number, or a count of its rows, with the year it
// belongs to. A year outside a dataset's coverage is missing, never zero;
// inside it, an absent row of an event-listing table (sanctions, vetoes,
// ICEWS events) counts zero, and an absent row of a measurement table (trade,
// capabilities) is missing.
package series

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/world"
)

// Tables the series read (the store's table names).
const (
	TradeTable     = "cow_trade_dyadic_v4"
	NMCTable       = "cow_nmc_v7"
	GSDBTable      = "gsdb_v3_sanctions"
	VetoTable      = "unsc_vetoes_1946_2022"
	EventsTable    = "icews_dyad_year_quadcounts_2002_2014"
	maxSpanYears   = 250
	defaultTopRank = 10
)

// Series is one named line of yearly values. Values[k] belongs to Years[k];
// a missing value is bloc.Missing.
type Series struct {
	// ID is stable within a chart (e.g. "imports_ab").
	ID string `json:"id"`
	// Key and Args name the series for translation: the message catalogue
	// has Key with {a}, {b}, {s} placeholders filled from Args (state
	// abbreviations).
	Key  string            `json:"key"`
	Args map[string]string `json:"args,omitempty"`
	// Name is the English name, Key rendered.
	Name   string          `json:"name"`
	Unit   string          `json:"unit"`
	Years  []int           `json:"years"`
	Values []bloc.Num      `json:"values"`
	Source bloc.Provenance `json:"source"`
}

// Ranked is one state of a ranking (the most-sanctioned states of a year).
type Ranked struct {
	Rank  int        `json:"rank"`
	State bloc.State `json:"state"`
	Value int        `json:"value"`
}

// DB is what the series need of the store.
type DB interface{ DB() *sql.DB }

// Resolver turns a dataset's country name into a state (registry.Registry).
type Resolver interface {
	Resolve(name string) (bloc.State, error)
}

// coverage returns the dataset's years.
func coverage(table string) bloc.Period {
	ds := datasets.MustLookup(table)
	return bloc.Period{From: ds.Years[0], To: ds.Years[1]}
}

func provenance(table, formula string) bloc.Provenance {
	return datasets.MustLookup(table).Provenance(formula)
}

// years returns the years of p, which must be a sane span.
func years(p bloc.Period) ([]int, error) {
	if p.From > p.To || p.Years() > maxSpanYears {
		return nil, bloc.Errorf(bloc.EINVALID, "series: bad span %v", p)
	}
	out := make([]int, 0, p.Years())
	for y := p.From; y <= p.To; y++ {
		out = append(out, y)
	}
	return out, nil
}

func newSeries(id, key, name, unit string, ys []int, src bloc.Provenance, args map[string]string) Series {
	return Series{ID: id, Key: key, Args: args, Name: name, Unit: unit, Years: ys, Values: make([]bloc.Num, len(ys)), Source: src}
}

func queryErr(table string, err error) error {
	return &bloc.Error{Code: bloc.EINTERNAL, Op: "series", Message: "reading " + table, Err: err}
}

// Trade returns A's imports from B, A's exports to B (B's imports from A)
// and A's balance with B (exports − imports), in millions of current US
// dollars, for the years of span (COW Dyadic Trade v4: flow1 is ccode1's
// imports from ccode2, flow2 ccode2's imports from ccode1; negative flows are
// COW's missing codes).
func Trade(ctx context.Context, st DB, a, b bloc.State, span bloc.Period) ([]Series, error) {
	ys, err := years(span)
	if err != nil {
		return nil, err
	}
	args := map[string]string{"a": a.Abb, "b": b.Abb}
	src := provenance(TradeTable, "flow1 = imports of ccode1 from ccode2; flow2 = imports of ccode2 from ccode1 (millions of current USD)")
	imp := newSeries("imports", "series.imports", fmt.Sprintf("%s's imports from %s", a.Abb, b.Abb), "USD m", ys, src, args)
	exp := newSeries("exports", "series.exports", fmt.Sprintf("%s's exports to %s", a.Abb, b.Abb), "USD m", ys, src, args)
	bal := newSeries("balance", "series.balance", fmt.Sprintf("%s's trade balance with %s", a.Abb, b.Abb), "USD m", ys, src, args)
	rows, err := st.DB().QueryContext(ctx, `SELECT ccode1, year, flow1, flow2 FROM `+TradeTable+`
		WHERE ((ccode1 = ? AND ccode2 = ?) OR (ccode1 = ? AND ccode2 = ?)) AND year BETWEEN ? AND ?`,
		int(a.CCode), int(b.CCode), int(b.CCode), int(a.CCode), span.From, span.To)
	if err != nil {
		return nil, queryErr(TradeTable, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c1, y int
		var f1, f2 sql.NullFloat64
		if err := rows.Scan(&c1, &y, &f1, &f2); err != nil {
			return nil, queryErr(TradeTable, err)
		}
		in, out := flow(f1), flow(f2)
		if bloc.CCode(c1) != a.CCode {
			in, out = out, in
		}
		k := y - span.From
		imp.Values[k], exp.Values[k] = in, out
		if in.OK && out.OK {
			bal.Values[k] = bloc.Some(out.V - in.V)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, queryErr(TradeTable, err)
	}
	return []Series{exp, imp, bal}, nil
}

// flow reads a COW trade flow: negative values are COW's missing codes.
func flow(v sql.NullFloat64) bloc.Num {
	if !v.Valid || v.Float64 < 0 {
		return bloc.Missing
	}
	return bloc.Some(v.Float64)
}

// Capabilities returns, for each state, its CINC score (column "cinc") or
// military expenditure ("milex", thousands of current USD) over span, from
// COW NMC v7. Years without a row are missing.
func Capabilities(ctx context.Context, st DB, states []bloc.State, column string, span bloc.Period) ([]Series, error) {
	var unit, formula string
	switch column {
	case "cinc":
		unit, formula = "share of the system", "CINC: mean of the state's shares of the system's milex, milper, irst, pec, tpop, upop"
	case "milex":
		unit, formula = "USD k", "military expenditure (thousands of current USD; £ before 1914)"
	default:
		return nil, bloc.Errorf(bloc.EINVALID, "series: unknown capability column %q", column)
	}
	ys, err := years(span)
	if err != nil {
		return nil, err
	}
	if len(states) == 0 {
		return []Series{}, nil
	}
	src := provenance(NMCTable, formula)
	idx := map[bloc.CCode]int{}
	out := make([]Series, len(states))
	codes := make([]string, len(states))
	for k, s := range states {
		idx[s.CCode] = k
		out[k] = newSeries(column+"_"+s.Abb, "series."+column, s.Abb, unit, ys, src, map[string]string{"s": s.Abb})
		codes[k] = fmt.Sprint(int(s.CCode))
	}
	rows, err := st.DB().QueryContext(ctx, `SELECT ccode, year, `+column+` FROM `+NMCTable+`
		WHERE ccode IN (`+strings.Join(codes, ",")+`) AND year BETWEEN ? AND ?`, span.From, span.To)
	if err != nil {
		return nil, queryErr(NMCTable, err)
	}
	defer rows.Close()
	for rows.Next() {
		var c, y int
		var v sql.NullFloat64
		if err := rows.Scan(&c, &y, &v); err != nil {
			return nil, queryErr(NMCTable, err)
		}
		if v.Valid && v.Float64 >= 0 {
			out[idx[bloc.CCode(c)]].Values[y-span.From] = bloc.Some(v.Float64)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, queryErr(NMCTable, err)
	}
	return out, nil
}

// Events returns the ICEWS event counts from one state to another by quad
// class over span: verbal cooperation, material cooperation, verbal conflict
// and material conflict — the speech acts and practical actions of the seed
// paper. Inside ICEWS's years a dyad without a row had no events (0) when
// both states appear in ICEWS at all; otherwise the counts are missing.
func Events(ctx context.Context, st DB, from, to bloc.State, span bloc.Period) ([]Series, error) {
	ys, err := years(span)
	if err != nil {
		return nil, err
	}
	cov := coverage(EventsTable)
	src := provenance(EventsTable, "events from i to j in the year, by CAMEO quad class")
	args := map[string]string{"a": from.Abb, "b": to.Abb}
	quads := []struct{ col, id string }{{"verbCoop", "verbal_coop"}, {"matlCoop", "material_coop"}, {"verbConf", "verbal_conflict"}, {"matlConf", "material_conflict"}}
	out := make([]Series, len(quads))
	for k, q := range quads {
		out[k] = newSeries(q.id, "series."+q.id, q.id, "events", ys, src, args)
		out[k].Name = map[string]string{"verbal_coop": "verbal cooperation", "material_coop": "material cooperation", "verbal_conflict": "verbal conflict", "material_conflict": "material conflict"}[q.id]
	}
	known := from.ISO3 != "" && to.ISO3 != ""
	if known {
		var n int
		err := st.DB().QueryRowContext(ctx, `SELECT count(DISTINCT i_iso3c) FROM `+EventsTable+` WHERE i_iso3c IN (?, ?)`, from.ISO3, to.ISO3).Scan(&n)
		if err != nil {
			return nil, queryErr(EventsTable, err)
		}
		known = n == 2 || (n == 1 && from.ISO3 == to.ISO3)
	}
	if !known {
		return out, nil
	}
	for k, y := range ys {
		if cov.Contains(y) {
			for q := range out {
				out[q].Values[k] = bloc.Some(0)
			}
		}
	}
	rows, err := st.DB().QueryContext(ctx, `SELECT year, verbCoop, matlCoop, verbConf, matlConf FROM `+EventsTable+`
		WHERE i_iso3c = ? AND j_iso3c = ? AND year BETWEEN ? AND ?`, from.ISO3, to.ISO3, span.From, span.To)
	if err != nil {
		return nil, queryErr(EventsTable, err)
	}
	defer rows.Close()
	for rows.Next() {
		var y int
		var v [4]sql.NullInt64
		if err := rows.Scan(&y, &v[0], &v[1], &v[2], &v[3]); err != nil {
			return nil, queryErr(EventsTable, err)
		}
		for q := range out {
			if v[q].Valid {
				out[q].Values[y-span.From] = bloc.Some(float64(v[q].Int64))
			} else {
				out[q].Values[y-span.From] = bloc.Missing
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, queryErr(EventsTable, err)
	}
	return out, nil
}

// sanction is a GSDB case with its targets resolved.
type sanction struct {
	targets  []bloc.CCode
	from, to int
}

// gsdb reads the GSDB cases and resolves their targets.
func gsdb(ctx context.Context, st DB, reg Resolver) ([]sanction, error) {
	rows, err := st.DB().QueryContext(ctx, `SELECT sanctioned_state, "begin", "end" FROM `+GSDBTable+` WHERE "begin" IS NOT NULL AND "end" IS NOT NULL`)
	if err != nil {
		return nil, queryErr(GSDBTable, err)
	}
	defer rows.Close()
	resolved := map[string]bloc.CCode{}
	var out []sanction
	for rows.Next() {
		var target sql.NullString
		var from, to int
		if err := rows.Scan(&target, &from, &to); err != nil {
			return nil, queryErr(GSDBTable, err)
		}
		s := sanction{from: from, to: to}
		for _, n := range world.SplitGSDBNames(target.String) {
			c, ok := resolved[n]
			if !ok {
				if st, err := reg.Resolve(n); err == nil {
					c = st.CCode
				}
				resolved[n] = c
			}
			if c != 0 {
				s.targets = append(s.targets, c)
			}
		}
		if len(s.targets) > 0 {
			out = append(out, s)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, queryErr(GSDBTable, err)
	}
	return out, nil
}

// Sanctions returns, for each state, the number of GSDB sanctions cases in
// force against it in each year of span (cases whose begin ≤ year ≤ end;
// GSDB codes ongoing cases as ending in its last year).
func Sanctions(ctx context.Context, st DB, reg Resolver, states []bloc.State, span bloc.Period) ([]Series, error) {
	ys, err := years(span)
	if err != nil {
		return nil, err
	}
	cases, err := gsdb(ctx, st, reg)
	if err != nil {
		return nil, err
	}
	cov := coverage(GSDBTable)
	src := provenance(GSDBTable, "sanctions cases in force against the state in the year")
	out := make([]Series, len(states))
	for k, s := range states {
		out[k] = newSeries("sanctions_"+s.Abb, "series.sanctions", s.Abb, "cases", ys, src, map[string]string{"s": s.Abb})
		for i, y := range ys {
			if !cov.Contains(y) {
				continue
			}
			n := 0
			for _, c := range cases {
				if c.from <= y && y <= c.to && hasCode(c.targets, s.CCode) {
					n++
				}
			}
			out[k].Values[i] = bloc.Some(float64(n))
		}
	}
	return out, nil
}

func hasCode(cs []bloc.CCode, c bloc.CCode) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// MostSanctioned ranks the states by the GSDB sanctions cases in force
// against them in year (the seed paper's Figure 2), the first n (default
// 10) and any of also that rank lower. The year must be in GSDB's years.
func MostSanctioned(ctx context.Context, st DB, reg Resolver, states func(bloc.CCode) (bloc.State, bool), year, n int, also ...bloc.CCode) ([]Ranked, error) {
	if cov := coverage(GSDBTable); !cov.Contains(year) {
		return nil, bloc.Errorf(bloc.ENODATA, "GSDB covers %v, not %d", cov, year)
	}
	if n <= 0 {
		n = defaultTopRank
	}
	cases, err := gsdb(ctx, st, reg)
	if err != nil {
		return nil, err
	}
	count := map[bloc.CCode]int{}
	for _, c := range cases {
		if c.from <= year && year <= c.to {
			seen := map[bloc.CCode]bool{}
			for _, t := range c.targets {
				if !seen[t] {
					seen[t] = true
					count[t]++
				}
			}
		}
	}
	var all []Ranked
	for c, v := range count {
		s, ok := states(c)
		if !ok {
			s = bloc.State{CCode: c, Abb: fmt.Sprint(int(c))}
		}
		all = append(all, Ranked{State: s, Value: v})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Value != all[j].Value {
			return all[i].Value > all[j].Value
		}
		return all[i].State.CCode < all[j].State.CCode
	})
	var out []Ranked
	for k := range all {
		// Ties share the rank of the first of them.
		all[k].Rank = k + 1
		if k > 0 && all[k].Value == all[k-1].Value {
			all[k].Rank = all[k-1].Rank
		}
		if k < n || hasCode(also, all[k].State.CCode) {
			out = append(out, all[k])
		}
	}
	return out, nil
}

// vetoColumns maps the P5 to their columns in the UNSC veto data.
var vetoColumns = map[bloc.CCode][]string{2: {"USA"}, 200: {"UK"}, 220: {"France"}, 365: {"Russia", "USSR"}, 710: {"China"}}

// Vetoes returns, for each state that is a permanent member of the Security
// Council, the vetoes it cast in each year of span (UNSC vetoes 1946–2022);
// other states have no series.
func Vetoes(ctx context.Context, st DB, states []bloc.State, span bloc.Period) ([]Series, error) {
	ys, err := years(span)
	if err != nil {
		return nil, err
	}
	cov := coverage(VetoTable)
	src := provenance(VetoTable, "draft resolutions vetoed by the state in the year")
	out := []Series{}
	for _, s := range states {
		cols, ok := vetoColumns[s.CCode]
		if !ok {
			continue
		}
		se := newSeries("vetoes_"+s.Abb, "series.vetoes", s.Abb, "vetoes", ys, src, map[string]string{"s": s.Abb})
		for k, y := range ys {
			if cov.Contains(y) {
				se.Values[k] = bloc.Some(0)
			}
		}
		var cond []string
		for _, c := range cols {
			cond = append(cond, `"`+c+`" = 1`)
		}
		rows, err := st.DB().QueryContext(ctx, `SELECT year, count(*) FROM `+VetoTable+` WHERE (`+strings.Join(cond, " OR ")+`) AND year BETWEEN ? AND ? GROUP BY year`, span.From, span.To)
		if err != nil {
			return nil, queryErr(VetoTable, err)
		}
		for rows.Next() {
			var y, n int
			if err := rows.Scan(&y, &n); err != nil {
				rows.Close()
				return nil, queryErr(VetoTable, err)
			}
			se.Values[y-span.From] = bloc.Some(float64(n))
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, queryErr(VetoTable, err)
		}
		out = append(out, se)
	}
	return out, nil
}
