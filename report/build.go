package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/charts"
	"github.com/bloc-project/bloc/datasets"
)

// Input is what a report is built from: the verdict, its raw JSON fields
// (so that a field this build does not know is still shown, generically)
// and its charts.
type Input struct {
	Verdict *bloc.Verdict
	// Raw holds the verdict's top-level JSON fields by name (Decode fills it).
	Raw map[string]json.RawMessage
	// Charts are the charts of charts.ForVerdict (any subset, any order).
	Charts []charts.Chart
	// Version is bloc's version, for the colophon.
	Version string
	// SVG renders each figure with gonum/plot for the HTML report.
	SVG bool
}

// Decode reads a verdict from its JSON, keeping every top-level field raw
// as well, so that fields this build does not know are not lost.
func Decode(data []byte) (*bloc.Verdict, map[string]json.RawMessage, error) {
	var v bloc.Verdict
	if err := json.Unmarshal(data, &v); err != nil {
		return nil, nil, &bloc.Error{Code: bloc.EINVALID, Message: "the verdict JSON cannot be read", Err: err}
	}
	raw := map[string]json.RawMessage{}
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, nil, &bloc.Error{Code: bloc.EINVALID, Message: "the verdict JSON cannot be read", Err: err}
	}
	return &v, raw, nil
}

// builder holds what every part of the report needs.
type builder struct {
	l      Lang
	in     Input
	v      *bloc.Verdict
	states map[string]bloc.State
	d      *Doc
}

// Build lays out the report in lang.
func Build(in Input, lang Lang) *Doc {
	v := in.Verdict
	b := &builder{l: lang, in: in, v: v, states: map[string]bloc.State{}}
	for _, s := range b.knownStates() {
		if s.Abb != "" {
			b.states[s.Abb] = s
		}
	}
	q := "doc.question.aligned"
	if v.Tie.Kind == bloc.NoTie {
		q = "doc.question.none"
	}
	b.d = &Doc{Lang: lang, Dir: lang.Dir(),
		Title:    lang.T(q, "a", b.name(v.A), "b", b.name(v.B), "period", lang.Period(v.Period)),
		Subtitle: lang.T("doc.subtitle"),
		Meta:     Meta{AAbb: v.A.Abb, BAbb: v.B.Abb, From: v.Period.From, To: v.Period.To, Schema: v.SchemaVersion, Version: in.Version}}
	b.summary()
	b.tie()
	b.threats()
	b.types()
	b.theories()
	b.comparison()
	b.ending()
	b.evidence()
	b.claims()
	b.charts()
	b.notes()
	b.sources()
	return b.d
}

func (b *builder) knownStates() []bloc.State {
	v := b.v
	out := []bloc.State{v.A, v.B, v.Threats.Of}
	for _, r := range v.Threats.Rows {
		out = append(out, r.State)
	}
	for _, t := range v.Types {
		out = append(out, t.State, t.Hegemon)
	}
	for _, r := range v.Theories {
		for _, p := range r.PointsTo {
			out = append(out, p.State)
		}
	}
	return out
}

// name is a state's name in the report's language.
func (b *builder) name(s bloc.State) string { return b.l.StateName(s) }

// abbName is the name of the state with a COW abbreviation, or the
// abbreviation.
func (b *builder) abbName(abb string) string {
	if s, ok := b.states[abb]; ok {
		return b.name(s)
	}
	return abb
}

func (b *builder) section(id string, level int, title string, blocks ...Block) *Section {
	b.d.Sections = append(b.d.Sections, Section{ID: id, Level: level, Title: title, Blocks: blocks})
	return &b.d.Sections[len(b.d.Sections)-1]
}

func (b *builder) add(blocks ...Block) {
	s := &b.d.Sections[len(b.d.Sections)-1]
	s.Blocks = append(s.Blocks, blocks...)
}

// english returns English text from the engine: plain in an English
// report, a left-to-right span in a Persian one.
func (b *builder) english(s string) Text {
	if b.l == FA {
		return ltr(s)
	}
	return plain(s)
}

// num is a number that reads right in either direction.
func (b *builder) num(s string) Span {
	return Span{S: s, LTR: b.l == FA && strings.ContainsAny(s, "+−-")}
}

func (b *builder) theoryName(id, fallback string) string {
	if b.l.Has("theory."+id) || messages[EN]["theory."+id] != "" {
		return b.l.T("theory." + id)
	}
	return fallback
}

func (b *builder) topTheories() (first, second *bloc.TheoryResult) {
	for k := range b.v.Theories {
		r := &b.v.Theories[k]
		if !r.Testable {
			continue
		}
		if first == nil {
			first = r
		} else if second == nil {
			second = r
		}
	}
	return first, second
}

