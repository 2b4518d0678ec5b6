// Package whatif answers "what if": it modifies a copy of the World (the
// capabilities, intentions, trade, regime, UN votes or sanctions of a
// state), re-runs the theories, the evidence weighing and the termination
// monitor on it, and reports what changed against the baseline — the ranking
// of the theories and their scores, the tie, the top threat, the posterior
// and the risk of termination. The paper's Table 2 scenarios (Walt's 1997
// ending conditions for Iran's alignment with Russia) are built in.
//
// A modification is written STATE.FIELD=VALUE or STATE.FIELD*=FACTOR,
// optionally followed by @YEARS (the grammar is in ParseSet and
// docs/verdict-schema.md, "What-if").
package whatif

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/world"
)

// Fields are the fields a modification may change.
var Fields = map[string]string{
	"cinc":       "CINC in (0,1): = scales the six NMC components until the state's CINC is the value; *= scales them by the factor (every state's CINC is recomputed)",
	"milex":      "military expenditure (NMC component, thousands of USD); CINC is recomputed",
	"milper":     "military personnel (NMC component, thousands); CINC is recomputed",
	"irst":       "iron and steel production (NMC component); CINC is recomputed",
	"pec":        "primary energy consumption (NMC component); CINC is recomputed",
	"tpop":       "total population (NMC component); CINC is recomputed",
	"upop":       "urban population (NMC component); CINC is recomputed",
	"intentions": "aggressive intentions towards :TARGET (default A, or B for A itself) in [0,1], or low (0.1), medium (0.5), high (0.9); *= scales the computed index",
	"trade":      "bilateral trade with :PARTNER (default A, or B for A itself), both flows, million USD; the states' totals change by the same amounts",
	"polity2":    "Polity2 score in [−10, 10] (= only)",
	"polyarchy":  "V-Dem electoral democracy index in [0,1] (= only)",
	"ideal":      "UNGA ideal point (Bailey, Strezhnev & Voeten)",
	"sanctions":  "sanctions episodes imposed on :TARGET (default A, or B for A itself): = N replaces the state's episodes against the target by N new ones (= only)",
}

// Levels are the named intentions levels.
var Levels = map[string]float64{"low": 0.1, "medium": 0.5, "high": 0.9}

// Set is one modification of the World.
type Set struct {
	// Text is the modification as written.
	Text string
	// State is the state as written: a COW abbreviation, ISO code, COW
	// code or name, or a role: A, B (the dyad) or T (A's top threat).
	State string
	Field string
	// Arg is the other state of intentions, trade and sanctions ("" for
	// the default).
	Arg string
	// Scale is true for *= (Value is a factor), false for = .
	Scale bool
	Value float64
	// Years limits the change; nil applies it from the scenario's start
	// year (--at) to the end of the World.
	Years *bloc.Period
}

func (s Set) String() string { return s.Text }

