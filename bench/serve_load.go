//go:build ignore

// serve_load is the load benchmark of `bloc serve`: it starts the server as
// a child process on loopback, warms it up with every dyad once, then runs
// CLIENTS concurrent clients for DURATION against /api/explain, each
// request a dyad drawn at random from a varied set (ordered pairs of 20
// states in two periods), and reports throughput, latency percentiles,
// errors and the server's peak RSS; it stops the server with SIGTERM and
// checks that it exits cleanly.
//
//	go build -o bin/bloc ./cmd/bloc
//	go run bench/serve_load.go [-bin bin/bloc] [-store PATH] [-clients 50] [-duration 60s]
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// states are the dyads' members: the P5, regional powers and Iran's
// neighbours, all members of the system in both periods.
var states = []string{"USA", "RUS", "CHN", "UKG", "FRN", "GMY", "JPN", "IND", "PAK", "IRN", "IRQ", "TUR", "SAU", "ISR", "EGY", "SYR", "AFG", "BRA", "ROK", "PRK"}

var periods = [][2]int{{2009, 2018}, {2000, 2009}}

func main() {
	bin := flag.String("bin", "bin/bloc", "the bloc binary")
	store := flag.String("store", os.Getenv("BLOC_STORE"), "store file (default: bloc's default)")
	addr := flag.String("addr", "127.0.0.1:18181", "address the server listens on")
	clients := flag.Int("clients", 50, "concurrent clients")
	duration := flag.Duration("duration", 60*time.Second, "length of the measured run")
	flag.Parse()

	args := []string{"--quiet", "serve", "--addr", *addr}
	if *store != "" {
		args = append([]string{"--store", *store}, args...)
	}
	cmd := exec.Command(*bin, args...)
	logf, err := os.CreateTemp("", "bloc-serve-load-*.log")
	must(err)
	cmd.Stdout, cmd.Stderr = logf, logf
	must(cmd.Start())
	pid := cmd.Process.Pid
	base := "http://" + *addr
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: 2 * *clients, MaxIdleConnsPerHost: 2 * *clients}, Timeout: 2 * time.Minute}
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		if resp, err := client.Get(base + "/api/health"); err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			fail("the server did not start; log: %s", logf.Name())
		}
	}
	fmt.Printf("machine: %d cores, load average %s\n", numCPU(), loadavg())
	fmt.Printf("server: %s (pid %d), RSS after start %d MB\n", strings.Join(cmd.Args, " "), pid, rss(pid, "VmRSS")/1024)

	var urls []string
	for _, p := range periods {
		for _, a := range states {
			for _, b := range states {
				if a != b {
					urls = append(urls, fmt.Sprintf("%s/api/explain?a=%s&b=%s&from=%d&to=%d", base, a, b, p[0], p[1]))
				}
			}
		}
	}
	// Warm-up: every dyad once, 4 at a time.
	t0 := time.Now()
	var werr int
	var wmu sync.Mutex
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for u := range jobs {
				if _, ok := fetch(client, u); !ok {
					wmu.Lock()
					werr++
					wmu.Unlock()
				}
			}
		}()
	}
	for _, u := range urls {
		jobs <- u
	}
	close(jobs)
	wg.Wait()
	fmt.Printf("warm-up: %d dyads in %d periods (%d errors) in %v; RSS %d MB\n", len(urls), len(periods), werr, time.Since(t0).Round(time.Millisecond), rss(pid, "VmRSS")/1024)

	// The measured run.
	type result struct {
		lat []time.Duration
		err int
		b   int64
	}
	res := make([]result, *clients)
	stop := time.Now().Add(*duration)
	var peak int64
	done := make(chan struct{})
	go func() { // sample the RSS while the run lasts
		for {
			select {
			case <-done:
				return
			case <-time.After(500 * time.Millisecond):
				if r := rss(pid, "VmRSS"); r > peak {
					peak = r
				}
			}
		}
	}()
	tr := time.Now()
	for c := range *clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 7))
			r := &res[c]
			for time.Now().Before(stop) {
				u := urls[rng.IntN(len(urls))]
				t := time.Now()
				n, ok := fetch(client, u)
				r.lat = append(r.lat, time.Since(t))
				r.b += n
				if !ok {
					r.err++
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(tr)
	close(done)
	var all []time.Duration
	var errs int
	var bytes int64
	for _, r := range res {
		all = append(all, r.lat...)
		errs += r.err
		bytes += r.b
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	pct := func(p float64) time.Duration { return all[min(len(all)-1, int(p*float64(len(all))))] }
	fmt.Printf("load: %d clients for %v on /api/explain over %d dyads: %d requests, %.0f req/s, %.1f MB/s received (gzipped), %d errors\n",
		*clients, elapsed.Round(time.Millisecond), len(urls), len(all), float64(len(all))/elapsed.Seconds(), float64(bytes)/elapsed.Seconds()/1e6, errs)
	fmt.Printf("latency: p50 %v  p90 %v  p99 %v  p99.9 %v  max %v\n", pct(0.50).Round(10*time.Microsecond), pct(0.90).Round(10*time.Microsecond),
		pct(0.99).Round(10*time.Microsecond), pct(0.999).Round(10*time.Microsecond), all[len(all)-1].Round(10*time.Microsecond))
	if resp, err := client.Get(base + "/api/health"); err == nil {
		var h map[string]any
		json.NewDecoder(resp.Body).Decode(&h)
		resp.Body.Close()
		fmt.Printf("server cache: %v\n", h["cache"])
	}
	fmt.Printf("server memory: RSS peak during the run %d MB, VmHWM (peak since start) %d MB\n", peak/1024, rss(pid, "VmHWM")/1024)

	// Graceful shutdown.
	ts := time.Now()
	must(cmd.Process.Signal(syscall.SIGTERM))
	werrc := make(chan error, 1)
	go func() { werrc <- cmd.Wait() }()
	select {
	case err := <-werrc:
		fmt.Printf("SIGTERM: the server exited in %v (%v)\n", time.Since(ts).Round(time.Millisecond), exitText(err))
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		fail("the server did not exit within 30 s of SIGTERM")
	}
	os.Remove(logf.Name())
	if errs > 0 || werr > 0 {
		os.Exit(1)
	}
}

// fetch GETs u, as a browser does with Accept-Encoding: gzip, and reads
// the whole body without inflating it (the inflating is the client's work,
// not the server's); ok is a 200.
func fetch(c *http.Client, u string) (int64, bool) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return 0, false
	}
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := c.Do(req)
	if err != nil {
		return 0, false
	}
	n, err := io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return n, err == nil && resp.StatusCode == 200
}

// rss reads a memory figure (kB) of a process from /proc.
func rss(pid int, field string) int64 {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), field+":") {
			v, _ := strconv.ParseInt(strings.Fields(sc.Text())[1], 10, 64)
			return v
		}
	}
	return 0
}

func loadavg() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

func numCPU() int {
	b, _ := os.ReadFile("/proc/cpuinfo")
	return strings.Count(string(b), "processor\t:")
}

func exitText(err error) string {
	if err == nil {
		return "exit 0"
	}
	return err.Error()
}

func must(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "serve_load: "+format+"\n", args...)
	os.Exit(1)
}
