package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc/datasets"
)

func (e *env) citeCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "cite [DATASET...]",
		Short: "Print the BibTeX of the datasets used (all of them when none is named)",
		Long: `cite prints BibTeX entries, like peacesciencer's ps_cite(): for the named datasets, or for every
dataset in the catalogue. Entries shared by several datasets (e.g. the peacesciencer package) are
printed once.`,
		Example: "  bloc cite cow_nmc_v7 atop5_dyad_year\n  bloc cite > refs.bib",
		RunE: func(c *cobra.Command, args []string) error {
			var list []*datasets.Dataset
			if len(args) == 0 {
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
	return c
}
