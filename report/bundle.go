package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/charts"
)

// Formats are the report formats.
var Formats = []string{"md", "html", "pdf"}

// CheckFormat validates a report format.
func CheckFormat(f string) error {
	for _, x := range Formats {
		if f == x {
			return nil
		}
	}
	return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("report format %q is not one of md, html, pdf", f)}
}

// Render writes the report in format md, html or pdf.
func Render(ctx context.Context, w io.Writer, d *Doc, format string) error {
	switch format {
	case "md":
		return Markdown(w, d)
	case "html":
		return HTML(w, d, HTMLOptions{})
	case "pdf":
		var buf bytes.Buffer
		if err := HTML(&buf, d, HTMLOptions{Print: true}); err != nil {
			return err
		}
		pdf, err := PDF(ctx, buf.Bytes())
		if err != nil {
			return err
		}
		_, err = w.Write(pdf)
		return err
	}
	return CheckFormat(format)
}

// BaseName is the file name of a report without extension:
// bloc-IRN-RUS-2009-2018-en.
func BaseName(v *bloc.Verdict, l Lang) string {
	return fmt.Sprintf("bloc-%s-%s-%d-%d-%s", v.A.Abb, v.B.Abb, v.Period.From, v.Period.To, l)
}

// Creator creates the files of a bundle (a directory, a zip archive).
type Creator func(name string) (io.Writer, error)

// Bundle is a report with the files beside it: the charts (SVG and PNG),
// the data behind each chart (CSV and JSON), the verdict and the BibTeX of
// the datasets.
type Bundle struct {
	Doc     *Doc
	Verdict *bloc.Verdict
	// VerdictJSON is the verdict as the engine wrote it (nil: encode Verdict).
	VerdictJSON []byte
	Charts      []charts.Chart
}

// Write writes the report in each format and the files beside it, and
// returns the names written.
func (b *Bundle) Write(ctx context.Context, create Creator, formats []string) ([]string, error) {
	var names []string
	put := func(name string, write func(io.Writer) error) error {
		w, err := create(name)
		if err != nil {
			return err
		}
		err = write(w)
		if c, ok := w.(io.Closer); ok {
			if cerr := c.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return err
		}
		names = append(names, name)
		return nil
	}
	base := BaseName(b.Verdict, b.Doc.Lang)
	for _, f := range formats {
		if err := CheckFormat(f); err != nil {
			return names, err
		}
		if f == "pdf" {
			// Print before creating the file, so that a missing Chromium leaves none.
			var buf bytes.Buffer
			if err := Render(ctx, &buf, b.Doc, f); err != nil {
				return names, err
			}
			if err := put(base+".pdf", func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
				return names, err
			}
			continue
		}
		if err := put(base+"."+f, func(w io.Writer) error { return Render(ctx, w, b.Doc, f) }); err != nil {
			return names, err
		}
	}
	for _, c := range b.Charts {
		c := c
		for _, f := range []string{"svg", "png"} {
			if err := put("charts/"+c.ID+"."+f, func(w io.Writer) error { return c.Render(w, f, 0, 0) }); err != nil {
				return names, err
			}
		}
		if err := put("data/"+c.ID+".csv", c.WriteCSV); err != nil {
			return names, err
		}
		if err := put("data/"+c.ID+".json", func(w io.Writer) error { return writeJSON(w, c) }); err != nil {
			return names, err
		}
	}
	if err := put("verdict.json", func(w io.Writer) error {
		if b.VerdictJSON != nil {
			_, err := w.Write(b.VerdictJSON)
			return err
		}
		return writeJSON(w, b.Verdict)
	}); err != nil {
		return names, err
	}
	err := put("references.bib", func(w io.Writer) error { _, err := io.WriteString(w, BibTeX(b.Verdict, b.Charts)); return err })
	return names, err
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// Dir returns a Creator of files under dir, creating directories as
// needed; Bundle.Write closes each file when written.
func Dir(dir string) Creator {
	return func(name string) (io.Writer, error) {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, &bloc.Error{Code: bloc.EINVALID, Op: "report", Message: "cannot create " + filepath.Dir(path), Err: err}
		}
		f, err := os.Create(path)
		if err != nil {
			return nil, &bloc.Error{Code: bloc.EINVALID, Op: "report", Message: "cannot write " + path, Err: err}
		}
		return f, nil
	}
}
