package httpapi

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/charts"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/report"
	"github.com/bloc-project/bloc/verdict"
	"github.com/bloc-project/bloc/web"
	"github.com/bloc-project/bloc/whatif"
)

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /api/health", s.health)
	m.HandleFunc("GET /api/meta", s.meta)
	m.HandleFunc("GET /api/i18n", s.i18n)
	m.HandleFunc("GET /api/states", s.states)
	m.HandleFunc("GET /api/resolve", s.resolve)
	m.HandleFunc("GET /api/explain", s.explainHandler)
	m.HandleFunc("GET /api/charts", s.chartsHandler)
	m.HandleFunc("GET /api/chart", s.chartHandler)
	m.HandleFunc("GET /api/report", s.reportHandler)
	m.HandleFunc("GET /api/datasets", s.datasetsHandler)
	m.HandleFunc("GET /api/cite", s.cite)
	m.HandleFunc("GET /api/panel", s.panelHandler)
	m.HandleFunc("GET /api/monitor", s.monitorHandler)
	m.HandleFunc("GET /api/whatif", s.whatifHandler)
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, notFound("no API endpoint "+r.URL.Path, "endpoints: /api/explain, /api/charts, /api/chart, /api/report, /api/monitor, /api/whatif, /api/panel, /api/states, /api/resolve, /api/datasets, /api/cite, /api/i18n, /api/meta, /api/health"))
	})
	static, err := fs.Sub(web.Static, "static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServer(http.FS(static))
	m.Handle("GET /static/", http.StripPrefix("/static/", s.staticGuard(static, files)))
	m.HandleFunc("GET /report.css", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Header().Set("Cache-Control", "private, max-age=300")
		w.Write([]byte(report.CSS()))
	})
	m.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		data, err := fs.ReadFile(static, "index.html")
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'")
		h.Set("Cache-Control", "no-cache")
		w.Write(data)
	})
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, notFound("nothing at "+r.URL.Path, "the web UI is at /, the API under /api/"))
	})
	s.mux = m
}

// staticGuard answers a missing file or a directory with a JSON 404 rather
// than the file server's listing or text.
func (s *Server) staticGuard(root fs.FS, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/")
		st, err := fs.Stat(root, name)
		if name == "" || err != nil || st.IsDir() {
			s.writeError(w, r, notFound("no file "+r.URL.Path+" in the UI"))
			return
		}
		w.Header().Set("Cache-Control", "private, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	if _, err := params(r); err != nil {
		s.writeError(w, r, err)
		return
	}
	items, cost, hits, misses := s.verdicts.Stats()
	worlds, years, _, _ := s.worlds.Stats()
	s.writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "version": s.cfg.Version, "schema": bloc.VerdictSchemaVersion,
		"cache": map[string]any{"verdicts": items, "verdict_bytes": cost, "hits": hits, "misses": misses, "worlds": worlds, "world_years": years}})
}

func (s *Server) meta(w http.ResponseWriter, r *http.Request) {
	if _, err := params(r); err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, map[string]any{
		"version": s.cfg.Version, "schema": bloc.VerdictSchemaVersion,
		"default_period": verdict.DefaultPeriod(), "first_year": 1816, "last_year": s.mry, "max_span": s.cfg.MaxSpan,
		"langs": report.Langs, "charts": charts.IDs, "report_formats": []string{"json", "md", "html", "pdf", "zip"},
		"palette": charts.Palette, "pdf": pdfAvailable(),
		"scenarios": whatif.Scenarios,
	})
}

func pdfAvailable() bool {
	_, err := os.Stat(report.ChromiumPath())
	return err == nil
}

