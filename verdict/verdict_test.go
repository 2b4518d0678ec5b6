package verdict

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/casefile"
	"github.com/bloc-project/bloc/world"
	"github.com/bloc-project/bloc/world/worldtest"
)

var period = bloc.Period{From: 2000, To: 2004}

func smallWorld() *world.World {
	return worldtest.New(2000, 2004).
		State(2, "HEG", 40, -100, 80).Major(2).Ideal(2, 0).
		State(101, "WEAK", 0, 0, 1).Ideal(101, 0).
		State(102, "GIANT", 0, 3, 40).Major(102).Ideal(102, -1.5).
		State(103, "STRONG", -30, 120, 35).Major(103).Ideal(103, 0).
		Fillers(10, 20).
		Contig(101, 102, 1).MinDist(101, 102, 0).
		Dispute(1, 102, 101, 1998, 4, 3, 1).Dispute(2, 102, 101, 2001, 5, 4, 1).
		Rivalry(101, 102, "spatial").Rivalry(103, 102, "positional").
		Events(102, 101, world.Quad{100, 10, 200, 90}).
		Pledge(101, 103, world.Pledges{Defense: true}).Done()
}

func TestExplain(t *testing.T) {
	v, err := Explain(smallWorld(), 101, 103, period, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if v.SchemaVersion != bloc.VerdictSchemaVersion || v.Tie.Kind != bloc.Alliance || v.Theories[0].ID != "balance_of_threat" {
		t.Fatalf("verdict: schema %s, tie %s, first %s", v.SchemaVersion, v.Tie.Kind, v.Theories[0].ID)
	}
	if v.Threats.Rows[0].State.CCode != 102 {
		t.Fatalf("top threat %v", v.Threats.Rows[0].State)
	}
	if v.Comparison == nil || len(v.Comparison.Rows) != 4 || v.Comparison.First != "balance_of_threat" {
		t.Fatalf("comparison %+v", v.Comparison)
	}
	if len(v.Ranking) != len(v.Theories) || len(v.Types) != 3 {
		t.Fatalf("%d ranking entries, %d types", len(v.Ranking), len(v.Types))
	}
	// JSON: every list is an array, missing values are null.
	var buf bytes.Buffer
	if err := JSON(&buf, v); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte(`": null,\n      "`)) && bytes.Contains(buf.Bytes(), []byte(`"pledges": null`)) {
		t.Fatal("a list is null in JSON")
	}
	var back map[string]any
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"schema_version", "a", "b", "period", "question", "tie", "threats", "types", "theories", "ranking", "comparison", "case", "params", "sources", "notes"} {
		if _, ok := back[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	if back["case"] != nil {
		t.Error("case is not null without a case file")
	}
	// Text and Markdown render without error and name the tie.
	for name, fn := range map[string]func(*bytes.Buffer, *bloc.Verdict) error{
		"text": func(b *bytes.Buffer, v *bloc.Verdict) error { return Text(b, v) },
		"md":   func(b *bytes.Buffer, v *bloc.Verdict) error { return Markdown(b, v) },
	} {
		var b bytes.Buffer
		if err := fn(&b, v); err != nil || !strings.Contains(strings.ToLower(b.String()), "alliance") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestExplainBadInput(t *testing.T) {
	w := smallWorld()
	if _, err := Explain(w, 101, 101, period, DefaultOptions()); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Fatalf("A = B: %v", err)
	}
	if _, err := Explain(w, 101, 103, bloc.Period{From: 2004, To: 2000}, DefaultOptions()); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Fatalf("from after to: %v", err)
	}
	if _, err := Explain(w, 101, 999, period, DefaultOptions()); bloc.ErrorCode(err) != bloc.ENODATA {
		t.Fatalf("a state outside the system: %v", err)
	}
	if _, err := CheckPeriod(2010, 2005); bloc.ErrorCode(err) != bloc.EINVALID || !strings.Contains(err.Error(), "--from 2010 is after --to 2005") {
		t.Fatalf("CheckPeriod: %v", err)
	}
}

func TestNoDataForATheory(t *testing.T) {
	w := smallWorld()
	for _, s := range []world.Source{world.Trade, world.TradeTotal, world.IGO} {
		w.Uncover(s)
	}
	v, err := Explain(w, 101, 103, period, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range v.Notes {
		found = found || strings.Contains(n, "Economic interdependence (Keohane & Nye) is not testable")
	}
	if !found {
		t.Fatalf("notes do not say interdependence is not testable: %q", v.Notes)
	}
	last := v.Theories[len(v.Theories)-1]
	if last.Testable || last.Score.OK {
		t.Fatalf("the untestable theory does not rank last: %+v", last.ID)
	}
}

func TestNoTie(t *testing.T) {
	// GIANT and WEAK are not aligned: the theories are scored on the absence.
	v, err := Explain(smallWorld(), 101, 102, period, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if v.Tie.Kind != bloc.NoTie || !strings.HasPrefix(v.Question, "Does") {
		t.Fatalf("tie %s, question %q", v.Tie.Kind, v.Question)
	}
	for _, r := range v.Theories {
		if r.ID == "balance_of_threat" && (r.Score.V <= 0) {
			t.Fatalf("balance of threat does not explain why WEAK does not align with its threat: %v", r.Score)
		}
	}
}

func TestValidateCase(t *testing.T) {
	src := `schema: 1
id: x
title: x
dyad: {a: WEAK, b: STRONG}
claims:
  - id: c1
    table: "1"
    claim: something
    check: astrology
`
	c, err := casefile.Parse("x.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	err = ValidateCase(c)
	if err == nil || !strings.Contains(err.Error(), `x.yaml:6: claims[0].check: unknown check "astrology"`) {
		t.Fatalf("ValidateCase: %v", err)
	}
}

func TestParseBatch(t *testing.T) {
	def := bloc.Period{From: 2009, To: 2018}
	rows, err := ParseBatch(strings.NewReader("a,b,from,to\nIRN,RUS,,\n630,2,2001,2002\n\n"), "d.csv", def)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Period != def || rows[1].Period != (bloc.Period{From: 2001, To: 2002}) || rows[1].Line != 3 {
		t.Fatalf("rows %+v", rows)
	}
	for _, tc := range []struct{ in, want string }{
		{"x,y\nIRN,RUS\n", "d.csv:1: the header must name the columns a and b"},
		{"a,b,from\nIRN,RUS,soon\n", `d.csv:2: from "soon" is not a year`},
		{"a,b,from,to\nIRN,RUS,2010,2005\n", "d.csv:2: from 2010 is after to 2005"},
		{"", "d.csv is empty"},
	} {
		_, err := ParseBatch(strings.NewReader(tc.in), "d.csv", def)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("ParseBatch(%q) = %v, want %q", tc.in, err, tc.want)
		}
	}
}

func TestDefaultPeriod(t *testing.T) {
	if p := DefaultPeriod(); p != (bloc.Period{From: 2009, To: 2018}) {
		t.Fatalf("DefaultPeriod = %v", p)
	}
}
