package series

import (
	"context"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/internal/teststore"
	"github.com/bloc-project/bloc/registry"
)

var (
	irn = bloc.State{CCode: 630, Abb: "IRN", ISO3: "IRN"}
	rus = bloc.State{CCode: 365, Abb: "RUS", ISO3: "RUS"}
	usa = bloc.State{CCode: 2, Abb: "USA", ISO3: "USA"}
)

func at(s Series, year int) bloc.Num {
	for k, y := range s.Years {
		if y == year {
			return s.Values[k]
		}
	}
	return bloc.Missing
}

func TestTrade(t *testing.T) {
	st := teststore.Open(t)
	ss, err := Trade(context.Background(), st, irn, rus, bloc.Period{From: 2010, To: 2016})
	if err != nil {
		t.Fatal(err)
	}
	exp, imp, bal := ss[0], ss[1], ss[2]
	// COW trade v4, 2011: flow1 (Russia's imports from Iran) 342, flow2 (Iran's imports from Russia) 3599.
	if at(exp, 2011) != bloc.Some(342) || at(imp, 2011) != bloc.Some(3599) || at(bal, 2011) != bloc.Some(342-3599) {
		t.Errorf("2011: exports %v, imports %v, balance %v", at(exp, 2011), at(imp, 2011), at(bal, 2011))
	}
	// COW trade ends in 2014: after it the flows are missing, not zero.
	if at(imp, 2015).OK || at(bal, 2016).OK {
		t.Errorf("after 2014: %v, %v", at(imp, 2015), at(bal, 2016))
	}
	// The other direction mirrors it.
	ss, _ = Trade(context.Background(), st, rus, irn, bloc.Period{From: 2011, To: 2011})
	if ss[0].Values[0] != bloc.Some(3599) {
		t.Errorf("RUS's exports to IRN 2011: %v", ss[0].Values[0])
	}
}

func TestCapabilitiesAndEvents(t *testing.T) {
	st := teststore.Open(t)
	ctx := context.Background()
	ss, err := Capabilities(ctx, st, []bloc.State{irn, rus}, "cinc", bloc.Period{From: 2020, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if !at(ss[1], 2020).OK || at(ss[1], 2024).OK {
		t.Errorf("RUS CINC 2020 %v (want a value), 2024 %v (NMC ends in 2022: want missing)", at(ss[1], 2020), at(ss[1], 2024))
	}
	if _, err := Capabilities(ctx, st, []bloc.State{irn}, "cinc; DROP TABLE x", bloc.Period{From: 2000, To: 2001}); bloc.ErrorCode(err) != bloc.EINVALID {
		t.Errorf("an unknown column: %v", err)
	}
	ev, err := Events(ctx, st, irn, rus, bloc.Period{From: 2000, To: 2016})
	if err != nil {
		t.Fatal(err)
	}
	// ICEWS covers 2002–2014: IRN→RUS verbal cooperation 2002 is 832.
	if at(ev[0], 2002) != bloc.Some(832) || at(ev[0], 2001).OK || at(ev[0], 2015).OK {
		t.Errorf("verbal cooperation 2001 %v, 2002 %v, 2015 %v", at(ev[0], 2001), at(ev[0], 2002), at(ev[0], 2015))
	}
}

func TestSanctionsAndVetoes(t *testing.T) {
	st := teststore.Open(t)
	ctx := context.Background()
	reg, err := registry.Load(ctx, st, 2024)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := Sanctions(ctx, st, reg, []bloc.State{irn, rus}, bloc.Period{From: 1940, To: 2022})
	if err != nil {
		t.Fatal(err)
	}
	if at(ss[0], 1940).OK {
		t.Errorf("GSDB starts in 1949; 1940 should be missing, is %v", at(ss[0], 1940))
	}
	if v := at(ss[0], 2018); !v.OK || v.V < 1 {
		t.Errorf("sanctions on IRN in 2018: %v", v)
	}
	rank, err := MostSanctioned(ctx, st, reg, reg.State, 2018, 10, irn.CCode, rus.CCode)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[bloc.CCode]bool{}
	for k, r := range rank {
		seen[r.State.CCode] = true
		if k > 0 && r.Value > rank[k-1].Value {
			t.Errorf("the ranking is not ordered at %d", k)
		}
	}
	if !seen[irn.CCode] || !seen[rus.CCode] || len(rank) < 10 {
		t.Errorf("ranking of %d states without IRN or RUS", len(rank))
	}
	if _, err := MostSanctioned(ctx, st, reg, reg.State, 1900, 10); bloc.ErrorCode(err) != bloc.ENODATA {
		t.Errorf("a year outside GSDB: %v", err)
	}
	vs, err := Vetoes(ctx, st, []bloc.State{irn, rus, usa}, bloc.Period{From: 2017, To: 2024})
	if err != nil {
		t.Fatal(err)
	}
	if len(vs) != 2 {
		t.Fatalf("%d veto series, want RUS and USA only", len(vs))
	}
	if at(vs[0], 2018) != bloc.Some(2) || at(vs[0], 2024).OK {
		t.Errorf("RUS vetoes 2018 %v (want 2), 2024 %v (want missing)", at(vs[0], 2018), at(vs[0], 2024))
	}
}
