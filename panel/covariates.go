package panel

import (
	"fmt"
	"slices"
	"strings"

	"github.com/bloc-project/bloc/datasets"
)

// Covariate describes one covariate that --add can join to a panel.
type Covariate struct {
	// Name is the --add name.
	Name  string `json:"name"`
	Title string `json:"title"`
	// Units are the panels it applies to.
	Units []Unit `json:"units"`
	// Datasets are the catalogue datasets it reads (for the default
	// options; a built panel's Covariates list the ones actually used).
	Datasets []string `json:"datasets"`
	// Formula says what the columns are: definitions, units, the years in
	// which they are present and the rule that makes them 0 or missing.
	Formula string `json:"formula"`
	// Deviation says how bloc differs from peacesciencer's equivalent, if
	// it does ("" when it reproduces it or peacesciencer has none).
	Deviation string `json:"deviation,omitempty"`
}

func (c Covariate) withDatasets(ds []string) Covariate {
	c.Datasets = ds
	return c
}

// covariate is a catalogue entry: the description and how to build it.
type covariate struct {
	Covariate
	// uses returns the datasets read under opt; nil means Datasets.
	uses func(opt Options) []string
	add  func(b *builder) error
}

func (c *covariate) datasets(opt Options) []string {
	if c.uses != nil {
		return c.uses(opt)
	}
	return c.Datasets
}

func (c *covariate) supports(u Unit) bool { return slices.Contains(c.Units, u) }

// Covariates returns the catalogue of covariates available for unit (all of
// them when unit is empty), in the order their columns appear in a panel.
func Covariates(unit Unit) []Covariate {
	var out []Covariate
	for _, c := range catalogue {
		if unit == "" || c.supports(unit) {
			out = append(out, c.Covariate)
		}
	}
	return out
}

