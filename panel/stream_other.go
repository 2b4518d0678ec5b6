//go:build !unix

package panel

import (
	"context"
	"io"
	"os"

	"github.com/bloc-project/bloc"
)

func (p *Panel) stream(ctx context.Context, w io.Writer, f Format) error {
	dir, err := os.MkdirTemp("", "bloc-panel-")
	if err != nil {
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "panel", Message: "creating a temporary directory", Err: err}
	}
	defer os.RemoveAll(dir)
	return p.streamViaFile(ctx, w, f, dir)
}
