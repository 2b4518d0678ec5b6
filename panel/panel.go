package panel

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// Unit is a panel's unit of observation.
type Unit string

// Units of observation.
const (
	DyadYear  Unit = "dyad-year"
	StateYear Unit = "state-year"
)

// FirstYear is the first year of the Correlates of War state system.
const FirstYear = 1816

// Store is what a panel is built from: the embedded store (*duckdb.Store)
// or anything else that holds the catalogue's tables under their names.
type Store interface {
	// DB is the database holding one table per dataset.
	DB() *sql.DB
	// Require returns an *bloc.Error naming the import that brings each
	// dataset missing from the store.
	Require(ctx context.Context, names ...string) error
}

// Options choose a panel's years, its universe and its covariates. The zero
// value is the directed COW panel from 1816 to the default most recent year,
// without covariates.
type Options struct {
	// From and To bound the years, inclusive. 0 means the first year of the
	// system (1816) and the most recent year (MRY).
	From int `json:"from"`
	To   int `json:"to"`
	// MRY is the "most recent year": membership spells that run to the
	// system data's last date (2016-12-31) are taken to continue through it.
	// 0 means DefaultMRY (last year). It must be between the data's last
	// year and the current year; MRY = 2016 gives peacesciencer's mry=FALSE.
	MRY int `json:"mry"`
	// NonDirected keeps one row per pair of states, ccode1 < ccode2, as
	// peacesciencer's create_dyadyears(directed = FALSE) does. Dyad-years only.
	NonDirected bool `json:"nondirected,omitempty"`
	// PRD keeps the politically relevant dyads only: contiguous (COW direct
	// contiguity type 1–5, carried forward after 2016) or with a COW major
	// power on either side. Dyad-years only.
	PRD bool `json:"prd,omitempty"`
	// Add lists covariates by name (see Covariates); an entry may itself be a
	// comma-separated list.
	Add []string `json:"add,omitempty"`
	// NMCVersion selects COW National Material Capabilities 7 (default, 0)
	// or 6.
	NMCVersion int `json:"nmc_version"`
}

// DefaultMRY returns the default most recent year: the last complete
// calendar year.
func DefaultMRY() int { return time.Now().Year() - 1 }

// Column is one column of a panel.
type Column struct {
	Name string `json:"name"`
	// Type is the DuckDB type: INTEGER, DOUBLE or VARCHAR.
	Type string `json:"type"`
	// Covariate is the --add name that brought the column; empty for the
	// unit's own columns (codes, year, name).
	Covariate   string `json:"covariate,omitempty"`
	Description string `json:"description"`

	expr string // SQL expression over the universe and the joined tables
}

// Panel is a built panel: its columns, the datasets it used, and the query
// that yields its rows from temporary tables (the universe and one lookup
// table per source) on a connection of the store, until Close. The wide rows
// are computed when the panel is written or read, and never held in Go.
type Panel struct {
	// Unit is DyadYear or StateYear.
	Unit Unit
	// Options are the options it was built with, with defaults filled in.
	Options Options
	// Columns are its columns in order.
	Columns []Column
	// Covariates describe the covariates added, in order.
	Covariates []Covariate
	// Notes record what the build did that a user should know (e.g. how
	// many source rows a name mapping could not place).
	Notes []string

	datasets []*datasets.Dataset
	rows     int64
	conn     *sql.Conn
	prepare  string // the statement that makes _bloc_ui, until run (ready)
	query    string // the panel's rows, unordered
	order    string // the ORDER BY clause that puts them in key order
	temps    []string
	index    []indexRef // the merged lookup tables (the Go writer reads them)
	hasState bool       // _bloc_state exists

	// duckWriter makes WriteFile write Parquet with DuckDB's COPY instead of
	// the Go writer (tests compare the two).
	duckWriter bool
}

// Len returns the number of rows.
func (p *Panel) Len() int64 { return p.rows }

