package events

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bloc-project/bloc"
)

// Period is the time unit of an aggregate.
type Period int

// Periods.
const (
	Day Period = iota + 1
	Month
	Year
)

func (p Period) String() string {
	switch p {
	case Day:
		return "day"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "?"
}

// ParsePeriod reads "dyad-day", "dyad-month", "dyad-year" (or "day", "month", "year").
func ParsePeriod(s string) (Period, error) {
	switch strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "dyad-") {
	case "day":
		return Day, nil
	case "month":
		return Month, nil
	case "year":
		return Year, nil
	}
	return 0, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--by %q is not dyad-day, dyad-month or dyad-year", s)}
}

// Truncate returns the first day of the period that holds t.
func (p Period) Truncate(t time.Time) time.Time {
	y, m, d := t.Date()
	switch p {
	case Month:
		d = 1
	case Year:
		m, d = 1, 1
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Label formats a period start: 2018-06-01, 2018-06 or 2018.
func (p Period) Label(t time.Time) string {
	switch p {
	case Month:
		return t.Format("2006-01")
	case Year:
		return strconv.Itoa(t.Year())
	}
	return t.Format("2006-01-02")
}

// Query selects the events to aggregate. Every filter is pushed down to the
// engine (a WHERE clause), never applied after the fact.
type Query struct {
	By Period
	// From and To bound the event dates, inclusive; the zero time is open.
	From, To time.Time
	// Dyads restricts the rows to these directed dyads (A is the source).
	Dyads []bloc.Dyad
	// Domestic keeps events whose source and target are the same state.
	Domestic bool
	// Roots adds the counts per CAMEO root code (Row.Root). Without it
	// rows carry the quad-class counts only, which is cheaper: the engines
	// group by dyad and period instead of dyad, period and root.
	Roots bool
}

// Validate checks a query.
func (q Query) Validate() error {
	if q.By < Day || q.By > Year {
		return bloc.Errorf(bloc.EINVALID, "no aggregation period: use dyad-day, dyad-month or dyad-year")
	}
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		return bloc.Errorf(bloc.EINVALID, "--to %s is before --from %s", q.To.Format("2006-01-02"), q.From.Format("2006-01-02"))
	}
	for _, d := range q.Dyads {
		if d.A <= 0 || d.B <= 0 || d.A >= 1000 || d.B >= 1000 {
			return bloc.Errorf(bloc.EINVALID, "dyad %s is not a pair of COW codes", d)
		}
	}
	return nil
}

// Row is one directed dyad-period.
type Row struct {
	Dyad   bloc.Dyad
	Period time.Time // first day of the period
	Events int64
	Quad   [4]int64  // verbal cooperation, material cooperation, verbal conflict, material conflict
	Root   [20]int64 // counts per CAMEO root code 01–20
	// Gold10 is the sum of Goldstein scores in tenths: exact, so both
	// engines agree to the last digit.
	Gold10    int64
	Synthetic int64 // events from bloc's synthetic generator
}

// GoldsteinSum is the sum of the Goldstein scores.
func (r *Row) GoldsteinSum() float64 { return float64(r.Gold10) / 10 }

// GoldsteinMean is the mean Goldstein score (netcoop in THEORY.md §D).
func (r *Row) GoldsteinMean() bloc.Num {
	if r.Events == 0 {
		return bloc.Missing
	}
	return bloc.Some(float64(r.Gold10) / 10 / float64(r.Events))
}

// Verbal is the number of speech acts (verbal cooperation + verbal conflict).
func (r *Row) Verbal() int64 { return r.Quad[0] + r.Quad[2] }

// Material is the number of practical actions (material cooperation + conflict).
func (r *Row) Material() int64 { return r.Quad[1] + r.Quad[3] }

// AlignEvt is (Q1 + Q2 − Q3 − Q4) / N (THEORY.md §J).
func (r *Row) AlignEvt() bloc.Num {
	if r.Events == 0 {
		return bloc.Missing
	}
	return bloc.Some(float64(r.Quad[0]+r.Quad[1]-r.Quad[2]-r.Quad[3]) / float64(r.Events))
}

// ConflictShare is (Q3 + Q4) / N (THEORY.md §D).
func (r *Row) ConflictShare() bloc.Num {
	if r.Events == 0 {
		return bloc.Missing
	}
	return bloc.Some(float64(r.Quad[2]+r.Quad[3]) / float64(r.Events))
}

// Header returns the column names of Values (root01…root20 with roots).
func Header(roots bool) []string {
	h := []string{"ccode1", "ccode2", "period", "year", "events"}
	h = append(h, QuadNames[:]...)
	h = append(h, "verbal", "material", "goldstein_sum", "goldstein_mean", "align_evt", "conflict_share")
	if roots {
		for i := 1; i <= 20; i++ {
			h = append(h, fmt.Sprintf("root%02d", i))
		}
	}
	return append(h, "synthetic_events")
}

// Values formats a row as the columns of Header.
func (r *Row) Values(by Period, roots bool) []string {
	out := make([]string, 0, 37)
	out = append(out, strconv.Itoa(int(r.Dyad.A)), strconv.Itoa(int(r.Dyad.B)), by.Label(r.Period), strconv.Itoa(r.Period.Year()), strconv.FormatInt(r.Events, 10))
	for _, q := range r.Quad {
		out = append(out, strconv.FormatInt(q, 10))
	}
	out = append(out, strconv.FormatInt(r.Verbal(), 10), strconv.FormatInt(r.Material(), 10), strconv.FormatFloat(r.GoldsteinSum(), 'f', 1, 64),
		num(r.GoldsteinMean()), num(r.AlignEvt()), num(r.ConflictShare()))
	if roots {
		for _, c := range r.Root {
			out = append(out, strconv.FormatInt(c, 10))
		}
	}
	return append(out, strconv.FormatInt(r.Synthetic, 10))
}

func num(n bloc.Num) string {
	if !n.OK {
		return ""
	}
	return strconv.FormatFloat(n.V, 'g', 10, 64)
}

// ParseDyad reads a directed dyad "A-B" where A and B are COW codes, ISO3
// codes or names ("365-630", "RUS-IRN").
func ParseDyad(s string, a *Actors) (bloc.Dyad, error) {
	i := strings.IndexByte(s, '-')
	if i <= 0 || i == len(s)-1 {
		return bloc.Dyad{}, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--dyad %s is not A-B", strconvQuote(s)),
			Hints: []string{"e.g. --dyad 365-630 or --dyad RUS-IRN (directed: source-target)"}}
	}
	resolve := func(x string) (bloc.CCode, error) {
		if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
			if n > 0 && n < 1000 {
				return bloc.CCode(n), nil
			}
			return 0, bloc.Errorf(bloc.EINVALID, "--dyad %s: %d is not a COW code", strconvQuote(s), n)
		}
		if a == nil {
			return 0, bloc.Errorf(bloc.EINVALID, "--dyad %s: use COW codes", strconvQuote(s))
		}
		return a.Resolve(x)
	}
	x, err := resolve(s[:i])
	if err != nil {
		return bloc.Dyad{}, err
	}
	y, err := resolve(s[i+1:])
	if err != nil {
		return bloc.Dyad{}, err
	}
	return bloc.Dyad{A: x, B: y}, nil
}

