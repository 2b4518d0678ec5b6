package bloc

import "math"

// This file is the vocabulary of bloc's answer to "why does A align with B?":
// measures, the tests each theory derives from its assumptions, the theories'
// congruence scores, the tie between the two states and the verdict that
// gathers them. Its JSON encoding is a stable contract (docs/verdict-schema.md):
// fields are added, never renamed or removed, within a major schema version.

// VerdictSchemaVersion is the version of the verdict's JSON schema. The major
// number changes only when a field is renamed or removed or its meaning
// changes; new fields raise the minor number.
const VerdictSchemaVersion = "1.0"

// Measure is one computed indicator value: the number (missing is not zero),
// the years it comes from and where it comes from.
type Measure struct {
	// ID names the indicator, stable across versions (e.g. "power.cinc").
	ID string `json:"id"`
	// Label is the indicator's name for people.
	Label string `json:"label"`
	// Subject is what the value describes: a state ("RUS"), a directed dyad
	// ("USA→IRN") or an undirected one ("IRN–RUS").
	Subject string `json:"subject,omitempty"`
	// Value is null when the data say nothing.
	Value Num `json:"value"`
	// Range is the indicator's range, e.g. "[0,1]", or its unit.
	Range string `json:"range,omitempty"`
	// Year is the year the value comes from; for an aggregate over several
	// years, the last of them. 0 for time-invariant data.
	Year int `json:"year,omitempty"`
	// Years is the span of years aggregated, when more than one.
	Years *Period `json:"years,omitempty"`
	// Source is the dataset, version, formula and citation.
	Source Provenance `json:"source"`
	// Note says why a value is missing, or a caveat (carried forward,
	// outside the period, unverified).
	Note string `json:"note,omitempty"`
}

// Outcome is the result of testing one prediction against the evidence.
type Outcome string

// Test outcomes (congruence coding c ∈ {+1, −1, 0}; THEORY.md L1).
const (
	Congruent    Outcome = "congruent"    // the evidence fits the theory's account of the observed tie (+1)
	Contradicted Outcome = "contradicted" // the evidence contradicts it (−1)
	NoData       Outcome = "no_data"      // the data say nothing; the test is silent (0, not counted)
)

// Code returns the congruence code: +1, −1 or 0.
func (o Outcome) Code() float64 {
	switch o {
	case Congruent:
		return 1
	case Contradicted:
		return -1
	}
	return 0
}

// TestType is Van Evera's classification of a test by how certain and how
// unique the prediction is (THEORY.md L2).
type TestType string

// Van Evera's test types.
const (
	Straw          TestType = "straw_in_the_wind" // neither necessary nor sufficient
	Hoop           TestType = "hoop"              // necessary: failing it hurts, passing it helps little
	SmokingGun     TestType = "smoking_gun"       // sufficient: passing it helps, failing it hurts little
	DoublyDecisive TestType = "doubly_decisive"   // necessary and sufficient
)

// Likelihoods returns the default P(E|H) and P(E|¬H) of the test type
// (THEORY.md L2): straw 0.6/0.4, hoop 0.95/0.5, smoking gun 0.5/0.05,
// doubly decisive 0.95/0.05.
func (t TestType) Likelihoods() (pEH, pEnotH float64) {
	switch t {
	case Hoop:
		return 0.95, 0.5
	case SmokingGun:
		return 0.5, 0.05
	case DoublyDecisive:
		return 0.95, 0.05
	default:
		return 0.6, 0.4
	}
}

// Weight returns the test's discriminating power log10(LR_pass / LR_fail),
// where LR_pass = P(E|H)/P(E|¬H) and LR_fail = (1−P(E|H))/(1−P(E|¬H)):
// straw ≈ 0.35, hoop and smoking gun ≈ 1.28, doubly decisive ≈ 2.56. It is
// the weight a test carries before its outcome is known (coverage).
func (t TestType) Weight() float64 { return t.PassWeight() + t.FailWeight() }

