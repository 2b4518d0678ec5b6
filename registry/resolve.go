package registry

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// target is what a name or code points at: a COW state, or a territory that
// is not a member of the COW system (Hong Kong, Puerto Rico, ...), which
// Resolve recognises only to say so.
type target struct {
	cc   bloc.CCode // 0 for a territory outside the COW system
	name string     // the territory's name, when cc == 0
}

// Kinds of code, as named in messages.
const (
	kindCOW   = "COW abbreviation"
	kindISO3  = "ISO 3166 alpha-3 code"
	kindISO2  = "ISO 3166 alpha-2 code"
	kindExtra = "user-assigned ISO code"
)

type codeRef struct {
	t    target
	kind string
	amb  []string // "AUS is the COW abbreviation of Austria (305, AUS)", ... when ambiguous
	ambT []target // the entities amb describes
}

// Name priorities: a name known from a higher source wins; two states with
// the same name from the same source make the name ambiguous.
const (
	prioNonState = iota // countrycode names of territories outside the COW system
	prioCodelist        // countrycode English names (country.name.en, iso.name.en, cow.name)
	prioCOW             // COW names (cw_name, statenme)
	prioCoding          // the codings table and the Persian names
)

type nameRef struct {
	t    target
	prio int
	amb  []bloc.CCode // other states of the same name and priority
}

// ruleSrc is a name pattern before compilation.
type ruleSrc struct {
	pattern string
	t       target
	coding  bool // from the codings table: tried before countrycode's
}

type rule struct {
	m      *matcher
	t      target
	coding bool
}

// maxInput bounds what Resolve will look at; no state name is this long.
const maxInput = 200

// addCode records a code that Resolve accepts.
func (r *Registry) addCode(code string, t target, kind string) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return
	}
	if t.cc != 0 {
		switch kind {
		case kindCOW:
			if _, ok := r.byAbb[code]; !ok {
				r.byAbb[code] = t.cc
			}
		case kindISO3:
			if _, ok := r.byISO3[code]; !ok {
				r.byISO3[code] = t.cc
			}
		case kindISO2:
			if _, ok := r.byISO2[code]; !ok {
				r.byISO2[code] = t.cc
			}
		}
	}
	old, ok := r.codes[code]
	if !ok {
		r.codes[code] = codeRef{t: t, kind: kind}
		return
	}
	if old.t == t {
		return
	}
	if len(old.amb) == 0 {
		old.amb, old.ambT = []string{r.codeDesc(code, old.t, old.kind)}, []target{old.t}
	}
	old.amb, old.ambT = append(old.amb, r.codeDesc(code, t, kind)), append(old.ambT, t)
	r.codes[code] = old
}

func (r *Registry) codeDesc(code string, t target, kind string) string {
	return fmt.Sprintf("%s is the %s of %s", code, kind, r.targetLabel(t))
}

// targetLabel formats a target for messages: "Iran (630, IRN)", or
// "Hong Kong SAR China (not in the COW state system)".
func (r *Registry) targetLabel(t target) string {
	if t.cc == 0 {
		return t.name + " (not in the COW state system)"
	}
	return r.label(t.cc)
}

func (r *Registry) label(c bloc.CCode) string {
	if s := r.byCode[c]; s != nil {
		return fmt.Sprintf("%s (%d, %s)", s.st.Name, c, s.st.Abb)
	}
	return strconv.Itoa(int(c))
}

// nameKeys returns the lookup keys of a name: the name itself, and for
// "Iran (Islamic Republic of)" or "Tanzania, the United Republic of" also
// "Iran" and "Islamic Republic of Iran", "United Republic of Tanzania".
func nameKeys(name string) []string {
	f := fold(name)
	keys := []string{key(f)}
	if i := strings.IndexByte(f, '('); i > 0 {
		if j := strings.LastIndexByte(f, ')'); j > i {
			keys = append(keys, key(f[:i]+f[j+1:]), key(f[i+1:j]+" "+f[:i]))
		}
	}
	if i := strings.Index(f, ", "); i > 0 && strings.HasSuffix(f, " of") {
		keys = append(keys, key(f[i+2:]+" "+f[:i]))
	}
	return keys
}

