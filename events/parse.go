package events

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// Format is an event file format.
type Format int

// Formats.
const (
	Auto   Format = iota
	ICEWS         // ICEWS event file: tab-separated with a header (Event ID, Event Date, …)
	GDELT1        // GDELT 1.0 event export: tab-separated, no header, 57 or 58 columns
	GDELT2        // GDELT 2.0 event export: tab-separated, no header, 61 columns
	CSV           // comma-separated with a header naming the documented columns
)

func (f Format) String() string {
	switch f {
	case ICEWS:
		return "icews"
	case GDELT1:
		return "gdelt1"
	case GDELT2:
		return "gdelt2"
	case CSV:
		return "csv"
	}
	return "auto"
}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return Auto, nil
	case "icews":
		return ICEWS, nil
	case "gdelt1", "gdelt":
		return GDELT1, nil
	case "gdelt2":
		return GDELT2, nil
	case "csv":
		return CSV, nil
	}
	return 0, bloc.Errorf(bloc.EINVALID, "--format %s is not icews, gdelt1, gdelt2, csv or auto", strconvQuote(s))
}

// SyntheticPublisher is the Publisher field of every event bloc's generator
// writes; the parser flags such events as synthetic.
const SyntheticPublisher = "SYNTHETIC: bloc events synth (not real events)"

// Columns of the header-based formats (ICEWS and CSV), normalised: lower
// case, spaces as underscores. The first five are required.
var (
	colRequired = []string{"event_id", "event_date", "source_country", "cameo_code", "target_country"}
	colOptional = []string{"publisher", "synthetic"}
)

// CSVColumns documents the plain CSV format.
const CSVColumns = `The CSV format is comma-separated (RFC 4180 quoting) with a header row. Required columns:
event_id (an integer), event_date (YYYY-MM-DD), source_country and target_country (a country name as
ICEWS writes it, an ISO3 or GDELT/CAMEO country code, or a COW code; empty = no state), cameo_code
(CAMEO code as text with leading zeros, e.g. 043). Optional: publisher, synthetic (1/true marks a
synthetic event). Other columns are ignored. The ICEWS R package's CSV (icews_events_sample_2018_06)
is one such file. The ICEWS format is the same columns, tab-separated, with ICEWS's header names
(Event ID, Event Date, Source Country, CAMEO Code, Target Country, …).`

// GDELT field positions (0-based) shared by 1.0 and 2.0 exports.
const (
	gdeltID        = 0
	gdeltDate      = 1 // SQLDATE, YYYYMMDD
	gdeltA1Country = 7
	gdeltA2Country = 17
	gdeltEventCode = 26
)

// Tables are the lookups the parser needs.
type Tables struct {
	Codes  *Codebook
	Actors *Actors
}

// LoadTables loads the CAMEO codebook and the actor table from a data
// directory or the store.
func LoadTables(ctx context.Context, src datasets.Source) (*Tables, error) {
	cb, err := LoadCodebook(ctx, src)
	if err != nil {
		return nil, err
	}
	a, err := LoadActors(ctx, src)
	if err != nil {
		return nil, err
	}
	return &Tables{Codes: cb, Actors: a}, nil
}

// Options tune a Reader.
type Options struct {
	Format Format
	// Strict fails on the first malformed row instead of counting it.
	Strict bool
	// MaxIssues is the number of issues kept with line and detail (default 100).
	MaxIssues int
}

const maxLine = 1 << 20

// Reader parses one event file into batches. It implements Source.
type Reader struct {
	t      *Tables
	opt    Options
	name   string
	format Format
	br     *bufio.Reader
	cr     *csv.Reader
	line   int64
	rec    FileRecord
	batch  *Batch
	done   bool
	err    error

	// header-based formats
	idx     [7]int // positions of colRequired then colOptional (-1 = absent)
	nfields int
	maxIdx  int
	fields  [][]byte

	finish   func() // sets the checksums once the contents are read
	stopHash func() // ends the hashing goroutine (nil if there is none)
	closer   func() error
}

