// Package evidence is bloc's process tracing: an evidence ledger of dated
// speech acts and practical actions, each with the likelihood of observing
// it under every rival theory (a probability or a Van Evera test type); the
// explicit Bayesian weighing of the ledger and of the theories' tests
// (posterior odds, weights of evidence in decibans, sensitivity to priors and
// likelihoods; THEORY.md L2, L3); and the word-and-deed measure of the event
// data (THEORY.md J).
//
// The ledger format is documented in docs/evidence-ledger.md. Errors name
// the file, line, item and field: "ledger.yaml:42: items[3] (syria_2015).date: ...".
package evidence

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/bloc-project/bloc"
)

// SchemaVersion is the ledger format version this package reads.
const SchemaVersion = 1

// Kinds of evidence: what a state says and what it does (the paper's two
// levels; Searle's speech acts).
const (
	SpeechAct       = "speech_act"
	PracticalAction = "practical_action"
)

// Ledger is a parsed evidence ledger.
type Ledger struct {
	// File is the name the ledger was read from.
	File  string
	ID    string
	Title string
	// A and B are the dyad as written.
	A, B string
	// Period is the span the items must fall in.
	Period   bloc.Period
	Citation string // the work the items come from, if one
	Key      string
	Items    []Item
}

// Item is one dated item of evidence.
type Item struct {
	ID     string
	Kind   string
	Actor  string
	Target string
	// Date and Until are YYYY, YYYY-MM or YYYY-MM-DD; Until is empty for
	// a single date.
	Date, Until string
	Quote       string
	Description string
	Source      bloc.Citation
	Status      string
	// Observed is false when the item records the absence of E.
	Observed bool
	Group    string
	// Likelihoods give P(E|H) per hypothesis id; Otherwise is P(E|H) of the
	// hypotheses not listed (0: the default, see Resolve).
	Likelihoods []Likelihood
	Otherwise   float64
	Rationale   string
	Note        string
	Line        int
}

// Likelihood is one hypothesis's P(E|H): a probability or a test type.
type Likelihood struct {
	Hypothesis string
	// P is the probability given (0 when Test is set).
	P float64
	// Test is Van Evera's test type; Against means the hypothesis expects
	// E not to happen, so P(E|H) = 1 − P_test(E|H).
	Test    bloc.TestType
	Against bool
	Line    int
}

// Spec returns the likelihood as written in a ledger: "0.7", "hoop",
// "hoop, against".
func (l Likelihood) Spec() string {
	if l.Test == "" {
		return strconv.FormatFloat(l.P, 'g', -1, 64)
	}
	if l.Against {
		return string(l.Test) + ", against"
	}
	return string(l.Test)
}

// PE returns P(E|H) and P(E|¬H) of the entry: the probability given (and
// no ¬H value), or the test type's defaults, mirrored when Against.
func (l Likelihood) PE() (pEH float64, pEnotH float64, hasNot bool) {
	if l.Test == "" {
		return l.P, 0, false
	}
	p, q := l.Test.Likelihoods()
	if l.Against {
		return 1 - p, 1 - q, true
	}
	return p, q, true
}

// Year returns the item's first year.
func (it Item) Year() int { y, _ := strconv.Atoi(it.Date[:4]); return y }

// LastYear returns the item's last year (Until's, or Date's).
func (it Item) LastYear() int {
	if it.Until == "" {
		return it.Year()
	}
	y, _ := strconv.Atoi(it.Until[:4])
	return y
}

// Text returns the description, or the quote.
func (it Item) Text() string {
	if it.Description != "" {
		return it.Description
	}
	return it.Quote
}

// Statuses are the verification statuses an item may have.
var Statuses = map[string]string{"V": "checked against a public source", "M": "standard in the literature, not re-checked", "U": "not verified"}

// Problem is one thing wrong with a ledger, at a line.
type Problem struct {
	File  string
	Line  int
	Item  string // the item's id, when known
	Field string
	Msg   string
}

