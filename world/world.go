// Package world is bloc's in-memory picture of the international system over
// a span of years: the states, their state-year attributes (capabilities,
// economy, regime, religion, UN ideal points), the dyad-years between them
// (contiguity, distance, alliances, trade, events, arms transfers, IGOs) and
// the episodes (rivalries, disputes, sanctions, UNSC vetoes), with a record of
// which data were loaded so that missing is never read as zero.
//
// Theories and indicators read a World and never touch the store: tests build
// one by hand (New, SetStateYear, SetDyad, ...), Load fills one from the
// store, and Clone gives a copy that a "what if" can modify.
package world

import (
	"sort"
	"strconv"
	"sync"

	"github.com/bloc-project/bloc"
)

// Source names a family of data a World holds. The names are the store's
// table names, so provenance can be looked up in the dataset catalogue.
type Source string

// The sources a World can hold.
const (
	NMC        Source = "cow_nmc_v7"
	Majors     Source = "cow_major_powers"
	Contiguity Source = "cow_contdir_v3.2"
	MinDist    Source = "cow_mindist_cshapes2"
	Capitals   Source = "cow_capitals"
	CEPII      Source = "cepii_geodist_dyadic"
	ATOP       Source = "atop5_dyad_year"
	Trade      Source = "cow_trade_dyadic_v4"
	TradeTotal Source = "cow_trade_state_year_v4"
	GDP        Source = "isard_cw_gdppop"
	Democracy  Source = "isard_cw_democracy"
	Religion   Source = "wrp_national_v1.1"
	Ideal      Source = "unga_ideal_points_bsv_jun2024"
	Events     Source = "icews_dyad_year_quadcounts_2002_2014"
	Arms       Source = "sipri_tiv_dyad_year_1950_2021"
	IGO        Source = "cow_igo_dyad_year_v3"
	Disputes   Source = "gml_mid_directed_dispute_v2.2.1"
	Rivalries  Source = "tss_strategic_rivalries"
	TIES       Source = "ties_v4.1_sanctions"
	GSDB       Source = "gsdb_v3_sanctions"
	Vetoes     Source = "unsc_vetoes_1946_2022"
)

// Coverage records what a World holds of a source: the years loaded (already
// clipped to the dataset's own years) and, for dyadic sources loaded for a
// few states only, which states' rows were loaded. Within its coverage, an
// absent row of an event-listing source (alliances, disputes, events, arms
// transfers, sanctions) means none; outside it, the value is missing.
type Coverage struct {
	Years bloc.Period
	// Focus, when not nil, lists the states whose dyads were loaded: a dyad
	// is covered when either member is in it.
	Focus map[bloc.CCode]bool
	// Units, when not nil, lists the states the dataset itself covers (ICEWS
	// covers 152 states); dyads with others are missing, not zero.
	Units map[bloc.CCode]bool
}

// Covers reports whether the coverage includes year y.
func (c Coverage) Covers(y int) bool { return c.Years.From != 0 && c.Years.Contains(y) }

// CoversDyad reports whether the coverage includes the dyad a–b in year y.
func (c Coverage) CoversDyad(a, b bloc.CCode, y int) bool {
	if !c.Covers(y) {
		return false
	}
	if c.Focus != nil && !c.Focus[a] && !c.Focus[b] {
		return false
	}
	if c.Units != nil && (!c.Units[a] || !c.Units[b]) {
		return false
	}
	return true
}

// CoversState reports whether the coverage includes state c in year y.
func (c Coverage) CoversState(s bloc.CCode, y int) bool {
	if !c.Covers(y) {
		return false
	}
	return c.Units == nil || c.Units[s]
}

// State is a member of the system as the World knows it.
type State struct {
	bloc.State
	// Capitals are the state's capitals with the years they served.
	Capitals []Capital
}

// Capital is a capital city and the years it served.
type Capital struct {
	Name     string
	From, To int
	Lat, Lng float64
}

