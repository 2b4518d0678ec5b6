// Package panel builds the dyad-year and state-year panels of international
// relations research (peacesciencer's create_dyadyears/create_stateyears and
// add_* chain) inside the embedded DuckDB store, with every covariate's
// dataset, version, years, formula and citation attached.
//
// A panel starts from the Correlates of War state system (isard_cw_system,
// day-level membership spells): a state is in the panel in every year in
// which it is a member on at least one day, and two states form a dyad-year
// only if they are members on the same day of that year (peacesciencer's
// anti-join with false_cow_dyads; see DyadYears). Spells that run to the
// data's last date (2016-12-31) are extended to the most recent year, which
// is a parameter (Options.MRY), not today's date.
//
// Covariates (Options.Add, see Covariates) are joined in SQL. Each keeps
// missing and zero apart: a covariate is NULL outside its dataset's years,
// and is 0 inside them only where the source lists positive rows alone (an
// absent ATOP dyad-year is "no alliance" from 1815 to 2018, and unknown
// after). Where peacesciencer has the variable, the column has its name and
// its values; where peacesciencer has a bug, bloc fixes it and says so in the
// covariate's documentation and in DEVIATIONS.md.
//
// The panel is built inside DuckDB on one connection of the store: the
// universe and a small lookup table per source become temporary tables keyed
// by one integer, and the panel is a query over them. The rows of panels
// whose columns are all numeric (every dyad-year panel) are written to
// Parquet, CSV and JSON lines by a Go writer (gather.go, gowrite.go): DuckDB computes
// each column's values once per row of its source table, Go gathers them
// into the rows in key order, and internal/parquetw encodes Parquet on every
// core — 2 s for the 2,252,760 × 75 reference chain where DuckDB's COPY took
// 8 s. Both ways give the same values (Parquet) and the same bytes (CSV,
// JSON lines): TestGoWriterMatchesQuery. State-year panels (which carry the
// state's name) go through DuckDB's own writers (COPY ... TO). Files are
// written to a temporary file in the destination directory and renamed into
// place, so a failed write never leaves a partial file.
//
// Setting BLOC_PANEL_TRACE=1 prints each statement of a build and its time
// to stderr; BLOC_PANEL_TRACE=2 prints them in full, with the panel's query.
package panel
