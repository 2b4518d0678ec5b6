package httpapi

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/report"
	"github.com/bloc-project/bloc/verdict"
	"github.com/bloc-project/bloc/whatif"
)

// monitorHandler serves Walt's six ending conditions year by year for the
// dyad: the verdict's termination monitor, chart-ready (`bloc monitor`).
func (s *Server) monitorHandler(w http.ResponseWriter, r *http.Request) {
	d, e, _, err := s.dyadRequest(r)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	b, err := s.outputs.Get(okey{V: keyOf(e, d), What: "monitor"}, func() (*blob, int64, error) {
		dv, err := s.decode(e)
		if err != nil {
			return nil, 0, err
		}
		if dv.v.Termination == nil {
			return nil, 0, &bloc.Error{Code: bloc.ENODATA, Message: fmt.Sprintf("no termination monitor for %s→%s in %v", e.A.Abb, e.B.Abb, e.P)}
		}
		var buf bytes.Buffer
		if err := writeIndented(&buf, dv.v.Termination); err != nil {
			return nil, 0, err
		}
		b := newBlob("application/json; charset=utf-8", buf.Bytes(), "")
		return b, b.cost(), nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.serve(w, r, b, false)
}

// maxSets bounds the modifications of one what-if request.
const maxSets = 8

// whatifHandler runs the paper's Table 2 scenarios (scenario=NAME,... or
// all) or a custom one (set=MOD;MOD..., the `bloc whatif --set` grammar) on
// the dyad and reports what changes against the baseline.
func (s *Server) whatifHandler(w http.ResponseWriter, r *http.Request) {
	q, err := params(r, append(append([]string{}, dyadParams...), "scenario", "set", "at", "lang")...)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	lang, err := report.ParseLang(q.Get("lang"))
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	d, err := s.parseDyad(q)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var runs []whatif.Named
	if sets := strings.TrimSpace(q.Get("set")); sets != "" {
		n := whatif.Named{Scenario: whatif.Scenario{Name: "custom"}}
		for _, text := range strings.Split(sets, ";") {
			if text = strings.TrimSpace(text); text == "" {
				continue
			}
			ps, err := whatif.ParseSet(text)
			if err != nil {
				s.writeError(w, r, err)
				return
			}
			n.Sets, n.Parsed = append(n.Sets, text), append(n.Parsed, ps)
		}
		if len(n.Parsed) > maxSets {
			s.writeError(w, r, invalid(fmt.Sprintf("at most %d modifications at once", maxSets)))
			return
		}
		runs = append(runs, n)
	}
	if names := strings.TrimSpace(q.Get("scenario")); names != "" {
		for _, name := range strings.Split(names, ",") {
			var list []whatif.Scenario
			if strings.EqualFold(strings.TrimSpace(name), "all") {
				list = whatif.Scenarios
			} else {
				sc, err := whatif.Lookup(strings.TrimSpace(name))
				if err != nil {
					s.writeError(w, r, err)
					return
				}
				list = []whatif.Scenario{sc}
			}
			for _, sc := range list {
				n := whatif.Named{Scenario: sc}
				for _, text := range sc.Sets {
					ps, err := whatif.ParseSet(text)
					if err != nil {
						s.writeError(w, r, err)
						return
					}
					n.Parsed = append(n.Parsed, ps)
				}
				runs = append(runs, n)
			}
		}
	}
	if len(runs) == 0 {
		s.writeError(w, r, invalid("give scenario=NAME[,NAME] (or all) or set=MODIFICATION[;MODIFICATION]", "e.g. scenario=us-threat-fades, or set=USA.intentions=low;IRN.cinc*=2@2016"))
		return
	}
	if len(runs) > len(whatif.Scenarios)+1 {
		s.writeError(w, r, invalid(fmt.Sprintf("at most %d scenarios at once", len(whatif.Scenarios)+1)))
		return
	}
	at := d.Period.From + d.Period.Years()/2
	if y, ok, err := year(q, "at"); err != nil {
		s.writeError(w, r, err)
		return
	} else if ok {
		if !d.Period.Contains(y) {
			s.writeError(w, r, invalid(fmt.Sprintf("at=%d is outside the period %v", y, d.Period)))
			return
		}
		at = y
	}
	// Resolve first, so that unknown states are 4xx before any work.
	a, err := verdict.Resolve(s.reg, d.A, d.Period, "a")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	bst, err := verdict.Resolve(s.reg, d.B, d.Period, "b")
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	var key strings.Builder
	for _, n := range runs {
		fmt.Fprintf(&key, "%s:%s|", n.Name, strings.Join(n.Sets, ";"))
	}
	k := vkey{A: a.CCode, B: bst.CCode, P: d.Period, NoCase: d.NoCase, Prior: d.Prior}
	b, err := s.outputs.Get(okey{V: k, What: "whatif", ID: key.String() + strconv.Itoa(at) + "|" + string(lang)}, func() (*blob, int64, error) {
		select {
		case s.loads <- struct{}{}:
		case <-r.Context().Done():
			return nil, 0, r.Context().Err()
		}
		defer func() { <-s.loads }()
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
		defer cancel()
		pr, err := verdict.Prepare(ctx, s.store, verdict.Request{A: strconv.Itoa(int(a.CCode)), B: strconv.Itoa(int(bst.CCode)), Period: d.Period,
			NoCase: d.NoCase, NoLedger: d.NoCase, Prior: d.Prior, Options: verdict.DefaultOptions()})
		if err != nil {
			return nil, 0, err
		}
		base, err := pr.Explain(pr.World)
		if err != nil {
			return nil, 0, err
		}
		env := whatif.Env{A: pr.A.CCode, B: pr.B.CCode, Period: d.Period, At: at, Params: pr.Options.Params,
			Resolve: func(name string) (bloc.CCode, error) {
				st, err := pr.Reg.Resolve(name)
				return st.CCode, err
			}}
		if base.Termination != nil && base.Termination.Threat != nil {
			env.T = base.Termination.Threat.CCode
			pr.Options.MonitorThreat = env.T
		}
		rep, err := whatif.Run(base, pr.World, env, runs, pr.Explain, false)
		if err != nil {
			return nil, 0, err
		}
		if lang != report.EN {
			for i := range rep.Scenarios {
				sc := &rep.Scenarios[i]
				sc.ChangesText = make([]string, len(sc.Changes))
				for k, c := range sc.Changes {
					var m *bloc.Msg
					if k < len(sc.ChangesMsg) {
						m = &sc.ChangesMsg[k]
					}
					sc.ChangesText[k], _ = lang.Say(m, c)
				}
			}
		}
		var buf bytes.Buffer
		if err := writeIndented(&buf, rep); err != nil {
			return nil, 0, err
		}
		b := newBlob("application/json; charset=utf-8", buf.Bytes(), "")
		return b, b.cost(), nil
	})
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	s.serve(w, r, b, false)
}