// OpenFile opens an event file: plain, gzip-compressed (.gz) or a zip
// archive holding one file (GDELT's .CSV.zip). It records the file's sha256
// and the sha256 of its decompressed contents.
func OpenFile(path string, t *Tables, opt Options) (*Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &bloc.Error{Code: bloc.ENOTFOUND, Message: path + ": no such file"}
		}
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: path + ": cannot read", Err: err}
	}
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: path + ": not a regular file", Err: err}
	}
	size := st.Size()
	var magic [4]byte
	n, _ := f.ReadAt(magic[:], 0)
	fh := sha256.New()
	var content io.Reader
	var drain io.Reader // the raw stream to finish hashing at the end
	closer := f.Close
	switch {
	case n >= 4 && bytes.Equal(magic[:], []byte("PK\x03\x04")):
		if _, err := io.Copy(fh, io.NewSectionReader(f, 0, size)); err != nil {
			f.Close()
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: path + ": cannot read", Err: err}
		}
		zr, err := zip.NewReader(f, size)
		if err != nil {
			f.Close()
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: path + ": not a readable zip archive (truncated or corrupt?)", Err: err}
		}
		var files []*zip.File
		for _, zf := range zr.File {
			if !zf.FileInfo().IsDir() {
				files = append(files, zf)
			}
		}
		if len(files) != 1 {
			f.Close()
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: the zip archive holds %d files; expected one event file (as GDELT's exports do)", path, len(files))}
		}
		rc, err := files[0].Open()
		if err != nil {
			f.Close()
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: path + ": cannot open " + files[0].Name + " in the zip archive", Err: err}
		}
		content = rc
		closer = func() error { rc.Close(); return f.Close() }
	case n >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		raw := io.TeeReader(f, fh)
		gz, err := gzip.NewReader(bufio.NewReaderSize(raw, 1<<16))
		if err != nil {
			f.Close()
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: path + ": not a readable gzip file", Err: err}
		}
		content, drain = gz, raw
	default:
		content, fh = f, nil
	}
	r, err := newReader(content, path, t, opt, fh, true)
	if err != nil {
		closer()
		return nil, err
	}
	r.rec.Size = size
	r.closer = func() error {
		if r.stopHash != nil {
			r.stopHash()
		}
		return closer()
	}
	if drain != nil {
		inner := r.finish
		r.finish = func() {
			io.Copy(io.Discard, drain)
			inner()
		}
	}
	return r, nil
}

// NewReader parses event data from r (plain or gzip-compressed); name is
// used in reports. Zip archives need OpenFile.
func NewReader(r io.Reader, name string, t *Tables, opt Options) (*Reader, error) {
	fh := sha256.New()
	raw := &countingReader{r: io.TeeReader(r, fh)}
	br := bufio.NewReader(raw)
	m, _ := br.Peek(4)
	switch {
	case len(m) >= 2 && m[0] == 0x1f && m[1] == 0x8b:
		gz, err := gzip.NewReader(br)
		if err != nil {
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: name + ": not a readable gzip file", Err: err}
		}
		rd, err := newReader(gz, name, t, opt, fh, false)
		if err != nil {
			return nil, err
		}
		inner := rd.finish
		rd.finish = func() {
			io.Copy(io.Discard, br)
			rd.rec.Size = raw.n
			inner()
		}
		return rd, nil
	case bytes.Equal(m, []byte("PK\x03\x04")):
		return nil, bloc.Errorf(bloc.EINVALID, "%s: a zip archive must be read from a file", name)
	}
	return newReader(br, name, t, opt, nil, false)
}