// addName records a name of state cc.
func (r *Registry) addName(name string, cc bloc.CCode, prio int) {
	r.addKeys([]string{key(fold(name))}, target{cc: cc}, prio)
}

// addNameT records a countrycode name and its variants (see nameKeys).
func (r *Registry) addNameT(name string, t target, prio int) {
	r.addKeys(nameKeys(name), t, prio)
}

func (r *Registry) addKeys(keys []string, t target, prio int) {
	for _, k := range keys {
		if k == "" {
			continue
		}
		old := r.names[k]
		switch {
		case old == nil || old.prio < prio:
			r.names[k] = &nameRef{t: t, prio: prio}
		case old.prio > prio || old.t == t:
		case t.cc != 0 && old.t.cc != 0:
			dup := false
			for _, c := range old.amb {
				dup = dup || c == t.cc
			}
			if !dup {
				old.amb = append(old.amb, t.cc)
			}
		}
	}
}

func (r *Registry) loadCodelist(ctx context.Context, src datasets.Source, ds *datasets.Dataset) error {
	col, err := columns(ds, "country.name.en", "iso.name.en", "cow.name", "iso2c", "iso3c", "cown", "cowc", "country.name.en.regex")
	if err != nil {
		return err
	}
	return src.Rows(ctx, ds, func(row []datasets.Value) error {
		name := str(row[col[0]])
		t, prio, own := target{name: name}, prioNonState, false
		if v := row[col[5]]; !v.Null && r.byCode[bloc.CCode(v.Int)] != nil {
			t, prio, own = target{cc: bloc.CCode(v.Int)}, prioCodelist, true
		} else if c, ok := ccOverride[name]; ok && r.byCode[c] != nil {
			t, prio = target{cc: c}, prioCodelist
		}
		for _, i := range col[:3] {
			if n := str(row[i]); n != "" {
				r.addNameT(n, t, prio)
			}
		}
		iso2, iso3 := strings.ToUpper(str(row[col[3]])), strings.ToUpper(str(row[col[4]]))
		if t.cc != 0 {
			// A state's ISO codes come from the row that carries its COW code;
			// an overridden row (Serbia for 345) fills them only if empty.
			s := r.byCode[t.cc]
			if iso3 != "" && (own || s.st.ISO3 == "") {
				s.st.ISO3 = iso3
			}
			if iso2 != "" && (own || s.st.ISO2 == "") {
				s.st.ISO2 = iso2
			}
			r.addCode(str(row[col[6]]), t, kindCOW)
		}
		r.addCode(iso3, t, kindISO3)
		r.addCode(iso2, t, kindISO2)
		if p := str(row[col[7]]); p != "" {
			r.rules = append(r.rules, ruleSrc{pattern: p, t: t})
		}
		return nil
	})
}

// finishNames adds the hand-written tables: codings, Persian names, extra codes.
func (r *Registry) finishNames() {
	var pre []ruleSrc
	for _, c := range codings {
		if r.byCode[c.cc] == nil {
			continue
		}
		for _, n := range c.names {
			r.addName(n, c.cc, prioCoding)
		}
		if c.pattern != "" {
			pre = append(pre, ruleSrc{pattern: c.pattern, t: target{cc: c.cc}, coding: true})
		}
	}
	r.rules = append(pre, r.rules...)
	for cc, names := range persianNames {
		if r.byCode[cc] == nil {
			continue
		}
		for _, n := range names {
			r.addName(n, cc, prioCoding)
		}
	}
	for code, cc := range extraCodes {
		if r.byCode[cc] != nil {
			r.addCode(code, target{cc: cc}, kindExtra)
		}
	}
}

// compileRules translates the name patterns; it runs once, on the first
// Resolve that gets past the exact lookups. The RE2 regexes themselves are
// compiled branch by branch when first needed (see regex.go).
func (r *Registry) compileRules() {
	r.rx = make([]rule, 0, len(r.rules))
	for _, s := range r.rules {
		m, err := translate(s.pattern)
		if err != nil {
			r.rxSkip++
			continue
		}
		r.rxSkip += m.skipped
		r.rx = append(r.rx, rule{m: m, t: s.t, coding: s.coding})
	}
}

