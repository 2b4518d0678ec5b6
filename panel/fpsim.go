package panel

import (
	"database/sql/driver"
	"fmt"
	"math"
	"sort"

	ddb "github.com/duckdb/duckdb-go/v2"

	"github.com/bloc-project/bloc/similarity"
)

var fpsimCovariate = &covariate{
	Covariate: Covariate{
		Name: "fpsim", Title: "Foreign-policy similarity (S, kappa, pi, tau-b)", Units: dyadOnly,
		Datasets: []string{"atop5_dyad_year", "cow_nmc_v7", "unvotes_un_votes", "unvotes_un_roll_calls", "countrycode_codelist"},
		Formula: `Similarity of the two states' foreign-policy portfolios in the year (package similarity; fpsim's conventions).
Alliances (ATOP v5, 1816–2018): state i's portfolio has one item per state k in the system in the year, valued 3 if i's ATOP pledge to k includes defense or offense, 2 neutrality or consultation, 1 non-aggression only, 0 none (Chiba et al. 2022 via fpsim), the self-item 3, and missing for the states i never coexists with on a day of the year (false_cow_dyads). s_atop = Signorino–Ritter S = 1 − 2·Σ|x−y|/(n·3) over the items; sw_atop = S with each item weighted by state k's CINC (items without a CINC dropped); kappa_atop = Cohen's weighted kappa and pi_atop = Scott's pi (Häge 2011) with quadratic disagreement weights ((a−b)/3)² on the levels 0–3; taub_atop = Kendall's tau-b (legacy only: it measures association, not similarity).
UN General Assembly votes (unvotes, sessions 1–74, year = session + 1945, 1946–2019): items are the year's roll calls, valued 1 yes, 2 abstain, 3 no; absences are missing and dropped pairwise. s_un = S with range 2; kappa_un and pi_un with quadratic weights ((a−b)/2)² on 1–3.
Each measure is missing outside its data's years, for a state without any portfolio in the year, and where it is undefined (e.g. kappa when both states put every item in one category).`,
		Deviation: `fpsim's published alliance data weight kappa by psych::cohen.kappa's category-index distances over the categories observed in the dyad and compute pi with nominal weights; bloc uses the fixed 0–3 scale with quadratic weights on the values for both, so kappa and pi do not move when a dyad happens not to use a level.`,
	},
	uses: func(opt Options) []string {
		return []string{"atop5_dyad_year", nmcTable(opt), "unvotes_un_votes", "unvotes_un_roll_calls", "countrycode_codelist"}
	},
	add: func(b *builder) error {
		if err := b.atopSimilarity(); err != nil {
			return err
		}
		if err := b.unTable(); err != nil {
			return err
		}
		fpa := b.lookup("_bloc_fpatop", keyNondirected)
		for _, c := range []spec{
			{"s_atop", "DOUBLE", "S, ATOP valued alliance portfolios (absolute distances, unweighted)"},
			{"sw_atop", "DOUBLE", "S, ATOP portfolios weighted by CINC"},
			{"kappa_atop", "DOUBLE", "Cohen's kappa, ATOP portfolios (quadratic weights)"},
			{"pi_atop", "DOUBLE", "Scott's pi, ATOP portfolios (quadratic weights)"},
			{"taub_atop", "DOUBLE", "Kendall's tau-b, ATOP portfolios (legacy)"},
		} {
			b.col("fpsim", c.name, c.typ, fpa+"."+c.name, c.desc)
		}
		fpu := b.lookup("_bloc_un", keyNondirected)
		for _, c := range []spec{
			{"s_un", "DOUBLE", "S, UNGA votes (range 2)"},
			{"kappa_un", "DOUBLE", "Cohen's kappa, UNGA votes (quadratic weights)"},
			{"pi_un", "DOUBLE", "Scott's pi, UNGA votes (quadratic weights)"},
		} {
			b.col("fpsim", c.name, c.typ, fpu+"."+c.name, c.desc)
		}
		return nil
	},
}

