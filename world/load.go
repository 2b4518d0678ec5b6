package world

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// Registry is what Load needs of the country registry: membership, major
// powers, and the crosswalk from ISO codes and names to COW codes.
// *registry.Registry implements it.
type Registry interface {
	All() []bloc.State
	MemberIn(c bloc.CCode, year int) bool
	IsMajor(c bloc.CCode, year int) bool
	ByISO3(iso string) (bloc.State, bool)
	Resolve(name string) (bloc.State, error)
}

// Options say what Load reads.
type Options struct {
	// Years are the years of the analysis.
	Years bloc.Period
	// History is how many years before Years.From disputes (and state-year
	// attributes) are read, for indicators of past hostility. Default 10.
	History int
	// Lookback is how many years before Years.From slow-moving attributes
	// (religion, observed every five years) are read. Default 15.
	Lookback int
	// Focus, when not empty, restricts the large dyadic tables (trade,
	// minimum distance, IGOs, ICEWS events, CEPII) to dyads involving these
	// states. Small tables are always read whole. Empty reads everything.
	Focus []bloc.CCode
}

// Timing is how long each query of Load took.
type Timing struct {
	Query string
	Rows  int
	Took  time.Duration
}

// Load reads a World from the store's tables through db. Every table it
// reads must have been imported; a missing table is reported as ENODATA with
// the table's name. The World's span is Years; disputes are read from
// History years before it and religion from Lookback years before it.
func Load(ctx context.Context, db *sql.DB, reg Registry, opt Options) (*World, []Timing, error) {
	if opt.History == 0 {
		opt.History = 10
	}
	if opt.Lookback == 0 {
		opt.Lookback = 15
	}
	if opt.Years.From == 0 || opt.Years.To < opt.Years.From {
		return nil, nil, bloc.Errorf(bloc.EINVALID, "world.Load: bad period %v", opt.Years)
	}
	span := opt.Years
	w := New(span)
	for s := range w.cover {
		w.cover[s] = Coverage{}
	}
	l := &loader{db: db, reg: reg, span: span, opt: opt, w: w, iso: map[string]bloc.CCode{}}
	if len(opt.Focus) > 0 {
		l.focus = map[bloc.CCode]bool{}
		for _, c := range opt.Focus {
			l.focus[c] = true
		}
	}
	for _, s := range reg.All() {
		w.AddState(State{State: s})
		if s.ISO3 != "" {
			l.iso[s.ISO3] = s.CCode
		}
		for y := span.From; y <= span.To; y++ {
			if reg.MemberIn(s.CCode, y) {
				w.EditStateYear(s.CCode, y, func(sy *StateYear) { sy.Member, sy.Major = true, reg.IsMajor(s.CCode, y) })
			}
		}
	}
	w.cover[Majors] = Coverage{Years: span}
	jobs := []struct {
		name string
		fn   func(context.Context) (func(), int, error)
	}{
		{"nmc", l.nmc}, {"gdp", l.gdp}, {"trade_totals", l.tradeTotals}, {"democracy", l.democracy},
		{"ideal", l.ideal}, {"religion", l.religion}, {"capitals", l.capitals}, {"contiguity", l.contiguity},
		{"mindist", l.mindist}, {"cepii", l.cepii}, {"atop", l.atop}, {"trade", l.trade}, {"events", l.events},
		{"arms", l.arms}, {"igo", l.igo}, {"disputes", l.disputes}, {"rivalries", l.rivalries},
		{"ties", l.ties}, {"gsdb", l.gsdb}, {"vetoes", l.vetoes},
	}
	type result struct {
		apply func()
		rows  int
		took  time.Duration
		err   error
	}
	res := make([]result, len(jobs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, 4)
	for i, j := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			t0 := time.Now()
			apply, n, err := j.fn(ctx)
			res[i] = result{apply, n, time.Since(t0), err}
		}()
	}
	wg.Wait()
	timings := make([]Timing, len(jobs))
	for i, r := range res {
		if r.err != nil {
			return nil, nil, r.err
		}
		r.apply()
		timings[i] = Timing{jobs[i].name, r.rows, r.took}
	}
	return w, timings, nil
}

