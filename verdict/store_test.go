package verdict

import (
	"bytes"
	"context"
	"flag"
	"github.com/bloc-project/bloc/internal/teststore"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/duckdb"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// openStore opens the test store (internal/teststore): $BLOC_STORE, or one
// imported from $BLOC_DATA for this test process.
func openStore(tb testing.TB) *duckdb.Store {
	tb.Helper()
	return teststore.Open(tb)
}

func explain(t *testing.T, s *duckdb.Store, req Request) *bloc.Verdict {
	t.Helper()
	if req.Options.Params.ThreatForm == "" {
		req.Options = DefaultOptions()
	}
	v, _, err := ExplainRequest(context.Background(), s, req)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./verdict -update)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for k := 0; k < len(gl) && k < len(wl); k++ {
			if gl[k] != wl[k] {
				t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test ./verdict -update to accept)", path, k+1, gl[k], wl[k])
			}
		}
		t.Fatalf("%s differs in length: %d lines, want %d (run go test ./verdict -update to accept)", path, len(gl), len(wl))
	}
}

func TestGolden(t *testing.T) {
	s := openStore(t)
	for _, tc := range []struct {
		name string
		req  Request
	}{
		{"irn-rus", Request{A: "IRN", B: "RUS"}},
		{"pak-chn-1963-1970", Request{A: "Pakistan", B: "China", Period: bloc.Period{From: 1963, To: 1970}}},
		{"vnm-rus-1978", Request{A: "VNM", B: "RUS", Period: bloc.Period{From: 1978, To: 1978}}},
		{"cub-rus-1962", Request{A: "40", B: "365", Period: bloc.Period{From: 1962, To: 1962}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v := explain(t, s, tc.req)
			var b bytes.Buffer
			if err := Text(&b, v); err != nil {
				t.Fatal(err)
			}
			golden(t, tc.name+".txt", b.Bytes())
			if tc.name == "irn-rus" {
				var m bytes.Buffer
				if err := Markdown(&m, v); err != nil {
					t.Fatal(err)
				}
				golden(t, tc.name+".md", m.Bytes())
			}
		})
	}
}

// TestIranRussia checks the shape the paper's case should have.
func TestIranRussia(t *testing.T) {
	s := openStore(t)
	v := explain(t, s, Request{A: "IRN", B: "RUS"})
	if v.Period != (bloc.Period{From: 2009, To: 2018}) {
		t.Fatalf("default period %v", v.Period)
	}
	if v.Tie.Kind != bloc.Alignment {
		t.Fatalf("tie %s: %s", v.Tie.Kind, v.Tie.Basis)
	}
	rank := map[string]int{}
	for _, r := range v.Threats.Rows {
		rank[r.State.Abb] = r.Rank
	}
	if rank["USA"] != 1 || rank["RUS"] == 0 || rank["RUS"] <= rank["ISR"] || rank["RUS"] <= rank["SAU"] {
		t.Fatalf("threat ranks %v", rank)
	}
	score := map[string]float64{}
	for _, r := range v.Theories {
		score[r.ID] = r.Score.V
	}
	top2 := map[string]bool{v.Theories[0].ID: true, v.Theories[1].ID: true}
	if !top2["balance_of_threat"] || !top2["bandwagoning_profit"] {
		t.Fatalf("the two best are %s and %s", v.Theories[0].ID, v.Theories[1].ID)
	}
	for _, id := range []string{"interdependence", "identity", "bandwagoning_walt"} {
		if score[id] >= 0 {
			t.Errorf("%s scores %v", id, score[id])
		}
	}
	if v.Case == nil || len(v.Case.Claims) == 0 {
		t.Fatal("the built-in case is not used")
	}
	verdicts := map[string]bloc.ClaimVerdict{}
	for _, c := range v.Case.Claims {
		verdicts[c.ID] = c.Verdict
	}
	for id, want := range map[string]bloc.ClaimVerdict{
		"t1.proximity":                  bloc.Refuted,   // COW: not contiguous after 1991
		"t1.security_alliance":          bloc.Refuted,   // an alignment, not an alliance
		"t1.not_a_threat":               bloc.Supported, // Russia is not among Iran's threats
		"t1.us_threat":                  bloc.Supported,
		"t3.one_veto":                   bloc.Supported,
		"t3.arms_exporter":              bloc.Supported,
		"t3.trade_2019":                 bloc.NotTestable, // COW trade ends in 2014
		"t3.eurasian_order":             bloc.NotTestable,
		"t4.elites.bfp":                 bloc.NotTestable,
		"t3.russia_revisionist_limited": bloc.Supported,
	} {
		if verdicts[id] != want {
			t.Errorf("claim %s: %s, want %s", id, verdicts[id], want)
		}
	}
	// Every claim of Tables 1, 3 and 4 is listed.
	tables := map[string]int{}
	for _, c := range v.Case.Claims {
		tables[c.Table]++
	}
	if tables["1"] == 0 || tables["3"] == 0 || tables["4"] == 0 {
		t.Fatalf("claims by table %v", tables)
	}
}