// ParseDate reads a query bound: YYYY, YYYY-MM or YYYY-MM-DD. With end set,
// a year or month means its last day.
func ParseDate(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	var t time.Time
	var err error
	switch len(s) {
	case 4:
		t, err = time.Parse("2006", s)
		if err == nil && end {
			t = t.AddDate(1, 0, -1)
		}
	case 7:
		t, err = time.Parse("2006-01", s)
		if err == nil && end {
			t = t.AddDate(0, 1, -1)
		}
	case 10:
		t, err = time.Parse("2006-01-02", s)
	default:
		err = fmt.Errorf("bad length")
	}
	if err != nil || t.Year() < 1800 || t.Year() > 2200 {
		return time.Time{}, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("date %s is not YYYY, YYYY-MM or YYYY-MM-DD", strconvQuote(s))}
	}
	return t, nil
}

// DayNumber returns the days since 1970-01-01 of a date.
func DayNumber(t time.Time) int32 {
	y, m, d := t.Date()
	return daysFromCivil(y, int(m), d)
}

// DayTime returns the date of a day number.
func DayTime(n int32) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

// daysFromCivil is Howard Hinnant's days_from_civil.
func daysFromCivil(y, m, d int) int32 {
	if m <= 2 {
		y--
	}
	era := y
	if era < 0 {
		era -= 399
	}
	era /= 400
	yoe := y - era*400
	mp := m + 9
	if m > 2 {
		mp = m - 3
	}
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int32(era*146097 + doe - 719468)
}

// Where builds the SQL WHERE clause of a query (without the keyword) for
// the columns day, ccode1 and ccode2; day formats a date as the engine's
// literal for the day column (e.g. DATE '2018-06-01', or a day number).
func (q Query) Where(day func(time.Time) string) string {
	var w []string
	if !q.Domestic {
		w = append(w, "ccode1 <> ccode2")
	}
	if !q.From.IsZero() {
		w = append(w, "day >= "+day(q.From))
	}
	if !q.To.IsZero() {
		w = append(w, "day <= "+day(q.To))
	}
	if len(q.Dyads) > 0 {
		var a, ab []string
		seen := map[bloc.CCode]bool{}
		for _, d := range q.Dyads {
			if !seen[d.A] {
				seen[d.A] = true
				a = append(a, strconv.Itoa(int(d.A)))
			}
			ab = append(ab, fmt.Sprintf("(ccode1 = %d AND ccode2 = %d)", d.A, d.B))
		}
		// The ccode1 IN list lets both engines use the sort key.
		w = append(w, "ccode1 IN ("+strings.Join(a, ", ")+")", "("+strings.Join(ab, " OR ")+")")
	}
	if len(w) == 0 {
		return "1 = 1"
	}
	return strings.Join(w, " AND ")
}
