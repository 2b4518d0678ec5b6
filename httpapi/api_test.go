package httpapi_test

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/charts"
	"github.com/bloc-project/bloc/httpapi"
	"github.com/bloc-project/bloc/internal/teststore"
	"github.com/bloc-project/bloc/report"
	"github.com/bloc-project/bloc/verdict"
)

// api returns a server on the test store.
func api(t *testing.T) *httptest.Server {
	t.Helper()
	return uiServer(t)
}

func get(t *testing.T, ts *httptest.Server, path string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept-Encoding", "identity")
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestAPI(t *testing.T) {
	ts := api(t)

	t.Run("explain", func(t *testing.T) {
		resp, body := get(t, ts, "/api/explain?a=Iran&b=Russia&from=2009&to=2018")
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("status %d, %s: %.300s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
		var v bloc.Verdict
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatal(err)
		}
		if v.A.Abb != "IRN" || v.B.Abb != "RUS" || len(v.Theories) < 6 || v.Case == nil {
			t.Errorf("verdict %s→%s, %d theories, case %v", v.A.Abb, v.B.Abb, len(v.Theories), v.Case != nil)
		}
		// The same verdict again comes from the cache, with an ETag, and
		// gzipped on request.
		req, _ := http.NewRequest(http.MethodGet, ts.URL+"/api/explain?a=IRN&b=RUS&from=2009&to=2018", nil)
		req.Header.Set("Accept-Encoding", "gzip")
		r2, err := ts.Client().Transport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer r2.Body.Close()
		if r2.Header.Get("Content-Encoding") != "gzip" || r2.Header.Get("ETag") != resp.Header.Get("ETag") {
			t.Errorf("gzip %q, etag %q vs %q", r2.Header.Get("Content-Encoding"), r2.Header.Get("ETag"), resp.Header.Get("ETag"))
		}
		zr, err := gzip.NewReader(r2.Body)
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := io.ReadAll(zr)
		if !bytes.Equal(plain, body) {
			t.Error("the gzipped verdict differs from the plain one")
		}
		// Default period and a dyad without a case file.
		resp, body = get(t, ts, "/api/explain?a=USA&b=UKG")
		if resp.StatusCode != 200 {
			t.Fatalf("USA UKG: %d %.300s", resp.StatusCode, body)
		}
	})

	t.Run("charts", func(t *testing.T) {
		resp, body := get(t, ts, "/api/charts?a=IRN&b=RUS")
		if resp.StatusCode != 200 {
			t.Fatalf("%d %.300s", resp.StatusCode, body)
		}
		var cs []charts.Chart
		if err := json.Unmarshal(body, &cs); err != nil {
			t.Fatal(err)
		}
		if len(cs) != len(charts.IDs) {
			t.Errorf("%d charts, want %d", len(cs), len(charts.IDs))
		}
		for _, f := range []string{"csv", "json", "svg", "png"} {
			resp, body := get(t, ts, "/api/chart?a=IRN&b=RUS&id=trade&format="+f)
			if resp.StatusCode != 200 || len(body) < 100 {
				t.Errorf("trade as %s: %d, %d bytes", f, resp.StatusCode, len(body))
			}
			if f == "csv" && !strings.HasPrefix(string(body), "year,") {
				t.Errorf("trade CSV starts %.40q", body)
			}
		}
	})

	t.Run("report", func(t *testing.T) {
		for _, c := range []struct{ lang, format, want string }{
			{"en", "json", `"sections"`}, {"fa", "json", `"dir": "rtl"`}, {"en", "md", "# Why does Iran align with Russia"},
			{"fa", "md", `<div dir="rtl" lang="fa">`}, {"en", "html", `<html lang="en" dir="ltr">`}, {"fa", "html", `<html lang="fa" dir="rtl">`},
		} {
			resp, body := get(t, ts, fmt.Sprintf("/api/report?a=IRN&b=RUS&lang=%s&format=%s", c.lang, c.format))
			if resp.StatusCode != 200 || !bytes.Contains(body, []byte(c.want)) {
				t.Errorf("%s %s: %d, want %q in %.200s", c.lang, c.format, resp.StatusCode, c.want, body)
			}
		}
		resp, body := get(t, ts, "/api/report?a=IRN&b=RUS&lang=fa&format=zip")
		if resp.StatusCode != 200 {
			t.Fatalf("zip: %d %.200s", resp.StatusCode, body)
		}
		zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
		if err != nil {
			t.Fatal(err)
		}
		names := map[string]bool{}
		for _, f := range zr.File {
			names[f.Name] = true
		}
		for _, want := range []string{"bloc-IRN-RUS-2009-2018-fa/bloc-IRN-RUS-2009-2018-fa.md", "bloc-IRN-RUS-2009-2018-fa/bloc-IRN-RUS-2009-2018-fa.html",
			"bloc-IRN-RUS-2009-2018-fa/charts/trade.svg", "bloc-IRN-RUS-2009-2018-fa/data/trade.csv", "bloc-IRN-RUS-2009-2018-fa/references.bib", "bloc-IRN-RUS-2009-2018-fa/verdict.json"} {
			if !names[want] {
				t.Errorf("the zip has no %s", want)
			}
		}
	})

	t.Run("prior", func(t *testing.T) {
		weigh := func(path string) *bloc.Evidence {
			resp, body := get(t, ts, path)
			var v bloc.Verdict
			if resp.StatusCode != 200 || json.Unmarshal(body, &v) != nil || v.Evidence == nil {
				t.Fatalf("%s: %d %.300s", path, resp.StatusCode, body)
			}
			return v.Evidence
		}
		for _, dyad := range []string{"a=IRN&b=RUS", "a=PAK&b=CHN"} { // with the built-in ledger, and on the shared World
			uniform := weigh("/api/explain?" + dyad)
			tilted := weigh("/api/explain?" + dyad + "&prior=" + urlEscape("BoP=0.9"))
			if tilted.Prior != "BoP=0.9" || uniform.Prior == tilted.Prior {
				t.Errorf("%s: prior %q (uniform %q)", dyad, tilted.Prior, uniform.Prior)
			}
			post := func(e *bloc.Evidence, id string) float64 {
				for _, h := range e.Hypotheses {
					if h.ID == id {
						return h.Posterior
					}
				}
				return -1
			}
			if post(tilted, "balance_of_power") <= post(uniform, "balance_of_power") {
				t.Errorf("%s: a prior of 0.9 on BoP left its posterior at %.3f (uniform %.3f)", dyad, post(tilted, "balance_of_power"), post(uniform, "balance_of_power"))
			}
		}
	})

	t.Run("monitor and whatif", func(t *testing.T) {
		resp, body := get(t, ts, "/api/monitor?a=IRN&b=RUS")
		var m bloc.Termination
		if resp.StatusCode != 200 || json.Unmarshal(body, &m) != nil || len(m.Conditions) != 6 || len(m.Years) != 10 {
			t.Errorf("monitor: %d, %d conditions, %d years", resp.StatusCode, len(m.Conditions), len(m.Years))
		}
		resp, body = get(t, ts, "/api/whatif?a=IRN&b=RUS&scenario=us-threat-fades,iran-grows-strong")
		var rep struct {
			Scenarios []struct {
				Name    string
				Changes []string
			}
		}
		if resp.StatusCode != 200 || json.Unmarshal(body, &rep) != nil || len(rep.Scenarios) != 2 {
			t.Errorf("whatif: %d %.300s", resp.StatusCode, body)
		}
		resp, body = get(t, ts, "/api/whatif?a=IRN&b=RUS&set="+urlEscape("USA.intentions=low;IRN.cinc*=2@2016"))
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`"custom"`)) {
			t.Errorf("custom whatif: %d %.300s", resp.StatusCode, body)
		}
		// In Persian: the same English changes, and beside them the same
		// lines in Persian, index for index.
		resp, body = get(t, ts, "/api/whatif?a=IRN&b=RUS&scenario=us-threat-fades,iran-grows-strong&lang=fa")
		var fa struct {
			Scenarios []struct {
				Changes     []string
				ChangesText []string `json:"changes_text"`
			}
		}
		if resp.StatusCode != 200 || json.Unmarshal(body, &fa) != nil || len(fa.Scenarios) != 2 {
			t.Fatalf("whatif in Persian: %d %.300s", resp.StatusCode, body)
		}
		for k, sc := range fa.Scenarios {
			if len(sc.ChangesText) != len(sc.Changes) || !reflect.DeepEqual(sc.Changes, rep.Scenarios[k].Changes) {
				t.Errorf("scenario %d: %d changes, %d in Persian; English %q vs %q", k, len(sc.Changes), len(sc.ChangesText), sc.Changes, rep.Scenarios[k].Changes)
			}
			for i, c := range sc.ChangesText {
				if c == sc.Changes[i] || !strings.ContainsAny(c, "ابپتسیرهوندکگم") {
					t.Errorf("scenario %d change %d not in Persian: %q", k, i, c)
				}
			}
		}
		if resp, _ := get(t, ts, "/api/whatif?a=IRN&b=RUS&scenario=all&lang=xx"); resp.StatusCode != 400 {
			t.Errorf("whatif with lang=xx: %d, want 400", resp.StatusCode)
		}
	})

	t.Run("panel", func(t *testing.T) {
		resp, body := get(t, ts, "/api/panel?a=IRN&b=RUS&from=2009&to=2012&add=nmc,atop")
		var p struct {
			Columns []struct{ Name string }
			Rows    [][]any
		}
		if resp.StatusCode != 200 || json.Unmarshal(body, &p) != nil {
			t.Fatalf("panel: %d %.300s", resp.StatusCode, body)
		}
		if len(p.Rows) != 8 { // 4 years, both directions
			t.Errorf("%d rows, want 8", len(p.Rows))
		}
		resp, body = get(t, ts, "/api/panel?unit=state-year&a=IRN&from=2009&to=2012&add=nmc&format=csv")
		if resp.StatusCode != 200 || bytes.Count(body, []byte("\n")) != 5 || !bytes.HasPrefix(body, []byte("ccode,")) {
			t.Errorf("state-year CSV: %d %.300s", resp.StatusCode, body)
		}
	})

	t.Run("states, resolve, datasets, cite, i18n, meta", func(t *testing.T) {
		resp, body := get(t, ts, "/api/states?year=2018")
		var states []map[string]any
		if resp.StatusCode != 200 || json.Unmarshal(body, &states) != nil || len(states) < 190 {
			t.Errorf("states: %d, %d states", resp.StatusCode, len(states))
		}
		resp, body = get(t, ts, "/api/resolve?q="+urlEscape("ایران"))
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`"stateabb":"IRN"`)) {
			t.Errorf("resolve: %d %s", resp.StatusCode, body)
		}
		resp, body = get(t, ts, "/api/datasets")
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte("cow_nmc_v7")) {
			t.Errorf("datasets: %d", resp.StatusCode)
		}
		resp, body = get(t, ts, "/api/cite?datasets=cow_nmc_v7")
		if resp.StatusCode != 200 || !bytes.HasPrefix(body, []byte("@")) {
			t.Errorf("cite: %d %.100s", resp.StatusCode, body)
		}
		resp, body = get(t, ts, "/api/cite?a=IRN&b=RUS")
		if resp.StatusCode != 200 || bytes.Count(body, []byte("\n@")) < 10 {
			t.Errorf("cite of a dyad: %d, %d entries", resp.StatusCode, bytes.Count(body, []byte("\n@")))
		}
		resp, body = get(t, ts, "/api/i18n?lang=fa")
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte(`"dir":"rtl"`)) {
			t.Errorf("i18n: %d %.100s", resp.StatusCode, body)
		}
		resp, _ = get(t, ts, "/api/meta")
		if resp.StatusCode != 200 {
			t.Errorf("meta: %d", resp.StatusCode)
		}
		resp, body = get(t, ts, "/")
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte("/static/app.js")) {
			t.Errorf("index: %d", resp.StatusCode)
		}
		resp, body = get(t, ts, "/static/vendor/echarts.min.js")
		if resp.StatusCode != 200 || len(body) < 500000 {
			t.Errorf("echarts: %d, %d bytes", resp.StatusCode, len(body))
		}
	})
}

func urlEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// TestBadRequests checks that every bad request gets a 4xx status and a
// JSON Problem {code, message, hints}, never a 5xx or a stack trace.
func TestBadRequests(t *testing.T) {
	ts := api(t)
	long := strings.Repeat("x", 300)
	cases := []struct {
		name, path string
		status     int
		code       string
	}{
		{"unknown state", "/api/explain?a=Atlantis&b=RUS", 404, bloc.ENOTFOUND},
		{"unknown state b", "/api/report?a=IRN&b=Narnia&format=html", 404, bloc.ENOTFOUND},
		{"same state", "/api/explain?a=IRN&b=Iran", 400, bloc.EINVALID},
		{"missing b", "/api/explain?a=IRN", 400, bloc.EINVALID},
		{"year not a number", "/api/explain?a=IRN&b=RUS&from=abc&to=2018", 400, bloc.EINVALID},
		{"year too long", "/api/explain?a=IRN&b=RUS&from=20090&to=2018", 400, bloc.EINVALID},
		{"negative year", "/api/explain?a=IRN&b=RUS&from=-2009&to=2018", 400, bloc.EINVALID},
		{"from after to", "/api/explain?a=IRN&b=RUS&from=2018&to=2009", 400, bloc.EINVALID},
		{"before 1816", "/api/explain?a=IRN&b=RUS&from=1700&to=1710", 400, bloc.EINVALID},
		{"beyond the data", "/api/explain?a=IRN&b=RUS&from=2090&to=2095", 422, bloc.ENODATA},
		{"only from", "/api/explain?a=IRN&b=RUS&from=2009", 400, bloc.EINVALID},
		{"span too long", "/api/explain?a=IRN&b=RUS&from=1900&to=2018", 400, bloc.EINVALID},
		{"not a member then", "/api/explain?a=UKR&b=RUS&from=1950&to=1960", 422, bloc.ENODATA},
		{"oversized state", "/api/explain?a=" + long[:80] + "&b=RUS", 400, bloc.EINVALID},
		{"oversized parameter", "/api/explain?a=IRN&b=" + long, 400, bloc.EINVALID},
		{"oversized query", "/api/explain?a=IRN&b=RUS&" + strings.Repeat("x=1&", 600), 400, bloc.EINVALID},
		{"malformed escape", "/api/explain?a=%zz&b=RUS", 400, bloc.EINVALID},
		{"invalid UTF-8", "/api/explain?a=%ff%fe&b=RUS", 400, bloc.EINVALID},
		{"control character", "/api/explain?a=IR%00N&b=RUS", 400, bloc.EINVALID},
		{"repeated parameter", "/api/explain?a=IRN&a=USA&b=RUS", 400, bloc.EINVALID},
		{"unknown parameter", "/api/explain?a=IRN&b=RUS&evil=1", 400, bloc.EINVALID},
		{"bad case", "/api/explain?a=IRN&b=RUS&case=../../etc/passwd", 400, bloc.EINVALID},
		{"bad lang", "/api/report?a=IRN&b=RUS&lang=xx", 400, bloc.EINVALID},
		{"bad prior", "/api/explain?a=IRN&b=RUS&prior=BoT=2", 400, bloc.EINVALID},
		{"unknown prior id", "/api/explain?a=IRN&b=RUS&prior=nobody=0.5", 400, bloc.EINVALID},
		{"oversized prior", "/api/explain?a=IRN&b=RUS&prior=" + strings.Repeat("x", 300), 400, bloc.EINVALID},
		{"bad format", "/api/report?a=IRN&b=RUS&format=exe", 400, bloc.EINVALID},
		{"format traversal", "/api/report?a=IRN&b=RUS&format=../../etc/passwd", 400, bloc.EINVALID},
		{"unknown chart", "/api/chart?a=IRN&b=RUS&id=../../etc/passwd", 404, bloc.ENOTFOUND},
		{"bad chart format", "/api/chart?a=IRN&b=RUS&id=trade&format=gif", 400, bloc.EINVALID},
		{"state traversal", "/api/explain?a=../../etc/passwd&b=RUS", 404, bloc.ENOTFOUND},
		{"unknown dataset", "/api/cite?datasets=../../etc/passwd", 404, bloc.ENOTFOUND},
		{"cite without subject", "/api/cite", 400, bloc.EINVALID},
		{"bad states year", "/api/states?year=3000", 422, bloc.ENODATA},
		{"unknown endpoint", "/api/nothing", 404, bloc.ENOTFOUND},
		{"unknown page", "/etc/passwd", 404, bloc.ENOTFOUND},
		{"missing static file", "/static/nothing.js", 404, bloc.ENOTFOUND},
		{"static directory", "/static/vendor/", 404, bloc.ENOTFOUND},
		{"encoded traversal", "/static/%2e%2e/%2e%2e/etc/passwd", 400, bloc.EINVALID},
		{"encoded slash", "/static/..%2f..%2fetc%2fpasswd", 400, bloc.EINVALID},
		{"backslash", "/static/..%5c..%5cetc%5cpasswd", 400, bloc.EINVALID},
		{"whatif without scenario", "/api/whatif?a=IRN&b=RUS", 400, bloc.EINVALID},
		{"whatif unknown scenario", "/api/whatif?a=IRN&b=RUS&scenario=../../x", 400, bloc.EINVALID},
		{"whatif bad set", "/api/whatif?a=IRN&b=RUS&set=IRN.nothing=3", 400, bloc.EINVALID},
		{"whatif at outside", "/api/whatif?a=IRN&b=RUS&scenario=all&at=1990", 400, bloc.EINVALID},
		{"monitor unknown state", "/api/monitor?a=Atlantis&b=RUS", 404, bloc.ENOTFOUND},
		{"panel without states", "/api/panel?unit=dyad-year", 400, bloc.EINVALID},
		{"panel unknown covariate", "/api/panel?a=IRN&add=nmc,evil", 400, bloc.EINVALID},
		{"panel bad unit", "/api/panel?a=IRN&unit=leader-year", 400, bloc.EINVALID},
		{"panel too long", "/api/panel?a=IRN&from=1816&to=2018", 400, bloc.EINVALID},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			resp, body := get(t, ts, c.path)
			checkProblem(t, resp.StatusCode, resp.Header.Get("Content-Type"), body, c.status, c.code)
		})
	}
	t.Run("POST", func(t *testing.T) {
		resp, err := ts.Client().Post(ts.URL+"/api/explain?a=IRN&b=RUS", "application/json", strings.NewReader("{}"))
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		checkProblem(t, resp.StatusCode, resp.Header.Get("Content-Type"), body, 405, bloc.EINVALID)
	})
	// Raw request lines, which a client library would clean.
	for _, raw := range []string{"/static/../../etc/passwd", "/../../etc/passwd", "/api/../static/app.js", "/static/./app.js", "/api/report/../../../etc/passwd?a=IRN&b=RUS"} {
		t.Run("raw "+raw, func(t *testing.T) {
			status, ctype, body := rawGet(t, ts, raw)
			checkProblem(t, status, ctype, body, 400, bloc.EINVALID)
		})
	}
}

