package report

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
)

// hypName names a hypothesis of the Bayesian weighing.
func (b *builder) hypName(id, fallback string) string {
	if id == bloc.Residual {
		return b.l.T("hyp.residual")
	}
	return b.theoryName(id, fallback)
}

func (b *builder) db(x float64) Span {
	return b.num(b.l.Signed(bloc.Some(x), 1))
}

func (b *builder) prob(x float64) string { return b.l.Num(bloc.Some(x), 3) }

// weighing lays out the Bayesian weighing of the verdict (verdict.evidence).
func (b *builder) weighing(e *bloc.Evidence) {
	l := b.l
	b.add(para(plain(l.T("ev.method_short"))))
	b.add(Block{Kind: KindDetails, Summary: plain(l.T("ev.method_full")), Blocks: append([]Block{para(b.english(e.Method))}, b.englishList(e.Assumptions)...)})
	t := &Table{Caption: plain(l.T("ev.hypotheses", "prior", e.Prior)),
		Head: []Text{plain(l.T("col.rank")), plain(l.T("col.hypothesis")), plain(l.T("col.prior")), plain(l.T("col.posterior")), plain(l.T("col.woe")), plain(l.T("col.woe_ledger")), plain(l.T("col.woe_tests")), plain(l.T("col.prior_range")), plain(l.T("col.perturb_range"))},
		Num:  []bool{true, false, true, true, true, true, true, true, true}}
	rng := func(m map[string]bloc.Range, id string) string {
		r, ok := m[id]
		if !ok {
			return l.T("val.na")
		}
		return b.prob(r.Min) + " – " + b.prob(r.Max)
	}
	for _, h := range e.Hypotheses {
		t.Rows = append(t.Rows, []Text{plain(l.Int(h.Rank)), {{S: b.hypName(h.ID, h.Name), B: h.ID == e.Top}}, plain(b.prob(h.Prior)), {{S: b.prob(h.Posterior), B: h.ID == e.Top}},
			{b.db(h.WoE)}, {b.db(h.WoELedger)}, {b.db(h.WoETests)}, ltr(rng(e.Sensitivity.PriorRange, h.ID)), ltr(rng(e.Sensitivity.PerturbRange, h.ID))})
	}
	b.add(Block{Kind: KindTable, Class: "hypotheses", Table: t})
	s := e.Sensitivity
	b.add(para(Text{bold(l.T("ev.top", "top", b.hypName(e.Top, e.Top), "second", b.hypName(e.RunnerUp, e.RunnerUp), "db", l.Num(bloc.Some(e.Margin), 1)))}))
	robust := l.T("val.no")
	if s.Robust {
		robust = l.T("val.yes")
	}
	b.add(para(plain(l.T("ev.robust", "robust", robust, "top", b.hypName(e.Top, e.Top), "ps", l.Pct(s.PriorStable), "pp", l.Pct(s.PerturbStable), "be", l.Num(bloc.Some(s.Breakeven), 3)))))
	over := l.T("val.none")
	if len(s.Adversarial) > 0 {
		var names []string
		for _, id := range s.Adversarial {
			names = append(names, b.hypName(id, id))
		}
		over = strings.Join(names, l.sep())
	}
	b.add(para(plain(l.T("ev.adversarial", "top", b.hypName(e.Top, e.Top), "list", over))))
	b.addFigure("posteriors", "")
	if len(e.Decisive) > 0 {
		var items []Text
		for _, d := range e.Decisive {
			it := Text{b.db(d.WoE), {S: " "}, {S: d.ID, LTR: true, Code: true}, {S: " — "}}
			it = append(it, b.english(d.Text)...)
			if d.Pivotal {
				it = append(it, Span{S: " (" + l.T("ev.pivotal") + ")", B: true})
			}
			items = append(items, it)
		}
		b.add(para(Text{bold(l.T("ev.decisive", "top", b.hypName(e.Top, e.Top), "second", b.hypName(e.RunnerUp, e.RunnerUp)))}), Block{Kind: KindList, Items: items})
	}
	b.evidenceItems(e)
	if e.Events != nil {
		b.wordsDeeds(e.Events)
	}
	if len(e.Notes) > 0 {
		b.add(Block{Kind: KindList, Class: "notes", Items: b.sayAll(e.Notes, e.NotesMsg)})
	}
}

func (b *builder) englishItems(ss []string) []Text {
	var out []Text
	for _, s := range ss {
		out = append(out, b.english(s))
	}
	return out
}

