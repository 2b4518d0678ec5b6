package datasets

import "strings"

// BibTeX joins the datasets' entries, each distinct entry once, in order.
func BibTeX(list ...*Dataset) string {
	seen := map[string]bool{}
	var b strings.Builder
	for _, d := range list {
		for _, entry := range splitEntries(d.BibTeX) {
			if seen[entry] {
				continue
			}
			seen[entry] = true
			b.WriteString(entry)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func splitEntries(bib string) []string {
	var out []string
	for _, part := range strings.Split("\n"+bib, "\n@") {
		part = strings.TrimSpace(part)
		if part != "" {
			out = append(out, "@"+part)
		}
	}
	return out
}