// PassWeight returns the weight of evidence of a test whose condition holds,
// |log10 LR_pass|: straw 0.18, hoop 0.28, smoking gun 1.0, doubly decisive 1.28.
func (t TestType) PassWeight() float64 {
	p, q := t.Likelihoods()
	return math.Abs(math.Log10(p / q))
}

// FailWeight returns the weight of evidence of a test whose condition fails,
// |log10 LR_fail|: straw 0.18, hoop 1.0, smoking gun 0.28, doubly decisive 1.28.
func (t TestType) FailWeight() float64 {
	p, q := t.Likelihoods()
	return math.Abs(math.Log10((1 - p) / (1 - q)))
}

// Level is the level of analysis a test works at (the paper's bilateral,
// regional and international-system levels).
type Level string

// Levels of analysis.
const (
	Bilateral Level = "bilateral"
	Regional  Level = "regional"
	Systemic  Level = "system"
)

// Test is one observable implication of a theory, tested against indicators.
type Test struct {
	// ID is stable within a theory (e.g. "bot.partner_not_threat").
	ID string `json:"id"`
	// Prediction is the implication in words, with the states named.
	Prediction string `json:"prediction"`
	// Rule is the operational rule, e.g. "I(RUS→IRN) < 0.33".
	Rule  string   `json:"rule"`
	Type  TestType `json:"type"`
	Level Level    `json:"level"`
	// Weight is w_e in the congruence score: the weight of evidence of the
	// observed result, PassWeight when the condition holds, FailWeight when
	// it fails, 0 with no data.
	Weight float64 `json:"weight"`
	// Holds says whether the condition in Rule holds; null with no data.
	Holds *bool `json:"holds"`
	// Outcome codes the evidence against the theory's account of the observed
	// tie: with a tie, a condition the theory needs is congruent when it
	// holds; with no tie, when it fails.
	Outcome  Outcome   `json:"outcome"`
	Evidence []Measure `json:"evidence"`
	// Why explains the outcome in one or two sentences.
	Why string `json:"why"`
}

// Pointer is a state a theory points to: the threat it expects i to balance,
// the partners it expects i to choose.
type Pointer struct {
	Role  string `json:"role"` // "threat", "partner", "leader", "target"
	State State  `json:"state"`
	Score Num    `json:"score"`
	Basis string `json:"basis,omitempty"`
}

// TheoryResult is one theory's account of the dyad and period: its
// assumptions, predictions, tests and congruence score.
type TheoryResult struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Family      string   `json:"family"`
	Citation    string   `json:"citation"`
	Assumptions []string `json:"assumptions"`
	// Prediction is what the theory expects of i in this period, in words.
	Prediction string `json:"prediction"`
	// PredictsAlignment is whether the theory's conditions for i aligning
	// with j hold (null when it cannot tell).
	PredictsAlignment *bool     `json:"predicts_alignment"`
	PointsTo          []Pointer `json:"points_to"`
	Tests             []Test    `json:"tests"`
	// Score is the congruence C_k ∈ [−1, 1] (THEORY.md L1); null when not testable.
	Score Num `json:"score"`
	// Coverage is the share of the tests' total weight that had data.
	Coverage    float64 `json:"coverage"`
	Congruent   int     `json:"congruent"`
	Contradict  int     `json:"contradicted"`
	NoData      int     `json:"no_data"`
	Testable    bool    `json:"testable"`
	NotTestable string  `json:"not_testable,omitempty"`
	Rank        int     `json:"rank"`
}

// TieKind is Snyder's (1990) classification of the tie between two states.
type TieKind string

// Tie kinds.
const (
	Alliance  TieKind = "alliance"  // a formal commitment to military cooperation (defense or offense pledge)
	Coalition TieKind = "coalition" // ad hoc cooperation for a temporary aim, usually in war
	Alignment TieKind = "alignment" // expectations of support short of a defense pledge
	NoTie     TieKind = "none"
	// UnknownTie is a tie the data cannot classify: no alliance data for
	// the period and too few other signs either way.
	UnknownTie TieKind = "unknown"
)

