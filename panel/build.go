package panel

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// builder holds the state of one build.
type builder struct {
	ctx   context.Context
	store Store
	conn  *sql.Conn
	unit  Unit
	opt   Options
	p     *Panel
	covs  []*covariate
	joins []string
	seq   int

	// state-level values gathered into one table (_bloc_state) joined
	// once per state: source table → alias, and the value expressions.
	stateSrc  []string
	stateVals []string
	lookups   []lookupRef
	// index lists the merged lookup tables whose row numbers the ordered
	// universe _bloc_ui carries (see orderedUniverse).
	index []indexRef
}

type indexRef struct {
	table, alias, key string
	rows              int // at most this many rows (a capacity hint)
}

func (b *builder) directed() bool { return b.unit == DyadYear && !b.opt.NonDirected }

func (b *builder) has(name string) bool {
	return slices.ContainsFunc(b.covs, func(c *covariate) bool { return c.Name == name })
}

// exec runs a statement on the panel's connection.
func (b *builder) exec(q string, args ...any) error {
	start := time.Now()
	_, err := b.conn.ExecContext(b.ctx, q, args...)
	trace(start, q)
	if err != nil {
		return b.fail(err)
	}
	return nil
}

// traceLevel is $BLOC_PANEL_TRACE: 1 prints each statement of a build with
// its time to stderr, 2 prints the statements in full and the panel's query.
var traceLevel = os.Getenv("BLOC_PANEL_TRACE")

func trace(start time.Time, q string) {
	if traceLevel == "" {
		return
	}
	q = strings.Join(strings.Fields(q), " ")
	if traceLevel != "2" && len(q) > 100 {
		q = q[:100] + "…"
	}
	if start.IsZero() {
		fmt.Fprintf(os.Stderr, "%s;\n", q)
		return
	}
	fmt.Fprintf(os.Stderr, "%6.0fms %s;\n", time.Since(start).Seconds()*1000, q)
}

func (b *builder) fail(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var be *bloc.Error
	if errors.As(err, &be) {
		return err
	}
	return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "building the panel", Err: err}
}

// temp creates a temporary table from a query and records it for Close.
func (b *builder) temp(name, query string, args ...any) error {
	b.p.temps = append(b.p.temps, name)
	return b.exec("CREATE OR REPLACE TEMP TABLE "+name+" AS "+query, args...)
}

// alias returns a fresh table alias.
func (b *builder) alias(prefix string) string {
	b.seq++
	return fmt.Sprintf("%s%d", prefix, b.seq)
}

func (b *builder) join(clause string) { b.joins = append(b.joins, clause) }

func (b *builder) col(cov, name, typ, expr, desc string) {
	b.p.Columns = append(b.p.Columns, Column{Name: name, Type: typ, Covariate: cov, Description: desc, expr: expr})
}

func (b *builder) note(format string, args ...any) {
	b.p.Notes = append(b.p.Notes, fmt.Sprintf(format, args...))
}

func build(ctx context.Context, st Store, unit Unit, opt Options) (p *Panel, err error) {
	db := st.DB()
	if err := st.Require(ctx, systemDatasets...); err != nil {
		return nil, err
	}
	dataEnd, err := systemEnd(ctx, db)
	if err != nil {
		return nil, err
	}
	opt, covs, err := opt.normalize(unit, dataEnd)
	if err != nil {
		return nil, err
	}
	need := neededDatasets(opt, covs)
	if err := st.Require(ctx, need...); err != nil {
		return nil, err
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "opening a connection to the store", Err: err}
	}
	pn := &Panel{Unit: unit, Options: opt, conn: conn}
	defer func() {
		if err != nil {
			pn.Close()
		}
	}()
	p = pn
	for _, n := range need {
		ds, lerr := datasets.Lookup(n)
		if lerr != nil {
			return nil, lerr
		}
		p.datasets = append(p.datasets, ds)
	}
	b := &builder{ctx: ctx, store: st, conn: conn, unit: unit, opt: opt, p: p, covs: covs}
	if err := b.universe(dataEnd); err != nil {
		return nil, err
	}
	for _, c := range covs {
		p.Covariates = append(p.Covariates, c.Covariate.withDatasets(c.datasets(opt)))
		if err := c.add(b); err != nil {
			return nil, err
		}
	}
	if err := b.finish(); err != nil {
		return nil, b.fail(err)
	}
	return p, nil
}

