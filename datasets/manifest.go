package datasets

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bloc-project/bloc"
)

// ManifestEntry is one line of MANIFEST.tsv: a release file and its checksum.
type ManifestEntry struct {
	File     string
	SHA256   string
	Rows     int
	Years    string
	Columns  string
	Source   string
	Citation string
}

// ManifestFile is the name of the checksum list in a data directory.
const ManifestFile = "MANIFEST.tsv"

// ReadManifest parses MANIFEST.tsv in dir (tab-separated, with a header:
// file, sha256, rows, years, columns, source, citation).
func ReadManifest(dir string) (map[string]ManifestEntry, error) {
	path := filepath.Join(dir, ManifestFile)
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("%s: no %s in the data directory", dir, ManifestFile),
				Hints: []string{"point --data (or BLOC_DATA) at the directory with the release files and MANIFEST.tsv, e.g. ../shared/data"}}
		}
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: cannot read the data directory", dir), Err: err}
	}
	defer f.Close()
	return ParseManifest(path, f)
}

// ParseManifest parses a manifest read from r; path names it in errors.
func ParseManifest(path string, r io.Reader) (map[string]ManifestEntry, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	out := map[string]ManifestEntry{}
	line := 0
	var idx map[string]int
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			continue
		}
		f := strings.Split(text, "\t")
		if idx == nil {
			idx = map[string]int{}
			for i, h := range f {
				idx[strings.TrimSpace(h)] = i
			}
			for _, need := range []string{"file", "sha256"} {
				if _, ok := idx[need]; !ok {
					return nil, parseErr(path, line, 0, need, "header lacks the %q column", need)
				}
			}
			continue
		}
		get := func(k string) string {
			if i, ok := idx[k]; ok && i < len(f) {
				return strings.TrimSpace(f[i])
			}
			return ""
		}
		e := ManifestEntry{File: get("file"), SHA256: strings.ToLower(get("sha256")), Years: get("years"),
			Columns: get("columns"), Source: get("source"), Citation: get("citation")}
		if e.File == "" {
			return nil, parseErr(path, line, idx["file"]+1, "file", "empty file name")
		}
		if len(e.SHA256) != 64 {
			return nil, parseErr(path, line, idx["sha256"]+1, "sha256", "%q is not a sha256 checksum", clip(e.SHA256))
		}
		if _, err := hex.DecodeString(e.SHA256); err != nil {
			return nil, parseErr(path, line, idx["sha256"]+1, "sha256", "%q is not a sha256 checksum", clip(e.SHA256))
		}
		if s := get("rows"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return nil, parseErr(path, line, idx["rows"]+1, "rows", "%q is not a row count", clip(s))
			}
			e.Rows = n
		}
		if _, dup := out[e.File]; dup {
			return nil, parseErr(path, line, 0, "", "%s is listed twice", e.File)
		}
		out[e.File] = e
	}
	if err := sc.Err(); err != nil {
		return nil, parseErr(path, line+1, 0, "", "read failed: %v", err)
	}
	if idx == nil {
		return nil, parseErr(path, 1, 0, "", "the manifest is empty")
	}
	return out, nil
}

// FileSHA256 returns the hex sha256 of a file.
func FileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Verify checks the dataset's file in dir against its manifest entry and
// returns the checksum.
func Verify(dir string, ds *Dataset, m map[string]ManifestEntry) (string, error) {
	e, ok := m[ds.File]
	if !ok {
		return "", &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s is not listed in %s", ds.File, filepath.Join(dir, ManifestFile))}
	}
	path := filepath.Join(dir, ds.File)
	sum, err := FileSHA256(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return "", &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("%s: file not found (listed in the manifest)", path),
				Hints: []string{"`bloc data fetch` downloads the missing releases"}}
		}
		return "", &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: cannot read", path), Err: err}
	}
	if sum != e.SHA256 {
		return sum, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: wrong sha256: the file has %s, %s says %s", path, sum, ManifestFile, e.SHA256),
			Hints: []string{"the file is damaged or a different release: fetch it again (`bloc data fetch`)"}}
	}
	return sum, nil
}
