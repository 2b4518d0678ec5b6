// Package registry is bloc's country registry: the Correlates of War state
// system (who is a member of the system, on which days, and who is a major
// power) and the crosswalk that turns what a person types — a COW code, a COW
// abbreviation, an ISO code, an English or Persian name — into a COW state.
//
// It is built by Load from four datasets of the catalogue:
//
//   - isard_cw_system: COW system membership spells with day-level dates
//     (the membership of record; COW v2016 as distributed by isard);
//   - cow_states: COW v2016 as distributed by peacesciencer (its names and
//     abbreviations are added; a state missing from isard_cw_system would be
//     taken from it);
//   - countrycode_codelist: the countrycode R package's code list (ISO codes,
//     English names and the country.name.en.regex name patterns);
//   - cow_major_powers: COW major-power spells.
//
// Membership follows COW to the day: a state is a member in a year if it is a
// member on at least one day of it, which is how peacesciencer builds its
// state-years, and two states coexist in a year only if they are members on
// the same day (peacesciencer's false_cow_dyads are the dyad-years that fail
// this). Spells that reach the data's last date are extended to the "most
// recent year" passed to Load; see Load.
//
// Resolution follows COW's coding of successor states (Russia and the USSR
// are both 365; West Germany is 260, not 255); the table of these decisions
// is in codings.go. A Registry is immutable after Load and safe for
// concurrent use.
package registry

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// Spell is an inclusive range of days on which a state is a member of the
// system (or a major power). Dates are UTC midnights.
type Spell struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// Contains reports whether the calendar day of t lies in the spell.
func (s Spell) Contains(t time.Time) bool {
	d := dayOf(t)
	return d >= dayOf(s.Start) && d <= dayOf(s.End)
}

// span is a spell as days since 1970-01-01, inclusive.
type span struct{ from, to int64 }

type state struct {
	st     bloc.State
	spells []span
	major  []span
}

// Registry is the COW state system and the country-name crosswalk.
type Registry struct {
	mry     int      // the year spells are extended to
	dataEnd int64    // the last day of isard_cw_system (2016-12-31)
	end     int64    // the last day of the registry: Dec 31 of mry, or dataEnd
	states  []*state // by code
	byCode  map[bloc.CCode]*state

	byAbb, byISO3, byISO2 map[string]bloc.CCode
	codes                 map[string]codeRef // what Resolve accepts as a code, upper case
	names                 map[string]*nameRef
	rules                 []ruleSrc // name patterns, compiled on first use

	rxOnce sync.Once
	rx     []rule
	rxSkip int

	sgOnce sync.Once
	sg     []suggestName
}

// day helpers

