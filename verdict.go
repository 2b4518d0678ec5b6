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
const VerdictSchemaVersion = "1.2"

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
	// NoteMsg is Note as a message, for other languages (schema 1.2).
	NoteMsg *Msg `json:"note_msg,omitempty"`
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
	// WhyMsg is Why as a message, for other languages (schema 1.2).
	WhyMsg *Msg `json:"why_msg,omitempty"`
}

// Pointer is a state a theory points to: the threat it expects i to balance,
// the partners it expects i to choose.
type Pointer struct {
	Role  string `json:"role"` // "threat", "partner", "leader", "target"
	State State  `json:"state"`
	Score Num    `json:"score"`
	Basis string `json:"basis,omitempty"`
	// BasisMsg is Basis as a message (schema 1.2).
	BasisMsg *Msg `json:"basis_msg,omitempty"`
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
	// NotTestableMsg is NotTestable as a message (schema 1.2).
	NotTestableMsg *Msg `json:"not_testable_msg,omitempty"`
	Rank           int  `json:"rank"`
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
	// BasisMsg is Basis as a message (schema 1.2).
	BasisMsg *Msg `json:"basis_msg,omitempty"`
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
	// NoteMsg is Note as a message (schema 1.2).
	NoteMsg *Msg `json:"note_msg,omitempty"`
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
	// NoteMsg is Note as a message (schema 1.2).
	NoteMsg *Msg `json:"note_msg,omitempty"`
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
	ID      string       `json:"id"`
	Table   string       `json:"table"`
	Theory  string       `json:"theory,omitempty"`
	Claim   string       `json:"claim"`
	Verdict ClaimVerdict `json:"verdict"`
	Why     string       `json:"why"`
	// WhyMsg is Why as a message (schema 1.2).
	WhyMsg   *Msg      `json:"why_msg,omitempty"`
	Evidence []Measure `json:"evidence"`
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
	// Evidence weighs the rival theories (and a residual hypothesis) by
	// explicit Bayesian updating on the evidence ledger and the theories'
	// tests, and measures speech acts against practical actions in the event
	// data (schema 1.1; null when not computed).
	Evidence *Evidence `json:"evidence"`
	// Termination monitors Walt's (1997) six conditions under which the tie
	// would end, year by year (schema 1.1; null when not computed).
	Termination *Termination `json:"termination"`
	// Sources lists every dataset the verdict drew on.
	Sources []Provenance `json:"sources"`
	Notes   []string     `json:"notes"`
	// NotesMsg holds Notes as messages, index for index (schema 1.2); a
	// note without a message has a zero Msg.
	NotesMsg []Msg `json:"notes_msg,omitempty"`
}

// Residual is the id of the residual hypothesis H0 of the Bayesian weighing:
// none of the registered theories explains the tie.
const Residual = "residual"

// Evidence is the Bayesian weighing of the rival theories (THEORY.md L3):
// every hypothesis's prior and posterior, the items of evidence with their
// likelihoods and weights of evidence, the items that decided the result,
// and its sensitivity to the priors and to the likelihoods. Events sets the
// speech acts against the practical actions of the event data (THEORY.md J).
type Evidence struct {
	// Method states the computation in words.
	Method string `json:"method"`
	// Assumptions are the assumptions the posterior rests on (independence).
	Assumptions []string `json:"assumptions"`
	// Ledger is the evidence ledger used; null without one.
	Ledger *LedgerInfo `json:"ledger"`
	// Prior names the prior: "uniform" or the one given.
	Prior string `json:"prior"`
	// Hypotheses are the rival theories and the residual, by posterior.
	Hypotheses []Hypothesis `json:"hypotheses"`
	// Items are the items of evidence: the ledger's, then the tests'.
	Items []EvidenceItem `json:"items"`
	// Top and RunnerUp are the hypotheses with the largest posteriors.
	Top      string `json:"top"`
	RunnerUp string `json:"runner_up"`
	// Margin is the total weight of evidence for Top over RunnerUp in
	// decibans, prior odds included.
	Margin float64 `json:"margin_db"`
	// Decisive lists the items with the largest |weight of evidence| for
	// Top over RunnerUp, largest first.
	Decisive    []Decisive  `json:"decisive"`
	Sensitivity Sensitivity `json:"sensitivity"`
	// Events is the word-and-deed measure of the event data; null when the
	// data do not cover the dyad.
	Events *WordsDeeds `json:"events"`
	Notes  []string    `json:"notes"`
	// NotesMsg holds Notes as messages, index for index (schema 1.2).
	NotesMsg []Msg `json:"notes_msg,omitempty"`
}