var unvotesCovariate = &covariate{
	Covariate: Covariate{
		Name: "unvotes", Title: "UN General Assembly voting", Units: both,
		Datasets: []string{"unvotes_un_votes", "unvotes_un_roll_calls", "countrycode_codelist", "unga_ideal_points_bsv_jun2024"},
		Formula:  `Dyad-year: unagree, the share of the year's roll calls on which both states voted (yes, abstain or no; unvotes omits absences) where they voted alike, and uncommon, the number of those roll calls (Voeten; year = session + 1945, 1946–2019; missing when the two have no roll call in common); idealpoint1, idealpoint2, the states' UNGA ideal points (Bailey, Strezhnev & Voeten, June 2024 release, 1946–2023) and idealpointdist = |idealpoint1 − idealpoint2|. State-year: idealpoint. unvotes keys countries by ISO2 code: codes are mapped to COW with countrycode's codelist (iso2c → cown), and the rows whose code is missing or historical are mapped by name: Federal Republic of Germany 260, German Democratic Republic 265, Yemen Arab Republic 678, Yemen People's Republic 680, Yugoslavia 345, Czechoslovakia 315, Namibia 565 (its code "NA" reads as missing), Zanzibar 511, and Taiwan before 1949 710 (the Republic of China on the mainland).`,
	},
	add: func(b *builder) error {
		if b.unit == DyadYear {
			if err := b.unTable(); err != nil {
				return err
			}
			unv := b.lookup("_bloc_un", keyNondirected)
			b.col("unvotes", "unagree", "DOUBLE", unv+".unagree", "share of common UNGA roll calls on which the two voted alike")
			b.col("unvotes", "uncommon", "INTEGER", unv+".uncommon", "number of UNGA roll calls on which both voted")
		}
		b.stateCols("unvotes", "unga_ideal_points_bsv_jun2024", []spec{{"idealpoint", "DOUBLE", "UNGA ideal point (Bailey, Strezhnev & Voeten)"}}, "IdealPointAll")
		if b.unit == DyadYear {
			v := b.stateValue("unga_ideal_points_bsv_jun2024", `src."IdealPointAll"`)
			b.col("unvotes", "idealpointdist", "DOUBLE", fmt.Sprintf("abs(st1.%[1]s - st2.%[1]s)", v), "absolute difference of the two ideal points")
		}
		return nil
	},
}

// unVoteQuery returns (year, ccode, rcid, vote 1/2/3) for every vote, with
// the country mapped to COW as the unvotes covariate documents.
const unVoteQuery = `WITH overrides(country, ccode) AS (VALUES
		('Federal Republic of Germany', 260), ('German Democratic Republic', 265), ('Yemen Arab Republic', 678),
		('Yemen People''s Republic', 680), ('Yugoslavia', 345), ('Czechoslovakia', 315), ('Namibia', 565), ('Zanzibar', 511)),
	cc AS (SELECT iso2c, any_value(cown) AS cown FROM countrycode_codelist WHERE iso2c IS NOT NULL AND cown IS NOT NULL GROUP BY iso2c),
	v AS (SELECT r.session + 1945 AS year, v.rcid, v.country, v.country_code,
			CASE lower(trim(v.vote)) WHEN 'yes' THEN 1 WHEN 'abstain' THEN 2 WHEN 'no' THEN 3 END AS vote
		FROM unvotes_un_votes AS v JOIN unvotes_un_roll_calls AS r ON r.rcid = v.rcid)
	SELECT CAST(v.year AS INTEGER) AS year,
		CAST(CASE WHEN v.country = 'Taiwan' AND v.year < 1949 THEN 710 ELSE coalesce(o.ccode, cc.cown) END AS INTEGER) AS ccode,
		CAST(v.rcid AS INTEGER) AS rcid, CAST(v.vote AS INTEGER) AS vote
	FROM v LEFT JOIN overrides AS o ON o.country = v.country LEFT JOIN cc ON cc.iso2c = v.country_code`

