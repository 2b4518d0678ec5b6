package panel

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// chain is peacesciencer's reference chain of PANEL.md.
var chain = []string{"nmc", "contiguity", "capdist", "atop", "gmlmids", "democracy", "gdp", "rivalry", "igo"}

// PANEL.md: the final column order of the full dyad file.
const chainColumns = `ccode1, ccode2, year, milex1, milper1, irst1, pec1, tpop1, upop1, cinc1, milex2, milper2, irst2, pec2, tpop2, upop2, cinc2, conttype, capdist, atop_alliance, atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul, dispnum, gmlmidongoing, gmlmidonset, sidea1, sidea2, fatality1, fatality2, fatalpre1, fatalpre2, hiact1, hiact2, hostlev1, hostlev2, orig1, orig2, fatality, hostlev, recip, mindur, maxdur, stmon, init1, init2, euds1, aeuds1, polity21, v2x_polyarchy1, euds2, aeuds2, polity22, v2x_polyarchy2, mrgdppc1, sd_mrgdppc1, pwtrgdp1, sd_pwtrgdp1, pwtpop1, sd_pwtpop1, mrgdppc2, sd_mrgdppc2, pwtrgdp2, sd_pwtrgdp2, pwtpop2, sd_pwtpop2, tssr_id, positional, spatial, ideological, interventionary, ongoingrivalry, dyadigos`

func fullChain(t *testing.T) *Panel {
	t.Helper()
	return dyads(t, Options{MRY: 2025, Add: chain})
}

func TestChainColumns(t *testing.T) {
	p := fullChain(t)
	got := strings.Join(columnNames(p), ", ")
	if got != chainColumns {
		t.Errorf("columns:\n got %s\nwant %s", got, chainColumns)
	}
	if len(p.Columns) != 75 {
		t.Errorf("%d columns, want 75", len(p.Columns))
	}
	// The order of --add does not matter.
	rev := make([]string, len(chain))
	for i, c := range chain {
		rev[len(chain)-1-i] = strings.ToUpper(c)
	}
	q := dyads(t, Options{MRY: 2025, From: 2000, To: 2000, Add: []string{strings.Join(rev, ",")}})
	if got := strings.Join(columnNames(q), ", "); got != chainColumns {
		t.Errorf("columns with --add reversed and upper case differ: %s", got)
	}
}

// Every covariate keeps the row count and the keys unique.
func TestRowCountUnchangedByEveryCovariate(t *testing.T) {
	store(t)
	if testing.Short() {
		t.Skip("builds 29 full panels; run without -short")
	}
	for _, c := range Covariates(DyadYear) {
		t.Run(c.Name, func(t *testing.T) {
			p := dyads(t, Options{MRY: 2025, Add: []string{c.Name}})
			got := query(t, p, "SELECT count(*), count(DISTINCT (ccode1, ccode2, year)) FROM p")[0]
			if got[0] != "2252760" || got[1] != "2252760" {
				t.Errorf("rows, distinct keys = %v, want 2,252,760", got)
			}
		})
	}
	for _, c := range Covariates(StateYear) {
		t.Run("state-year/"+c.Name, func(t *testing.T) {
			p := states(t, Options{MRY: 2025, Add: []string{c.Name}})
			got := query(t, p, "SELECT count(*), count(DISTINCT (ccode, year)) FROM p")[0]
			if got[0] != "17706" || got[1] != "17706" {
				t.Errorf("rows, distinct keys = %v, want 17,706", got)
			}
		})
	}
}

