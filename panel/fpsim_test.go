package panel

import (
	"math"
	"strconv"
	"testing"

	"github.com/bloc-project/bloc/similarity"
)

// Hand-computed portfolios through the measures the panel uses.
func TestPairTableHandComputed(t *testing.T) {
	nan := math.NaN()
	m := similarity.Matrix{States: []int{10, 20, 30, 40}, Values: [][]float64{
		{3, 0, 0, 2},         // 10
		{3, 0, 0, 2},         // 20: identical to 10
		{0, 3, 3, 0},         // 30: disagrees with 10 everywhere
		{nan, nan, nan, nan}, // 40: no portfolio
	}}
	tab := &pairTable{name: "t", cols: []string{"s", "kappa", "pi", "taub"}}
	tab.add(2000, m, []similarity.Measure{
		similarity.SMeasure(nil, similarity.ATOPRange),
		similarity.KappaMeasure(similarity.ATOPLevels(), 2),
		similarity.PiMeasure(similarity.ATOPLevels(), 2),
		similarity.TauB,
	})
	get := func(a, b int) []float64 {
		for i, k := range tab.keys {
			if int(k[0]) == a && int(k[1]) == b && k[2] == 2000 {
				return tab.vals[i*4 : i*4+4]
			}
		}
		t.Fatalf("pair %d–%d missing", a, b)
		return nil
	}
	if len(tab.keys) != 6 {
		t.Fatalf("%d pairs, want 6", len(tab.keys))
	}
	// Identical portfolios: every measure is 1.
	for i, v := range get(10, 20) {
		if math.Abs(v-1) > 1e-12 {
			t.Errorf("identical portfolios: measure %s = %v, want 1", tab.cols[i], v)
		}
	}
	// 10 vs 30: Σ|x−y| = 3+3+3+2 = 11 over 4 items of range 3:
	// S = 1 − 2·11/12 = −5/6. Quadratic weights ((a−b)/3)²: observed
	// disagreement (1+1+1+4/9)/4 = 31/36; expected under the marginals
	// (x: 0 .5, 2 .25, 3 .25; y: 0 .5, 3 .5) = 4/9, so κ = 1 − (31/36)/(4/9)
	// = −15/16; pooled marginals (0 .5, 2 .125, 3 .375) give expected
	// 0.440972…, π = 1 − (31/36)/0.4409722 = −0.952756.
	want := []float64{-5.0 / 6, -15.0 / 16, 1 - (31.0/36)/(2*(0.5*0.125*4/9+0.5*0.375+0.125*0.375/9)), math.NaN()}
	got := get(10, 30)
	for i := 0; i < 3; i++ {
		if math.Abs(got[i]-want[i]) > 1e-9 {
			t.Errorf("10 vs 30: %s = %v, want %v", tab.cols[i], got[i], want[i])
		}
	}
	// Tau-b of 10 vs 30: concordant 0, discordant pairs over the 4 items.
	if tb, ok := similarity.TauB(m.Values[0], m.Values[2]); !ok || math.Abs(got[3]-tb) > 1e-12 {
		t.Errorf("10 vs 30 tau-b = %v, want %v", got[3], tb)
	}
	// A state without a portfolio: every measure missing.
	for _, other := range []int{10, 20, 30} {
		for i, v := range get(other, 40) {
			if !math.IsNaN(v) {
				t.Errorf("%d vs 40 (all missing): %s = %v, want missing", other, tab.cols[i], v)
			}
		}
	}
}