// sayList is notes as a list block, none when there are no notes.
func (b *builder) sayList(ss []string, msgs []bloc.Msg) []Block {
	if len(ss) == 0 {
		return nil
	}
	return []Block{{Kind: KindList, Items: b.sayAll(ss, msgs)}}
}

func (b *builder) englishList(ss []string) []Block {
	if len(ss) == 0 {
		return nil
	}
	return []Block{{Kind: KindList, Items: b.englishItems(ss)}}
}

func (l Lang) sep() string {
	if l == FA {
		return "، "
	}
	return ", "
}

func (b *builder) evidenceItems(e *bloc.Evidence) {
	l := b.l
	head := []Text{plain(l.T("col.date")), plain(l.T("col.kind")), plain(l.T("col.actor")), plain(l.T("col.item")), plain(l.T("col.status")), plain(l.T("col.woe_top"))}
	num := []bool{true, false, false, false, false, true}
	ledger := &Table{Head: head, Num: num}
	tests := &Table{Head: head, Num: num}
	for _, it := range e.Items {
		date := l.Digits(it.Date)
		if it.Until != "" {
			date += " – " + l.Digits(it.Until)
		}
		kind := it.Kind
		if l.Has("kind."+kind) || messages[EN]["kind."+kind] != "" {
			kind = l.T("kind." + kind)
		}
		actor := it.Actor
		if it.Target != "" {
			actor = b.abbName(it.Actor) + " → " + b.abbName(it.Target)
		}
		text := b.english(it.Text)
		if it.Quote != "" {
			text = append(text, Span{S: " «" + it.Quote + "»", I: true})
		}
		if !it.Observed {
			text = append(Text{{S: l.T("ev.absent") + " ", B: true}}, text...)
		}
		if it.Source != nil && it.Source.Citation != "" {
			src := it.Source.Citation
			if it.Source.CitedBy != "" {
				src += "; " + it.Source.CitedBy
			}
			text = append(text, Span{S: src, Small: true, LTR: l == FA})
		}
		if it.Note != "" {
			s, ok := l.Say(it.NoteMsg, it.Note)
			text = append(text, Span{S: s, Small: true, LTR: l == FA && !ok})
		}
		woe := Text{b.db(it.WoETop)}
		if !it.Counted {
			woe = append(woe, Span{S: " (" + l.T("ev.not_counted") + ")"})
		}
		row := []Text{plain(date), plain(kind), plain(actor), text, {{S: it.Status, Code: true}}, woe}
		if it.Origin == bloc.FromLedger {
			ledger.Rows = append(ledger.Rows, row)
		} else {
			tests.Rows = append(tests.Rows, row)
		}
	}
	if li := e.Ledger; li != nil {
		ledger.Caption = plain(l.T("ev.ledger", "title", li.Title, "n", l.Int(li.Items), "c", l.Int(li.Counted)))
	}
	if len(ledger.Rows) > 0 {
		b.add(Block{Kind: KindTable, Class: "ledger", Table: ledger})
	}
	if len(tests.Rows) > 0 {
		b.add(Block{Kind: KindDetails, Summary: plain(l.T("ev.tests", "n", l.Int(len(tests.Rows)))), Blocks: []Block{{Kind: KindTable, Class: "ledger", Table: tests}}})
	}
	// Likelihoods of the ledger's items under each hypothesis.
	var ids []string
	for _, h := range e.Hypotheses {
		ids = append(ids, h.ID)
	}
	lk := &Table{Head: []Text{plain(l.T("col.item"))}}
	for _, id := range ids {
		lk.Head = append(lk.Head, plain(b.hypName(id, id)))
		lk.Num = append(lk.Num, true)
	}
	lk.Num = append([]bool{false}, lk.Num...)
	for _, it := range e.Items {
		if it.Origin != bloc.FromLedger {
			continue
		}
		row := []Text{{{S: it.ID, LTR: true, Code: true}}}
		for _, id := range ids {
			p, ok := it.Likelihoods[id]
			cell := l.T("val.na")
			if ok {
				cell = l.Num(bloc.Some(p), 2)
			}
			row = append(row, plain(cell))
		}
		lk.Rows = append(lk.Rows, row)
	}
	if len(lk.Rows) > 0 {
		b.add(Block{Kind: KindDetails, Summary: plain(l.T("ev.likelihoods")), Blocks: []Block{{Kind: KindTable, Table: lk}}})
	}
}