// newReader reads content; fh, when not nil, hashes the file separately
// from the content (compressed files).
func newReader(content io.Reader, name string, t *Tables, opt Options, fh hash.Hash, async bool) (*Reader, error) {
	if opt.MaxIssues <= 0 {
		opt.MaxIssues = 100
	}
	var sum func() []byte
	var stop func()
	if async {
		ah := newAsyncHash()
		content, sum, stop = &hashingReader{r: content, h: ah}, ah.sum, ah.stop
	} else {
		ch := sha256.New()
		content, sum = io.TeeReader(content, ch), func() []byte { return ch.Sum(nil) }
	}
	counted := &countingReader{r: content}
	r := &Reader{t: t, opt: opt, name: name, batch: newBatch(BatchSize), closer: func() error { return nil }}
	r.br = bufio.NewReaderSize(counted, maxLine)
	r.rec = FileRecord{Path: name, Codebook: t.Codes.Version, Started: time.Now().UTC(), IssueCounts: Counts{}}
	r.stopHash = stop
	r.finish = func() {
		r.rec.ContentSHA256 = hex.EncodeToString(sum())
		if fh != nil {
			r.rec.SHA256 = hex.EncodeToString(fh.Sum(nil))
		} else {
			r.rec.SHA256 = r.rec.ContentSHA256
			if r.rec.Size == 0 {
				r.rec.Size = counted.n
			}
		}
	}
	if err := r.detect(); err != nil {
		if stop != nil {
			stop()
		}
		return nil, err
	}
	r.rec.Format = r.format.String()
	return r, nil
}

// asyncHash computes a sha256 in its own goroutine, in the order blocks
// are handed to it, so that hashing does not slow the parser down.
type asyncHash struct {
	in   chan []byte
	done chan struct{}
	h    hash.Hash
	once bool
}

var blockPool = sync.Pool{New: func() any { return make([]byte, 0, 1<<20) }}

func newAsyncHash() *asyncHash {
	a := &asyncHash{in: make(chan []byte, 8), done: make(chan struct{}), h: sha256.New()}
	go func() {
		for b := range a.in {
			a.h.Write(b)
			blockPool.Put(b[:0]) //nolint:staticcheck // a slice is fine here
		}
		close(a.done)
	}()
	return a
}

func (a *asyncHash) stop() {
	if !a.once {
		a.once = true
		close(a.in)
		<-a.done
	}
}

func (a *asyncHash) sum() []byte {
	a.stop()
	return a.h.Sum(nil)
}

// hashingReader hands a copy of everything read to an asyncHash.
type hashingReader struct {
	r io.Reader
	h *asyncHash
}

func (hr *hashingReader) Read(p []byte) (int, error) {
	n, err := hr.r.Read(p)
	if n > 0 && !hr.h.once {
		b := blockPool.Get().([]byte)
		hr.h.in <- append(b[:0], p[:n]...)
	}
	return n, err
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// detect determines the format and reads the header of header-based formats.
func (r *Reader) detect() error {
	first, err := r.br.Peek(1)
	if len(first) == 0 {
		if err != nil && err != io.EOF {
			return r.readErr(err)
		}
		switch r.opt.Format {
		case GDELT1, GDELT2:
			r.format = r.opt.Format
			return nil
		}
		return &bloc.Error{Code: bloc.EINVALID, Message: r.name + ": the file is empty", Hints: []string{"an ICEWS or CSV event file starts with a header row"}}
	}
	head, _ := r.br.Peek(64 << 10)
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	head = bytes.TrimSuffix(bytes.TrimPrefix(head, []byte("\ufeff")), []byte("\r"))
	tabs := bytes.Count(head, []byte{'\t'})
	isHeader := false
	for _, sep := range []string{"\t", ","} {
		has := map[string]bool{}
		for _, c := range strings.Split(string(head), sep) {
			has[normCol(strings.Trim(c, `" `))] = true
		}
		if has["event_id"] || has["cameo_code"] || has["event_date"] {
			isHeader = true
		}
	}
	f := r.opt.Format
	if f == Auto {
		switch {
		case isHeader && tabs > 0:
			f = ICEWS
		case isHeader:
			f = CSV
		case tabs == 56 || tabs == 57:
			f = GDELT1
		case tabs == 60:
			f = GDELT2
		default:
			return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: cannot tell the format: the first line is not an ICEWS or CSV header and has %d tab-separated fields (GDELT 1.0 has 57 or 58, GDELT 2.0 61)", r.name, tabs+1),
				Hints: []string{"pass --format icews|gdelt1|gdelt2|csv"}}
		}
	}
	r.format = f
	switch f {
	case ICEWS, CSV:
		return r.readHeader()
	default:
		if bytes.HasPrefix(head, []byte("GLOBALEVENTID")) {
			// a header someone added; skip it
			r.br.ReadSlice('\n')
			r.line++
		}
	}
	return nil
}

