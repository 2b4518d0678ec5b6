// Package casefile reads bloc's case files: YAML documents that carry, for a
// dyad, the dated facts the datasets do not hold (each with its value,
// source, citation and verification status) and the claims of the case's
// source (e.g. the rows of a paper's tables), each with the check that tests
// it against the data.
//
// Errors name the file, the line and the field ("iran-russia.yaml:42: facts[3].date: ...").
// The format is documented in docs/verdict-schema.md ("Case files").
package casefile

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
	"github.com/bloc-project/bloc/world"
)

// SchemaVersion is the case-file format version this package reads.
const SchemaVersion = 1

// Case is a parsed case file.
type Case struct {
	// File is the name the case was read from.
	File     string
	ID       string
	Title    string
	A, B     string // the dyad as written (a code or a name)
	Citation string // the case's source
	Key      string // its BibTeX key
	// Years are the years the claims concern; the data for them are loaded
	// with the case.
	Years  bloc.Period
	Facts  []Fact
	Claims []Claim
}

// Fact is a case-file fact and the line it starts on.
type Fact struct {
	bloc.CaseFact
	Line int
}

// Claim is a claim of the case's source and the check that tests it.
type Claim struct {
	ID     string
	Table  string
	Theory string
	Text   string
	Check  string
	Args   map[string]string
	Note   string
	Line   int
}

// Statuses are the verification statuses a fact may have (THEORY.md).
var Statuses = map[string]string{"V": "checked against a public source", "M": "standard in the literature, not re-checked", "U": "not verified"}

// Load reads and parses a case file.
func Load(path string) (*Case, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &bloc.Error{Code: bloc.ENOTFOUND, Op: "casefile", Message: fmt.Sprintf("cannot read the case file %s", path), Err: err}
	}
	return Parse(filepath.Base(path), b)
}

// parseErr is an error at a line of the file.
type parser struct {
	file string
}

func (p *parser) errf(n *yaml.Node, field, format string, args ...any) error {
	line := 0
	if n != nil {
		line = n.Line
	}
	msg := fmt.Sprintf(format, args...)
	where := p.file
	if line > 0 {
		where = fmt.Sprintf("%s:%d", p.file, line)
	}
	if field != "" {
		msg = field + ": " + msg
	}
	return &bloc.Error{Code: bloc.EINVALID, Op: "casefile", Message: where + ": " + msg,
		Hints: []string{"see docs/verdict-schema.md, section \"Case files\""}}
}

// Parse parses a case file's bytes; name is used in error messages.
func Parse(name string, data []byte) (*Case, error) {
	p := &parser{file: name}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		line := 0
		if m := regexp.MustCompile(`line (\d+)`).FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
		}
		return nil, p.errf(&yaml.Node{Line: line}, "", "not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, p.errf(nil, "", "the file is empty")
	}
	root := doc.Content[0]
	fields, err := p.mapping(root, "", map[string]bool{"schema": true, "id": true, "title": true, "dyad": true, "source": true,
		"years": true, "facts": true, "claims": true})
	if err != nil {
		return nil, err
	}
	c := &Case{File: name}
	ver, err := p.intField(fields, "schema", "", true)
	if err != nil {
		return nil, err
	}
	if ver != SchemaVersion {
		return nil, p.errf(fields["schema"], "schema", "version %d is not supported (this bloc reads version %d)", ver, SchemaVersion)
	}
	if c.ID, err = p.str(fields, "id", "", true); err != nil {
		return nil, err
	}
	if c.Title, err = p.str(fields, "title", "", true); err != nil {
		return nil, err
	}
	dyad, err := p.mapping(fields["dyad"], "dyad", map[string]bool{"a": true, "b": true})
	if err != nil {
		return nil, err
	}
	if fields["dyad"] == nil {
		return nil, p.errf(root, "dyad", "missing (give a: and b:, e.g. a: IRN, b: RUS)")
	}
	if c.A, err = p.str(dyad, "a", "dyad.", true); err != nil {
		return nil, err
	}
	if c.B, err = p.str(dyad, "b", "dyad.", true); err != nil {
		return nil, err
	}
	if src := fields["source"]; src != nil {
		sf, err := p.mapping(src, "source", map[string]bool{"citation": true, "key": true})
		if err != nil {
			return nil, err
		}
		if c.Citation, err = p.str(sf, "citation", "source.", true); err != nil {
			return nil, err
		}
		if c.Key, err = p.str(sf, "key", "source.", false); err != nil {
			return nil, err
		}
	}
	if y := fields["years"]; y != nil {
		yf, err := p.mapping(y, "years", map[string]bool{"from": true, "to": true})
		if err != nil {
			return nil, err
		}
		if c.Years.From, err = p.intField(yf, "from", "years.", true); err != nil {
			return nil, err
		}
		if c.Years.To, err = p.intField(yf, "to", "years.", true); err != nil {
			return nil, err
		}
		if c.Years.From > c.Years.To || c.Years.From < 1816 || c.Years.To > 2100 {
			return nil, p.errf(y, "years", "from %d to %d is not a valid span", c.Years.From, c.Years.To)
		}
	}
	ids := map[string]int{}
	if fs := fields["facts"]; fs != nil {
		if fs.Kind != yaml.SequenceNode {
			return nil, p.errf(fs, "facts", "must be a list")
		}
		for k, n := range fs.Content {
			f, err := p.fact(n, fmt.Sprintf("facts[%d]", k))
			if err != nil {
				return nil, err
			}
			if prev, ok := ids[f.ID]; ok {
				return nil, p.errf(n, fmt.Sprintf("facts[%d].id", k), "%q is already used on line %d", f.ID, prev)
			}
			ids[f.ID] = f.Line
			c.Facts = append(c.Facts, f)
		}
	}
	if cs := fields["claims"]; cs != nil {
		if cs.Kind != yaml.SequenceNode {
			return nil, p.errf(cs, "claims", "must be a list")
		}
		for k, n := range cs.Content {
			cl, err := p.claim(n, fmt.Sprintf("claims[%d]", k))
			if err != nil {
				return nil, err
			}
			if prev, ok := ids[cl.ID]; ok {
				return nil, p.errf(n, fmt.Sprintf("claims[%d].id", k), "%q is already used on line %d", cl.ID, prev)
			}
			ids[cl.ID] = cl.Line
			c.Claims = append(c.Claims, cl)
		}
	}
	return c, nil
}

