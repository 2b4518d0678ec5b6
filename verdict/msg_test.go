package verdict

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/casefile"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/report"
	"github.com/bloc-project/bloc/world"
	"github.com/bloc-project/bloc/world/worldtest"
)

// msgCase exercises every check of a case file, and most of the shapes of
// their sentences, on msgWorld.
const msgCase = `schema: 1
id: msg
title: Every check
dyad: {a: WEAK, b: STRONG}
source: {citation: "Nobody (2024)"}
years: {from: 2000, to: 2004}
facts:
  - {id: f1, kind: power_index, subject: GIANT, date: "2003", value: 0.5, rank: 1, of: 9, text: "GIANT leads", source: s, citation: c, status: V}
  - {id: f2, kind: unsc_resolution, subject: GIANT, date: "2002-05-01", source: s, citation: c, status: M}
  - {id: f3, kind: unsc_resolution, subject: GIANT, date: "2003-01-01", source: s, citation: c, status: U}
claims:
  - {id: c01, table: "1", claim: x, check: power_rank, args: {state: GIANT}}
  - {id: c02, table: "1", claim: x, check: power_rank, args: {state: GIANT, facts: f1}}
  - {id: c03, table: "1", claim: x, check: offense_rank, args: {state: GIANT, of: WEAK}}
  - {id: c04, table: "1", claim: x, check: contiguous, args: {a: WEAK, b: GIANT}}
  - {id: c05, table: "1", claim: x, check: contiguous, args: {a: WEAK, b: STRONG}}
  - {id: c06, table: "1", claim: x, check: intent, args: {from: GIANT, to: WEAK, below: "0.33"}}
  - {id: c07, table: "1", claim: x, check: intent, args: {from: STRONG, to: WEAK, above: "0.33"}}
  - {id: c08, table: "1", claim: x, check: threat_rank, args: {state: GIANT, of: WEAK, max: 1}}
  - {id: c09, table: "1", claim: x, check: threat_rank, args: {state: HEG, of: WEAK, min: 4}}
  - {id: c10, table: "1", claim: x, check: tie_kind, args: {kind: alliance}}
  - {id: c11, table: "1", claim: x, check: tie_kind, args: {kind: alignment}}
  - {id: c12, table: "1", claim: x, check: opposes, args: {a: STRONG, b: GIANT}}
  - {id: c13, table: "1", claim: x, check: opposes, args: {a: WEAK, b: STRONG}}
  - {id: c14, table: "1", claim: x, check: theory_score, args: {theories: balance_of_threat}}
  - {id: c15, table: "1", claim: x, check: theory_score, args: {theories: "balance_of_threat,identity", max: "0"}}
  - {id: c16, table: "1", claim: x, check: theory_score, args: {theories: "balance_of_threat,identity,balance_of_power"}}
  - {id: c17, table: "1", claim: x, check: theory_test, args: {theory: balance_of_threat, test: bot.threat}}
  - {id: c18, table: "1", claim: x, check: theory_test, args: {theory: balance_of_threat, test: bot.nothing}}
  - {id: c19, table: "1", claim: x, check: regional_leader, args: {state: GIANT, of: WEAK}}
  - {id: c20, table: "1", claim: x, check: gains, args: {}}
  - {id: c21, table: "1", claim: x, check: gains, args: {tie: alignment}}
  - {id: c22, table: "1", claim: x, check: state_type, args: {state: GIANT, revisionist: "true"}}
  - {id: c23, table: "1", claim: x, check: state_type, args: {state: GIANT, aims: unlimited}}
  - {id: c24, table: "1", claim: x, check: state_type, args: {state: GIANT, revisionist: "true", aims: limited, strong: "true"}}
  - {id: c25, table: "1", claim: x, check: state_type, args: {state: HEG, revisionist: "false", aims: limited}}
  - {id: c26, table: "1", claim: x, check: state_type, args: {state: HEG, strong: "true"}}
  - {id: c27, table: "1", claim: x, check: state_type, args: {state: WEAK}}
  - {id: c28, table: "1", claim: x, check: stronger, args: {a: GIANT, b: WEAK}}
  - {id: c29, table: "1", claim: x, check: veto, args: {by: GIANT, draft: S/2002/1}}
  - {id: c30, table: "1", claim: x, check: veto, args: {by: GIANT, draft: S/2002/9}}
  - {id: c31, table: "1", claim: x, check: no_veto, args: {by: GIANT, facts: "f2,f3"}}
  - {id: c32, table: "1", claim: x, check: no_veto, args: {by: HEG, facts: "f2,f3"}}
  - {id: c33, table: "1", claim: x, check: arms_exporter_rank, args: {state: STRONG, from: 2000, to: 2004, rank: 1}}
  - {id: c34, table: "1", claim: x, check: arms_exporter_rank, args: {state: STRONG, from: 1990, to: 1995}}
  - {id: c35, table: "1", claim: x, check: arms_buyer_share, args: {supplier: STRONG, recipient: WEAK, from: 2000, to: 2004}}
  - {id: c36, table: "1", claim: x, check: arms_buyer_share, args: {supplier: WEAK, recipient: STRONG, from: 2000, to: 2004}}
  - {id: c37, table: "1", claim: x, check: trade_flow, args: {exporter: STRONG, importer: WEAK, year: 2003, value: 90}}
  - {id: c38, table: "1", claim: x, check: trade_flow, args: {exporter: STRONG, importer: WEAK, year: 2019, value: 90}}
  - {id: c39, table: "1", claim: x, check: partner_rank, args: {state: STRONG, of: WEAK}}
  - {id: c40, table: "1", claim: x, check: sanctions_rank, args: {year: 2003, states: GIANT}}
  - {id: c41, table: "1", claim: x, check: sanctions_rank, args: {year: 2003, states: "GIANT,WEAK"}}
  - {id: c42, table: "1", claim: x, check: sanctions_rank, args: {year: 2003, states: "GIANT,WEAK,HEG"}}
  - {id: c43, table: "1", claim: x, check: fact, args: {facts: "f1,f2"}}
  - {id: c44, table: "1", claim: x, check: not_testable, args: {}}
  - {id: c45, table: "1", claim: x, check: not_testable, args: {reason: "the case file's own reason"}}
  - {id: c46, table: "1", claim: x, check: power_rank, args: {state: NOPE}}
  - {id: c47, table: "1", claim: x, check: power_rank, args: {state: GIANT, max: lots}}
  - {id: c48, table: "1", claim: x, check: power_rank, args: {state: GIANT}, note: "A note of the case file."}
  - {id: c49, table: "1", claim: x, check: theory_score, args: {theories: "identity,balance_of_threat"}}
  - {id: c50, table: "1", claim: x, check: theory_score, args: {theories: identity}}
  - {id: c51, table: "1", claim: x, check: gains, args: {tie: alliance}}
`