// Datasets returns every dataset the panel was built from, the state system
// first, without duplicates.
func (p *Panel) Datasets() []*datasets.Dataset { return p.datasets }

// BibTeX returns the BibTeX entries of every dataset the panel used, each
// entry once (datasets.BibTeX).
func (p *Panel) BibTeX() string { return datasets.BibTeX(p.datasets...) }

// Provenance returns one provenance record per covariate and dataset: the
// dataset, its version, the covariate's formula and the citation keys.
func (p *Panel) Provenance() []bloc.Provenance {
	var out []bloc.Provenance
	for _, c := range p.Covariates {
		for _, name := range c.Datasets {
			if ds, err := datasets.Lookup(name); err == nil {
				out = append(out, ds.Provenance(c.Name+": "+c.Formula))
			}
		}
	}
	return out
}

// Codebook describes a built panel: its unit, size, options, columns,
// covariates (with their formulas and datasets), the provenance of every
// dataset it used and the notes of its build. `bloc panel --codebook`
// prints it, and Parquet files carry it as JSON in their footer's key-value
// metadata under the key "bloc" (CodebookKey).
type Codebook struct {
	Unit       Unit              `json:"unit"`
	Rows       int64             `json:"rows"`
	Options    Options           `json:"options"`
	Columns    []Column          `json:"columns"`
	Covariates []Covariate       `json:"covariates"`
	Provenance []bloc.Provenance `json:"provenance,omitempty"`
	Notes      []string          `json:"notes,omitempty"`
}

// CodebookKey is the Parquet key-value metadata key of a panel's codebook.
const CodebookKey = "bloc"

// Codebook returns the panel's codebook.
func (p *Panel) Codebook() Codebook {
	return Codebook{Unit: p.Unit, Rows: p.rows, Options: p.Options, Columns: p.Columns,
		Covariates: p.Covariates, Provenance: p.Provenance(), Notes: p.Notes}
}

// codebookJSON is the codebook as JSON for a file's metadata.
func (p *Panel) codebookJSON() string {
	b, err := json.Marshal(p.Codebook())
	if err != nil { // the codebook is plain data: this does not happen
		return "{}"
	}
	return string(b)
}

// Close drops the panel's temporary tables and releases its connection.
func (p *Panel) Close() error {
	if p.conn == nil {
		return nil
	}
	ctx := context.Background()
	var errs []error
	for i := len(p.temps) - 1; i >= 0; i-- {
		if _, err := p.conn.ExecContext(ctx, "DROP TABLE IF EXISTS "+p.temps[i]); err != nil {
			errs = append(errs, err)
		}
	}
	errs = append(errs, p.conn.Close())
	p.conn = nil
	return errors.Join(errs...)
}

// DyadYears builds the dyad-year panel: every (ccode1, ccode2, year) in
// which both states are COW members on at least one common day, directed
// (both orders) unless opt.NonDirected, then the covariates in opt.Add.
//
// The universe is peacesciencer's create_dyadyears(): the cross product of
// the state-years, less each state with itself, less the dyad-years in which
// the two states never coexist on the same day. peacesciencer removes the
// latter with a stored list (false_cow_dyads, 60 directed rows); bloc
// removes the dyad-years in that list, and its tests check that the list is
// exactly the set of dyad-years without a common day of membership in
// isard_cw_system.
//
// Rows are ordered by ccode1, ccode2, year. With MRY = 2025 the directed
// panel has 2,252,760 rows (1,126,380 non-directed); with MRY = 2016,
// 1,912,290.
func DyadYears(ctx context.Context, st Store, opt Options) (*Panel, error) {
	return build(ctx, st, DyadYear, opt)
}

// StateYears builds the state-year panel (ccode, cw_name, year): every year
// in which the state is a COW member on at least one day (17,706 rows for
// 1816–2025), then the covariates in opt.Add.
func StateYears(ctx context.Context, st Store, opt Options) (*Panel, error) {
	return build(ctx, st, StateYear, opt)
}