func (p Problem) String() string {
	where := p.File
	if p.Line > 0 {
		where = fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	field := p.Field
	if p.Item != "" {
		if i := strings.IndexByte(field, '.'); i > 0 {
			field = fmt.Sprintf("%s (%s)%s", field[:i], p.Item, field[i:])
		} else {
			field = fmt.Sprintf("%s (%s)", field, p.Item)
		}
	}
	if field != "" {
		return where + ": " + field + ": " + p.Msg
	}
	return where + ": " + p.Msg
}

// Problems are all the problems of a ledger. As an error it is EINVALID,
// its message the first problem and its hints the rest.
type Problems []Problem

// Err returns the problems as a *bloc.Error, or nil.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	e := &bloc.Error{Code: bloc.EINVALID, Op: "ledger", Message: ps[0].String()}
	for _, p := range ps[1:] {
		e.Hints = append(e.Hints, p.String())
	}
	e.Hints = append(e.Hints, "see docs/evidence-ledger.md")
	return e
}

// Load reads and parses a ledger file (structure only; Check resolves the
// hypotheses and states).
func Load(path string) (*Ledger, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &bloc.Error{Code: bloc.ENOTFOUND, Op: "ledger", Message: fmt.Sprintf("cannot read the evidence ledger %s", path), Err: err}
	}
	return Parse(filepath.Base(path), b)
}

// Parse parses a ledger's bytes (YAML, or JSON, which is YAML); name is used
// in messages. It checks the structure of every item and returns all the
// problems found as one error (Problems.Err).
func Parse(name string, data []byte) (*Ledger, error) {
	l, ps := parse(name, data)
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return l, nil
}

type parser struct {
	file string
	ps   Problems
	item string
}

func (p *parser) add(n *yaml.Node, field, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.ps = append(p.ps, Problem{File: p.file, Line: line, Item: p.item, Field: field, Msg: fmt.Sprintf(format, args...)})
}

var lineRE = regexp.MustCompile(`line (\d+)`)

func parse(name string, data []byte) (*Ledger, Problems) {
	p := &parser{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		if m := lineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		p.add(&yaml.Node{Line: line}, "", "not valid YAML or JSON: %s", strings.TrimPrefix(err.Error(), "yaml: "))
		return nil, p.ps
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		p.add(nil, "", "the file is empty")
		return nil, p.ps
	}
	root := doc.Content[0]
	f := p.mapping(root, "", []string{"schema", "id", "title", "dyad", "period", "source", "items"})
	if f == nil {
		return nil, p.ps
	}
	l := &Ledger{File: name}
	if s, ok := p.str(f, root, "schema", "", true); ok {
		if v, err := strconv.Atoi(s); err != nil || v != SchemaVersion {
			p.add(f["schema"], "schema", "version %q is not supported (this bloc reads version %d)", s, SchemaVersion)
		}
	}
	l.ID, _ = p.str(f, root, "id", "", true)
	l.Title, _ = p.str(f, root, "title", "", true)
	if d := p.mapping(f["dyad"], "dyad", []string{"a", "b"}); d != nil {
		if f["dyad"] == nil {
			p.add(root, "dyad", "missing (give a: and b:, e.g. a: IRN, b: RUS)")
		} else {
			l.A, _ = p.str(d, f["dyad"], "a", "dyad.", true)
			l.B, _ = p.str(d, f["dyad"], "b", "dyad.", true)
		}
	}
	if y := p.mapping(f["period"], "period", []string{"from", "to"}); y != nil {
		if f["period"] == nil {
			p.add(root, "period", "missing (give from: and to:, the years the items must fall in)")
		} else {
			l.Period.From = p.year(y, f["period"], "from", "period.")
			l.Period.To = p.year(y, f["period"], "to", "period.")
			if l.Period.From > l.Period.To && l.Period.To > 0 {
				p.add(f["period"], "period", "from %d is after to %d", l.Period.From, l.Period.To)
			}
		}
	}
	if s := p.mapping(f["source"], "source", []string{"citation", "key"}); s != nil && f["source"] != nil {
		l.Citation, _ = p.str(s, f["source"], "citation", "source.", true)
		l.Key, _ = p.str(s, f["source"], "key", "source.", false)
	}
	its := f["items"]
	if its == nil {
		p.add(root, "items", "missing (a list of items; it may be empty: items: [])")
		return l, p.ps
	}
	if its.Kind != yaml.SequenceNode {
		p.add(its, "items", "must be a list")
		return l, p.ps
	}
	ids := map[string]int{}
	for k, n := range its.Content {
		it, ok := p.parseItem(n, fmt.Sprintf("items[%d]", k), l.Period)
		p.item = ""
		if it.ID != "" {
			if prev, dup := ids[it.ID]; dup {
				p.item = it.ID
				p.add(n, fmt.Sprintf("items[%d].id", k), "%q is already used on line %d", it.ID, prev)
				p.item = ""
				continue
			}
			ids[it.ID] = n.Line
		}
		if ok {
			l.Items = append(l.Items, it)
		}
	}
	return l, p.ps
}