// The years in which each variable group is present (PANEL.md's table).
func TestNonMissingYears(t *testing.T) {
	p := fullChain(t)
	for _, c := range []struct {
		col        string
		from, to   int
		allPresent bool // present in every row of those years
	}{
		{"cinc1", 1816, 2022, false},
		{"conttype", 1816, 2016, true},
		{"capdist", 1816, 2024, false},
		{"atop_alliance", 1816, 2018, true},
		{"atop_defense", 1816, 2018, true},
		{"atop_consul", 1816, 2018, true},
		{"gmlmidongoing", 1816, 2010, true},
		{"gmlmidonset", 1816, 2010, true},
		{"v2x_polyarchy1", 1816, 2025, false},
		{"polity21", 1816, 2020, false},
		{"mrgdppc1", 1816, 2019, false},
		{`"positional"`, 1816, 2020, true},
		{"interventionary", 1816, 2020, true},
		{"ongoingrivalry", 1816, 2020, true},
		{"dyadigos", 1816, 2014, false},
	} {
		got := query(t, p, "SELECT min(year), max(year), count(*) FILTER (WHERE year BETWEEN "+strconv.Itoa(c.from)+" AND "+strconv.Itoa(c.to)+" AND "+c.col+" IS NULL) FROM p WHERE "+c.col+" IS NOT NULL")[0]
		if atoi(t, got[0]) != c.from || atoi(t, got[1]) != c.to {
			t.Errorf("%s present in %s–%s, want %d–%d", c.col, got[0], got[1], c.from, c.to)
		}
		if c.allPresent && got[2] != "0" {
			t.Errorf("%s missing in %s rows of %d–%d, want 0", c.col, got[2], c.from, c.to)
		}
	}
	// The GML detail columns only on the 9,284 dispute dyad-years.
	if got := one(t, p, "SELECT count(*) FROM p WHERE dispnum IS NOT NULL"); got != "9284" {
		t.Errorf("dispute dyad-years = %s, want 9,284", got)
	}
	if got := one(t, p, "SELECT count(*) FROM p WHERE tssr_id IS NOT NULL"); got != "15230" {
		t.Errorf("rivalry dyad-years = %s, want 15,230", got)
	}
}

// The quirk fixed: ongoingrivalry is missing, not 1, after 2020.
func TestOngoingRivalryMissingAfter2020(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2019, Add: []string{"rivalry"}})
	got := query(t, p, `SELECT count(*) FILTER (WHERE year > 2020 AND ongoingrivalry IS NOT NULL),
		count(*) FILTER (WHERE year <= 2020 AND ongoingrivalry IS NULL),
		count(*) FILTER (WHERE year > 2020),
		count(*) FILTER (WHERE year <= 2020 AND ongoingrivalry = 1) FROM p`)[0]
	if got[0] != "0" || got[1] != "0" {
		t.Errorf("ongoingrivalry present in %s rows after 2020 and missing in %s rows before", got[0], got[1])
	}
	if got[2] != "189150" {
		t.Errorf("%s rows after 2020, want 189,150 (the rows peacesciencer sets to 1)", got[2])
	}
	if got[3] == "0" {
		t.Errorf("no ongoing rivalry in 2019–2020")
	}
}

func TestIranRussiaContiguity(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, Add: []string{"contiguity"}})
	rows := query(t, p, `SELECT conttype, min(year), max(year), count(*) FROM p WHERE ccode1 = 630 AND ccode2 = 365 GROUP BY ALL ORDER BY 2`)
	want := [][]string{{"1", "1855", "1991", "137"}, {"0", "1992", "2016", "25"}, {"NULL", "2017", "2025", "9"}}
	if len(rows) != len(want) {
		t.Fatalf("Iran–Russia contiguity spells %v, want %v", rows, want)
	}
	for i := range want {
		if strings.Join(rows[i], " ") != strings.Join(want[i], " ") {
			t.Errorf("spell %v, want %v", rows[i], want[i])
		}
	}
}

