// Package httpapi is bloc's HTTP JSON API and the web UI on top of it:
// verdicts, charts and reports for any dyad and period, the states, the
// dataset catalogue and its citations. It serves from one store, loads the
// country registry once, keeps the loaded worlds per period and the
// verdicts, charts and reports in bounded LRU caches, and answers bad
// requests with 4xx and a JSON Problem, never a 5xx.
package httpapi

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/charts"
	"github.com/bloc-project/bloc/evidence"
	"github.com/bloc-project/bloc/indicators"
	"github.com/bloc-project/bloc/registry"
	"github.com/bloc-project/bloc/report"
	"github.com/bloc-project/bloc/verdict"
	"github.com/bloc-project/bloc/world"
)

// Config configures a Server. Zero values take the defaults.
type Config struct {
	// Store is the store the server reads (*duckdb.Store).
	Store verdict.Store
	// Version is bloc's version, reported by /api/health and in reports.
	Version string
	// Log receives error and startup messages (nil: none).
	Log io.Writer
	// MaxSpan is the longest period the server explains, in years
	// (default 30).
	MaxSpan int
	// WorldYears bounds the loaded worlds kept: the sum of the years they
	// hold (default 40: two 10-year periods with the monitor's 6 years
	// before each; such a world of every state holds about 200 MB).
	WorldYears int
	// Verdicts and VerdictBytes bound the verdict cache, which keeps each
	// verdict as gzipped JSON (about 30 KB; default 4,096 verdicts and
	// 128 MB).
	Verdicts     int
	VerdictBytes int64
	// ReportBytes bounds the cache of rendered reports and charts (default
	// 128 MB).
	ReportBytes int64
	// Loads is how many worlds may load at once (default 1), PDFs how many
	// PDFs may print at once (default 1).
	Loads, PDFs int
}

func (c *Config) defaults() {
	if c.MaxSpan == 0 {
		c.MaxSpan = 30
	}
	if c.WorldYears == 0 {
		c.WorldYears = 40
	}
	if c.Verdicts == 0 {
		c.Verdicts = 4096
	}
	if c.VerdictBytes == 0 {
		c.VerdictBytes = 128 << 20
	}
	if c.ReportBytes == 0 {
		c.ReportBytes = 128 << 20
	}
	if c.Loads == 0 {
		c.Loads = 1
	}
	if c.PDFs == 0 {
		c.PDFs = 1
	}
}

// Server is the HTTP API and web UI.
type Server struct {
	cfg   Config
	store verdict.Store
	reg   *registry.Registry
	mry   int

	worlds   *lru[bloc.Period, *worldEntry]
	verdicts *lru[vkey, *verdictEntry]
	decoded  *lru[vkey, *decoded]
	outputs  *lru[okey, *blob]
	loads    chan struct{}
	pdfs     chan struct{}

	casesMu sync.Mutex
	cases   map[[2]bloc.CCode]bool

	mux *http.ServeMux
}

// New returns a server on the store; it loads the country registry.
func New(ctx context.Context, cfg Config) (*Server, error) {
	cfg.defaults()
	if cfg.Store == nil {
		return nil, bloc.Errorf(bloc.EINVALID, "httpapi: no store")
	}
	mry := verdict.MostRecentYear(verdict.DefaultPeriod().To)
	reg, err := registry.Load(ctx, cfg.Store, mry)
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, store: cfg.Store, reg: reg, mry: mry,
		worlds:   newLRU[bloc.Period, *worldEntry](16, int64(cfg.WorldYears)),
		verdicts: newLRU[vkey, *verdictEntry](cfg.Verdicts, cfg.VerdictBytes),
		decoded:  newLRU[vkey, *decoded](32, 64<<20),
		outputs:  newLRU[okey, *blob](4096, cfg.ReportBytes),
		loads:    make(chan struct{}, cfg.Loads),
		pdfs:     make(chan struct{}, cfg.PDFs),
		cases:    map[[2]bloc.CCode]bool{},
	}
	s.routes()
	return s, nil
}

func (s *Server) logf(format string, args ...any) {
	if s.cfg.Log != nil {
		fmt.Fprintf(s.cfg.Log, "%s bloc serve: %s\n", time.Now().Format(time.RFC3339), fmt.Sprintf(format, args...))
	}
}

// Handler returns the server's handler: the routes behind the guards
// (method, path, panics).
func (s *Server) Handler() http.Handler { return s.guard(s.mux) }

