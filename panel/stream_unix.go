//go:build unix

package panel

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"syscall"

	"github.com/bloc-project/bloc"
)

// stream has DuckDB write the panel into a named pipe and copies the pipe
// to w while DuckDB writes, so nothing larger than a pipe buffer is held.
func (p *Panel) stream(ctx context.Context, w io.Writer, f Format) error {
	dir, err := os.MkdirTemp("", "bloc-panel-")
	if err != nil {
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "creating a temporary directory", Err: err}
	}
	defer os.RemoveAll(dir)
	fifo := filepath.Join(dir, "panel."+string(f))
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		return p.streamViaFile(ctx, w, f, dir)
	}
	// Open the read end without waiting for a writer, then hold a write end
	// of our own so that the reader sees end-of-file only once DuckDB is
	// done (or failed before opening the pipe).
	rfd, err := syscall.Open(fifo, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		return p.streamViaFile(ctx, w, f, dir)
	}
	keeper, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		syscall.Close(rfd)
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "opening a pipe", Err: err}
	}
	if err := syscall.SetNonblock(rfd, false); err != nil {
		syscall.Close(rfd)
		keeper.Close()
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "opening a pipe", Err: err}
	}
	r := os.NewFile(uintptr(rfd), fifo) // blocking reads: it waits for DuckDB
	defer r.Close()
	copied := make(chan error, 1)
	go func() {
		_, err := io.Copy(w, r)
		if err != nil {
			// Keep draining so DuckDB is not blocked on a full pipe.
			io.Copy(io.Discard, r)
		}
		copied <- err
	}()
	werr := p.copyTo(ctx, fifo, f)
	keeper.Close()
	cerr := <-copied
	if werr != nil {
		return werr
	}
	if cerr != nil {
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "writing the panel", Err: cerr}
	}
	return nil
}