// StateYear is a state's attributes in one year. Every number is missing
// unless the source has it.
type StateYear struct {
	Member bool // a member of the COW system in the year
	Major  bool // a COW major power in the year

	// COW NMC: milex (thousands of USD), milper (thousands), irst (thousand
	// tons), pec (thousand coal-ton equivalents), tpop, upop (thousands), cinc.
	Milex, Milper, Irst, Pec, Tpop, Upop, CINC bloc.Num

	// GDP is PWT real GDP (millions of 2017 USD, PPP); GDPpc is Maddison
	// GDP per capita (2011 USD).
	GDP, GDPpc bloc.Num
	// Imports and Exports are COW national trade totals (millions of current USD).
	Imports, Exports bloc.Num

	Polity2, Polyarchy bloc.Num
	// Ideal is the Bailey–Strezhnev–Voeten UNGA ideal point.
	Ideal bloc.Num
	// Religion holds WRP adherent shares; only wave years (every five years) have it.
	Religion *ReligionShares
}

// Religions are the religion families of ReligionShares, in order.
var Religions = []string{"protestant", "catholic", "orthodox", "anglican", "christian_other", "jewish",
	"sunni", "shia", "muslim_other", "buddhist", "hindu", "sikh", "shinto", "taoist", "confucian",
	"syncretic", "animist", "zoroastrian", "bahai", "jain", "nonreligious", "other"}

// ReligionShares are the shares of the population in each denomination of
// Religions.
type ReligionShares [22]float64

// Family maps each denomination of Religions to its family (christian,
// muslim, or the denomination itself).
var Family = []string{"christian", "christian", "christian", "christian", "christian", "jewish",
	"muslim", "muslim", "muslim", "buddhist", "hindu", "sikh", "shinto", "taoist", "confucian",
	"syncretic", "animist", "zoroastrian", "bahai", "jain", "nonreligious", "other"}

// Families returns the shares by family, in order of first appearance in Family.
func (r *ReligionShares) Families() (names []string, shares []float64) {
	idx := map[string]int{}
	for k, f := range Family {
		i, ok := idx[f]
		if !ok {
			i = len(names)
			idx[f] = i
			names = append(names, f)
			shares = append(shares, 0)
		}
		shares[i] += r[k]
	}
	return names, shares
}

// Pledges are the ATOP obligations in force between two states.
type Pledges struct {
	Defense, Offense, Neutral, NonAgg, Consul bool
}

// Any reports whether any obligation is in force.
func (p Pledges) Any() bool { return p.Defense || p.Offense || p.Neutral || p.NonAgg || p.Consul }

// Quad are ICEWS event counts of one directed dyad: verbal cooperation,
// material cooperation, verbal conflict, material conflict.
type Quad [4]float64

// Total returns the number of events.
func (q Quad) Total() float64 { return q[0] + q[1] + q[2] + q[3] }

// DyadYear is what the data say about the directed dyad a→b in a year. Its
// zero value is "nothing recorded"; whether that means none or missing
// depends on the source's Coverage.
type DyadYear struct {
	// Contig is the COW contiguity type 1–5; 0 is not contiguous.
	Contig int
	// MinDist is the CShapes minimum distance in km.
	MinDist bloc.Num
	ATOP    Pledges
	// Imports are a's imports from b (COW trade, millions of current USD).
	Imports bloc.Num
	// Events are ICEWS counts of a's actions towards b.
	Events Quad
	// Arms is the SIPRI TIV of major arms a delivered to b.
	Arms float64
	// IGOs is the number of intergovernmental organisations both belong to.
	IGOs bloc.Num
}

// Static is what CEPII GeoDist says about a dyad (time-invariant).
type Static struct {
	Contig, ComLangOff, ComLangEthno, Colony, ComCol, SameCountry bool
	DistCap                                                       float64 // km
}