// mapping checks that n is a mapping with only the allowed keys and returns
// its values by key (an empty map for a nil node; nil on a problem).
func (p *parser) mapping(n *yaml.Node, field string, allowed []string) map[string]*yaml.Node {
	out := map[string]*yaml.Node{}
	if n == nil {
		return out
	}
	if n.Kind != yaml.MappingNode {
		p.add(n, field, "must be a mapping of keys to values")
		return nil
	}
	ok := true
	for k := 0; k+1 < len(n.Content); k += 2 {
		key, val := n.Content[k], n.Content[k+1]
		known := false
		for _, a := range allowed {
			if a == key.Value {
				known = true
			}
		}
		if !known {
			names := append([]string(nil), allowed...)
			sort.Strings(names)
			p.add(key, join(field, key.Value), "unknown field (known: %s)", strings.Join(names, ", "))
			ok = false
			continue
		}
		if _, dup := out[key.Value]; dup {
			p.add(key, join(field, key.Value), "given twice")
			ok = false
			continue
		}
		out[key.Value] = val
	}
	if !ok {
		return nil
	}
	return out
}

func join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	if strings.HasSuffix(prefix, ".") {
		return prefix + name
	}
	return prefix + "." + name
}

// str returns a scalar field; ok is false when it is missing or bad (and
// then a problem is recorded if required or bad).
func (p *parser) str(m map[string]*yaml.Node, parent *yaml.Node, key, prefix string, required bool) (string, bool) {
	n := m[key]
	if n == nil {
		if required {
			p.add(parent, prefix+key, "missing")
		}
		return "", false
	}
	if n.Kind != yaml.ScalarNode {
		p.add(n, prefix+key, "must be a single value")
		return "", false
	}
	v := strings.TrimSpace(n.Value)
	if v == "" {
		if required {
			p.add(n, prefix+key, "must not be empty")
		}
		return "", false
	}
	return v, true
}