type loader struct {
	db    *sql.DB
	reg   Registry
	span  bloc.Period
	opt   Options
	w     *World
	focus map[bloc.CCode]bool
	iso   map[string]bloc.CCode
}

// cov returns the coverage of a source over the loaded span: the dataset's
// years clipped to the span (the span itself for time-invariant data).
func (l *loader) cov(s Source, span bloc.Period, focused bool) Coverage {
	ds := datasets.MustLookup(string(s))
	c := Coverage{Years: span}
	if !ds.TimeInvariant() {
		c.Years = bloc.Period{From: max(span.From, ds.Years[0]), To: min(span.To, ds.Years[1])}
		if c.Years.From > c.Years.To {
			return Coverage{}
		}
	}
	if focused && l.focus != nil {
		c.Focus = l.focus
	}
	return c
}

func (l *loader) focusSQL(a, b string) string {
	if l.focus == nil {
		return "TRUE"
	}
	var codes []string
	for c := range l.focus {
		codes = append(codes, strconv.Itoa(int(c)))
	}
	list := strings.Join(codes, ",")
	return fmt.Sprintf("(%s IN (%s) OR %s IN (%s))", a, list, b, list)
}

func (l *loader) focusISO(a, b string) string {
	if l.focus == nil {
		return "TRUE"
	}
	var codes []string
	for iso, c := range l.iso {
		if l.focus[c] && isUpperAlpha(iso) {
			codes = append(codes, "'"+iso+"'")
		}
	}
	if len(codes) == 0 {
		return "FALSE"
	}
	list := strings.Join(codes, ",")
	return fmt.Sprintf("(%s IN (%s) OR %s IN (%s))", a, list, b, list)
}

func isUpperAlpha(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}

// query runs q and calls scan for each row with dest filled.
func (l *loader) query(ctx context.Context, src Source, q string, dest []any, row func()) (int, error) {
	rows, err := l.db.QueryContext(ctx, q)
	if err != nil {
		if strings.Contains(err.Error(), "does not exist") {
			ds := datasets.MustLookup(string(src))
			return 0, &bloc.Error{Code: bloc.ENODATA, Op: "world.Load", Message: fmt.Sprintf("the store lacks %s", src),
				Hints: []string{fmt.Sprintf("`bloc data import DIR` with a data directory that holds %s brings it", ds.File)}}
		}
		return 0, &bloc.Error{Code: bloc.EINTERNAL, Op: "world.Load", Message: "reading " + string(src), Err: err}
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return n, &bloc.Error{Code: bloc.EINTERNAL, Op: "world.Load", Message: "reading " + string(src), Err: err}
		}
		row()
		n++
	}
	if err := rows.Err(); err != nil {
		return n, &bloc.Error{Code: bloc.EINTERNAL, Op: "world.Load", Message: "reading " + string(src), Err: err}
	}
	return n, nil
}

func num(n sql.NullFloat64) bloc.Num {
	if !n.Valid {
		return bloc.Missing
	}
	return bloc.Some(n.Float64)
}

func tbl(s Source) string { return `"` + string(s) + `"` }

func (l *loader) years() string {
	return fmt.Sprintf("year BETWEEN %d AND %d", l.span.From, l.span.To)
}

func (l *loader) nmc(ctx context.Context) (func(), int, error) {
	type rec struct {
		c  bloc.CCode
		y  int
		vs [7]bloc.Num
	}
	var out []rec
	var c, y int64
	var v [7]sql.NullFloat64
	n, err := l.query(ctx, NMC, `SELECT ccode, year, milex, milper, irst, pec, tpop, upop, cinc FROM `+tbl(NMC)+` WHERE `+l.years(),
		[]any{&c, &y, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6]}, func() {
			r := rec{c: bloc.CCode(c), y: int(y)}
			for i := range v {
				r.vs[i] = num(v[i])
			}
			out = append(out, r)
		})
	return func() {
		for _, r := range out {
			l.w.EditStateYear(r.c, r.y, func(s *StateYear) {
				s.Milex, s.Milper, s.Irst, s.Pec, s.Tpop, s.Upop, s.CINC = r.vs[0], r.vs[1], r.vs[2], r.vs[3], r.vs[4], r.vs[5], r.vs[6]
			})
		}
		l.w.cover[NMC] = l.cov(NMC, l.span, false)
	}, n, err
}