func (s *Server) i18n(w http.ResponseWriter, r *http.Request) {
	q, err := params(r, "lang")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	l, err := report.ParseLang(q.Get("lang"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, map[string]any{"lang": l, "dir": l.Dir(), "messages": report.Messages(l)})
}

// stateInfo is a state as the UI lists it.
type stateInfo struct {
	bloc.State
	NameFa string `json:"name_fa,omitempty"`
	First  int    `json:"first_year"`
	Last   int    `json:"last_year"`
}

func (s *Server) stateInfo(st bloc.State) stateInfo {
	f, l := s.reg.Years(st.CCode)
	fa, _ := report.FaName(st.CCode)
	return stateInfo{State: st, NameFa: fa, First: f, Last: l}
}

func (s *Server) states(w http.ResponseWriter, r *http.Request) {
	q, err := params(r, "year")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	list := s.reg.All()
	if y, ok, err := year(q, "year"); err != nil {
		s.writeError(w, r, err)
		return
	} else if ok {
		if y < 1816 || y > s.mry {
			s.writeError(w, r, &bloc.Error{Code: bloc.ENODATA, Message: fmt.Sprintf("the state system data cover 1816–%d, not %d", s.mry, y)})
			return
		}
		list = s.reg.Members(y)
	}
	out := make([]stateInfo, 0, len(list))
	for _, st := range list {
		out = append(out, s.stateInfo(st))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	s.writeJSON(w, http.StatusOK, out)
}

func (s *Server) resolve(w http.ResponseWriter, r *http.Request) {
	q, err := params(r, "q")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	name := strings.TrimSpace(q.Get("q"))
	if name == "" || len(name) > maxStateArg {
		s.writeError(w, r, invalid(fmt.Sprintf("give a state name or code of 1 to %d bytes in q", maxStateArg)))
		return
	}
	st, err := s.reg.Resolve(name)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.writeJSON(w, http.StatusOK, s.stateInfo(st))
}

// dyadRequest parses the request's dyad and any extra parameters and
// returns the verdict.
func (s *Server) dyadRequest(r *http.Request, extra ...string) (dyad, *verdictEntry, map[string]string, error) {
	q, err := params(r, append(append([]string{}, dyadParams...), extra...)...)
	if err != nil {
		return dyad{}, nil, nil, err
	}
	d, err := s.parseDyad(q)
	if err != nil {
		return d, nil, nil, err
	}
	e, err := s.explain(d)
	if err != nil {
		return d, nil, nil, err
	}
	vals := map[string]string{}
	for _, k := range extra {
		vals[k] = q.Get(k)
	}
	return d, e, vals, nil
}

func (s *Server) explainHandler(w http.ResponseWriter, r *http.Request) {
	_, e, _, err := s.dyadRequest(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.serve(w, r, e.body, false)
}

func (s *Server) chartsHandler(w http.ResponseWriter, r *http.Request) {
	d, e, _, err := s.dyadRequest(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if _, err := s.charts(r.Context(), keyOf(e, d), e); err != nil {
		s.writeError(w, r, err)
		return
	}
	b, _ := s.outputs.Get(okey{V: keyOf(e, d), What: "charts"}, nil)
	s.serve(w, r, b, false)
}

// chartFormats are the formats of /api/chart.
var chartFormats = []string{"json", "csv", "svg", "png"}

func (s *Server) chartHandler(w http.ResponseWriter, r *http.Request) {
	d, e, x, err := s.dyadRequest(r, "id", "format")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	format, err := oneOf(mapValues(x), "format", "json", chartFormats...)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	id := x["id"]
	k := keyOf(e, d)
	b, err := s.outputs.Get(okey{V: k, What: "chart", ID: id, Format: format}, func() (*blob, int64, error) {
		cs, err := s.charts(r.Context(), k, e)
		if err != nil {
			return nil, 0, err
		}
		var c *charts.Chart
		for i := range cs {
			if cs[i].ID == id {
				c = &cs[i]
			}
		}
		if c == nil {
			return nil, 0, notFound(fmt.Sprintf("no chart %q", trunc(id)), "charts: "+strings.Join(charts.IDs, ", "))
		}
		var buf bytes.Buffer
		ctype := map[string]string{"json": "application/json; charset=utf-8", "csv": "text/csv; charset=utf-8", "svg": "image/svg+xml", "png": "image/png"}[format]
		switch format {
		case "json":
			err = writeIndented(&buf, c)
		case "csv":
			err = c.WriteCSV(&buf)
		default:
			err = c.Render(&buf, format, 0, 0)
		}
		if err != nil {
			return nil, 0, err
		}
		b := newBlob(ctype, buf.Bytes(), fmt.Sprintf("bloc-%s-%s-%d-%d-%s.%s", e.A.Abb, e.B.Abb, e.P.From, e.P.To, c.ID, format))
		return b, b.cost(), nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.serve(w, r, b, format == "json" || format == "svg" || format == "png")
}

func mapValues(m map[string]string) map[string][]string {
	out := map[string][]string{}
	for k, v := range m {
		if v != "" {
			out[k] = []string{v}
		}
	}
	return out
}

// reportFormats are the formats of /api/report: the report's Doc as JSON
// (what the UI draws), Markdown, HTML, PDF, or a zip of the report with
// its charts, data, verdict and BibTeX.
var reportFormats = []string{"json", "md", "html", "pdf", "zip"}

func (s *Server) reportHandler(w http.ResponseWriter, r *http.Request) {
	d, e, x, err := s.dyadRequest(r, "lang", "format", "inline")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	q := mapValues(x)
	format, err := oneOf(q, "format", "html", reportFormats...)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	inline, err := oneOf(q, "inline", "0", "0", "1")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	l, err := report.ParseLang(x["lang"])
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	k := keyOf(e, d)
	b, err := s.outputs.Get(okey{V: k, What: "report", Lang: l, Format: format}, func() (*blob, int64, error) {
		data, ctype, err := s.renderReport(r, k, e, l, format)
		if err != nil {
			return nil, 0, err
		}
		name := report.BaseName(&bloc.Verdict{A: e.A, B: e.B, Period: e.P}, l) + "." + format
		if format == "json" {
			name = ""
		}
		b := newBlob(ctype, data, name)
		return b, b.cost(), nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.serve(w, r, b, inline == "1")
}

func (s *Server) renderReport(r *http.Request, k vkey, e *verdictEntry, l report.Lang, format string) ([]byte, string, error) {
	cs, err := s.charts(r.Context(), k, e)
	if err != nil {
		return nil, "", err
	}
	// The raw fields keep what this build's bloc.Verdict does not know.
	d, err := s.decode(e)
	if err != nil {
		return nil, "", err
	}
	in := report.Input{Verdict: d.v, Raw: d.raw, Charts: cs, Version: s.cfg.Version, SVG: format == "html" || format == "pdf" || format == "zip"}
	doc := report.Build(in, l)
	var buf bytes.Buffer
	switch format {
	case "json":
		err = writeIndented(&buf, doc)
		return buf.Bytes(), "application/json; charset=utf-8", err
	case "md":
		err = report.Markdown(&buf, doc)
		return buf.Bytes(), "text/markdown; charset=utf-8", err
	case "html":
		err = report.HTML(&buf, doc, report.HTMLOptions{})
		return buf.Bytes(), "text/html; charset=utf-8", err
	case "pdf":
		select {
		case s.pdfs <- struct{}{}:
		case <-r.Context().Done():
			return nil, "", r.Context().Err()
		}
		defer func() { <-s.pdfs }()
		err = report.Render(r.Context(), &buf, doc, "pdf")
		return buf.Bytes(), "application/pdf", err
	case "zip":
		zw := zip.NewWriter(&buf)
		base := report.BaseName(d.v, l)
		bundle := &report.Bundle{Doc: doc, Verdict: d.v, VerdictJSON: d.json, Charts: cs}
		_, err = bundle.Write(r.Context(), func(name string) (io.Writer, error) { return zw.Create(base + "/" + name) }, []string{"md", "html"})
		if err == nil {
			err = zw.Close()
		}
		return buf.Bytes(), "application/zip", err
	}
	return nil, "", invalid("unknown format " + format)
}

func (s *Server) datasetsHandler(w http.ResponseWriter, r *http.Request) {
	if _, err := params(r); err != nil {
		s.writeError(w, r, err)
		return
	}
	type ds struct {
		Name     string   `json:"name"`
		Title    string   `json:"title"`
		Version  string   `json:"version"`
		Unit     string   `json:"unit"`
		Years    []int    `json:"years"`
		Rows     int      `json:"rows"`
		URL      string   `json:"url"`
		License  string   `json:"license"`
		Citation string   `json:"citation"`
		Caveats  []string `json:"caveats"`
	}
	var out []ds
	for _, d := range datasets.All() {
		var years []int
		if !d.TimeInvariant() {
			years = []int{d.Years[0], d.Years[1]}
		}
		caveats := d.Caveats
		if caveats == nil {
			caveats = []string{}
		}
		out = append(out, ds{d.Name, d.Title, d.Version, string(d.Unit), years, d.Rows, d.URL, d.License, d.CitationKeys(), caveats})
	}
	s.writeJSON(w, http.StatusOK, out)
}

// cite returns the BibTeX of the named datasets (datasets=a,b), or of
// every dataset a dyad's verdict and charts drew on (a, b, from, to).
func (s *Server) cite(w http.ResponseWriter, r *http.Request) {
	q, err := params(r, append([]string{"datasets", "format"}, dyadParams...)...)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	format, err := oneOf(q, "format", "bibtex", "bibtex", "json")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var list []*datasets.Dataset
	switch {
	case q.Get("datasets") != "":
		if q.Get("a") != "" || q.Get("b") != "" {
			s.writeError(w, r, invalid("give either datasets or a dyad (a, b), not both"))
			return
		}
		names := strings.Split(q.Get("datasets"), ",")
		if len(names) > 64 {
			s.writeError(w, r, invalid("at most 64 datasets at once"))
			return
		}
		for _, n := range names {
			d, err := datasets.Lookup(strings.TrimSpace(n))
			if err != nil {
				s.writeError(w, r, err)
				return
			}
			list = append(list, d)
		}
	case q.Get("a") != "" || q.Get("b") != "":
		d, err := s.parseDyad(q)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		e, err := s.explain(d)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		cs, err := s.charts(r.Context(), keyOf(e, d), e)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		dv, err := s.decode(e)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		list = report.Datasets(dv.v, cs)
	default:
		s.writeError(w, r, invalid("give datasets=NAME[,NAME...] or a dyad (a, b)", "e.g. /api/cite?datasets=cow_nmc_v7,atop5_dyad_year"))
		return
	}
	if format == "json" {
		type entry struct {
			Dataset string `json:"dataset"`
			Keys    string `json:"keys"`
			BibTeX  string `json:"bibtex"`
		}
		out := []entry{}
		for _, d := range list {
			out = append(out, entry{d.Name, d.CitationKeys(), d.BibTeX})
		}
		s.writeJSON(w, http.StatusOK, out)
		return
	}
	w.Header().Set("Content-Type", "application/x-bibtex; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(datasets.BibTeX(list...))))
	w.Write([]byte(datasets.BibTeX(list...)))
}

func writeIndented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
