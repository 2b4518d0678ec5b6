package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/datasets"
	"github.com/bloc-project/bloc/panel"
)

func (e *env) citeCmd() *cobra.Command {
	var covs []string
	var unit string
	c := &cobra.Command{
		Use:   "cite [DATASET...]",
		Short: "Print the BibTeX of the datasets used (all of them when none is named)",
		Long: `cite prints BibTeX entries, like peacesciencer's ps_cite(): for the named datasets, or for every
dataset in the catalogue. Entries shared by several datasets (e.g. the peacesciencer package) are
printed once.`,
		Example: "  bloc cite cow_nmc_v7 atop5_dyad_year\n  bloc cite --panel nmc,contiguity,atop   # what a dyad-year panel with these covariates used\n  bloc cite > refs.bib",
		RunE: func(c *cobra.Command, args []string) error {
			var list []*datasets.Dataset
			if c.Flags().Changed("panel") {
				u := panel.DyadYear
				if unit == "state-year" {
					u = panel.StateYear
				} else if unit != "dyad-year" {
					return bloc.Errorf(bloc.EINVALID, "--unit %q is not dyad-year or state-year", unit)
				}
				l, err := panel.DatasetsFor(u, panel.Options{Add: covs})
				if err != nil {
					return err
				}
				list = append(list, l...)
			} else if len(args) == 0 {
				list = datasets.All()
			}
			for _, a := range args {
				d, err := datasets.Lookup(a)
				if err != nil {
					return err
				}
				list = append(list, d)
			}
			fmt.Fprint(e.stdout, datasets.BibTeX(list...))
			return nil
		},
	}
	c.Flags().StringSliceVar(&covs, "panel", nil, "print the citations of a panel with these covariates (as panel --add)")
	c.Flags().StringVar(&unit, "unit", "dyad-year", "the panel's unit with --panel: dyad-year or state-year")
	return c
}