func (b *builder) wordsDeeds(ev *bloc.WordsDeeds) {
	l := b.l
	b.add(para(Text{bold(l.T("wd.title") + ". ")}))
	if ev.Summary != "" {
		b.add(para(b.say(ev.SummaryMsg, ev.Summary)))
	}
	b.addFigure("words_deeds", "")
	t := &Table{Head: []Text{plain(l.T("col.dyad")), plain(l.T("col.covered")), plain(l.T("col.diverging"))}, Num: []bool{false, true, false}}
	for _, d := range ev.Series {
		var years []string
		for _, y := range d.Years {
			if y.Diverges != nil && *y.Diverges {
				years = append(years, l.Int(y.Year))
			}
		}
		div := l.Int(d.Diverging)
		if len(years) > 0 {
			div += " (" + strings.Join(years, l.sep()) + ")"
		}
		t.Rows = append(t.Rows, []Text{ltr(d.Dyad), plain(l.Int(d.Covered)), plain(div)})
	}
	b.add(Block{Kind: KindTable, Table: t})
	b.add(Block{Kind: KindDetails, Summary: plain(l.T("wd.measure")), Blocks: []Block{para(b.english(ev.Measure))}})
}

// monitor lays out Walt's six conditions year by year (verdict.termination).
func (b *builder) monitor(t *bloc.Termination) {
	l := b.l
	threat := l.T("val.na")
	if t.Threat != nil {
		threat = b.name(*t.Threat)
	}
	b.add(para(Text{bold(l.T("mon.title"))}), para(plain(l.T("mon.caption", "t", threat, "w", l.Int(t.Window)))))
	tab := &Table{Head: []Text{plain("#"), plain(l.T("col.condition"))}, Num: []bool{true, false}}
	for _, y := range t.Years {
		tab.Head = append(tab.Head, plain(l.Int(y)))
		tab.Num = append(tab.Num, false)
	}
	for _, c := range t.Conditions {
		label := c.Label
		if key := fmt.Sprintf("end.%d", c.N); l.Has(key) && l == FA {
			label = l.T(key)
		}
		row := []Text{plain(l.Int(c.N)), plain(label)}
		for _, f := range c.Flags {
			switch {
			case f == nil:
				row = append(row, Text{{S: "–", Mark: "no_data"}})
			case *f:
				row = append(row, Text{{S: "✓", Mark: "contradicted", B: true}})
			default:
				row = append(row, Text{{S: "·", Mark: "congruent"}})
			}
		}
		tab.Rows = append(tab.Rows, row)
	}
	risk := []Text{plain(""), {bold(l.T("mon.risk"))}}
	for _, r := range t.Risk {
		if r.OK {
			risk = append(risk, plain(l.Pct(r.V)))
		} else {
			risk = append(risk, plain(l.T("val.na")))
		}
	}
	tab.Rows = append(tab.Rows, risk)
	b.add(Block{Kind: KindTable, Class: "monitor", Table: tab})
	b.addFigure("monitor", "")
	b.addFigure("monitor_risk", "")
	if len(t.Flagged) > 0 {
		fl := append([]bloc.FlaggedEvent(nil), t.Flagged...)
		sort.SliceStable(fl, func(i, j int) bool { return fl[i].Year < fl[j].Year })
		var items []Text
		for _, f := range fl {
			items = append(items, append(Text{bold(l.Int(f.Year) + " · " + l.T(fmt.Sprintf("end.%d", f.Condition)) + ": ")}, b.say(f.WhyMsg, f.Why)...))
		}
		b.add(para(Text{bold(l.T("mon.flagged"))}), Block{Kind: KindList, Items: items})
	}
	var rules []Text
	for _, c := range t.Conditions {
		label, walt := c.Label, b.english(c.Walt)
		if l == FA && l.Has(fmt.Sprintf("end.%d", c.N)) {
			label = l.T(fmt.Sprintf("end.%d", c.N))
			walt = plain(l.T(fmt.Sprintf("end.%d.case", c.N), "a", b.name(b.v.A), "b", b.name(b.v.B), "t", threat))
		}
		rules = append(rules, append(Text{bold(l.Digits(strconv.Itoa(c.N)) + ". " + label + ": "), {S: c.Rule, LTR: true, Code: true}, {S: " — "}}, walt...))
	}
	rules = append(rules, Text{bold(l.T("mon.risk") + ": "), {S: t.Model.Formula, LTR: true, Code: true}})
	b.add(Block{Kind: KindDetails, Summary: plain(l.T("mon.rules")), Blocks: append([]Block{{Kind: KindList, Items: rules}}, b.sayList(t.Notes, t.NotesMsg)...)})
}
