package report

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/charts"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func yes(b bool) *bool { return &b }

// sample is a small verdict with every part a report shows, and text that
// must be escaped.
func sample() *bloc.Verdict {
	irn := bloc.State{CCode: 630, Abb: "IRN", Name: "Iran"}
	rus := bloc.State{CCode: 365, Abb: "RUS", Name: "Russia"}
	usa := bloc.State{CCode: 2, Abb: "USA", Name: "United States of America"}
	src := bloc.Provenance{Dataset: "cow_nmc_v7", Version: "7.0", Formula: "CINC", Citation: "singer1972capability"}
	m := bloc.Measure{ID: "power.cinc", Label: "CINC (composite index of national capability)", Subject: "RUS", Value: bloc.Some(0.0361), Year: 2018, Source: src}
	flag := func(b bool) *bool { return &b }
	return &bloc.Verdict{
		SchemaVersion: bloc.VerdictSchemaVersion, A: irn, B: rus, Period: bloc.Period{From: 2009, To: 2018},
		Question: "Why does Iran align with Russia, 2009–2018?",
		Tie: bloc.Tie{Kind: bloc.Alignment, Basis: "ATOP consultation 2009–2018 <script>alert(1)</script>", Score: bloc.Some(0.66),
			Pledges: []bloc.Pledge{{Obligation: "consultation", Years: bloc.Period{From: 2009, To: 2018}}}, Evidence: []bloc.Measure{m}},
		Threats: bloc.ThreatTable{Of: irn, Year: 2018, Form: "conditional", Weights: [4]float64{0.25, 0.25, 0.25, 0.25}, Samples: 2000, Seed: 1, Candidates: 194,
			Rows: []bloc.ThreatRow{
				{Rank: 1, State: usa, Power: bloc.Some(0.53), Proximity: bloc.Some(0.03), Offense: bloc.Some(0.89), Intent: bloc.Some(0.67), Conditional: bloc.Some(0.33), Additive: bloc.Some(0.53), Multiplicative: bloc.Some(1), RankConditional: 1, RankAdditive: 1, RankMultiplicative: 1, TopShare: 0.85},
				{Rank: 15, State: rus, Power: bloc.Some(0.16), Proximity: bloc.Some(0.11), Offense: bloc.Some(0.38), Intent: bloc.Missing, RankConditional: 15, RankAdditive: 12, RankMultiplicative: 9},
			}, Note: "capabilities 2018"},
		Types: []bloc.StateType{{State: irn, Type: bloc.Wolf, Revisionism: bloc.Some(0.83), PowerPercentile: bloc.Some(0.9), Aims: "unlimited", Dimensions: []string{"territorial", "regime"}, Hegemon: usa},
			{State: rus, Type: bloc.Jackal, Revisionism: bloc.Some(-0.2), PowerPercentile: bloc.Some(0.98), Aims: "limited", Hegemon: usa}},
		Theories: []bloc.TheoryResult{
			{ID: "bandwagoning_profit", Name: "Bandwagoning for profit (Schweller)", Family: "neorealism", Citation: "Schweller, R. L. (1994).",
				Assumptions: []string{"a1", "a2", "a3", "a4"}, Prediction: "IRN follows a strong revisionist for gain.", PredictsAlignment: yes(true),
				PointsTo: []bloc.Pointer{{Role: "partner", State: rus, Score: bloc.Some(0.04)}},
				Tests: []bloc.Test{
					{ID: "bfp.revisionist", Prediction: "IRN is a revisionist state", Rule: "VR − VSQ(IRN) > 0", Type: bloc.Hoop, Level: bloc.Systemic, Weight: 0.28, Holds: flag(true), Outcome: bloc.Congruent, Evidence: []bloc.Measure{m}, Why: "IRN is a wolf."},
					{ID: "bfp.gains_trade", Prediction: "IRN's trade with RUS grows", Rule: "growth > 0", Type: bloc.Straw, Level: bloc.Bilateral, Outcome: bloc.NoData, Why: "no trade data"},
				},
				Score: bloc.Some(1), Coverage: 0.6, Congruent: 1, NoData: 1, Testable: true, Rank: 1},
			{ID: "balance_of_threat", Name: "Balance of threat (Walt)", Family: "neorealism", Citation: "Walt, S. M. (1987).",
				Assumptions: []string{"a1", "a2", "a3", "a4"}, Prediction: "IRN balances against USA.", PointsTo: []bloc.Pointer{{Role: "threat", State: usa, Score: bloc.Some(0.33)}},
				Tests: []bloc.Test{{ID: "bot.threat", Prediction: "IRN faces an outside state with aggressive intentions (USA)", Rule: "I(USA→IRN) ≥ 0.33", Type: bloc.Hoop, Level: bloc.Systemic, Weight: 1, Holds: flag(false), Outcome: bloc.Contradicted, Why: "USA's intentions are 0.2."}},
				Score: bloc.Some(-1), Coverage: 1, Contradict: 1, Testable: true, Rank: 2},
		},
		Comparison: &bloc.Comparison{First: "bandwagoning_profit", Second: "balance_of_threat", Rows: []bloc.ComparisonRow{
			{Aspect: "causes", First: "RUS's power", Second: "the threat from USA"}, {Aspect: "ends_when", First: "IRN grows strong", Second: "threat perception changes"}}},
		Evidence: &bloc.Evidence{Method: "Bayes", Prior: "uniform", Top: "bandwagoning_profit", RunnerUp: "balance_of_threat", Margin: 5.6,
			Hypotheses: []bloc.Hypothesis{{ID: "bandwagoning_profit", Prior: 0.33, Posterior: 0.77, WoE: 21.8, Rank: 1}, {ID: "balance_of_threat", Prior: 0.33, Posterior: 0.21, WoE: 16.2, Rank: 2}, {ID: bloc.Residual, Prior: 0.33, Posterior: 0.02, Rank: 3}},
			Items: []bloc.EvidenceItem{{ID: "khamenei_putin_2022", Origin: bloc.FromLedger, Kind: "speech_act", Actor: "IRN", Target: "RUS", Date: "2022-07-19", Text: "Khamenei receives Putin.", Quote: "جنگ مقوله‌ای خشن است", Status: "V", Observed: true,
				Likelihoods: map[string]float64{"bandwagoning_profit": 0.7, "balance_of_threat": 0.6, bloc.Residual: 0.4}, Weight: 1, WoETop: 0.7, Counted: true}},
			Sensitivity: bloc.Sensitivity{PerturbRange: map[string]bloc.Range{"bandwagoning_profit": {Min: 0.06, Max: 0.99}}, Factor: 0.5, Draws: 1000, Robust: true, PriorStable: 0.8, PerturbStable: 0.7, Breakeven: 0.04}},
		Termination: &bloc.Termination{A: irn, B: rus, Period: bloc.Period{From: 2009, To: 2018}, Window: 3, Threat: &usa, Years: []int{2009, 2010},
			Model:      bloc.TerminationModel{Formula: "risk = logistic"},
			Conditions: []bloc.Condition{{N: 1, ID: "c1.partner_threat", Label: "The partner becomes a threat", Walt: "Threat perception changes", Rule: "I(RUS→IRN) rises", Flags: []*bool{flag(false), nil}}},
			Risk:       []bloc.Num{bloc.Some(0.05), bloc.Missing}, Flagged: []bloc.FlaggedEvent{{Year: 2010, Condition: 1, Why: "RUS voted against IRN"}}},
		Sources: []bloc.Provenance{{Dataset: "cow_nmc_v7", Version: "7.0", Citation: "singer1972capability"}},
		Notes:   []string{"cow_trade_dyadic_v4 ends in 2014: its indicators use 2014 at the latest."},
	}
}

