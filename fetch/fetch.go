// Package fetch downloads dataset releases from a mirror (an http(s) URL or a
// directory) into a data directory: MANIFEST.tsv first, then each file,
// resuming partial downloads with HTTP range requests and verifying every
// file's sha256 against the manifest before it takes its final name.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// Report says what a fetch did.
type Report struct {
	Downloaded int   `json:"downloaded"`
	Present    int   `json:"present"`
	Bytes      int64 `json:"bytes"`
}

// Client is the HTTP client used for downloads.
var Client = &http.Client{Timeout: 30 * time.Minute}

// Fetch brings MANIFEST.tsv and the named files from the mirror into dest.
// A file already in dest with the manifest's checksum is kept. A partial
// download (dest/NAME.part) is resumed. onFile is called after each download.
func Fetch(ctx context.Context, from, dest string, files []string, onFile func(name string, bytes int64)) (*Report, error) {
	if err := os.MkdirAll(dest, 0o755); err != nil {
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("cannot create the data directory %s", dest), Err: err}
	}
	src, err := newSource(from)
	if err != nil {
		return nil, err
	}
	// The manifest is small: always refresh it, atomically.
	tmp := filepath.Join(dest, datasets.ManifestFile+".part")
	os.Remove(tmp)
	if _, err := src.get(ctx, datasets.ManifestFile, tmp); err != nil {
		os.Remove(tmp)
		return nil, err
	}
	man, err := readManifestFile(tmp)
	if err != nil {
		os.Remove(tmp)
		return nil, err
	}
	if err := os.Rename(tmp, filepath.Join(dest, datasets.ManifestFile)); err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "fetch", Err: err}
	}
	rep := &Report{}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		m, ok := man[f]
		if !ok {
			return rep, &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("the mirror's manifest does not list %s", f)}
		}
		final := filepath.Join(dest, f)
		if sum, err := datasets.FileSHA256(final); err == nil && sum == m.SHA256 {
			rep.Present++
			continue
		}
		part := final + ".part"
		n, err := src.get(ctx, f, part)
		if err != nil {
			return rep, err
		}
		sum, err := datasets.FileSHA256(part)
		if err != nil {
			return rep, &bloc.Error{Code: bloc.EINTERNAL, Op: "fetch", Err: err}
		}
		if sum != m.SHA256 {
			// A resumed download over a changed file can be wrong: start over next time.
			os.Remove(part)
			return rep, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s from %s has sha256 %s, the manifest says %s", f, from, sum, m.SHA256),
				Hints: []string{"the mirror serves a different or damaged file; the partial download was removed, run fetch again"}}
		}
		if err := os.Rename(part, final); err != nil {
			return rep, &bloc.Error{Code: bloc.EINTERNAL, Op: "fetch", Err: err}
		}
		rep.Downloaded++
		rep.Bytes += n
		if onFile != nil {
			onFile(f, n)
		}
	}
	return rep, nil
}

func readManifestFile(path string) (map[string]datasets.ManifestEntry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &bloc.Error{Code: bloc.EINTERNAL, Op: "fetch", Err: err}
	}
	defer f.Close()
	return datasets.ParseManifest(path, f)
}

type source interface {
	// get writes the named file to path, appending to what path already
	// holds when the source can resume; it returns the bytes written.
	get(ctx context.Context, name, path string) (int64, error)
}

func newSource(from string) (source, error) {
	if u, err := url.Parse(from); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		if !strings.HasSuffix(u.Path, "/") {
			u.Path += "/"
		}
		return httpSource{base: u}, nil
	}
	st, err := os.Stat(from)
	if err != nil || !st.IsDir() {
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("--from %q is neither an http(s) URL nor a directory", from)}
	}
	return dirSource(from), nil
}

type httpSource struct{ base *url.URL }

func (h httpSource) get(ctx context.Context, name, path string) (int64, error) {
	u := h.base.ResolveReference(&url.URL{Path: name}).String()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return 0, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("cannot write %s", path), Err: err}
	}
	defer f.Close()
	have, _ := f.Seek(0, io.SeekEnd)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return 0, &bloc.Error{Code: bloc.EINVALID, Message: "bad mirror URL", Err: err}
	}
	if have > 0 {
		req.Header.Set("Range", fmt.Sprintf("bytes=%d-", have))
	}
	resp, err := Client.Do(req)
	if err != nil {
		return 0, &bloc.Error{Code: bloc.EINTERNAL, Message: fmt.Sprintf("cannot download %s", u), Err: err}
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusPartialContent && have > 0:
	case resp.StatusCode == http.StatusRequestedRangeNotSatisfiable && have > 0:
		return have, nil // already complete
	case resp.StatusCode == http.StatusOK:
		// The server ignored the range: start over.
		if err := f.Truncate(0); err != nil {
			return 0, err
		}
		if _, err := f.Seek(0, io.SeekStart); err != nil {
			return 0, err
		}
		have = 0
	case resp.StatusCode == http.StatusNotFound:
		return 0, &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("%s: not on the mirror (404)", u)}
	default:
		return 0, &bloc.Error{Code: bloc.EINTERNAL, Message: fmt.Sprintf("%s: the mirror answered %s", u, resp.Status)}
	}
	n, err := io.Copy(f, resp.Body)
	if err != nil {
		return have + n, &bloc.Error{Code: bloc.EINTERNAL, Message: fmt.Sprintf("download of %s broke off after %d bytes; run fetch again to resume", u, have+n), Err: err}
	}
	return have + n, f.Sync()
}

type dirSource string

func (d dirSource) get(ctx context.Context, name, path string) (int64, error) {
	src, err := os.Open(filepath.Join(string(d), name))
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return 0, &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("%s: not in the mirror directory %s", name, string(d))}
		}
		return 0, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("cannot read %s", name), Err: err}
	}
	defer src.Close()
	dst, err := os.Create(path)
	if err != nil {
		return 0, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("cannot write %s", path), Err: err}
	}
	defer dst.Close()
	n, err := io.Copy(dst, src)
	if err != nil {
		return n, &bloc.Error{Code: bloc.EINTERNAL, Op: "fetch", Err: err}
	}
	return n, dst.Sync()
}