func msgWorld() *world.World {
	w := worldtest.New(2000, 2004).
		State(2, "HEG", 40, -100, 80).Major(2).Ideal(2, 0).
		State(101, "WEAK", 0, 0, 1).Ideal(101, 0).
		State(102, "GIANT", 0, 3, 40).Major(102).Ideal(102, -1.5).
		State(103, "STRONG", -30, 120, 35).Major(103).Ideal(103, 0).
		Fillers(10, 20).
		Contig(101, 102, 1).MinDist(101, 102, 0).MinDist(101, 103, 800).
		Dispute(1, 102, 101, 1998, 4, 3, 1).Dispute(2, 102, 101, 2001, 5, 4, 1).
		Rivalry(101, 102, "spatial").Rivalry(103, 102, "positional").
		Events(102, 101, world.Quad{100, 10, 200, 90}).
		Pledge(101, 103, world.Pledges{Defense: true}).
		Arms(103, 101, 50).Arms(2, 101, 10).Arms(2, 103, 30).
		Trade(101, 103, 100, 80).Trade(101, 2, 30, 20).
		Sanction(2, 102).Sanction(103, 102).Sanction(2, 101).
		Done()
	w.Vetoes = []world.Veto{{Date: "2002-05-01", Year: 2002, Draft: "S/2002/1", Agenda: "Something", Vetoers: []bloc.CCode{102}}}
	w.SetCover(world.Vetoes, world.Coverage{Years: bloc.Period{From: 2000, To: 2004}})
	return w
}

// proseOf tells the claims of cf whose why is the case file's own prose
// (a note, or the reason a claim is not testable), which has no message.
func proseOf(cf *casefile.Case) map[string]bool {
	prose := map[string]bool{}
	if cf == nil {
		return prose
	}
	for _, cl := range cf.Claims {
		prose[cl.ID] = cl.Note != "" || (cl.Check == "not_testable" && cl.Args["reason"] != "")
	}
	return prose
}