func (b *builder) summary() {
	l, v := b.l, b.v
	var items []Text
	items = append(items, plain(l.T("sum.tie", "kind", l.T("tie."+string(v.Tie.Kind)), "score", l.Num(v.Tie.Score, 2))))
	first, second := b.topTheories()
	if first == nil {
		items = append(items, plain(l.T("sum.none")))
	} else {
		items = append(items, Text{{S: l.T("sum.best", "theory", b.theoryName(first.ID, first.Name), "score", l.Signed(first.Score, 2), "cov", l.Pct(first.Coverage)), B: true}})
		if second != nil {
			items = append(items, plain(l.T("sum.second", "theory", b.theoryName(second.ID, second.Name), "score", l.Signed(second.Score, 2))))
		}
	}
	if len(v.Threats.Rows) > 0 && v.Threats.Rows[0].Rank == 1 {
		r := v.Threats.Rows[0]
		items = append(items, plain(l.T("sum.threat", "a", b.name(v.A), "t", b.name(r.State), "form", l.T("form."+v.Threats.Form), "score", l.Num(b.indexOf(r), 2))))
	}
	if len(v.Types) >= 2 && v.Types[0].Type != "" && v.Types[1].Type != "" {
		items = append(items, plain(l.T("sum.types", "a", b.name(v.A), "ta", l.T("stype."+string(v.Types[0].Type)), "b", b.name(v.B), "tb", l.T("stype."+string(v.Types[1].Type)))))
	}
	if v.Case != nil && len(v.Case.Claims) > 0 {
		n := map[bloc.ClaimVerdict]int{}
		for _, c := range v.Case.Claims {
			n[c.Verdict]++
		}
		items = append(items, plain(l.T("sum.claims", "supported", l.Int(n[bloc.Supported]), "partly", l.Int(n[bloc.PartlyHolds]),
			"contradicted", l.Int(n[bloc.Refuted]), "untestable", l.Int(n[bloc.NotTestable]))))
	}
	s := b.section("summary", 2, l.T("sec.summary"), Block{Kind: KindList, Class: "summary", Items: items})
	s.Blocks = append(s.Blocks, Block{Kind: KindDetails, Summary: plain(l.T("sec.method")), Blocks: []Block{para(plain(l.T("method.text")))}})
	if l == FA {
		s.Blocks = append(s.Blocks, note(plain(l.T("doc.engine_english"))))
	}
}

// indexOf returns the value of the threat index the table ranks by.
func (b *builder) indexOf(r bloc.ThreatRow) bloc.Num {
	switch b.v.Threats.Form {
	case "additive":
		return r.Additive
	case "multiplicative":
		return r.Multiplicative
	}
	return r.Conditional
}

func (b *builder) measureLabel(m bloc.Measure) string {
	if b.l == FA {
		if b.l.Has("measure." + m.ID) {
			return b.l.T("measure." + m.ID)
		}
	}
	return m.Label
}

// measures lays out indicator values with their years and sources.
func (b *builder) measures(ms []bloc.Measure) Block {
	l := b.l
	t := &Table{Head: []Text{plain(l.T("col.indicator")), plain(l.T("col.subject")), plain(l.T("col.value")), plain(l.T("col.year")), plain(l.T("col.source"))},
		Num: []bool{false, false, true, true, false}}
	for _, m := range ms {
		yr := ""
		switch {
		case m.Years != nil:
			yr = l.Period(*m.Years)
		case m.Year > 0:
			yr = l.Int(m.Year)
		}
		src := Span{S: m.Source.Dataset, LTR: true, Cite: citeList(m.Source.Dataset)}
		label := Text{{S: b.measureLabel(m)}}
		if m.Source.Formula != "" {
			label = append(label, Span{S: m.Source.Formula, Small: true, LTR: l == FA})
		}
		if m.Note != "" {
			s, ok := l.Say(m.NoteMsg, m.Note)
			label = append(label, Span{S: s, Small: true, LTR: l == FA && !ok})
		}
		src.S = strings.ReplaceAll(src.S, "+", " + ")
		t.Rows = append(t.Rows, []Text{label, ltr(m.Subject), {b.num(l.Value(m.Value))}, plain(yr), {src}})
	}
	return Block{Kind: KindTable, Class: "evidence", Table: t}
}

// citeList keeps the catalogued datasets of a "+"-joined dataset field.
func citeList(ds string) string {
	var out []string
	for _, n := range strings.Split(ds, "+") {
		if _, err := datasets.Lookup(n); err == nil {
			out = append(out, n)
		}
	}
	return strings.Join(out, ",")
}

