package registry

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// dataDir returns the data directory (BLOC_DATA, default /work/shared/data),
// skipping the test if the registry's files are not there.
func dataDir(tb testing.TB) datasets.Dir {
	tb.Helper()
	dir := os.Getenv("BLOC_DATA")
	if dir == "" {
		dir = "/work/shared/data"
	}
	for _, f := range []string{"isard_cw_system", "cow_states", "countrycode_codelist", "cow_major_powers"} {
		if _, err := os.Stat(filepath.Join(dir, f+".csv.gz")); err != nil {
			tb.Skipf("no data: %v (set BLOC_DATA)", err)
		}
	}
	return datasets.Dir(dir)
}

var (
	regMu    sync.Mutex
	regCache = map[int]*Registry{}
)

// load returns a registry for mry, loaded once per test binary.
func load(tb testing.TB, mry int) *Registry {
	tb.Helper()
	dir := dataDir(tb)
	regMu.Lock()
	defer regMu.Unlock()
	if r := regCache[mry]; r != nil {
		return r
	}
	r, err := Load(context.Background(), dir, mry)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	regCache[mry] = r
	return r
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestMembership(t *testing.T) {
	r := load(t, 2025)
	for _, tc := range []struct {
		c    bloc.CCode
		year int
		want bool
	}{
		{630, 1854, false}, {630, 1855, true}, {630, 2025, true},
		{2, 1815, false}, {2, 1816, true}, {2, 2025, true},
		{365, 1991, true}, {365, 1992, true},
		{255, 1945, true}, {255, 1946, false}, {255, 1989, false}, {255, 1990, true},
		{260, 1954, false}, {260, 1955, true}, {260, 1990, true}, {260, 1991, false},
		{265, 1954, true}, {265, 1991, false},
		{315, 1992, true}, {315, 1993, false}, {316, 1992, false}, {316, 1993, true},
		{678, 1990, true}, {680, 1990, true}, {679, 1990, true}, {678, 1991, false},
		{817, 1975, true}, {817, 1976, false}, {816, 1975, true},
		{345, 1941, true}, {345, 1942, false}, {345, 2025, true},
		{2, 2026, false}, {9999, 2000, false},
	} {
		if got := r.MemberIn(tc.c, tc.year); got != tc.want {
			t.Errorf("MemberIn(%d, %d) = %v, want %v", tc.c, tc.year, got, tc.want)
		}
	}
	for _, tc := range []struct {
		c    bloc.CCode
		day  string
		want bool
	}{
		{630, "1854-12-31", false}, {630, "1855-01-01", true},
		{817, "1975-04-30", true}, {817, "1975-05-01", false},
		{255, "1945-05-08", true}, {255, "1945-05-09", false}, {255, "1990-10-03", true},
		{2, "2025-12-31", true}, {2, "2026-01-01", false},
	} {
		if got := r.MemberOn(tc.c, date(tc.day)); got != tc.want {
			t.Errorf("MemberOn(%d, %s) = %v, want %v", tc.c, tc.day, got, tc.want)
		}
	}
	// A time of day, in any zone, is the calendar day it names.
	tehran := time.FixedZone("IRST", 3*3600+1800)
	if !r.MemberOn(630, time.Date(1855, 1, 1, 0, 30, 0, 0, tehran)) {
		t.Error("MemberOn(630, 1855-01-01 00:30 +0330) = false")
	}
}

func TestMembersCount(t *testing.T) {
	r25 := load(t, 2025)
	r0 := load(t, 0)
	for _, tc := range []struct {
		r    *Registry
		year int
		want int
	}{
		{r0, 2016, 195},
		{r25, 2016, 195},
		{r25, 2025, 195},
		{r0, 2017, 0},
		{r25, 1816, 23},
	} {
		if got := len(tc.r.Members(tc.year)); got != tc.want {
			t.Errorf("mry %d: len(Members(%d)) = %d, want %d", tc.r.mry, tc.year, got, tc.want)
		}
	}
	if got := r25.MRY(); got != 2025 {
		t.Errorf("MRY() = %d, want 2025", got)
	}
	if got := r0.MRY(); got != 2016 {
		t.Errorf("MRY() with mry 0 = %d, want 2016", got)
	}
	// Members are sorted by code.
	m := r25.Members(2000)
	for i := 1; i < len(m); i++ {
		if m[i-1].CCode >= m[i].CCode {
			t.Fatalf("Members(2000) not sorted at %d: %d, %d", i, m[i-1].CCode, m[i].CCode)
		}
	}
}

func TestCoexist(t *testing.T) {
	r := load(t, 2025)
	for _, tc := range []struct {
		a, b bloc.CCode
		year int
		want bool
	}{
		{817, 115, 1975, false}, // South Vietnam ended 1975-04-30, Suriname entered 1975-11-25
		{115, 817, 1975, false},
		{816, 115, 1975, true},
		{2, 365, 2000, true},
		{2, 365, 2025, true},
		{260, 255, 1990, false}, // West Germany to 1990-10-02, Germany from 1990-10-03
		{265, 260, 1990, true},
		{630, 2, 1850, false},
		{2, 2, 2000, true},
		{2, 9999, 2000, false},
	} {
		if got := r.Coexist(tc.a, tc.b, tc.year); got != tc.want {
			t.Errorf("Coexist(%d, %d, %d) = %v, want %v", tc.a, tc.b, tc.year, got, tc.want)
		}
	}
}

func TestYearsAndSpells(t *testing.T) {
	r := load(t, 2025)
	for _, tc := range []struct {
		c           bloc.CCode
		first, last int
	}{
		{630, 1855, 2025}, {2, 1816, 2025}, {255, 1816, 2025}, {260, 1955, 1990}, {817, 1954, 1975}, {9999, 0, 0},
	} {
		f, l := r.Years(tc.c)
		if f != tc.first || l != tc.last {
			t.Errorf("Years(%d) = %d, %d; want %d, %d", tc.c, f, l, tc.first, tc.last)
		}
	}
	sp := r.Spells(255)
	if len(sp) != 2 || !sp[0].Start.Equal(date("1816-01-01")) || !sp[0].End.Equal(date("1945-05-08")) ||
		!sp[1].Start.Equal(date("1990-10-03")) || !sp[1].End.Equal(date("2025-12-31")) {
		t.Errorf("Spells(255) = %v", sp)
	}
	if !sp[1].Contains(date("2000-06-01")) || sp[0].Contains(date("1950-01-01")) {
		t.Error("Spell.Contains")
	}
	// Without an mry the spells end where the data end.
	if sp := load(t, 0).Spells(630); len(sp) != 1 || !sp[0].End.Equal(date("2016-12-31")) {
		t.Errorf("mry 0: Spells(630) = %v", sp)
	}
	// Spells returns a copy.
	sp[0].Start = time.Time{}
	if r.Spells(255)[0].Start.IsZero() {
		t.Error("Spells exposes internal state")
	}
	if r.Spells(9999) != nil {
		t.Error("Spells(9999) != nil")
	}
}

func TestIsMajor(t *testing.T) {
	r := load(t, 2025)
	r0 := load(t, 0)
	for _, tc := range []struct {
		r    *Registry
		c    bloc.CCode
		year int
		want bool
	}{
		{r, 2, 2020, true}, {r0, 2, 2020, false}, {r0, 2, 2016, true},
		{r, 2, 1897, false}, {r, 2, 1898, true},
		{r, 365, 1917, true}, {r, 365, 1918, false}, {r, 365, 1922, true}, {r, 365, 2025, true},
		{r, 255, 1946, false}, {r, 255, 1991, true}, {r, 255, 2025, true},
		{r, 710, 1949, false}, {r, 710, 1950, true}, {r, 710, 2025, true},
		{r, 740, 2025, true}, {r, 630, 2000, false}, {r, 200, 2025, true}, {r, 220, 1942, false},
		{r, 2, 2026, false},
	} {
		if got := tc.r.IsMajor(tc.c, tc.year); got != tc.want {
			t.Errorf("mry %d: IsMajor(%d, %d) = %v, want %v", tc.r.mry, tc.c, tc.year, got, tc.want)
		}
	}
}

func TestState(t *testing.T) {
	r := load(t, 2025)
	for _, tc := range []struct {
		c    bloc.CCode
		want bloc.State
	}{
		{630, bloc.State{CCode: 630, Abb: "IRN", Name: "Iran", ISO3: "IRN", ISO2: "IR"}},
		{2, bloc.State{CCode: 2, Abb: "USA", Name: "United States of America", ISO3: "USA", ISO2: "US"}},
		{365, bloc.State{CCode: 365, Abb: "RUS", Name: "Russia", ISO3: "RUS", ISO2: "RU"}},
		{255, bloc.State{CCode: 255, Abb: "GMY", Name: "Germany", ISO3: "DEU", ISO2: "DE"}},
		{260, bloc.State{CCode: 260, Abb: "GFR", Name: "German Federal Republic"}},
		{265, bloc.State{CCode: 265, Abb: "GDR", Name: "German Democratic Republic"}},
		{315, bloc.State{CCode: 315, Abb: "CZE", Name: "Czechoslovakia"}},
		{316, bloc.State{CCode: 316, Abb: "CZR", Name: "Czech Republic", ISO3: "CZE", ISO2: "CZ"}},
		{345, bloc.State{CCode: 345, Abb: "YUG", Name: "Yugoslavia", ISO3: "SRB", ISO2: "RS"}},
		{817, bloc.State{CCode: 817, Abb: "RVN", Name: "Republic of Vietnam"}},
		{730, bloc.State{CCode: 730, Abb: "KOR", Name: "Korea"}},
		{347, bloc.State{CCode: 347, Abb: "KOS", Name: "Kosovo"}},
	} {
		got, ok := r.State(tc.c)
		if !ok || got != tc.want {
			t.Errorf("State(%d) = %+v, %v; want %+v", tc.c, got, ok, tc.want)
		}
	}
	if _, ok := r.State(9999); ok {
		t.Error("State(9999) found")
	}
	all := r.All()
	if len(all) != 217 {
		t.Errorf("len(All()) = %d, want 217", len(all))
	}
	for i := 1; i < len(all); i++ {
		if all[i-1].CCode >= all[i].CCode {
			t.Fatalf("All() not sorted at %d", i)
		}
	}
}

func TestByCode(t *testing.T) {
	r := load(t, 2025)
	for _, tc := range []struct {
		fn   func(string) (bloc.State, bool)
		code string
		want bloc.CCode
	}{
		{r.ByAbb, "AUS", 305}, {r.ByAbb, "aul", 900}, {r.ByAbb, "CZE", 315}, {r.ByAbb, "GMY", 255},
		{r.ByISO3, "AUS", 900}, {r.ByISO3, "CZE", 316}, {r.ByISO3, "SWZ", 572}, {r.ByISO3, "SRB", 345},
		{r.ByISO3, "DEU", 255}, {r.ByISO2, "IR", 630}, {r.ByISO2, "rs", 345}, {r.ByISO2, "US", 2},
		{r.ByISO3, "HKG", 0}, {r.ByISO2, "XX", 0}, {r.ByAbb, "IRN", 630},
	} {
		got, ok := tc.fn(tc.code)
		if ok != (tc.want != 0) || got.CCode != tc.want {
			t.Errorf("by %q = %d, %v; want %d", tc.code, got.CCode, ok, tc.want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := dataDir(t)
	if _, err := Load(context.Background(), dir, 1200); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Errorf("Load(mry 1200) error = %v, want EINVALID", err)
	}
	if _, err := Load(context.Background(), datasets.Dir(t.TempDir()), 2025); bloc.ErrorCode(err) != bloc.ENOTFOUND {
		t.Errorf("Load(empty dir) error = %v, want ENOTFOUND", err)
	} else if !strings.Contains(err.Error(), "isard_cw_system") {
		t.Errorf("Load(empty dir) error %q does not name the file", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Load(ctx, dir, 2025); !errors.Is(err, context.Canceled) {
		t.Errorf("Load(cancelled) error = %v, want context.Canceled", err)
	}
}

// TestPersianNameResolves checks that every state's Persian display name
// resolves back to it.
func TestPersianNameResolves(t *testing.T) {
	r := load(t, 2025)
	for c := range persianNames {
		name, ok := PersianName(c)
		if !ok {
			t.Fatalf("%d: no name", c)
		}
		s, err := r.Resolve(name)
		if err != nil || s.CCode != c {
			t.Errorf("%s resolves to %v, %v; want %d", name, s.CCode, err, c)
		}
	}
}