// checkMsgs checks that every sentence of the verdict this package writes
// has its message, saying the same in English: the claims' Why (but for
// the case file's own prose, which has none) and the notes.
func checkMsgs(t *testing.T, v *bloc.Verdict, cf *casefile.Case) (msgs int) {
	t.Helper()
	if len(v.NotesMsg) != len(v.Notes) {
		t.Fatalf("%d notes, %d messages", len(v.Notes), len(v.NotesMsg))
	}
	for k, n := range v.Notes {
		if m := v.NotesMsg[k]; m.IsZero() || m.String() != n {
			t.Errorf("note %d: %q has the message %q", k, n, m.String())
		}
		msgs++
	}
	if v.Case == nil {
		return msgs
	}
	prose := proseOf(cf)
	for _, c := range v.Case.Claims {
		switch {
		case c.Why == "":
			t.Errorf("claim %s: no why", c.ID)
		case prose[c.ID]:
			if c.WhyMsg != nil {
				t.Errorf("claim %s: the case file's prose %q has the message %q", c.ID, c.Why, c.WhyMsg.String())
			}
		case c.WhyMsg == nil:
			t.Errorf("claim %s: %q has no message", c.ID, c.Why)
		case c.WhyMsg.String() != c.Why:
			t.Errorf("claim %s: why %q, message %q", c.ID, c.Why, c.WhyMsg.String())
		default:
			msgs++
		}
	}
	return msgs
}

func TestMessages(t *testing.T) {
	cf, err := casefile.Parse("msg.yaml", []byte(msgCase))
	if err != nil {
		t.Fatal(err)
	}
	w := msgWorld()
	abb := map[string]bloc.CCode{"HEG": 2, "WEAK": 101, "GIANT": 102, "STRONG": 103}
	if w.Facts, err = cf.WorldFacts(func(s string) (bloc.CCode, error) { return abb[s], nil }); err != nil {
		t.Fatal(err)
	}
	opt := DefaultOptions()
	opt.Case = cf
	v, err := Explain(w, 101, 103, period, opt)
	if err != nil {
		t.Fatal(err)
	}
	if n := checkMsgs(t, v, cf); n < len(cf.Claims)-2 {
		t.Errorf("only %d messages", n)
	}
	checkPersian(t, v, cf)
	why := map[string]bloc.ClaimCheck{}
	for _, c := range v.Case.Claims {
		why[c.ID] = c
	}
	// Spot checks of the English, which must not change.
	for id, want := range map[string]string{
		"c44": "Not testable with the loaded data.",
		"c45": "The case file's own reason.",
		"c46": `the claim's arguments are wrong: no state "NOPE"`,
		"c47": `the claim's arguments are wrong: argument max="lots" is not a number`,
		"c18": `the claim's arguments are wrong: theory balance_of_threat has no test "bot.nothing"`,
		"c30": "The UNSC veto data have no veto of S/2002/9 by GIANT.",
	} {
		if got := why[id].Why; got != want {
			t.Errorf("claim %s: %q, want %q", id, got, want)
		}
	}
	if c := why["c48"]; !strings.HasSuffix(c.Why, ". A note of the case file.") || c.WhyMsg != nil {
		t.Errorf("claim with a note: %q, %v", c.Why, c.WhyMsg)
	}
	// Identifiers keep their digits in every language: they are terms
	// without a catalogue entry.
	if m := why["c30"].WhyMsg; m == nil || !m.Args[0].Code || m.Args[0].V != "S/2002/9" {
		t.Errorf("the draft is not a code: %+v", m)
	}
}

func TestMessagesNoTie(t *testing.T) {
	// A dyad without a tie, and a theory without data, have notes.
	w := smallWorld()
	for _, s := range []world.Source{world.Trade, world.TradeTotal, world.IGO} {
		w.Uncover(s)
	}
	v, err := Explain(w, 101, 102, period, DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Notes) < 2 {
		t.Fatalf("notes %q", v.Notes)
	}
	checkMsgs(t, v, nil)
	checkPersian(t, v, nil)
}

func TestMessagesIranRussia(t *testing.T) {
	s := openStore(t)
	req := Request{A: "IRN", B: "RUS"}
	v := explain(t, s, req)
	pr, err := Prepare(t.Context(), s, req)
	if err != nil {
		t.Fatal(err)
	}
	if v.Case == nil || pr.Options.Case == nil {
		t.Fatal("the built-in case is not used")
	}
	if n := checkMsgs(t, v, pr.Options.Case); n < len(v.Notes)+len(v.Case.Claims)-6 {
		t.Errorf("only %d messages for %d claims and %d notes", n, len(v.Case.Claims), len(v.Notes))
	}
	if n := checkPersian(t, v, pr.Options.Case); n < 100 {
		t.Errorf("only %d sentences rendered in Persian", n)
	}
}

// sentence is a sentence of the verdict with its message.
type sentence struct {
	where, text string
	msg         *bloc.Msg
}

