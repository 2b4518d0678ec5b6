package report

import (
	"fmt"
	"io"
	"strings"
)

// Markdown writes the report as Markdown. Figures link to charts/<id>.svg
// and their data to data/<id>.csv, the files WriteBundle writes beside the
// report. A Persian report is wrapped in a right-to-left block, and
// left-to-right runs are isolated (U+2066 … U+2069).
func Markdown(w io.Writer, d *Doc) error {
	m := &mdWriter{w: w, d: d}
	if d.Lang == FA {
		m.f("<div dir=\"rtl\" lang=\"fa\">\n\n")
	}
	m.f("# %s\n\n*%s*\n\n", mdEscape(d.Title), mdEscape(d.Subtitle))
	for _, s := range d.Sections {
		m.f("<a id=\"%s\"></a>\n\n%s %s\n\n", s.ID, strings.Repeat("#", s.Level), mdEscape(s.Title))
		for _, b := range s.Blocks {
			m.block(b)
		}
	}
	if d.Lang == FA {
		m.f("</div>\n")
	}
	return m.err
}

type mdWriter struct {
	w   io.Writer
	d   *Doc
	err error
}

func (m *mdWriter) f(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

var mdEscaper = strings.NewReplacer("*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]")

func mdEscape(s string) string { return mdEscaper.Replace(s) }

func (m *mdWriter) text(t Text) string {
	var b strings.Builder
	for _, sp := range t {
		s := sp.S
		if s == "" {
			continue
		}
		if sp.Code {
			s = "`" + strings.ReplaceAll(s, "`", "'") + "`"
		} else {
			s = mdEscape(s)
		}
		if sp.B {
			s = wrapMark(s, "**")
		}
		if sp.I || sp.Small {
			s = wrapMark(s, "*")
		}
		if sp.Small {
			s = " (" + s + ")"
		}
		if sp.Href != "" {
			s = "[" + s + "](" + sp.Href + ")"
		}
		if sp.LTR && m.d.Lang == FA {
			s = "\u2066" + s + "\u2069"
		}
		b.WriteString(s)
	}
	return b.String()
}

// wrapMark wraps s in an emphasis mark, with the spaces at its ends outside
// the mark, as Markdown needs.
func wrapMark(s, mark string) string {
	core := strings.TrimSpace(s)
	if core == "" {
		return s
	}
	i := strings.Index(s, core)
	return s[:i] + mark + core + mark + s[i+len(core):]
}

func cellText(s string) string {
	return strings.NewReplacer("|", "\\|", "\n", " ").Replace(s)
}

func (m *mdWriter) block(b Block) {
	switch b.Kind {
	case KindP:
		if b.Class == "note" {
			m.f("> %s\n\n", m.text(b.Text))
		} else {
			m.f("%s\n\n", m.text(b.Text))
		}
	case KindList:
		for _, it := range b.Items {
			m.f("- %s\n", m.text(it))
		}
		m.f("\n")
	case KindTable:
		t := b.Table
		if len(t.Caption) > 0 {
			m.f("*%s*\n\n", m.text(t.Caption))
		}
		var head, sep []string
		for k, h := range t.Head {
			head = append(head, cellText(m.text(h)))
			if k < len(t.Num) && t.Num[k] {
				sep = append(sep, "---:")
			} else {
				sep = append(sep, "---")
			}
		}
		m.f("| %s |\n|%s|\n", strings.Join(head, " | "), strings.Join(sep, "|"))
		for _, r := range t.Rows {
			var cells []string
			for _, c := range r {
				cells = append(cells, cellText(m.text(c)))
			}
			m.f("| %s |\n", strings.Join(cells, " | "))
		}
		m.f("\n")
	case KindFigure:
		f := b.Figure
		m.f("![%s](charts/%s.svg)\n\n", mdEscape(f.Chart.Title), f.Chart.ID)
		m.f("*%s* — [CSV](data/%s.csv) · [JSON](data/%s.json)\n\n", m.text(f.Caption), f.Chart.ID, f.Chart.ID)
	case KindCode:
		m.f("```bibtex\n%s\n```\n\n", b.Code)
	case KindDetails:
		m.f("<details><summary>%s</summary>\n\n", m.text(b.Summary))
		for _, in := range b.Blocks {
			m.block(in)
		}
		m.f("</details>\n\n")
	}
}