// stateYear reads two numeric columns of a state-year table.
func (l *loader) stateYear(ctx context.Context, src Source, cols string, set func(s *StateYear, a, b bloc.Num)) (func(), int, error) {
	type rec struct {
		c    bloc.CCode
		y    int
		a, b bloc.Num
	}
	var out []rec
	var c, y int64
	var a, b sql.NullFloat64
	n, err := l.query(ctx, src, `SELECT ccode, year, `+cols+` FROM `+tbl(src)+` WHERE ccode IS NOT NULL AND `+l.years(),
		[]any{&c, &y, &a, &b}, func() { out = append(out, rec{bloc.CCode(c), int(y), num(a), num(b)}) })
	return func() {
		for _, r := range out {
			l.w.EditStateYear(r.c, r.y, func(s *StateYear) { set(s, r.a, r.b) })
		}
		l.w.cover[src] = l.cov(src, l.span, false)
	}, n, err
}

func (l *loader) gdp(ctx context.Context) (func(), int, error) {
	return l.stateYear(ctx, GDP, "pwtrgdp, mrgdppc", func(s *StateYear, a, b bloc.Num) { s.GDP, s.GDPpc = a, b })
}

func (l *loader) tradeTotals(ctx context.Context) (func(), int, error) {
	return l.stateYear(ctx, TradeTotal, "imports, exports", func(s *StateYear, a, b bloc.Num) { s.Imports, s.Exports = a, b })
}

func (l *loader) democracy(ctx context.Context) (func(), int, error) {
	return l.stateYear(ctx, Democracy, "polity2, v2x_polyarchy", func(s *StateYear, a, b bloc.Num) { s.Polity2, s.Polyarchy = a, b })
}

func (l *loader) ideal(ctx context.Context) (func(), int, error) {
	return l.stateYear(ctx, Ideal, `"IdealPointAll", CAST("NVotesAll" AS DOUBLE)`, func(s *StateYear, a, _ bloc.Num) { s.Ideal = a })
}

// wrpFamilies maps WRP columns to the families of Religions. Other
// Christians and other Muslims are the residuals of the totals, since early
// waves give some states' Muslims or Christians only as a total.
var wrpFamilies = [][]string{
	{"chrstprot"}, {"chrstcat"}, {"chrstorth"}, {"chrstang"}, {"total_christians", "-chrstprot", "-chrstcat", "-chrstorth", "-chrstang"},
	{"total_jews"}, {"islmsun"}, {"islmshi"}, {"total_muslims", "-islmsun", "-islmshi"},
	{"total_buddhists"}, {"total_hindus"}, {"total_sikhs"}, {"total_shinto"}, {"total_taoists"}, {"total_confucists"},
	{"total_syncretics"}, {"total_animists"}, {"total_zoroastrains_parsis"}, {"total_bahai"}, {"total_jains"},
	{"nonrelig"}, {"othrrelig"},
}