// ParseSet reads a modification:
//
//	STATE.FIELD[:OTHER]=VALUE[@YEARS]
//	STATE.FIELD[:OTHER]*=FACTOR[@YEARS]
//
// STATE and OTHER are a COW abbreviation, ISO code, COW code or name, or a
// role: A, B, T. FIELD is one of Fields. VALUE is a number (intentions also
// take low, medium, high). YEARS is YYYY (from that year on), YYYY- (the
// same) or YYYY-YYYY. Errors name the modification.
func ParseSet(text string) (Set, error) {
	s := Set{Text: strings.TrimSpace(text)}
	bad := func(format string, args ...any) (Set, error) {
		return Set{}, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--set %q: %s", text, fmt.Sprintf(format, args...)),
			Hints: []string{"write STATE.FIELD=VALUE or STATE.FIELD*=FACTOR, optionally @YEARS: e.g. USA.intentions=low, IRN.cinc*=2@2015, IRN.trade:RUS*=5",
				"fields: " + fieldNames()}}
	}
	body := s.Text
	if at := strings.LastIndexByte(body, '@'); at >= 0 {
		ys, err := parseYears(strings.TrimSpace(body[at+1:]))
		if err != nil {
			return bad("%v", err)
		}
		s.Years = ys
		body = strings.TrimSpace(body[:at])
	}
	op := strings.Index(body, "*=")
	if op >= 0 {
		s.Scale = true
	} else if op = strings.IndexByte(body, '='); op < 0 {
		return bad("no = or *=")
	}
	lhs, rhs := strings.TrimSpace(body[:op]), strings.TrimSpace(body[op+1:])
	if s.Scale {
		rhs = strings.TrimSpace(body[op+2:])
	}
	// The field follows the first dot after which a field name comes, so
	// names with dots ("St. Lucia") still parse.
	dot := -1
	for k := 0; k < len(lhs) && dot < 0; k++ {
		if lhs[k] == '.' {
			f, _, _ := strings.Cut(strings.ToLower(lhs[k+1:]), ":")
			if _, ok := Fields[strings.TrimSpace(f)]; ok {
				dot = k
			}
		}
	}
	if dot < 0 {
		dot = strings.IndexByte(lhs, '.')
	}
	if dot <= 0 || dot == len(lhs)-1 {
		return bad("%q is not STATE.FIELD", lhs)
	}
	field, arg, hasArg := strings.Cut(lhs[dot+1:], ":")
	s.State, s.Field, s.Arg = strings.TrimSpace(lhs[:dot]), strings.ToLower(strings.TrimSpace(field)), strings.TrimSpace(arg)
	if hasArg && s.Arg == "" {
		return bad("nothing after %q:", s.Field)
	}
	if s.State == "" {
		return bad("no state before .%s", s.Field)
	}
	if _, ok := Fields[s.Field]; !ok {
		return bad("%q is not a field (fields: %s)", s.Field, fieldNames())
	}
	if s.Arg != "" && s.Field != "intentions" && s.Field != "trade" && s.Field != "sanctions" {
		return bad("%s takes no :STATE (only intentions, trade and sanctions do)", s.Field)
	}
	if rhs == "" {
		return bad("no value")
	}
	if v, ok := Levels[strings.ToLower(rhs)]; ok {
		if s.Field != "intentions" || s.Scale {
			return bad("%s is a level of intentions (with =); %s takes a number", rhs, s.Field)
		}
		s.Value = v
	} else {
		v, err := strconv.ParseFloat(rhs, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return bad("%q is not a number", rhs)
		}
		s.Value = v
	}
	if s.Scale {
		switch s.Field {
		case "polity2", "polyarchy", "sanctions":
			return bad("%s takes = only", s.Field)
		}
		if s.Value <= 0 {
			return bad("the factor %g must be positive", s.Value)
		}
		return s, nil
	}
	switch s.Field {
	case "cinc":
		if !(s.Value > 0 && s.Value < 1) {
			return bad("CINC %g is not in (0,1)", s.Value)
		}
	case "intentions", "polyarchy":
		if s.Value < 0 || s.Value > 1 {
			return bad("%s %g is not in [0,1]", s.Field, s.Value)
		}
	case "polity2":
		if s.Value < -10 || s.Value > 10 {
			return bad("polity2 %g is not in [−10, 10]", s.Value)
		}
	case "sanctions":
		if s.Value < 0 || s.Value != math.Trunc(s.Value) || s.Value > 100 {
			return bad("sanctions %g is not a number of episodes (0–100)", s.Value)
		}
	case "ideal":
	default:
		if s.Value < 0 {
			return bad("%s %g is negative", s.Field, s.Value)
		}
	}
	return s, nil
}

func parseYears(s string) (*bloc.Period, error) {
	year := func(x string) (int, error) {
		v, err := strconv.Atoi(strings.TrimSpace(x))
		if err != nil || v < 1816 || v > 2100 {
			return 0, fmt.Errorf("@%s: %q is not a year in 1816–2100", s, x)
		}
		return v, nil
	}
	if s == "" {
		return nil, fmt.Errorf("nothing after @ (give YYYY, YYYY- or YYYY-YYYY)")
	}
	from, to, rng := strings.Cut(s, "-")
	f, err := year(from)
	if err != nil {
		return nil, err
	}
	p := &bloc.Period{From: f, To: 9999}
	if rng && strings.TrimSpace(to) != "" {
		if p.To, err = year(to); err != nil {
			return nil, err
		}
		if p.To < p.From {
			return nil, fmt.Errorf("@%s: %d is after %d", s, p.From, p.To)
		}
	}
	return p, nil
}

