package panel

import (
	"fmt"
	"math/bits"
	"slices"
)

// universe creates the state-years (_bloc_sys) and the panel's rows
// (_bloc_u): the state-years themselves, or the dyad-years.
//
// State-years follow create_stateyears(): a state is in the system in every
// calendar year from the year of a spell's start to the year of its end,
// where a spell ending on the data's last date (2016-12-31) ends in MRY
// instead. Dyad-years follow create_dyadyears(): pairs of distinct states in
// the system in the same year, less the dyad-years of false_cow_dyads (the
// pairs that are both members in the year but never on the same day).
func (b *builder) universe(dataEnd int) error {
	opt := b.opt
	// The spells with the years they cover; the end of a spell that reaches
	// the data's last date is moved to the MRY.
	spells := fmt.Sprintf(`SELECT ccode, any_value(cw_name) OVER (PARTITION BY ccode) AS cw_name,
		year(start) AS sy, CASE WHEN "end" = (SELECT max("end") FROM isard_cw_system) THEN %d ELSE year("end") END AS ey
		FROM isard_cw_system`, opt.MRY)
	err := b.temp("_bloc_sys", fmt.Sprintf(`SELECT DISTINCT CAST(ccode AS INTEGER) AS ccode, cw_name, CAST(year AS INTEGER) AS year
		FROM (SELECT ccode, cw_name, unnest(range(sy, ey + 1)) AS year FROM (%s))
		WHERE year BETWEEN %d AND %d ORDER BY ccode, year`, spells, opt.From, opt.To))
	if err != nil {
		return err
	}
	if b.unit == StateYear {
		if err := b.temp("_bloc_u", `SELECT ccode, year FROM _bloc_sys`); err != nil {
			return err
		}
		b.col("", "ccode", "INTEGER", "u.ccode", "Correlates of War state code")
		b.col("", "cw_name", "VARCHAR", "st1."+b.stateValue("_bloc_sys", "src.cw_name"), "state name (isard cw_system)")
		b.col("", "year", "INTEGER", "u.year", "year")
		return nil
	}
	pairs := "a.ccode <> b.ccode"
	if opt.NonDirected {
		pairs = "a.ccode < b.ccode"
	}
	q := fmt.Sprintf(`SELECT a.ccode AS ccode1, b.ccode AS ccode2, a.year
		FROM _bloc_sys AS a JOIN _bloc_sys AS b ON a.year = b.year AND %s
		ANTI JOIN false_cow_dyads AS f ON f.ccode1 = a.ccode AND f.ccode2 = b.ccode AND f.year = a.year`, pairs)
	if opt.PRD {
		if err := b.prdTables(dataEnd); err != nil {
			return err
		}
		q = fmt.Sprintf(`SELECT u.* FROM (%s) AS u
			LEFT JOIN _bloc_prdcont AS c ON c.k = %s
			LEFT JOIN _bloc_major AS m1 ON m1.k = %s
			LEFT JOIN _bloc_major AS m2 ON m2.k = %s
			WHERE c.k IS NOT NULL OR m1.k IS NOT NULL OR m2.k IS NOT NULL`, q, keyDirected, keyState1, keyState2)
	}
	if err := b.temp("_bloc_u", q); err != nil {
		return err
	}
	b.col("", "ccode1", "INTEGER", "u.ccode1", "Correlates of War code of the first state")
	b.col("", "ccode2", "INTEGER", "u.ccode2", "Correlates of War code of the second state")
	b.col("", "year", "INTEGER", "u.year", "year")
	if opt.PRD {
		b.note("politically relevant dyads only: contiguity type 1–5 (COW v3.2, the last type carried forward after %d) or a COW major power on either side (major-power spells ending in %d extended to %d)", dataEnd, dataEnd, opt.MRY)
	}
	return nil
}