func (b *builder) tie() {
	l, v := b.l, b.v
	title := l.T("sec.tie") + ": " + l.T("tie."+string(v.Tie.Kind))
	b.section("tie", 2, title)
	b.add(para(append(Text{bold(l.T("tie.basis") + ": ")}, b.say(v.Tie.BasisMsg, v.Tie.Basis)...)))
	b.add(para(plain(l.T("tie.score", "score", l.Num(v.Tie.Score, 2)))))
	if len(v.Tie.Pledges) == 0 {
		b.add(para(plain(l.T("tie.no_pledges"))))
	} else {
		t := &Table{Caption: plain(l.T("tie.pledges")), Head: []Text{plain(l.T("col.obligation")), plain(l.T("col.years"))}}
		for _, p := range v.Tie.Pledges {
			t.Rows = append(t.Rows, []Text{plain(l.T("obl." + p.Obligation)), plain(l.Period(p.Years))})
		}
		b.add(Block{Kind: KindTable, Table: t})
	}
	if len(v.Tie.Evidence) > 0 {
		b.add(b.measures(v.Tie.Evidence))
	}
}

func (b *builder) threats() {
	l, v := b.l, b.v
	t := v.Threats
	b.section("threats", 2, l.T("sec.threats", "a", b.name(t.Of)))
	tab := &Table{
		Caption: plain(l.T("threats.caption", "a", b.name(t.Of), "year", l.Int(t.Year), "form", l.T("form."+t.Form), "n", l.Int(t.Candidates), "samples", l.Int(t.Samples), "seed", l.Digits(strconv.FormatUint(t.Seed, 10)))),
		Head: []Text{plain(l.T("col.rank")), plain(l.T("col.state")), plain(l.T("threat.power")), plain(l.T("threat.proximity")), plain(l.T("threat.offense")), plain(l.T("threat.intent")),
			plain(l.T("col.conditional")), plain(l.T("col.additive")), plain(l.T("col.multiplicative")), plain(l.T("col.top_share"))},
		Num: []bool{true, false, true, true, true, true, true, true, true, true}}
	for _, r := range t.Rows {
		rank := l.Int(r.Rank)
		if r.Rank == 0 {
			rank = l.T("val.none")
		}
		idx := func(v bloc.Num, rk int) Text { return plain(l.Num(v, 3) + " (" + l.Int(rk) + ")") }
		name := Text{{S: b.name(r.State), B: r.State.CCode == v.B.CCode}}
		tab.Rows = append(tab.Rows, []Text{plain(rank), name, plain(l.Num(r.Power, 2)), plain(l.Num(r.Proximity, 2)), plain(l.Num(r.Offense, 2)), plain(l.Num(r.Intent, 2)),
			idx(r.Conditional, r.RankConditional), idx(r.Additive, r.RankAdditive), idx(r.Multiplicative, r.RankMultiplicative), plain(l.Pct(r.TopShare))})
	}
	b.add(Block{Kind: KindTable, Table: tab})
	if t.Note != "" {
		b.add(note(b.say(t.NoteMsg, t.Note)))
	}
	b.addFigure("threat_sources", "")
	b.addFigure("intentions", "")
	var detail []Block
	for _, r := range t.Rows {
		if len(r.Detail) > 0 {
			detail = append(detail, Block{Kind: KindDetails, Summary: plain(b.name(r.State)), Blocks: []Block{b.measures(r.Detail)}})
		}
	}
	if len(detail) > 0 {
		b.add(Block{Kind: KindDetails, Summary: plain(l.T("test.evidence")), Blocks: detail})
	}
}

func (b *builder) types() {
	l, v := b.l, b.v
	if len(v.Types) == 0 {
		return
	}
	b.section("types", 2, l.T("sec.types"))
	t := &Table{Head: []Text{plain(l.T("col.state")), plain(l.T("col.stype")), plain(l.T("col.revisionism")), plain(l.T("col.power_pct")), plain(l.T("col.aims")), plain(l.T("col.dimensions"))},
		Num: []bool{false, false, true, true, false, false}}
	for _, s := range v.Types {
		var dims []string
		for _, d := range s.Dimensions {
			dims = append(dims, l.T("dim."+d))
		}
		aims := ""
		if s.Aims != "" {
			aims = l.T("aims." + s.Aims)
		}
		sep := ", "
		if l == FA {
			sep = "، "
		}
		t.Rows = append(t.Rows, []Text{plain(b.name(s.State)), plain(l.T("stype." + string(s.Type))), {b.num(l.Signed(s.Revisionism, 2))}, plain(l.Num(s.PowerPercentile, 2)), plain(aims), plain(strings.Join(dims, sep))})
	}
	b.add(Block{Kind: KindTable, Table: t})
	b.add(note(plain(l.T("types.leader", "s", b.name(v.Types[0].Hegemon)))))
	for _, s := range v.Types {
		if s.Note != "" {
			b.add(note(append(plain(b.name(s.State)+": "), b.say(s.NoteMsg, s.Note)...)))
		}
	}
}