// unTable computes, once per build, the UN-vote dyad measures for every
// pair of states that voted in a year: unagree, uncommon, s_un, kappa_un,
// pi_un, in _bloc_un keyed by (ccode1 < ccode2, year).
func (b *builder) unTable() error {
	if b.tableMade("_bloc_un") {
		return nil
	}
	rows, err := b.conn.QueryContext(b.ctx, `SELECT q.year, q.ccode, q.rcid, q.vote FROM (`+unVoteQuery+`) AS q
		JOIN _bloc_sys AS s ON s.ccode = q.ccode AND s.year = q.year
		WHERE q.vote IS NOT NULL ORDER BY q.year, q.ccode, q.rcid`)
	if err != nil {
		return b.fail(err)
	}
	type vote struct{ year, ccode, rcid, v int32 }
	var votes []vote
	for rows.Next() {
		var v vote
		if err := rows.Scan(&v.year, &v.ccode, &v.rcid, &v.v); err != nil {
			rows.Close()
			return b.fail(err)
		}
		votes = append(votes, v)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return b.fail(err)
	}
	var unmapped, outside int64
	err = b.conn.QueryRowContext(b.ctx, `SELECT count(*) FILTER (WHERE q.ccode IS NULL),
		count(*) FILTER (WHERE q.ccode IS NOT NULL AND NOT EXISTS (SELECT 1 FROM _bloc_sys s WHERE s.ccode = q.ccode AND s.year = q.year) AND q.year BETWEEN ? AND ?)
		FROM (`+unVoteQuery+`) AS q`, b.opt.From, b.opt.To).Scan(&unmapped, &outside)
	if err != nil {
		return b.fail(err)
	}
	if unmapped > 0 {
		b.note("unvotes: %d votes have no COW code and are left out", unmapped)
	}
	if outside > 0 {
		b.note("unvotes: %d votes in %d–%d are cast by states outside the COW system in that year and are left out", outside, b.opt.From, b.opt.To)
	}

	out := &pairTable{name: "_bloc_un", cols: []string{"unagree", "uncommon", "s_un", "kappa_un", "pi_un"}}
	agree := func(x, y []float64) (float64, bool) {
		n, same := 0, 0
		for k, xk := range x {
			if math.IsNaN(xk) || math.IsNaN(y[k]) {
				continue
			}
			n++
			if xk == y[k] {
				same++
			}
		}
		if n == 0 {
			return math.NaN(), false
		}
		return float64(same) / float64(n), true
	}
	common := func(x, y []float64) (float64, bool) {
		n := 0
		for k, xk := range x {
			if !math.IsNaN(xk) && !math.IsNaN(y[k]) {
				n++
			}
		}
		return float64(n), n > 0
	}
	measures := []similarity.Measure{agree, common, similarity.SMeasure(nil, similarity.UNRange),
		similarity.KappaMeasure(similarity.UNLevels(), 2), similarity.PiMeasure(similarity.UNLevels(), 2)}
	for lo := 0; lo < len(votes); {
		hi := lo
		for hi < len(votes) && votes[hi].year == votes[lo].year {
			hi++
		}
		yv := votes[lo:hi]
		var states []int
		stateIdx := map[int32]int{}
		rcIdx := map[int32]int{}
		var rcs []int32
		for _, v := range yv {
			if _, ok := stateIdx[v.ccode]; !ok {
				stateIdx[v.ccode] = len(states)
				states = append(states, int(v.ccode))
			}
			if _, ok := rcIdx[v.rcid]; !ok {
				rcIdx[v.rcid] = len(rcs)
				rcs = append(rcs, v.rcid)
			}
		}
		m := newMatrix(states, len(rcs), math.NaN())
		for _, v := range yv {
			m.Values[stateIdx[v.ccode]][rcIdx[v.rcid]] = float64(v.v)
		}
		out.add(int(yv[0].year), m, measures)
		lo = hi
		if err := b.ctx.Err(); err != nil {
			return err
		}
	}
	return b.appendPairs(out)
}

