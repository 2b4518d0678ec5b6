package cli

import (
	"github.com/spf13/cobra"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/verdict"
)

// dyadGroup names a group of the flags shared by the commands on one dyad
// A→B (explain, evidence weigh, report, monitor, whatif).
type dyadGroup uint8

const (
	// periodFlags are --from and --to, the period (default
	// verdict.DefaultPeriod()).
	periodFlags dyadGroup = 1 << iota
	// caseFlags are --case and --no-case.
	caseFlags
	// ledgerFlags are --ledger, --no-ledger and --prior, the evidence
	// weighing.
	ledgerFlags
)

// dyadFlags holds the shared flags of the commands on one dyad; register
// declares the groups a command takes, request turns them into the common
// part of a verdict.Request. The flags of groups a command does not take keep
// their zero values: the built-in case and ledger, the uniform prior.
type dyadFlags struct {
	from, to int
	caseFile string
	noCase   bool
	ledger   string
	noLedger bool
	prior    string
}

// register declares the flags of groups on c.
func (d *dyadFlags) register(c *cobra.Command, groups dyadGroup) {
	f := c.Flags()
	if groups&periodFlags != 0 {
		def := verdict.DefaultPeriod()
		f.IntVar(&d.from, "from", def.From, "first year of the period")
		f.IntVar(&d.to, "to", def.To, "last year of the period")
	}
	if groups&caseFlags != 0 {
		f.StringVar(&d.caseFile, "case", "", "case file (YAML) with facts and claims; default: the built-in case for the dyad, if any")
		f.BoolVar(&d.noCase, "no-case", false, "use no case file, not even the built-in one")
	}
	if groups&ledgerFlags != 0 {
		f.StringVar(&d.ledger, "ledger", "", "evidence ledger (YAML or JSON); default: the built-in ledger for the dyad, if any")
		f.BoolVar(&d.noLedger, "no-ledger", false, "weigh the theories' tests without any evidence ledger")
		f.StringVar(&d.prior, "prior", "", "prior of the evidence weighing, ID=P,... (theory ids or BoT, BoP, BW, BfP, EI, ID, H0); default uniform")
	}
}

// period checks --from and --to.
func (d *dyadFlags) period() (bloc.Period, error) {
	return verdict.CheckPeriod(d.from, d.to)
}

// request checks the flags and returns the request for the dyad a→b with
// its period, case, ledger and prior; the caller adds the options and the
// event source.
func (d *dyadFlags) request(a, b string) (verdict.Request, error) {
	p, err := d.period()
	if err != nil {
		return verdict.Request{}, err
	}
	return verdict.Request{A: a, B: b, Period: p, CaseFile: d.caseFile, NoCase: d.noCase,
		LedgerFile: d.ledger, NoLedger: d.noLedger, Prior: d.prior}, nil
}
