package evidence

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
)

const header = `schema: 1
id: test
title: "A test ledger"
dyad: {a: IRN, b: RUS}
period: {from: 1990, to: 2022}
items:
`

const goodItem = `  - id: speech
    kind: speech_act
    actor: IRN
    target: RUS
    date: "2022-07-19"
    quote: "words"
    source: {citation: "A source (2022)", url: "https://example.org"}
    status: M
    likelihoods:
      balance_of_threat: straw_in_the_wind
      bandwagoning_profit: 0.7
      identity: {test: hoop, against: true}
    otherwise: 0.4
`

// resolve knows a few states.
func resolve(s string) (bloc.CCode, error) {
	codes := map[string]bloc.CCode{"IRN": 630, "RUS": 365, "USA": 2, "CHN": 710, "AFG": 700}
	if c, ok := codes[s]; ok {
		return c, nil
	}
	return 0, &bloc.Error{Code: bloc.ENOTFOUND, Message: "unknown state " + s, Hints: []string{"did you mean IRN?"}}
}

func TestParseGood(t *testing.T) {
	l, err := Parse("t.yaml", []byte(header+goodItem))
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Check(HypothesisIDs(), resolve); err != nil {
		t.Fatal(err)
	}
	it := l.Items[0]
	if it.ID != "speech" || it.Line != 7 || len(it.Likelihoods) != 3 || it.Otherwise != 0.4 || !it.Observed {
		t.Fatalf("%+v", it)
	}
	o, err := ItemObs(it, Hypotheses())
	if err != nil {
		t.Fatal(err)
	}
	for k, h := range Hypotheses() {
		want := map[string]float64{"balance_of_threat": 0.6, "bandwagoning_profit": 0.7, "identity": 0.05}[h.ID]
		if want == 0 {
			want = 0.4
		}
		if !near(o.P[k], want, 1e-12) {
			t.Errorf("P(E|%s) = %v, want %v", h.ID, o.P[k], want)
		}
	}
	// JSON is YAML: the same ledger written as JSON parses with lines.
	js := `{"schema": 1, "id": "j", "title": "J", "dyad": {"a": "IRN", "b": "RUS"}, "period": {"from": 1990, "to": 2022},
"items": [{"id": "x", "kind": "practical_action", "actor": "IRN", "target": "RUS", "date": "2015", "description": "d",
  "source": {"citation": "c"}, "status": "U", "observed": false, "likelihoods": {"balance_of_threat": "hoop"}}]}`
	l, err = Parse("j.json", []byte(js))
	if err != nil {
		t.Fatal(err)
	}
	o, _ = ItemObs(l.Items[0], Hypotheses())
	for k, h := range Hypotheses() {
		want := 0.5 // absent: 1 − P(E|¬H) of a hoop
		if h.ID == "balance_of_threat" {
			want = 0.05 // absent: 1 − 0.95
		}
		if !near(o.P[k], want, 1e-12) {
			t.Errorf("absent hoop: P(¬E|%s) = %v, want %v", h.ID, o.P[k], want)
		}
	}
}