func TestIranRussiaATOP(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, Add: []string{"atop"}})
	for _, d := range [][2]int{{630, 365}, {365, 630}} {
		got := query(t, p, "SELECT count(*), min(atop_alliance), max(atop_defense), max(atop_offense), min(atop_neutral), min(atop_nonagg), min(atop_consul) FROM p WHERE ccode1 = "+
			strconv.Itoa(d[0])+" AND ccode2 = "+strconv.Itoa(d[1])+" AND year BETWEEN 2010 AND 2018")[0]
		if strings.Join(got, " ") != "9 1 0 0 1 1 1" {
			t.Errorf("%d→%d 2010–2018: n, alliance, defense, offense, neutral, nonagg, consul = %v, want 9 1 0 0 1 1 1", d[0], d[1], got)
		}
	}
	if got := one(t, p, "SELECT count(*) FROM p WHERE ccode1 = 630 AND ccode2 = 365 AND year > 2018 AND atop_alliance IS NOT NULL"); got != "0" {
		t.Errorf("ATOP present after 2018")
	}
	// Non-directed: the highest pledge in either direction (Belgium–France 1832).
	nd := dyads(t, Options{MRY: 2025, NonDirected: true, From: 1832, To: 1832, Add: []string{"atop"}})
	if got := one(t, nd, "SELECT atop_defense FROM p WHERE ccode1 = 211 AND ccode2 = 220"); got != "1" {
		t.Errorf("non-directed Belgium–France 1832 atop_defense = %s, want 1 (France's pledge)", got)
	}
	d := dyads(t, Options{MRY: 2025, From: 1832, To: 1832, Add: []string{"atop"}})
	if got := one(t, d, "SELECT atop_defense FROM p WHERE ccode1 = 211 AND ccode2 = 220"); got != "0" {
		t.Errorf("directed Belgium→France 1832 atop_defense = %s, want 0", got)
	}
}

func TestCINC(t *testing.T) {
	for _, c := range []struct {
		version            int
		russia, iran, usa  float64
		tolR, tolI, tolUSA float64
		lastYear           string
	}{
		{6, 0.036473, 0.01535, 0.13306, 5e-6, 5e-5, 5e-5, "2016"},
		{7, 0.036467, 0.0153, 0, 5e-6, 1e-3, 1, "2022"},
	} {
		p := dyads(t, Options{MRY: 2025, From: 2016, NMCVersion: c.version, Add: []string{"nmc"}})
		got := query(t, p, "SELECT cinc1, cinc2 FROM p WHERE ccode1 = 365 AND ccode2 = 630 AND year = 2016")[0]
		r, _ := strconv.ParseFloat(got[0], 64)
		i, _ := strconv.ParseFloat(got[1], 64)
		if math.Abs(r-c.russia) > c.tolR || math.Abs(i-c.iran) > c.tolI {
			t.Errorf("NMC v%d 2016: Russia %v, Iran %v; want %v, %v", c.version, r, i, c.russia, c.iran)
		}
		if c.usa > 0 {
			u, _ := strconv.ParseFloat(one(t, p, "SELECT cinc1 FROM p WHERE ccode1 = 2 AND ccode2 = 630 AND year = 2016"), 64)
			if math.Abs(u-c.usa) > c.tolUSA {
				t.Errorf("NMC v%d 2016: USA %v, want %v", c.version, u, c.usa)
			}
		}
		if got := one(t, p, "SELECT max(year) FROM p WHERE cinc1 IS NOT NULL"); got != c.lastYear {
			t.Errorf("NMC v%d present to %s, want %s", c.version, got, c.lastYear)
		}
	}
	sy := states(t, Options{MRY: 2025, Add: []string{"nmc"}})
	if got := one(t, sy, "SELECT round(cinc, 6) FROM p WHERE ccode = 365 AND year = 2016"); got != "0.036467" {
		t.Errorf("state-year CINC of Russia 2016 = %s, want 0.036467", got)
	}
}