// LedgerInfo names the evidence ledger a weighing used.
type LedgerInfo struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	File  string `json:"file"`
	// Items is the number of items in the ledger; Counted those weighed.
	Items   int `json:"items"`
	Counted int `json:"counted"`
	// Citation is the BibTeX key of the work the items come from, if one.
	Citation string `json:"citation,omitempty"`
}

// Hypothesis is one rival hypothesis: a registered theory, or the residual.
type Hypothesis struct {
	ID        string  `json:"id"`
	Name      string  `json:"name"`
	Prior     float64 `json:"prior"`
	Posterior float64 `json:"posterior"`
	// WoE is the total weight of evidence for the hypothesis over the
	// residual, Σ_i 10·log10(P(E_i|H)/P(E_i|H0)) in decibans; WoELedger
	// and WoETests split it by origin.
	WoE       float64 `json:"woe_db"`
	WoELedger float64 `json:"woe_ledger_db"`
	WoETests  float64 `json:"woe_tests_db"`
	Rank      int     `json:"rank"`
}

// Citation is the source of a ledger item.
type Citation struct {
	Citation string `json:"citation"`
	Title    string `json:"title,omitempty"`
	URL      string `json:"url,omitempty"`
	Accessed string `json:"accessed,omitempty"`
	// CitedBy is where the item appears in the case's source, e.g. the
	// paper's page or the reference it cites.
	CitedBy string `json:"cited_by,omitempty"`
}

// Evidence origins.
const (
	FromLedger = "ledger" // an item of the evidence ledger
	FromTest   = "test"   // a theory's test on the indicators
)

// EvidenceItem is one item of evidence and what it weighs.
type EvidenceItem struct {
	ID     string `json:"id"`
	Origin string `json:"origin"`
	// Group joins correlated items, which count as one (see Weight).
	Group string `json:"group,omitempty"`
	// Kind is speech_act or practical_action for ledger items, indicator
	// for tests.
	Kind   string `json:"kind"`
	Actor  string `json:"actor,omitempty"`
	Target string `json:"target,omitempty"`
	// Date and Until are YYYY, YYYY-MM or YYYY-MM-DD; Until is empty for a
	// single date.
	Date  string `json:"date"`
	Until string `json:"until,omitempty"`
	// Text is the description; Quote the words quoted, if any.
	Text   string    `json:"text"`
	Quote  string    `json:"quote,omitempty"`
	Source *Citation `json:"source"`
	// Status is V checked against a public source, M from the literature,
	// U not verified; tests are V (computed from the data).
	Status string `json:"status"`
	// Observed is false when the evidence is the absence of E.
	Observed bool `json:"observed"`
	// Likelihoods are P(what was observed | H) for every hypothesis,
	// clamped to [0.01, 0.99]; Basis says where each comes from ("hoop",
	// "straw_in_the_wind, against", "0.7", "otherwise 0.4").
	Likelihoods map[string]float64 `json:"likelihoods"`
	Basis       map[string]string  `json:"basis"`
	// Weight is the item's share of its group (1 alone, 1/n in a group of
	// n); its log-likelihoods count with this weight.
	Weight float64 `json:"weight"`
	// WoE is Weight·10·log10(P(E|H)/P(E|H0)) per theory, in decibans.
	WoE map[string]float64 `json:"woe_db"`
	// WoETop is Weight·10·log10(P(E|Top)/P(E|RunnerUp)).
	WoETop float64 `json:"woe_top_db"`
	// Counted is false for an item outside the period weighed.
	Counted bool   `json:"counted"`
	Note    string `json:"note,omitempty"`
	// NoteMsg is Note as a message (schema 1.2).
	NoteMsg *Msg `json:"note_msg,omitempty"`
}