func normCol(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "_", ".", "_", "-", "_").Replace(s)
}

func (r *Reader) readHeader() error {
	var hdr []string
	if r.format == CSV {
		r.cr = csv.NewReader(r.br)
		r.cr.ReuseRecord = true
		r.cr.FieldsPerRecord = -1
		rec, err := r.cr.Read()
		if err != nil {
			if err == io.EOF {
				return bloc.Errorf(bloc.EINVALID, "%s: the file is empty", r.name)
			}
			return bloc.Errorf(bloc.EINVALID, "%s: line 1: cannot read the CSV header: %v", r.name, err)
		}
		hdr = append(hdr, rec...)
	} else {
		line, err := r.br.ReadSlice('\n')
		if err != nil && err != io.EOF {
			if err == bufio.ErrBufferFull {
				return bloc.Errorf(bloc.EINVALID, "%s: line 1: the header is longer than 1 MiB", r.name)
			}
			return r.readErr(err)
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
		for _, f := range bytes.Split(line, []byte{'\t'}) {
			hdr = append(hdr, string(f))
		}
	}
	r.line = 1
	if len(hdr) > 0 {
		hdr[0] = strings.TrimPrefix(hdr[0], "\ufeff")
	}
	if len(hdr) > 256 {
		return bloc.Errorf(bloc.EINVALID, "%s: line 1: the header has %d columns; an event file has at most 256", r.name, len(hdr))
	}
	r.nfields = len(hdr)
	for i := range r.idx {
		r.idx[i] = -1
	}
	names := append(append([]string{}, colRequired...), colOptional...)
	for j, h := range hdr {
		n := normCol(h)
		for i, want := range names {
			if n == want && r.idx[i] < 0 {
				r.idx[i] = j
				if j > r.maxIdx {
					r.maxIdx = j
				}
			}
		}
	}
	var missing []string
	for i, want := range colRequired {
		if r.idx[i] < 0 {
			missing = append(missing, want)
		}
	}
	if len(missing) > 0 {
		return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: line 1: the %s header lacks the column(s) %s", r.name, r.format, strings.Join(missing, ", ")),
			Hints: []string{"ICEWS files name them Event ID, Event Date, Source Country, CAMEO Code, Target Country", "see `bloc events ingest --help` for the CSV columns"}}
	}
	r.fields = make([][]byte, r.maxIdx+1)
	return nil
}

// Format returns the detected format.
func (r *Reader) Format() Format { return r.format }

// Record implements Source.
func (r *Reader) Record() *FileRecord { return &r.rec }

// Codebook implements Source.
func (r *Reader) Codebook() *Codebook { return r.t.Codes }

// Close releases the file.
func (r *Reader) Close() error { return r.closer() }

func (r *Reader) readErr(err error) error {
	msg := "read failed"
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, gzip.ErrChecksum) || errors.Is(err, zip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) {
		msg = "the file is truncated or corrupt"
	}
	return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: line %d: %s", r.name, r.line+1, msg), Err: err}
}

// issue records a malformed row; in strict mode it is an error.
func (r *Reader) issue(reason, format string, args ...any) error {
	detail := fmt.Sprintf(format, args...)
	if r.opt.Strict {
		return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("%s: line %d: %s", r.name, r.line, detail),
			Hints: []string{"without --strict, malformed rows are counted, reported and skipped"}}
	}
	r.rec.Malformed++
	r.rec.IssueCounts[reason]++
	if len(r.rec.Issues) < r.opt.MaxIssues {
		r.rec.Issues = append(r.rec.Issues, Issue{Line: r.line, Reason: reason, Detail: detail})
	}
	return nil
}

