package httpapi

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/bloc-project/bloc"
)

// FuzzQuery feeds arbitrary paths and query strings to the request
// guards and the parsers of the dyad, years and formats: none may panic,
// and every error is a *bloc.Error with a 4xx status.
func FuzzQuery(f *testing.F) {
	for _, seed := range []string{"/api/explain?a=IRN&b=RUS&from=2009&to=2018", "/api/explain?a=%zz", "/static/../x", "/api/report?a=IRN&b=RUS&lang=fa&format=pdf",
		"/api/explain?a=ایران&b=روسیه&from=۲۰۰۹&to=۲۰۱۸", "/api/explain?a=IRN&a=RUS", "/%2e%2e/etc/passwd", "/api/explain?from=-1&to=99999&a=x&b=y&case=none"} {
		f.Add(seed)
	}
	s := &Server{mry: 2024}
	s.cfg.defaults()
	f.Fuzz(func(t *testing.T, target string) {
		r, err := http.NewRequest(http.MethodGet, "http://x"+target, nil)
		if err != nil {
			return
		}
		rec := httptest.NewRecorder()
		s.guard(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			q, err := params(r, append(append([]string{}, dyadParams...), "lang", "format")...)
			if err == nil {
				_, err = s.parseDyad(q)
			}
			if err == nil {
				_, err = oneOf(q, "format", "html", reportFormats...)
			}
			if err != nil {
				if _, ok := err.(*bloc.Error); !ok {
					t.Fatalf("%q: not a *bloc.Error: %v", target, err)
				}
				if st := statusOf(err); st < 400 || st >= 500 {
					t.Fatalf("%q: status %d for %v", target, st, err)
				}
			}
		})).ServeHTTP(rec, r)
		if rec.Code >= 500 {
			t.Fatalf("%q: status %d", target, rec.Code)
		}
	})
}