func TestStoreBadInput(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		req  Request
		code string
		want []string
	}{
		{"unknown state", Request{A: "Irqn", B: "RUS"}, bloc.ENOTFOUND, []string{`A: no state matches "Irqn"`, "did you mean: Iran (630, IRN)"}},
		{"not in the system", Request{A: "GFR", B: "RUS", Period: bloc.Period{From: 2000, To: 2005}}, bloc.ENODATA,
			[]string{"German Federal Republic (GFR, 260) is not a member of the state system in 2000–2005", "1955-05-05 to 1990-10-02", "1955–1990"}},
		{"not in the system, namesakes", Request{A: "FRN", B: "GMY", Period: bloc.Period{From: 1950, To: 1960}}, bloc.ENODATA,
			[]string{"B: Germany (GMY, 255) is not a member", "similar name: German Democratic Republic (GDR, 265), German Federal Republic (GFR, 260)"}},
		{"same state", Request{A: "Iran", B: "630"}, bloc.EINVALID, []string{"A and B are the same state"}},
		{"from after to", Request{A: "IRN", B: "RUS", Period: bloc.Period{From: 2018, To: 2009}}, bloc.EINVALID, []string{"--from 2018 is after --to 2009"}},
		{"malformed case file", Request{A: "IRN", B: "RUS", CaseFile: filepath.Join("testdata", "bad-case.yaml")}, bloc.EINVALID, []string{"bad-case.yaml:9: facts[0].date"}},
		{"case about another dyad", Request{A: "RUS", B: "IRN", CaseFile: "../cases/iran-russia.yaml"}, bloc.EINVALID, []string{"is about IRN→RUS"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.req.Options = DefaultOptions()
			_, _, err := ExplainRequest(ctx, s, tc.req)
			if bloc.ErrorCode(err) != tc.code {
				t.Fatalf("error %v: code %s, want %s", err, bloc.ErrorCode(err), tc.code)
			}
			msg := err.Error() + " " + strings.Join(bloc.ErrorHints(err), " ")
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q lacks %q", msg, w)
				}
			}
		})
	}
}

// TestNoDataPeriod: after COW trade and the IGO data end, interdependence is
// not testable, and the verdict still comes out.
func TestNoDataPeriod(t *testing.T) {
	s := openStore(t)
	v := explain(t, s, Request{A: "IRN", B: "RUS", Period: bloc.Period{From: 2020, To: 2022}, NoCase: true})
	for _, r := range v.Theories {
		if r.ID == "interdependence" {
			if r.Testable || !strings.Contains(r.NotTestable, "cow_trade_dyadic_v4 covers 1870–2014") {
				t.Fatalf("interdependence 2020–2022: testable %v, %q", r.Testable, r.NotTestable)
			}
			return
		}
	}
	t.Fatal("no interdependence result")
}

func TestBatch(t *testing.T) {
	s := openStore(t)
	rows, err := ParseBatch(strings.NewReader("a,b,from,to\nIRN,RUS,2010,2010\nCUB,RUS,2010,2010\nAtlantis,RUS,2010,2010\nIRN,USA,2009,2018\n"), "b.csv", DefaultPeriod())
	if err != nil {
		t.Fatal(err)
	}
	var res []BatchResult
	var csvOut, jsonOut bytes.Buffer
	cw, jw := NewCSVSummary(&csvOut), NewJSONLines(&jsonOut)
	st, err := RunBatch(context.Background(), s, rows, DefaultOptions(), 2, func(r BatchResult) error {
		res = append(res, r)
		if err := cw.Write(r); err != nil {
			return err
		}
		return jw.Write(r)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := cw.Flush(); err != nil {
		t.Fatal(err)
	}
	if st.Dyads != 4 || st.Failed != 1 || st.Periods != 2 {
		t.Fatalf("stats %+v", st)
	}
	if res[2].Err == nil || res[0].Verdict == nil || res[0].Verdict.B.Abb != "RUS" || res[3].Verdict.Period.From != 2009 || res[1].Row.Line != 3 {
		t.Fatalf("results out of order or wrong: %+v", res)
	}
	if n := strings.Count(csvOut.String(), "\n"); n != 5 || !strings.Contains(csvOut.String(), `no state matches ""Atlantis""`) {
		t.Fatalf("CSV:\n%s", csvOut.String())
	}
	if n := strings.Count(jsonOut.String(), "\n"); n != 4 || !strings.Contains(jsonOut.String(), `"code":"notfound"`) {
		t.Fatalf("JSON lines: %d", n)
	}
}

func BenchmarkExplainIRNRUS(b *testing.B) {
	s := openStore(b)
	for b.Loop() {
		if _, _, err := ExplainRequest(context.Background(), s, Request{A: "IRN", B: "RUS", Options: DefaultOptions()}); err != nil {
			b.Fatal(err)
		}
	}
}