// matchRules returns the distinct targets whose patterns match the folded
// input. A state matched by a pattern of the codings table takes the name
// from the states related to it (codings.related) that countrycode's
// patterns match: "West Germany" is 260, although countrycode's pattern for
// Germany matches it too. Unrelated matches stand, so "Thailand, South
// Vietnam" is ambiguous.
func (r *Registry) matchRules(f string) []target {
	r.rxOnce.Do(r.compileRules)
	var coding, hits []target
	add := func(ts []target, t target) []target {
		for _, h := range ts {
			if h == t {
				return ts
			}
		}
		return append(ts, t)
	}
	for i := range r.rx {
		if ru := &r.rx[i]; ru.coding && ru.m.match(f) {
			coding = add(coding, ru.t)
		}
	}
	for i := range r.rx {
		ru := &r.rx[i]
		if ru.coding || !ru.m.match(f) {
			continue
		}
		shadowed := false
		for _, c := range coding {
			shadowed = shadowed || c == ru.t || slices.Contains(r.related(c.cc), ru.t.cc)
		}
		if !shadowed {
			hits = add(hits, ru.t)
		}
	}
	return append(coding, hits...)
}

// Resolve finds the state a person means. It accepts, in this order:
//
//  1. a COW state code ("630"; Persian and Arabic-Indic digits too: "۶۳۰");
//  2. a two- or three-letter code, case-insensitively: a COW abbreviation
//     ("IRN", "GMY"), an ISO 3166 alpha-3 ("DEU") or alpha-2 ("IR") code. A
//     code that is COW's abbreviation of one entity and the ISO code of
//     another (AUS, CZE, KOR, MAC, MNG, SLV, SWZ) is refused as ambiguous;
//  3. a name, ignoring case, accents and punctuation: COW names (cw_name,
//     statenme), countrycode's English names (country.name.en, iso.name.en,
//     cow.name), the names of the codings table (USSR, West Germany, ...)
//     and the Persian names (ایران, روسیه, ...);
//  4. a name matched by a pattern: those of the codings table first, then
//     countrycode's country.name.en.regex (translated for RE2; see
//     regex.go). A name matched by the patterns of two states is refused as
//     ambiguous, as countrycode does.
//
// Successor states follow COW (codings.go): "USSR" and "Russia" are 365,
// "West Germany" is 260, "Serbia" is 345.
//
// Errors: empty input is EINVALID; an ambiguous code or name is EINVALID with
// the candidates as hints; anything else is ENOTFOUND, "no state matches
// %q", with up to five close names as a hint ("did you mean: Iran (630,
// IRN), ..."), or with a note when the name is that of a territory outside
// the COW system.
func (r *Registry) Resolve(s string) (bloc.State, error) {
	c, err := r.resolve(s)
	if err != nil {
		return bloc.State{}, err
	}
	return r.byCode[c].st, nil
}