// neededDatasets lists the datasets a panel reads, the state system first.
func neededDatasets(opt Options, covs []*covariate) []string {
	need := slices.Clone(systemDatasets)
	if opt.PRD {
		need = append(need, prdDatasets...)
	}
	for _, c := range covs {
		need = append(need, c.datasets(opt)...)
	}
	return dedupe(need)
}

func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// systemEnd returns the year of the system data's last date.
func systemEnd(ctx context.Context, db *sql.DB) (int, error) {
	var y sql.NullInt64
	if err := db.QueryRowContext(ctx, `SELECT year(max("end")) FROM isard_cw_system`).Scan(&y); err != nil {
		return 0, &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "reading isard_cw_system", Err: err}
	}
	if !y.Valid {
		return 0, &bloc.Error{Code: bloc.ENODATA, Op: "panel", Message: "isard_cw_system is empty",
			Hints: []string{"re-import the data: `bloc data import --force DIR`"}}
	}
	return int(y.Int64), nil
}

// Key expressions over the universe u. Dyad-year lookup tables carry a
// BIGINT key k = (ccode1·1000 + ccode2)·10000 + year (COW codes are below
// 1000), state-year tables an INTEGER key k = ccode·10000 + year, so that
// every join is on one integer.
const (
	keyDirected    = "(CAST(u.ccode1 AS BIGINT) * 1000 + u.ccode2) * 10000 + u.year"
	keyReversed    = "(CAST(u.ccode2 AS BIGINT) * 1000 + u.ccode1) * 10000 + u.year"
	keyNondirected = "(CAST(least(u.ccode1, u.ccode2) AS BIGINT) * 1000 + greatest(u.ccode1, u.ccode2)) * 10000 + u.year"
	keyState1      = "u.ccode1 * 10000 + u.year"
	keyState2      = "u.ccode2 * 10000 + u.year"
	keyState       = "u.ccode * 10000 + u.year"
)

// dyadKey is the key of a dyad-year table with columns ccode1, ccode2, year.
func dyadKey(prefix string) string {
	return fmt.Sprintf("(CAST(%[1]sccode1 AS BIGINT) * 1000 + %[1]sccode2) * 10000 + %[1]syear", prefix)
}

// keyed creates a temporary lookup table from a query that yields a key
// column k, and checks that k is unique (a duplicate would repeat panel
// rows).
func (b *builder) keyed(name, query string) error {
	// The last four digits of every key are the year: keep the panel's.
	query = fmt.Sprintf("SELECT * FROM (%s) WHERE k %% 10000 BETWEEN %d AND %d", query, b.opt.From, b.opt.To)
	if err := b.temp(name, query); err != nil {
		return err
	}
	var dup int64
	if err := b.conn.QueryRowContext(b.ctx, "SELECT count(*) - count(DISTINCT k) FROM "+name).Scan(&dup); err != nil {
		return b.fail(err)
	}
	if dup != 0 {
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: fmt.Sprintf("%s has %d duplicate keys; joining it would repeat panel rows", name, dup)}
	}
	return nil
}

// lookup registers a keyed table to be joined on one of the key
// expressions and returns the alias its columns are referred to by
// ("tN.col" in column expressions). The lookups that share a key are merged
// into one table before the panel's query is made (see mergeLookups), so
// that the panel needs one join per key, not one per table.
func (b *builder) lookup(table, key string) string {
	a := b.alias("t")
	b.lookups = append(b.lookups, lookupRef{alias: a, table: table, key: key})
	return a
}

type lookupRef struct{ alias, table, key string }

// mergeMaxRows bounds the rows of the lookup tables merged into one: past
// it, a FULL JOIN of the tables costs about what it saves, and a table is
// joined on its own.
const mergeMaxRows = 400000

var aliasRef = regexp.MustCompile(`\b(t[0-9]+)\.(?:"([^"]+)"|([A-Za-z_][A-Za-z_0-9]*))`)

