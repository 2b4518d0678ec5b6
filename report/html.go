package report

import (
	_ "embed"
	"encoding/base64"
	"html/template"
	"io"
	"strings"
)

//go:embed report.css
var reportCSS string

// CSS returns the report's stylesheet, shared with the web UI.
func CSS() string { return reportCSS }

// HTMLOptions control the HTML report.
type HTMLOptions struct {
	// Print opens every details block, for PDF.
	Print bool
}

// HTML writes the report as one self-contained HTML page: styles inline,
// charts as embedded SVG images, nothing loaded from elsewhere. A Persian
// report is right to left (dir="rtl", lang="fa").
func HTML(w io.Writer, d *Doc, opt HTMLOptions) error {
	return page.Execute(w, struct {
		D     *Doc
		CSS   template.CSS
		Print bool
	}{d, template.CSS(reportCSS), opt.Print})
}

var page = template.Must(template.New("page").Funcs(template.FuncMap{
	"text":  htmlText,
	"svg":   svgURL,
	"isnum": func(num []bool, k int) bool { return k < len(num) && num[k] },
	// args passes a block and the print flag to the recursive template.
	"args": func(b Block, print bool) any {
		return struct {
			B     Block
			Print bool
		}{b, print}
	},
}).Parse(`<!DOCTYPE html>
<html lang="{{.D.Lang}}" dir="{{.D.Dir}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.D.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body class="report lang-{{.D.Lang}}">
<header>
<h1>{{.D.Title}}</h1>
<p class="subtitle">{{.D.Subtitle}}</p>
</header>
<nav class="toc"><ol>{{range .D.Sections}}{{if eq .Level 2}}<li><a href="#{{.ID}}">{{.Title}}</a></li>{{end}}{{end}}</ol></nav>
<main>
{{range .D.Sections}}<section id="{{.ID}}" class="level{{.Level}}">
{{if eq .Level 2}}<h2>{{.Title}}</h2>{{else}}<h3>{{.Title}}</h3>{{end}}
{{range .Blocks}}{{template "block" (args . $.Print)}}{{end}}
</section>
{{end}}</main>
</body>
</html>
{{define "block"}}{{$b := .B}}{{$print := .Print}}{{if eq $b.Kind "p"}}<p{{if $b.Class}} class="{{$b.Class}}"{{end}}>{{text $b.Text}}</p>
{{else if eq $b.Kind "list"}}<ul{{if $b.Class}} class="{{$b.Class}}"{{end}}>{{range $b.Items}}<li>{{text .}}</li>{{end}}</ul>
{{else if eq $b.Kind "table"}}<div class="table-wrap"><table{{if $b.Class}} class="{{$b.Class}}"{{end}}>{{if $b.Table.Caption}}<caption>{{text $b.Table.Caption}}</caption>{{end}}
<thead><tr>{{range $k, $h := $b.Table.Head}}<th{{if isnum $b.Table.Num $k}} class="num"{{end}}>{{text $h}}</th>{{end}}</tr></thead>
<tbody>{{range $b.Table.Rows}}<tr>{{range $k, $c := .}}<td{{if isnum $b.Table.Num $k}} class="num"{{end}}>{{text $c}}</td>{{end}}</tr>
{{end}}</tbody></table></div>
{{else if eq $b.Kind "figure"}}<figure id="fig-{{$b.Figure.Chart.ID}}">{{if $b.Figure.SVG}}<img src="{{svg $b.Figure.SVG}}" alt="{{$b.Figure.Chart.Title}}">{{end}}
<figcaption><strong>{{$b.Figure.Chart.Title}}</strong> {{text $b.Figure.Caption}}</figcaption></figure>
{{else if eq $b.Kind "code"}}<pre dir="ltr" class="code">{{$b.Code}}</pre>
{{else if eq $b.Kind "details"}}<details{{if $b.Class}} class="{{$b.Class}}"{{end}}{{if $print}} open{{end}}><summary>{{text $b.Summary}}</summary>
{{range $b.Blocks}}{{template "block" (args . $print)}}{{end}}</details>
{{end}}{{end}}`))

// svgURL embeds an SVG drawing as a data URL.
func svgURL(svg []byte) template.URL {
	return template.URL("data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString(svg))
}

// htmlText renders spans with every string escaped.
func htmlText(t Text) template.HTML {
	var b strings.Builder
	for _, sp := range t {
		if sp.S == "" {
			continue
		}
		s := template.HTMLEscapeString(sp.S)
		var class []string
		if sp.Mark != "" {
			class = append(class, "mark-"+sp.Mark)
		}
		if sp.Cite != "" {
			class = append(class, "cite")
		}
		if sp.Code {
			s = "<code>" + s + "</code>"
		}
		if sp.B {
			s = "<strong>" + s + "</strong>"
		}
		if sp.I {
			s = "<em>" + s + "</em>"
		}
		if sp.Small {
			s = "<small>" + s + "</small>"
		}
		if sp.Href != "" && (strings.HasPrefix(sp.Href, "#") || strings.HasPrefix(sp.Href, "https://") || strings.HasPrefix(sp.Href, "http://")) {
			s = `<a href="` + template.HTMLEscapeString(sp.Href) + `">` + s + "</a>"
		}
		attrs := ""
		if len(class) > 0 {
			attrs += ` class="` + strings.Join(class, " ") + `"`
		}
		if sp.Cite != "" {
			attrs += ` data-cite="` + template.HTMLEscapeString(sp.Cite) + `"`
		}
		switch {
		case sp.LTR:
			s = `<bdi dir="ltr"` + attrs + ">" + s + "</bdi>"
		case attrs != "":
			s = "<span" + attrs + ">" + s + "</span>"
		}
		b.WriteString(s)
	}
	return template.HTML(b.String())
}
