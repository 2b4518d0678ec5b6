package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvidenceListAndCheck(t *testing.T) {
	code, out, errs := run("evidence", "list")
	if code != 0 || !strings.Contains(out, "khamenei_putin_2022") || !strings.Contains(out, "northern_alliance") {
		t.Fatalf("list: %d %s %s", code, out, errs)
	}
	code, out, _ = run("--format", "json", "evidence", "list")
	var doc struct {
		ID    string `json:"id"`
		Items []struct {
			ID          string         `json:"id"`
			Likelihoods map[string]any `json:"likelihoods"`
		} `json:"items"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || len(doc.Items) < 9 {
		t.Fatalf("list json: %d %s", code, out)
	}
	needStore(t)
	// The JSON is itself a ledger.
	dir := t.TempDir()
	js := filepath.Join(dir, "l.json")
	os.WriteFile(js, []byte(out), 0o644)
	if code, out, errs := run("--store", testStore, "evidence", "check", js); code != 0 || !strings.Contains(out, "ok, 9 items") {
		t.Fatalf("check json: %d %s %s", code, out, errs)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte(`schema: 1
id: bad
title: Bad
dyad: {a: IRN, b: RUS}
period: {from: 2000, to: 2020}
items:
  - id: x
    kind: speech_act
    actor: IRN
    target: Ruritania
    date: "2010"
    description: d
    source: c
    status: U
    likelihoods: {balance_of_threat: hoop, idenity: 0.3}
    otherwise: 0.5
  - id: y
    kind: practical_action
    actor: IRN
    target: RUS
    date: "1999"
    description: d
    source: c
    status: U
    likelihoods: {balance_of_threat: 1.5}
`), 0o644)
	code, out, errs = run("--store", testStore, "evidence", "check", bad)
	if code != 2 || !strings.Contains(errs, "problem(s)") {
		t.Fatalf("check bad: %d %s %s", code, out, errs)
	}
	for _, w := range []string{"bad.yaml:21: items[1] (y).date", "outside the ledger's period", "bad.yaml:25: items[1] (y).likelihoods.balance_of_threat", "1.5 is not a probability"} {
		if !strings.Contains(out, w) {
			t.Errorf("check bad: %q lacks %q", out, w)
		}
	}
	// Once the structure is right, the names are checked.
	fixed := strings.NewReplacer(`"1999"`, `"2005"`, "balance_of_threat: 1.5", "balance_of_threat: 0.5").Replace(string(mustRead(t, bad)))
	os.WriteFile(bad, []byte(fixed), 0o644)
	code, out, _ = run("--store", testStore, "evidence", "check", bad)
	if code != 2 || !strings.Contains(out, "items[0] (x).likelihoods.idenity") || !strings.Contains(out, `did you mean "identity"`) || !strings.Contains(out, "items[0] (x).target") {
		t.Fatalf("check names: %d %s", code, out)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEvidenceAdd(t *testing.T) {
	needStore(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "l.yaml")
	os.WriteFile(path, []byte("schema: 1\nid: mine\ntitle: Mine\ndyad: {a: IRN, b: RUS}\nperiod: {from: 1990, to: 2024}\nitems: []\n"), 0o644)
	base := []string{"--store", testStore, "evidence", "add", path, "--kind", "practical_action", "--actor", "IRN", "--target", "RUS",
		"--date", "2023-07-04", "--description", "Iran joins the SCO", "--citation", "SCO (2023)", "--status", "V"}
	code, out, errs := run(append(base, "--id", "sco", "-l", "bandwagoning_profit=straw", "-l", "identity=hoop:against", "--otherwise", "0.45")...)
	if code != 0 || !strings.Contains(out, "added sco") {
		t.Fatalf("add: %d %s %s", code, out, errs)
	}
	before := mustRead(t, path)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--id", "sco", "-l", "identity=0.3"}, "already used"},
		{[]string{"--id", "p", "-l", "identity=1.3"}, "1.3 is not a probability"},
		{[]string{"--id", "u", "-l", "realism=hoop"}, `"realism" is not a theory`},
		{[]string{"--id", "q", "-l", "identity"}, "not THEORY=SPEC"},
		{[]string{"--id", "d", "--date", "1980", "-l", "identity=0.3"}, "outside the ledger's period"},
		{[]string{"--id", "s", "--actor", "Atlantis", "-l", "identity=0.3"}, "Atlantis"},
		{[]string{"--id", "o", "-l", "identity=0.3", "--otherwise", "1"}, "--otherwise"},
	} {
		args := append(append([]string(nil), base...), c.args...)
		code, _, errs := run(args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: %d %s", c.args, code, errs)
		}
		if string(mustRead(t, path)) != string(before) {
			t.Fatalf("%v: the ledger changed", c.args)
		}
	}
	code, out, _ = run("evidence", "list", path)
	if code != 0 || !strings.Contains(out, "identity=hoop:against") {
		t.Fatalf("list: %s", out)
	}
}

func TestEvidenceWeighAndEvents(t *testing.T) {
	needStore(t)
	code, out, errs := run("--store", testStore, "--format", "json", "evidence", "weigh", "IRN", "RUS", "--draws", "100")
	var ev struct {
		Top        string `json:"top"`
		Hypotheses []struct {
			ID        string  `json:"id"`
			Posterior float64 `json:"posterior"`
		} `json:"hypotheses"`
		Decisive []struct{ ID string } `json:"decisive"`
		Ledger   *struct{ Items int }  `json:"ledger"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &ev) != nil || len(ev.Hypotheses) != 7 || ev.Ledger == nil || len(ev.Decisive) == 0 {
		t.Fatalf("weigh: %d %s %s", code, out[:min(len(out), 300)], errs)
	}
	if ev.Top != "bandwagoning_profit" && ev.Top != "balance_of_threat" {
		t.Errorf("top %s", ev.Top)
	}
	code, out, _ = run("--store", testStore, "evidence", "weigh", "IRN", "RUS", "--no-tests", "--prior", "BoT=0.4")
	if code != 0 || !strings.Contains(out, "prior BoT=0.4") || !strings.Contains(out, "0 theory tests") || !strings.Contains(out, "independen") {
		t.Fatalf("weigh --no-tests: %d %s", code, out)
	}
	if code, _, errs := run("--store", testStore, "evidence", "weigh", "IRN", "RUS", "--prior", "BoT=2"); code != 2 || !strings.Contains(errs, "--prior") {
		t.Fatalf("bad prior: %d %s", code, errs)
	}
	code, out, errs = run("--store", testStore, "evidence", "events", "IRN", "RUS")
	if code != 0 || !strings.Contains(out, "IRN→RUS") || !strings.Contains(out, "words outran deeds") {
		t.Fatalf("events: %d %s %s", code, out, errs)
	}
	if code, _, errs := run("--store", testStore, "evidence", "events", "IRN", "RUS", "--from", "1990", "--to", "1995"); code != 1 || !strings.Contains(errs, "no event data") {
		t.Fatalf("events without data: %d %s", code, errs)
	}
}

