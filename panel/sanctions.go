package panel

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/registry"
)

// TIES covers the sanctions threatened or imposed from 1945 to 2005; cases
// that started by 2005 are followed to their end, so counts after 2005
// would miss the cases that began later.
var tiesYears = [2]int{1945, 2005}

var sanctionsCovariate = &covariate{
	Covariate: Covariate{
		Name: "sanctions", Title: "Economic sanctions (TIES v4.1 and GSDB V3)", Units: both,
		Datasets: []string{"ties_v4.1_sanctions", "gsdb_v3_sanctions", "isard_cw_system", "cow_states", "countrycode_codelist", "cow_major_powers"},
		Formula: `Dyad-year: ties_1on2, the number of TIES sanction episodes imposed by state 1 (the primary sender or one of senders 1–5) on state 2 (the target) in force in the year, ties_2on1 the reverse; gsdb_1on2 and gsdb_2on1 the same from the Global Sanctions Data Base. State-year: ties_sender, ties_target, gsdb_sender, gsdb_target, the episodes in force with the state as a sender or as the target.
TIES: only imposed cases (imposition = 1); in force from the imposition year (sancimpositionstartyear's leading year, else startyear) to endyear, else to ongoingasofyear, else in the imposition year only (218 imposed cases have neither end). 0 when no episode is in force inside 1945–2005 (the years TIES samples cases from), missing outside them even where a case started earlier is still in force (counts after 2005 would miss the cases that began later).
GSDB: in force from begin to end. GSDB names its countries, with several in one cell ("Austria, Finland, Sweden, Switzerland") and World Bank spellings ("Egypt, Arab Rep."): each cell is resolved whole with bloc's registry (countrycode names and regexes plus COW's codings), else split at commas, rejoining neighbouring parts that name one state. A parenthetical qualifier is dropped when the name does not resolve with it ("Ethiopia (excludes Eritrea)"). Names that are not states (39 of them: EU, UN, CoCom, the League of Arab States, NATO, Palestine, Hong Kong, terrorist organizations, …) are left out and counted in the panel's notes; sanctions by an organization are not attributed to its members. Germany before 1991 is West Germany (260) and Yemen before 1990 North Yemen (678), the COW members then. NA → 0 inside 1949–2022, missing outside.`,
	},
	add: func(b *builder) error {
		if err := b.tiesTable(); err != nil {
			return err
		}
		if err := b.gsdbTable(); err != nil {
			return err
		}
		ty, gy := tiesYears, years("gsdb_v3_sanctions")
		if b.unit == StateYear {
			for _, s := range []struct{ src, role, key string }{{"ties", "sender", "ccode1"}, {"ties", "target", "ccode2"}, {"gsdb", "sender", "ccode1"}, {"gsdb", "target", "ccode2"}} {
				name := "_bloc_" + s.src + "_" + s.role
				if err := b.keyed(name, fmt.Sprintf("SELECT %s * 10000 + year AS k, count(DISTINCT caseid) AS n FROM _bloc_%s GROUP BY ALL", s.key, s.src)); err != nil {
					return err
				}
				yr := ty
				if s.src == "gsdb" {
					yr = gy
				}
				a := b.lookup(name, keyState)
				b.col("sanctions", s.src+"_"+s.role, "INTEGER", within(a+".n", yr[0], yr[1]), fmt.Sprintf("%s sanction episodes in force with the state as %s", strings.ToUpper(s.src), s.role))
			}
			return nil
		}
		for _, src := range []string{"ties", "gsdb"} {
			yr := ty
			if src == "gsdb" {
				yr = gy
			}
			name := "_bloc_" + src + "_dy"
			if err := b.keyed(name, fmt.Sprintf("SELECT %s AS k, count(DISTINCT caseid) AS n FROM _bloc_%s GROUP BY ALL", dyadKey(""), src)); err != nil {
				return err
			}
			a12, a21 := b.lookup(name, keyDirected), b.lookup(name, keyReversed)
			b.col("sanctions", src+"_1on2", "INTEGER", within(a12+".n", yr[0], yr[1]), strings.ToUpper(src)+" sanction episodes imposed by state 1 on state 2 in force")
			b.col("sanctions", src+"_2on1", "INTEGER", within(a21+".n", yr[0], yr[1]), strings.ToUpper(src)+" sanction episodes imposed by state 2 on state 1 in force")
		}
		return nil
	},
}

// tiesTable lists (sender, target, year, caseid) for the TIES impositions
// in force.
func (b *builder) tiesTable() error {
	return b.temp("_bloc_ties", fmt.Sprintf(`WITH t AS (
			SELECT caseid, targetstate AS target,
				coalesce(try_cast(regexp_extract(sancimpositionstartyear, '^[0-9]{4}') AS INTEGER), startyear) AS sy,
				endyear, ongoingasofyear,
				list_distinct(list_filter([primarysender, sender1, sender2, sender3, sender4, sender5], x -> x IS NOT NULL)) AS senders
			FROM "ties_v4.1_sanctions" WHERE imposition = 1 AND targetstate IS NOT NULL),
		s AS (SELECT caseid, target, sy, greatest(coalesce(endyear, ongoingasofyear, sy), sy) AS ey, unnest(senders) AS sender FROM t)
		SELECT DISTINCT CAST(sender AS INTEGER) AS ccode1, CAST(target AS INTEGER) AS ccode2, CAST(unnest(range(sy, ey + 1)) AS INTEGER) AS year, caseid
		FROM s WHERE sender <> target AND sy >= %d`, tiesYears[0]))
}