// Next implements Source.
func (r *Reader) Next() (*Batch, error) {
	if r.err != nil {
		return nil, r.err
	}
	r.batch.reset()
	if r.done {
		return nil, io.EOF
	}
	for r.batch.N < BatchSize {
		var err error
		if r.format == CSV {
			err = r.nextCSV()
		} else {
			err = r.nextTSV()
		}
		if err == io.EOF {
			r.done = true
			r.finish()
			r.rec.Finished = time.Now().UTC()
			break
		}
		if err != nil {
			r.err = err
			return nil, err
		}
	}
	if r.batch.N == 0 {
		return nil, io.EOF
	}
	return r.batch, nil
}

// nextTSV reads and parses one line.
func (r *Reader) nextTSV() error {
	line, err := r.br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.line++
		for err == bufio.ErrBufferFull {
			_, err = r.br.ReadSlice('\n')
		}
		if err != nil && err != io.EOF {
			return r.readErr(err)
		}
		r.rec.Lines++
		return r.issue("long", "the line is longer than 1 MiB")
	}
	if err != nil && err != io.EOF {
		return r.readErr(err)
	}
	if len(line) == 0 && err == io.EOF {
		return io.EOF
	}
	r.line++
	if n := len(line); n > 0 && line[n-1] == '\n' {
		line = line[:n-1]
		if n := len(line); n > 0 && line[n-1] == '\r' {
			line = line[:n-1]
		}
	}
	if len(line) == 0 {
		r.rec.Blank++
		return nil
	}
	r.rec.Lines++
	nf := bytes.Count(line, tab) + 1
	if r.format == ICEWS {
		if nf != r.nfields {
			return r.issue("columns", "%d tab-separated fields where the header has %d", nf, r.nfields)
		}
		r.split(line, r.maxIdx)
		f := r.fields
		var pub, syn []byte
		if r.idx[5] >= 0 {
			pub = f[r.idx[5]]
		}
		if r.idx[6] >= 0 {
			syn = f[r.idx[6]]
		}
		return r.event(f[r.idx[0]], f[r.idx[1]], f[r.idx[2]], f[r.idx[4]], f[r.idx[3]], isSynthetic(pub, syn), false)
	}
	switch {
	case r.format == GDELT1 && (nf == 57 || nf == 58):
	case r.format == GDELT2 && nf == 61:
	default:
		want := "57 or 58 (GDELT 1.0)"
		if r.format == GDELT2 {
			want = "61 (GDELT 2.0)"
		}
		return r.issue("columns", "%d tab-separated fields, want %s", nf, want)
	}
	if cap(r.fields) < gdeltEventCode+1 {
		r.fields = make([][]byte, gdeltEventCode+1)
	}
	r.fields = r.fields[:gdeltEventCode+1]
	r.split(line, gdeltEventCode)
	f := r.fields
	return r.event(f[gdeltID], f[gdeltDate], f[gdeltA1Country], f[gdeltA2Country], f[gdeltEventCode], false, true)
}

// split stores the first max+1 tab-separated fields of line in r.fields.
// (bytes.IndexByte, vectorised, beats a word-at-a-time scan here: measured.)
func (r *Reader) split(line []byte, max int) {
	for i := 0; i <= max; i++ {
		j := bytes.IndexByte(line, '\t')
		if j < 0 {
			r.fields[i] = line
			line = nil
			continue
		}
		r.fields[i] = line[:j]
		line = line[j+1:]
	}
}

var tab = []byte{'\t'}

func (r *Reader) nextCSV() error {
	rec, err := r.cr.Read()
	if err == io.EOF {
		return io.EOF
	}
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			r.line = int64(pe.Line)
			r.rec.Lines++
			return r.issue("csv", "malformed CSV: %v", pe.Err)
		}
		return r.readErr(err)
	}
	if line, _ := r.cr.FieldPos(0); line > 0 {
		r.line = int64(line)
	}
	if len(rec) == 1 && rec[0] == "" {
		r.rec.Blank++
		return nil
	}
	r.rec.Lines++
	if len(rec) != r.nfields {
		return r.issue("columns", "%d fields where the header has %d", len(rec), r.nfields)
	}
	get := func(i int) []byte {
		if r.idx[i] < 0 {
			return nil
		}
		return []byte(rec[r.idx[i]])
	}
	return r.event(get(0), get(1), get(2), get(4), get(3), isSynthetic(get(5), get(6)), false)
}

