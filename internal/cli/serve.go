package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/httpapi"
)

func init() {
	commands = append(commands, func(e *env) *cobra.Command { return e.serveCmd() })
}

func (e *env) serveCmd() *cobra.Command {
	var addr string
	var maxSpan int
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web UI and the HTTP JSON API (loopback by default)",
		Long: `serve starts bloc's web UI and its HTTP JSON API on --addr (default 127.0.0.1:8080, loopback
only; give an address such as 0.0.0.0:8080 to listen on every interface). Open the address in a
browser, pick two states and a period, and read the verdict, its tests, data and citations, with
charts, in English or Persian; download the report (HTML, PDF, Markdown, ZIP) and the data behind
each chart (CSV, JSON).

API (GET; errors are JSON {code, message, hints} with a 4xx status for bad requests):
  /api/explain?a=IRN&b=RUS[&from=2009&to=2018][&case=none][&prior=BoT=0.4,BfP=0.3]
                                                             the verdict (docs/verdict-schema.md); prior as
                                                             for bloc explain --prior (any dyad request)
  /api/charts?a=&b=[&from=&to=]                              every chart's data
  /api/chart?a=&b=&id=trade&format=json|csv|svg|png          one chart
  /api/report?a=&b=&lang=en|fa&format=json|md|html|pdf|zip   the report
  /api/monitor?a=&b=   /api/whatif?a=&b=[&scenario=all|NAME,...][&set=MOD;...][&at=Y][&lang=fa]
  /api/panel?a=&b=[&unit=dyad-year|state-year][&add=nmc,atop][&format=json|csv|jsonl]   a panel slice
  /api/states[?year=Y]   /api/resolve?q=NAME   /api/datasets   /api/cite?datasets=A,B | a=&b=
  /api/i18n?lang=fa      /api/meta             /api/health

The server loads each period's world once and keeps verdicts, charts and reports in bounded
caches. SIGINT or SIGTERM stops it gracefully.`,
		Example: "  bloc serve\n  bloc serve --addr 127.0.0.1:9000",
		Args:    noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			ctx := c.Context()
			store, err := e.openStore(ctx)
			if err != nil {
				return err
			}
			defer store.Close()
			srv, err := httpapi.New(ctx, httpapi.Config{Store: store, Version: Version, Log: e.stderr, MaxSpan: maxSpan})
			if err != nil {
				return err
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("cannot listen on %s", addr), Err: err,
					Hints: []string{"choose another port with --addr, e.g. --addr 127.0.0.1:8081"}}
			}
			hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
				WriteTimeout: 3 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 16 << 10}
			fmt.Fprintf(e.stderr, "bloc serve: http://%s/ (Ctrl-C to stop)\n", ln.Addr())
			done := make(chan error, 1)
			go func() { done <- hs.Serve(ln) }()
			select {
			case err := <-done:
				return err
			case <-ctx.Done():
			}
			fmt.Fprintln(e.stderr, "bloc serve: shutting down")
			sctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			if err := hs.Shutdown(sctx); err != nil {
				return &bloc.Error{Code: bloc.EINTERNAL, Message: "shutting down the server", Err: err}
			}
			if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return nil
		},
	}
	c.Flags().StringVar(&addr, "addr", "127.0.0.1:8080", "address to listen on (host:port); loopback by default")
	c.Flags().IntVar(&maxSpan, "max-span", 30, "longest period the server explains, in years")
	return c
}