func (p *parser) year(m map[string]*yaml.Node, parent *yaml.Node, key, prefix string) int {
	s, ok := p.str(m, parent, key, prefix, true)
	if !ok {
		return 0
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1816 || v > 2100 {
		p.add(m[key], prefix+key, "%q is not a year in 1816–2100", s)
		return 0
	}
	return v
}

var dateRE = regexp.MustCompile(`^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// itemFields are the fields an item may have.
var itemFields = []string{"id", "kind", "actor", "target", "date", "until", "quote", "description", "source", "status",
	"observed", "group", "likelihoods", "otherwise", "rationale", "note"}

var idRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.\-]*$`)

func (p *parser) parseItem(n *yaml.Node, field string, period bloc.Period) (Item, bool) {
	it := Item{Line: n.Line, Observed: true}
	before := len(p.ps)
	// Find the id first so every problem names the item.
	if n.Kind == yaml.MappingNode {
		for k := 0; k+1 < len(n.Content); k += 2 {
			if n.Content[k].Value == "id" && n.Content[k+1].Kind == yaml.ScalarNode {
				p.item = strings.TrimSpace(n.Content[k+1].Value)
			}
		}
	}
	m := p.mapping(n, field, itemFields)
	if m == nil {
		return it, false
	}
	pre := field + "."
	if id, ok := p.str(m, n, "id", pre, true); ok {
		if !idRE.MatchString(id) {
			p.add(m["id"], pre+"id", "%q is not an id (letters, digits, _ . -)", id)
		}
		it.ID = id
	}
	if k, ok := p.str(m, n, "kind", pre, true); ok {
		if k != SpeechAct && k != PracticalAction {
			p.add(m["kind"], pre+"kind", "%q is not a kind (speech_act or practical_action)", k)
		}
		it.Kind = k
	}
	it.Actor, _ = p.str(m, n, "actor", pre, true)
	it.Target, _ = p.str(m, n, "target", pre, true)
	if d, ok := p.str(m, n, "date", pre, true); ok {
		if !dateRE.MatchString(d) {
			p.add(m["date"], pre+"date", "%q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", d)
		} else {
			it.Date = d
		}
	}
	if d, ok := p.str(m, n, "until", pre, false); ok {
		if !dateRE.MatchString(d) {
			p.add(m["until"], pre+"until", "%q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", d)
		} else if it.Date != "" && d < it.Date[:min(len(it.Date), len(d))] {
			p.add(m["until"], pre+"until", "%s is before the date %s", d, it.Date)
		} else {
			it.Until = d
		}
	}
	if it.Date != "" && period.From > 0 && period.To > 0 {
		if y := it.Year(); y < period.From || y > period.To {
			p.add(m["date"], pre+"date", "%s is outside the ledger's period %v", it.Date, period)
		} else if y := it.LastYear(); y > period.To {
			p.add(m["until"], pre+"until", "%s is outside the ledger's period %v", it.Until, period)
		}
	}
	it.Quote, _ = p.str(m, n, "quote", pre, false)
	it.Description, _ = p.str(m, n, "description", pre, false)
	if it.Quote == "" && it.Description == "" {
		p.add(n, pre+"description", "missing (give a quote, a description or both)")
	}
	if s := m["source"]; s == nil {
		p.add(n, pre+"source", "missing (give at least source: {citation: ...})")
	} else if s.Kind == yaml.ScalarNode {
		it.Source.Citation = strings.TrimSpace(s.Value)
		if it.Source.Citation == "" {
			p.add(s, pre+"source", "must not be empty")
		}
	} else if sm := p.mapping(s, pre+"source", []string{"citation", "title", "url", "accessed", "cited_by"}); sm != nil {
		sp := pre + "source."
		it.Source.Citation, _ = p.str(sm, s, "citation", sp, true)
		it.Source.Title, _ = p.str(sm, s, "title", sp, false)
		it.Source.URL, _ = p.str(sm, s, "url", sp, false)
		it.Source.Accessed, _ = p.str(sm, s, "accessed", sp, false)
		it.Source.CitedBy, _ = p.str(sm, s, "cited_by", sp, false)
	}
	if st, ok := p.str(m, n, "status", pre, true); ok {
		if _, known := Statuses[st]; !known {
			p.add(m["status"], pre+"status", "%q is not a status (V verified, M from the literature, U not verified)", st)
		}
		it.Status = st
	}
	if o, ok := p.str(m, n, "observed", pre, false); ok {
		switch strings.ToLower(o) {
		case "true", "yes":
			it.Observed = true
		case "false", "no":
			it.Observed = false
		default:
			p.add(m["observed"], pre+"observed", "%q is not true or false", o)
		}
	}
	it.Group, _ = p.str(m, n, "group", pre, false)
	it.Rationale, _ = p.str(m, n, "rationale", pre, false)
	it.Note, _ = p.str(m, n, "note", pre, false)
	if o, ok := p.str(m, n, "otherwise", pre, false); ok {
		v, err := prob(o)
		if err != nil {
			p.add(m["otherwise"], pre+"otherwise", "%v", err)
		} else {
			it.Otherwise = v
		}
	}
	lk := m["likelihoods"]
	switch {
	case lk == nil:
		p.add(n, pre+"likelihoods", "missing (P(E|H) or a test type for at least one theory)")
	case lk.Kind != yaml.MappingNode:
		p.add(lk, pre+"likelihoods", "must be a mapping of theory ids to a probability or a test type")
	default:
		seen := map[string]bool{}
		for k := 0; k+1 < len(lk.Content); k += 2 {
			key, val := lk.Content[k], lk.Content[k+1]
			lp := pre + "likelihoods." + key.Value
			if seen[key.Value] {
				p.add(key, lp, "given twice")
				continue
			}
			seen[key.Value] = true
			l, err := parseLikelihood(val)
			if err != nil {
				p.add(val, lp, "%v", err)
				continue
			}
			l.Hypothesis, l.Line = key.Value, key.Line
			it.Likelihoods = append(it.Likelihoods, l)
		}
		if len(lk.Content) == 0 {
			p.add(lk, pre+"likelihoods", "is empty (P(E|H) or a test type for at least one theory)")
		}
	}
	if len(p.ps) == before {
		if _, err := it.otherwise(); err != nil {
			p.add(m["likelihoods"], pre+"otherwise", "%v", err)
		}
	}
	return it, len(p.ps) == before
}

// parseLikelihood reads a likelihood: a probability, a test type ("hoop",
// "hoop, against"), or a mapping {p: 0.7} or {test: hoop, against: true}.
func parseLikelihood(n *yaml.Node) (Likelihood, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		return ParseLikelihood(n.Value)
	case yaml.MappingNode:
		var l Likelihood
		var test string
		var against bool
		hasP := false
		for k := 0; k+1 < len(n.Content); k += 2 {
			key, val := n.Content[k], n.Content[k+1]
			if val.Kind != yaml.ScalarNode {
				return l, fmt.Errorf("%s must be a single value", key.Value)
			}
			switch key.Value {
			case "p":
				v, err := prob(val.Value)
				if err != nil {
					return l, err
				}
				l.P, hasP = v, true
			case "test":
				test = val.Value
			case "against":
				switch strings.ToLower(strings.TrimSpace(val.Value)) {
				case "true", "yes":
					against = true
				case "false", "no":
				default:
					return l, fmt.Errorf("against: %q is not true or false", val.Value)
				}
			default:
				return l, fmt.Errorf("unknown field %q (known: p, test, against)", key.Value)
			}
		}
		switch {
		case hasP && test != "":
			return l, fmt.Errorf("give p or test, not both")
		case hasP:
			if against {
				return l, fmt.Errorf("against goes with a test type; with p give P(E|H) itself")
			}
			return l, nil
		case test != "":
			t, err := ParseTestType(test)
			if err != nil {
				return l, err
			}
			l.Test, l.Against = t, against
			return l, nil
		}
		return l, fmt.Errorf("give p: or test:")
	}
	return Likelihood{}, fmt.Errorf("must be a probability, a test type or {test: TYPE, against: true}")
}