// Decisive is an item that weighs much for Top over RunnerUp.
type Decisive struct {
	ID     string  `json:"id"`
	Origin string  `json:"origin"`
	WoE    float64 `json:"woe_db"`
	// Pivotal is true when leaving the item out changes the top hypothesis.
	Pivotal bool   `json:"pivotal"`
	Text    string `json:"text"`
}

// Range is an interval of probabilities.
type Range struct {
	Min float64 `json:"min"`
	Max float64 `json:"max"`
}

// Sensitivity says how far the result depends on the priors and on the
// likelihoods.
type Sensitivity struct {
	// Priors: posteriors over a set of priors (uniform, the one given, each
	// hypothesis favoured with half the mass, and Draws flat-Dirichlet
	// draws).
	PriorSet    string           `json:"prior_set"`
	PriorRange  map[string]Range `json:"prior_range"`
	PriorStable float64          `json:"prior_top_share"`
	// Breakeven is the smallest prior on Top, the rest spread evenly, for
	// which Top stays first.
	Breakeven float64 `json:"breakeven_prior"`
	// Perturbation: every P(E|H) multiplied by a factor drawn uniformly
	// from [1−Factor, 1+Factor], Draws times; PerturbRange holds the 5th
	// and 95th percentiles of each posterior, PerturbStable the share of
	// draws with the same top.
	Factor        float64          `json:"factor"`
	PerturbRange  map[string]Range `json:"perturb_range"`
	PerturbStable float64          `json:"perturb_top_share"`
	// Adversarial misjudges every item by Factor against Top: its weight
	// for Top shrinks by Factor and its weight against Top grows by Factor.
	// Overtakers are the hypotheses that would then pass Top.
	Adversarial []string `json:"adversarial_overtakers"`
	Robust      bool     `json:"robust"`
	Draws       int      `json:"draws"`
	Seed        uint64   `json:"seed"`
	// Pivotal lists the items whose removal changes the top hypothesis.
	Pivotal []string `json:"pivotal"`
}

// WordsDeeds sets speech acts against practical actions in the event data
// (THEORY.md J), per directed dyad and year.
type WordsDeeds struct {
	// Source names the event data; Goldstein says where the Goldstein
	// means come from ("" when none).
	Source    string `json:"source"`
	Goldstein string `json:"goldstein_source,omitempty"`
	// Measure documents the divergence measure; Threshold is its cut.
	Measure   string           `json:"measure"`
	Threshold float64          `json:"threshold"`
	ToneCut   float64          `json:"tone_threshold"`
	MinEvents float64          `json:"min_events"`
	Series    []WordsDeedsDyad `json:"series"`
	Summary   string           `json:"summary"`
	// SummaryMsg is Summary as a message (schema 1.2).
	SummaryMsg *Msg `json:"summary_msg,omitempty"`
}

// WordsDeedsDyad is one directed dyad's years.
type WordsDeedsDyad struct {
	Dyad  string           `json:"dyad"` // "IRN→RUS"
	Years []WordsDeedsYear `json:"years"`
	// Diverging counts the years with words outrunning deeds.
	Diverging int `json:"diverging_years"`
	Covered   int `json:"covered_years"`
}