func (b *builder) theories() {
	l, v := b.l, b.v
	b.section("theories", 2, l.T("sec.theories"))
	t := &Table{Head: []Text{plain(l.T("col.rank")), plain(l.T("col.theory")), plain(l.T("col.score")), plain(l.T("mark.congruent")), plain(l.T("mark.contradicted")), plain(l.T("mark.no_data")), plain(l.T("col.coverage"))},
		Num: []bool{true, false, true, true, true, true, true}}
	for _, r := range v.Theories {
		t.Rows = append(t.Rows, []Text{plain(l.Int(r.Rank)), {{S: b.theoryName(r.ID, r.Name), Href: "#theory-" + r.ID}}, {b.num(l.Signed(r.Score, 2))},
			plain(l.Int(r.Congruent)), plain(l.Int(r.Contradict)), plain(l.Int(r.NoData)), plain(l.Pct(r.Coverage))})
	}
	b.add(Block{Kind: KindTable, Table: t})
	b.addFigure("theory_scores", "")
	for _, r := range v.Theories {
		b.theory(r)
	}
}

func (b *builder) theory(r bloc.TheoryResult) {
	l, v := b.l, b.v
	b.section("theory-"+r.ID, 3, l.Int(r.Rank)+". "+b.theoryName(r.ID, r.Name)+" ("+l.Signed(r.Score, 2)+")")
	fam := r.Family
	if l.Has("family." + r.Family) {
		fam = l.T("family." + r.Family)
	}
	b.add(para(Text{bold(l.T("theory.family") + ": "), {S: fam}, {S: " · "}, bold(l.T("theory.citation") + ": "), {S: r.Citation, I: true, LTR: l == FA}}))
	if !r.Testable {
		b.add(para(append(Text{bold(l.T("theory.untestable", "why", ""))}, b.english(r.NotTestable)...)))
	}
	// Assumptions (the paper's Tables 1 and 3).
	items := []Text{}
	translated := l == FA && l.Has(fmt.Sprintf("assume.%s.%d", r.ID, len(r.Assumptions))) && !l.Has(fmt.Sprintf("assume.%s.%d", r.ID, len(r.Assumptions)+1))
	for k, a := range r.Assumptions {
		if translated {
			items = append(items, plain(l.T(fmt.Sprintf("assume.%s.%d", r.ID, k+1))))
		} else {
			items = append(items, b.english(a))
		}
	}
	b.add(para(Text{bold(l.T("sec.assumptions"))}), Block{Kind: KindList, Items: items})
	// Prediction.
	pred := b.english(r.Prediction)
	if l == FA && l.Has("pred."+r.ID) {
		pred = plain(l.T("pred."+r.ID, "a", b.name(v.A), "b", b.name(v.B)))
	}
	b.add(para(append(Text{bold(l.T("sec.prediction") + ": ")}, pred...)))
	if l == FA && l.Has("pred."+r.ID) {
		b.add(note(ltr(r.Prediction)))
	}
	predicts := l.T("val.unknown")
	if r.PredictsAlignment != nil {
		predicts = l.T("val.no")
		if *r.PredictsAlignment {
			predicts = l.T("val.yes")
		}
	}
	b.add(para(Text{bold(l.T("theory.predicts") + " "), {S: predicts}}))
	if len(r.PointsTo) > 0 {
		pt := &Table{Caption: plain(l.T("theory.points_to")), Head: []Text{plain(l.T("col.role")), plain(l.T("col.state")), plain(l.T("col.score")), plain(l.T("col.basis"))}, Num: []bool{false, false, true, false}}
		for _, p := range r.PointsTo {
			pt.Rows = append(pt.Rows, []Text{plain(l.T("role." + p.Role)), plain(b.name(p.State)), plain(l.Num(p.Score, 3)), b.say(p.BasisMsg, p.Basis)})
		}
		b.add(Block{Kind: KindTable, Table: pt})
	}
	// Tests.
	b.add(para(Text{bold(l.T("sec.tests")), {S: " — " + l.T("theory.counts", "c", l.Int(r.Congruent), "x", l.Int(r.Contradict), "n", l.Int(r.NoData), "cov", l.Pct(r.Coverage))}}))
	tt := &Table{Head: []Text{plain(""), plain(l.T("col.test")), plain(l.T("col.type")), plain(l.T("col.level")), plain(l.T("col.rule")), plain(l.T("col.why"))}}
	var details []Block
	for _, x := range r.Tests {
		title := b.testTitle(x)
		tt.Rows = append(tt.Rows, []Text{
			{{S: l.T("mark." + string(x.Outcome)), Mark: string(x.Outcome), B: true}},
			title,
			plain(l.T("ttype." + string(x.Type))),
			plain(l.T("level." + string(x.Level))),
			{{S: x.Rule, LTR: true, Code: true}},
			b.say(x.WhyMsg, x.Why),
		})
		inner := []Block{para(Text{bold(l.T("col.outcome") + ": "), {S: l.T("outcome." + string(x.Outcome)), Mark: string(x.Outcome)},
			{S: " · " + l.T("col.type") + ": " + l.T("ttype."+string(x.Type)) + " · " + l.T("col.level") + ": " + l.T("level."+string(x.Level)) + " · w = "}, b.num(l.Num(bloc.Some(x.Weight), 2))})}
		if _, translated := l.Say(x.WhyMsg, x.Why); l == FA && !translated {
			inner = append(inner, para(append(Text{bold(l.T("test.engine_why") + ": ")}, ltr(x.Prediction+". "+x.Why)...)))
		}
		inner = append(inner, para(Text{bold(l.T("col.rule") + ": "), {S: x.Rule, LTR: true, Code: true}}))
		if len(x.Evidence) > 0 {
			inner = append(inner, b.measures(x.Evidence))
		}
		summary := append(Text{{S: l.T("mark."+string(x.Outcome)) + " ", Mark: string(x.Outcome), B: true}}, title...)
		summary = append(summary, Span{S: " (" + x.ID + ")", LTR: true, Code: true})
		details = append(details, Block{Kind: KindDetails, Class: "test", Summary: summary, Blocks: inner})
	}
	b.add(Block{Kind: KindTable, Class: "tests", Table: tt})
	b.add(details...)
}