func checkProblem(t *testing.T, status int, ctype string, body []byte, wantStatus int, wantCode string) {
	t.Helper()
	if status != wantStatus {
		t.Errorf("status %d, want %d: %.300s", status, wantStatus, body)
	}
	if status >= 500 {
		t.Errorf("a 5xx for a bad request: %.300s", body)
	}
	if !strings.HasPrefix(ctype, "application/json") {
		t.Errorf("content type %q, want JSON", ctype)
	}
	var p httpapi.Problem
	if err := json.Unmarshal(body, &p); err != nil {
		t.Fatalf("the body is not a Problem: %v: %.300s", err, body)
	}
	if p.Code != wantCode || p.Message == "" || p.Hints == nil {
		t.Errorf("problem %+v, want code %s, a message and hints", p, wantCode)
	}
	for _, leak := range []string{"goroutine ", ".go:", "panic"} {
		if bytes.Contains(body, []byte(leak)) {
			t.Errorf("the body leaks %q: %.300s", leak, body)
		}
	}
}

// rawGet sends a request line as written, without a client's cleaning.
func rawGet(t *testing.T, ts *httptest.Server, target string) (int, string, []byte) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", target)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), body
}

// TestPDF prints the Persian report to PDF through the API when Chromium
// is installed.
func TestPDF(t *testing.T) {
	if testing.Short() {
		t.Skip("PDF test skipped in -short mode")
	}
	if _, err := os.Stat(report.ChromiumPath()); err != nil {
		t.Skipf("PDF needs Chromium at %s (Debian: apt-get install chromium)", report.ChromiumPath())
	}
	ts := api(t)
	resp, body := get(t, ts, "/api/report?a=IRN&b=RUS&lang=fa&format=pdf")
	if resp.StatusCode != 200 || !bytes.HasPrefix(body, []byte("%PDF")) || len(body) < 50000 {
		t.Fatalf("PDF: %d, %d bytes: %.100q", resp.StatusCode, len(body), body)
	}
	if cd := resp.Header.Get("Content-Disposition"); !strings.Contains(cd, "bloc-IRN-RUS-2009-2018-fa.pdf") {
		t.Errorf("Content-Disposition %q", cd)
	}
}

