package verdict

import (
	"bytes"
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
)

func TestExplainEvidenceAndTermination(t *testing.T) {
	v, err := Explain(smallWorld(), 101, 103, period, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if v.SchemaVersion != "1.2" || v.Evidence == nil || v.Termination == nil {
		t.Fatalf("schema %s, evidence %v, termination %v", v.SchemaVersion, v.Evidence != nil, v.Termination != nil)
	}
	ev := v.Evidence
	var sum float64
	for _, h := range ev.Hypotheses {
		sum += h.Posterior
	}
	if len(ev.Hypotheses) != 7 || math.Abs(sum-1) > 1e-9 || ev.Top != v.Evidence.Hypotheses[0].ID || ev.Ledger != nil {
		t.Fatalf("hypotheses %+v", ev.Hypotheses)
	}
	if ev.Top != "balance_of_threat" || len(ev.Decisive) == 0 || len(ev.Assumptions) == 0 || !strings.Contains(ev.Assumptions[0], "independen") {
		t.Fatalf("top %s, decisive %v", ev.Top, ev.Decisive)
	}
	if tm := v.Termination; len(tm.Years) != period.Years() || tm.Threat == nil || tm.Threat.CCode != 102 {
		t.Fatalf("termination %+v", tm)
	}
	var buf bytes.Buffer
	if err := JSON(&buf, v); err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	json.Unmarshal(buf.Bytes(), &back)
	for _, k := range []string{"evidence", "termination"} {
		if back[k] == nil {
			t.Errorf("JSON lacks %q", k)
		}
	}
	for name, fn := range map[string]func(*bytes.Buffer, *bloc.Verdict) error{
		"text": func(b *bytes.Buffer, v *bloc.Verdict) error { return Text(b, v) },
		"md":   func(b *bytes.Buffer, v *bloc.Verdict) error { return Markdown(b, v) },
	} {
		var b bytes.Buffer
		if err := fn(&b, v); err != nil || !strings.Contains(b.String(), "BoT") && !strings.Contains(b.String(), "Balance of threat") {
			t.Errorf("%s: %v", name, err)
		}
	}
	// Compact (batch): no items, no random draws.
	opt := DefaultOptions()
	opt.Compact = true
	c, _ := Explain(smallWorld(), 101, 103, period, opt)
	if len(c.Evidence.Items) != 0 || c.Evidence.Sensitivity.Draws != 0 || c.Evidence.Top != ev.Top {
		t.Fatalf("compact evidence %+v", c.Evidence)
	}
	opt = DefaultOptions()
	opt.NoEvidence, opt.NoTermination = true, true
	if n, _ := Explain(smallWorld(), 101, 103, period, opt); n.Evidence != nil || n.Termination != nil {
		t.Fatal("NoEvidence/NoTermination")
	}
}

// TestIranRussiaEvidence checks the weighing of the paper's case on the data.
func TestIranRussiaEvidence(t *testing.T) {
	s := openStore(t)
	v := explain(t, s, Request{A: "IRN", B: "RUS"})
	ev := v.Evidence
	if ev == nil || ev.Ledger == nil || ev.Ledger.File != "iran-russia-evidence.yaml" || ev.Ledger.Counted != ev.Ledger.Items {
		t.Fatalf("ledger %+v", ev.Ledger)
	}
	top2 := map[string]bool{ev.Top: true, ev.RunnerUp: true}
	if !top2["balance_of_threat"] || !top2["bandwagoning_profit"] {
		t.Fatalf("top %s, runner-up %s", ev.Top, ev.RunnerUp)
	}
	post := map[string]float64{}
	for _, h := range ev.Hypotheses {
		post[h.ID] = h.Posterior
	}
	for _, id := range []string{"identity", "interdependence", "bandwagoning_walt"} {
		if post[id] > 0.01 {
			t.Errorf("posterior of %s %.3f", id, post[id])
		}
	}
	notes := map[string]string{}
	for _, it := range ev.Items {
		notes[it.ID] = it.Note
	}
	if !strings.Contains(notes["karabakh"], "before the period") || !strings.Contains(notes["khamenei_putin_2022"], "after the period") {
		t.Fatalf("notes %q / %q", notes["karabakh"], notes["khamenei_putin_2022"])
	}
	if len(ev.Decisive) == 0 {
		t.Fatal("no decisive item")
	}
	wd := ev.Events
	if wd == nil || len(wd.Series) != 2 || wd.Series[0].Dyad != "IRN→RUS" || wd.Series[0].Covered != 6 || wd.Series[0].Diverging < 4 {
		t.Fatalf("words and deeds %+v", wd)
	}
	tm := v.Termination
	if tm.Threat == nil || tm.Threat.Abb != "USA" || tm.Years[0] != 2009 || len(tm.Risk) != 10 {
		t.Fatalf("termination %+v", tm)
	}
	flagged := map[int][]int{}
	for _, f := range tm.Flagged {
		flagged[f.Condition] = append(flagged[f.Condition], f.Year)
	}
	// Russia voted for resolution 1929 against Iran in 2010 (case fact).
	if ys := flagged[4]; len(ys) == 0 || ys[0] != 2010 {
		t.Fatalf("credibility flags %v", flagged)
	}
	// No ledger, a prior: the weighing follows.
	opt := DefaultOptions()
	nl := explain(t, s, Request{A: "IRN", B: "RUS", NoLedger: true, Prior: "H0=0.5", Options: opt})
	if nl.Evidence.Ledger != nil || nl.Evidence.Prior != "H0=0.5" {
		t.Fatalf("no ledger: %+v", nl.Evidence.Ledger)
	}
	if _, _, err := ExplainRequest(context.Background(), s, Request{A: "IRN", B: "RUS", Prior: "H0=1"}); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Fatalf("bad prior: %v", err)
	}
	if _, _, err := ExplainRequest(context.Background(), s, Request{A: "IRN", B: "RUS", LedgerFile: "testdata/bad-case.yaml"}); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Fatalf("bad ledger: %v", err)
	}
}

// BenchmarkExplainParts times the computation of the IRN→RUS verdict on a
// loaded World with and without the evidence and termination sections.
func BenchmarkExplainParts(b *testing.B) {
	s := openStore(b)
	for _, c := range []struct {
		name   string
		ne, nt bool
	}{{"full", false, false}, {"no-evidence", true, false}, {"no-termination", false, true}, {"neither", true, true}} {
		b.Run(c.name, func(b *testing.B) {
			opt := DefaultOptions()
			opt.NoEvidence, opt.NoTermination = c.ne, c.nt
			pr, err := Prepare(context.Background(), s, Request{A: "IRN", B: "RUS", Options: opt})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := pr.Explain(pr.World); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