// Tie is the observed relationship of i with j in the period.
type Tie struct {
	Kind TieKind `json:"kind"`
	// Basis is the rule that decided the kind, in words.
	Basis string `json:"basis"`
	// Pledges lists the ATOP obligations in force (defense, offense,
	// neutrality, non_aggression, consultation) and their years.
	Pledges []Pledge `json:"pledges"`
	// Score is the composite alignment AL_ij ∈ [0,1] (THEORY.md J), over the
	// components with data.
	Score    Num       `json:"score"`
	Evidence []Measure `json:"evidence"`
}

// Pledge is an ATOP obligation in force between the two states.
type Pledge struct {
	Obligation string `json:"obligation"`
	Years      Period `json:"years"`
}

// ThreatRow is one candidate threat to the aligning state.
type ThreatRow struct {
	Rank  int   `json:"rank"`
	State State `json:"state"`
	// The four sources of threat (Walt 1987), each in [0,1].
	Power     Num `json:"power"`
	Proximity Num `json:"proximity"`
	Offense   Num `json:"offense"`
	Intent    Num `json:"intent"`
	// Additive, Multiplicative and Conditional are the threat indices
	// (THEORY.md E; docs/verdict-schema.md); Rank follows the table's Form.
	Additive           Num `json:"additive"`
	Multiplicative     Num `json:"multiplicative"`
	Conditional        Num `json:"conditional"`
	RankAdditive       int `json:"rank_additive"`
	RankMultiplicative int `json:"rank_multiplicative"`
	RankConditional    int `json:"rank_conditional"`
	// TopShare is the share of sampled weightings under which the state
	// ranks first.
	TopShare float64 `json:"top_share"`
	// Detail holds the component measures behind the four sources.
	Detail []Measure `json:"detail,omitempty"`
}

// ThreatTable ranks the candidate threats to state Of.
type ThreatTable struct {
	Of State `json:"of"`
	// Year is the reference year: capabilities and distances are taken in it
	// and normalised within it.
	Year int `json:"year"`
	// Form is the index the ranking uses: "conditional", "additive" or
	// "multiplicative".
	Form       string      `json:"form"`
	Weights    [4]float64  `json:"weights"` // power, proximity, offense, intent
	Samples    int         `json:"samples"`
	Seed       uint64      `json:"seed"`
	Candidates int         `json:"candidates"`
	Rows       []ThreatRow `json:"rows"`
	Note       string      `json:"note,omitempty"`
}

// SchwellerType is a state's type in Schweller's (1994) menagerie.
type SchwellerType string

// Schweller's types.
const (
	Lion   SchwellerType = "lion"   // status quo, strong
	Lamb   SchwellerType = "lamb"   // status quo, weak
	Jackal SchwellerType = "jackal" // revisionist with limited aims
	Wolf   SchwellerType = "wolf"   // revisionist with unlimited aims and the power to pursue them
)

// StateType is a state's classification as a status-quo or revisionist power.
type StateType struct {
	State State         `json:"state"`
	Type  SchwellerType `json:"type"`
	// Revisionism is VR − VSQ normalised to [−1, 1]; > 0 is revisionist.
	Revisionism Num `json:"revisionism"`
	// PowerPercentile is the state's CINC percentile among system members.
	PowerPercentile Num `json:"power_percentile"`
	// Aims is "limited" or "unlimited"; Dimensions lists the revision
	// dimensions the state challenges.
	Aims       string    `json:"aims"`
	Dimensions []string  `json:"dimensions"`
	Hegemon    State     `json:"status_quo_leader"`
	Evidence   []Measure `json:"evidence"`
	Note       string    `json:"note,omitempty"`
}