// atopSimilarity computes the ATOP portfolio measures for every pair of
// states in every panel year up to 2018 into _bloc_fpatop.
func (b *builder) atopSimilarity() error {
	last := min(b.opt.To, years("atop5_dyad_year")[1])
	out := &pairTable{name: "_bloc_fpatop", cols: []string{"s_atop", "sw_atop", "kappa_atop", "pi_atop", "taub_atop"}}
	if b.opt.From > last {
		return b.appendPairs(out)
	}
	port, err := b.loadPortfolios(b.opt.From, last)
	if err != nil {
		return err
	}
	for _, yp := range port {
		w := yp.cinc
		measures := []similarity.Measure{
			similarity.SMeasure(nil, similarity.ATOPRange),
			similarity.SMeasure(w, similarity.ATOPRange),
			similarity.KappaMeasure(similarity.ATOPLevels(), 2),
			similarity.PiMeasure(similarity.ATOPLevels(), 2),
			similarity.TauB,
		}
		out.add(yp.year, yp.m, measures)
		if err := b.ctx.Err(); err != nil {
			return err
		}
	}
	return b.appendPairs(out)
}

// yearPortfolios are the ATOP alliance portfolios of one system-year.
type yearPortfolios struct {
	year int
	m    similarity.Matrix
	cinc []float64 // CINC of the item states (NaN when missing)
}

// loadPortfolios reads the system, the directed ATOP ties, the dyad-years
// that never coexist and CINC for years from..to and builds one valued
// portfolio matrix per year (see fpsimCovariate).
func (b *builder) loadPortfolios(from, to int) ([]yearPortfolios, error) {
	type key struct{ a, b, y int32 }
	states := map[int][]int{}
	rows, err := b.conn.QueryContext(b.ctx, `SELECT year, ccode FROM _bloc_sys WHERE year BETWEEN ? AND ? ORDER BY year, ccode`, from, to)
	if err != nil {
		return nil, b.fail(err)
	}
	for rows.Next() {
		var y, c int
		if err := rows.Scan(&y, &c); err != nil {
			rows.Close()
			return nil, b.fail(err)
		}
		states[y] = append(states[y], c)
	}
	rows.Close()
	ties := map[key]float64{}
	rows, err = b.conn.QueryContext(b.ctx, `SELECT CAST(year AS INTEGER), CAST(ccode1 AS INTEGER), CAST(ccode2 AS INTEGER),
		atop_defense = 1, atop_offense = 1, atop_neutral = 1, atop_nonagg = 1, atop_consul = 1
		FROM atop5_dyad_year WHERE year BETWEEN ? AND ?`, from, to)
	if err != nil {
		return nil, b.fail(err)
	}
	for rows.Next() {
		var k key
		var d, o, n, na, c bool
		if err := rows.Scan(&k.y, &k.a, &k.b, &d, &o, &n, &na, &c); err != nil {
			rows.Close()
			return nil, b.fail(err)
		}
		ties[k] = similarity.ATOPValue(d, o, n, na, c)
	}
	rows.Close()
	rows, err = b.conn.QueryContext(b.ctx, `SELECT CAST(year AS INTEGER), CAST(ccode1 AS INTEGER), CAST(ccode2 AS INTEGER) FROM false_cow_dyads WHERE year BETWEEN ? AND ?`, from, to)
	if err != nil {
		return nil, b.fail(err)
	}
	for rows.Next() {
		var k key
		if err := rows.Scan(&k.y, &k.a, &k.b); err != nil {
			rows.Close()
			return nil, b.fail(err)
		}
		ties[k] = math.NaN()
	}
	rows.Close()
	cinc := map[[2]int]float64{}
	rows, err = b.conn.QueryContext(b.ctx, `SELECT CAST(year AS INTEGER), CAST(ccode AS INTEGER), cinc FROM `+nmcTable(b.opt)+` WHERE year BETWEEN ? AND ? AND cinc IS NOT NULL`, from, to)
	if err != nil {
		return nil, b.fail(err)
	}
	for rows.Next() {
		var y, c int
		var v float64
		if err := rows.Scan(&y, &c, &v); err != nil {
			rows.Close()
			return nil, b.fail(err)
		}
		cinc[[2]int{y, c}] = v
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, b.fail(err)
	}
	var yearsList []int
	for y := range states {
		yearsList = append(yearsList, y)
	}
	sort.Ints(yearsList)
	out := make([]yearPortfolios, 0, len(yearsList))
	for _, y := range yearsList {
		ss := states[y]
		m := newMatrix(ss, len(ss), 0)
		w := make([]float64, len(ss))
		for r, a := range ss {
			row := m.Values[r]
			for c, bb := range ss {
				if v, ok := ties[key{int32(a), int32(bb), int32(y)}]; ok {
					row[c] = v
				}
			}
			row[r] = similarity.ATOPMax
			if v, ok := cinc[[2]int{y, a}]; ok {
				w[r] = v
			} else {
				w[r] = math.NaN()
			}
		}
		out = append(out, yearPortfolios{year: y, m: m, cinc: w})
	}
	return out, nil
}