func fieldNames() string {
	return "cinc, milex, milper, irst, pec, tpop, upop, intentions[:TARGET], trade[:PARTNER], polity2, polyarchy, ideal, sanctions[:TARGET]"
}

// Env is what applying a modification needs: the roles, the period of the
// analysis, the year scenarios start in, and how to resolve a state.
type Env struct {
	A, B, T bloc.CCode
	Period  bloc.Period
	// At is the first year a modification without @YEARS applies to
	// (it applies to the end of the World's span).
	At      int
	Params  indicators.Params
	Resolve func(s string) (bloc.CCode, error)
}

func (e Env) state(s, set string) (bloc.CCode, error) {
	switch strings.ToUpper(s) {
	case "A":
		return e.A, nil
	case "B":
		return e.B, nil
	case "T":
		if e.T == 0 {
			return 0, bloc.Errorf(bloc.EINVALID, "--set %q: T, A's top threat, could not be ranked", set)
		}
		return e.T, nil
	}
	c, err := e.Resolve(s)
	if err != nil {
		return 0, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--set %q: %v", set, err), Hints: bloc.ErrorHints(err)}
	}
	return c, nil
}

// Apply applies the modification to w (a clone: the caller keeps the
// original) and returns what it did, in words.
func Apply(w *world.World, s Set, e Env) (string, error) {
	c, err := e.state(s.State, s.Text)
	if err != nil {
		return "", err
	}
	other := e.A
	if c == e.A {
		other = e.B
	}
	if s.Arg != "" {
		if other, err = e.state(s.Arg, s.Text); err != nil {
			return "", err
		}
	}
	if other == c && (s.Field == "intentions" || s.Field == "trade" || s.Field == "sanctions") {
		return "", bloc.Errorf(bloc.EINVALID, "--set %q: a state and itself", s.Text)
	}
	span := w.Span
	ys := bloc.Period{From: max(e.At, span.From), To: span.To}
	if s.Years != nil {
		ys = bloc.Period{From: max(s.Years.From, span.From), To: min(s.Years.To, span.To)}
	}
	if ys.From > ys.To {
		return "", bloc.Errorf(bloc.EINVALID, "--set %q: the years are outside the data loaded (%v)", s.Text, span)
	}
	abb := w.Abb(c)
	op := "="
	if s.Scale {
		op = "×"
	}
	did := fmt.Sprintf("%s.%s %s %g in %v", abb, s.Field, op, s.Value, ys)
	switch s.Field {
	case "cinc":
		if s.Scale {
			w.ScaleCapabilities(c, s.Value, ys)
			return did, nil
		}
		for y := ys.From; y <= ys.To; y++ {
			setCINC(w, c, y, s.Value)
		}
	case "milex", "milper", "irst", "pec", "tpop", "upop":
		for y := ys.From; y <= ys.To; y++ {
			sy := w.StateYear(c, y)
			if sy == nil {
				continue
			}
			n := map[string]*bloc.Num{"milex": &sy.Milex, "milper": &sy.Milper, "irst": &sy.Irst, "pec": &sy.Pec, "tpop": &sy.Tpop, "upop": &sy.Upop}[s.Field]
			*n = modify(*n, s)
			w.RecomputeCINC(y)
		}
	case "intentions":
		v := s.Value
		if s.Scale {
			f := indicators.NewFrame(w, e.Period, e.Params)
			m, _ := f.Intent(c, other)
			if !m.Value.OK {
				return "", bloc.Errorf(bloc.ENODATA, "--set %q: %s's intentions towards %s have no data to scale", s.Text, abb, w.Abb(other))
			}
			v = math.Min(1, m.Value.V*s.Value)
		}
		w.SetIntentIn(c, other, v, ys)
		did = fmt.Sprintf("%s's intentions towards %s set to %.2f in %v", abb, w.Abb(other), v, ys)
	case "trade":
		for y := ys.From; y <= ys.To; y++ {
			scaleTrade(w, c, other, y, s)
		}
		did = fmt.Sprintf("trade %s–%s %s %g in %v", abb, w.Abb(other), op, s.Value, ys)
	case "polity2", "polyarchy", "ideal":
		for y := ys.From; y <= ys.To; y++ {
			w.EditStateYear(c, y, func(sy *world.StateYear) {
				n := map[string]*bloc.Num{"polity2": &sy.Polity2, "polyarchy": &sy.Polyarchy, "ideal": &sy.Ideal}[s.Field]
				*n = modify(*n, s)
			})
		}
	case "sanctions":
		var keep []world.Sanction
		for _, x := range w.Sanctions {
			if len(x.Senders) == 1 && x.Senders[0] == c && has(x.Targets, other) && x.From <= ys.To && x.To >= ys.From {
				continue
			}
			keep = append(keep, x)
		}
		src := world.GSDB
		if !w.Cover(world.GSDB).Covers(ys.From) {
			src = world.TIES
		}
		for k := 0; k < int(s.Value); k++ {
			keep = append(keep, world.Sanction{Source: src, ID: fmt.Sprintf("whatif-%d", k+1), Senders: []bloc.CCode{c},
				Targets: []bloc.CCode{other}, From: ys.From, To: ys.To, Imposed: true})
		}
		w.Sanctions = keep
		did = fmt.Sprintf("%s imposes %d sanctions episode(s) on %s in %v", abb, int(s.Value), w.Abb(other), ys)
	}
	return did, nil
}