// RankEntry is one line of the ranking of theories.
type RankEntry struct {
	Rank     int     `json:"rank"`
	Theory   string  `json:"theory"`
	Name     string  `json:"name"`
	Score    Num     `json:"score"`
	Coverage float64 `json:"coverage"`
}

// Comparison sets the two best-scoring theories side by side in the terms of
// the paper's Table 4: causes, motives, results and what would end the tie.
type Comparison struct {
	First  string          `json:"first"`
	Second string          `json:"second"`
	Rows   []ComparisonRow `json:"rows"`
}

// ComparisonRow is one aspect of the comparison.
type ComparisonRow struct {
	Aspect string `json:"aspect"` // causes, motives, results, ends_when
	Label  string `json:"label"`
	First  string `json:"first"`
	Second string `json:"second"`
}

// ClaimVerdict is what the data say about a claim of a case's source.
type ClaimVerdict string

// Claim verdicts.
const (
	Supported   ClaimVerdict = "supported"
	Refuted     ClaimVerdict = "contradicted"
	NotTestable ClaimVerdict = "not_testable"
	PartlyHolds ClaimVerdict = "partly_supported"
)

// ClaimCheck is one claim of the case's source (e.g. a row of the paper's
// Table 1) and what the loaded data say about it.
type ClaimCheck struct {
	ID       string       `json:"id"`
	Table    string       `json:"table"`
	Theory   string       `json:"theory,omitempty"`
	Claim    string       `json:"claim"`
	Verdict  ClaimVerdict `json:"verdict"`
	Why      string       `json:"why"`
	Evidence []Measure    `json:"evidence"`
}

// CaseFact is a fact of a case file: a dated value not in the datasets,
// with its source, citation and verification status.
type CaseFact struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Subject string `json:"subject,omitempty"`
	Object  string `json:"object,omitempty"`
	Date    string `json:"date"`
	Value   Num    `json:"value"`
	Rank    int    `json:"rank,omitempty"`
	Of      int    `json:"of,omitempty"`
	Unit    string `json:"unit,omitempty"`
	Text    string `json:"text,omitempty"`
	// Stance is the subject's position where the fact is a vote or an
	// act: "for", "against", "abstain", "veto", "member", "observer", ...
	Stance   string `json:"stance,omitempty"`
	Source   string `json:"source"`
	Citation string `json:"citation"`
	// Status is the verification status: V checked against a public source,
	// M standard in the literature, U not verified.
	Status string `json:"status"`
	Note   string `json:"note,omitempty"`
}

// CaseReport is the case file used for the dyad and the check of its
// source's claims.
type CaseReport struct {
	ID       string       `json:"id"`
	Title    string       `json:"title"`
	Citation string       `json:"citation"`
	File     string       `json:"file"`
	Facts    []CaseFact   `json:"facts"`
	Claims   []ClaimCheck `json:"claims"`
}

// Verdict is bloc's answer to "why does A align with B in this period?".
type Verdict struct {
	SchemaVersion string `json:"schema_version"`
	A             State  `json:"a"`
	B             State  `json:"b"`
	Period        Period `json:"period"`
	// Question is the question answered, in words.
	Question string `json:"question"`
	Tie      Tie    `json:"tie"`
	// Threats ranks A's candidate threats.
	Threats ThreatTable `json:"threats"`
	// Types classifies A and B (and A's top threat) in Schweller's terms.
	Types []StateType `json:"types"`
	// Theories are ordered by rank.
	Theories   []TheoryResult `json:"theories"`
	Ranking    []RankEntry    `json:"ranking"`
	Comparison *Comparison    `json:"comparison"`
	Case       *CaseReport    `json:"case"`
	// Params are the parameters the verdict was computed with.
	Params map[string]any `json:"params"`
	// Sources lists every dataset the verdict drew on.
	Sources []Provenance `json:"sources"`
	Notes   []string     `json:"notes"`
}