func (l *loader) religion(ctx context.Context) (func(), int, error) {
	var cols []string
	for _, f := range wrpFamilies {
		expr := ""
		for i, c := range f {
			op := " + "
			if strings.HasPrefix(c, "-") {
				op, c = " - ", c[1:]
			}
			if i == 0 {
				op = ""
			}
			expr += op + "COALESCE(" + c + ", 0)"
		}
		cols = append(cols, "GREATEST(CAST("+expr+" AS DOUBLE), 0)")
	}
	span := bloc.Period{From: l.opt.Years.From - l.opt.Lookback, To: l.span.To}
	type rec struct {
		c bloc.CCode
		y int
		r ReligionShares
	}
	var out []rec
	var c, y int64
	var pop sql.NullFloat64
	var vals [22]float64
	dest := []any{&c, &y, &pop}
	for i := range vals {
		dest = append(dest, &vals[i])
	}
	q := fmt.Sprintf(`SELECT ccode, year, CAST(pop AS DOUBLE), %s FROM %s WHERE year BETWEEN %d AND %d`, strings.Join(cols, ", "), tbl(Religion), span.From, span.To)
	n, err := l.query(ctx, Religion, q, dest, func() {
		if !pop.Valid || pop.Float64 <= 0 {
			return
		}
		var r ReligionShares
		for i, v := range vals {
			r[i] = v / pop.Float64
		}
		out = append(out, rec{bloc.CCode(c), int(y), r})
	})
	return func() {
		for _, r := range out {
			rs := r.r
			l.w.EditStateYear(r.c, r.y, func(s *StateYear) { s.Religion = &rs })
		}
		l.w.cover[Religion] = l.cov(Religion, span, false)
	}, n, err
}

func (l *loader) capitals(ctx context.Context) (func(), int, error) {
	type rec struct {
		c   bloc.CCode
		cap Capital
	}
	var out []rec
	var c int64
	var name sql.NullString
	var st, en sql.NullTime
	var lat, lng sql.NullFloat64
	n, err := l.query(ctx, Capitals, `SELECT ccode, capital, stdate, enddate, lat, lng FROM `+tbl(Capitals)+` ORDER BY ccode, stdate`, []any{&c, &name, &st, &en, &lat, &lng}, func() {
		if !lat.Valid || !lng.Valid || !st.Valid {
			return
		}
		to := 9999
		if en.Valid {
			to = en.Time.Year()
		}
		out = append(out, rec{bloc.CCode(c), Capital{Name: name.String, From: st.Time.Year(), To: to, Lat: lat.Float64, Lng: lng.Float64}})
	})
	return func() {
		for _, r := range out {
			s, ok := l.w.states[r.c]
			if !ok {
				continue
			}
			s.Capitals = append(s.Capitals, r.cap)
		}
		l.w.cover[Capitals] = l.cov(Capitals, l.span, false)
	}, n, err
}

func (l *loader) contiguity(ctx context.Context) (func(), int, error) {
	type rec struct {
		a, b     bloc.CCode
		t        int
		from, to int
	}
	var out []rec
	var a, b, t int64
	var st, en sql.NullTime
	n, err := l.query(ctx, Contiguity, `SELECT ccode1, ccode2, conttype, stdate, enddate FROM `+tbl(Contiguity)+` ORDER BY ccode1, ccode2, stdate`, []any{&a, &b, &t, &st, &en}, func() {
		if t < 1 || t > 5 || !st.Valid || !en.Valid {
			return
		}
		out = append(out, rec{bloc.CCode(a), bloc.CCode(b), int(t), st.Time.Year(), en.Time.Year()})
	})
	return func() {
		cv := l.cov(Contiguity, l.span, false)
		for _, r := range out {
			for y := max(r.from, cv.Years.From); y <= min(r.to, cv.Years.To); y++ {
				l.w.EditDyad(r.a, r.b, y, func(d *DyadYear) {
					if d.Contig == 0 || r.t < d.Contig {
						d.Contig = r.t
					}
				})
			}
		}
		l.w.cover[Contiguity] = cv
	}, n, err
}

func (l *loader) mindist(ctx context.Context) (func(), int, error) {
	type rec struct {
		a, b bloc.CCode
		y    int
		d    float64
	}
	var out []rec
	var a, b, y int64
	var d sql.NullFloat64
	n, err := l.query(ctx, MinDist, `SELECT ccode1, ccode2, year, mindist FROM `+tbl(MinDist)+` WHERE `+l.years()+` AND `+l.focusSQL("ccode1", "ccode2"),
		[]any{&a, &b, &y, &d}, func() {
			if d.Valid {
				out = append(out, rec{bloc.CCode(a), bloc.CCode(b), int(y), d.Float64})
			}
		})
	return func() {
		for _, r := range out {
			l.w.EditSymmetric(r.a, r.b, r.y, func(x *DyadYear) { x.MinDist = bloc.Some(r.d) })
		}
		l.w.cover[MinDist] = l.cov(MinDist, l.span, true)
	}, n, err
}