func (r *Registry) resolve(s string) (bloc.CCode, error) {
	if len(s) > maxInput {
		return 0, &bloc.Error{Code: bloc.EINVALID, Op: "registry.Resolve",
			Message: fmt.Sprintf("%q is too long to be a state name", clip(s))}
	}
	f := fold(s)
	k := key(f)
	if k == "" {
		msg := "empty state name"
		if f != "" {
			msg = fmt.Sprintf("%q is not a state name", s)
		}
		return 0, &bloc.Error{Code: bloc.EINVALID, Op: "registry.Resolve", Message: msg,
			Hints: []string{"give a COW code (630), a COW or ISO code (IRN, IR) or a name (Iran, ایران)"}}
	}
	if isDigits(k) {
		if n, err := strconv.Atoi(k); err == nil && r.byCode[bloc.CCode(n)] != nil {
			return bloc.CCode(n), nil
		}
		return 0, &bloc.Error{Code: bloc.ENOTFOUND, Op: "registry.Resolve", Message: fmt.Sprintf("no state matches %q", s),
			Hints: []string{fmt.Sprintf("%s is not a COW state code", k)}}
	}
	if n := len(k); (n == 2 || n == 3) && isASCIILetters(k) {
		if ref, ok := r.codes[strings.ToUpper(k)]; ok {
			switch {
			case len(ref.amb) > 0:
				labels := make([]string, len(ref.ambT))
				for i, t := range ref.ambT {
					labels[i] = r.targetLabel(t)
				}
				return 0, &bloc.Error{Code: bloc.EINVALID, Op: "registry.Resolve",
					Message: fmt.Sprintf("%q is ambiguous: %s", s, strings.Join(ref.amb, "; ")),
					Hints:   []string{"did you mean: " + strings.Join(labels, ", "), "give the COW code or the name instead"}}
			case ref.t.cc == 0:
				return 0, r.notState(s, ref.t)
			default:
				return ref.t.cc, nil
			}
		}
	}
	if ref := r.names[k]; ref != nil {
		switch {
		case len(ref.amb) > 0:
			return 0, r.ambiguous(s, append([]target{ref.t}, ccTargets(ref.amb)...))
		case ref.t.cc == 0:
			return 0, r.notState(s, ref.t)
		default:
			return ref.t.cc, nil
		}
	}
	switch hits := r.matchRules(f); {
	case len(hits) == 1 && hits[0].cc != 0:
		return hits[0].cc, nil
	case len(hits) == 1:
		return 0, r.notState(s, hits[0])
	case len(hits) > 1:
		return 0, r.ambiguous(s, hits)
	}
	e := &bloc.Error{Code: bloc.ENOTFOUND, Op: "registry.Resolve", Message: fmt.Sprintf("no state matches %q", s)}
	if sug := r.suggest(k, 5); len(sug) > 0 {
		labels := make([]string, len(sug))
		for i, c := range sug {
			labels[i] = r.label(c)
		}
		e.Hints = []string{"did you mean: " + strings.Join(labels, ", ")}
	}
	return 0, e
}

func ccTargets(cs []bloc.CCode) []target {
	out := make([]target, len(cs))
	for i, c := range cs {
		out[i] = target{cc: c}
	}
	return out
}

func (r *Registry) ambiguous(s string, ts []target) error {
	labels := make([]string, len(ts))
	for i, t := range ts {
		labels[i] = r.targetLabel(t)
	}
	return &bloc.Error{Code: bloc.EINVALID, Op: "registry.Resolve",
		Message: fmt.Sprintf("%q matches more than one state", s),
		Hints:   []string{"did you mean: " + strings.Join(labels, ", ")}}
}

func (r *Registry) notState(s string, t target) error {
	return &bloc.Error{Code: bloc.ENOTFOUND, Op: "registry.Resolve", Message: fmt.Sprintf("no state matches %q", s),
		Hints: []string{t.name + " is not a member of the COW state system"}}
}