// Bad input: each problem names the file, line, item and field; nothing
// passes.
func TestParseBad(t *testing.T) {
	item := func(repl ...string) string {
		s := goodItem
		for k := 0; k+1 < len(repl); k += 2 {
			if !strings.Contains(s, repl[k]) {
				t.Fatalf("test bug: %q not in the item", repl[k])
			}
			s = strings.Replace(s, repl[k], repl[k+1], 1)
		}
		return s
	}
	for _, c := range []struct {
		name, body string
		want       []string
	}{
		{"probability above 1", item("bandwagoning_profit: 0.7", "bandwagoning_profit: 1.2"), []string{"t.yaml:17:", "(speech)", "likelihoods.bandwagoning_profit", "1.2 is not a probability in (0, 1)"}},
		{"probability 0", item("bandwagoning_profit: 0.7", "bandwagoning_profit: 0"), []string{"(speech)", "0 is not a probability"}},
		{"probability 1", item("bandwagoning_profit: 0.7", "bandwagoning_profit: 1"), []string{"1 is not a probability"}},
		{"negative", item("bandwagoning_profit: 0.7", "bandwagoning_profit: -0.2"), []string{"-0.2 is not a probability"}},
		{"otherwise", item("otherwise: 0.4", "otherwise: 1.5"), []string{"items[0] (speech).otherwise", "1.5 is not a probability"}},
		{"bad test type", item("straw_in_the_wind", "straw_in_wind"), []string{"(speech)", "not a probability in (0, 1) or a test type"}},
		{"duplicate id", goodItem + item("date: \"2022-07-19\"", "date: \"2021\""), []string{"t.yaml:20:", "items[1] (speech).id", "already used on line 7"}},
		{"date outside the period", item("2022-07-19", "1985-01-01"), []string{"t.yaml:11:", "(speech).date", "outside the ledger's period 1990–2022"}},
		{"until outside", item("date: \"2022-07-19\"", "date: \"2020\"\n    until: \"2024\""), []string{"(speech).until", "outside the ledger's period"}},
		{"until before date", item("date: \"2022-07-19\"", "date: \"2020\"\n    until: \"2019\""), []string{"(speech).until", "before the date"}},
		{"bad date", item("2022-07-19", "2022-13"), []string{"(speech).date", "is not a date"}},
		{"bad kind", item("speech_act", "speech"), []string{"(speech).kind", "not a kind"}},
		{"no source", item("    source: {citation: \"A source (2022)\", url: \"https://example.org\"}\n", ""), []string{"(speech).source", "missing"}},
		{"no likelihoods", item("    likelihoods:\n      balance_of_threat: straw_in_the_wind\n      bandwagoning_profit: 0.7\n      identity: {test: hoop, against: true}\n", ""), []string{"(speech).likelihoods", "missing"}},
		{"unknown field", item("status: M", "status: M\n    colour: red"), []string{"(speech).colour", "unknown field"}},
		{"disagreeing test types", item("    otherwise: 0.4\n", ""), []string{"(speech).otherwise", "different P(E|¬H)"}},
		{"not YAML", "schema: [1\n", []string{"t.yaml:", "not valid YAML"}},
	} {
		_, err := Parse("t.yaml", []byte(header+c.body))
		if err == nil || bloc.ErrorCode(err) != bloc.EINVALID {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		msg := err.Error() + " " + strings.Join(bloc.ErrorHints(err), " ")
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q lacks %q", c.name, msg, w)
			}
		}
	}
	// Unknown theory and unknown state: Check names the item and suggests.
	l, err := Parse("t.yaml", []byte(header+strings.Replace(strings.Replace(goodItem, "balance_of_threat:", "balance_of_thret:", 1), "target: RUS", "target: Narnia", 1)))
	if err != nil {
		t.Fatal(err)
	}
	ps := l.Lint(HypothesisIDs(), resolve)
	if len(ps) != 2 {
		t.Fatalf("problems %v", ps)
	}
	all := ps[0].String() + "\n" + ps[1].String()
	for _, w := range []string{"t.yaml:16: items[0] (speech).likelihoods.balance_of_thret", `did you mean "balance_of_threat"`, "items[0] (speech).target", "unknown state Narnia"} {
		if !strings.Contains(all, w) {
			t.Errorf("%q lacks %q", all, w)
		}
	}
	if err := l.Check(HypothesisIDs(), resolve); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Fatalf("Check: %v", err)
	}
}

func TestBuiltinLedger(t *testing.T) {
	ls, err := Builtin()
	if err != nil || len(ls) != 1 {
		t.Fatalf("%d ledgers, %v", len(ls), err)
	}
	l := ls[0]
	if err := l.Check(HypothesisIDs(), resolve); err != nil {
		t.Fatal(err)
	}
	want := []string{"khamenei_putin_2022", "karabakh", "tajik_civil_war", "china_muslims_silence", "northern_alliance", "syria_military_cooperation"}
	ids := map[string]Item{}
	kinds := map[string]int{}
	for _, it := range l.Items {
		ids[it.ID] = it
		kinds[it.Kind]++
		if it.Source.Citation == "" || it.Status == "" {
			t.Errorf("%s has no source or status", it.ID)
		}
		if _, err := ItemObs(it, Hypotheses()); err != nil {
			t.Error(err)
		}
	}
	for _, id := range want {
		if _, ok := ids[id]; !ok {
			t.Errorf("the paper's item %s is missing", id)
		}
	}
	if kinds[SpeechAct] == 0 || kinds[PracticalAction] == 0 {
		t.Fatalf("kinds %v", kinds)
	}
	if ids["khamenei_putin_2022"].Source.URL != "https://farsi.khamenei.ir/news-content?id=50657" {
		t.Errorf("the Khamenei–Putin meeting's source %+v", ids["khamenei_putin_2022"].Source)
	}
	c, err := For(resolve, "", 630, 365)
	if err != nil || c == nil || c.ID != l.ID {
		t.Fatalf("For(IRN, RUS): %v %v", c, err)
	}
	if c, err := For(resolve, "", 365, 630); c != nil || err != nil {
		t.Fatalf("For(RUS, IRN): %v %v", c, err)
	}
}