func has(cs []bloc.CCode, c bloc.CCode) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

// modify sets or scales a value; a missing value can be set, not scaled.
func modify(n bloc.Num, s Set) bloc.Num {
	if s.Scale {
		if !n.OK {
			return n
		}
		return bloc.Some(n.V * s.Value)
	}
	return bloc.Some(s.Value)
}

// setCINC scales c's NMC components in year y until its CINC is v (the
// shares renormalise, so a few rounds of scaling converge).
func setCINC(w *world.World, c bloc.CCode, y int, v float64) {
	for k := 0; k < 50; k++ {
		sy := w.StateYear(c, y)
		if sy == nil || !sy.CINC.OK || sy.CINC.V <= 0 {
			return
		}
		if math.Abs(sy.CINC.V-v) < 1e-9 {
			return
		}
		w.ScaleCapabilities(c, v/sy.CINC.V, bloc.Period{From: y, To: y})
	}
}

// scaleTrade sets or scales both flows between a and b in year y and moves
// the states' totals by the same amounts.
func scaleTrade(w *world.World, a, b bloc.CCode, y int, s Set) {
	ab, ba := w.Dyad(a, b, y), w.Dyad(b, a, y)
	var fab, fba bloc.Num // a's imports from b, b's imports from a
	if ab != nil {
		fab = ab.Imports
	}
	if ba != nil {
		fba = ba.Imports
	}
	nab, nba := fab, fba
	if s.Scale {
		nab, nba = modify(fab, s), modify(fba, s)
	} else {
		tot := fab.Or(0) + fba.Or(0)
		if tot > 0 {
			nab, nba = bloc.Some(s.Value*fab.Or(0)/tot), bloc.Some(s.Value*fba.Or(0)/tot)
		} else {
			nab, nba = bloc.Some(s.Value/2), bloc.Some(s.Value/2)
		}
	}
	dab, dba := nab.Or(0)-fab.Or(0), nba.Or(0)-fba.Or(0)
	w.EditDyad(a, b, y, func(d *world.DyadYear) { d.Imports = nab })
	w.EditDyad(b, a, y, func(d *world.DyadYear) { d.Imports = nba })
	shift := func(c bloc.CCode, imp, exp float64) {
		if sy := w.StateYear(c, y); sy != nil {
			if sy.Imports.OK {
				sy.Imports = bloc.Some(sy.Imports.V + imp)
			}
			if sy.Exports.OK {
				sy.Exports = bloc.Some(sy.Exports.V + exp)
			}
		}
	}
	shift(a, dab, dba)
	shift(b, dba, dab)
}