// mapping checks that n is a mapping with only the allowed keys and returns
// its values by key.
func (p *parser) mapping(n *yaml.Node, field string, allowed map[string]bool) (map[string]*yaml.Node, error) {
	out := map[string]*yaml.Node{}
	if n == nil {
		return out, nil
	}
	if n.Kind != yaml.MappingNode {
		return nil, p.errf(n, field, "must be a mapping of keys to values")
	}
	for k := 0; k+1 < len(n.Content); k += 2 {
		key, val := n.Content[k], n.Content[k+1]
		if !allowed[key.Value] {
			var names []string
			for a := range allowed {
				names = append(names, a)
			}
			sort.Strings(names)
			return nil, p.errf(key, join(field, key.Value), "unknown field (known: %s)", strings.Join(names, ", "))
		}
		if _, dup := out[key.Value]; dup {
			return nil, p.errf(key, join(field, key.Value), "given twice")
		}
		out[key.Value] = val
	}
	return out, nil
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

func (p *parser) str(m map[string]*yaml.Node, key, prefix string, required bool) (string, error) {
	n := m[key]
	if n == nil {
		if required {
			return "", p.errf(nil, prefix+key, "missing")
		}
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", p.errf(n, prefix+key, "must be a single value")
	}
	v := strings.TrimSpace(n.Value)
	if required && v == "" {
		return "", p.errf(n, prefix+key, "must not be empty")
	}
	return v, nil
}

func (p *parser) intField(m map[string]*yaml.Node, key, prefix string, required bool) (int, error) {
	s, err := p.str(m, key, prefix, required)
	if err != nil || s == "" {
		return 0, err
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return 0, p.errf(m[key], prefix+key, "%q is not a whole number", s)
	}
	return v, nil
}

var dateRE = regexp.MustCompile(`^(\d{4})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)

// factFields are the fields a fact may have.
var factFields = map[string]bool{"id": true, "kind": true, "subject": true, "object": true, "date": true, "value": true,
	"rank": true, "of": true, "unit": true, "text": true, "stance": true, "source": true, "citation": true, "status": true, "note": true}

func (p *parser) fact(n *yaml.Node, field string) (Fact, error) {
	m, err := p.mapping(n, field, factFields)
	if err != nil {
		return Fact{}, err
	}
	f := Fact{Line: n.Line}
	pre := field + "."
	get := func(key string, req bool) string {
		if err != nil {
			return ""
		}
		var s string
		s, err = p.str(m, key, pre, req)
		if err != nil && m[key] == nil {
			err = p.errf(n, pre+key, "missing")
		}
		return s
	}
	f.ID, f.Kind = get("id", true), get("kind", true)
	f.Subject, f.Object = get("subject", false), get("object", false)
	f.Date = get("date", true)
	f.Unit, f.Text, f.Stance = get("unit", false), get("text", false), get("stance", false)
	f.Source, f.Citation, f.Status, f.Note = get("source", true), get("citation", true), get("status", true), get("note", false)
	if err != nil {
		return f, err
	}
	if !dateRE.MatchString(f.Date) {
		return f, p.errf(m["date"], pre+"date", "%q is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", f.Date)
	}
	if _, ok := Statuses[f.Status]; !ok {
		return f, p.errf(m["status"], pre+"status", "%q is not a status (V verified, M from the literature, U unverified)", f.Status)
	}
	if v := m["value"]; v != nil {
		x, perr := strconv.ParseFloat(strings.TrimSpace(v.Value), 64)
		if v.Kind != yaml.ScalarNode || perr != nil {
			return f, p.errf(v, pre+"value", "%q is not a number", v.Value)
		}
		f.Value = bloc.Some(x)
	}
	if f.Rank, err = p.intField(m, "rank", pre, false); err != nil {
		return f, err
	}
	if f.Of, err = p.intField(m, "of", pre, false); err != nil {
		return f, err
	}
	if f.Rank < 0 || f.Of < 0 || (f.Of > 0 && f.Rank > f.Of) {
		return f, p.errf(m["rank"], pre+"rank", "rank %d of %d is not possible", f.Rank, f.Of)
	}
	return f, nil
}

var claimFields = map[string]bool{"id": true, "table": true, "theory": true, "claim": true, "check": true, "args": true, "note": true}

func (p *parser) claim(n *yaml.Node, field string) (Claim, error) {
	m, err := p.mapping(n, field, claimFields)
	if err != nil {
		return Claim{}, err
	}
	c := Claim{Line: n.Line, Args: map[string]string{}}
	pre := field + "."
	for _, x := range []struct {
		key string
		dst *string
		req bool
	}{{"id", &c.ID, true}, {"table", &c.Table, true}, {"theory", &c.Theory, false}, {"claim", &c.Text, true}, {"check", &c.Check, true}, {"note", &c.Note, false}} {
		if m[x.key] == nil && x.req {
			return c, p.errf(n, pre+x.key, "missing")
		}
		if *x.dst, err = p.str(m, x.key, pre, x.req); err != nil {
			return c, err
		}
	}
	if a := m["args"]; a != nil {
		if a.Kind != yaml.MappingNode {
			return c, p.errf(a, pre+"args", "must be a mapping of names to values")
		}
		for k := 0; k+1 < len(a.Content); k += 2 {
			key, val := a.Content[k], a.Content[k+1]
			if val.Kind != yaml.ScalarNode {
				return c, p.errf(val, pre+"args."+key.Value, "must be a single value")
			}
			c.Args[key.Value] = val.Value
		}
	}
	return c, nil
}

// Resolver turns a state as written in a case file into a COW code.
type Resolver func(s string) (bloc.CCode, error)

// WorldFacts resolves the facts' subjects and objects and returns them as
// World facts. An unresolvable subject or object is an error at its line.
// Subjects and objects that are organisations (kind "membership" objects
// may be states; an "org:" prefix marks a non-state) are kept as written.
func (c *Case) WorldFacts(resolve Resolver) ([]world.Fact, error) {
	p := &parser{file: c.File}
	var out []world.Fact
	for k, f := range c.Facts {
		w := world.Fact{CaseFact: f.CaseFact}
		w.Year, _ = strconv.Atoi(f.Date[:4])
		for _, x := range []struct {
			name string
			val  string
			dst  *bloc.CCode
		}{{"subject", f.Subject, &w.SubjectCode}, {"object", f.Object, &w.ObjectCode}} {
			if x.val == "" || strings.HasPrefix(x.val, "org:") {
				continue
			}
			cc, err := resolve(x.val)
			if err != nil {
				e := p.errf(&yaml.Node{Line: f.Line}, fmt.Sprintf("facts[%d].%s", k, x.name), "%v", err)
				e.(*bloc.Error).Hints = append(bloc.ErrorHints(err), "prefix an organisation with org:, e.g. org:EU")
				return nil, e
			}
			*x.dst = cc
		}
		out = append(out, w)
	}
	return out, nil
}

// Errorf returns an error at a line of the case file, for checks done by
// the packages that use the case (e.g. an unknown check name).
func (c *Case) Errorf(line int, field, format string, args ...any) error {
	p := &parser{file: c.File}
	return p.errf(&yaml.Node{Line: line}, field, format, args...)
}