func dayOf(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func dayOfYMD(y int, m time.Month, d int) int64 {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func dayTime(d int64) time.Time { return time.Unix(d*86400, 0).UTC() }

func yearSpan(y int) span { return span{dayOfYMD(y, 1, 1), dayOfYMD(y, 12, 31)} }

// Load builds the registry from the four datasets (see the package comment)
// read from src.
//
// mry is the "most recent year", peacesciencer's convention for data that
// stop before the present: every spell (membership or major-power status)
// that ends on the last date of its dataset — 2016-12-31 for the COW v2016
// files — is taken to continue through December 31 of mry. Pass the current
// year (e.g. 2025) to treat the states alive at the end of 2016 as alive
// now; pass 0, or any year not after the data's last year, to keep the
// spells as the data give them (spells are never shortened). mry must be 0
// or between 1816 and 9999.
func Load(ctx context.Context, src datasets.Source, mry int) (*Registry, error) {
	const op = "registry.Load"
	if mry != 0 && (mry < 1816 || mry > 9999) {
		return nil, &bloc.Error{Code: bloc.EINVALID, Op: op, Message: fmt.Sprintf("most recent year %d is out of range", mry),
			Hints: []string{"pass the last year the analysis covers, e.g. 2025, or 0 to keep the data's own end (2016)"}}
	}
	r := &Registry{
		mry: mry, byCode: make(map[bloc.CCode]*state, 256),
		byAbb: make(map[string]bloc.CCode, 256), byISO3: make(map[string]bloc.CCode, 256), byISO2: make(map[string]bloc.CCode, 256),
		codes: make(map[string]codeRef, 1024), names: make(map[string]*nameRef, 4096),
	}
	for _, step := range []struct {
		name string
		fn   func(context.Context, datasets.Source, *datasets.Dataset) error
	}{
		{"isard_cw_system", r.loadSystem},
		{"cow_states", r.loadCOWStates},
		{"countrycode_codelist", r.loadCodelist},
		{"cow_major_powers", r.loadMajors},
	} {
		ds, err := datasets.Lookup(step.name)
		if err != nil {
			return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: op, Err: err}
		}
		if err := step.fn(ctx, src, ds); err != nil {
			return nil, &bloc.Error{Code: bloc.ErrorCode(err), Op: op, Message: "reading " + ds.Name, Err: err, Hints: bloc.ErrorHints(err)}
		}
	}
	if len(r.states) == 0 {
		return nil, &bloc.Error{Code: bloc.ENODATA, Op: op, Message: "isard_cw_system has no rows"}
	}
	r.finish()
	return r, nil
}

// columns returns the indices of the named columns of ds.
func columns(ds *datasets.Dataset, names ...string) ([]int, error) {
	idx := make([]int, len(names))
	for i, n := range names {
		idx[i] = -1
		for j, c := range ds.Columns {
			if c.Name == n {
				idx[i] = j
			}
		}
		if idx[i] < 0 {
			return nil, bloc.Errorf(bloc.EINTERNAL, "%s has no column %q", ds.Name, n)
		}
	}
	return idx, nil
}

func str(v datasets.Value) string {
	if v.Null {
		return ""
	}
	return v.Str
}

func (r *Registry) get(c bloc.CCode) *state {
	s := r.byCode[c]
	if s == nil {
		s = &state{st: bloc.State{CCode: c}}
		r.byCode[c] = s
		r.states = append(r.states, s)
	}
	return s
}

func (r *Registry) loadSystem(ctx context.Context, src datasets.Source, ds *datasets.Dataset) error {
	col, err := columns(ds, "ccode", "cw_abb", "cw_name", "start", "end")
	if err != nil {
		return err
	}
	line := 1
	return src.Rows(ctx, ds, func(row []datasets.Value) error {
		line++
		cc, start, end := row[col[0]], row[col[3]], row[col[4]]
		if cc.Null || start.Null || end.Null || end.Date.Before(start.Date) {
			return bloc.Errorf(bloc.EINVALID, "row %d: a spell needs a code and a start no later than its end", line-1)
		}
		s := r.get(bloc.CCode(cc.Int))
		if s.st.Abb == "" {
			s.st.Abb, s.st.Name = str(row[col[1]]), str(row[col[2]])
		}
		r.addName(str(row[col[2]]), s.st.CCode, prioCOW)
		r.addCode(str(row[col[1]]), target{cc: s.st.CCode}, kindCOW)
		s.spells = append(s.spells, span{dayOf(start.Date), dayOf(end.Date)})
		if d := dayOf(end.Date); d > r.dataEnd {
			r.dataEnd = d
		}
		return nil
	})
}

func (r *Registry) loadCOWStates(ctx context.Context, src datasets.Source, ds *datasets.Dataset) error {
	col, err := columns(ds, "stateabb", "ccode", "statenme", "styear", "stmonth", "stday", "endyear", "endmonth", "endday")
	if err != nil {
		return err
	}
	return src.Rows(ctx, ds, func(row []datasets.Value) error {
		if row[col[1]].Null {
			return nil
		}
		cc := bloc.CCode(row[col[1]].Int)
		abb, name := str(row[col[0]]), str(row[col[2]])
		if _, ok := r.byCode[cc]; !ok {
			// Not in isard_cw_system: take the spell from COW v2016.
			for _, i := range col[3:] {
				if row[i].Null {
					return nil
				}
			}
			s := r.get(cc)
			s.st.Abb, s.st.Name = abb, name
			s.spells = append(s.spells, span{
				dayOfYMD(int(row[col[3]].Int), time.Month(row[col[4]].Int), int(row[col[5]].Int)),
				dayOfYMD(int(row[col[6]].Int), time.Month(row[col[7]].Int), int(row[col[8]].Int)),
			})
		}
		r.addName(name, cc, prioCOW)
		r.addCode(abb, target{cc: cc}, kindCOW)
		return nil
	})
}

func (r *Registry) loadMajors(ctx context.Context, src datasets.Source, ds *datasets.Dataset) error {
	col, err := columns(ds, "ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday")
	if err != nil {
		return err
	}
	var last int64
	var rows []struct {
		s *state
		i int
	}
	err = src.Rows(ctx, ds, func(row []datasets.Value) error {
		for _, i := range col {
			if row[i].Null {
				return nil
			}
		}
		s := r.byCode[bloc.CCode(row[col[0]].Int)]
		if s == nil {
			return bloc.Errorf(bloc.EINVALID, "major power %d is not in the state system", row[col[0]].Int)
		}
		sp := span{
			dayOfYMD(int(row[col[1]].Int), time.Month(row[col[2]].Int), int(row[col[3]].Int)),
			dayOfYMD(int(row[col[4]].Int), time.Month(row[col[5]].Int), int(row[col[6]].Int)),
		}
		s.major = append(s.major, sp)
		rows = append(rows, struct {
			s *state
			i int
		}{s, len(s.major) - 1})
		if sp.to > last {
			last = sp.to
		}
		return nil
	})
	if err != nil {
		return err
	}
	if ext := r.extendTo(last); ext > last {
		for _, x := range rows {
			if x.s.major[x.i].to == last {
				x.s.major[x.i].to = ext
			}
		}
	}
	return nil
}

// extendTo returns the day a spell ending on last is extended to.
func (r *Registry) extendTo(last int64) int64 {
	if r.mry == 0 {
		return last
	}
	if e := dayOfYMD(r.mry, 12, 31); e > last {
		return e
	}
	return last
}

// finish extends the membership spells, sorts everything, and adds the
// hand-written names.
func (r *Registry) finish() {
	r.end = r.extendTo(r.dataEnd)
	for _, s := range r.states {
		for i := range s.spells {
			if s.spells[i].to == r.dataEnd {
				s.spells[i].to = r.end
			}
		}
		sort.Slice(s.spells, func(i, j int) bool { return s.spells[i].from < s.spells[j].from })
		sort.Slice(s.major, func(i, j int) bool { return s.major[i].from < s.major[j].from })
	}
	sort.Slice(r.states, func(i, j int) bool { return r.states[i].st.CCode < r.states[j].st.CCode })
	r.finishNames()
}

// MRY returns the last year the registry covers: the most recent year given
// to Load, or the data's last year if that is later.
func (r *Registry) MRY() int { return dayTime(r.end).Year() }

// State returns the state with COW code c: its COW name (cw_name), COW
// abbreviation, and ISO 3166 alpha-3 and alpha-2 codes (empty for states that
// have none, such as historical states).
func (r *Registry) State(c bloc.CCode) (bloc.State, bool) {
	s := r.byCode[c]
	if s == nil {
		return bloc.State{}, false
	}
	return s.st, true
}

// All returns every state that has been a member of the system, by code.
func (r *Registry) All() []bloc.State {
	out := make([]bloc.State, len(r.states))
	for i, s := range r.states {
		out[i] = s.st
	}
	return out
}

// Spells returns c's membership spells in date order (nil for an unknown code).
func (r *Registry) Spells(c bloc.CCode) []Spell {
	s := r.byCode[c]
	if s == nil {
		return nil
	}
	out := make([]Spell, len(s.spells))
	for i, sp := range s.spells {
		out[i] = Spell{dayTime(sp.from), dayTime(sp.to)}
	}
	return out
}

// MajorSpells returns the spells in which c is a major power.
func (r *Registry) MajorSpells(c bloc.CCode) []Spell {
	s := r.byCode[c]
	if s == nil {
		return nil
	}
	out := make([]Spell, len(s.major))
	for i, sp := range s.major {
		out[i] = Spell{dayTime(sp.from), dayTime(sp.to)}
	}
	return out
}

func overlaps(sps []span, w span) bool {
	for _, sp := range sps {
		if sp.from <= w.to && w.from <= sp.to {
			return true
		}
	}
	return false
}

// MemberOn reports whether c is a member of the system on the calendar day
// of date.
func (r *Registry) MemberOn(c bloc.CCode, date time.Time) bool {
	s := r.byCode[c]
	if s == nil {
		return false
	}
	d := dayOf(date)
	return overlaps(s.spells, span{d, d})
}

// MemberIn reports whether c is a member of the system on any day of year.
func (r *Registry) MemberIn(c bloc.CCode, year int) bool {
	s := r.byCode[c]
	return s != nil && overlaps(s.spells, yearSpan(year))
}

// Members returns the states that are members on at least one day of year,
// by code.
func (r *Registry) Members(year int) []bloc.State {
	y := yearSpan(year)
	var out []bloc.State
	for _, s := range r.states {
		if overlaps(s.spells, y) {
			out = append(out, s.st)
		}
	}
	return out
}

// Coexist reports whether a and b are both members of the system on at least
// one common day of year. Two states can each be members in a year without
// coexisting: South Vietnam (817, to 1975-04-30) and Suriname (115, from
// 1975-11-25) in 1975. Such dyad-years are peacesciencer's false_cow_dyads.
func (r *Registry) Coexist(a, b bloc.CCode, year int) bool {
	sa, sb := r.byCode[a], r.byCode[b]
	if sa == nil || sb == nil {
		return false
	}
	y := yearSpan(year)
	for _, x := range sa.spells {
		for _, z := range sb.spells {
			from, to := max(x.from, z.from, y.from), min(x.to, z.to, y.to)
			if from <= to {
				return true
			}
		}
	}
	return false
}

// Years returns the first and last years in which c is a member (0, 0 for an
// unknown code). The state need not be a member in every year between.
func (r *Registry) Years(c bloc.CCode) (first, last int) {
	s := r.byCode[c]
	if s == nil || len(s.spells) == 0 {
		return 0, 0
	}
	last64 := s.spells[0].to
	for _, sp := range s.spells {
		last64 = max(last64, sp.to)
	}
	return dayTime(s.spells[0].from).Year(), dayTime(last64).Year()
}

// IsMajor reports whether c is a COW major power on any day of year. Spells
// that end on the last date of cow_major_powers (2016-12-31) are extended to
// the most recent year, as membership spells are.
func (r *Registry) IsMajor(c bloc.CCode, year int) bool {
	s := r.byCode[c]
	return s != nil && overlaps(s.major, yearSpan(year))
}