func (l *loader) cepii(ctx context.Context) (func(), int, error) {
	type rec struct {
		a, b bloc.CCode
		s    Static
	}
	var out []rec
	var o, d sql.NullString
	var contig, lo, le, col, comcol, smctry sql.NullInt64
	var dist sql.NullFloat64
	n, err := l.query(ctx, CEPII, `SELECT iso_o, iso_d, contig, comlang_off, comlang_ethno, colony, comcol, smctry, distcap FROM `+tbl(CEPII)+` WHERE `+l.focusISO("iso_o", "iso_d"),
		[]any{&o, &d, &contig, &lo, &le, &col, &comcol, &smctry, &dist}, func() {
			a, ok1 := l.iso[o.String]
			b, ok2 := l.iso[d.String]
			if !ok1 || !ok2 || a == b {
				return
			}
			out = append(out, rec{a, b, Static{Contig: contig.Int64 == 1, ComLangOff: lo.Int64 == 1, ComLangEthno: le.Int64 == 1,
				Colony: col.Int64 == 1, ComCol: comcol.Int64 == 1, SameCountry: smctry.Int64 == 1, DistCap: dist.Float64}})
		})
	return func() {
		for _, r := range out {
			v := r.s
			l.w.static[Pair{r.a, r.b}] = &v
		}
		l.w.cover[CEPII] = l.cov(CEPII, l.span, true)
	}, n, err
}

func (l *loader) atop(ctx context.Context) (func(), int, error) {
	type rec struct {
		a, b bloc.CCode
		y    int
		p    Pledges
	}
	var out []rec
	var a, b, y int64
	var def, off, neu, nag, con sql.NullInt64
	// Every state's pledges in the last year the period and ATOP share (for
	// alliance portfolios), and the focus states' pledges in every year.
	ref := l.cov(ATOP, l.span, false).Years.To
	where := l.years()
	if l.focus != nil {
		where += fmt.Sprintf(" AND (year = %d OR %s)", ref, l.focusSQL("ccode1", "ccode2"))
	}
	n, err := l.query(ctx, ATOP, `SELECT ccode1, ccode2, year, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul FROM `+tbl(ATOP)+` WHERE `+where,
		[]any{&a, &b, &y, &def, &off, &neu, &nag, &con}, func() {
			p := Pledges{def.Int64 == 1, off.Int64 == 1, neu.Int64 == 1, nag.Int64 == 1, con.Int64 == 1}
			if p.Any() {
				out = append(out, rec{bloc.CCode(a), bloc.CCode(b), int(y), p})
			}
		})
	return func() {
		for _, r := range out {
			l.w.EditDyad(r.a, r.b, r.y, func(d *DyadYear) { d.ATOP = r.p })
		}
		cv := l.cov(ATOP, l.span, true)
		l.w.cover[ATOP] = cv
		if cv.Focus != nil {
			// The last year is read whole.
			l.w.atopAll = cv.Years.To
		}
	}, n, err
}

func (l *loader) trade(ctx context.Context) (func(), int, error) {
	type rec struct {
		a, b   bloc.CCode
		y      int
		f1, f2 bloc.Num
	}
	var out []rec
	var a, b, y int64
	var f1, f2 sql.NullFloat64
	n, err := l.query(ctx, Trade, `SELECT ccode1, ccode2, year, flow1, flow2 FROM `+tbl(Trade)+` WHERE `+l.years()+` AND `+l.focusSQL("ccode1", "ccode2"),
		[]any{&a, &b, &y, &f1, &f2}, func() { out = append(out, rec{bloc.CCode(a), bloc.CCode(b), int(y), num(f1), num(f2)}) })
	return func() {
		for _, r := range out {
			l.w.EditDyad(r.a, r.b, r.y, func(d *DyadYear) { d.Imports = r.f1 })
			l.w.EditDyad(r.b, r.a, r.y, func(d *DyadYear) { d.Imports = r.f2 })
		}
		l.w.cover[Trade] = l.cov(Trade, l.span, true)
	}, n, err
}