// testTitle names a test: its prediction in English; in Persian the
// catalogue's title of the test.
func (b *builder) testTitle(x bloc.Test) Text {
	if b.l == FA && b.l.Has("test."+x.ID) {
		return plain(b.l.T("test."+x.ID, "a", b.name(b.v.A), "b", b.name(b.v.B)))
	}
	return b.english(x.Prediction)
}

func (b *builder) comparison() {
	l, v := b.l, b.v
	c := v.Comparison
	if c == nil {
		return
	}
	first, second := b.theoryName(c.First, c.First), b.theoryName(c.Second, c.Second)
	b.section("comparison", 2, l.T("sec.comparison"))
	b.add(para(plain(l.T("cmp.caption", "first", first, "second", second))))
	t := &Table{Head: []Text{plain(""), plain(first), plain(second)}}
	threat := b.threatOf(c.First, c.Second)
	for _, r := range c.Rows {
		row := []Text{{bold(l.T("aspect." + r.Aspect))}}
		for k, text := range []string{r.First, r.Second} {
			id := []string{c.First, c.Second}[k]
			key := "narr." + id + "." + r.Aspect
			if l == FA && l.Has(key) {
				cell := plain(l.T(key, "a", b.name(v.A), "b", b.name(v.B), "t", threat))
				cell = append(cell, Span{S: text, LTR: true, Small: true})
				row = append(row, cell)
			} else {
				row = append(row, b.english(text))
			}
		}
		t.Rows = append(t.Rows, row)
	}
	b.add(Block{Kind: KindTable, Class: "table4", Table: t})
}

// threatOf names the threat the balance-of-threat account points to (the
// first "threat" pointer of the given theories, else A's top threat).
func (b *builder) threatOf(ids ...string) string {
	for _, r := range b.v.Theories {
		for _, id := range ids {
			if r.ID != id {
				continue
			}
			for _, p := range r.PointsTo {
				if p.Role == "threat" {
					return b.name(p.State)
				}
			}
		}
	}
	if len(b.v.Threats.Rows) > 0 {
		return b.name(b.v.Threats.Rows[0].State)
	}
	return "—"
}

func (b *builder) ending() {
	l, v := b.l, b.v
	b.section("ending", 2, l.T("sec.ending"))
	threat := b.threatOf("balance_of_threat")
	t := &Table{Head: []Text{plain("#"), plain(l.T("col.condition")), plain(l.T("col.in_case"))}, Num: []bool{true, false, false}}
	for k := 1; k <= 6; k++ {
		t.Rows = append(t.Rows, []Text{plain(l.Int(k)), {bold(l.T(fmt.Sprintf("end.%d", k)))}, plain(l.T(fmt.Sprintf("end.%d.case", k), "a", b.name(v.A), "b", b.name(v.B), "t", threat))})
	}
	b.add(Block{Kind: KindTable, Class: "table2", Table: t})
	if c := v.Comparison; c != nil {
		var items []Text
		for _, r := range c.Rows {
			if r.Aspect != "ends_when" {
				continue
			}
			for k, text := range []string{r.First, r.Second} {
				id := []string{c.First, c.Second}[k]
				item := Text{bold(b.theoryName(id, id) + ": ")}
				if key := "narr." + id + ".ends_when"; l == FA && l.Has(key) {
					item = append(item, plain(l.T(key, "a", b.name(v.A), "b", b.name(v.B), "t", b.threatOf(c.First, c.Second)))...)
					item = append(item, Span{S: text, LTR: true, Small: true})
				} else {
					item = append(item, b.english(text)...)
				}
				items = append(items, item)
			}
		}
		if len(items) > 0 {
			b.add(para(plain(l.T("end.caption", "a", b.name(v.A), "b", b.name(v.B)))), Block{Kind: KindList, Items: items})
		}
	}
	if v.Termination != nil {
		b.monitor(v.Termination)
	} else if raw, ok := b.in.Raw["termination"]; ok && !isNull(raw) {
		b.add(b.generic(raw)...)
	} else {
		b.add(note(plain(l.T("end.monitor_none"))))
	}
}