// TestSameAsExplain checks that the server's verdicts, computed on a
// World shared by every dyad of a period, are the verdicts `bloc explain`
// computes on a World loaded for the dyad.
func TestSameAsExplain(t *testing.T) {
	ts := api(t)
	st := teststore.Open(t)
	for _, d := range [][2]string{{"USA", "UKG"}, {"PAK", "CHN"}, {"IRN", "RUS"}, {"EGY", "ISR"}} {
		v, _, err := verdict.ExplainRequest(context.Background(), st, verdict.Request{A: d[0], B: d[1], Options: verdict.DefaultOptions()})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := json.Marshal(v)
		resp, body := get(t, ts, "/api/explain?a="+d[0]+"&b="+d[1])
		if resp.StatusCode != 200 {
			t.Fatalf("%v: %d", d, resp.StatusCode)
		}
		var got, exp any
		json.Unmarshal(body, &got)
		json.Unmarshal(want, &exp)
		if diff := jsonDiff("", got, exp); diff != "" {
			t.Errorf("%v: the server's verdict differs from bloc explain's at %s", d, diff)
		}
	}
}

// jsonDiff returns the path of the first difference between two decoded
// JSON values; numbers must be equal to the last bit (the engine is
// deterministic: it sums floats in a fixed order).
func jsonDiff(path string, a, b any) string {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return path
		}
		for k := range x {
			if d := jsonDiff(path+"."+k, x[k], y[k]); d != "" {
				return d
			}
		}
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return fmt.Sprintf("%s (length %d vs %v)", path, len(x), len(y))
		}
		for k := range x {
			if d := jsonDiff(fmt.Sprintf("%s[%d]", path, k), x[k], y[k]); d != "" {
				return d
			}
		}
	case float64:
		y, ok := b.(float64)
		if !ok || x != y {
			return fmt.Sprintf("%s (%v vs %v)", path, a, b)
		}
	default:
		if a != b {
			return fmt.Sprintf("%s (%v vs %v)", path, a, b)
		}
	}
	return ""
}