func (l *loader) events(ctx context.Context) (func(), int, error) {
	type rec struct {
		a, b bloc.CCode
		y    int
		q    Quad
	}
	var out []rec
	var i, j sql.NullString
	var y int64
	var q [4]sql.NullFloat64
	n, err := l.query(ctx, Events, `SELECT i_iso3c, j_iso3c, year, CAST(verbCoop AS DOUBLE), CAST(matlCoop AS DOUBLE), CAST(verbConf AS DOUBLE), CAST(matlConf AS DOUBLE) FROM `+tbl(Events)+` WHERE `+l.years()+` AND `+l.focusISO("i_iso3c", "j_iso3c"),
		[]any{&i, &j, &y, &q[0], &q[1], &q[2], &q[3]}, func() {
			a, ok1 := l.iso[i.String]
			b, ok2 := l.iso[j.String]
			if !ok1 || !ok2 || a == b {
				return
			}
			out = append(out, rec{a, b, int(y), Quad{q[0].Float64, q[1].Float64, q[2].Float64, q[3].Float64}})
		})
	if err != nil {
		return nil, n, err
	}
	// The states ICEWS covers: a dyad with any other state is missing, not zero.
	units := map[bloc.CCode]bool{}
	var iso sql.NullString
	if _, err := l.query(ctx, Events, `SELECT DISTINCT i_iso3c FROM `+tbl(Events), []any{&iso}, func() {
		if c, ok := l.iso[iso.String]; ok {
			units[c] = true
		}
	}); err != nil {
		return nil, n, err
	}
	return func() {
		for _, r := range out {
			l.w.EditDyad(r.a, r.b, r.y, func(d *DyadYear) {
				for k := range d.Events {
					d.Events[k] += r.q[k]
				}
			})
		}
		cv := l.cov(Events, l.span, true)
		cv.Units = units
		l.w.cover[Events] = cv
	}, n, err
}

func (l *loader) arms(ctx context.Context) (func(), int, error) {
	type rec struct {
		a, b bloc.CCode
		y    int
		v    float64
	}
	var out []rec
	var a, b sql.NullInt64
	var y int64
	var v sql.NullFloat64
	n, err := l.query(ctx, Arms, `SELECT supplier_cown, recipient_cown, year, value FROM `+tbl(Arms)+` WHERE `+l.years(),
		[]any{&a, &b, &y, &v}, func() {
			if a.Valid && b.Valid && v.Valid && a.Int64 != b.Int64 {
				out = append(out, rec{bloc.CCode(a.Int64), bloc.CCode(b.Int64), int(y), v.Float64})
			}
		})
	return func() {
		for _, r := range out {
			l.w.EditDyad(r.a, r.b, r.y, func(d *DyadYear) { d.Arms += r.v })
		}
		l.w.cover[Arms] = l.cov(Arms, l.span, false)
	}, n, err
}

func (l *loader) igo(ctx context.Context) (func(), int, error) {
	type rec struct {
		a, b bloc.CCode
		y    int
		v    bloc.Num
	}
	var out []rec
	var a, b, y int64
	var v sql.NullFloat64
	n, err := l.query(ctx, IGO, `SELECT ccode1, ccode2, year, CAST(dyadigos AS DOUBLE) FROM `+tbl(IGO)+` WHERE `+l.years()+` AND `+l.focusSQL("ccode1", "ccode2"),
		[]any{&a, &b, &y, &v}, func() { out = append(out, rec{bloc.CCode(a), bloc.CCode(b), int(y), num(v)}) })
	return func() {
		for _, r := range out {
			l.w.EditSymmetric(r.a, r.b, r.y, func(d *DyadYear) { d.IGOs = r.v })
		}
		l.w.cover[IGO] = l.cov(IGO, l.span, true)
	}, n, err
}

