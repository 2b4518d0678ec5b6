// Package datasets is bloc's catalogue of the public datasets it reads: what
// each one is (version, unit, keys, typed schema, years, citation, licence,
// source, caveats), how its release is checksummed (MANIFEST.tsv), and a
// streaming parser that checks every field against the typed schema and
// reports errors by file, line and column.
package datasets

import (
	"fmt"
	"sort"
	"strings"

	"github.com/bloc-project/bloc"
)

// Type is the type of a column.
type Type int

// Column types. Empty fields (and the literal NA) are missing in every type.
const (
	Int    Type = iota // a whole number (64-bit)
	Float              // a real number
	String             // UTF-8 text
	Date               // an ISO date, YYYY-MM-DD
)

func (t Type) String() string {
	switch t {
	case Int:
		return "integer"
	case Float:
		return "number"
	case Date:
		return "date"
	default:
		return "text"
	}
}

// SQL returns the column's SQL type.
func (t Type) SQL() string {
	switch t {
	case Int:
		return "BIGINT"
	case Float:
		return "DOUBLE"
	case Date:
		return "DATE"
	default:
		return "VARCHAR"
	}
}

// Column is one typed column of a dataset.
type Column struct {
	Name string
	Type Type
}

// Unit is a dataset's unit of observation.
type Unit string

// Units of observation.
const (
	StateYear  Unit = "state-year"
	DyadYear   Unit = "dyad-year"
	StateSpell Unit = "state spell"
	DyadSpell  Unit = "dyad spell"
	Dispute    Unit = "dispute"
	RollCall   Unit = "roll call"
	Vote       Unit = "vote"
	Event      Unit = "event"
	Episode    Unit = "episode"
	StaticDyad Unit = "static dyad"
	Codebook   Unit = "codebook"
)

// Dataset describes one release of a public dataset as bloc reads it.
type Dataset struct {
	Name    string // table name in the store, e.g. "cow_nmc_v7"
	File    string // file name in the data directory, e.g. "cow_nmc_v7.csv.gz"
	Title   string
	Version string
	Unit    Unit
	Keys    []string // columns that identify a row; empty when rows have no key
	Columns []Column
	// Years covered, inclusive; {0, 0} for time-invariant data.
	Years   [2]int
	Rows    int    // rows in the release bloc was built against
	BibTeX  string // one or more BibTeX entries
	License string
	URL     string // the official source of the release
	Caveats []string
}

// TimeInvariant reports whether the dataset has no time dimension.
func (d *Dataset) TimeInvariant() bool { return d.Years == [2]int{} }

// Column returns the named column.
func (d *Dataset) Column(name string) (Column, bool) {
	for _, c := range d.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// Provenance returns the provenance record for a number computed from the
// dataset with the given formula.
func (d *Dataset) Provenance(formula string) bloc.Provenance {
	return bloc.Provenance{Dataset: d.Name, Version: d.Version, Formula: formula, Citation: d.CitationKeys()}
}

// CitationKeys returns the BibTeX keys of the dataset's citations, comma separated.
func (d *Dataset) CitationKeys() string {
	var keys []string
	for _, line := range strings.Split(d.BibTeX, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "@") {
			if i := strings.IndexByte(line, '{'); i > 0 {
				keys = append(keys, strings.TrimSuffix(strings.TrimSpace(line[i+1:]), ","))
			}
		}
	}
	return strings.Join(keys, ",")
}

type schema struct {
	name    string
	rows    int
	years   [2]int
	columns []Column
}

// Meta is the descriptive part of a catalogue entry.
type Meta struct {
	Title   string
	Version string
	Unit    Unit
	Keys    []string
	BibTeX  string
	License string
	URL     string
	Caveats []string
}

var catalogue = build()

func build() []*Dataset {
	out := make([]*Dataset, 0, len(schemas))
	for _, s := range schemas {
		m := meta[s.name] // completeness is checked by TestCatalogueComplete
		out = append(out, &Dataset{
			Name: s.name, File: s.name + ".csv.gz", Title: m.Title, Version: m.Version, Unit: m.Unit,
			Keys: m.Keys, Columns: s.columns, Years: s.years, Rows: s.rows, BibTeX: strings.TrimSpace(m.BibTeX),
			License: m.License, URL: m.URL, Caveats: m.Caveats,
		})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// All returns every dataset in the catalogue, sorted by name.
func All() []*Dataset { return catalogue }

// Lookup finds a dataset by table name or file name.
func Lookup(name string) (*Dataset, error) {
	n := strings.TrimSuffix(strings.TrimSuffix(name, ".gz"), ".csv")
	for _, d := range catalogue {
		if d.Name == n {
			return d, nil
		}
	}
	var names []string
	for _, d := range catalogue {
		if strings.Contains(d.Name, strings.ToLower(n)) {
			names = append(names, d.Name)
		}
	}
	e := bloc.Errorf(bloc.ENOTFOUND, "no dataset named %q in the catalogue", name)
	if len(names) > 0 {
		e.Hints = []string{"did you mean: " + strings.Join(names, ", ")}
	} else {
		e.Hints = []string{"`bloc data status` lists the datasets"}
	}
	return nil, e
}

// MustLookup is Lookup for names fixed in code; it panics on a programmer error.
func MustLookup(name string) *Dataset {
	d, err := Lookup(name)
	if err != nil {
		panic(fmt.Sprintf("datasets: %v", err))
	}
	return d
}