func TestAppend(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "l.yaml")
	start := "# my ledger\n" + header + goodItem
	os.WriteFile(path, []byte(start), 0o600)
	it := Item{ID: "syria", Kind: PracticalAction, Actor: "IRN", Target: "RUS", Date: "2015-09-30", Description: "Syria: 1.5",
		Source: bloc.Citation{Citation: "Ghani & Asgarian (2021)"}, Status: "M", Observed: true,
		Likelihoods: []Likelihood{{Hypothesis: "balance_of_threat", Test: bloc.Straw}, {Hypothesis: "identity", Test: bloc.Hoop, Against: true}, {Hypothesis: "bandwagoning_profit", P: 0.65}},
		Otherwise:   0.4}
	if err := Append(path, it, HypothesisIDs(), resolve); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	if !strings.HasPrefix(string(b), start) {
		t.Fatalf("the file was not appended to:\n%s", b)
	}
	l, err := Load(path)
	if err != nil || len(l.Items) != 2 {
		t.Fatalf("%v %+v", err, l)
	}
	got := l.Items[1]
	if got.ID != "syria" || got.Date != "2015-09-30" || len(got.Likelihoods) != 3 || !got.Likelihoods[1].Against || got.Likelihoods[2].P != 0.65 || got.Otherwise != 0.4 {
		t.Fatalf("round trip %+v", got)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode())
	}

	// Bad items: nothing is written, the error names the item.
	before, _ := os.ReadFile(path)
	for _, c := range []struct {
		name string
		mod  func(*Item)
		want string
	}{
		{"duplicate id", func(i *Item) {}, "already used"},
		{"probability", func(i *Item) { i.ID = "p"; i.Likelihoods = []Likelihood{{Hypothesis: "identity", P: 1.5}} }, "not a probability"},
		{"unknown theory", func(i *Item) { i.ID = "u"; i.Likelihoods = []Likelihood{{Hypothesis: "realism", Test: bloc.Hoop}} }, `"realism" is not a theory`},
		{"unknown state", func(i *Item) { i.ID = "s"; i.Actor = "Atlantis" }, "unknown state Atlantis"},
		{"date outside", func(i *Item) { i.ID = "d"; i.Date = "1970" }, "outside the ledger's period"},
	} {
		bad := it
		c.mod(&bad)
		err := Append(path, bad, HypothesisIDs(), resolve)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
		if after, _ := os.ReadFile(path); string(after) != string(before) {
			t.Fatalf("%s: the file changed", c.name)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
	if err := Append(filepath.Join(dir, "none.yaml"), it, HypothesisIDs(), resolve); bloc.ErrorCode(err) != bloc.ENOTFOUND {
		t.Fatalf("missing file: %v", err)
	}

	// A JSON ledger stays JSON; an empty flow list is filled.
	js := filepath.Join(dir, "l.json")
	os.WriteFile(js, []byte(`{"schema": 1, "id": "j", "title": "J", "dyad": {"a": "IRN", "b": "RUS"}, "period": {"from": 1990, "to": 2022}, "items": []}`), 0o644)
	if err := Append(js, it, HypothesisIDs(), resolve); err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(js)
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("not JSON after append: %v\n%s", err, b)
	}
	if l, err := Load(js); err != nil || len(l.Items) != 1 || l.Items[0].Likelihoods[2].P != 0.65 {
		t.Fatalf("%v %+v", err, l)
	}
	flow := filepath.Join(dir, "f.yaml")
	os.WriteFile(flow, []byte(header[:len(header)-len("items:\n")]+"items: []\n"), 0o644)
	if err := Append(flow, it, HypothesisIDs(), resolve); err != nil {
		t.Fatal(err)
	}
	if l, err := Load(flow); err != nil || len(l.Items) != 1 {
		t.Fatalf("%v %+v", err, l)
	}
}

func TestParseLikelihood(t *testing.T) {
	for in, want := range map[string]Likelihood{
		"0.7":                        {P: 0.7},
		"hoop":                       {Test: bloc.Hoop},
		"Smoking-Gun":                {Test: bloc.SmokingGun},
		"straw":                      {Test: bloc.Straw},
		"doubly decisive":            {Test: bloc.DoublyDecisive},
		"hoop:against":               {Test: bloc.Hoop, Against: true},
		"straw_in_the_wind, against": {Test: bloc.Straw, Against: true},
	} {
		got, err := ParseLikelihood(in)
		if err != nil || got != want {
			t.Errorf("%q: %+v %v", in, got, err)
		}
	}
	for _, bad := range []string{"", "1", "0", "1.0", "-0.5", "nan", "hoops", "hoop:for", ".", "1e-400x"} {
		if _, err := ParseLikelihood(bad); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}

func FuzzParseLedger(f *testing.F) {
	f.Add([]byte(header + goodItem))
	f.Add([]byte(header + "  - {id: x, kind: speech_act, actor: IRN, target: RUS, date: \"2000\", description: d, source: c, status: U, likelihoods: {identity: 0.2}}\n"))
	f.Add([]byte(`{"schema": 1, "items": [{"id": "x", "likelihoods": {"a": {"test": "hoop", "against": true}}}]}`))
	f.Add([]byte("schema: 1\nitems:\n  - id: [\n"))
	if b, err := os.ReadFile("../cases/iran-russia-evidence.yaml"); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse("fuzz.yaml", data)
		if err != nil {
			if bloc.ErrorCode(err) != bloc.EINVALID {
				t.Fatalf("code %s: %v", bloc.ErrorCode(err), err)
			}
			return
		}
		hyps := Hypotheses()
		for _, it := range l.Items {
			if it.ID == "" || it.Date == "" {
				t.Fatalf("item without id or date: %+v", it)
			}
			o, err := ItemObs(it, hyps)
			if err != nil {
				continue
			}
			for _, p := range o.P {
				if !(p >= ClampLo && p <= ClampHi) {
					t.Fatalf("P = %v outside the clamp", p)
				}
			}
		}
		_ = l.Lint(HypothesisIDs(), resolve)
	})
}
