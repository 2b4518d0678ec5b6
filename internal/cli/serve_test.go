package cli

import (
	"bytes"
	"net/http"
	"regexp"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for one writer and one reader.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServeGracefulShutdown starts `bloc serve` on a free loopback port,
// checks that it answers, sends the process SIGINT and checks that the
// server shuts down cleanly with exit code 0.
func TestServeGracefulShutdown(t *testing.T) {
	needStore(t)
	var out, errs syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- Main([]string{"--store", testStore, "serve", "--addr", "127.0.0.1:0"}, nil, &out, &errs)
	}()
	addr := regexp.MustCompile(`http://(127\.0\.0\.1:\d+)/`)
	var url string
	for deadline := time.Now().Add(60 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if m := addr.FindStringSubmatch(errs.String()); m != nil {
			url = "http://" + m[1]
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, errs.String())
		default:
		}
	}
	if url == "" {
		t.Fatalf("serve did not start: %s", errs.String())
	}
	resp, err := http.Get(url + "/api/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("health: %d", resp.StatusCode)
	}
	// Main has been listening for SIGINT since it started.
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("exit %d after SIGINT: %s", code, errs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop after SIGINT")
	}
	if _, err := http.Get(url + "/api/health"); err == nil {
		t.Error("the server still answers after shutdown")
	}
}