// ParseLikelihood reads a likelihood written as a scalar: a probability in
// (0,1) ("0.7"), a test type ("hoop", "smoking-gun") or a test type the
// hypothesis expects not to pass ("hoop:against" or "hoop, against").
func ParseLikelihood(s string) (Likelihood, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Likelihood{}, fmt.Errorf("is empty: give a probability or a test type")
	}
	if c := s[0]; c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9') {
		v, err := prob(s)
		return Likelihood{P: v}, err
	}
	against := false
	for _, sep := range []string{":", ","} {
		if i := strings.Index(s, sep); i >= 0 {
			if strings.TrimSpace(s[i+1:]) != "against" {
				return Likelihood{}, fmt.Errorf("%q: after the test type only \"against\" may follow", s)
			}
			s, against = strings.TrimSpace(s[:i]), true
			break
		}
	}
	t, err := ParseTestType(s)
	return Likelihood{Test: t, Against: against}, err
}

// ParseTestType reads a Van Evera test type, with - or _ or spaces.
func ParseTestType(s string) (bloc.TestType, error) {
	k := strings.NewReplacer("-", "_", " ", "_").Replace(strings.ToLower(strings.TrimSpace(s)))
	switch k {
	case "straw", "straw_in_the_wind":
		return bloc.Straw, nil
	case "hoop":
		return bloc.Hoop, nil
	case "smoking_gun":
		return bloc.SmokingGun, nil
	case "doubly_decisive":
		return bloc.DoublyDecisive, nil
	}
	return "", fmt.Errorf("%q is not a probability in (0, 1) or a test type (straw_in_the_wind, hoop, smoking_gun, doubly_decisive)", s)
}