// Dispute is one year of a militarised interstate dispute between A and B,
// who were on opposite sides (GML MID, directed dispute-dyad-year).
type Dispute struct {
	Num      int
	A, B     bloc.CCode
	Year     int
	Onset    bool
	SideA    bool // A was on side A (the initiating side)
	HostA    int  // A's highest hostility level, 1–5
	HostB    int
	OrigA    bool  // A was an originator
	RevA     []int // A's revision types: 1 territory, 2 policy, 3 regime, 4 other
	Fatality int
}

// Rivalry is a strategic rivalry (Thompson, Sakuwa & Suhas 2021).
type Rivalry struct {
	ID       int
	Name     string
	A, B     bloc.CCode
	From, To int
	Types    []string // positional, spatial, ideological, interventionary
}

// Active reports whether the rivalry is active in any year of p.
func (r Rivalry) Active(p bloc.Period) bool { return r.From <= p.To && p.From <= r.To }

// Sanction is a sanctions episode: senders (states and organisations),
// targets and the years it was in force.
type Sanction struct {
	Source   Source
	ID       string
	Senders  []bloc.CCode
	Orgs     []string // sending organisations (UN, EU) and unresolved names
	Targets  []bloc.CCode
	From, To int // To is the last year in force (the data's last year if ongoing)
	Imposed  bool
}

// Veto is a veto cast in the UN Security Council.
type Veto struct {
	Date    string
	Year    int
	Draft   string
	Agenda  string
	Topic   string
	Vetoers []bloc.CCode
}

// Fact is a dated fact from a case file (not in the datasets), available to
// the theories as evidence.
type Fact struct {
	bloc.CaseFact
	SubjectCode bloc.CCode
	ObjectCode  bloc.CCode
	Year        int
}

// Overrides replace computed indicators, for "what if" scenarios: Intent
// sets the aggressive intentions of A towards B (in [0,1]); IntentYears,
// when it has the pair, limits the override to those years (an indicator
// over a period uses it when the period overlaps them).
type Overrides struct {
	Intent      map[Pair]float64
	IntentYears map[Pair]bloc.Period
}

// Pair is a directed dyad.
type Pair struct{ A, B bloc.CCode }

type syKey struct {
	c bloc.CCode
	y int
}

type ayKey struct {
	a bloc.CCode
	y int
}

// World is the system over a span of years. Build one with New (and the
// Set and Add methods) or Load; copy it with Clone.
type World struct {
	Span   bloc.Period
	states map[bloc.CCode]*State
	sy     map[syKey]*StateYear
	dy     map[ayKey]map[bloc.CCode]*DyadYear
	static map[Pair]*Static
	// members caches Members; mu guards it, so a World can be read by many
	// goroutines at once.
	mu      sync.Mutex
	members map[int][]bloc.CCode

	Disputes  []Dispute
	Rivalries []Rivalry
	Sanctions []Sanction
	Vetoes    []Veto
	Facts     []Fact
	Override  Overrides

	cover map[Source]Coverage
	// atopAll is a year in which ATOP was read for every state although its
	// coverage is focused (0: none).
	atopAll int
}

// New returns an empty World over span in which every source is covered for
// every year and state: what a test leaves unset is none (for event-listing
// sources) or missing (for values). Use Uncover to take a source away.
func New(span bloc.Period) *World {
	w := &World{Span: span, states: map[bloc.CCode]*State{}, sy: map[syKey]*StateYear{},
		dy: map[ayKey]map[bloc.CCode]*DyadYear{}, static: map[Pair]*Static{}, cover: map[Source]Coverage{}}
	for _, s := range AllSources {
		w.cover[s] = Coverage{Years: span}
	}
	return w
}

// AllSources lists every source a World can hold.
var AllSources = []Source{NMC, Majors, Contiguity, MinDist, Capitals, CEPII, ATOP, Trade, TradeTotal, GDP,
	Democracy, Religion, Ideal, Events, Arms, IGO, Disputes, Rivalries, TIES, GSDB, Vetoes}

