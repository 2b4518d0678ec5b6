package similarity

import (
	"math"
	"strings"
)

// Tie scales.
const (
	// ATOPMax is the highest valued ATOP tie (defense and/or offense) and the
	// value of a state's tie with itself under the fpsim convention.
	ATOPMax = 3.0
	// ATOPRange is dmax for S on ATOP alliance portfolios (3 − 0).
	ATOPRange = 3.0
	// UNRange is dmax for S on UN votes (no 3 − yes 1).
	UNRange = 2.0
)

// ATOPLevels returns the valued ATOP tie levels 0, 1, 2, 3 (for Kappa and Pi).
func ATOPLevels() []float64 { return []float64{0, 1, 2, 3} }

// UNLevels returns the UN vote levels 1 (yes), 2 (abstain), 3 (no).
func UNLevels() []float64 { return []float64{1, 2, 3} }

// ATOPValue returns the valued ATOP tie of a directed dyad-year from its ATOP
// obligations, the ordering fpsim uses (after Chiba et al. 2022):
//
//	3  defense and/or offense (whatever else the pledge contains)
//	2  neutrality and/or consultation, no defense or offense
//	1  non-aggression only
//	0  no obligation (also ATOP alliances that carry no obligation for the
//	   state, as in fpsim)
func ATOPValue(defense, offense, neutral, nonagg, consul bool) float64 {
	switch {
	case defense || offense:
		return 3
	case neutral || consul:
		return 2
	case nonagg:
		return 1
	}
	return 0
}

// UNVote returns the valued UN General Assembly vote: "yes" → 1,
// "abstain" → 2, "no" → 3, the spellings of the vote column of the unvotes
// roll-call data (unvotes_un_votes.csv.gz). Case and surrounding white space
// are ignored. Anything else (absent, not a member, empty, numeric codes)
// returns NaN, which every measure treats as missing.
func UNVote(code string) float64 {
	switch strings.ToLower(strings.TrimSpace(code)) {
	case "yes":
		return 1
	case "abstain":
		return 2
	case "no":
		return 3
	}
	return math.NaN()
}

// SelfTie says how AllianceMatrix codes a state's tie with itself.
type SelfTie int

const (
	// SelfTieMax codes the self-tie at ATOPMax (3): a state is maximally
	// allied with itself. This is the fpsim convention and the zero value.
	// It keeps the portfolio of a state without alliances from being
	// constant, so kappa and pi stay defined for such dyads.
	SelfTieMax SelfTie = iota
	// SelfTieData takes the self-tie from the tie function like any other.
	SelfTieData
	// SelfTieMissing codes the self-tie as NaN: when i is compared with j,
	// item i (missing in i's portfolio) and item j (missing in j's) drop out.
	SelfTieMissing
)

// AllianceMatrix builds the alliance portfolios of one system-year: row r and
// column r both stand for states[r], and Values[r][c] = tie(states[r],
// states[c]) — e.g. ATOPValue of the directed dyad, 0 without an alliance,
// NaN if unknown — except on the diagonal, which self sets (fpsim: SelfTieMax).
// states should be every state in the system that year, since each of them
// is an item of every portfolio.
func AllianceMatrix(states []int, tie func(a, b int) float64, self SelfTie) Matrix {
	n := len(states)
	flat := make([]float64, n*n)
	m := Matrix{States: append([]int(nil), states...), Values: make([][]float64, n)}
	for r, a := range states {
		row := flat[r*n : (r+1)*n : (r+1)*n]
		for c, b := range states {
			if r == c {
				switch self {
				case SelfTieMax:
					row[c] = ATOPMax
					continue
				case SelfTieMissing:
					row[c] = math.NaN()
					continue
				}
			}
			row[c] = tie(a, b)
		}
		m.Values[r] = row
	}
	return m
}

// SetSelfTies sets the diagonal Values[r][r] = v, in place, of a square
// portfolio matrix whose column r is the state of row r (use ATOPMax for the
// fpsim convention, NaN to drop the self-item). It reports false, changing
// nothing, when the matrix is not square.
func SetSelfTies(m Matrix, v float64) bool {
	for _, row := range m.Values {
		if len(row) != len(m.Values) {
			return false
		}
	}
	for r, row := range m.Values {
		row[r] = v
	}
	return true
}
