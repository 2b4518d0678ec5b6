package similarity

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"io"
	"math"
	"os"
	"testing"
)

func TestATOPValue(t *testing.T) {
	cases := []struct {
		name                                      string
		defense, offense, neutral, nonagg, consul bool
		want                                      float64
	}{
		{"none", false, false, false, false, false, 0},
		{"defense", true, false, false, false, false, 3},
		{"offense", false, true, false, false, false, 3},
		{"defense and everything", true, true, true, true, true, 3},
		{"offense and non-aggression", false, true, false, true, false, 3},
		{"neutrality", false, false, true, false, false, 2},
		{"consultation", false, false, false, false, true, 2},
		{"neutrality, non-aggression, consultation (Iran–Russia 2001)", false, false, true, true, true, 2},
		{"non-aggression only", false, false, false, true, false, 1},
	}
	for _, c := range cases {
		if got := ATOPValue(c.defense, c.offense, c.neutral, c.nonagg, c.consul); got != c.want {
			t.Errorf("%s: ATOPValue = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestUNVote(t *testing.T) {
	cases := []struct {
		code string
		want float64 // NaN: absent
	}{
		{"yes", 1}, {"abstain", 2}, {"no", 3},
		{"Yes", 1}, {" NO ", 3}, {"Abstain\n", 2},
		{"", nan}, {"absent", nan}, {"not a member", nan}, {"1", nan}, {"8", nan}, {"y", nan},
	}
	for _, c := range cases {
		got := UNVote(c.code)
		if math.IsNaN(c.want) != math.IsNaN(got) || (!math.IsNaN(got) && got != c.want) {
			t.Errorf("UNVote(%q) = %v, want %v", c.code, got, c.want)
		}
	}
}

// TestUNVoteCodesInData checks that every vote spelling of the shared
// unvotes roll-call file maps to a vote. It skips when the file is absent.
func TestUNVoteCodesInData(t *testing.T) {
	const path = "/work/shared/data/unvotes_un_votes.csv.gz"
	if testing.Short() {
		t.Skip("reads the UN votes file")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no UN votes file: %v", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bufio.NewReader(gz))
	head, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, h := range head {
		if h == "vote" {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("no vote column in %v", head)
	}
	seen := map[string]int{}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		seen[rec[col]]++
	}
	for code, n := range seen {
		if math.IsNaN(UNVote(code)) {
			t.Errorf("vote code %q (%d rows) maps to NaN", code, n)
		}
	}
	t.Logf("vote codes: %v", seen)
}

func TestAllianceMatrix(t *testing.T) {
	states := []int{2, 365, 630}
	ties := map[[2]int]float64{{365, 630}: 2, {630, 365}: 2, {2, 2}: 0}
	tie := func(a, b int) float64 { return ties[[2]int{a, b}] }

	m := AllianceMatrix(states, tie, SelfTieMax)
	want := [][]float64{{3, 0, 0}, {0, 3, 2}, {0, 2, 3}}
	for r := range want {
		for c := range want[r] {
			if m.Values[r][c] != want[r][c] {
				t.Fatalf("SelfTieMax: Values = %v, want %v", m.Values, want)
			}
		}
	}
	if len(m.States) != 3 || m.States[1] != 365 {
		t.Errorf("States = %v", m.States)
	}
	// USA (no alliances) vs Russia: x = (3,0,0), y = (0,3,2). p = 2:
	// pairs (3,0) (0,3) (0,2); Σw·o = (1 + 1 + 4/9)/3 = 22/27;
	// r = (2,0,0,1), c = (1,0,1,1) counts: Σ w r_a c_b = 2·(4/9) + 2·1 + 1·1
	// + 1·(1/9) = 8/9 + 2 + 1 + 1/9 = 4, Σw·e = 4/9: κ = 1 − (22/27)/(4/9) = −5/6
	k, ok := Kappa(m.Values[0], m.Values[1], ATOPLevels(), 2)
	checkResult(t, "kappa USA–Russia, self-ties", k, ok, -5.0/6)

	// Two states without any alliance, with self-ties: (3,0,0) vs (0,3,0)
	// gives −½ (see agreeCases); without self-ties they are undefined.
	iso := AllianceMatrix([]int{1, 2, 3}, func(a, b int) float64 { return 0 }, SelfTieMax)
	k, ok = Kappa(iso.Values[0], iso.Values[1], ATOPLevels(), 2)
	checkResult(t, "isolated, SelfTieMax", k, ok, -0.5)
	iso = AllianceMatrix([]int{1, 2, 3}, func(a, b int) float64 { return 0 }, SelfTieData)
	k, ok = Kappa(iso.Values[0], iso.Values[1], ATOPLevels(), 2)
	checkResult(t, "isolated, SelfTieData", k, ok, nan)
	iso = AllianceMatrix([]int{1, 2, 3}, func(a, b int) float64 { return 0 }, SelfTieMissing)
	if !math.IsNaN(iso.Values[1][1]) {
		t.Errorf("SelfTieMissing: diagonal %v", iso.Values[1][1])
	}
	k, ok = Kappa(iso.Values[0], iso.Values[1], ATOPLevels(), 2)
	checkResult(t, "isolated, SelfTieMissing", k, ok, nan)

	// SelfTieData takes the diagonal from the tie function (USA–USA = 0)
	d := AllianceMatrix(states, tie, SelfTieData)
	if d.Values[0][0] != 0 || d.Values[1][1] != 0 {
		t.Errorf("SelfTieData diagonal: %v", d.Values)
	}

	// SetSelfTies restores the fpsim convention in place
	if !SetSelfTies(d, ATOPMax) {
		t.Fatal("SetSelfTies refused a square matrix")
	}
	for r := range want {
		for c := range want[r] {
			if d.Values[r][c] != want[r][c] {
				t.Fatalf("SetSelfTies: Values = %v, want %v", d.Values, want)
			}
		}
	}
	if SetSelfTies(Matrix{Values: [][]float64{{1, 2}, {3}}}, 3) {
		t.Error("SetSelfTies accepted a ragged matrix")
	}
}