// Cover returns what the World holds of source s.
func (w *World) Cover(s Source) Coverage { return w.cover[s] }

// CoversDyad reports whether the World holds source s for the dyad a–b in
// year y.
func (w *World) CoversDyad(s Source, a, b bloc.CCode, y int) bool {
	if s == ATOP && y == w.atopAll && w.cover[s].Covers(y) {
		return true
	}
	return w.cover[s].CoversDyad(a, b, y)
}

// SetCover sets what the World holds of source s.
func (w *World) SetCover(s Source, c Coverage) { w.cover[s] = c }

// Uncover records that the World holds nothing of source s.
func (w *World) Uncover(s Source) { w.cover[s] = Coverage{} }

// AddState adds a state (or replaces it).
func (w *World) AddState(s State) { c := s; w.states[s.CCode] = &c }

// State returns the state with code c.
func (w *World) State(c bloc.CCode) (*State, bool) {
	s, ok := w.states[c]
	return s, ok
}

// Info returns the state's identity, or a bare code when unknown.
func (w *World) Info(c bloc.CCode) bloc.State {
	if s, ok := w.states[c]; ok {
		return s.State
	}
	return bloc.State{CCode: c}
}

// Abb returns the state's COW abbreviation, or its code when unknown.
func (w *World) Abb(c bloc.CCode) string {
	if s, ok := w.states[c]; ok && s.Abb != "" {
		return s.Abb
	}
	return strconv.Itoa(int(c))
}

// AbbArg is the state as an argument of bloc.Sayf: its abbreviation in
// English, its name in other languages.
func (w *World) AbbArg(c bloc.CCode) bloc.Abbr { return bloc.Abbr{CCode: c, Abb: w.Abb(c)} }

// Name returns the state's name, or its abbreviation when unknown.
func (w *World) Name(c bloc.CCode) string {
	if s, ok := w.states[c]; ok && s.Name != "" {
		return s.Name
	}
	return w.Abb(c)
}