func TestCapitalDistance(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, Add: []string{"capdist"}})
	got := query(t, p, "SELECT capdist, year FROM p WHERE ccode1 = 630 AND ccode2 = 365 AND year IN (2000, 2024, 2025) ORDER BY year")
	// cow_capitals places Moscow at 55.6256 N, 37.6064 E, some 14 km south
	// of the Kremlin, so peacesciencer's formula gives 2,454.4 km, not the
	// 2,466 km of the Kremlin (CEPII's distcap is 2,466.6 km).
	d, _ := strconv.ParseFloat(got[0][0], 64)
	if math.Abs(d-2454.41) > 0.01 {
		t.Errorf("Tehran–Moscow = %.2f km, want 2,454.41 (distVincentySphere on cow_capitals' coordinates)", d)
	}
	if math.Abs(d-2466.6)/2466.6 > 0.01 {
		t.Errorf("Tehran–Moscow = %.1f km, more than 1%% from CEPII's 2,466.6 km", d)
	}
	if got[1][0] != got[0][0] || got[2][0] != "NULL" {
		t.Errorf("Tehran–Moscow 2024 %s, 2025 %s: want the same distance in 2024 and missing in 2025", got[1][0], got[2][0])
	}
	// Symmetric, and Russia's capital is Saint Petersburg until 1918.
	sym := query(t, p, "SELECT a.capdist - b.capdist FROM p a JOIN p b ON a.ccode1 = b.ccode2 AND a.ccode2 = b.ccode1 AND a.year = b.year WHERE a.ccode1 = 2 AND a.ccode2 = 365 AND a.year = 1900")
	if v, _ := strconv.ParseFloat(sym[0][0], 64); math.Abs(v) > 1e-9 {
		t.Errorf("capdist is not symmetric: %v", v)
	}
	if d := vincentyGo(35.6892523, 51.3896004, 55.625578, 37.6063916); math.Abs(d-mustFloat(t, got[0][0])) > 1e-6 {
		t.Errorf("SQL %s km, Go %v km", got[0][0], d)
	}
	first := mustFloat(t, one(t, p, "SELECT capdist FROM p WHERE ccode1 = 630 AND ccode2 = 365 AND year = 1918"))
	if want := vincentyGo(35.6892523, 51.3896004, 59.9606739, 30.1586551); math.Abs(first-want) > 1e-6 {
		t.Errorf("Tehran–Russia 1918 = %v km, want %v (Saint Petersburg, the first capital of the year)", first, want)
	}
}

// vincentyGo is geosphere::distVincentySphere / 1000 written out in Go.
func vincentyGo(lat1, lng1, lat2, lng2 float64) float64 {
	rad := math.Pi / 180
	p1, p2, dl := lat1*rad, lat2*rad, (lng1-lng2)*rad
	x := math.Sqrt(math.Pow(math.Cos(p2)*math.Sin(dl), 2) + math.Pow(math.Cos(p1)*math.Sin(p2)-math.Sin(p1)*math.Cos(p2)*math.Cos(dl), 2))
	y := math.Sin(p1)*math.Sin(p2) + math.Cos(p1)*math.Cos(p2)*math.Cos(dl)
	return earthRadius * math.Atan2(x, y) / 1000
}

func mustFloat(t testing.TB, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		t.Fatalf("%q is not a number", s)
	}
	return v
}

func TestGMLUSAIran(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2000, Add: []string{"gmlmids"}})
	rows := query(t, p, "SELECT year, hostlev, init1 FROM p WHERE ccode1 = 2 AND ccode2 = 630 AND gmlmidongoing = 1 ORDER BY year")
	var ys []string
	maxHost := 0
	for _, r := range rows {
		ys = append(ys, r[0])
		if h := atoi(t, r[1]); h > maxHost {
			maxHost = h
		}
	}
	if strings.Join(ys, ",") != "2003,2004,2005,2007,2008,2009" {
		t.Errorf("USA–Iran dispute years %v, want 2003, 2004, 2005, 2007, 2008, 2009", ys)
	}
	if maxHost != 4 {
		t.Errorf("highest hostlev %d, want 4", maxHost)
	}
	if got := one(t, p, "SELECT count(*) FROM p WHERE year > 2010 AND gmlmidongoing IS NOT NULL"); got != "0" {
		t.Errorf("gmlmidongoing present after 2010")
	}
	// init1 = sidea1 == 1 | orig1 == 0 wherever a dispute is recorded.
	if got := one(t, p, "SELECT count(*) FROM p WHERE dispnum IS NOT NULL AND init1 IS DISTINCT FROM CAST((sidea1 = 1 OR orig1 = 0) AS INTEGER)"); got != "0" {
		t.Errorf("%s rows with init1 other than sidea1 == 1 | orig1 == 0", got)
	}
	nd := dyads(t, Options{MRY: 2025, NonDirected: true, From: 2009, To: 2009, Add: []string{"gmlmids"}})
	for _, c := range nd.Columns {
		if c.Name == "init1" {
			t.Errorf("non-directed panel has init1")
		}
	}
}