func newMatrix(states []int, items int, fill float64) similarity.Matrix {
	n := len(states)
	flat := make([]float64, n*items)
	if fill != 0 {
		for i := range flat {
			flat[i] = fill
		}
	}
	m := similarity.Matrix{States: states, Values: make([][]float64, n)}
	for r := range n {
		m.Values[r] = flat[r*items : (r+1)*items : (r+1)*items]
	}
	return m
}

// pairTable accumulates dyad measures, one row per pair of states with
// ccode1 < ccode2, before they are appended to a temporary table.
type pairTable struct {
	name string
	cols []string
	keys [][3]int32
	vals []float64 // len(keys) * len(cols), NaN = missing
}

// add computes every measure for every pair of m's rows (its states in
// ascending code order) for one year.
func (t *pairTable) add(year int, m similarity.Matrix, measures []similarity.Measure) {
	n := len(m.States)
	np := similarity.NumPairs(n)
	if np == 0 {
		return
	}
	base := len(t.keys)
	nc := len(t.cols)
	t.vals = append(t.vals, make([]float64, np*nc)...)
	for i := range n {
		for j := i + 1; j < n; j++ {
			a, c := m.States[i], m.States[j]
			if a > c {
				a, c = c, a
			}
			t.keys = append(t.keys, [3]int32{int32(a), int32(c), int32(year)})
		}
	}
	vals := t.vals[base*nc:]
	for mi, measure := range measures {
		similarity.AllPairs(m, measure, func(i, j int, v float64, ok bool) {
			if !ok {
				v = math.NaN()
			}
			vals[similarity.PairIndex(n, i, j)*nc+mi] = v
		})
	}
}

// appendPairs creates the pair table and loads it with DuckDB's appender.
func (b *builder) appendPairs(t *pairTable) error {
	ddl := "CREATE OR REPLACE TEMP TABLE " + t.name + " (k BIGINT, ccode1 INTEGER, ccode2 INTEGER, year INTEGER"
	for _, c := range t.cols {
		ddl += ", " + quote(c) + " DOUBLE"
	}
	b.p.temps = append(b.p.temps, t.name)
	if err := b.exec(ddl + ")"); err != nil {
		return err
	}
	nc := len(t.cols)
	err := b.conn.Raw(func(dc any) error {
		conn, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		a, err := ddb.NewAppender(conn, "temp", "main", t.name)
		if err != nil {
			return err
		}
		row := make([]driver.Value, 4+nc)
		for r, k := range t.keys {
			row[0] = (int64(k[0])*1000+int64(k[1]))*10000 + int64(k[2])
			row[1], row[2], row[3] = k[0], k[1], k[2]
			for c := range nc {
				v := t.vals[r*nc+c]
				if math.IsNaN(v) {
					row[4+c] = nil
				} else {
					row[4+c] = v
				}
			}
			if err := a.AppendRow(row...); err != nil {
				a.Close()
				return err
			}
		}
		return a.Close()
	})
	if err != nil {
		return b.fail(err)
	}
	return nil
}
