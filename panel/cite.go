package panel

import (
	"github.com/bloc-project/bloc/datasets"
)

// DatasetsFor returns the datasets a panel of unit built with opt reads, the
// state system first, without building it (for citations): the same list
// a built panel's Datasets returns. The options are checked as the build
// checks them, except the years, which need the store.
func DatasetsFor(unit Unit, opt Options) ([]*datasets.Dataset, error) {
	if unit == "" {
		unit = DyadYear
	}
	if opt.MRY == 0 {
		opt.MRY = DefaultMRY()
	}
	opt, covs, err := opt.normalize(unit, min(opt.MRY, 2016))
	if err != nil {
		return nil, err
	}
	var out []*datasets.Dataset
	for _, n := range neededDatasets(opt, covs) {
		ds, err := datasets.Lookup(n)
		if err != nil {
			return nil, err
		}
		out = append(out, ds)
	}
	return out, nil
}

// BibTeXFor returns the BibTeX of the datasets a panel of unit built with
// opt reads (see DatasetsFor).
func BibTeXFor(unit Unit, opt Options) (string, error) {
	list, err := DatasetsFor(unit, opt)
	if err != nil {
		return "", err
	}
	return datasets.BibTeX(list...), nil
}
