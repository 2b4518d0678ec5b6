package panel

import (
	"fmt"
	"strings"
	"time"

	"github.com/bloc-project/bloc"
)

// systemDatasets are the datasets every panel is built from.
var systemDatasets = []string{"isard_cw_system", "false_cow_dyads"}

// prdDatasets are the datasets the politically-relevant filter needs.
var prdDatasets = []string{"cow_contdir_v3.2", "cow_major_powers"}

// normalize checks the options and fills in the defaults. dataEnd is the
// last year of the system data (2016).
func (opt Options) normalize(unit Unit, dataEnd int) (Options, []*covariate, error) {
	now := time.Now().Year()
	if opt.MRY == 0 {
		opt.MRY = DefaultMRY()
	}
	if opt.MRY < dataEnd || opt.MRY > now {
		return opt, nil, &bloc.Error{Code: bloc.EINVALID, Op: "panel",
			Message: fmt.Sprintf("most recent year %d is outside %d–%d", opt.MRY, dataEnd, now),
			Hints: []string{fmt.Sprintf("the system data end in %d; --mry %d gives peacesciencer's mry=FALSE, --mry %d extends the states alive then to last year", dataEnd, dataEnd, DefaultMRY()),
				"use --to to end the panel earlier"}}
	}
	if opt.From == 0 {
		opt.From = FirstYear
	}
	if opt.To == 0 {
		opt.To = opt.MRY
	}
	if opt.From > opt.To {
		return opt, nil, &bloc.Error{Code: bloc.EINVALID, Op: "panel",
			Message: fmt.Sprintf("the first year %d is after the last year %d", opt.From, opt.To),
			Hints:   []string{"swap --from and --to"}}
	}
	if opt.From < FirstYear || opt.To > opt.MRY {
		return opt, nil, &bloc.Error{Code: bloc.EINVALID, Op: "panel",
			Message: fmt.Sprintf("years %d–%d are outside the state system, which covers %d–%d", opt.From, opt.To, FirstYear, opt.MRY),
			Hints:   []string{fmt.Sprintf("choose years in %d–%d, or raise --mry (at most %d)", FirstYear, opt.MRY, now)}}
	}
	switch opt.NMCVersion {
	case 0:
		opt.NMCVersion = 7
	case 6, 7:
	default:
		return opt, nil, &bloc.Error{Code: bloc.EINVALID, Op: "panel",
			Message: fmt.Sprintf("NMC version %d is not available", opt.NMCVersion), Hints: []string{"use 7 (default, 1816–2022) or 6 (1816–2016)"}}
	}
	if unit == StateYear && (opt.NonDirected || opt.PRD) {
		return opt, nil, &bloc.Error{Code: bloc.EINVALID, Op: "panel",
			Message: "--nondirected and --prd apply to dyad-year panels only"}
	}
	covs, names, err := resolveCovariates(unit, opt.Add)
	if err != nil {
		return opt, nil, err
	}
	opt.Add = names
	return opt, covs, nil
}

// resolveCovariates parses the --add list: names separated by commas, in
// any case, each once, in the catalogue's order.
func resolveCovariates(unit Unit, add []string) ([]*covariate, []string, error) {
	want := map[string]bool{}
	for _, a := range add {
		for _, n := range strings.Split(a, ",") {
			n = strings.ToLower(strings.TrimSpace(n))
			if n == "" {
				continue
			}
			if n == "all" {
				for _, c := range catalogue {
					if c.supports(unit) {
						want[c.Name] = true
					}
				}
				continue
			}
			c := lookupCovariate(n)
			if c == nil {
				return nil, nil, &bloc.Error{Code: bloc.EINVALID, Op: "panel",
					Message: fmt.Sprintf("unknown covariate %q", n),
					Hints:   []string{"valid for " + string(unit) + " panels: " + strings.Join(covariateNames(unit), ", ")}}
			}
			if !c.supports(unit) {
				return nil, nil, &bloc.Error{Code: bloc.EINVALID, Op: "panel",
					Message: fmt.Sprintf("covariate %q is not available for %s panels", n, unit),
					Hints:   []string{"valid for " + string(unit) + " panels: " + strings.Join(covariateNames(unit), ", ")}}
			}
			want[c.Name] = true
		}
	}
	var covs []*covariate
	var names []string
	for _, c := range catalogue {
		if want[c.Name] {
			covs = append(covs, c)
			names = append(names, c.Name)
		}
	}
	return covs, names, nil
}