func (l *loader) disputes(ctx context.Context) (func(), int, error) {
	var out []Dispute
	var num, a, b, y int64
	var onset, sidea, host1, host2, orig1, rt1, rt2, fat sql.NullInt64
	n, err := l.query(ctx, Disputes, `SELECT dispnum, ccode1, ccode2, year, midonset, sidea1, hostlev1, hostlev2, orig1, revtype11, revtype12, fatality FROM `+tbl(Disputes)+` WHERE `+fmt.Sprintf("year BETWEEN %d AND %d", l.span.From-l.opt.History, l.span.To)+` ORDER BY dispnum, ccode1, ccode2, year`,
		[]any{&num, &a, &b, &y, &onset, &sidea, &host1, &host2, &orig1, &rt1, &rt2, &fat}, func() {
			d := Dispute{Num: int(num), A: bloc.CCode(a), B: bloc.CCode(b), Year: int(y), Onset: onset.Int64 == 1, SideA: sidea.Int64 == 1,
				HostA: int(host1.Int64), HostB: int(host2.Int64), OrigA: orig1.Int64 == 1, Fatality: int(fat.Int64)}
			for _, r := range []sql.NullInt64{rt1, rt2} {
				if r.Valid && r.Int64 > 0 {
					d.RevA = append(d.RevA, int(r.Int64))
				}
			}
			out = append(out, d)
		})
	return func() {
		l.w.Disputes = out
		l.w.cover[Disputes] = l.cov(Disputes, bloc.Period{From: l.span.From - l.opt.History, To: l.span.To}, false)
	}, n, err
}

func (l *loader) rivalries(ctx context.Context) (func(), int, error) {
	var out []Rivalry
	var id, a, b, st, en int64
	var name sql.NullString
	var pos, spa, ide, inter sql.NullInt64
	n, err := l.query(ctx, Rivalries, `SELECT tssr_id, rivalry, ccode1, ccode2, "start", "end", "positional", "spatial", "ideological", "interventionary" FROM `+tbl(Rivalries)+` ORDER BY tssr_id`,
		[]any{&id, &name, &a, &b, &st, &en, &pos, &spa, &ide, &inter}, func() {
			r := Rivalry{ID: int(id), Name: name.String, A: bloc.CCode(a), B: bloc.CCode(b), From: int(st), To: int(en)}
			for i, t := range []sql.NullInt64{pos, spa, ide, inter} {
				if t.Int64 == 1 {
					r.Types = append(r.Types, []string{"positional", "spatial", "ideological", "interventionary"}[i])
				}
			}
			out = append(out, r)
		})
	return func() {
		l.w.Rivalries = out
		l.w.cover[Rivalries] = l.cov(Rivalries, l.span, false)
	}, n, err
}

func (l *loader) ties(ctx context.Context) (func(), int, error) {
	var out []Sanction
	var id, st sql.NullInt64
	var en, ong, tgt, imp sql.NullInt64
	var s [5]sql.NullInt64
	last := datasets.MustLookup(string(TIES)).Years[1]
	n, err := l.query(ctx, TIES, `SELECT caseid, startyear, endyear, ongoingasofyear, targetstate, imposition, sender1, sender2, sender3, sender4, sender5 FROM `+tbl(TIES)+` ORDER BY caseid`,
		[]any{&id, &st, &en, &ong, &tgt, &imp, &s[0], &s[1], &s[2], &s[3], &s[4]}, func() {
			if !st.Valid || !tgt.Valid {
				return
			}
			to := last
			switch {
			case en.Valid:
				to = int(en.Int64)
			case ong.Valid:
				to = int(ong.Int64)
			}
			x := Sanction{Source: TIES, ID: strconv.FormatInt(id.Int64, 10), Targets: []bloc.CCode{bloc.CCode(tgt.Int64)},
				From: int(st.Int64), To: to, Imposed: imp.Int64 == 1}
			for _, v := range s {
				if v.Valid && v.Int64 > 0 {
					x.Senders = append(x.Senders, bloc.CCode(v.Int64))
				}
			}
			out = append(out, x)
		})
	return func() {
		l.w.Sanctions = append(l.w.Sanctions, out...)
		l.w.cover[TIES] = l.cov(TIES, l.span, false)
	}, n, err
}