func TestMonitorCLI(t *testing.T) {
	if code, _, errs := run("monitor", "IRN"); code != 2 || !strings.Contains(errs, "two states") {
		t.Fatalf("one state: %d %s", code, errs)
	}
	needStore(t)
	code, out, errs := run("--store", testStore, "--format", "json", "monitor", "IRN", "RUS")
	var tm struct {
		Years  []int `json:"years"`
		Series []struct {
			ID     string     `json:"id"`
			Values []*float64 `json:"values"`
		} `json:"series"`
		Conditions []struct {
			Flags []*bool `json:"flags"`
		} `json:"conditions"`
		Risk   []*float64 `json:"risk"`
		Threat struct {
			Abb string `json:"stateabb"`
		} `json:"threat"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &tm) != nil {
		t.Fatalf("monitor: %d %s", code, errs)
	}
	if len(tm.Years) != 10 || tm.Years[0] != 2009 || len(tm.Conditions) != 6 || len(tm.Risk) != 10 || tm.Threat.Abb != "USA" {
		t.Fatalf("monitor json %+v", tm)
	}
	for _, s := range tm.Series {
		if len(s.Values) != len(tm.Years) {
			t.Fatalf("%s: %d values", s.ID, len(s.Values))
		}
	}
	code, out, _ = run("--store", testStore, "--format", "csv", "monitor", "IRN", "RUS", "--from", "2005", "--to", "2010", "--window", "2")
	if lines := strings.Split(strings.TrimSpace(out), "\n"); code != 0 || len(lines) != 7 || !strings.HasPrefix(lines[0], "year,c1.partner_intent,") {
		t.Fatalf("monitor csv: %d %s", code, out)
	}
	code, out, _ = run("--store", testStore, "monitor", "IRN", "RUS", "--threat", "ISR")
	if code != 0 || !strings.Contains(out, "outside threat ISR") {
		t.Fatalf("monitor text: %d %s", code, out)
	}
	if code, _, _ := run("--store", testStore, "monitor", "IRN", "RUS", "--window", "0"); code != 2 {
		t.Fatalf("--window 0: %d", code)
	}
}

func TestWhatifCLI(t *testing.T) {
	for _, args := range [][]string{
		{"whatif", "IRN", "RUS"},
		{"whatif", "IRN", "RUS", "--set", "IRN.cinc*=two"},
		{"whatif", "IRN", "RUS", "--set", "IRN.colour=1"},
		{"whatif", "IRN", "RUS", "--scenario", "iran-joins-nato"},
	} {
		if code, _, errs := run(args...); code != 2 || !strings.HasPrefix(errs, "bloc: ") {
			t.Errorf("%v: %d %s", args, code, errs)
		}
	}
	if code, _, errs := run("whatif", "IRN", "RUS", "--set", "IRN.cinc*=two"); !strings.Contains(errs, `--set "IRN.cinc*=two"`) {
		t.Errorf("the error does not name the flag: %d %s", code, errs)
	}
	needStore(t)
	code, out, errs := run("--store", testStore, "--format", "json", "whatif", "IRN", "RUS", "--scenario", "iran-grows-strong", "--set", "USA.intentions=low@2015")
	var rep struct {
		At        int                   `json:"at"`
		Baseline  struct{ Best string } `json:"baseline"`
		Scenarios []struct {
			Name    string   `json:"name"`
			Changes []string `json:"changes"`
			Applied []string `json:"applied"`
		} `json:"scenarios"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &rep) != nil || len(rep.Scenarios) != 2 || rep.At != 2014 {
		t.Fatalf("whatif: %d %s %s", code, out[:min(300, len(out))], errs)
	}
	if rep.Scenarios[0].Name != "custom" || !strings.Contains(rep.Scenarios[0].Applied[0], "2015") {
		t.Fatalf("custom %+v", rep.Scenarios[0])
	}
	if ch := strings.Join(rep.Scenarios[1].Changes, "\n"); !strings.Contains(ch, "bandwagoning_profit: rank 1") || !strings.Contains(ch, "c3.capability_growth") {
		t.Fatalf("iran-grows-strong: %s", ch)
	}
	code, out, _ = run("--store", testStore, "whatif", "IRN", "RUS", "--scenario", "us-threat-fades")
	if code != 0 || !strings.Contains(out, "baseline") || !strings.Contains(out, "c2.threat_fades") {
		t.Fatalf("whatif text: %d %s", code, out)
	}
	if code, _, errs := run("--store", testStore, "whatif", "IRN", "RUS", "--set", "Atlantis.cinc*=2"); code != 2 || !strings.Contains(errs, "Atlantis") {
		t.Fatalf("unknown state: %d %s", code, errs)
	}
}