// gsdbTable maps the GSDB cases to COW codes in Go (registry) and loads
// (sender, target, year, caseid) for the years each case is in force.
func (b *builder) gsdbTable() error {
	src, ok := b.store.(datasets.Source)
	if !ok {
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "the store cannot list rows for the country registry"}
	}
	reg, err := registry.Load(b.ctx, src, b.opt.MRY)
	if err != nil {
		return err
	}
	rows, err := b.conn.QueryContext(b.ctx, `SELECT case_id, sanctioning_state, sanctioned_state, begin, "end" FROM gsdb_v3_sanctions WHERE begin IS NOT NULL`)
	if err != nil {
		return b.fail(err)
	}
	type gcase struct {
		id               int
		senders, targets string
		begin, end       int
	}
	var cases []gcase
	for rows.Next() {
		var c gcase
		var s, t *string
		var end *int
		if err := rows.Scan(&c.id, &s, &t, &c.begin, &end); err != nil {
			rows.Close()
			return b.fail(err)
		}
		if s != nil {
			c.senders = *s
		}
		if t != nil {
			c.targets = *t
		}
		c.end = c.begin
		if end != nil && *end > c.begin {
			c.end = *end
		}
		cases = append(cases, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return b.fail(err)
	}
	m := nameMapper{reg: reg, cache: map[string][]bloc.CCode{}, missed: map[string]int{}}
	t := &pairTable{name: "_bloc_gsdb", cols: []string{"caseid"}}
	for _, c := range cases {
		senders, targets := m.states(c.senders), m.states(c.targets)
		for y := c.begin; y <= c.end; y++ {
			for _, s := range senders {
				for _, tg := range targets {
					s, tg := atYear(reg, s, y), atYear(reg, tg, y)
					if s != tg {
						t.keys = append(t.keys, [3]int32{int32(s), int32(tg), int32(y)})
						t.vals = append(t.vals, float64(c.id))
					}
				}
			}
		}
	}
	if len(m.missed) > 0 {
		names := make([]string, 0, len(m.missed))
		total := 0
		for n, k := range m.missed {
			names = append(names, n)
			total += k
		}
		sort.Strings(names)
		if len(names) > 12 {
			names = append(names[:12], "…")
		}
		b.note("sanctions: %d GSDB sender/target names (in %d distinct cells) are not states and are left out (%s)", len(m.missed), total, strings.Join(names, "; "))
	}
	return b.appendPairs(t)
}

// atYear returns the COW member that holds the code's place in year: West
// Germany (260) for Germany before its 1990 unification, North Yemen (678)
// for Yemen before 1990; the code itself otherwise.
func atYear(reg *registry.Registry, c bloc.CCode, year int) bloc.CCode {
	if reg.MemberIn(c, year) {
		return c
	}
	switch {
	case c == 255 && reg.MemberIn(260, year):
		return 260
	case c == 679 && reg.MemberIn(678, year):
		return 678
	}
	return c
}

// nameMapper resolves GSDB country cells to COW codes.
type nameMapper struct {
	reg    *registry.Registry
	cache  map[string][]bloc.CCode
	missed map[string]int // unresolved names and how many cells held them
}

// states resolves a cell: the whole text, else its comma-separated parts,
// joining a part with the next ones when together they name a state.
func (m *nameMapper) states(cell string) []bloc.CCode {
	cell = strings.TrimSpace(cell)
	if cell == "" {
		return nil
	}
	if cs, ok := m.cache[cell]; ok {
		return cs
	}
	var out []bloc.CCode
	if c, ok := m.resolve(cell); ok {
		out = []bloc.CCode{c}
	} else {
		parts := strings.Split(cell, ",")
		for i := 0; i < len(parts); {
			matched := false
			for j := min(len(parts), i+3); j > i; j-- {
				name := strings.TrimSpace(strings.Join(parts[i:j], ","))
				if c, ok := m.resolve(name); ok {
					out = append(out, c)
					i, matched = j, true
					break
				}
			}
			if !matched {
				if n := strings.TrimSpace(parts[i]); n != "" {
					m.missed[n]++
				}
				i++
			}
		}
	}
	m.cache[cell] = out
	return out
}

// resolve resolves one name; a name with a parenthetical qualifier
// ("Ethiopia (excludes Eritrea)") is resolved without it if it fails whole.
func (m *nameMapper) resolve(name string) (bloc.CCode, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, false
	}
	if st, err := m.reg.Resolve(name); err == nil {
		return st.CCode, true
	}
	if i := strings.Index(name, "("); i > 0 && strings.HasSuffix(name, ")") {
		if st, err := m.reg.Resolve(name[:i]); err == nil {
			return st.CCode, true
		}
	}
	return 0, false
}
