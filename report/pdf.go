package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/bloc-project/bloc"
)

// DefaultChromium is where Debian installs Chromium (`apt-get install chromium`).
const DefaultChromium = "/usr/bin/chromium"

// ChromiumPath returns the Chromium that prints PDFs: $BLOC_CHROMIUM when
// set, else DefaultChromium.
func ChromiumPath() string {
	if p := os.Getenv("BLOC_CHROMIUM"); p != "" {
		return p
	}
	return DefaultChromium
}

// ErrNoChromium is the error of PDF when Chromium is not installed.
func errNoChromium(path string) error {
	return &bloc.Error{Code: bloc.ENOTFOUND, Op: "report", Message: fmt.Sprintf("PDF output needs headless Chromium, which is not installed at %s", path),
		Hints: []string{"install it (Debian: apt-get install chromium) or set BLOC_CHROMIUM to its path", "or write HTML (--format html) and print it from a browser"}}
}

// PDFTimeout bounds one PDF print.
const PDFTimeout = 90 * time.Second

// PDF prints an HTML page to PDF with headless Chromium: --headless
// --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf, in a
// temporary profile so that concurrent prints do not collide.
func PDF(ctx context.Context, html []byte) ([]byte, error) {
	bin := ChromiumPath()
	if st, err := os.Stat(bin); err != nil || st.IsDir() {
		return nil, errNoChromium(bin)
	}
	dir, err := os.MkdirTemp("", "bloc-pdf-")
	if err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "report", Message: "creating a temporary directory for the PDF", Err: err}
	}
	defer os.RemoveAll(dir)
	in, out := filepath.Join(dir, "report.html"), filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(in, html, 0o600); err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "report", Message: "writing the HTML for the PDF", Err: err}
	}
	ctx, cancel := context.WithTimeout(ctx, PDFTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
		"--disable-dev-shm-usage", "--no-first-run", "--disable-extensions", "--disable-background-networking",
		"--disable-component-update", "--disable-sync", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--print-to-pdf="+out, "file://"+in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	pdf, err := os.ReadFile(out)
	if err == nil && bytes.HasPrefix(pdf, []byte("%PDF")) {
		return pdf, nil
	}
	if ctx.Err() != nil {
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "report", Message: fmt.Sprintf("Chromium did not print the PDF within %v", PDFTimeout)}
		}
		return nil, ctx.Err()
	}
	msg := stderr.String()
	if len(msg) > 400 {
		msg = msg[len(msg)-400:]
	}
	return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "report", Message: "Chromium failed to print the PDF: " + msg, Err: runErr}
}