func TestExplainEvidenceFlags(t *testing.T) {
	needStore(t)
	code, out, errs := run("--store", testStore, "--format", "json", "explain", "IRN", "RUS")
	var v struct {
		SchemaVersion string `json:"schema_version"`
		Evidence      struct {
			Top    string `json:"top"`
			Ledger struct {
				File string `json:"file"`
			} `json:"ledger"`
		} `json:"evidence"`
		Termination struct {
			Years []int `json:"years"`
		} `json:"termination"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &v) != nil || v.SchemaVersion != "1.2" || v.Evidence.Ledger.File != "iran-russia-evidence.yaml" || len(v.Termination.Years) != 10 {
		t.Fatalf("explain: %d %s", code, errs)
	}
	code, out, _ = run("--store", testStore, "explain", "IRN", "RUS", "--no-ledger", "--prior", "BfP=0.2")
	if code != 0 || !strings.Contains(out, "No evidence ledger") || !strings.Contains(out, "prior BfP=0.2") {
		t.Fatalf("--no-ledger: %d", code)
	}
	if code, _, errs := run("--store", testStore, "explain", "IRN", "RUS", "--prior", "BfP=1"); code != 2 || !strings.Contains(errs, "--prior") {
		t.Fatalf("bad prior: %d %s", code, errs)
	}
	if code, _, errs := run("--store", testStore, "explain", "IRN", "RUS", "--ledger", "/nonexistent.yaml"); code != 1 || !strings.Contains(errs, "cannot read the evidence ledger") {
		t.Fatalf("missing ledger: %d %s", code, errs)
	}
}

func TestEvidenceHelp(t *testing.T) {
	for _, args := range [][]string{{"evidence", "--help"}, {"evidence", "add", "--help"}, {"evidence", "list", "--help"}, {"evidence", "check", "--help"},
		{"evidence", "weigh", "--help"}, {"evidence", "events", "--help"}, {"monitor", "--help"}, {"whatif", "--help"}} {
		code, out, errs := run(args...)
		if code != 0 || !strings.Contains(out, "Usage:") {
			t.Errorf("%v: %d %s %s", args, code, out, errs)
		}
	}
	if _, out, _ := run("whatif", "--help"); !strings.Contains(out, "us-threat-fades") || !strings.Contains(out, "STATE.FIELD") {
		t.Errorf("whatif --help does not list the scenarios and the grammar")
	}
}