func TestDemocracyAndGDP(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2018, To: 2019, Add: []string{"democracy", "gdp"}})
	rows := query(t, p, "SELECT ccode1, polity21, round(v2x_polyarchy1, 3) FROM p WHERE ccode2 = 20 AND ccode1 IN (2, 365, 630) AND year = 2018 ORDER BY ccode1")
	want := [][]string{{"2", "8", "0.824"}, {"365", "4", "0.264"}, {"630", "-7", "0.182"}}
	for i := range want {
		if strings.Join(rows[i], " ") != strings.Join(want[i], " ") {
			t.Errorf("regime 2018: %v, want %v", rows[i], want[i])
		}
	}
	gdp := query(t, p, "SELECT ccode1, round(mrgdppc1) FROM p WHERE ccode2 = 20 AND ccode1 IN (2, 365, 630) AND year = 2019 ORDER BY ccode1")
	for i, w := range []string{"61806", "24948", "10118"} {
		if gdp[i][1] != w {
			t.Errorf("GDP per capita 2019 of %s = %s, want %s", gdp[i][0], gdp[i][1], w)
		}
	}
}

func TestTrade(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2014, To: 2015, Add: []string{"trade"}})
	got := query(t, p, "SELECT ccode1, flow1, flow2, tradeshare1 > 0, depend1 > 0 FROM p WHERE year = 2014 AND ((ccode1 = 365 AND ccode2 = 630) OR (ccode1 = 630 AND ccode2 = 365)) ORDER BY ccode1")
	if strings.Join(got[0][:3], " ") != "365 352 1460" || strings.Join(got[1][:3], " ") != "630 1460 352" {
		t.Errorf("Russia–Iran 2014 flows %v, want Russia's imports from Iran 352 and Iran's from Russia 1,460", got)
	}
	if got[0][3] != "true" || got[0][4] != "true" {
		t.Errorf("trade share and dependence missing: %v", got[0])
	}
	if n := one(t, p, "SELECT count(*) FROM p WHERE year = 2015 AND flow1 IS NOT NULL"); n != "0" {
		t.Errorf("trade present in 2015")
	}
}

func TestSIPRIAndICEWS(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2014, To: 2022, Add: []string{"sipri", "icews"}})
	got := query(t, p, "SELECT tiv_1to2, tiv_2to1 FROM p WHERE ccode1 = 365 AND ccode2 = 630 AND year = 2016")[0]
	if got[0] != "413" || got[1] != "0" {
		t.Errorf("Russia→Iran, Iran→Russia TIV 2016 = %v, want 413, 0", got)
	}
	if n := one(t, p, "SELECT count(*) FROM p WHERE year = 2022 AND tiv_1to2 IS NOT NULL"); n != "0" {
		t.Errorf("SIPRI present in 2022")
	}
	rows := query(t, p, "SELECT ccode2, verbCoop, matlCoop, verbConf, matlConf FROM p WHERE ccode1 = 630 AND ccode2 IN (2, 365) AND year = 2014 ORDER BY ccode2")
	want := [][]string{{"2", "2857", "12", "1266", "74"}, {"365", "2447", "24", "13", "2"}}
	for i := range want {
		if strings.Join(rows[i], " ") != strings.Join(want[i], " ") {
			t.Errorf("ICEWS 2014 Iran→%s: %v, want %v", want[i][0], rows[i], want[i])
		}
	}
}

func TestUNVotes(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 1946, NonDirected: true, Add: []string{"unvotes"}})
	rows := query(t, p, `SELECT ccode1, ccode2, sum(unagree * uncommon) / sum(uncommon), sum(uncommon) FROM p
		WHERE (ccode1, ccode2) IN ((365, 630), (2, 630), (2, 365)) GROUP BY ALL ORDER BY 1, 2`)
	// DATA.md (unvotes, 1946–2019): Iran–Russia 64.7% of 5,866, Iran–USA
	// 23.8% of 5,873, Russia–USA 21.9% of 6,119.
	want := map[string][2]float64{"365-630": {0.647, 5866}, "2-630": {0.238, 5873}, "2-365": {0.219, 6119}}
	for _, r := range rows {
		w := want[r[0]+"-"+r[1]]
		share, n := mustFloat(t, r[2]), mustFloat(t, r[3])
		if math.Abs(share-w[0]) > 0.002 || math.Abs(n-w[1]) > 0.005*w[1] {
			t.Errorf("%s–%s: agreement %.4f on %v roll calls, want %.3f on about %v", r[0], r[1], share, n, w[0], w[1])
		}
	}
	ip := query(t, p, "SELECT round(idealpoint1, 2), round(idealpoint2, 2), round(idealpointdist, 2) FROM p WHERE ccode1 = 365 AND ccode2 = 630 AND year = 2023")[0]
	if strings.Join(ip, " ") != "-0.53 -1.74 1.21" {
		t.Errorf("ideal points 2023 Russia, Iran, distance = %v, want -0.53 -1.74 1.21", ip)
	}
	if n := one(t, p, "SELECT count(*) FROM p WHERE year > 2019 AND unagree IS NOT NULL"); n != "0" {
		t.Errorf("UN agreement present after 2019 (sessions 1–74)")
	}
	// Germany: West Germany (260) votes as "Federal Republic of Germany".
	if n := one(t, p, "SELECT count(*) FROM p WHERE ccode1 = 2 AND ccode2 = 260 AND uncommon > 0"); n == "0" {
		t.Errorf("no UN votes for West Germany")
	}
}

