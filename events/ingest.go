package events

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
)

// IngestOptions tune Ingest.
type IngestOptions struct {
	Options
	// Progress, if set, is called after each file.
	Progress func(rec *FileRecord)
}

// IngestReport says what an ingest did.
type IngestReport struct {
	Engine     string        `json:"engine"`
	Location   string        `json:"location"`
	Files      []FileRecord  `json:"files"`
	Events     int64         `json:"events"`
	NonState   int64         `json:"nonstate"`
	Malformed  int64         `json:"malformed"`
	Synthetic  int64         `json:"synthetic"`
	Duplicates int           `json:"duplicates"`
	Failed     int           `json:"failed"`
	Elapsed    time.Duration `json:"elapsed_ns"`
}

// Ingest parses and stores each file. A file whose checksum is already in
// the ingest log is not read again; a file that fails is reported and the
// others go on (with Strict, the first failure stops the ingest). The
// returned error is non-nil when any file failed; the report is complete
// either way.
func Ingest(ctx context.Context, eng Engine, t *Tables, paths []string, opt IngestOptions) (*IngestReport, error) {
	start := time.Now()
	rep := &IngestReport{Engine: eng.Name(), Location: eng.Location()}
	var firstErr error
	for _, p := range paths {
		rec, err := ingestOne(ctx, eng, t, p, opt.Options)
		if rec == nil {
			rec = &FileRecord{Path: p}
		}
		if err != nil {
			rec.Status, rec.Error = "failed", err.Error()
			rep.Failed++
			if firstErr == nil {
				firstErr = err
			}
		}
		switch rec.Status {
		case "done":
			rep.Events += rec.Events
			rep.NonState += rec.NonState
			rep.Malformed += rec.Malformed
			rep.Synthetic += rec.Synthetic
		case "duplicate":
			rep.Duplicates++
		}
		rep.Files = append(rep.Files, *rec)
		if opt.Progress != nil {
			opt.Progress(rec)
		}
		if err != nil && (opt.Strict || ctx.Err() != nil) {
			break
		}
	}
	rep.Elapsed = time.Since(start)
	if firstErr != nil {
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		if rep.Failed == 1 && len(paths) == 1 {
			return rep, firstErr
		}
		return rep, &bloc.Error{Code: bloc.ErrorCode(firstErr), Message: fmt.Sprintf("%d of %d files failed; the first: %v", rep.Failed, len(paths), firstErr),
			Hints: bloc.ErrorHints(firstErr)}
	}
	return rep, nil
}

func ingestOne(ctx context.Context, eng Engine, t *Tables, path string, opt Options) (*FileRecord, error) {
	st, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &bloc.Error{Code: bloc.ENOTFOUND, Message: path + ": no such file"}
		}
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: path + ": cannot read", Err: err}
	}
	// The fast re-ingest check: a stored file of the same size whose
	// checksum matches is not parsed again.
	stored, err := eng.Stored(ctx, st.Size())
	if err != nil {
		return nil, err
	}
	if len(stored) > 0 {
		sum, err := datasets.FileSHA256(path)
		if err != nil {
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: path + ": cannot read", Err: err}
		}
		for _, s := range stored {
			if s.SHA256 == sum {
				return &FileRecord{Path: path, Size: st.Size(), SHA256: sum, ContentSHA256: s.ContentSHA256, Status: "duplicate", DuplicateOf: s.ID,
					Format: s.Format, Events: s.Events}, nil
			}
		}
	}
	r, err := OpenFile(path, t, opt)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	pf := Prefetch(r)
	defer pf.Stop()
	rec, err := eng.Load(ctx, pf)
	if err != nil {
		return r.Record(), err
	}
	return rec, nil
}

// Prefetch runs src.Next in a goroutine, a few batches ahead, so that
// parsing and storing use two cores.
func Prefetch(src Source) *Prefetcher {
	p := &Prefetcher{src: src, out: make(chan pf, 4), free: make(chan *Batch, 6), done: make(chan struct{}), exited: make(chan struct{})}
	for i := 0; i < 6; i++ {
		p.free <- newBatch(BatchSize)
	}
	go p.run()
	return p
}

type pf struct {
	b   *Batch
	err error
}

// Prefetcher is a Source that reads ahead in a goroutine.
type Prefetcher struct {
	src    Source
	out    chan pf
	free   chan *Batch
	last   *Batch
	done   chan struct{}
	exited chan struct{}
	err    error
}

func (p *Prefetcher) run() {
	defer close(p.exited)
	defer close(p.out)
	for {
		b, err := p.src.Next()
		if err != nil {
			select {
			case p.out <- pf{err: err}:
			case <-p.done:
			}
			return
		}
		var c *Batch
		select {
		case c = <-p.free:
		case <-p.done:
			return
		}
		c.reset()
		c.N = b.N
		c.EventID = append(c.EventID, b.EventID...)
		c.Day = append(c.Day, b.Day...)
		c.Month = append(c.Month, b.Month...)
		c.A = append(c.A, b.A...)
		c.B = append(c.B, b.B...)
		c.Code = append(c.Code, b.Code...)
		c.Root = append(c.Root, b.Root...)
		c.Quad = append(c.Quad, b.Quad...)
		c.Gold10 = append(c.Gold10, b.Gold10...)
		c.Synthetic = append(c.Synthetic, b.Synthetic...)
		select {
		case p.out <- pf{b: c}:
		case <-p.done:
			return
		}
	}
}

func (p *Prefetcher) Next() (*Batch, error) {
	if p.last != nil {
		p.free <- p.last
		p.last = nil
	}
	if p.err != nil {
		return nil, p.err
	}
	x, ok := <-p.out
	if !ok {
		p.err = io.EOF
		return nil, io.EOF
	}
	if x.err != nil {
		p.err = x.err
		if x.err == io.EOF {
			close(p.done)
		}
		return nil, x.err
	}
	p.last = x.b
	return x.b, nil
}

// Record implements Source; it is final after Next returned io.EOF.
func (p *Prefetcher) Record() *FileRecord { return p.src.Record() }

// Codebook implements Source.
func (p *Prefetcher) Codebook() *Codebook { return p.src.Codebook() }

// Stop ends the goroutine (early, after an error on the engine side) and
// waits for it, so that the underlying source may be closed.
func (p *Prefetcher) Stop() {
	select {
	case <-p.done:
	default:
		close(p.done)
	}
	<-p.exited
}