// guard rejects methods other than GET and HEAD and paths that try to
// climb out of their directory, and turns a panic into a 500 without its
// stack on the wire.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.logf("panic: %s %s: %v\n%s", r.Method, r.URL.RequestURI(), v, debug.Stack())
				s.writeError(w, r, &bloc.Error{Code: bloc.EINTERNAL, Message: "panic"})
			}
		}()
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			s.writeJSON(w, http.StatusMethodNotAllowed, Problem{Code: bloc.EINVALID, Message: "method " + r.Method + " is not allowed; the API is read-only", Hints: []string{"use GET"}})
			return
		}
		if bad := badPath(r); bad != "" {
			s.writeError(w, r, invalid("the path "+bad, "paths name API endpoints and the UI's files; they never climb directories"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// badPath says what is wrong with a path that tries to leave its
// directory: a ".." segment (also percent-encoded), a backslash or a NUL.
func badPath(r *http.Request) string {
	raw := r.URL.EscapedPath()
	low := strings.ToLower(raw)
	for _, bad := range []string{"%2e%2e", "%2f", "%5c", "%00", "\\", "\x00"} {
		if strings.Contains(low, bad) {
			return "contains " + strconv.Quote(bad)
		}
	}
	for _, seg := range strings.Split(r.URL.Path, "/") {
		if seg == ".." || seg == "." {
			return "has a " + strconv.Quote(seg) + " segment"
		}
	}
	if strings.Contains(r.URL.Path, "//") {
		return "has an empty segment"
	}
	return ""
}

func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		status = http.StatusInternalServerError
		buf.Reset()
		buf.WriteString(`{"code":"internal","message":"encoding the response failed","hints":[]}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// worldEntry is the World of a period and its indicator frame, shared by
// every dyad explained in that period.
type worldEntry struct {
	w *world.World
	f *indicators.Frame
}

// world returns the World of the period, loading it once.
func (s *Server) world(p bloc.Period) (*worldEntry, error) {
	return s.worlds.Get(p, func() (*worldEntry, int64, error) {
		s.loads <- struct{}{}
		defer func() { <-s.loads }()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		t0 := time.Now()
		opt := verdict.DefaultOptions()
		params := opt.Params
		// The termination monitor compares windows before the period.
		years := verdict.LoadYears(p, opt)
		w, _, err := world.Load(ctx, s.store.DB(), s.reg, world.Options{Years: years, History: params.History})
		if err != nil {
			return nil, 0, err
		}
		s.logf("loaded the world of %v (years %v) in %v", p, years, time.Since(t0).Round(time.Millisecond))
		return &worldEntry{w: w, f: indicators.NewFrame(w, p, params)}, int64(years.Years()), nil
	})
}

// vkey identifies a verdict.
type vkey struct {
	A, B   bloc.CCode
	P      bloc.Period
	NoCase bool
	Prior  string
}

// verdictEntry is a cached verdict: its gzipped JSON (a tenth of the
// JSON, a twentieth of the structs) and what names it.
type verdictEntry struct {
	key  vkey
	A, B bloc.State
	P    bloc.Period
	body *blob
}

// decoded is a verdict decoded from its entry, for charts and reports: the
// structs, every top-level field raw (report.Decode) and the JSON.
type decoded struct {
	v    *bloc.Verdict
	raw  map[string]json.RawMessage
	json []byte
}

// decode returns the verdict of an entry, from a small cache of decoded
// verdicts.
func (s *Server) decode(e *verdictEntry) (*decoded, error) {
	return s.decoded.Get(e.key, func() (*decoded, int64, error) {
		data, err := e.body.plain()
		if err != nil {
			return nil, 0, err
		}
		v, raw, err := report.Decode(data)
		if err != nil {
			return nil, 0, err
		}
		return &decoded{v: v, raw: raw, json: data}, 4 * int64(len(data)), nil
	})
}

// blob is a response body ready to serve.
type blob struct {
	ctype string
	data  []byte
	gz    []byte
	etag  string
	name  string // file name for Content-Disposition, "" for none
	// charts are the decoded charts of a "charts" blob.
	charts []charts.Chart
}

func newBlob(ctype string, data []byte, name string) *blob {
	sum := sha256.Sum256(data)
	b := &blob{ctype: ctype, data: data, etag: `"` + hex.EncodeToString(sum[:12]) + `"`, name: name}
	if len(data) > 1024 && compressible(ctype) {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestSpeed)
		zw.Write(data)
		zw.Close()
		b.gz = buf.Bytes()
	}
	return b
}

// newGzBlob keeps only the gzipped body; serve inflates it for the rare
// client that does not accept gzip.
func newGzBlob(ctype string, data []byte) *blob {
	b := newBlob(ctype, data, "")
	if b.gz != nil {
		b.data = nil
	}
	return b
}

// plain returns the body uncompressed.
func (b *blob) plain() ([]byte, error) {
	if b.data != nil || b.gz == nil {
		return b.data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(b.gz))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "application/json") || strings.HasPrefix(ctype, "text/") || strings.HasPrefix(ctype, "image/svg")
}

func (b *blob) cost() int64 { return int64(len(b.data) + len(b.gz) + 256) }

// serve writes the blob, gzipped when the client accepts it, with an ETag.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, b *blob, inline bool) {
	h := w.Header()
	h.Set("Content-Type", b.ctype)
	h.Set("ETag", b.etag)
	h.Set("Cache-Control", "private, max-age=300")
	h.Set("Vary", "Accept-Encoding")
	if strings.HasPrefix(b.ctype, "text/html") || strings.HasPrefix(b.ctype, "image/svg") {
		// A report or chart opened in the browser runs nothing and loads
		// nothing: its styles and images are inline.
		h.Set("Content-Security-Policy", "default-src 'none'; img-src data:; style-src 'unsafe-inline'")
	}
	if b.name != "" {
		disp := "attachment"
		if inline {
			disp = "inline"
		}
		h.Set("Content-Disposition", disp+`; filename="`+b.name+`"`)
	}
	if match := r.Header.Get("If-None-Match"); match != "" && match == b.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	data := b.data
	if b.gz != nil && strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		h.Set("Content-Encoding", "gzip")
		data = b.gz
	} else if data == nil {
		var err error
		if data, err = b.plain(); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	h.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// special reports whether a built-in case file or evidence ledger covers
// the dyad a→b: its verdict needs the case's years and facts, or the
// ledger, and is explained on a World of its own, as `bloc explain` does.
func (s *Server) special(a, b bloc.CCode) (bool, error) {
	s.casesMu.Lock()
	defer s.casesMu.Unlock()
	k := [2]bloc.CCode{a, b}
	if v, ok := s.cases[k]; ok {
		return v, nil
	}
	cf, err := verdict.CaseFor(s.reg, "", a, b)
	if err != nil {
		return false, err
	}
	l, err := evidence.For(func(name string) (bloc.CCode, error) {
		st, err := s.reg.Resolve(name)
		return st.CCode, err
	}, "", a, b)
	if err != nil {
		return false, err
	}
	s.cases[k] = cf != nil || l != nil
	return s.cases[k], nil
}

// explain returns the verdict on the dyad: from the cache, or computed on
// the period's shared World (a dyad with a built-in case file loads its own,
// with the case's years and facts, as `bloc explain` does).
func (s *Server) explain(d dyad) (*verdictEntry, error) {
	a, err := verdict.Resolve(s.reg, d.A, d.Period, "a")
	if err != nil {
		return nil, err
	}
	b, err := verdict.Resolve(s.reg, d.B, d.Period, "b")
	if err != nil {
		return nil, err
	}
	if a.CCode == b.CCode {
		return nil, invalid(fmt.Sprintf("a and b are the same state, %s (%s): a state does not align with itself", a.Name, a.Abb), "give two different states, e.g. a=IRN&b=RUS")
	}
	key := vkey{A: a.CCode, B: b.CCode, P: d.Period, NoCase: d.NoCase, Prior: d.Prior}
	return s.verdicts.Get(key, func() (*verdictEntry, int64, error) {
		var v *bloc.Verdict
		withCase := false
		if !d.NoCase {
			if withCase, err = s.special(a.CCode, b.CCode); err != nil {
				return nil, 0, err
			}
		}
		if withCase {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			s.loads <- struct{}{}
			v, _, err = verdict.ExplainRequest(ctx, s.store, verdict.Request{A: strconv.Itoa(int(a.CCode)), B: strconv.Itoa(int(b.CCode)), Period: d.Period, Prior: d.Prior, Options: verdict.DefaultOptions()})
			<-s.loads
		} else {
			var we *worldEntry
			if we, err = s.world(d.Period); err != nil {
				return nil, 0, err
			}
			opt := verdict.DefaultOptions()
			if d.Prior != "" {
				if opt.Prior, err = evidence.ParsePrior(d.Prior, evidence.Hypotheses()); err != nil {
					return nil, 0, err
				}
				opt.PriorName = d.Prior
			}
			v, err = verdict.ExplainFrame(we.f, a.CCode, b.CCode, opt)
		}
		if err != nil {
			return nil, 0, err
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return nil, 0, err
		}
		e := &verdictEntry{key: key, A: v.A, B: v.B, P: v.Period, body: newGzBlob("application/json; charset=utf-8", buf.Bytes())}
		return e, e.body.cost(), nil
	})
}

// okey identifies a rendered output of a verdict: its charts, one chart
// in a format, a report in a language and format.
type okey struct {
	V      vkey
	What   string // "charts", "chart", "report", "monitor", "whatif", "panel"
	ID     string
	Lang   report.Lang
	Format string
}

// charts returns every chart of the verdict.
func (s *Server) charts(ctx context.Context, k vkey, e *verdictEntry) ([]charts.Chart, error) {
	b, err := s.outputs.Get(okey{V: k, What: "charts"}, func() (*blob, int64, error) {
		d, err := s.decode(e)
		if err != nil {
			return nil, 0, err
		}
		cs, err := charts.ForVerdict(ctx, s.store, s.reg, d.v)
		if err != nil {
			return nil, 0, err
		}
		data, err := json.Marshal(cs)
		if err != nil {
			return nil, 0, err
		}
		b := newBlob("application/json; charset=utf-8", data, "")
		b.charts = cs
		return b, 2 * b.cost(), nil
	})
	if err != nil {
		return nil, err
	}
	return b.charts, nil
}

func keyOf(e *verdictEntry, _ dyad) vkey { return e.key }