func lookupCovariate(name string) *covariate {
	for _, c := range catalogue {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func covariateNames(unit Unit) []string {
	var out []string
	for _, c := range catalogue {
		if c.supports(unit) {
			out = append(out, c.Name)
		}
	}
	return out
}

var (
	both     = []Unit{DyadYear, StateYear}
	dyadOnly = []Unit{DyadYear}
)

// catalogue lists the covariates in column order. The nine of
// peacesciencer's reference chain (nmc, contiguity, capdist, atop, gmlmids,
// democracy, gdp, rivalry, igo) keep their relative order, so a panel with
// those nine has peacesciencer's 75 columns in peacesciencer's order.
var catalogue []*covariate

func init() {
	catalogue = []*covariate{
		nmcCovariate, contiguityCovariate, capdistCovariate, mindistCovariate,
		atopCovariate, cowallianceCovariate, tradeCovariate, gmlmidsCovariate, cowmidsCovariate,
		democracyCovariate, gdpCovariate, rivalryCovariate, igoCovariate, majorsCovariate,
		sipriCovariate, sanctionsCovariate, unvotesCovariate, icewsCovariate, fpsimCovariate,
	}
}

// years returns the catalogue years of a dataset.
func years(name string) [2]int { return datasets.MustLookup(name).Years }

// fill0 is peacesciencer's ifelse(is.na(x) & between(year, lo, hi), 0, x):
// zero where the source lists only positive rows and the year is inside its
// coverage, the value (NULL if absent) elsewhere.
func fill0(expr string, lo, hi int) string {
	return fmt.Sprintf("CASE WHEN u.year BETWEEN %d AND %d THEN coalesce(%s, 0) ELSE %s END", lo, hi, expr, expr)
}

// within is like fill0 but missing outside lo–hi even where the source has
// a value, for counts that are incomplete outside the source's sampling
// window.
func within(expr string, lo, hi int) string {
	return fmt.Sprintf("CASE WHEN u.year BETWEEN %d AND %d THEN coalesce(%s, 0) END", lo, hi, expr)
}

type spec struct{ name, typ, desc string }

// stateCols adds the columns of a state-year source table (keyed by ccode,
// year): once in a state-year panel; in a dyad-year panel every column for
// state 1 (suffix 1), then every column for state 2 (suffix 2),
// peacesciencer's order. src, if not empty, is the source column of each
// spec (default its name).
func (b *builder) stateCols(cov, table string, cols []spec, src ...string) {
	names := make([]string, len(cols))
	for i, c := range cols {
		from := c.name
		if i < len(src) && src[i] != "" {
			from = src[i]
		}
		names[i] = b.stateValue(table, "src."+quote(from))
	}
	if b.unit == StateYear {
		for i, c := range cols {
			b.col(cov, c.name, c.typ, "st1."+names[i], c.desc)
		}
		return
	}
	for side := 1; side <= 2; side++ {
		for i, c := range cols {
			b.col(cov, fmt.Sprintf("%s%d", c.name, side), c.typ, fmt.Sprintf("st%d.%s", side, names[i]), fmt.Sprintf("%s, state %d", c.desc, side))
		}
	}
}

// keyedCopy creates a lookup table keyed by (ccode1, ccode2, year) from a
// dyad-year table of the store, with the named columns.
func (b *builder) keyedCopy(name, table string, cols ...string) error {
	q := "SELECT " + dyadKey("") + " AS k"
	for _, c := range cols {
		q += ", " + quote(c)
	}
	return b.keyed(name, q+" FROM "+quote(table))
}

// ---------------------------------------------------------------- nmc

func nmcTable(opt Options) string { return fmt.Sprintf("cow_nmc_v%d", opt.NMCVersion) }

var nmcCovariate = &covariate{
	Covariate: Covariate{
		Name: "nmc", Title: "COW National Material Capabilities", Units: both,
		Datasets: []string{"cow_nmc_v7"},
		Formula:  `milex (military expenditure, thousands; British pounds before 1914, US dollars after), milper (military personnel, thousands), irst (iron and steel production, thousand tons), pec (primary energy consumption, thousand coal-ton equivalents), tpop and upop (total and urban population, thousands), cinc (Composite Index of National Capability: the mean over the six components of the state's share of the system total). Suffix 1/2 for the first/second state of a dyad. Plain join on (ccode, year): missing outside the NMC years (v7: 1816–2022; v6 with --nmc-version 6: 1816–2016) and where NMC has no value.`,
	},
	uses: func(opt Options) []string { return []string{nmcTable(opt)} },
	add: func(b *builder) error {
		b.stateCols("nmc", nmcTable(b.opt), []spec{
			{"milex", "DOUBLE", "military expenditure (thousands; GBP before 1914, USD after)"},
			{"milper", "DOUBLE", "military personnel (thousands)"},
			{"irst", "DOUBLE", "iron and steel production (thousand tons)"},
			{"pec", "DOUBLE", "primary energy consumption (thousand coal-ton equivalents)"},
			{"tpop", "DOUBLE", "total population (thousands)"},
			{"upop", "DOUBLE", "urban population (thousands)"},
			{"cinc", "DOUBLE", "Composite Index of National Capability"},
		})
		return nil
	},
}

// ---------------------------------------------------------------- contiguity

var contiguityCovariate = &covariate{
	Covariate: Covariate{
		Name: "contiguity", Title: "COW Direct Contiguity v3.2", Units: both,
		Datasets: []string{"cow_contdir_v3.2"},
		Formula:  `Dyad-year: conttype, 1 direct land contiguity, 2 separated by ≤12 miles of water, 3 ≤24 miles, 4 ≤150 miles, 5 ≤400 miles, 0 not contiguous. The master records are expanded to months and each dyad-year keeps the type of its first month (peacesciencer add_contiguity(slice = "first"); overlapping records tie-break by file order). 0 when no record covers the year inside 1816–2016, missing after 2016 (peacesciencer's mry = FALSE). State-year: land (number of states contiguous by land, type 1) and sea (types 2–5), 0 inside 1816–2016 and missing after.`,
	},
	add: func(b *builder) error {
		if err := b.contTable(); err != nil {
			return err
		}
		y := years("cow_contdir_v3.2")
		if b.unit == StateYear {
			err := b.keyed("_bloc_contsy", `SELECT ccode1 * 10000 + year AS k, CAST(sum(CASE WHEN conttype = 1 THEN 1 ELSE 0 END) AS INTEGER) AS land,
				CAST(sum(CASE WHEN conttype > 1 THEN 1 ELSE 0 END) AS INTEGER) AS sea FROM _bloc_cont GROUP BY ccode1, year`)
			if err != nil {
				return err
			}
			a := b.lookup("_bloc_contsy", keyState)
			b.col("contiguity", "land", "INTEGER", fill0(a+".land", y[0], y[1]), "number of states contiguous by land (type 1)")
			b.col("contiguity", "sea", "INTEGER", fill0(a+".sea", y[0], y[1]), "number of states contiguous by water (types 2–5)")
			return nil
		}
		a := b.lookup("_bloc_cont", keyDirected)
		b.col("contiguity", "conttype", "INTEGER", fill0(a+".conttype", y[0], y[1]), "COW direct contiguity type (0 none, 1 land, 2–5 water ≤12/24/150/400 miles)")
		return nil
	},
}

// ---------------------------------------------------------------- capdist

// earthRadius is the sphere radius of geosphere::distVincentySphere, in
// metres (the WGS84 equatorial radius).
const earthRadius = 6378137.0

// vincentySphere is geosphere::distVincentySphere in SQL: the great-circle
// distance in km between two points given by the sine and cosine of their
// latitudes and their longitudes in radians (precomputed per state-year, so
// that a dyad-year costs two trigonometric calls, a square root and an
// arc tangent).
func vincentySphere(sin1, cos1, lng1, sin2, cos2, lng2 string) string {
	dl := "(" + lng1 + " - " + lng2 + ")"
	return fmt.Sprintf(`(%[1]g * atan2(sqrt(pow(%[3]s * sin(%[6]s), 2) + pow(%[5]s * %[4]s - %[2]s * %[3]s * cos(%[6]s), 2)), %[2]s * %[4]s + %[5]s * %[3]s * cos(%[6]s)) / 1000)`,
		earthRadius, sin1, cos2, sin2, cos1, dl)
}

var capdistCovariate = &covariate{
	Covariate: Covariate{
		Name: "capdist", Title: "Capital-to-capital distance", Units: dyadOnly,
		Datasets: []string{"cow_capitals"},
		Formula:  `capdist: great-circle distance in km between the two capitals on a sphere of radius 6,378,137 m, by the Vincenty formula for the sphere (geosphere::distVincentySphere / 1000): d = r·atan2(√((cos φ2 sin Δλ)² + (cos φ1 sin φ2 − sin φ1 cos φ2 cos Δλ)²), sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ). Each state's capital in a year is the first one it holds in that year (cow_capitals expanded to days, peacesciencer transsum = "first"). Missing when either capital is unknown for the year (cow_capitals runs to 2024).`,
	},
	add: func(b *builder) error {
		err := b.temp("_bloc_cap", `SELECT CAST(ccode AS INTEGER) AS ccode, CAST(yr AS INTEGER) AS year,
				arg_min(lat, k) AS lat, arg_min(lng, k) AS lng
			FROM (SELECT ccode, lat, lng, yr, (epoch(greatest(stdate, make_date(yr, 1, 1))) // 86400) * 100000 + rid AS k
				FROM (SELECT ccode, lat, lng, stdate, rowid AS rid, unnest(range(year(stdate), year(enddate) + 1)) AS yr FROM cow_capitals))
			GROUP BY ccode, yr`)
		if err != nil {
			return err
		}
		sin, cos, lng := b.stateValue("_bloc_cap", "sin(radians(src.lat))"), b.stateValue("_bloc_cap", "cos(radians(src.lat))"), b.stateValue("_bloc_cap", "radians(src.lng)")
		b.col("capdist", "capdist", "DOUBLE", vincentySphere("st1."+sin, "st1."+cos, "st1."+lng, "st2."+sin, "st2."+cos, "st2."+lng), "capital-to-capital great-circle distance (km)")
		return nil
	},
}

// ---------------------------------------------------------------- mindist

var mindistCovariate = &covariate{
	Covariate: Covariate{
		Name: "mindist", Title: "Minimum distance (CShapes 2.0)", Units: dyadOnly,
		Datasets: []string{"cow_mindist_cshapes2"},
		Formula:  `mindist: minimum distance in km between the two states' territories (CShapes 2.0, Schvitz et al. 2022), as peacesciencer add_minimum_distance(): a plain join of the non-directed data in either direction; missing outside 1886–2019 and for dyads CShapes does not list.`,
	},
	add: func(b *builder) error {
		if err := b.keyedCopy("_bloc_mindist", "cow_mindist_cshapes2", "mindist"); err != nil {
			return err
		}
		a := b.lookup("_bloc_mindist", keyNondirected)
		b.col("mindist", "mindist", "DOUBLE", a+".mindist", "minimum distance between the states' territories (km, CShapes 2.0)")
		return nil
	},
}

// ---------------------------------------------------------------- atop

var atopCols = []spec{
	{"atop_defense", "INTEGER", "defense pledge"},
	{"atop_offense", "INTEGER", "offense pledge"},
	{"atop_neutral", "INTEGER", "neutrality pledge"},
	{"atop_nonagg", "INTEGER", "non-aggression pledge"},
	{"atop_consul", "INTEGER", "consultation pledge"},
}

var atopCovariate = &covariate{
	Covariate: Covariate{
		Name: "atop", Title: "ATOP alliances (directed dyad-year)", Units: dyadOnly,
		Datasets:  []string{"atop5_dyad_year"},
		Formula:   `atop_alliance 1 if any ATOP alliance links the dyad in the year; atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul 1 if it carries that pledge. Directed panels: ccode1's pledge to ccode2 (plain join on the directed data). Non-directed panels: the highest value in either direction (peacesciencer ndir = TRUE). NA → 0 inside 1815–2018 (ATOP lists only alliance dyad-years), missing after 2018.`,
		Deviation: `atop_alliance is 1 for every dyad-year ATOP lists, including the 170 directed rows that list an alliance without any of the five pledges.`,
	},
	add: func(b *builder) error {
		y := years("atop5_dyad_year")
		var err error
		if b.opt.NonDirected {
			err = b.keyed("_bloc_atop", `SELECT (least(ccode1, ccode2) * 1000 + greatest(ccode1, ccode2)) * 10000 + year AS k, 1 AS present,
				max(atop_defense) AS atop_defense, max(atop_offense) AS atop_offense, max(atop_neutral) AS atop_neutral,
				max(atop_nonagg) AS atop_nonagg, max(atop_consul) AS atop_consul
				FROM atop5_dyad_year GROUP BY ALL`)
		} else {
			err = b.keyed("_bloc_atop", "SELECT "+dyadKey("")+" AS k, 1 AS present, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul FROM atop5_dyad_year")
		}
		if err != nil {
			return err
		}
		a := b.lookup("_bloc_atop", keyDirected)
		b.col("atop", "atop_alliance", "INTEGER", fmt.Sprintf("CASE WHEN %s.present = 1 THEN 1 WHEN u.year BETWEEN %d AND %d THEN 0 END", a, y[0], y[1]), "any ATOP alliance in the dyad-year")
		for _, c := range atopCols {
			b.col("atop", c.name, c.typ, fill0(a+"."+c.name, y[0], y[1]), "ATOP "+c.desc+" (ccode1 to ccode2 in directed panels)")
		}
		return nil
	},
}

// ---------------------------------------------------------------- cowalliance

var cowallianceCovariate = &covariate{
	Covariate: Covariate{
		Name: "cowalliance", Title: "COW Formal Alliances v4.1", Units: dyadOnly,
		Datasets:  []string{"cow_alliance_v4.1_dyad_year"},
		Formula:   `cow_defense, cow_neutral, cow_nonagg, cow_entente: 1 if an alliance of that type (COW Formal Alliances v4.1, Gibler 2009) links the dyad in the year. NA → 0 inside 1816–2012 (the data list only alliance dyad-years), missing after 2012.`,
		Deviation: `peacesciencer's add_cow_alliance() turned every missing value into 0, including the years after 2012 that the data do not cover; bloc leaves those missing.`,
	},
	add: func(b *builder) error {
		y := years("cow_alliance_v4.1_dyad_year")
		if err := b.keyedCopy("_bloc_cowall", "cow_alliance_v4.1_dyad_year", "cow_defense", "cow_neutral", "cow_nonagg", "cow_entente"); err != nil {
			return err
		}
		a := b.lookup("_bloc_cowall", keyDirected)
		for _, c := range []spec{{"cow_defense", "INTEGER", "defense pact"}, {"cow_neutral", "INTEGER", "neutrality pact"}, {"cow_nonagg", "INTEGER", "non-aggression pact"}, {"cow_entente", "INTEGER", "entente"}} {
			b.col("cowalliance", c.name, c.typ, fill0(a+"."+c.name, y[0], y[1]), "COW alliance: "+c.desc)
		}
		return nil
	},
}

// ---------------------------------------------------------------- trade

var tradeCovariate = &covariate{
	Covariate: Covariate{
		Name: "trade", Title: "COW Dyadic Trade v4.0", Units: both,
		Datasets: []string{"cow_trade_dyadic_v4", "cow_trade_state_year_v4", "isard_cw_gdppop"},
		Formula:  `Dyad-year: flow1 = imports of ccode1 from ccode2, flow2 = imports of ccode2 from ccode1, smoothflow1/2 their smoothed versions (millions of current US dollars, COW Dyadic Trade v4.0); tradeshare1 = (flow1 + flow2) / (imports1 + exports1), the dyad's share of state 1's total trade (cow_trade_state_year_v4), and tradeshare2 likewise for state 2 (Barbieri 1996); depend1 = (flow1 + flow2) / pwtrgdp1 and depend2 likewise (Oneal and Russett), where pwtrgdp is real GDP in millions of 2017 international dollars (PPP, isard cw_gdppop). The dependence ratio thus divides current US dollars by constant PPP dollars: it ranks dyads correctly within a year but is not a unit-free share. Missing outside 1870–2014, where COW lists no flow (50,833 dyad-years), where a denominator is missing or zero. State-year: imports, exports (millions of current USD).`,
	},
	add: func(b *builder) error {
		if b.unit == StateYear {
			b.stateCols("trade", "cow_trade_state_year_v4", []spec{{"imports", "DOUBLE", "total imports (millions of current USD)"}, {"exports", "DOUBLE", "total exports (millions of current USD)"}})
			return nil
		}
		if err := b.keyedCopy("_bloc_trade", "cow_trade_dyadic_v4", "flow1", "flow2", "smoothflow1", "smoothflow2"); err != nil {
			return err
		}
		tr := b.lookup("_bloc_trade", keyNondirected)
		swap := func(a, c string) string {
			return fmt.Sprintf("CASE WHEN u.ccode1 < u.ccode2 THEN %[1]s.%[2]s ELSE %[1]s.%[3]s END", tr, a, c)
		}
		b.col("trade", "flow1", "DOUBLE", swap("flow1", "flow2"), "imports of state 1 from state 2 (millions of current USD)")
		b.col("trade", "flow2", "DOUBLE", swap("flow2", "flow1"), "imports of state 2 from state 1 (millions of current USD)")
		b.col("trade", "smoothflow1", "DOUBLE", swap("smoothflow1", "smoothflow2"), "smoothed imports of state 1 from state 2 (millions of current USD)")
		b.col("trade", "smoothflow2", "DOUBLE", swap("smoothflow2", "smoothflow1"), "smoothed imports of state 2 from state 1 (millions of current USD)")
		tot := b.stateValue("cow_trade_state_year_v4", "src.imports + src.exports")
		gdp := b.stateValue("isard_cw_gdppop", "src.pwtrgdp")
		total := fmt.Sprintf("(%[1]s.flow1 + %[1]s.flow2)", tr)
		b.col("trade", "tradeshare1", "DOUBLE", fmt.Sprintf("%s / nullif(st1.%s, 0)", total, tot), "dyadic trade / state 1's total trade")
		b.col("trade", "tradeshare2", "DOUBLE", fmt.Sprintf("%s / nullif(st2.%s, 0)", total, tot), "dyadic trade / state 2's total trade")
		b.col("trade", "depend1", "DOUBLE", fmt.Sprintf("%s / nullif(st1.%s, 0)", total, gdp), "dyadic trade (current USD m) / state 1's real GDP (2017 PPP USD m)")
		b.col("trade", "depend2", "DOUBLE", fmt.Sprintf("%s / nullif(st2.%s, 0)", total, gdp), "dyadic trade (current USD m) / state 2's real GDP (2017 PPP USD m)")
		return nil
	},
}

// ---------------------------------------------------------------- MIDs

// midCols are the dispute-detail columns shared by the GML and COW MID
// dyad-year files, in the GML file's order.
var midCols = []spec{
	{"sidea1", "INTEGER", "state 1 on side A"}, {"sidea2", "INTEGER", "state 2 on side A"},
	{"fatality1", "INTEGER", "fatality level of state 1 (-9 missing)"}, {"fatality2", "INTEGER", "fatality level of state 2 (-9 missing)"},
	{"fatalpre1", "DOUBLE", "precise fatalities of state 1 (-9 missing)"}, {"fatalpre2", "DOUBLE", "precise fatalities of state 2 (-9 missing)"},
	{"hiact1", "INTEGER", "highest action of state 1"}, {"hiact2", "INTEGER", "highest action of state 2"},
	{"hostlev1", "INTEGER", "hostility level of state 1 (1–5)"}, {"hostlev2", "INTEGER", "hostility level of state 2 (1–5)"},
	{"orig1", "INTEGER", "state 1 an originator"}, {"orig2", "INTEGER", "state 2 an originator"},
	{"fatality", "INTEGER", "dispute fatality level"}, {"hostlev", "INTEGER", "dispute hostility level"},
	{"recip", "INTEGER", "dispute reciprocated"},
	{"mindur", "INTEGER", "minimum duration (days)"}, {"maxdur", "INTEGER", "maximum duration (days)"},
	{"stmon", "INTEGER", "start month"},
}

// midColumns adds a MID dyad-year file: dispnum, ongoing and onset (0
// inside the data's years), the detail columns and, in directed panels,
// peacesciencer's init1/init2 ("sidea-all-joiners": side A or a joiner).
func midColumns(b *builder, cov, table, name, onName, ongoing, onset, prefix string, y [2]int) error {
	cols := []string{"dispnum", ongoing, onset}
	for _, c := range midCols {
		cols = append(cols, c.name)
	}
	if err := b.keyedCopy(name, table, cols...); err != nil {
		return err
	}
	a := b.lookup(name, keyDirected)
	b.col(cov, prefix+"dispnum", "INTEGER", a+".dispnum", onName+" dispute number")
	b.col(cov, ongoing, "INTEGER", fill0(a+"."+ongoing, y[0], y[1]), onName+": a dispute is ongoing")
	b.col(cov, onset, "INTEGER", fill0(a+"."+onset, y[0], y[1]), onName+": onset of a dispute, or a new participant entering one")
	for _, c := range midCols {
		b.col(cov, prefix+c.name, c.typ, a+"."+c.name, onName+": "+c.desc)
	}
	if b.directed() {
		b.col(cov, prefix+"init1", "INTEGER", fmt.Sprintf("CAST((%[1]s.sidea1 = 1 OR %[1]s.orig1 = 0) AS INTEGER)", a), onName+": state 1 initiator (side A or a joiner)")
		b.col(cov, prefix+"init2", "INTEGER", fmt.Sprintf("CAST((%[1]s.sidea2 = 1 OR %[1]s.orig2 = 0) AS INTEGER)", a), onName+": state 2 initiator (side A or a joiner)")
	}
	return nil
}

var gmlmidsCovariate = &covariate{
	Covariate: Covariate{
		Name: "gmlmids", Title: "GML MID v2.2.1 (dyad-year)", Units: dyadOnly,
		Datasets: []string{"gml_mid_dyad_year_v2.2.1"},
		Formula:  `peacesciencer add_gml_mids(): the directed dispute-years whittled to one per dyad-year (gml_mid_ddydisps: unique onsets first, then highest fatality, hostility, duration, reciprocation, earliest start month). dispnum, gmlmidongoing (a dispute is ongoing), gmlmidonset (onset, or a new participant entering), sidea1/2, fatality1/2, fatalpre1/2, hiact1/2, hostlev1/2, orig1/2, fatality, hostlev, recip, mindur, maxdur, stmon, and in directed panels init1/2 = sidea == 1 | orig == 0 (init = "sidea-all-joiners"). gmlmidongoing and gmlmidonset: NA → 0 inside 1816–2010, missing after; the detail columns are present on the 9,284 dispute dyad-years only.`,
	},
	add: func(b *builder) error {
		return midColumns(b, "gmlmids", "gml_mid_dyad_year_v2.2.1", "_bloc_gml", "GML MID", "gmlmidongoing", "gmlmidonset", "", years("gml_mid_dyad_year_v2.2.1"))
	},
}

var cowmidsCovariate = &covariate{
	Covariate: Covariate{
		Name: "cowmids", Title: "COW MID v5.0 (dyad-year)", Units: dyadOnly,
		Datasets: []string{"cow_mid_dyad_year_v5"},
		Formula:  `peacesciencer add_cow_mids() on COW MID v5.0 (cow_mid_ddydisps, whittled to one dispute per dyad-year like the GML data): dispnum, cowmidongoing, cowmidonset, the same detail columns as gmlmids and, in directed panels, init1/2. cowmidongoing and cowmidonset: NA → 0 inside 1816–2014, missing after. When gmlmids is also added, the detail columns of this covariate are prefixed cow_ (cow_dispnum, cow_sidea1, …) so the names stay unique.`,
	},
	add: func(b *builder) error {
		prefix := ""
		if b.has("gmlmids") {
			prefix = "cow_"
		}
		return midColumns(b, "cowmids", "cow_mid_dyad_year_v5", "_bloc_cowmid", "COW MID", "cowmidongoing", "cowmidonset", prefix, years("cow_mid_dyad_year_v5"))
	},
}

// ---------------------------------------------------------------- democracy, gdp

var democracyCovariate = &covariate{
	Covariate: Covariate{
		Name: "democracy", Title: "Democracy (isard cw_democracy)", Units: both,
		Datasets: []string{"isard_cw_democracy"},
		Formula:  `euds (extended Unified Democracy Score), aeuds (adjusted euds, 0 = average), polity2 (Polity5, −10..10), v2x_polyarchy (V-Dem electoral democracy, 0..1); suffix 1/2 in dyad panels. Plain join on (ccode, year): euds/aeuds/v2x_polyarchy run to 2025, polity2 to 2020; missing where a source has no value.`,
	},
	add: func(b *builder) error {
		b.stateCols("democracy", "isard_cw_democracy", []spec{
			{"euds", "DOUBLE", "extended Unified Democracy Score"},
			{"aeuds", "DOUBLE", "adjusted extended UDS (0 = average)"},
			{"polity2", "DOUBLE", "Polity5 polity2 (-10..10)"},
			{"v2x_polyarchy", "DOUBLE", "V-Dem electoral democracy index (0..1)"},
		})
		return nil
	},
}

var gdpCovariate = &covariate{
	Covariate: Covariate{
		Name: "gdp", Title: "Simulated GDP and population (isard cw_gdppop)", Units: both,
		Datasets:  []string{"isard_cw_gdppop"},
		Formula:   `peacesciencer add_sim_gdp_pop() (Fariss et al. 2022 simulations, not logged): mrgdppc (GDP per capita, 2011 international $ PPP, Maddison-anchored), pwtrgdp (real GDP, millions of 2017 international $ PPP, PWT-anchored), pwtpop (population, millions, PWT), each with its simulation standard deviation sd_*; suffix 1/2 in dyad panels. Plain join: present to 2019; missing for the COW state-years outside the Gleditsch–Ward system (Serbia 1916–17, Morocco 1905–12, Egypt 1856–82, Saudi Arabia 1927–31, Laos 1953).`,
		Deviation: `peacesciencer's add_sdp_gdp() is broken at the reference commit; bloc's gdp is add_sim_gdp_pop().`,
	},
	add: func(b *builder) error {
		b.stateCols("gdp", "isard_cw_gdppop", []spec{
			{"mrgdppc", "DOUBLE", "GDP per capita (2011 int'l $ PPP)"},
			{"sd_mrgdppc", "DOUBLE", "simulation SD of mrgdppc"},
			{"pwtrgdp", "DOUBLE", "real GDP (millions of 2017 int'l $ PPP)"},
			{"sd_pwtrgdp", "DOUBLE", "simulation SD of pwtrgdp"},
			{"pwtpop", "DOUBLE", "population (millions)"},
			{"sd_pwtpop", "DOUBLE", "simulation SD of pwtpop"},
		})
		return nil
	},
}

// ---------------------------------------------------------------- rivalry

var rivalryCovariate = &covariate{
	Covariate: Covariate{
		Name: "rivalry", Title: "Strategic rivalries (Thompson, Sakuwa & Suhas 2021)", Units: both,
		Datasets:  []string{"tss_strategic_rivalries"},
		Formula:   `peacesciencer add_strategic_rivalries(): the rivalries in both directions, expanded to years from 1816 (Austria-Hungary 300 becomes Austria 305 from 1919). Dyad-year: tssr_id (rivalry id), positional, spatial, ideological, interventionary (1 if the rivalry has that element; NA → 0 when year ≤ 2020), ongoingrivalry (1 in a rivalry dyad-year, 0 otherwise up to 2020, missing after 2020 since the data end in 2020). State-year: n_ideological, n_interventionary, n_positional, n_spatial, the number of ongoing rivalries of each type (0 up to 2020, missing after).`,
		Deviation: `peacesciencer sets ongoingrivalry = 1 for every dyad-year after 2020 (ifelse(is.na(tssr_id) & year <= 2020, 0, 1)), 189,150 rows for 1816–2025 with no rivalry; bloc makes it missing there.`,
	},
	add: func(b *builder) error {
		y := years("tss_strategic_rivalries")
		err := b.keyed("_bloc_riv", fmt.Sprintf(`WITH r AS (
				SELECT tssr_id, ccode1, ccode2, start, "end", "positional", "spatial", "ideological", "interventionary" FROM tss_strategic_rivalries
				UNION ALL
				SELECT tssr_id, ccode2, ccode1, start, "end", "positional", "spatial", "ideological", "interventionary" FROM tss_strategic_rivalries),
			y AS (SELECT *, unnest(range(start, "end" + 1)) AS year FROM r),
			a AS (SELECT CAST(tssr_id AS INTEGER) AS tssr_id,
				CAST(CASE WHEN ccode1 = 300 AND year >= 1919 THEN 305 ELSE ccode1 END AS INTEGER) AS ccode1,
				CAST(CASE WHEN ccode2 = 300 AND year >= 1919 THEN 305 ELSE ccode2 END AS INTEGER) AS ccode2,
				CAST(year AS INTEGER) AS year,
				coalesce("positional", 0) AS "positional", coalesce("spatial", 0) AS "spatial",
				coalesce("ideological", 0) AS "ideological", coalesce("interventionary", 0) AS "interventionary"
			FROM y WHERE year >= %d)
			SELECT `+dyadKey("")+` AS k, * FROM a`, FirstYear))
		if err != nil {
			return err
		}
		types := []string{"positional", "spatial", "ideological", "interventionary"}
		if b.unit == StateYear {
			err := b.keyed("_bloc_rivsy", `SELECT ccode1 * 10000 + year AS k, sum("ideological") AS n_ideological, sum("interventionary") AS n_interventionary,
				sum("positional") AS n_positional, sum("spatial") AS n_spatial FROM _bloc_riv GROUP BY ccode1, year`)
			if err != nil {
				return err
			}
			a := b.lookup("_bloc_rivsy", keyState)
			for _, t := range []string{"ideological", "interventionary", "positional", "spatial"} {
				b.col("rivalry", "n_"+t, "INTEGER", fill0(a+".n_"+t, FirstYear, y[1]), "number of ongoing "+t+" rivalries")
			}
			return nil
		}
		riv := b.lookup("_bloc_riv", keyDirected)
		b.col("rivalry", "tssr_id", "INTEGER", riv+".tssr_id", "strategic rivalry id (Thompson, Sakuwa & Suhas)")
		for _, t := range types {
			b.col("rivalry", t, "INTEGER", fill0(riv+"."+quote(t), FirstYear, y[1]), "the rivalry is "+t+" (has that element)")
		}
		b.col("rivalry", "ongoingrivalry", "INTEGER", fmt.Sprintf("CASE WHEN %s.tssr_id IS NOT NULL THEN 1 WHEN u.year <= %d THEN 0 END", riv, y[1]), "a strategic rivalry is ongoing (missing after 2020)")
		return nil
	},
}

// ---------------------------------------------------------------- igo

var igoCovariate = &covariate{
	Covariate: Covariate{
		Name: "igo", Title: "COW Intergovernmental Organizations v3.0", Units: both,
		Datasets: []string{"cow_igo_dyad_year_v3", "cow_igo_state_year_v3"},
		Formula:  `Dyad-year: dyadigos, the number of IGOs in which both states are full members (peacesciencer add_igos(): a plain join of the non-directed data mirrored into both directions); missing outside 1816–2014 and for dyads the data do not list. State-year: sum_igo_full, sum_igo_associate, sum_igo_observer, sum_igo_anytype (memberships of each kind).`,
	},
	uses: func(opt Options) []string {
		return []string{"cow_igo_dyad_year_v3", "cow_igo_state_year_v3"}
	},
	add: func(b *builder) error {
		if b.unit == StateYear {
			var cols []spec
			for _, c := range []string{"sum_igo_full", "sum_igo_associate", "sum_igo_observer", "sum_igo_anytype"} {
				cols = append(cols, spec{c, "INTEGER", "IGO memberships: " + strings.TrimPrefix(c, "sum_igo_")})
			}
			b.stateCols("igo", "cow_igo_state_year_v3", cols)
			return nil
		}
		if err := b.keyedCopy("_bloc_igo", "cow_igo_dyad_year_v3", "dyadigos"); err != nil {
			return err
		}
		a := b.lookup("_bloc_igo", keyNondirected)
		b.col("igo", "dyadigos", "INTEGER", a+".dyadigos", "number of IGOs in which both states are full members")
		return nil
	},
}

// ---------------------------------------------------------------- majors

var majorsCovariate = &covariate{
	Covariate: Covariate{
		Name: "majors", Title: "COW major powers", Units: both,
		Datasets: []string{"cow_major_powers"},
		Formula:  `cowmaj1, cowmaj2 (cowmaj in state-year panels): 1 if the state is a COW major power in the year (its spell covers at least a day of it), else 0 (peacesciencer add_cow_majors(mry = TRUE)); spells that run to the data's last date (2016-12-31) are extended to the most recent year, so the columns are present in every year of the panel.`,
	},
	add: func(b *builder) error {
		if err := b.majorTable(); err != nil {
			return err
		}
		v := b.stateValue("_bloc_major", "CAST(src.k IS NOT NULL AS INTEGER)")
		if b.unit == StateYear {
			b.col("majors", "cowmaj", "INTEGER", "st1."+v, "COW major power")
			return nil
		}
		for side := 1; side <= 2; side++ {
			b.col("majors", fmt.Sprintf("cowmaj%d", side), "INTEGER", fmt.Sprintf("st%d.%s", side, v), fmt.Sprintf("state %d a COW major power", side))
		}
		return nil
	},
}

// ---------------------------------------------------------------- sipri

var sipriCovariate = &covariate{
	Covariate: Covariate{
		Name: "sipri", Title: "SIPRI arms transfers (TIV)", Units: both,
		Datasets: []string{"sipri_tiv_dyad_year_1950_2021"},
		Formula:  `Dyad-year: tiv_1to2, the SIPRI trend-indicator value (millions of TIV, constant 1990 prices) of major arms delivered by state 1 to state 2 in the year, and tiv_2to1 the reverse (duplicate supplier–recipient-years summed). State-year: tiv_imports, tiv_exports, the state's totals with other states. NA → 0 inside 1950–2021 (SIPRI lists only transfers), missing outside. Transfers with a non-state or unknown party are left out; "Serbia", which the processed file leaves without a COW code, is coded 345.`,
	},
	add: func(b *builder) error {
		y := years("sipri_tiv_dyad_year_1950_2021")
		err := b.keyed("_bloc_sipri", `SELECT (s * 1000 + r) * 10000 + year AS k, CAST(s AS INTEGER) AS ccode1, CAST(r AS INTEGER) AS ccode2, CAST(year AS INTEGER) AS year, sum(value) AS tiv FROM (
				SELECT coalesce(supplier_cown, CASE WHEN supplier = 'Serbia' THEN 345 END) AS s,
					coalesce(recipient_cown, CASE WHEN recipient = 'Serbia' THEN 345 END) AS r, year, value
				FROM sipri_tiv_dyad_year_1950_2021) WHERE s IS NOT NULL AND r IS NOT NULL GROUP BY ALL`)
		if err != nil {
			return err
		}
		if b.unit == StateYear {
			for _, s := range []struct{ name, key, desc string }{{"tiv_imports", "ccode2", "arms imports (SIPRI TIV, millions)"}, {"tiv_exports", "ccode1", "arms exports (SIPRI TIV, millions)"}} {
				if err := b.keyed("_bloc_"+s.name, fmt.Sprintf("SELECT %s * 10000 + year AS k, sum(tiv) AS tiv FROM _bloc_sipri GROUP BY ALL", s.key)); err != nil {
					return err
				}
				a := b.lookup("_bloc_"+s.name, keyState)
				b.col("sipri", s.name, "DOUBLE", fill0(a+".tiv", y[0], y[1]), s.desc)
			}
			return nil
		}
		a12, a21 := b.lookup("_bloc_sipri", keyDirected), b.lookup("_bloc_sipri", keyReversed)
		b.col("sipri", "tiv_1to2", "DOUBLE", fill0(a12+".tiv", y[0], y[1]), "arms delivered by state 1 to state 2 (SIPRI TIV, millions)")
		b.col("sipri", "tiv_2to1", "DOUBLE", fill0(a21+".tiv", y[0], y[1]), "arms delivered by state 2 to state 1 (SIPRI TIV, millions)")
		return nil
	},
}

// ---------------------------------------------------------------- icews

var icewsCovariate = &covariate{
	Covariate: Covariate{
		Name: "icews", Title: "ICEWS event counts by quad class", Units: dyadOnly,
		Datasets: []string{"icews_dyad_year_quadcounts_2002_2014", "countrycode_codelist"},
		Formula:  `verbCoop, matlCoop, verbConf, matlConf: ICEWS events from state 1 (source) to state 2 (target) in the year, by CAMEO quad class (verbal/material cooperation/conflict), from netify's aggregation of 6.7M events. ISO3 codes are mapped to COW codes with countrycode's codelist (iso3c → cown). The file is a complete panel of 152 states for 2002–2014 (zeros are listed), so the columns are a plain join: missing outside 2002–2014 and for states outside those 152.`,
	},
	add: func(b *builder) error {
		err := b.keyed("_bloc_icews", `SELECT (c1.cown * 1000 + c2.cown) * 10000 + e.year AS k,
				sum(e.verbCoop) AS verbCoop, sum(e.matlCoop) AS matlCoop, sum(e.verbConf) AS verbConf, sum(e.matlConf) AS matlConf
			FROM icews_dyad_year_quadcounts_2002_2014 AS e
			JOIN countrycode_codelist AS c1 ON c1.iso3c = e.i_iso3c
			JOIN countrycode_codelist AS c2 ON c2.iso3c = e.j_iso3c
			WHERE c1.cown IS NOT NULL AND c2.cown IS NOT NULL GROUP BY ALL`)
		if err != nil {
			return err
		}
		var unmapped int
		if err := b.conn.QueryRowContext(b.ctx, `SELECT count(*) FROM icews_dyad_year_quadcounts_2002_2014 AS e
			WHERE NOT EXISTS (SELECT 1 FROM countrycode_codelist c WHERE c.iso3c = e.i_iso3c AND c.cown IS NOT NULL)
			   OR NOT EXISTS (SELECT 1 FROM countrycode_codelist c WHERE c.iso3c = e.j_iso3c AND c.cown IS NOT NULL)`).Scan(&unmapped); err != nil {
			return b.fail(err)
		}
		if unmapped > 0 {
			b.note("icews: %d dyad-year rows have an ISO3 code without a COW code and are left out", unmapped)
		}
		a := b.lookup("_bloc_icews", keyDirected)
		for _, c := range []spec{{"verbCoop", "INTEGER", "verbal cooperation"}, {"matlCoop", "INTEGER", "material cooperation"}, {"verbConf", "INTEGER", "verbal conflict"}, {"matlConf", "INTEGER", "material conflict"}} {
			b.col("icews", c.name, c.typ, a+"."+c.name, "ICEWS events from state 1 to state 2: "+c.desc)
		}
		return nil
	},
}