// mergeLookups builds, for each key expression, one table with the key and
// every column of the lookups on that key (FULL JOIN on k; column c of the
// lookup aliased tN becomes "tN_c"), joins it once, and rewrites the column
// expressions to refer to it.
func (b *builder) mergeLookups() error {
	var keys []string
	byKey := map[string][]lookupRef{}
	for _, l := range b.lookups {
		if _, ok := byKey[l.key]; !ok {
			keys = append(keys, l.key)
		}
		byKey[l.key] = append(byKey[l.key], l)
	}
	// The columns each lookup's alias is used for.
	used := map[string][]string{}
	for _, c := range b.p.Columns {
		for _, sm := range aliasRef.FindAllStringSubmatch(c.expr, -1) {
			if col := sm[2] + sm[3]; !slices.Contains(used[sm[1]], col) {
				used[sm[1]] = append(used[sm[1]], col)
			}
		}
	}
	rename := map[string]string{} // alias → merged table alias
	var groups [][]lookupRef
	var groupKeys []string
	var groupRows []int
	for _, key := range keys {
		// Large tables (fpsim, UN votes, IGOs, trade) are joined alone:
		// merging them would cost about what it saves.
		var small []lookupRef
		var total int64
		for _, l := range byKey[key] {
			var n int64
			if err := b.conn.QueryRowContext(b.ctx, "SELECT count(*) FROM "+l.table).Scan(&n); err != nil {
				return b.fail(err)
			}
			if total+n > mergeMaxRows {
				groups, groupKeys, groupRows = append(groups, []lookupRef{l}), append(groupKeys, key), append(groupRows, int(n))
			} else {
				small = append(small, l)
				total += n
			}
		}
		if len(small) > 0 {
			groups, groupKeys, groupRows = append(groups, small), append(groupKeys, key), append(groupRows, int(total))
		}
	}
	for i, ls := range groups {
		key := groupKeys[i]
		m := fmt.Sprintf("m%d", i)
		name := "_bloc_" + m
		var sel []string
		var from string
		for j, l := range ls {
			for _, c := range used[l.alias] {
				sel = append(sel, fmt.Sprintf("%s.%s AS %s", l.alias, quote(c), quote(l.alias+"_"+c)))
			}
			if j == 0 {
				from = l.table + " AS " + l.alias
			} else {
				from += " FULL JOIN " + l.table + " AS " + l.alias + " USING (k)"
			}
		}
		q := "SELECT " + strings.Join(append([]string{"k"}, sel...), ", ") + " FROM " + from
		for _, l := range ls {
			rename[l.alias] = m
		}
		if err := b.keyed(name, q); err != nil {
			return err
		}
		if err := b.numbered(name); err != nil {
			return err
		}
		b.index = append(b.index, indexRef{table: name, alias: m, key: key, rows: groupRows[i]})
		b.join(fmt.Sprintf("JOIN %s AS %s ON %s.r = u.r_%s", name, m, m, m))
	}
	for i := range b.p.Columns {
		b.p.Columns[i].expr = aliasRef.ReplaceAllStringFunc(b.p.Columns[i].expr, func(ref string) string {
			sm := aliasRef.FindStringSubmatch(ref)
			m, ok := rename[sm[1]]
			if !ok {
				return ref
			}
			col := sm[2] + sm[3]
			return m + "." + quote(sm[1]+"_"+col)
		})
	}
	return nil
}

// stateValue registers a value of a state-year source table (keyed by
// ccode and year; expr refers to it as "src.") and returns the name of the
// column holding it in _bloc_state. In a dyad-year panel the value of state
// 1 is st1.NAME and of state 2 st2.NAME; in a state-year panel st1.NAME.
func (b *builder) stateValue(table, expr string) string {
	idx := -1
	for i, t := range b.stateSrc {
		if t == table {
			idx = i
		}
	}
	if idx < 0 {
		idx = len(b.stateSrc)
		b.stateSrc = append(b.stateSrc, table)
	}
	value := strings.ReplaceAll(expr, "src.", fmt.Sprintf("src%d.", idx))
	for i, v := range b.stateVals {
		if v == value {
			return fmt.Sprintf("v%d", i)
		}
	}
	b.stateVals = append(b.stateVals, value)
	return fmt.Sprintf("v%d", len(b.stateVals)-1)
}

// stateTable creates _bloc_state, one row per state-year of the system with
// every registered state-level value, and joins it for each state.
func (b *builder) stateTable() error {
	if len(b.stateVals) == 0 {
		return nil
	}
	vals := make([]string, len(b.stateVals))
	for i, v := range b.stateVals {
		vals[i] = fmt.Sprintf("%s AS v%d", v, i)
	}
	q := "SELECT s.ccode * 10000 + s.year AS k, " + strings.Join(vals, ", ") + " FROM _bloc_sys AS s"
	for i, t := range b.stateSrc {
		q += fmt.Sprintf(" LEFT JOIN %s AS src%d ON src%d.ccode = s.ccode AND src%d.year = s.year", t, i, i, i)
	}
	if err := b.keyed("_bloc_state", q); err != nil {
		return err
	}
	// Every state-year of the universe is in _bloc_state (both come from
	// _bloc_sys), so an inner join keeps every row, once.
	if b.unit == StateYear {
		b.joins = append([]string{"JOIN _bloc_state AS st1 ON st1.k = " + keyState}, b.joins...)
		return nil
	}
	b.joins = append([]string{
		"JOIN _bloc_state AS st1 ON st1.k = " + keyState1,
		"JOIN _bloc_state AS st2 ON st2.k = " + keyState2}, b.joins...)
	return nil
}

