package cli

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/duckdb"
	"github.com/bloc-project/bloc/registry"
)

func init() { commands = append(commands, func(e *env) *cobra.Command { return e.statesCmd() }) }

// defaultMRY is the most recent year: spells that run to the end of the state
// system data are taken to continue through it (peacesciencer's mry).
func defaultMRY() int { return time.Now().Year() - 1 }

// loadRegistry reads the country registry from the store.
func loadRegistry(ctx context.Context, s *duckdb.Store, mry int) (*registry.Registry, error) {
	return registry.Load(ctx, s, mry)
}

func (e *env) statesCmd() *cobra.Command {
	var year, mry int
	c := &cobra.Command{
		Use:   "states",
		Short: "List the members of the COW state system (in a year, with --year)",
		Long: `states lists the members of the Correlates of War state system: COW code, abbreviation, name, ISO3
and ISO2, and whether the state is a COW major power. With --year, only the states that were members on
at least one day of that year. Membership after the data's last date (2016-12-31) is extended through
--mry (default: last year), as peacesciencer does.`,
		Example: "  bloc states --year 1992\n  bloc states resolve Iran Persia ایران IRN 630",
		Args:    noArgs,
		RunE: func(c *cobra.Command, args []string) error {
			s, err := e.openStore(c.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			reg, err := loadRegistry(c.Context(), s, mry)
			if err != nil {
				return err
			}
			list := reg.All()
			if c.Flags().Changed("year") {
				if year < 1816 || year > mry {
					return &bloc.Error{Code: bloc.ENODATA, Message: fmt.Sprintf("the state system data cover 1816–%d, not %d", mry, year)}
				}
				list = reg.Members(year)
			}
			type row struct {
				bloc.State
				Major *bool `json:"major_power,omitempty"`
				First int   `json:"first_year"`
				Last  int   `json:"last_year"`
			}
			t := table{header: []string{"ccode", "stateabb", "name", "iso3", "iso2", "years"}}
			if c.Flags().Changed("year") {
				t.header = append(t.header, "major")
			}
			var js []row
			for _, st := range list {
				f, l := reg.Years(st.CCode)
				r := []string{strconv.Itoa(int(st.CCode)), st.Abb, st.Name, st.ISO3, st.ISO2, fmt.Sprintf("%d-%d", f, l)}
				jr := row{State: st, First: f, Last: l}
				if c.Flags().Changed("year") {
					m := reg.IsMajor(st.CCode, year)
					jr.Major = &m
					r = append(r, strconv.FormatBool(m))
				}
				t.rows = append(t.rows, r)
				js = append(js, jr)
			}
			t.json = js
			return e.print(t)
		},
	}
	c.Flags().IntVar(&year, "year", 0, "only the members in this year")
	c.Flags().IntVar(&mry, "mry", defaultMRY(), "most recent year: spells alive at the data's end run through it")
	c.AddCommand(e.resolveCmd(&mry))
	return c
}

func (e *env) resolveCmd(mry *int) *cobra.Command {
	return &cobra.Command{
		Use:   "resolve NAME...",
		Short: "Resolve country names or codes to COW code, ISO3 and canonical name",
		Long: `resolve accepts COW codes (630), COW abbreviations (IRN), ISO3 and ISO2 codes, English names and
their common variants ("Islamic Republic of Iran", "Persia") and Persian names (ایران), and prints each
one's COW code, ISO3 and canonical COW name. Unknown names fail with the closest matches.`,
		Example: `  bloc states resolve 630 IRN IR Iran "Islamic Republic of Iran" Persia ایران`,
		Args:    minArgs(1, "at least one name"),
		RunE: func(c *cobra.Command, args []string) error {
			s, err := e.openStore(c.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			reg, err := loadRegistry(c.Context(), s, *mry)
			if err != nil {
				return err
			}
			type row struct {
				Input string `json:"input"`
				bloc.State
			}
			t := table{header: []string{"input", "ccode", "iso3", "name"}}
			var js []row
			for _, a := range args {
				st, err := reg.Resolve(a)
				if err != nil {
					return err
				}
				t.rows = append(t.rows, []string{a, strconv.Itoa(int(st.CCode)), st.ISO3, st.Name})
				js = append(js, row{Input: a, State: st})
			}
			t.json = js
			return e.print(t)
		},
	}
}