// dyadKeys makes the keys (ccode1·1000 + ccode2)·10000 + year of the
// dyad-year universe in key order from the keys ccode·10000 + year of the
// state-years, as the query of universe does: every pair of distinct states
// in the system in the same year (ccode1 < ccode2 when non-directed), less
// the dyad-years of false_cow_dyads (directed keys). It serves the Go
// Parquet writer, which checks its count against the store's universe.
func dyadKeys(stateYears, falseDyads []int64, from, to int, nondirected bool) []int64 {
	words := (to - from + 64) / 64
	var codes []int64
	years := map[int64][]uint64{} // ccode → bitset of its years
	for _, k := range stateYears {
		c, y := k/10000, int(k%10000)-from
		if y < 0 || y > to-from {
			continue
		}
		if _, ok := years[c]; !ok {
			codes = append(codes, c)
			years[c] = make([]uint64, words)
		}
		years[c][y/64] |= 1 << (y % 64)
	}
	slices.Sort(codes)
	falseSet := make(map[int64]bool, len(falseDyads))
	for _, k := range falseDyads {
		falseSet[k] = true
	}
	var keys []int64
	for _, a := range codes {
		ya := years[a]
		for _, b := range codes {
			if b == a || (nondirected && b < a) {
				continue
			}
			yb := years[b]
			for w := range words {
				for both := ya[w] & yb[w]; both != 0; both &= both - 1 {
					y := int64(from + w*64 + bits.TrailingZeros64(both))
					if k := (a*1000+b)*10000 + y; !falseSet[k] {
						keys = append(keys, k)
					}
				}
			}
		}
	}
	return keys
}

// contYears is the first-month contiguity type of every directed dyad-year
// of COW direct contiguity v3.2, as peacesciencer's add_contiguity(slice =
// "first"): the records are expanded to months, and of the records that
// cover a year the one whose first month in that year is earliest wins;
// ties (overlapping records, e.g. peacesciencer's conttype-0 rows) go to the
// record that comes first in the file, as R's stable order() does.
const contYears = `SELECT (ccode1 * 1000 + ccode2) * 10000 + yr AS k, CAST(ccode1 AS INTEGER) AS ccode1, CAST(ccode2 AS INTEGER) AS ccode2, CAST(yr AS INTEGER) AS year,
		CAST(arg_min(conttype, (CASE WHEN yr = year(stdate) THEN month(stdate) ELSE 1 END) * 1000000 + rid) AS INTEGER) AS conttype
	FROM (SELECT ccode1, ccode2, conttype, stdate, rowid AS rid, unnest(range(year(stdate), year(enddate) + 1)) AS yr FROM "cow_contdir_v3.2")
	GROUP BY ccode1, ccode2, yr`

// majorYears lists the years in which each state is a COW major power, a
// spell ending on the data's last date being extended to the MRY, as
// peacesciencer's add_cow_majors(mry = TRUE).
func majorYears(mry int) string {
	return fmt.Sprintf(`SELECT DISTINCT CAST(ccode * 10000 + year AS INTEGER) AS k, CAST(ccode AS INTEGER) AS ccode, CAST(year AS INTEGER) AS year FROM (
		SELECT ccode, unnest(range(styear, CASE WHEN make_date(endyear, endmonth, endday) = (SELECT max(make_date(endyear, endmonth, endday)) FROM cow_major_powers) THEN %d ELSE endyear END + 1)) AS year
		FROM cow_major_powers)`, max(mry, 0))
}

// prdTables creates the tables of contiguous dyad-years (type 1–5, the type
// of the data's last year carried forward to the MRY) and of major-power
// years for the politically-relevant filter.
func (b *builder) prdTables(dataEnd int) error {
	// From the contiguity of every year, not the panel's: the type of the
	// data's last year is carried forward even when the panel starts later.
	err := b.keyed("_bloc_prdcont", fmt.Sprintf(`WITH c AS (%[3]s)
		SELECT k FROM c WHERE conttype BETWEEN 1 AND 5
		UNION ALL
		SELECT (CAST(ccode1 AS BIGINT) * 1000 + ccode2) * 10000 + unnest(range(%[1]d + 1, %[2]d + 1)) AS k FROM c WHERE year = %[1]d AND conttype BETWEEN 1 AND 5`, dataEnd, b.opt.MRY, contYears))
	if err != nil {
		return err
	}
	return b.majorTable()
}

func (b *builder) contTable() error {
	if b.tableMade("_bloc_cont") {
		return nil
	}
	return b.keyed("_bloc_cont", contYears)
}

func (b *builder) majorTable() error {
	if b.tableMade("_bloc_major") {
		return nil
	}
	return b.keyed("_bloc_major", majorYears(b.opt.MRY))
}

func (b *builder) tableMade(name string) bool {
	for _, t := range b.p.temps {
		if t == name {
			return true
		}
	}
	return false
}
