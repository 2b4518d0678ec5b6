package httpapi

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestLRU(t *testing.T) {
	c := newLRU[int, string](2, 10)
	load := func(v string, cost int64) func() (string, int64, error) {
		return func() (string, int64, error) { return v, cost, nil }
	}
	c.Get(1, load("a", 4))
	c.Get(2, load("b", 4))
	c.Get(1, load("x", 4)) // a hit: 1 is now the most recent
	c.Get(3, load("c", 4)) // evicts 2, the least recent
	if v, _ := c.Get(1, load("y", 4)); v != "a" {
		t.Errorf("1 = %q, want the cached a", v)
	}
	if v, _ := c.Get(2, load("b2", 4)); v != "b2" {
		t.Errorf("2 = %q, want reloaded b2", v)
	}
	if n, cost, _, _ := c.Stats(); n > 2 || cost > 10 {
		t.Errorf("%d items, cost %d: over the bounds", n, cost)
	}
	// Larger than the whole cache: served, not kept.
	if v, _ := c.Get(9, load("huge", 100)); v != "huge" {
		t.Errorf("huge = %q", v)
	}
	if n, cost, _, _ := c.Stats(); cost > 10 || n > 2 {
		t.Errorf("after a huge value: %d items, cost %d", n, cost)
	}
	// Errors are not cached.
	fail := errors.New("no")
	if _, err := c.Get(5, func() (string, int64, error) { return "", 0, fail }); err != fail {
		t.Errorf("err %v", err)
	}
	if v, _ := c.Get(5, load("ok", 1)); v != "ok" {
		t.Errorf("after a failed load: %q", v)
	}
}

func TestLRUSingleFlight(t *testing.T) {
	c := newLRU[string, int](10, 0)
	var loads atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, err := c.Get("k", func() (int, int64, error) {
				loads.Add(1)
				<-release
				return 42, 1, nil
			})
			if v != 42 || err != nil {
				t.Errorf("%d, %v", v, err)
			}
		}()
	}
	time.Sleep(50 * time.Millisecond)
	close(release)
	wg.Wait()
	if n := loads.Load(); n != 1 {
		t.Errorf("%d loads for one key, want 1", n)
	}
	// A panicking load becomes an error for every waiter.
	if _, err := c.Get("p", func() (int, int64, error) { panic("boom") }); err == nil {
		t.Error("a panicking load returned no error")
	}
}

func TestGuardPanic(t *testing.T) {
	s := &Server{}
	h := s.guard(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { panic("secret detail") }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/api/explain?a=IRN&b=RUS", nil))
	if rec.Code != http.StatusInternalServerError {
		t.Errorf("status %d", rec.Code)
	}
	var p Problem
	if err := json.Unmarshal(rec.Body.Bytes(), &p); err != nil || p.Code != "internal" {
		t.Errorf("body %s: %v", rec.Body.String(), err)
	}
	if strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "goroutine") {
		t.Errorf("the panic leaks: %s", rec.Body.String())
	}
}

func TestBadPath(t *testing.T) {
	for path, bad := range map[string]bool{
		"/static/app.js": false, "/api/explain": false, "/": false,
		"/static/../x": true, "/static/%2e%2e/x": true, "/static/a%2fb": true, "/static/a%5cb": true, "/a//b": true, "/static/./app.js": true,
	} {
		r := httptest.NewRequest(http.MethodGet, "http://x"+path, nil)
		if got := badPath(r) != ""; got != bad {
			t.Errorf("badPath(%s) = %v, want %v", path, got, bad)
		}
	}
}