func sampleInput() Input {
	v := sample()
	return Input{Verdict: v, Charts: []charts.Chart{*charts.TheoryScores(v), *charts.ThreatSources(v), *charts.Posteriors(v), *charts.Monitor(v)}, Version: "test"}
}

func TestBuild(t *testing.T) {
	for _, l := range Langs {
		d := Build(sampleInput(), l)
		ids := map[string]bool{}
		for _, s := range d.Sections {
			ids[s.ID] = true
		}
		for _, want := range []string{"summary", "tie", "threats", "types", "theories", "theory-bandwagoning_profit", "comparison", "ending", "evidence", "charts", "notes", "sources", "bibtex"} {
			if !ids[want] {
				t.Errorf("%s: no section %s", l, want)
			}
		}
		if d.Dir != l.Dir() {
			t.Errorf("%s: dir %s", l, d.Dir)
		}
	}
	fa := Build(sampleInput(), FA)
	if fa.Title != "چرا ایران به روسیه گرایش دارد؟ (۲۰۰۹ تا ۲۰۱۸)" {
		t.Errorf("Persian title %q", fa.Title)
	}
	if strings.ContainsAny(fa.Title, "0123456789") {
		t.Errorf("the Persian title has Latin digits: %q", fa.Title)
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it); got:\n%s", name, got)
	}
}

func TestMarkdownGolden(t *testing.T) {
	for _, l := range Langs {
		var buf bytes.Buffer
		if err := Markdown(&buf, Build(sampleInput(), l)); err != nil {
			t.Fatal(err)
		}
		golden(t, "sample_"+string(l)+".md", buf.Bytes())
	}
}

func TestHTML(t *testing.T) {
	in := sampleInput()
	in.SVG = true
	for _, l := range Langs {
		var buf bytes.Buffer
		if err := HTML(&buf, Build(in, l), HTMLOptions{}); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		if !strings.Contains(s, `<html lang="`+string(l)+`" dir="`+l.Dir()+`">`) {
			t.Errorf("%s: no lang/dir on <html>", l)
		}
		if strings.Contains(s, "<script>alert(1)") || !strings.Contains(s, "&lt;script&gt;alert(1)") {
			t.Errorf("%s: the engine's text is not escaped", l)
		}
		if !strings.Contains(s, `src="data:image/svg`) || !strings.Contains(s, `xml;base64,`) {
			t.Errorf("%s: charts are not embedded", l)
		}
		if strings.Contains(s, "http://") && !strings.Contains(s, `href="http`) {
			t.Errorf("%s: the page loads something from elsewhere", l)
		}
	}
	var buf bytes.Buffer
	HTML(&buf, Build(in, FA), HTMLOptions{Print: true})
	if !strings.Contains(buf.String(), "<details class=\"test\" open>") {
		t.Error("the print version does not open the tests")
	}
}

