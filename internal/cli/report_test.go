package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReport(t *testing.T) {
	needStore(t)
	dir := t.TempDir()
	code, _, errs := run("--store", testStore, "report", "IRN", "RUS", "--lang", "fa", "--format", "md", "--out", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	md, err := os.ReadFile(filepath.Join(dir, "bloc-IRN-RUS-2009-2018-fa.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<div dir="rtl" lang="fa">`, "چرا ایران به روسیه گرایش دارد؟ (۲۰۰۹ تا ۲۰۱۸)", "موازنه تهدید", "![", "charts/trade.svg"} {
		if !strings.Contains(string(md), want) {
			t.Errorf("the Persian report lacks %q", want)
		}
	}
	for _, f := range []string{"charts/trade.svg", "charts/trade.png", "data/trade.csv", "data/most_sanctioned.json", "references.bib", "verdict.json"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	// The report alone to standard output.
	code, out, errs := run("--store", testStore, "report", "PAK", "CHN", "--from", "1963", "--to", "1970", "--format", "html", "--out", "-")
	if code != 0 || !strings.HasPrefix(out, "<!DOCTYPE html>") || !strings.Contains(out, `<html lang="en" dir="ltr">`) {
		t.Errorf("html to stdout: exit %d, %.100s %s", code, out, errs)
	}
}

func TestReportErrors(t *testing.T) {
	needStore(t)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"report", "IRN"}, 2, "two states"},
		{[]string{"report", "IRN", "RUS", "--lang", "de"}, 2, "not one of en, fa"},
		{[]string{"report", "IRN", "RUS", "--format", "docx"}, 2, "not one of md, html, pdf"},
		{[]string{"report", "IRN", "RUS", "--format", "pdf", "--out", "-"}, 2, "not standard output"},
		{[]string{"report", "Atlantis", "RUS"}, 1, "Atlantis"},
	} {
		code, _, errs := run(append([]string{"--store", testStore}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
	t.Setenv("BLOC_CHROMIUM", filepath.Join(t.TempDir(), "none"))
	dir := t.TempDir()
	code, _, errs := run("--store", testStore, "report", "IRN", "RUS", "--format", "pdf", "--out", dir)
	if code != 1 || !strings.Contains(errs, "Chromium") || !strings.Contains(errs, "apt-get install chromium") {
		t.Errorf("pdf without Chromium: exit %d, %s", code, errs)
	}
	if names, _ := filepath.Glob(filepath.Join(dir, "*.pdf")); len(names) > 0 {
		t.Errorf("a failed PDF left %v", names)
	}
}
