package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
)

// table is tabular output: text (aligned columns), csv, or json (the value
// in JSON, which may carry more than the columns).
type table struct {
	header []string
	rows   [][]string
	json   any
}

func (e *env) print(t table) error {
	return render(e.stdout, e.format, t)
}

func render(w io.Writer, format string, t table) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		v := t.json
		if v == nil {
			v = t.objects()
		}
		return enc.Encode(v)
	case "csv":
		cw := csv.NewWriter(w)
		cw.Write(t.header)
		cw.WriteAll(t.rows)
		return cw.Error()
	default:
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		for i, h := range t.header {
			if i > 0 {
				fmt.Fprint(tw, "\t")
			}
			fmt.Fprint(tw, h)
		}
		fmt.Fprintln(tw)
		for _, r := range t.rows {
			for i, c := range r {
				if i > 0 {
					fmt.Fprint(tw, "\t")
				}
				fmt.Fprint(tw, c)
			}
			fmt.Fprintln(tw)
		}
		return tw.Flush()
	}
}

func (t table) objects() []map[string]string {
	out := make([]map[string]string, 0, len(t.rows))
	for _, r := range t.rows {
		m := map[string]string{}
		for i, h := range t.header {
			if i < len(r) {
				m[h] = r[i]
			}
		}
		out = append(out, m)
	}
	return out
}