func isNull(raw json.RawMessage) bool {
	s := strings.TrimSpace(string(raw))
	return s == "" || s == "null" || s == "[]" || s == "{}"
}

func (b *builder) evidence() {
	l, v := b.l, b.v
	b.section("evidence", 2, l.T("sec.evidence"))
	switch raw, ok := b.in.Raw["evidence"]; {
	case v.Evidence != nil:
		b.weighing(v.Evidence)
	case ok && !isNull(raw):
		b.add(b.generic(raw)...)
	default:
		b.add(para(plain(l.T("evidence.none"))))
	}
	cs := v.Case
	if cs == nil || len(cs.Facts) == 0 {
		return
	}
	b.section("facts", 3, l.T("sec.facts"))
	b.add(para(plain(l.T("facts.caption", "n", l.Int(len(cs.Facts)), "file", cs.File))))
	t := &Table{Head: []Text{plain(l.T("col.date")), plain(l.T("col.kind")), plain(l.T("col.text")), plain(l.T("col.value")), plain(l.T("col.status")), plain(l.T("col.source"))},
		Num: []bool{true, false, false, true, false, false}}
	for _, f := range cs.Facts {
		val := l.Value(f.Value)
		if !f.Value.OK {
			val = ""
		}
		if f.Rank > 0 {
			val = strings.TrimSpace(val + " " + l.T("val.rank_of", "r", l.Int(f.Rank), "n", l.Int(f.Of)))
		}
		text := f.Text
		if f.Stance != "" {
			text += " [" + f.Stance + "]"
		}
		t.Rows = append(t.Rows, []Text{plain(l.Digits(f.Date)), ltr(f.Kind), b.english(text), plain(val), {{S: f.Status, Code: true}}, b.english(f.Source)})
	}
	b.add(Block{Kind: KindTable, Class: "facts", Table: t})
}

func (b *builder) claims() {
	l, v := b.l, b.v
	cs := v.Case
	if cs == nil || len(cs.Claims) == 0 {
		return
	}
	b.section("case", 2, l.T("sec.case"))
	b.add(para(b.english(cs.Title)), note(append(Text{{S: l.T("case.source", "citation", "")}}, b.english(cs.Citation)...)))
	t := &Table{Head: []Text{plain(l.T("col.table")), plain(l.T("col.claim")), plain(l.T("col.verdict")), plain(l.T("col.why"))}}
	for _, c := range cs.Claims {
		claim := b.english(c.Claim)
		if l == FA && l.Has("claim."+c.ID) {
			claim = plain(l.T("claim." + c.ID))
		}
		t.Rows = append(t.Rows, []Text{plain(l.Digits(c.Table)), claim, {{S: l.T("claim." + string(c.Verdict)), Mark: string(c.Verdict), B: true}}, b.say(c.WhyMsg, c.Why)})
	}
	b.add(Block{Kind: KindTable, Class: "claims", Table: t})
}

// chart returns the chart with that id, if the input has it.
func (b *builder) chart(id string) (charts.Chart, bool) {
	for _, c := range b.in.Charts {
		if c.ID == id {
			return c, true
		}
	}
	return charts.Chart{}, false
}

// localArgs turns a chart's arguments (state abbreviations, years) into
// the report's language.
func (b *builder) localArgs(args map[string]string) []string {
	keys := make([]string, 0, len(args))
	for k := range args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var out []string
	for _, k := range keys {
		v := args[k]
		switch k {
		case "a", "b", "s", "t":
			v = b.abbName(v)
		case "dyad":
			parts := strings.Split(v, "→")
			for i := range parts {
				parts[i] = b.abbName(parts[i])
			}
			v = strings.Join(parts, " → ")
		case "dataset":
			// A dataset's name and version (with commit hashes) stay as written.
		default:
			v = b.l.Digits(v)
		}
		out = append(out, k, v)
	}
	return out
}