// WordsDeedsYear is one year of a directed dyad's events.
type WordsDeedsYear struct {
	Year int `json:"year"`
	// VerbCoop, MatlCoop, VerbConf, MatlConf are the CAMEO quad counts.
	VerbCoop float64 `json:"verb_coop"`
	MatlCoop float64 `json:"matl_coop"`
	VerbConf float64 `json:"verb_conf"`
	MatlConf float64 `json:"matl_conf"`
	// Goldstein is the mean Goldstein score; null where the source has none.
	Goldstein Num `json:"goldstein_mean"`
	// Words and Deeds are the net cooperation of speech acts (Q1−Q3)/(Q1+Q3)
	// and of practical actions (Q2−Q4)/(Q2+Q4), in [−1,1].
	Words Num `json:"words_net"`
	Deeds Num `json:"deeds_net"`
	// ToneGap is Words − Deeds, in [−2,2].
	ToneGap Num `json:"tone_gap"`
	// Ratio is material per verbal cooperation Q2/Q1; Baseline the same
	// ratio of the actor towards every other state that year.
	Ratio    Num `json:"deed_ratio"`
	Baseline Num `json:"baseline_ratio"`
	// Gap is log2(Ratio/Baseline): −1 is half the material cooperation the
	// actor's words usually bring.
	Gap Num `json:"deed_gap"`
	// Diverges is true when words outrun deeds (Gap ≤ −Threshold or ToneGap
	// ≥ ToneCut); null with too few events.
	Diverges *bool  `json:"diverges"`
	Note     string `json:"note,omitempty"`
	// NoteMsg is Note as a message (schema 1.2).
	NoteMsg *Msg `json:"note_msg,omitempty"`
}

// Termination monitors Walt's (1997) six conditions under which an
// alliance ends (THEORY.md K), year by year, with an overall risk.
type Termination struct {
	A      State  `json:"a"`
	B      State  `json:"b"`
	Period Period `json:"period"`
	// Window is the number of years over which changes are measured.
	Window int `json:"window"`
	// Threat is the outside state whose threat the monitor follows: A's
	// first-ranked threat other than B; null when none could be ranked.
	Threat *State `json:"threat"`
	// Model is the risk model: risk = logistic(Intercept + Σ_k Weights_k·flag_k).
	Model TerminationModel `json:"model"`
	// Years is the time axis of Conditions and Series.
	Years      []int          `json:"years"`
	Conditions []Condition    `json:"conditions"`
	Series     []Series       `json:"series"`
	Risk       []Num          `json:"risk"`
	Flagged    []FlaggedEvent `json:"flagged"`
	Notes      []string       `json:"notes"`
	// NotesMsg holds Notes as messages, index for index (schema 1.2).
	NotesMsg []Msg `json:"notes_msg,omitempty"`
}

// TerminationModel is the logistic risk model of the monitor.
type TerminationModel struct {
	Formula   string     `json:"formula"`
	Intercept float64    `json:"intercept"`
	Weights   [6]float64 `json:"weights"`
	// MinConditions is the fewest conditions with data for a risk.
	MinConditions int `json:"min_conditions"`
}

// Condition is one of Walt's six conditions over the years.
type Condition struct {
	N     int    `json:"n"`
	ID    string `json:"id"`
	Label string `json:"label"`
	// Walt is the condition in Walt's (and the paper's Table 2) words.
	Walt string `json:"walt"`
	// Rule is the operational rule with its thresholds.
	Rule string `json:"rule"`
	// Flags per year: true met, false not met, null no data.
	Flags []*bool `json:"flags"`
	// Why per year: what met it ("" when not met).
	Why []string `json:"why"`
	// WhyMsg per year: Why as messages (schema 1.2; zero when not met).
	WhyMsg []Msg `json:"why_msg,omitempty"`
}

// Series is a chart-ready time series aligned with Termination.Years.
type Series struct {
	ID        string `json:"id"`
	Label     string `json:"label"`
	Condition int    `json:"condition"` // 1–6; 0 for the risk and its parts
	Unit      string `json:"unit"`
	// Threshold is the series' cut, null when it has none.
	Threshold Num   `json:"threshold"`
	Values    []Num `json:"values"`
}

// FlaggedEvent is a condition met in a year.
type FlaggedEvent struct {
	Year      int    `json:"year"`
	Condition int    `json:"condition"`
	Why       string `json:"why"`
	// WhyMsg is Why as a message (schema 1.2).
	WhyMsg *Msg `json:"why_msg,omitempty"`
}