func TestDigits(t *testing.T) {
	for _, c := range []struct{ in, en, fa string }{
		{"2009–2018", "2009–2018", "۲۰۰۹–۲۰۱۸"},
		{"0.66", "0.66", "۰٫۶۶"},
		{"1,234", "1,234", "۱٬۲۳۴"},
		{"71%", "71%", "۷۱٪"},
		{"S/2018/156.", "S/2018/156.", "S/۲۰۱۸/۱۵۶."},
	} {
		if got := EN.Digits(c.in); got != c.en {
			t.Errorf("EN.Digits(%q) = %q", c.in, got)
		}
		if got := FA.Digits(c.in); got != c.fa {
			t.Errorf("FA.Digits(%q) = %q, want %q", c.in, got, c.fa)
		}
	}
	if got := FA.Signed(bloc.Some(-0.85), 2); got != "\u2066−۰٫۸۵\u2069" {
		t.Errorf("FA.Signed(-0.85) = %q", got)
	}
	if got := EN.Signed(bloc.Some(0.5), 2); got != "+0.50" {
		t.Errorf("EN.Signed(0.5) = %q", got)
	}
	if got := FA.Num(bloc.Missing, 2); got != "بی‌داده" {
		t.Errorf("FA.Num(missing) = %q", got)
	}
	if got := EN.Value(bloc.Some(1520000)); got != "1,520,000" {
		t.Errorf("Value(1520000) = %q", got)
	}
	if got := FA.Period(bloc.Period{From: 2009, To: 2018}); got != "۲۰۰۹ تا ۲۰۱۸" {
		t.Errorf("FA.Period = %q", got)
	}
}

func TestParseLang(t *testing.T) {
	for in, want := range map[string]Lang{"": EN, "en": EN, "FA": FA, "fa": FA, "فارسی": FA} {
		if got, err := ParseLang(in); err != nil || got != want {
			t.Errorf("ParseLang(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseLang("de"); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Errorf("ParseLang(de): %v", err)
	}
}

// faOnly are the prefixes of Persian versions of the engine's English text,
// which English takes from the verdict.
var faOnly = []string{"assume.", "pred.", "narr.", "test.", "measure.", "claim."}

// sameInBoth are labels that read the same in both languages.
var sameInBoth = map[string]bool{"app.name": true, "doc.engine_english": true, "mark.congruent": true, "mark.contradicted": true, "mark.no_data": true,
	"col.congruent": true, "col.contradicted": true, "col.no_data": true, "col.aspect": true, "val.none": true, "ui.show_bibtex": true,
	"series.cinc": true, "series.milex": true, "series.sanctions": true, "series.vetoes": true}

func TestCatalogue(t *testing.T) {
	for k := range en {
		if !sameInBoth[k] && fa[k] == "" && !strings.HasPrefix(k, "claim.") {
			t.Errorf("no Persian for %q", k)
		}
	}
	for k := range fa {
		if _, ok := en[k]; ok {
			continue
		}
		known := false
		for _, p := range faOnly {
			known = known || strings.HasPrefix(k, p)
		}
		if !known {
			t.Errorf("Persian key %q has no English", k)
		}
	}
	for k, v := range fa {
		if strings.ContainsAny(v, "يك") {
			t.Errorf("%q uses Arabic ي or ك, not Persian ی and ک: %q", k, v)
		}
		for _, ph := range placeholders(v) {
			if en[k] != "" && !strings.Contains(en[k], ph) && !strings.Contains("{a}{b}{t}", ph) {
				t.Errorf("%q: Persian %q uses %s, which English %q does not fill", k, v, ph, en[k])
			}
		}
	}
}

func placeholders(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "{")
		j := strings.Index(s, "}")
		if i < 0 || j < i {
			return out
		}
		out = append(out, s[i:j+1])
		s = s[j+1:]
	}
}

func TestPDFWithoutChromium(t *testing.T) {
	t.Setenv("BLOC_CHROMIUM", filepath.Join(t.TempDir(), "no-chromium"))
	_, err := PDF(context.Background(), []byte("<html></html>"))
	if bloc.ErrorCode(err) != bloc.ENOTFOUND || !strings.Contains(err.Error(), "Chromium") {
		t.Errorf("PDF without Chromium: %v", err)
	}
}

func TestGenericFields(t *testing.T) {
	// A weighing this build has no layout for is still shown.
	in := sampleInput()
	in.Verdict.Evidence = nil
	in.Raw = map[string]json.RawMessage{"evidence": json.RawMessage(`{"method":"a future method","items":[{"id":"x1","woe_db":1.5}]}`)}
	var buf bytes.Buffer
	if err := Markdown(&buf, Build(in, EN)); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"a future method", "x1", "1.5"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("the generic evidence lacks %q", want)
		}
	}
}