func TestSanctions(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 1980, Add: []string{"sanctions"}})
	got := query(t, p, `SELECT max(ties_1on2) FILTER (WHERE year BETWEEN 1984 AND 2005), max(gsdb_1on2) FILTER (WHERE year = 2012),
		count(*) FILTER (WHERE year > 2005 AND ties_1on2 IS NOT NULL), count(*) FILTER (WHERE year > 2022 AND gsdb_1on2 IS NOT NULL)
		FROM p WHERE ccode1 = 2 AND ccode2 = 630`)[0]
	if atoi(t, got[0]) < 1 || atoi(t, got[1]) < 1 {
		t.Errorf("US sanctions on Iran: TIES %s (1984–2005), GSDB %s (2012); want at least 1", got[0], got[1])
	}
	if got[2] != "0" || got[3] != "0" {
		t.Errorf("TIES present after 2005 (%s rows) or GSDB after 2022 (%s rows)", got[2], got[3])
	}
	if got := one(t, p, "SELECT ties_2on1 FROM p WHERE ccode1 = 630 AND ccode2 = 2 AND year = 1990"); got != one(t, p, "SELECT ties_1on2 FROM p WHERE ccode1 = 2 AND ccode2 = 630 AND year = 1990") {
		t.Errorf("ties_2on1 of Iran–USA differs from ties_1on2 of USA–Iran")
	}
	var noted bool
	for _, n := range p.Notes {
		if strings.HasPrefix(n, "sanctions: ") && strings.Contains(n, "EU") {
			noted = true
		}
	}
	if !noted {
		t.Errorf("no note on the GSDB names that are not states: %v", p.Notes)
	}
}

func TestStateYearCovariates(t *testing.T) {
	p := states(t, Options{MRY: 2025, Add: []string{"all"}})
	got := query(t, p, "SELECT land, cowmaj, n_ideological IS NOT NULL, tiv_imports, idealpoint IS NOT NULL FROM p WHERE ccode = 630 AND year = 2016")[0]
	if got[0] != "5" && atoi(t, got[0]) < 1 {
		t.Errorf("Iran's land borders in 2016 = %s", got[0])
	}
	if got[1] != "0" || got[2] != "true" || got[4] != "true" {
		t.Errorf("Iran 2016: cowmaj %s, rivalry counts present %s, ideal point present %s", got[1], got[2], got[4])
	}
	if got := one(t, p, "SELECT cowmaj FROM p WHERE ccode = 365 AND year = 2025"); got != "1" {
		t.Errorf("Russia is not a major power in 2025 (spells ending 2016-12-31 extend to the MRY)")
	}
}

func TestMajorsExtendToMRY(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, From: 2020, Add: []string{"majors"}})
	got := query(t, p, "SELECT count(*) FILTER (WHERE cowmaj1 IS NULL), max(cowmaj1) FILTER (WHERE ccode1 = 2), max(cowmaj1) FILTER (WHERE ccode1 = 630) FROM p")[0]
	if strings.Join(got, " ") != "0 1 0" {
		t.Errorf("missing cowmaj1, USA major, Iran major after 2020 = %v, want 0 1 0", got)
	}
}
