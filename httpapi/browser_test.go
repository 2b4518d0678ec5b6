package httpapi_test

import (
	"bytes"
	"context"
	"image/png"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/bloc-project/bloc/httpapi"
	"github.com/bloc-project/bloc/internal/teststore"
	"github.com/bloc-project/bloc/report"
)

// browser starts headless Chromium for a test, or skips the test when
// Chromium is not installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := report.ChromiumPath()
	if st, err := os.Stat(bin); err != nil || st.IsDir() {
		t.Skipf("browser tests need Chromium at %s (Debian: apt-get install chromium; or set BLOC_CHROMIUM)", bin)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true), chromedp.WindowSize(1280, 1000),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 4*time.Minute)
	t.Cleanup(func() { cancelT(); cancelC(); cancelA() })
	return ctx
}

// uiServer serves the UI and the API on the test store.
func uiServer(t *testing.T) *httptest.Server {
	t.Helper()
	st := teststore.Open(t)
	srv, err := httpapi.New(context.Background(), httpapi.Config{Store: st, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}

// inked returns the share of a PNG's pixels that differ from its
// background (the colour of its top-left pixel) by more than a little.
func inked(t *testing.T, data []byte) float64 {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decoding the screenshot: %v", err)
	}
	b := img.Bounds()
	bg := img.At(b.Min.X, b.Min.Y)
	br, bgG, bb, _ := bg.RGBA()
	diff := func(a, c uint32) uint32 {
		if a > c {
			return a - c
		}
		return c - a
	}
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			if diff(r, br)+diff(g, bgG)+diff(bl, bb) > 3*0x1800 {
				n++
			}
		}
	}
	return float64(n) / float64(b.Dx()*b.Dy())
}

// keep writes a screenshot to $BLOC_SCREENSHOTS, when set, for a person to
// look at.
func keep(t *testing.T, name string, data []byte) {
	if dir := os.Getenv("BLOC_SCREENSHOTS"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err == nil {
			os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
	}
}

func screenshot(t *testing.T, ctx context.Context, sel string, name string, min float64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS(sel)), chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatalf("scrolling to %s: %v", sel, err)
	}
	// chromedp's element screenshot captures beyond the viewport, which
	// misplaces the clip on right-to-left pages; clip the viewport instead.
	r := evaluate[[]float64](t, ctx, `(() => { const r = document.querySelector('`+sel+`').getBoundingClientRect();
		return [r.left + scrollX, Math.max(r.top, 0) + scrollY, r.width, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)]; })()`)
	res, err := chromedp.Call(ctx, page.CaptureScreenshot, page.CaptureScreenshotParams{Format: page.CaptureScreenshotFormatPng,
		Clip: &page.Viewport{X: r[0], Y: r[1], Width: r[2], Height: r[3], Scale: 1}})
	shot := res.Data
	if err != nil {
		t.Fatalf("screenshot of %s: %v", sel, err)
	}
	keep(t, name, shot)
	if share := inked(t, shot); share < min {
		t.Errorf("the screenshot of %s is nearly blank: %.2f%% of its pixels differ from the background, want ≥ %.2f%%", sel, 100*share, 100*min)
	}
}

func evaluate[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}

// viewport keeps a screenshot of the top of the page.
func viewport(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	evaluate[bool](t, ctx, `(() => { window.scrollTo(0, 0); return true; })()`)
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	keep(t, name, shot)
	if share := inked(t, shot); share < 0.05 {
		t.Errorf("the page is nearly blank: %.2f%% of its pixels differ from the background", 100*share)
	}
}

// noOverflow checks that the page does not scroll sideways.
func noOverflow(t *testing.T, ctx context.Context) {
	t.Helper()
	wide := evaluate[string](t, ctx, `(() => { const w = document.documentElement.clientWidth; if (document.documentElement.scrollWidth <= w + 1) return '';
		const out = []; for (const e of document.querySelectorAll('body *')) { const r = e.getBoundingClientRect(); if (r.right > w + 1 || r.left < -1) out.push(e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); }
		return document.documentElement.scrollWidth + ' > ' + w + ': ' + out.slice(0, 8).join(', '); })()`)
	if wide != "" {
		t.Errorf("the page scrolls sideways: %s", wide)
	}
}

// waitReport waits until the page shows a report whose charts are drawn.
func waitReport(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	js := `document.body.dataset.state === 'ready' && !!document.querySelector('#doc h1') && (` + cond + `) &&
		document.querySelectorAll('.chart').length > 0 &&
		document.querySelectorAll('.chart[data-rendered="1"]').length === document.querySelectorAll('.chart').length`
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(150*time.Second))); err != nil {
		state := evaluate[string](t, ctx, `document.body.dataset.state + ': ' + document.querySelector('#status').textContent`)
		t.Fatalf("the report did not render (%s): %v", state, err)
	}
}