// sentencesOf collects, by reflection, every sentence field of v's parts
// that packages verdict, theory and indicators write (a string field X
// beside its message XMsg): the theories, the tie, the threat table, the
// types, the notes and the claims' why (but for the case file's prose).
func sentencesOf(v *bloc.Verdict, prose map[string]bool) []sentence {
	var out []sentence
	var walk func(where string, x reflect.Value)
	walk = func(where string, x reflect.Value) {
		switch x.Kind() {
		case reflect.Pointer:
			if !x.IsNil() {
				walk(where, x.Elem())
			}
		case reflect.Slice:
			for k := 0; k < x.Len(); k++ {
				walk(fmt.Sprintf("%s[%d]", where, k), x.Index(k))
			}
		case reflect.Struct:
			ty := x.Type()
			for k := 0; k < ty.NumField(); k++ {
				f := ty.Field(k)
				if !f.IsExported() {
					continue
				}
				if m := x.FieldByName(f.Name + "Msg"); f.Type.Kind() == reflect.String && m.IsValid() && m.Type() == reflect.TypeOf((*bloc.Msg)(nil)) {
					if s := x.Field(k).String(); s != "" {
						out = append(out, sentence{where + "." + f.Name, s, m.Interface().(*bloc.Msg)})
					}
					continue
				}
				walk(where+"."+f.Name, x.Field(k))
			}
		}
	}
	walk("theories", reflect.ValueOf(v.Theories))
	walk("tie", reflect.ValueOf(v.Tie))
	walk("threats", reflect.ValueOf(v.Threats))
	walk("types", reflect.ValueOf(v.Types))
	for k, n := range v.Notes {
		m := v.NotesMsg[k]
		out = append(out, sentence{fmt.Sprintf("notes[%d]", k), n, &m})
	}
	if v.Case != nil {
		for _, c := range v.Case.Claims {
			if !prose[c.ID] {
				out = append(out, sentence{"claim " + c.ID, c.Why, c.WhyMsg})
			}
		}
	}
	return out
}

// blankCode returns m with its Code arguments emptied, in it and in the
// messages it quotes: what the Persian says besides identifiers.
func blankCode(m bloc.Msg) bloc.Msg {
	args := make([]bloc.Arg, len(m.Args))
	for k, a := range m.Args {
		switch {
		case a.Code:
			a.V = ""
		case a.Msg != nil:
			b := blankCode(*a.Msg)
			a.Msg = &b
		}
		args[k] = a
	}
	m.Args = args
	return m
}

// untranslated returns what of m has no Persian: its format or a quoted
// message's without a translation, a term without a catalogue entry.
func untranslated(m bloc.Msg) []string {
	var out []string
	if _, ok := report.FA.Say(&m, m.String()); !ok {
		out = append(out, "format "+strconv.Quote(m.Format))
	}
	for _, a := range m.Args {
		switch {
		case a.Msg != nil:
			out = append(out, untranslated(*a.Msg)...)
		case a.Term != "" && !report.FA.Has(a.Term):
			out = append(out, "term "+a.Term)
		}
	}
	return out
}

// codes returns the Code arguments of m and of the messages it quotes.
func codes(m bloc.Msg) []string {
	var out []string
	for _, a := range m.Args {
		switch {
		case a.Code:
			out = append(out, a.V)
		case a.Msg != nil:
			out = append(out, codes(*a.Msg)...)
		}
	}
	return out
}

// checkPersian renders in Persian every sentence of v that packages
// verdict, theory and indicators write, with the identifiers and the case
// file's words (bloc.Code arguments) blanked, and fails on a run of four or
// more English words left (a part of a sentence that is not translated),
// on a format, quoted message or term without its Persian, and on a
// sentence of the verdict quoted in another as code rather than by its
// message. It returns how many sentences it rendered.
func checkPersian(t *testing.T, v *bloc.Verdict, cf *casefile.Case) int {
	t.Helper()
	ss := sentencesOf(v, proseOf(cf))
	said := map[string]bool{} // the sentences that have a message
	for _, x := range ss {
		if x.msg != nil {
			said[x.text] = true
		}
	}
	for _, x := range ss {
		if x.msg == nil {
			t.Errorf("%s: no message for %q", x.where, x.text)
			continue
		}
		for _, u := range untranslated(*x.msg) {
			t.Errorf("%s: no Persian for the %s in %q", x.where, u, x.text)
		}
		for _, c := range codes(*x.msg) {
			if said[c] || said[c+"."] {
				t.Errorf("%s: %q quotes %q as code, not by its message", x.where, x.text, c)
			}
		}
		m := blankCode(*x.msg)
		fa, _ := report.FA.Say(&m, x.text)
		if run := indicators.EnglishRun(fa); run != "" {
			t.Errorf("%s: %q left in English in %q", x.where, run, fa)
		}
	}
	return len(ss)
}