func clip(s string) string {
	if len(s) <= 40 {
		return s
	}
	i := 40
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// ResolveAt resolves s as Resolve does and checks that the state is a member
// of the system in year. If it is not, the error is ENODATA, says when the
// state was a member ("Iran is a member of the state system from 1855-01-01;
// not in 1800"), and hints at the related states that were members then
// (Germany in 1970: West Germany 260, East Germany 265); the resolved state
// is returned with it. A few names that meant another state in the past
// resolve by year (datedNames): "Federal Republic of Germany" is West Germany
// (260) in 1955–1990, "Republic of China" is China (710) before 1949.
func (r *Registry) ResolveAt(s string, year int) (bloc.State, error) {
	if len(s) <= maxInput {
		for _, d := range datedByKey[key(fold(s))] {
			if year >= d.from && year <= d.to && r.MemberIn(d.cc, year) {
				return r.byCode[d.cc].st, nil
			}
		}
	}
	st, err := r.Resolve(s)
	if err != nil || r.MemberIn(st.CCode, year) {
		return st, err
	}
	e := &bloc.Error{Code: bloc.ENODATA, Op: "registry.ResolveAt",
		Message: fmt.Sprintf("%s is a member of the state system %s; not in %d", st.Name, r.describe(st.CCode), year)}
	var alt []string
	for _, c := range r.related(st.CCode) {
		if r.MemberIn(c, year) {
			alt = append(alt, r.label(c))
		}
	}
	if len(alt) > 0 {
		e.Hints = append(e.Hints, fmt.Sprintf("in %d COW codes %s", year, strings.Join(alt, ", ")))
	}
	if last := r.MRY(); year > last {
		e.Hints = append(e.Hints, fmt.Sprintf("the registry covers the years to %d", last))
	}
	return st, e
}

// describe formats c's spells: "from 1855-01-01", "from 1816-01-01 to
// 1945-05-08 and from 1990-10-03". A spell that runs to the registry's end
// is open.
func (r *Registry) describe(c bloc.CCode) string {
	s := r.byCode[c]
	parts := make([]string, len(s.spells))
	for i, sp := range s.spells {
		parts[i] = "from " + dayTime(sp.from).Format("2006-01-02")
		if sp.to != r.end {
			parts[i] += " to " + dayTime(sp.to).Format("2006-01-02")
		}
	}
	switch len(parts) {
	case 1:
		return parts[0]
	default:
		return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	}
}

func (r *Registry) related(c bloc.CCode) []bloc.CCode {
	for _, cd := range codings {
		if cd.cc == c {
			return cd.related
		}
	}
	return nil
}

// ByAbb returns the state whose COW abbreviation is abb (case-insensitive).
// Unlike Resolve it reads abb only as a COW abbreviation, so "AUS" is Austria.
func (r *Registry) ByAbb(abb string) (bloc.State, bool) {
	return r.by(r.byAbb, abb)
}

// ByISO3 returns the state with ISO 3166 alpha-3 code iso (case-insensitive),
// for joining ISO-keyed data: "AUS" is Australia. Codes of territories outside
// the COW system (HKG, PRI) are not found.
func (r *Registry) ByISO3(iso string) (bloc.State, bool) {
	return r.by(r.byISO3, iso)
}

// ByISO2 returns the state with ISO 3166 alpha-2 code iso (case-insensitive).
func (r *Registry) ByISO2(iso string) (bloc.State, bool) {
	return r.by(r.byISO2, iso)
}

func (r *Registry) by(m map[string]bloc.CCode, code string) (bloc.State, bool) {
	c, ok := m[strings.ToUpper(strings.TrimSpace(code))]
	if !ok {
		return bloc.State{}, false
	}
	return r.byCode[c].st, true
}

// suggestName is a name of a state for "did you mean".
type suggestName struct {
	k  []rune
	cc bloc.CCode
}

func (r *Registry) buildSuggest() {
	keys := make([]string, 0, len(r.names))
	for k, ref := range r.names {
		if ref.t.cc != 0 && len(ref.amb) == 0 {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	r.sg = make([]suggestName, len(keys))
	for i, k := range keys {
		r.sg[i] = suggestName{[]rune(k), r.names[k].t.cc}
	}
}

// suggest returns up to n states with a name within a small edit distance
// (optimal string alignment: a swap of two letters counts one) of key k, or
// of which k is a prefix, closest first.
func (r *Registry) suggest(k string, n int) []bloc.CCode {
	r.sgOnce.Do(r.buildSuggest)
	in := []rune(k)
	if len(in) > 40 {
		return nil
	}
	maxD := 1
	switch {
	case len(in) > 10:
		maxD = 3
	case len(in) > 5:
		maxD = 2
	}
	best := make(map[bloc.CCode]int)
	var buf [3][]int
	for i := range buf {
		buf[i] = make([]int, 64)
	}
	for _, nm := range r.sg {
		d := maxD + 1
		if len(in) >= 3 && len(nm.k) > len(in) && runesEqual(nm.k[:len(in)], in) {
			d = 1 // a prefix: "kyrg" → Kyrgyzstan
		} else if abs(len(nm.k)-len(in)) <= maxD {
			d = osa(in, nm.k, maxD, &buf)
		}
		if d > maxD {
			continue
		}
		if old, ok := best[nm.cc]; !ok || d < old {
			best[nm.cc] = d
		}
	}
	out := make([]bloc.CCode, 0, len(best))
	for c := range best {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if best[out[i]] != best[out[j]] {
			return best[out[i]] < best[out[j]]
		}
		return r.byCode[out[i]].st.Name < r.byCode[out[j]].st.Name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func runesEqual(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// osa is the optimal-string-alignment distance between a and b, or a value
// above limit once it must exceed it.
func osa(a, b []rune, limit int, buf *[3][]int) int {
	if len(b)+1 > len(buf[0]) {
		for i := range buf {
			buf[i] = make([]int, len(b)+1)
		}
	}
	prev2, prev, cur := buf[0][:len(b)+1], buf[1][:len(b)+1], buf[2][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
