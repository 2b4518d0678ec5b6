package casefile

import (
	"errors"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/cases"
)

const valid = `schema: 1
id: test
title: A test case
dyad: {a: IRN, b: RUS}
source: {citation: "Someone (2023)", key: someone2023}
years: {from: 2000, to: 2010}
facts:
  - id: f1
    kind: power_index
    subject: RUS
    date: "2022-03"
    value: 0.05
    rank: 2
    of: 142
    source: GFP
    citation: gfp2022
    status: V
claims:
  - id: c1
    table: "1"
    theory: balance_of_threat
    claim: Russia is strong.
    check: power_rank
    args: {state: RUS, max: 5}
`

func TestParseValid(t *testing.T) {
	c, err := Parse("test.yaml", []byte(valid))
	if err != nil {
		t.Fatal(err)
	}
	if c.A != "IRN" || c.B != "RUS" || c.Years != (bloc.Period{From: 2000, To: 2010}) || len(c.Facts) != 1 || len(c.Claims) != 1 {
		t.Fatalf("parsed %+v", c)
	}
	f := c.Facts[0]
	if f.Line != 8 || f.Rank != 2 || f.Of != 142 || !f.Value.OK || f.Value.V != 0.05 || f.Status != "V" {
		t.Fatalf("fact %+v", f)
	}
	if c.Claims[0].Args["max"] != "5" || c.Claims[0].Line != 19 {
		t.Fatalf("claim %+v", c.Claims[0])
	}
	facts, err := c.WorldFacts(func(s string) (bloc.CCode, error) { return map[string]bloc.CCode{"RUS": 365}[s], nil })
	if err != nil || facts[0].SubjectCode != 365 || facts[0].Year != 2022 {
		t.Fatalf("world facts %+v, %v", facts, err)
	}
}

func TestShippedCases(t *testing.T) {
	for _, name := range cases.Names() {
		b, err := cases.Read(name)
		if err != nil {
			t.Fatal(err)
		}
		c, err := Parse(name, b)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(c.Facts) == 0 || len(c.Claims) == 0 {
			t.Fatalf("%s has no facts or claims", name)
		}
	}
}

func TestMalformed(t *testing.T) {
	for _, tc := range []struct {
		name, edit, want string
	}{
		{"bad YAML", "dyad: {a: IRN, b: RUS", "test.yaml:"},
		{"unknown field", "title: A test case\ncolour: red", "test.yaml:4: colour: unknown field"},
		{"bad date", `date: "2022-03"`, `test.yaml:11: facts[0].date: "2022-13" is not a date`},
		{"bad status", "status: V", `test.yaml:17: facts[0].status: "X" is not a status`},
		{"missing citation", "    citation: gfp2022\n", "test.yaml:8: facts[0].citation: missing"},
		{"bad value", "value: 0.05", `test.yaml:12: facts[0].value: "lots" is not a number`},
		{"rank above of", "rank: 2", "facts[0].rank: rank 200 of 142 is not possible"},
		{"duplicate id", "  - id: c1", `test.yaml:19: claims[0].id: "f1" is already used on line 8`},
		{"schema", "schema: 1", "schema: version 2 is not supported"},
		{"claim without check", "    check: power_rank\n", "test.yaml:19: claims[0].check: missing"},
		{"years reversed", "years: {from: 2000, to: 2010}", "years: from 2010 to 2000 is not a valid span"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := valid
			switch tc.name {
			case "bad YAML":
				src = strings.Replace(src, "dyad: {a: IRN, b: RUS}", tc.edit, 1)
			case "unknown field":
				src = strings.Replace(src, "title: A test case", tc.edit, 1)
			case "bad date":
				src = strings.Replace(src, tc.edit, `date: "2022-13"`, 1)
			case "bad status":
				src = strings.Replace(src, tc.edit, "status: X", 1)
			case "missing citation", "claim without check":
				src = strings.Replace(src, tc.edit, "", 1)
			case "bad value":
				src = strings.Replace(src, tc.edit, "value: lots", 1)
			case "rank above of":
				src = strings.Replace(src, tc.edit, "rank: 200", 1)
			case "duplicate id":
				src = strings.Replace(src, tc.edit, "  - id: f1", 1)
			case "schema":
				src = strings.Replace(src, tc.edit, "schema: 2", 1)
			case "years reversed":
				src = strings.Replace(src, tc.edit, "years: {from: 2010, to: 2000}", 1)
			}
			_, err := Parse("test.yaml", []byte(src))
			if err == nil {
				t.Fatal("no error")
			}
			var be *bloc.Error
			if !errors.As(err, &be) || be.Code != bloc.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %q does not contain %q", err, tc.want)
			}
		})
	}
}

func TestWorldFactsUnknownState(t *testing.T) {
	c, err := Parse("test.yaml", []byte(strings.Replace(valid, "subject: RUS", "subject: Atlantis", 1)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.WorldFacts(func(s string) (bloc.CCode, error) { return 0, bloc.Errorf(bloc.ENOTFOUND, "no state matches %q", s) })
	if err == nil || !strings.Contains(err.Error(), "test.yaml:8: facts[0].subject: no state matches \"Atlantis\"") {
		t.Fatalf("error = %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(valid))
	b, _ := cases.Read(cases.Names()[0])
	f.Add(b)
	f.Add([]byte("schema: 1\nfacts: [1, 2]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.yaml", data)
		if err != nil {
			if bloc.ErrorCode(err) != bloc.EINVALID || !strings.HasPrefix(err.Error(), "casefile: fuzz.yaml") {
				t.Fatalf("error %q: code %s", err, bloc.ErrorCode(err))
			}
			return
		}
		if c.ID == "" || c.A == "" || c.B == "" {
			t.Fatalf("parsed a case without id or dyad: %+v", c)
		}
	})
}