// gsdbJoin are the tails GSDB writes after a comma inside one name
// ("Korea, South", "Egypt, Arab Rep.", "Gambia, The").
var gsdbJoin = map[string]bool{"South": true, "North": true, "Democratic Republic of the": true, "Arab Rep.": true, "The": true}

// SplitGSDBNames splits a GSDB list of country names ("Iran, Syria, Korea,
// North") into names, keeping the tails that belong to one name.
func SplitGSDBNames(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		p = strings.TrimSpace(p)
		if p == "" {
			continue
		}
		if gsdbJoin[p] && len(out) > 0 {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

func (l *loader) gsdb(ctx context.Context) (func(), int, error) {
	var out []Sanction
	var id, st, en sql.NullInt64
	var target, sender sql.NullString
	resolved := map[string]bloc.CCode{}
	resolve := func(name string) (bloc.CCode, bool) {
		if c, ok := resolved[name]; ok {
			return c, c != 0
		}
		var c bloc.CCode
		if s, err := l.reg.Resolve(name); err == nil {
			c = s.CCode
		}
		resolved[name] = c
		return c, c != 0
	}
	n, err := l.query(ctx, GSDB, `SELECT case_id, sanctioned_state, sanctioning_state, "begin", "end" FROM `+tbl(GSDB)+` ORDER BY case_id`,
		[]any{&id, &target, &sender, &st, &en}, func() {
			if !st.Valid || !en.Valid {
				return
			}
			x := Sanction{Source: GSDB, ID: strconv.FormatInt(id.Int64, 10), From: int(st.Int64), To: int(en.Int64), Imposed: true}
			for _, nm := range SplitGSDBNames(target.String) {
				if c, ok := resolve(nm); ok {
					x.Targets = append(x.Targets, c)
				}
			}
			for _, nm := range SplitGSDBNames(sender.String) {
				if c, ok := resolve(nm); ok {
					x.Senders = append(x.Senders, c)
				} else {
					x.Orgs = append(x.Orgs, nm)
				}
			}
			if len(x.Targets) > 0 {
				out = append(out, x)
			}
		})
	return func() {
		l.w.Sanctions = append(l.w.Sanctions, out...)
		l.w.cover[GSDB] = l.cov(GSDB, l.span, false)
	}, n, err
}

// vetoers maps the veto columns of the UNSC data to COW codes.
var vetoers = []struct {
	col string
	c   bloc.CCode
}{{"China", 710}, {"France", 220}, {"Russia", 365}, {"USSR", 365}, {"USA", 2}, {"UK", 200}}

func (l *loader) vetoes(ctx context.Context) (func(), int, error) {
	var out []Veto
	var date sql.NullTime
	var y int64
	var draft, agenda, topic sql.NullString
	var v [6]sql.NullInt64
	n, err := l.query(ctx, Vetoes, `SELECT date_iso, year, draft, agenda_item, crisis_topic, "China", "France", "Russia", "USSR", "USA", "UK" FROM `+tbl(Vetoes)+` ORDER BY date_iso, draft`,
		[]any{&date, &y, &draft, &agenda, &topic, &v[0], &v[1], &v[2], &v[3], &v[4], &v[5]}, func() {
			x := Veto{Year: int(y), Draft: draft.String, Agenda: agenda.String, Topic: topic.String}
			if date.Valid {
				x.Date = date.Time.Format("2006-01-02")
			}
			for i, col := range vetoers {
				if v[i].Int64 == 1 && (len(x.Vetoers) == 0 || x.Vetoers[len(x.Vetoers)-1] != col.c) {
					x.Vetoers = append(x.Vetoers, col.c)
				}
			}
			out = append(out, x)
		})
	return func() {
		l.w.Vetoes = out
		l.w.cover[Vetoes] = l.cov(Vetoes, l.span, false)
	}, n, err
}