func isSynthetic(pub, syn []byte) bool {
	if string(pub) == SyntheticPublisher {
		return true
	}
	switch string(syn) {
	case "1", "true", "TRUE", "True", "yes":
		return true
	}
	return false
}

// event checks and maps one row's fields and adds it to the batch.
func (r *Reader) event(id, date, src, tgt, code []byte, synth, gdelt bool) error {
	eid, ok := parseID(id)
	if !ok {
		return r.issue("id", "event id %s is not a whole number", quoteField(id))
	}
	var day int32
	var month int16
	if gdelt {
		day, month, ok = parseYMD(date)
	} else {
		day, month, ok = parseISODate(date)
	}
	if !ok {
		want := "YYYY-MM-DD"
		if gdelt {
			want = "YYYYMMDD"
		}
		return r.issue("date", "date %s is not a valid %s date between 1800 and 2199", quoteField(date), want)
	}
	ci, ok := r.t.Codes.Lookup(code)
	if !ok {
		return r.issue("cameo", "unknown CAMEO code %s", quoteField(code))
	}
	a, ok := r.t.Actors.Lookup(src)
	if !ok {
		return r.issue("actor", "unknown source actor country %s", quoteField(src))
	}
	b, ok := r.t.Actors.Lookup(tgt)
	if !ok {
		return r.issue("actor", "unknown target actor country %s", quoteField(tgt))
	}
	if a == 0 || b == 0 {
		r.rec.NonState++
		return nil
	}
	if a == b {
		r.rec.Domestic++
	}
	if synth {
		r.rec.Synthetic++
	}
	r.rec.Events++
	r.batch.add(eid, day, month, a, b, ci, &r.t.Codes.Codes[ci], synth)
	return nil
}

func quoteField(b []byte) string {
	if len(b) > 40 {
		b = b[:40]
	}
	s := string(b)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\ufffd")
	}
	return strconvQuote(s)
}

func parseID(b []byte) (int64, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

func digits(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func civil(y, m, d int) (int32, int16, bool) {
	if y < 1800 || y > 2199 || m < 1 || m > 12 || d < 1 || d > monthDays[m] {
		return 0, 0, false
	}
	if m == 2 && d == 29 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return 0, 0, false
	}
	return daysFromCivil(y, m, d), int16((y-1800)*12 + m - 1), true
}

// parseISODate reads YYYY-MM-DD: days since 1970 and months since 1800.
func parseISODate(b []byte) (int32, int16, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, 0, false
	}
	y, ok1 := digits(b[0:4])
	m, ok2 := digits(b[5:7])
	d, ok3 := digits(b[8:10])
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, false
	}
	return civil(y, m, d)
}

// parseYMD reads YYYYMMDD (GDELT's SQLDATE).
func parseYMD(b []byte) (int32, int16, bool) {
	if len(b) != 8 {
		return 0, 0, false
	}
	y, ok1 := digits(b[0:4])
	m, ok2 := digits(b[4:6])
	d, ok3 := digits(b[6:8])
	if !ok1 || !ok2 || !ok3 {
		return 0, 0, false
	}
	return civil(y, m, d)
}

// MonthIndex returns the months since 1800-01 of a date (1800-01 is 0).
func MonthIndex(t time.Time) int16 { return int16((t.Year()-1800)*12 + int(t.Month()) - 1) }

// MonthTime returns the first day of a month index.
func MonthTime(m int) time.Time {
	return time.Date(1800+m/12, time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC)
}

// BaseName returns the file name of a path, for reports.
func BaseName(p string) string { return filepath.Base(p) }