// addFigure adds the chart id to the current section, with a caption.
func (b *builder) addFigure(id, caption string) {
	c, ok := b.chart(id)
	if !ok {
		return
	}
	l := b.l
	f := &Figure{Chart: c}
	f.Chart.Title = l.T(c.Key, b.localArgs(c.Args)...)
	f.Chart.YLabel = l.T(c.YKey)
	f.Chart.Series = make([]charts.Series, len(c.Series))
	for k, s := range c.Series {
		s.Name = l.T(s.Key, b.localArgs(s.Args)...)
		if strings.HasPrefix(s.Name, "series.") || s.Key == "" {
			s.Name = c.Series[k].Name
		}
		f.Chart.Series[k] = s
	}
	f.Chart.Notes = make([]charts.Note, len(c.Notes))
	for k, n := range c.Notes {
		if n.Key != "" && (l.Has(n.Key) || messages[EN][n.Key] != "") {
			n.Text = l.T(n.Key, b.localArgs(n.Args)...)
		}
		f.Chart.Notes[k] = n
	}
	for _, x := range c.X {
		switch {
		case c.XKind == charts.XState && l == FA:
			f.Labels = append(f.Labels, b.abbName(x))
		case c.XKind == charts.XTheory:
			f.Labels = append(f.Labels, b.theoryName(x, x))
		default:
			f.Labels = append(f.Labels, l.Digits(x))
		}
	}
	if f.Labels == nil {
		f.Labels = []string{}
	}
	var cap Text
	if caption != "" {
		cap = append(cap, bold(caption+". "))
	}
	for _, n := range f.Chart.Notes {
		cap = append(cap, Span{S: n.Text + " "})
	}
	var srcs []string
	for _, s := range c.Sources {
		srcs = append(srcs, s.Dataset)
	}
	if len(srcs) > 0 {
		cap = append(cap, Span{S: l.T("col.source") + ": "}, Span{S: strings.Join(srcs, ", "), LTR: true, Cite: citeList(strings.Join(srcs, "+"))})
	}
	f.Caption = cap
	if b.in.SVG {
		var buf bytes.Buffer
		if err := c.Render(&buf, "svg", 0, 0); err == nil {
			f.SVG = buf.Bytes()
		}
	}
	b.add(Block{Kind: KindFigure, Figure: f})
}

func (b *builder) charts() {
	l := b.l
	b.section("charts", 2, l.T("sec.charts"), para(plain(l.T("charts.intro"))))
	for _, c := range []struct{ id, caption string }{
		{"trade", l.T("fig.paper1")}, {"sanctions", ""}, {"most_sanctioned", l.T("fig.paper2")}, {"vetoes", ""},
		{"cinc", ""}, {"milex", ""}, {"events_ab", ""}, {"events_ba", ""},
	} {
		b.addFigure(c.id, c.caption)
	}
}

// noteKeys translate the engine's recurring notes into Persian.
// say is an engine sentence in the report's language: its message
// translated, or the English sentence (left to right in a Persian report)
// when it has none.
func (b *builder) say(m *bloc.Msg, english string) Text {
	if s, ok := b.l.Say(m, english); ok {
		return plain(s)
	}
	return b.english(english)
}

// sayAll renders notes and their messages (index for index; the messages
// may be fewer or absent).
func (b *builder) sayAll(ss []string, msgs []bloc.Msg) []Text {
	out := make([]Text, len(ss))
	for i, s := range ss {
		var m *bloc.Msg
		if i < len(msgs) {
			m = &msgs[i]
		}
		out[i] = b.say(m, s)
	}
	return out
}

func (b *builder) notes() {
	l, v := b.l, b.v
	if len(v.Notes) == 0 {
		return
	}
	b.section("notes", 2, l.T("sec.notes"), Block{Kind: KindList, Items: b.sayAll(v.Notes, v.NotesMsg)})
}

