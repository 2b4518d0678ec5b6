package events

import (
	"context"
	"hash/maphash"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// Actors maps the country fields of event files to COW state codes: ICEWS
// country names ("Russian Federation", "Iran, Islamic Republic Of"), ISO3
// codes, GDELT/CAMEO country codes ("ROM", "TMP") and COW numeric codes.
// Each key maps to a ccode > 0 (a COW state), or to 0 for a known entity that
// is not a COW state (a territory such as Hong Kong, a region such as GDELT's
// "AFR", the Holy See). Lookups of a byte slice do not allocate.
//
// Codes are today's: Germany is 255 and Serbia 345 in every year, as in
// countrycode's cown column; pre-1990 GDELT events of West Germany therefore
// land on 255, not 260.
type Actors struct {
	fast  fastTable // exact keys, open addressing: faster than a map for short keys
	exact map[string]int16
	lower map[string]int16
	names map[int16]string // ccode → a display name
	iso3  map[int16]string
}

// actorOverrides are the names and codes that countrycode_codelist lacks or
// maps differently: ICEWS's ISO-3166-style names, GDELT's CAMEO country codes
// that are not ISO3, and COW codes countrycode leaves empty. 0 = not a state.
var actorOverrides = map[string]int16{
	// ICEWS country names (ISO 3166 short names as ICEWS writes them)
	"Bolivia, Plurinational State Of":            145,
	"Bolivia, Plurinational State of":            145,
	"Congo, Republic Of":                         484,
	"Congo, The Democratic Republic Of":          490,
	"Democratic Republic of Congo":               490,
	"Cote D'ivoire":                              437,
	"Cote d'Ivoire":                              437,
	"Iran, Islamic Republic Of":                  630,
	"Iran, Islamic Republic of":                  630,
	"Korea, Democratic People's Republic Of":     731,
	"Korea, Republic Of":                         732,
	"Lao People's Democratic Republic":           812,
	"Libyan Arab Jamahiriya":                     620,
	"Macedonia, The Former Yugoslav Republic Of": 343,
	"the former Yugoslav Republic of Macedonia":  343,
	"Moldova, Republic Of":                       359,
	"Moldova, Republic of":                       359,
	"Russian Federation":                         365,
	"Syrian Arab Republic":                       652,
	"Tanzania, United Republic Of":               510,
	"Tanzania, United Republic of":               510,
	"Venezuela, Bolivarian Republic Of":          101,
	"Viet Nam":                                   816,
	"Micronesia, Federated States Of":            987,
	"Serbia":                                     345,
	"SRB":                                        345,
	"Serbia and Montenegro":                      345,
	"Kosovo":                                     347,
	"Occupied Palestinian Territory":             0,
	"Palestinian Territory, Occupied":            0,
	"Holy See":                                   0,
	"Holy See (Vatican City State)":              0,
	"VAT":                                        0,
	"Hong Kong":                                  0,
	"Macao":                                      0,
	"Macau":                                      0,
	// GDELT CAMEO country codes that differ from ISO3
	"ROM": 360, // Romania
	"TMP": 860, // East Timor
	"MTN": 341, // Montenegro
	"KSV": 347, // Kosovo
	"IMY": 0,   // Isle of Man
	"ANT": 0,   // Netherlands Antilles
	"WSB": 0,   // West Bank
	"GZS": 0,   // Gaza Strip
	"BAG": 0,   // Baghdad
}

// LoadActors builds the actor table from countrycode_codelist and
// gdelt_cameo_country_codes.
func LoadActors(ctx context.Context, src datasets.Source) (*Actors, error) {
	a := &Actors{exact: map[string]int16{}, lower: map[string]int16{}, names: map[int16]string{}, iso3: map[int16]string{}}
	cl := datasets.MustLookup("countrycode_codelist")
	ci, err := colIndex(cl, "country.name.en", "iso.name.en", "cow.name", "iso3c", "cown")
	if err != nil {
		return nil, err
	}
	type entry struct {
		keys  []string
		ccode int16
	}
	var states, others []entry
	if err := src.Rows(ctx, cl, func(row []datasets.Value) error {
		var e entry
		for _, i := range ci[:4] {
			if !row[i].Null && row[i].Str != "" {
				e.keys = append(e.keys, row[i].Str)
			}
		}
		if c := row[ci[4]]; !c.Null && c.Int > 0 && c.Int < 1000 {
			e.ccode = int16(c.Int)
			if _, ok := a.names[e.ccode]; !ok && !row[ci[0]].Null {
				a.names[e.ccode] = row[ci[0]].Str
			}
			if _, ok := a.iso3[e.ccode]; !ok && !row[ci[3]].Null {
				a.iso3[e.ccode] = row[ci[3]].Str
			}
			states = append(states, e)
		} else {
			others = append(others, e)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for k, v := range actorOverrides {
		a.add(k, v)
	}
	for _, e := range states {
		for _, k := range e.keys {
			a.add(k, e.ccode)
		}
		a.add(strconv.Itoa(int(e.ccode)), e.ccode)
	}
	for _, e := range others {
		for _, k := range e.keys {
			a.add(k, 0)
		}
	}
	a.add("345", 345)
	a.add("347", 347)
	a.names[345], a.iso3[345] = "Serbia", "SRB"
	gd := datasets.MustLookup("gdelt_cameo_country_codes")
	gi, err := colIndex(gd, "CODE", "LABEL")
	if err != nil {
		return nil, err
	}
	if err := src.Rows(ctx, gd, func(row []datasets.Value) error {
		code, label := row[gi[0]].Str, row[gi[1]].Str
		if code == "" || code == "0" {
			return nil
		}
		if _, ok := a.exact[code]; ok {
			return nil
		}
		if c, ok := a.lookupString(label); ok {
			a.add(code, c)
		} else {
			a.add(code, 0) // a region or territory: known, not a state
		}
		return nil
	}); err != nil {
		return nil, err
	}
	a.fast = newFastTable(a.exact)
	if c, _ := a.lookupString("Russian Federation"); c != 365 {
		return nil, bloc.Errorf(bloc.EINTERNAL, "actor table: Russian Federation maps to %d, not 365", c)
	}
	return a, nil
}

// add sets key → ccode unless the key is already set (first wins: overrides,
// then states, then non-state entities).
func (a *Actors) add(key string, c int16) {
	key = strings.TrimSpace(key)
	if key == "" {
		return
	}
	if _, ok := a.exact[key]; !ok {
		a.exact[key] = c
	}
	l := strings.ToLower(key)
	if _, ok := a.lower[l]; !ok {
		a.lower[l] = c
	}
}

// Lookup maps a country field to a COW code. ok is false for a field that no
// table knows; an empty field is known and not a state (0, true).
func (a *Actors) Lookup(b []byte) (ccode int16, ok bool) {
	if len(b) == 0 {
		return 0, true
	}
	if c, ok := a.fast.get(b); ok {
		return c, true
	}
	if len(b) > 80 {
		return 0, false
	}
	var buf [80]byte
	n := 0
	for _, ch := range b {
		if ch >= 'A' && ch <= 'Z' {
			ch += 'a' - 'A'
		}
		buf[n] = ch
		n++
	}
	// trim spaces
	s, e := 0, n
	for s < e && buf[s] == ' ' {
		s++
	}
	for e > s && buf[e-1] == ' ' {
		e--
	}
	if s == e {
		return 0, true
	}
	c, ok := a.lower[string(buf[s:e])]
	return c, ok
}

func (a *Actors) lookupString(s string) (int16, bool) { return a.Lookup([]byte(s)) }

// Resolve maps a user's state reference (a COW code, an ISO3 code or a name) to a COW code.
func (a *Actors) Resolve(s string) (bloc.CCode, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if n > 0 && n < 1000 {
			return bloc.CCode(n), nil
		}
		return 0, bloc.Errorf(bloc.EINVALID, "%d is not a COW state code", n)
	}
	c, ok := a.lookupString(s)
	if !ok {
		return 0, &bloc.Error{Code: bloc.ENOTFOUND, Message: "no state named " + strconvQuote(s), Hints: []string{"use a COW code (365), an ISO3 code (RUS) or a country name"}}
	}
	if c == 0 {
		return 0, bloc.Errorf(bloc.EINVALID, "%q is not a COW state", s)
	}
	return bloc.CCode(c), nil
}

// Name returns a display name for a COW code ("" if unknown).
func (a *Actors) Name(c bloc.CCode) string { return a.names[int16(c)] }

// ISO3 returns the ISO3 code of a COW code ("" if unknown).
func (a *Actors) ISO3(c bloc.CCode) string { return a.iso3[int16(c)] }

// Len returns the number of keys known.
func (a *Actors) Len() int { return len(a.exact) }

func strconvQuote(s string) string {
	if len(s) > 60 {
		s = s[:60] + "…"
	}
	return strconv.Quote(s)
}

// fastTable is an open-addressing hash table from string keys to ccodes,
// hashed with the runtime's (AES) hash: two lookups per event are on the
// parser's hottest path.
type fastTable struct {
	seed maphash.Seed
	mask uint64
	keys []string
	vals []int16
	used []bool
}

func newFastTable(m map[string]int16) fastTable {
	n := uint64(64)
	for n < uint64(len(m))*4 {
		n *= 2
	}
	t := fastTable{seed: maphash.MakeSeed(), mask: n - 1, keys: make([]string, n), vals: make([]int16, n), used: make([]bool, n)}
	for k, v := range m {
		i := maphash.String(t.seed, k) & t.mask
		for t.used[i] {
			i = (i + 1) & t.mask
		}
		t.keys[i], t.vals[i], t.used[i] = k, v, true
	}
	return t
}

func (t *fastTable) get(b []byte) (int16, bool) {
	if len(t.used) == 0 {
		return 0, false
	}
	i := maphash.Bytes(t.seed, b) & t.mask
	for t.used[i] {
		if t.keys[i] == string(b) {
			return t.vals[i], true
		}
		i = (i + 1) & t.mask
	}
	return 0, false
}