// prob reads a probability in the open interval (0, 1).
func prob(s string) (float64, error) {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil {
		return 0, fmt.Errorf("%q is not a probability in (0, 1)", s)
	}
	if !(v > 0 && v < 1) {
		return 0, fmt.Errorf("%s is not a probability in (0, 1): P(E|H) must be neither 0 nor 1, or no evidence could change the odds", s)
	}
	return v, nil
}

// DefaultOtherwise is P(E|H) of the hypotheses an item does not list, when
// its entries are all probabilities and it gives no otherwise.
const DefaultOtherwise = 0.5

// otherwise returns P(E|H) of the hypotheses the item does not list: its
// Otherwise; else the P(E|¬H) its test-type entries share; else
// DefaultOtherwise. Test-type entries with different P(E|¬H) need an
// explicit otherwise.
func (it Item) otherwise() (float64, error) {
	if it.Otherwise > 0 {
		return it.Otherwise, nil
	}
	q, have := 0.0, false
	var specs []string
	for _, l := range it.Likelihoods {
		_, nq, ok := l.PE()
		if !ok {
			continue
		}
		specs = append(specs, fmt.Sprintf("%s %g", l.Spec(), nq))
		if have && nq != q {
			return 0, fmt.Errorf("the test types give different P(E|¬H) (%s): give otherwise:, P(E|H) of the hypotheses not listed", strings.Join(specs, ", "))
		}
		q, have = nq, true
	}
	if have {
		return q, nil
	}
	return DefaultOtherwise, nil
}

// Resolver turns a state as written into a COW code; it returns an error
// (ideally a *bloc.Error with hints) for an unknown state.
type Resolver func(s string) (bloc.CCode, error)

// Check checks what Parse cannot: that every hypothesis an item names is in
// hyps (the registered theory ids and Residual) and that every actor and
// target is a known state. It returns all problems as one error.
func (l *Ledger) Check(hyps []string, resolve Resolver) error { return l.Lint(hyps, resolve).Err() }

// Lint returns every problem Check finds.
func (l *Ledger) Lint(hyps []string, resolve Resolver) Problems {
	var ps Problems
	known := map[string]bool{}
	for _, h := range hyps {
		known[h] = true
	}
	add := func(it Item, line int, field, format string, args ...any) {
		ps = append(ps, Problem{File: l.File, Line: line, Item: it.ID, Field: field, Msg: fmt.Sprintf(format, args...)})
	}
	if resolve != nil {
		for _, s := range []struct{ name, v string }{{"dyad.a", l.A}, {"dyad.b", l.B}} {
			if _, err := resolve(s.v); err != nil {
				ps = append(ps, Problem{File: l.File, Field: s.name, Msg: err.Error()})
			}
		}
	}
	for k, it := range l.Items {
		pre := fmt.Sprintf("items[%d].", k)
		for _, lk := range it.Likelihoods {
			if !known[lk.Hypothesis] {
				msg := fmt.Sprintf("%q is not a theory (known: %s)", lk.Hypothesis, strings.Join(hyps, ", "))
				if s := closest(lk.Hypothesis, hyps); s != "" {
					msg += fmt.Sprintf("; did you mean %q?", s)
				}
				add(it, lk.Line, pre+"likelihoods."+lk.Hypothesis, "%s", msg)
			}
		}
		if resolve == nil {
			continue
		}
		for _, s := range []struct{ name, v string }{{"actor", it.Actor}, {"target", it.Target}} {
			if strings.HasPrefix(s.v, "org:") {
				continue
			}
			if _, err := resolve(s.v); err != nil {
				msg := err.Error()
				if h := bloc.ErrorHints(err); len(h) > 0 {
					msg += " (" + strings.Join(h, "; ") + ")"
				}
				add(it, it.Line, pre+s.name, "%s", msg)
			}
		}
	}
	return ps
}

// closest returns the candidate nearest to s by edit distance, if close.
func closest(s string, cands []string) string {
	best, bd := "", 1<<30
	for _, c := range cands {
		if d := editDistance(strings.ToLower(s), c); d < bd {
			best, bd = c, d
		}
	}
	if bd <= max(3, len(s)/3) {
		return best
	}
	return ""
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