// States returns every state of the World, by code.
func (w *World) States() []bloc.CCode {
	out := make([]bloc.CCode, 0, len(w.states))
	for c := range w.states {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// StateYear returns c's attributes in year y, or nil.
func (w *World) StateYear(c bloc.CCode, y int) *StateYear { return w.sy[syKey{c, y}] }

// SetStateYear sets c's attributes in year y, adding c if unknown.
func (w *World) SetStateYear(c bloc.CCode, y int, s StateYear) {
	if _, ok := w.states[c]; !ok {
		w.states[c] = &State{State: bloc.State{CCode: c}}
	}
	v := s
	w.sy[syKey{c, y}] = &v
	w.resetMembers()
}

// EditStateYear calls fn with c's attributes in year y, creating them.
func (w *World) EditStateYear(c bloc.CCode, y int, fn func(*StateYear)) {
	s := w.sy[syKey{c, y}]
	if s == nil {
		s = &StateYear{}
		if _, ok := w.states[c]; !ok {
			w.states[c] = &State{State: bloc.State{CCode: c}}
		}
		w.sy[syKey{c, y}] = s
	}
	fn(s)
	w.resetMembers()
}

func (w *World) resetMembers() {
	w.mu.Lock()
	w.members = nil
	w.mu.Unlock()
}

// Members returns the states that are members of the system in year y, by code.
func (w *World) Members(y int) []bloc.CCode {
	w.mu.Lock()
	defer w.mu.Unlock()
	if out, ok := w.members[y]; ok {
		return out
	}
	if w.members == nil {
		w.members = map[int][]bloc.CCode{}
	}
	out := []bloc.CCode{}
	for k, s := range w.sy {
		if k.y == y && s.Member {
			out = append(out, k.c)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	w.members[y] = out
	return out
}

// Member reports whether c is a member of the system in year y.
func (w *World) Member(c bloc.CCode, y int) bool {
	s := w.sy[syKey{c, y}]
	return s != nil && s.Member
}

// Dyad returns what the data say about a→b in year y, or nil.
func (w *World) Dyad(a, b bloc.CCode, y int) *DyadYear { return w.dy[ayKey{a, y}][b] }

// EditDyad calls fn with the record of a→b in year y, creating it. Set both
// directions for symmetric data (SetSymmetric does).
func (w *World) EditDyad(a, b bloc.CCode, y int, fn func(*DyadYear)) {
	m := w.dy[ayKey{a, y}]
	if m == nil {
		m = map[bloc.CCode]*DyadYear{}
		w.dy[ayKey{a, y}] = m
	}
	d := m[b]
	if d == nil {
		d = &DyadYear{}
		m[b] = d
	}
	fn(d)
}

// EditSymmetric calls fn with the records of a→b and b→a in year y.
func (w *World) EditSymmetric(a, b bloc.CCode, y int, fn func(*DyadYear)) {
	w.EditDyad(a, b, y, fn)
	w.EditDyad(b, a, y, fn)
}

// DyadsOf calls fn for every recorded dyad-year a→b with a = c.
func (w *World) DyadsOf(c bloc.CCode, y int, fn func(b bloc.CCode, d *DyadYear)) {
	m := w.dy[ayKey{c, y}]
	keys := make([]bloc.CCode, 0, len(m))
	for b := range m {
		keys = append(keys, b)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	for _, b := range keys {
		fn(b, m[b])
	}
}

// EachDyadOf calls fn for every recorded dyad-year a→b with a = c, in no
// particular order; use DyadsOf when the order matters.
func (w *World) EachDyadOf(c bloc.CCode, y int, fn func(b bloc.CCode, d *DyadYear)) {
	for b, d := range w.dy[ayKey{c, y}] {
		fn(b, d)
	}
}

// Static returns the CEPII record of a–b, or nil.
func (w *World) Static(a, b bloc.CCode) *Static { return w.static[Pair{a, b}] }

// SetStatic sets the CEPII record of a–b (both directions).
func (w *World) SetStatic(a, b bloc.CCode, s Static) {
	v := s
	w.static[Pair{a, b}] = &v
	u := s
	w.static[Pair{b, a}] = &u
}

// Capital returns c's capital in year y.
func (w *World) Capital(c bloc.CCode, y int) (Capital, bool) {
	s, ok := w.states[c]
	if !ok {
		return Capital{}, false
	}
	for _, cp := range s.Capitals {
		if y >= cp.From && y <= cp.To {
			return cp, true
		}
	}
	return Capital{}, false
}

// Clone returns a deep copy of the World that can be modified without
// touching the original.
func (w *World) Clone() *World {
	c := &World{Span: w.Span, states: make(map[bloc.CCode]*State, len(w.states)), sy: make(map[syKey]*StateYear, len(w.sy)),
		dy: make(map[ayKey]map[bloc.CCode]*DyadYear, len(w.dy)), static: make(map[Pair]*Static, len(w.static)), cover: map[Source]Coverage{}}
	for k, s := range w.states {
		v := *s
		v.Capitals = append([]Capital(nil), s.Capitals...)
		c.states[k] = &v
	}
	for k, s := range w.sy {
		v := *s
		if s.Religion != nil {
			r := *s.Religion
			v.Religion = &r
		}
		c.sy[k] = &v
	}
	for k, m := range w.dy {
		cm := make(map[bloc.CCode]*DyadYear, len(m))
		for b, d := range m {
			v := *d
			cm[b] = &v
		}
		c.dy[k] = cm
	}
	for k, s := range w.static {
		v := *s
		c.static[k] = &v
	}
	for k, v := range w.cover {
		c.cover[k] = v
	}
	c.atopAll = w.atopAll
	c.Disputes = append([]Dispute(nil), w.Disputes...)
	c.Rivalries = append([]Rivalry(nil), w.Rivalries...)
	c.Sanctions = append([]Sanction(nil), w.Sanctions...)
	c.Vetoes = append([]Veto(nil), w.Vetoes...)
	c.Facts = append([]Fact(nil), w.Facts...)
	if w.Override.Intent != nil {
		c.Override.Intent = make(map[Pair]float64, len(w.Override.Intent))
		for k, v := range w.Override.Intent {
			c.Override.Intent[k] = v
		}
	}
	if w.Override.IntentYears != nil {
		c.Override.IntentYears = make(map[Pair]bloc.Period, len(w.Override.IntentYears))
		for k, v := range w.Override.IntentYears {
			c.Override.IntentYears[k] = v
		}
	}
	return c
}

// ScaleCapabilities multiplies c's six NMC components by f in every year of
// p and recomputes every state's CINC in those years from the components
// (the share of each component in the system total, averaged over the
// components present), so the system still sums to about one.
func (w *World) ScaleCapabilities(c bloc.CCode, f float64, p bloc.Period) {
	for y := p.From; y <= p.To; y++ {
		s := w.sy[syKey{c, y}]
		if s == nil {
			continue
		}
		for _, n := range []*bloc.Num{&s.Milex, &s.Milper, &s.Irst, &s.Pec, &s.Tpop, &s.Upop} {
			if n.OK {
				n.V *= f
			}
		}
		w.RecomputeCINC(y)
	}
}

// RecomputeCINC recomputes every member's CINC in year y from the six NMC
// components: CINC = mean over the components present of the state's share
// of the members' total (Singer, Bremer & Stuckey 1972).
func (w *World) RecomputeCINC(y int) {
	var tot [6]float64
	members := w.Members(y)
	comps := func(s *StateYear) [6]bloc.Num {
		return [6]bloc.Num{s.Milex, s.Milper, s.Irst, s.Pec, s.Tpop, s.Upop}
	}
	for _, c := range members {
		for k, n := range comps(w.sy[syKey{c, y}]) {
			if n.OK {
				tot[k] += n.V
			}
		}
	}
	for _, c := range members {
		s := w.sy[syKey{c, y}]
		var sum float64
		var n int
		for k, v := range comps(s) {
			if v.OK && tot[k] > 0 {
				sum += v.V / tot[k]
				n++
			}
		}
		if n > 0 {
			s.CINC = bloc.Some(sum / float64(n))
		} else {
			s.CINC = bloc.Missing
		}
	}
}

// SetIntent overrides the aggressive intentions of a towards b with v ∈ [0,1].
func (w *World) SetIntent(a, b bloc.CCode, v float64) {
	if w.Override.Intent == nil {
		w.Override.Intent = map[Pair]float64{}
	}
	w.Override.Intent[Pair{a, b}] = v
	delete(w.Override.IntentYears, Pair{a, b})
}

// SetIntentIn overrides the aggressive intentions of a towards b with
// v ∈ [0,1] in the years of p only.
func (w *World) SetIntentIn(a, b bloc.CCode, v float64, p bloc.Period) {
	w.SetIntent(a, b, v)
	if w.Override.IntentYears == nil {
		w.Override.IntentYears = map[Pair]bloc.Period{}
	}
	w.Override.IntentYears[Pair{a, b}] = p
}

// IntentOverride returns the override of a's intentions towards b that
// applies to an indicator over p, if any.
func (w *World) IntentOverride(a, b bloc.CCode, p bloc.Period) (float64, bool) {
	v, ok := w.Override.Intent[Pair{a, b}]
	if !ok {
		return 0, false
	}
	if sp, limited := w.Override.IntentYears[Pair{a, b}]; limited && (sp.To < p.From || sp.From > p.To) {
		return 0, false
	}
	return v, true
}