// s_atop for a dyad-year, recomputed in SQL from the raw ATOP rows.
func TestATOPSimilarityAgainstSQL(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2018, To: 2019, NonDirected: true, Add: []string{"fpsim"}})
	const recompute = `WITH sys AS (SELECT DISTINCT ccode FROM isard_cw_system WHERE year(start) <= 2018 AND "end" = DATE '2016-12-31'),
		tie AS (SELECT ccode1, ccode2, CASE WHEN atop_defense = 1 OR atop_offense = 1 THEN 3 WHEN atop_neutral = 1 OR atop_consul = 1 THEN 2 WHEN atop_nonagg = 1 THEN 1 ELSE 0 END AS v
			FROM atop5_dyad_year WHERE year = 2018),
		port AS (SELECT s.ccode AS i, k.ccode AS k, CASE WHEN s.ccode = k.ccode THEN 3 ELSE coalesce(t.v, 0) END AS v
			FROM sys s CROSS JOIN sys k LEFT JOIN tie t ON t.ccode1 = s.ccode AND t.ccode2 = k.ccode)
		SELECT 1 - 2 * sum(abs(a.v - b.v)) / (count(*) * 3.0) FROM port a JOIN port b ON a.k = b.k WHERE a.i = ? AND b.i = ?`
	for _, d := range [][2]int{{365, 630}, {2, 200}, {2, 630}, {220, 255}} {
		var want float64
		if err := store(t).DB().QueryRow(recompute, d[0], d[1]).Scan(&want); err != nil {
			t.Fatal(err)
		}
		got := mustFloat(t, one(t, p, "SELECT s_atop FROM p WHERE year = 2018 AND ccode1 = "+strconv.Itoa(d[0])+" AND ccode2 = "+strconv.Itoa(d[1])))
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%d–%d 2018: s_atop = %v, SQL recomputation %v", d[0], d[1], got, want)
		}
	}
	r := query(t, p, `SELECT count(*) FILTER (WHERE year = 2019 AND s_atop IS NOT NULL), count(*) FILTER (WHERE year = 2018 AND s_atop IS NULL),
		min(s_atop), max(s_atop), min(kappa_atop), max(kappa_atop), count(*) FILTER (WHERE year = 2018 AND sw_atop IS NULL) FROM p`)[0]
	if r[0] != "0" || r[1] != "0" || r[6] != "0" {
		t.Errorf("s_atop present in 2019 (%s rows), missing in 2018 (%s rows), sw_atop missing in 2018 (%s rows)", r[0], r[1], r[6])
	}
	for _, v := range r[2:6] {
		if f := mustFloat(t, v); f < -1 || f > 1 {
			t.Errorf("a similarity outside [-1, 1]: %v", r)
		}
	}
}

// s_un for a dyad-year, recomputed in SQL from the votes.
func TestUNSimilarityAgainstSQL(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 1946, To: 2014, NonDirected: true, Add: []string{"fpsim", "unvotes"}})
	const recompute = `WITH v AS (SELECT r.session + 1945 AS year, v.rcid, v.country_code AS c, CASE v.vote WHEN 'yes' THEN 1 WHEN 'abstain' THEN 2 WHEN 'no' THEN 3 END AS x
			FROM unvotes_un_votes v JOIN unvotes_un_roll_calls r USING (rcid))
		SELECT 1 - 2 * sum(abs(a.x - b.x)) / (count(*) * 2.0), count(*), avg(CASE WHEN a.x = b.x THEN 1.0 ELSE 0 END)
		FROM v a JOIN v b ON a.rcid = b.rcid WHERE a.year = 2014 AND a.c = 'RU' AND b.c = 'IR'`
	var s, agree float64
	var n int
	if err := store(t).DB().QueryRow(recompute).Scan(&s, &n, &agree); err != nil {
		t.Fatal(err)
	}
	got := query(t, p, "SELECT s_un, uncommon, unagree, kappa_un IS NOT NULL FROM p WHERE year = 2014 AND ccode1 = 365 AND ccode2 = 630")[0]
	if math.Abs(mustFloat(t, got[0])-s) > 1e-12 || atoi(t, got[1]) != n || math.Abs(mustFloat(t, got[2])-agree) > 1e-12 || got[3] != "true" {
		t.Errorf("Russia–Iran 2014: s_un, uncommon, unagree, kappa present = %v; SQL: %v, %d, %v", got, s, n, agree)
	}
	// Switzerland (225) did not vote in the General Assembly before 2002.
	if got := one(t, p, "SELECT count(*) FROM p WHERE year = 1990 AND (ccode1 = 225 OR ccode2 = 225) AND s_un IS NOT NULL"); got != "0" {
		t.Errorf("Switzerland has UN similarity in 1990")
	}
	if got := one(t, p, "SELECT count(*) FROM p WHERE year < 1946 AND s_un IS NOT NULL"); got != "0" {
		t.Errorf("UN similarity before 1946")
	}
}