// Datasets returns the catalogued datasets the verdict and charts drew on,
// sorted by name.
func Datasets(v *bloc.Verdict, cs []charts.Chart) []*datasets.Dataset {
	seen := map[string]bool{}
	var out []*datasets.Dataset
	add := func(name string) {
		for _, n := range strings.Split(name, "+") {
			if seen[n] {
				continue
			}
			seen[n] = true
			if ds, err := datasets.Lookup(n); err == nil {
				out = append(out, ds)
			}
		}
	}
	for _, s := range v.Sources {
		add(s.Dataset)
	}
	for _, c := range cs {
		for _, s := range c.Sources {
			add(s.Dataset)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// BibTeX returns the BibTeX entries of every dataset the report cites.
func BibTeX(v *bloc.Verdict, cs []charts.Chart) string {
	return datasets.BibTeX(Datasets(v, cs)...)
}

func (b *builder) sources() {
	l, v := b.l, b.v
	b.section("sources", 2, l.T("sec.sources"), para(plain(l.T("sources.caption"))))
	list := Datasets(v, b.in.Charts)
	t := &Table{Head: []Text{plain(l.T("col.dataset")), plain(l.T("col.title")), plain(l.T("col.version")), plain(l.T("col.years")), plain(l.T("col.citation")), plain(l.T("col.licence"))}}
	for _, ds := range list {
		years := ""
		if !ds.TimeInvariant() {
			years = l.Period(bloc.Period{From: ds.Years[0], To: ds.Years[1]})
		}
		t.Rows = append(t.Rows, []Text{{{S: ds.Name, LTR: true, Code: true, Cite: ds.Name}}, {{S: ds.Title, LTR: true, Href: ds.URL}}, ltr(ds.Version), plain(years), ltr(ds.CitationKeys()), ltr(ds.License)})
	}
	b.add(Block{Kind: KindTable, Class: "sources", Table: t})
	var refs []Text
	seen := map[string]bool{}
	for _, r := range v.Theories {
		if r.Citation != "" && !seen[r.Citation] {
			seen[r.Citation] = true
			refs = append(refs, ltr(r.Citation))
		}
	}
	b.add(para(Text{bold(l.T("sec.theory_refs"))}), Block{Kind: KindList, Items: refs})
	if cs := v.Case; cs != nil {
		items := []Text{append(Text{bold(l.T("refs.case") + ": ")}, ltr(cs.Citation)...)}
		seen := map[string]bool{cs.Citation: true}
		for _, f := range cs.Facts {
			if f.Citation != "" && !seen[f.Citation] {
				seen[f.Citation] = true
				items = append(items, ltr(f.Citation))
			}
		}
		b.add(Block{Kind: KindList, Items: items})
	}
	if bib := datasets.BibTeX(list...); bib != "" {
		b.section("bibtex", 3, l.T("sec.bibtex"), Block{Kind: KindCode, Code: strings.TrimSpace(bib)})
	}
	b.add(note(plain(l.T("doc.generated", "version", b.in.Version, "schema", l.Digits(v.SchemaVersion)))))
}

// generic lays out JSON this build has no dedicated layout for: an array
// of objects as a table, an object as a list of its fields.
func (b *builder) generic(raw json.RawMessage) []Block {
	var x any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&x); err != nil {
		return nil
	}
	return b.genericValue(x, 0)
}

func (b *builder) scalar(x any) string {
	switch t := x.(type) {
	case nil:
		return b.l.T("val.na")
	case string:
		return t
	case json.Number:
		if f, err := t.Float64(); err == nil {
			return b.l.Value(bloc.Some(f))
		}
		return t.String()
	case bool:
		if t {
			return b.l.T("val.yes")
		}
		return b.l.T("val.no")
	}
	out, _ := json.Marshal(x)
	if len(out) > 300 {
		out = append(out[:300], "…"...)
	}
	return string(out)
}

func (b *builder) genericValue(x any, depth int) []Block {
	switch t := x.(type) {
	case []any:
		var keys []string
		seen := map[string]bool{}
		for _, e := range t {
			m, ok := e.(map[string]any)
			if !ok {
				var items []Text
				for _, e := range t {
					items = append(items, b.english(b.scalar(e)))
				}
				return []Block{{Kind: KindList, Items: items}}
			}
			for k, v := range m {
				if _, nested := v.([]any); nested {
					continue
				}
				if !seen[k] {
					seen[k] = true
					keys = append(keys, k)
				}
			}
		}
		sort.Strings(keys)
		tab := &Table{}
		for _, k := range keys {
			tab.Head = append(tab.Head, ltr(k))
		}
		for k, e := range t {
			if k == 500 {
				break
			}
			m := e.(map[string]any)
			var row []Text
			for _, key := range keys {
				row = append(row, b.english(b.scalar(m[key])))
			}
			tab.Rows = append(tab.Rows, row)
		}
		return []Block{{Kind: KindTable, Class: "generic", Table: tab}}
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var items []Text
		var more []Block
		for _, k := range keys {
			switch t[k].(type) {
			case []any, map[string]any:
				if depth < 2 {
					more = append(more, Block{Kind: KindDetails, Summary: ltr(k), Blocks: b.genericValue(t[k], depth+1)})
					continue
				}
			}
			items = append(items, append(Text{{S: k + ": ", LTR: true, B: true}}, b.english(b.scalar(t[k]))...))
		}
		var out []Block
		if len(items) > 0 {
			out = append(out, Block{Kind: KindList, Items: items})
		}
		return append(out, more...)
	}
	return []Block{para(b.english(b.scalar(x)))}
}