// TestBrowser drives the UI in headless Chromium: it loads, a dyad is
// chosen in the form, the verdict, its tests and charts render, a test
// opens onto its evidence and a citation onto its BibTeX, Persian renders
// right to left with Persian digits, and an unknown state shows an error.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	ts := uiServer(t)
	ctx := browser(t)

	t.Run("loads", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?lang=en"), chromedp.WaitVisible(chromedp.CSS("#ask"))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.body.dataset.state === 'ready' && document.querySelectorAll('#state-list option').length > 150`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("the UI did not load the states: %v", err)
		}
		if title := evaluate[string](t, ctx, `document.querySelector('.tagline').textContent`); !strings.Contains(title, "align") {
			t.Errorf("tagline %q", title)
		}
	})

	t.Run("english", func(t *testing.T) {
		err := chromedp.Do(ctx,
			chromedp.SetValue(chromedp.CSS("#a"), "Iran"), chromedp.SetValue(chromedp.CSS("#b"), "Russia"),
			chromedp.SetValue(chromedp.CSS("#from"), "2009"), chromedp.SetValue(chromedp.CSS("#to"), "2018"),
			chromedp.Click(chromedp.CSS("#go")))
		if err != nil {
			t.Fatal(err)
		}
		waitReport(t, ctx, `document.querySelector('#doc h1').textContent.includes('Russia')`)
		if h1 := evaluate[string](t, ctx, `document.querySelector('#doc h1').textContent`); !strings.Contains(h1, "Iran") || !strings.Contains(h1, "2009–2018") {
			t.Errorf("title %q", h1)
		}
		if dir := evaluate[string](t, ctx, `getComputedStyle(document.querySelector('#doc')).direction`); dir != "ltr" {
			t.Errorf("English direction %q", dir)
		}
		for _, sec := range []string{"summary", "tie", "threats", "theories", "comparison", "ending", "evidence", "case", "charts", "sources"} {
			if !evaluate[bool](t, ctx, `!!document.querySelector('#sec-`+sec+`')`) {
				t.Errorf("no section %s", sec)
			}
		}
		if n := evaluate[int](t, ctx, `document.querySelectorAll('details.test').length`); n < 20 {
			t.Errorf("%d tests to drill into, want ≥ 20", n)
		}
		// Drill into the first test: its evidence table and a citation.
		err = chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS("details.test summary")), chromedp.Click(chromedp.CSS("details.test summary")))
		if err != nil {
			t.Fatal(err)
		}
		if !evaluate[bool](t, ctx, `document.querySelector('details.test').open && !!document.querySelector('details.test[open] table.evidence td')`) {
			t.Error("the first test does not open onto its evidence")
		}
		err = chromedp.Do(ctx, chromedp.Click(chromedp.CSS("details.test[open] table.evidence .cite")))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector('#cite-dialog').open && document.querySelector('#cite-text').textContent.includes('@')`, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
			t.Errorf("the citation dialog did not show BibTeX: %v", err)
		}
		chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#cite-dialog button")))
		if n := evaluate[int](t, ctx, `document.querySelectorAll('#downloads a').length`); n < 5 {
			t.Errorf("%d download links", n)
		}
		noOverflow(t, ctx)
		screenshot(t, ctx, "#sec-summary", "en-summary.png", 0.03)
		screenshot(t, ctx, "#fig-trade .chart", "en-trade.png", 0.02)
		screenshot(t, ctx, "#fig-theory_scores .chart", "en-theory-scores.png", 0.02)
		screenshot(t, ctx, "#fig-monitor .chart", "en-monitor.png", 0.01)
		viewport(t, ctx, "en-top.png")
		screenshot(t, ctx, "#sec-theory-balance_of_threat", "en-theory.png", 0.03)
		screenshot(t, ctx, "#sec-ending", "en-ending.png", 0.03)
		screenshot(t, ctx, "#sec-evidence", "en-evidence.png", 0.03)
	})

	t.Run("persian", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#lang-fa"))); err != nil {
			t.Fatal(err)
		}
		waitReport(t, ctx, `document.documentElement.lang === 'fa' && document.querySelector('#doc h1').textContent.includes('روسیه')`)
		if dir := evaluate[string](t, ctx, `document.documentElement.dir + ' ' + getComputedStyle(document.querySelector('#doc')).direction`); dir != "rtl rtl" {
			t.Errorf("Persian direction %q, want rtl rtl", dir)
		}
		h1 := evaluate[string](t, ctx, `document.querySelector('#doc h1').textContent`)
		if !strings.Contains(h1, "ایران") || !strings.Contains(h1, "۲۰۰۹") {
			t.Errorf("Persian title %q: want Persian names and digits", h1)
		}
		// The title's text hugs the right edge of its box.
		if !evaluate[bool](t, ctx, `(() => { const h = document.querySelector('#doc h1'); const r = document.createRange(); r.selectNodeContents(h);
			const t = r.getBoundingClientRect(), b = h.getBoundingClientRect(); return b.right - t.right < 4 && t.left - b.left > 40; })()`) {
			t.Error("the Persian title is not set right to left")
		}
		if label := evaluate[string](t, ctx, `document.querySelector('label span[data-i18n="ui.state_a"]').textContent`); !strings.Contains(label, "دولت") {
			t.Errorf("form label %q is not translated", label)
		}
		for _, term := range []string{"موازنه تهدید", "دنباله‌روی برای سود", "همسویی"} {
			if !evaluate[bool](t, ctx, `document.querySelector('#doc').textContent.includes('`+term+`')`) {
				t.Errorf("the Persian report does not use the paper's term %s", term)
			}
		}
		// The engine's sentences (a test's why) are said in Persian, with the
		// states' Persian names, not quoted in English.
		if !evaluate[bool](t, ctx, `document.querySelector('#doc').textContent.includes('نخستین تهدید ایران')`) ||
			evaluate[bool](t, ctx, `document.querySelector('#doc').textContent.includes("first-ranked threat; its intentions index")`) {
			t.Errorf("the Persian report quotes the engine's sentences in English")
		}
		noOverflow(t, ctx)
		// The what-if scenarios of the paper's Table 2.
		if err := chromedp.Do(ctx, chromedp.ScrollIntoView(chromedp.CSS("#whatif-run")), chromedp.Click(chromedp.CSS("#whatif-run"))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll('table.whatif tbody tr').length >= 6`, chromedp.WithPollingTimeout(120*time.Second))); err != nil {
			t.Errorf("the what-if scenarios did not show: %v", err)
		}
		// The changes are said in Persian (whatif.CompareMsg through the API's lang).
		changes := evaluate[string](t, ctx, `Array.from(document.querySelectorAll('table.whatif tbody td:last-child')).map((td) => td.textContent).join(' | ')`)
		persian := false
		for _, w := range []string{"پیوند", "احتمال پسین", "رتبه", "بی‌تغییر", "خطر پایان"} {
			persian = persian || strings.Contains(changes, w)
		}
		if strings.Contains(changes, "posterior") || strings.Contains(changes, "rank ") || !persian {
			t.Errorf("the what-if changes are not in Persian: %.300s", changes)
		}
		screenshot(t, ctx, "#sec-whatif", "fa-whatif.png", 0.03)
		screenshot(t, ctx, "#sec-summary", "fa-summary.png", 0.03)
		screenshot(t, ctx, "#fig-trade .chart", "fa-trade.png", 0.02)
		screenshot(t, ctx, "#fig-threat_sources .chart", "fa-threat-sources.png", 0.02)
		screenshot(t, ctx, "#sec-comparison", "fa-table4.png", 0.03)
		viewport(t, ctx, "fa-top.png")
		screenshot(t, ctx, "#sec-theory-balance_of_threat", "fa-theory.png", 0.03)
		screenshot(t, ctx, "#sec-ending", "fa-ending.png", 0.03)
		screenshot(t, ctx, "#sec-evidence", "fa-evidence.png", 0.03)
	})

	t.Run("html report", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/api/report?a=IRN&b=RUS&lang=fa&format=html&inline=1")); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.images.length >= 10 && [...document.images].every((i) => i.complete && i.naturalWidth > 0)`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("the report's charts did not load: %v", err)
		}
		if dir := evaluate[string](t, ctx, `document.documentElement.dir + ' ' + getComputedStyle(document.body).direction`); dir != "rtl rtl" {
			t.Errorf("the Persian HTML report is %q, want rtl rtl", dir)
		}
		screenshot(t, ctx, "#fig-trade", "fa-report-trade.png", 0.02)
		screenshot(t, ctx, "#theories", "fa-report-theories.png", 0.03)
	})

	t.Run("another dyad", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?a=PAK&b=CHN&from=1963&to=1970&lang=en")); err != nil {
			t.Fatal(err)
		}
		waitReport(t, ctx, `document.querySelector('#doc h1').textContent.includes('China')`)
		screenshot(t, ctx, "#fig-cinc .chart", "en-pak-chn-cinc.png", 0.02)
	})

	t.Run("unknown state", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(ts.URL+"/?a=Atlantis&b=RUS&lang=en")); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.body.dataset.state === 'error'`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
			t.Fatalf("no error shown: %v", err)
		}
		if msg := evaluate[string](t, ctx, `document.querySelector('#status').textContent`); !strings.Contains(msg, "Atlantis") {
			t.Errorf("error message %q does not name the input", msg)
		}
	})
}
