// Package report turns a verdict into a report a person reads: the question,
// the tie, the threat table, each theory's assumptions, tests and score (the
// seed paper's Tables 1 and 3), the comparison of the two best accounts
// (Table 4), the ending conditions (Table 2), the evidence ledger, the charts
// (Figures 1 and 2 and more) and the citation of every dataset and source —
// in English or in Persian (right to left, Persian digits, the paper's
// terms).
//
// Build lays the report out as a Doc, a tree of sections and blocks in one
// language; Markdown and HTML render a Doc, PDF prints the HTML with
// headless Chromium, and the web UI draws the Doc's JSON. The report reads
// the verdict (docs/verdict-schema.md) and computes nothing: presentation
// never computes.
package report

import (
	"github.com/bloc-project/bloc/charts"
)

// Doc is a report in one language.
type Doc struct {
	Lang     Lang      `json:"lang"`
	Dir      string    `json:"dir"`
	Title    string    `json:"title"`
	Subtitle string    `json:"subtitle"`
	Meta     Meta      `json:"meta"`
	Sections []Section `json:"sections"`
}

// Meta identifies what the report is about.
type Meta struct {
	A, B      string `json:"-"`
	AAbb      string `json:"a"`
	BAbb      string `json:"b"`
	From      int    `json:"from"`
	To        int    `json:"to"`
	Schema    string `json:"schema"`
	Version   string `json:"version"`
	Generated string `json:"generated"`
}

// Section is a titled part of the report; Level 2 sections hold level 3 ones
// in order after them.
type Section struct {
	ID     string  `json:"id"`
	Level  int     `json:"level"`
	Title  string  `json:"title"`
	Blocks []Block `json:"blocks"`
}

// Block kinds.
const (
	KindP       = "p"       // a paragraph
	KindList    = "list"    // a bulleted list
	KindTable   = "table"   // a table
	KindFigure  = "figure"  // a chart
	KindCode    = "code"    // preformatted text (BibTeX)
	KindDetails = "details" // a summary line that opens to more blocks
)

// Block is one paragraph, list, table, figure, code block or details.
type Block struct {
	Kind    string  `json:"kind"`
	Class   string  `json:"class,omitempty"`
	Text    Text    `json:"text,omitempty"`
	Items   []Text  `json:"items,omitempty"`
	Table   *Table  `json:"table,omitempty"`
	Figure  *Figure `json:"figure,omitempty"`
	Code    string  `json:"code,omitempty"`
	Summary Text    `json:"summary,omitempty"`
	Blocks  []Block `json:"blocks,omitempty"`
}

// Span is a run of text. LTR marks Latin text, numbers with signs or
// formulas that keep left-to-right order inside right-to-left text.
type Span struct {
	S    string `json:"s"`
	LTR  bool   `json:"ltr,omitempty"`
	B    bool   `json:"b,omitempty"`
	I    bool   `json:"i,omitempty"`
	Code bool   `json:"code,omitempty"`
	// Small is secondary text (a formula under a label).
	Small bool `json:"small,omitempty"`
	// Mark is an outcome or claim verdict (congruent, contradicted, no_data,
	// supported, ...), for colour.
	Mark string `json:"mark,omitempty"`
	// Cite names the datasets (comma separated) whose citation the span
	// refers to.
	Cite string `json:"cite,omitempty"`
	// Href is a link.
	Href string `json:"href,omitempty"`
}

// Text is a sequence of spans.
type Text []Span

// Table is a table with a caption, a header and rows of cells.
type Table struct {
	Caption Text     `json:"caption,omitempty"`
	Head    []Text   `json:"head"`
	Rows    [][]Text `json:"rows"`
	// Num marks the numeric columns.
	Num []bool `json:"num,omitempty"`
}

// Figure is a chart with its title, series and categories in the report's
// language, and its caption.
type Figure struct {
	Chart   charts.Chart `json:"chart"`
	Caption Text         `json:"caption,omitempty"`
	// Labels are the x categories as shown (state and theory names in the
	// report's language); Chart.X keeps the codes.
	Labels []string `json:"labels"`
	// SVG is the chart drawn by gonum/plot, for the HTML report.
	SVG []byte `json:"-"`
}

// plain returns a Text of one plain span.
func plain(s string) Text { return Text{{S: s}} }

// ltr returns a Text of one left-to-right span.
func ltr(s string) Text { return Text{{S: s, LTR: true}} }

func bold(s string) Span { return Span{S: s, B: true} }

func para(t Text) Block { return Block{Kind: KindP, Text: t} }

func note(t Text) Block { return Block{Kind: KindP, Class: "note", Text: t} }

// String returns the text without marks.
func (t Text) String() string {
	var s string
	for _, sp := range t {
		s += sp.S
	}
	return s
}