// numbered gives the rows of a lookup table a number r (1, 2, ...) and adds
// a row r = 0 whose values are all missing, which the universe's rows
// without a match refer to.
func (b *builder) numbered(name string) error {
	if err := b.exec("CREATE OR REPLACE TEMP TABLE " + name + " AS SELECT CAST(row_number() OVER () AS INTEGER) AS r, * FROM " + name); err != nil {
		return err
	}
	return b.exec("INSERT INTO " + name + " (r) VALUES (0)")
}

// orderedUniverse creates _bloc_ui: the universe in key order with, for
// each merged lookup table, the number of its row that matches (0 for
// none). The panel's query joins every table on a key that each row of
// _bloc_ui matches exactly once (the state table on the state-year, the
// lookups on r): an inner hash join keeps the order of its probe side
// within each chunk, where a LEFT JOIN moves the rows without a match to
// the end of their chunk. With COPY's PRESERVE_ORDER the chunks keep their
// order too, so a file needs no ORDER BY — the sort of the wide rows that
// cost half of the Parquet write. The order is a property of DuckDB's
// execution, not of SQL: WriteFile checks it and sorts when it fails.
//
// The table serves only the panel's rows, so it is made when they are
// first read or written (Panel.ready), not when the panel is built.
func (b *builder) orderedUniverse(order string) string {
	sel := []string{"u.*"}
	var joins []string
	for _, ix := range b.index {
		sel = append(sel, fmt.Sprintf("coalesce(%s.r, 0) AS r_%s", ix.alias, ix.alias))
		joins = append(joins, fmt.Sprintf("LEFT JOIN %s AS %s ON %s.k = %s AND %s.r > 0", ix.table, ix.alias, ix.alias, ix.key, ix.alias))
	}
	b.p.temps = append(b.p.temps, "_bloc_ui")
	return "CREATE OR REPLACE TEMP TABLE _bloc_ui AS SELECT " + strings.Join(sel, ", ") + " FROM _bloc_u AS u " + strings.Join(joins, " ") + " ORDER BY " + order
}

// ready makes the ordered universe the panel's query reads, once.
func (p *Panel) ready(ctx context.Context) error {
	if p.prepare == "" {
		return nil
	}
	start := time.Now()
	_, err := p.conn.ExecContext(ctx, p.prepare)
	trace(start, p.prepare)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "ordering the panel's universe", Err: err}
	}
	p.prepare = ""
	return nil
}

// finish prepares the panel's query: the column expressions over the
// universe and the lookup tables, in key order. The query runs when the
// panel is written or read, so the wide rows are never held in memory.
func (b *builder) finish() error {
	if err := b.stateTable(); err != nil {
		return err
	}
	if err := b.mergeLookups(); err != nil {
		return err
	}
	exprs := make([]string, len(b.p.Columns))
	for i, c := range b.p.Columns {
		exprs[i] = fmt.Sprintf("CAST(%s AS %s) AS %s", c.expr, c.Type, quote(c.Name))
	}
	order := "u.ccode1, u.ccode2, u.year"
	if b.unit == StateYear {
		order = "u.ccode, u.year"
	}
	b.p.prepare = b.orderedUniverse(order)
	b.p.index, b.p.hasState = b.index, len(b.stateVals) > 0
	b.p.query = "SELECT " + strings.Join(exprs, ", ") + " FROM _bloc_ui AS u " + strings.Join(b.joins, " ")
	b.p.order = " ORDER BY " + order
	if traceLevel == "2" {
		trace(time.Time{}, b.p.sql())
	}
	return b.conn.QueryRowContext(b.ctx, "SELECT count(*) FROM _bloc_u").Scan(&b.p.rows)
}

// sql is the panel's query, rows in key order.
func (p *Panel) sql() string { return p.query + p.order }

func quote(name string) string { return `"` + strings.ReplaceAll(name, `"`, `""`) + `"` }
