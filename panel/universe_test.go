package panel

import (
	"context"
	"strconv"
	"testing"
)

func atoi(t testing.TB, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatalf("%q is not an integer", s)
	}
	return n
}

// PANEL.md: the directed COW universe with mry = 2025.
func TestDirectedUniverse(t *testing.T) {
	p := dyads(t, Options{MRY: 2025})
	if p.Len() != 2252760 {
		t.Errorf("rows = %d, want 2,252,760", p.Len())
	}
	got := query(t, p, `SELECT count(*), min(year), max(year), count(DISTINCT (ccode1, ccode2)), count(DISTINCT ccode1),
		count(DISTINCT (ccode1, ccode2, year)), count(*) FILTER (WHERE ccode1 = ccode2) FROM p`)[0]
	want := []string{"2252760", "1816", "2025", "41208", "217", "2252760", "0"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("rows, min year, max year, dyads, ccodes, distinct keys, self-dyads = %v, want %v", got, want)
			break
		}
	}
	for year, n := range map[int]string{1816: "506", 2000: "36290", 2016: "37830", 2017: "37830", 2020: "37830", 2025: "37830"} {
		if got := one(t, p, "SELECT count(*) FROM p WHERE year = "+strconv.Itoa(year)); got != n {
			t.Errorf("rows in %d = %s, want %s", year, got, n)
		}
	}
	// Every year from 2016 to 2025 has 195 states × 194.
	if got := one(t, p, "SELECT count(DISTINCT n) FROM (SELECT year, count(*) AS n FROM p WHERE year >= 2016 GROUP BY year)"); got != "1" {
		t.Errorf("rows per year vary after 2016")
	}
	// Sorted by ccode1, ccode2, year.
	if got := oneOrdered(t, p, "SELECT count(*) FROM (SELECT ccode1, ccode2, year, lag(CAST(ccode1 AS BIGINT) * 10000000 + ccode2 * 10000 + year) OVER () AS prev FROM p) WHERE CAST(ccode1 AS BIGINT) * 10000000 + ccode2 * 10000 + year < prev"); got != "0" {
		t.Errorf("%s rows out of order", got)
	}
}

func TestUniverseVariants(t *testing.T) {
	store(t)
	for _, c := range []struct {
		name string
		opt  Options
		want int64
	}{
		{"non-directed", Options{MRY: 2025, NonDirected: true}, 1126380},
		{"mry 2016", Options{MRY: 2016}, 1912290},
		{"one year", Options{MRY: 2025, From: 2000, To: 2000}, 36290},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := dyads(t, c.opt)
			if p.Len() != c.want {
				t.Errorf("rows = %d, want %d", p.Len(), c.want)
			}
			if c.opt.NonDirected {
				if n := one(t, p, "SELECT count(*) FROM p WHERE ccode1 >= ccode2"); n != "0" {
					t.Errorf("%s non-directed rows with ccode1 >= ccode2", n)
				}
			}
			if c.opt.MRY == 2016 {
				if y := one(t, p, "SELECT max(year) FROM p"); y != "2016" {
					t.Errorf("last year %s, want 2016", y)
				}
			}
		})
	}
}

func TestStateYears(t *testing.T) {
	p := states(t, Options{MRY: 2025})
	if p.Len() != 17706 {
		t.Errorf("rows = %d, want 17,706", p.Len())
	}
	if got := one(t, p, "SELECT count(*) - count(DISTINCT (ccode, year)) FROM p"); got != "0" {
		t.Errorf("%s duplicate (ccode, year)", got)
	}
	if got := one(t, p, "SELECT cw_name FROM p WHERE ccode = 630 AND year = 2025"); got != "Iran" {
		t.Errorf("cw_name of 630 = %q, want Iran", got)
	}
	if cols := columnNames(p); len(cols) != 3 || cols[0] != "ccode" || cols[1] != "cw_name" || cols[2] != "year" {
		t.Errorf("columns = %v, want ccode, cw_name, year", cols)
	}
	if p16 := states(t, Options{MRY: 2016}); p16.Len() != 15951 {
		t.Errorf("rows with mry 2016 = %d, want 15,951", p16.Len())
	}
}

// PANEL.md's Iran extract: 861 rows.
func TestIranExtract(t *testing.T) {
	p := dyads(t, Options{MRY: 2025})
	rows := query(t, p, `SELECT ccode1, ccode2, count(*), min(year), max(year) FROM p
		WHERE (ccode1 = 630 AND ccode2 IN (2, 365, 666, 670)) OR (ccode2 = 630 AND ccode1 IN (2, 365))
		GROUP BY ALL ORDER BY ccode1, ccode2`)
	want := [][]string{
		{"2", "630", "171", "1855", "2025"},
		{"365", "630", "171", "1855", "2025"},
		{"630", "2", "171", "1855", "2025"},
		{"630", "365", "171", "1855", "2025"},
		{"630", "666", "78", "1948", "2025"},
		{"630", "670", "99", "1927", "2025"},
	}
	total := 0
	if len(rows) != len(want) {
		t.Fatalf("got %v, want %v", rows, want)
	}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Errorf("row %d = %v, want %v", i, rows[i], want[i])
				break
			}
		}
		total += atoi(t, rows[i][2])
	}
	if total != 861 {
		t.Errorf("Iran extract has %d rows, want 861", total)
	}
}

// peacesciencer removes false_cow_dyads, a stored list of the dyad-years in
// which both states are members in the year but never on the same day.
// Recomputing that set from isard_cw_system's dates gives the same 60 rows.
func TestFalseDyadsFromDates(t *testing.T) {
	db := store(t).DB()
	const q = `WITH sp AS (
			SELECT ccode, start, CASE WHEN "end" = (SELECT max("end") FROM isard_cw_system) THEN DATE '2025-12-31' ELSE "end" END AS stop FROM isard_cw_system),
		sy AS (SELECT DISTINCT ccode, unnest(range(year(start), year(stop) + 1)) AS year FROM sp),
		yd AS (SELECT a.ccode AS c1, b.ccode AS c2, a.year FROM sy AS a JOIN sy AS b ON a.year = b.year AND a.ccode <> b.ccode),
		sameday AS (SELECT DISTINCT yd.c1, yd.c2, yd.year FROM yd
			JOIN sp AS s1 ON s1.ccode = yd.c1 JOIN sp AS s2 ON s2.ccode = yd.c2
			WHERE greatest(s1.start, s2.start, make_date(yd.year, 1, 1)) <= least(s1.stop, s2.stop, make_date(yd.year, 12, 31))),
		derived AS (SELECT * FROM yd ANTI JOIN sameday USING (c1, c2, year))
		SELECT (SELECT count(*) FROM derived),
			(SELECT count(*) FROM derived d ANTI JOIN false_cow_dyads f ON f.ccode1 = d.c1 AND f.ccode2 = d.c2 AND f.year = d.year),
			(SELECT count(*) FROM false_cow_dyads f ANTI JOIN derived d ON f.ccode1 = d.c1 AND f.ccode2 = d.c2 AND f.year = d.year)`
	var n, onlyDerived, onlyStored int
	if err := db.QueryRowContext(context.Background(), q).Scan(&n, &onlyDerived, &onlyStored); err != nil {
		t.Fatal(err)
	}
	if n != 60 || onlyDerived != 0 || onlyStored != 0 {
		t.Errorf("derived %d dyad-years without a common day (%d not in false_cow_dyads, %d of false_cow_dyads not derived), want the same 60", n, onlyDerived, onlyStored)
	}
	// And the panel holds none of them (e.g. 817–115 in 1975).
	p := dyads(t, Options{MRY: 2025, From: 1975, To: 1975})
	if got := one(t, p, "SELECT count(*) FROM p WHERE (ccode1 = 817 AND ccode2 = 115) OR (ccode1 = 115 AND ccode2 = 817)"); got != "0" {
		t.Errorf("817–115 in 1975 is in the panel")
	}
}

func TestPRD(t *testing.T) {
	p := dyads(t, Options{MRY: 2025, PRD: true, Add: []string{"contiguity", "majors"}})
	if got := one(t, p, `SELECT count(*) FROM p WHERE year <= 2016 AND NOT (conttype BETWEEN 1 AND 5 OR cowmaj1 = 1 OR cowmaj2 = 1)`); got != "0" {
		t.Errorf("%s rows up to 2016 are neither contiguous nor with a major power", got)
	}
	if got := one(t, p, `SELECT count(*) FROM p WHERE year > 2016 AND NOT (cowmaj1 = 1 OR cowmaj2 = 1)`); got == "0" {
		t.Errorf("no contiguous non-major dyads after 2016: contiguity is not carried forward")
	}
	all := dyads(t, Options{MRY: 2025, Add: []string{"contiguity", "majors"}})
	want := one(t, all, `SELECT count(*) FROM p WHERE year <= 2016 AND (conttype BETWEEN 1 AND 5 OR cowmaj1 = 1 OR cowmaj2 = 1)`)
	if got := one(t, p, "SELECT count(*) FROM p WHERE year <= 2016"); got != want {
		t.Errorf("PRD rows up to 2016 = %s, want %s (the contiguous or major-power rows of the full panel)", got, want)
	}
	// The contiguity of 2016 is carried forward even when the panel starts
	// later: Iran–Iraq (land border, no major power) is politically relevant
	// in 2020.
	late := dyads(t, Options{MRY: 2025, From: 2020, To: 2020, PRD: true})
	if got := one(t, late, "SELECT count(*) FROM p WHERE ccode1 = 630 AND ccode2 = 645"); got != "1" {
		t.Errorf("Iran–Iraq 2020 not in the PRD panel starting in 2020")
	}
	if got, want := late.Len(), atoi(t, one(t, p, "SELECT count(*) FROM p WHERE year = 2020")); got != int64(want) {
		t.Errorf("PRD rows in 2020: %d from a 2020 panel, %d from the full one", got, want)
	}
	// Iran–Russia is land-contiguous until 1991 and has a major power.
	if got := one(t, p, "SELECT count(*) FROM p WHERE ccode1 = 630 AND ccode2 = 365"); got != "171" {
		t.Errorf("Iran–Russia PRD rows = %s, want 171", got)
	}
}

func columnNames(p *Panel) []string {
	out := make([]string, len(p.Columns))
	for i, c := range p.Columns {
		out[i] = c.Name
	}
	return out
}
