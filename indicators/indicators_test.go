package indicators

import (
	"math"
	"strings"
	"testing"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/world"
	"github.com/bloc-project/bloc/world/worldtest"
)

const kmPerDegree = 2 * math.Pi * EarthRadiusKm / 360

func near(t *testing.T, name string, got bloc.Num, want, tol float64) {
	t.Helper()
	if !got.OK {
		t.Fatalf("%s is missing, want %v", name, want)
	}
	if math.Abs(got.V-want) > tol {
		t.Fatalf("%s = %v, want %v ± %v", name, got.V, want, tol)
	}
}

func TestHaversine(t *testing.T) {
	// A quarter of the equator.
	if d := Haversine(0, 0, 0, 90); math.Abs(d-math.Pi/2*EarthRadiusKm) > 1e-6 {
		t.Fatalf("quarter equator = %v", d)
	}
	// Tehran–Moscow with the COW capitals: about 2,450 km (THEORY.md B2
	// gives ≈ 2,464 km with other coordinates; CEPII distcap 2,466.6).
	if d := Haversine(35.6892523, 51.3896004, 55.625578, 37.6063916); d < 2440 || d > 2480 {
		t.Fatalf("Tehran–Moscow = %v km", d)
	}
}

// lsgWorld puts three capitals on the equator at the given distances from
// state 1's.
func lsgWorld(km ...float64) *world.World {
	b := worldtest.New(2000, 2000).State(1, "A", 0, 0, 1)
	for k, d := range km {
		b.State(bloc.CCode(2+k), "B"+string(rune('0'+k)), 0, d/kmPerDegree, 1)
	}
	return b.Done()
}

func TestLSGExponent(t *testing.T) {
	// THEORY.md B4: exponent log10(miles/mpd + 10 − e); Moscow→Tehran
	// (2,470 km) 1.128 and Washington→Tehran (10,180 km) 1.513 at mpd 250,
	// 1.015 and 1.300 at mpd 500.
	w := lsgWorld(2470, 10180)
	for _, tc := range []struct {
		mpd  float64
		j    bloc.CCode
		want float64
	}{{250, 2, 1.128}, {250, 3, 1.513}, {500, 2, 1.015}, {500, 3, 1.300}} {
		p := DefaultParams()
		p.MilesPerDay = tc.mpd
		f := NewFrame(w, bloc.Period{From: 2000, To: 2000}, p)
		e, ok := f.LSGExponent(1, tc.j)
		if !ok || math.Abs(e-tc.want) > 0.0015 {
			t.Errorf("mpd %v: exponent to %d = %v, want %v", tc.mpd, tc.j, e, tc.want)
		}
	}
	// At miles/mpd = e the exponent is 1: no discount.
	w = lsgWorld(math.E * 250 * 1.609344)
	f := NewFrame(w, bloc.Period{From: 2000, To: 2000}, DefaultParams())
	if e, _ := f.LSGExponent(1, 2); math.Abs(e-1) > 1e-9 {
		t.Fatalf("exponent at miles/mpd = e is %v, want 1", e)
	}
	near(t, "projected", f.Projected(2, 1).Value, 0.5, 1e-9) // CINC 0.5 to the power 1
}

func TestPower(t *testing.T) {
	w := worldtest.New(2000, 2000).State(1, "A", 0, 0, 1).State(2, "B", 0, 1, 3).State(3, "C", 0, 2, 36).Major(3).Done()
	f := NewFrame(w, bloc.Period{From: 2000, To: 2000}, DefaultParams())
	near(t, "CINC A", f.CINC(1).Value, 1.0/40, 1e-12)
	near(t, "capratio A:B", f.CapRatio(1, 2).Value, 0.25, 1e-12)
	if _, cls := f.Preponderance(1, 3); cls != "large" {
		t.Fatalf("preponderance 36:1 = %s", cls)
	}
	if _, cls := f.Preponderance(1, 2); cls != "medium" {
		t.Fatalf("preponderance 3:1 = %s", cls)
	}
	near(t, "power share B", f.PowerShare(2).Value, 3.0/36, 1e-12)
	near(t, "system share C", f.SystemShare(3).Value, 1, 1e-12)
	if l, _ := f.SystemLeader(); l != 3 {
		t.Fatalf("leader = %d", l)
	}
	if r, n := f.PowerRank(2); r != 2 || n != 3 {
		t.Fatalf("rank of B = %d of %d", r, n)
	}
	// Outside the data's years: missing, not zero.
	w.Uncover(world.NMC)
	f = NewFrame(w, bloc.Period{From: 2000, To: 2000}, DefaultParams())
	if m := f.CINC(1); m.Value.OK || m.Note == "" {
		t.Fatalf("CINC without coverage = %+v, want missing with a reason", m)
	}
}

func TestProximity(t *testing.T) {
	w := worldtest.New(2000, 2000).State(1, "A", 0, 0, 1).State(2, "B", 0, 500/kmPerDegree, 1).State(3, "C", 0, 10000/kmPerDegree, 1).
		Contig(1, 2, 1).MinDist(1, 2, 0).Done()
	f := NewFrame(w, bloc.Period{From: 2000, To: 2000}, DefaultParams())
	dist := func(km float64) float64 { return 1 - math.Log1p(km)/math.Log1p(20000) }
	near(t, "proximity to a land neighbour 500 km away", f.Proximity(1, 2).Value, 0.5*1+0.5*dist(500), 1e-6)
	near(t, "proximity to a far state", f.Proximity(1, 3).Value, 0.5*dist(10000), 1e-6)
	near(t, "contiguity", f.Contiguity(1, 3).Value, 0, 0)
	near(t, "regional", f.MinDistance(1, 2).Value, 0, 0)
	if got := f.Neighbourhood(1); len(got) != 1 || got[0] != 2 {
		t.Fatalf("neighbourhood = %v", got)
	}
	// Without contiguity data only the distance part counts.
	w.Uncover(world.Contiguity)
	f = NewFrame(w, bloc.Period{From: 2000, To: 2000}, DefaultParams())
	m := f.Proximity(1, 2)
	near(t, "proximity without contiguity", m.Value, dist(500), 1e-6)
	if m.Note == "" {
		t.Fatal("the proximity note does not say contiguity is missing")
	}
}

// giantWorld is a weak state (1) next to an aggressive giant (2), a distant
// friendly power (3) and fillers.
func giantWorld() *world.World {
	return worldtest.New(2000, 2004).
		State(1, "WEAK", 0, 0, 1).State(2, "GIANT", 0, 3, 40).State(3, "FAR", 0, 100, 20).
		Major(2).Major(3).Fillers(10, 20).
		Contig(1, 2, 1).MinDist(1, 2, 0).
		Ideal(1, 0).Ideal(2, -2).Ideal(3, 0.2).
		Dispute(1, 2, 1, 1998, 4, 3, 1).Dispute(2, 2, 1, 2001, 5, 4, 1).Dispute(3, 2, 1, 2003, 4, 2, 1).
		Rivalry(1, 2, "spatial").
		Events(2, 1, world.Quad{100, 10, 200, 90}).Events(3, 1, world.Quad{300, 50, 10, 0}).
		Sanction(2, 1).
		Done()
}

func TestIntent(t *testing.T) {
	f := NewFrame(giantWorld(), bloc.Period{From: 2000, To: 2004}, DefaultParams())
	// Disputes over 1990–2004 (15 years): hostility 4, 5, 4 of 5.
	near(t, "dispute history", f.DisputeHistory(2, 1).Value, (4.0+5+4)/5/15, 1e-12)
	near(t, "rivalry", f.Rivalry(1, 2).Value, 1, 0)
	near(t, "conflict share", f.ConflictShare(2, 1).Value, 290.0/400, 1e-12)
	near(t, "UN distance", f.IdealDistance(1, 2).Value, 2, 1e-12)
	near(t, "sanctions", f.SanctionsBy(2, 1).Value, 1, 0)
	i, comps := f.Intent(2, 1)
	want := (0.3*(13.0/75) + 0.3*1 + 0.2*0.725 + 0.1*1 + 0.1*(1-math.Exp(-0.5))) / 1.0
	near(t, "intent", i.Value, want, 1e-9)
	if len(comps) != 5 {
		t.Fatalf("%d intent components", len(comps))
	}
	// A friendly state: no disputes, no rivalry, cooperative events.
	j, _ := f.Intent(3, 1)
	if j.Value.V >= 0.1 {
		t.Fatalf("intent of the friendly power = %v", j.Value)
	}
	// Missing is not zero: without ICEWS the conflict component drops out
	// and the index says so.
	w := giantWorld()
	w.Uncover(world.Events)
	f = NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
	if m := f.ConflictShare(2, 1); m.Value.OK || m.Note == "" {
		t.Fatalf("conflict share without ICEWS = %+v", m)
	}
	i2, _ := f.Intent(2, 1)
	near(t, "intent without ICEWS", i2.Value, (0.3*(13.0/75)+0.3+0.1+0.1*(1-math.Exp(-0.5)))/0.8, 1e-9)
	if i2.Note != "4 of 5 components" {
		t.Fatalf("intent note = %q", i2.Note)
	}
	// A scenario override replaces the index.
	w.SetIntent(2, 1, 0)
	f = NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
	if m, _ := f.Intent(2, 1); m.Value.V != 0 || m.Note != "set by scenario" {
		t.Fatalf("override = %+v", m)
	}
}

func TestThreats(t *testing.T) {
	w := giantWorld()
	for _, form := range []string{Conditional, Additive, Multiplicative} {
		p := DefaultParams()
		p.ThreatForm = form
		f := NewFrame(w, bloc.Period{From: 2000, To: 2004}, p)
		th := f.Threats(1)
		top, ok := th.Top()
		if !ok || top.J != 2 {
			t.Fatalf("%s: top threat = %+v", form, top)
		}
		if r, _ := th.Row(3); r.Rank <= 1 {
			t.Fatalf("%s: the friendly power ranks %d", form, r.Rank)
		}
		var sum float64
		for _, r := range th.Rows {
			sum += r.TopShare
		}
		if math.Abs(sum-1) > 1e-9 {
			t.Fatalf("%s: top shares sum to %v", form, sum)
		}
		if top.TopShare < 0.9 {
			t.Fatalf("%s: the giant ranks first under %.0f%% of weightings only", form, 100*top.TopShare)
		}
	}
	// Seeded: the same seed gives the same shares, another seed other draws.
	p := DefaultParams()
	p.ThreatForm = Additive
	a := NewFrame(w, bloc.Period{From: 2000, To: 2004}, p).Threats(1)
	b := NewFrame(w, bloc.Period{From: 2000, To: 2004}, p).Threats(1)
	for k := range a.Rows {
		if a.Rows[k].TopShare != b.Rows[k].TopShare {
			t.Fatal("the weight sensitivity is not deterministic")
		}
	}
}

func TestInterdependence(t *testing.T) {
	// A and B trade 100 (50 each way); A trades 100 with others, B 300.
	w := worldtest.New(2000, 2004).State(1, "A", 0, 0, 1).State(2, "B", 0, 1, 3).State(3, "C", 0, 2, 1).
		Trade(1, 2, 50, 50).OtherTrade(1, 50, 50).OtherTrade(2, 150, 150).Trade(1, 3, 10, 10).Done()
	f := NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
	d := f.Interdependence(1, 2)
	near(t, "trade", d.Trade.Value, 100, 1e-9)
	near(t, "share_ij", d.ShareIJ.Value, 100.0/220, 1e-9)
	near(t, "share_ji", d.ShareJI.Value, 100.0/400, 1e-9)
	near(t, "salience", d.Salience.Value, math.Sqrt(100.0/220*0.25), 1e-9)
	near(t, "symmetry", d.Symmetry.Value, 1-(100.0/220-0.25), 1e-9)
	near(t, "index", d.Index.Value, math.Sqrt(100.0/220*0.25)*(1-(100.0/220-0.25)), 1e-9)
	near(t, "rank of B in A", d.RankJinI.Value, 1, 0)
	// The builder sets GDP to cap × 1e6: 1e6 for A.
	near(t, "depend_ij", d.DependIJ.Value, 100/1e6, 1e-12)
	near(t, "trend", d.Trend.Value, 0, 1e-12)
	if d.Year != 2004 {
		t.Fatalf("year used = %d", d.Year)
	}
	// No trade data for the dyad: every measure missing, with the reason.
	w.Uncover(world.Trade)
	f = NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
	if d := f.Interdependence(1, 2); d.ShareIJ.Value.OK || d.ShareIJ.Note == "" {
		t.Fatalf("share without trade data = %+v", d.ShareIJ)
	}
}

func TestZeroTradeBothWaysIsMissing(t *testing.T) {
	w := worldtest.New(2000, 2000).State(1, "A", 0, 0, 1).State(2, "B", 0, 1, 1).Trade(1, 2, 0, 0).OtherTrade(1, 10, 10).Done()
	f := NewFrame(w, bloc.Period{From: 2000, To: 2000}, DefaultParams())
	if d := f.Interdependence(1, 2); d.Trade.Value.OK {
		t.Fatalf("zero trade both ways = %v, want missing", d.Trade.Value)
	}
}

func TestIdentity(t *testing.T) {
	w := worldtest.New(2000, 2000).State(1, "A", 0, 0, 1).State(2, "B", 0, 1, 1).State(3, "C", 0, 2, 1).
		Religion(1, map[string]float64{"shia": 0.9, "sunni": 0.1}).
		Religion(2, map[string]float64{"shia": 0.9, "sunni": 0.1}).
		Religion(3, map[string]float64{"orthodox": 0.8, "nonreligious": 0.2}).
		Regime(1, 0.2, -7).Regime(2, 0.3, -5).Regime(3, 0.9, 10).
		Static(1, 2, world.Static{ComLangOff: true, ComCol: true}).Static(1, 3, world.Static{}).
		IGOs(1, 2, 40).IGOs(1, 3, 10).Done()
	f := NewFrame(w, bloc.Period{From: 2000, To: 2000}, DefaultParams())
	ab, ac := f.Identity(1, 2), f.Identity(1, 3)
	near(t, "religion A–B", ab.Religion.Value, 1, 1e-9)
	near(t, "religion A–C", ac.Religion.Value, 0, 1e-9)
	near(t, "language", ab.Language.Value, 1, 0)
	near(t, "regime A–B", ab.Regime.Value, 0.9, 1e-9)
	near(t, "regime polity A–C", ac.RegimePolity.Value, 1-17.0/20, 1e-9)
	near(t, "history", ab.History.Value, 1, 0)
	near(t, "IGO percentile A–B", ab.IGOs.Value, 0.5, 1e-9) // above one of A's two dyads
	if ab.Index.Value.V <= ac.Index.Value.V {
		t.Fatalf("identity A–B %v ≤ A–C %v", ab.Index.Value, ac.Index.Value)
	}
	// The same faith split differently by denomination counts half.
	w2 := worldtest.New(2000, 2000).State(1, "A", 0, 0, 1).State(2, "B", 0, 1, 1).
		Religion(1, map[string]float64{"shia": 1}).Religion(2, map[string]float64{"sunni": 1}).Done()
	f2 := NewFrame(w2, bloc.Period{From: 2000, To: 2000}, DefaultParams())
	near(t, "religion shia–sunni", f2.Identity(1, 2).Religion.Value, 0.5, 1e-9)
}

// menagerie is a status-quo hegemon (2) with allies, two revisionists (R1
// strong, R2 weak) and fillers.
func menagerie() *world.World {
	b := worldtest.New(2000, 2004).
		State(2, "HEG", 0, 0, 40).Major(2).Ideal(2, 2).
		State(201, "R1", 0, 50, 25).Major(201).Ideal(201, -2).
		State(202, "R2", 0, 55, 4).Ideal(202, -2.2).
		State(301, "ALLY", 0, 5, 1).Ideal(301, 1.8).
		Fillers(10, 30)
	for k := bloc.CCode(0); k < 6; k++ {
		b.State(400+k, "MID"+string(rune('A'+k)), 30, float64(k), 2).Ideal(400+k, 0.5)
	}
	b.
		Pledge(2, 301, world.Pledges{Defense: true}).Pledge(201, 202, world.Pledges{Consul: true}).
		Sanction(2, 201).Sanction(2, 202).Sanction(301, 202).
		Dispute(1, 201, 50, 2001, 4, 2, 1).Dispute(2, 201, 51, 2002, 4, 2, 3).Dispute(3, 202, 52, 2002, 3, 2, 1)
	return b.Done()
}

func TestRevisionism(t *testing.T) {
	f := NewFrame(menagerie(), bloc.Period{From: 2000, To: 2004}, DefaultParams())
	if h, _ := f.Hegemon(); h != 2 {
		t.Fatalf("hegemon = %d", h)
	}
	for _, tc := range []struct {
		c    bloc.CCode
		want bloc.SchwellerType
	}{{2, bloc.Lion}, {201, bloc.Wolf}, {202, bloc.Jackal}, {301, bloc.Lamb}} {
		r := f.Revisionism(tc.c)
		if r.Type != tc.want {
			t.Errorf("%d is a %s (VR−VSQ %v, dims %v, strong %v), want %s", tc.c, r.Type, r.Index.Value, r.Dimensions, r.Strong, tc.want)
		}
	}
	if r := f.Revisionism(201); !r.Unlimited {
		t.Fatalf("R1's aims = limited, dimensions %v", r.Dimensions)
	}
}

func TestTie(t *testing.T) {
	w := worldtest.New(2000, 2004).State(1, "A", 0, 0, 1).State(2, "B", 0, 1, 1).State(3, "C", 0, 2, 1).State(4, "D", 0, 3, 1).State(5, "E", 0, 4, 1).
		Pledge(1, 2, world.Pledges{Defense: true, Consul: true}).Pledge(1, 3, world.Pledges{Neutral: true, NonAgg: true}).
		Dispute(7, 1, 5, 2002, 4, 4).Dispute(7, 4, 5, 2002, 3, 4).
		Ideal(1, 0).Ideal(2, 0).Ideal(3, 0.1).Ideal(4, 2).Ideal(5, 3).Done()
	f := NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
	for _, tc := range []struct {
		j    bloc.CCode
		want bloc.TieKind
	}{{2, bloc.Alliance}, {3, bloc.Alignment}, {4, bloc.Coalition}, {5, bloc.NoTie}} {
		if got := f.Tie(1, tc.j); got.Kind != tc.want {
			t.Errorf("tie with %d = %s (%s), want %s", tc.j, got.Kind, got.Basis, tc.want)
		}
	}
	pl, lvl := f.Pledges(1, 2)
	if len(pl) != 2 || pl[0].Obligation != "defense" || pl[0].Years != (bloc.Period{From: 2000, To: 2004}) {
		t.Fatalf("pledges = %+v", pl)
	}
	near(t, "ATOP level", lvl.Value, 3, 0)
	// ATOP outside its years: missing, so no tie can be read from it.
	w.Uncover(world.ATOP)
	f = NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
	if _, lvl := f.Pledges(1, 2); lvl.Value.OK {
		t.Fatal("ATOP level without coverage is not missing")
	}
}

func TestPortfolioS(t *testing.T) {
	w := worldtest.New(2000, 2000).State(1, "A", 0, 0, 1).State(2, "B", 0, 1, 1).State(3, "C", 0, 2, 1).
		Pledge(1, 3, world.Pledges{Defense: true}).Pledge(2, 3, world.Pledges{Defense: true}).Pledge(1, 2, world.Pledges{Defense: true}).Done()
	f := NewFrame(w, bloc.Period{From: 2000, To: 2000}, DefaultParams())
	// Everyone is allied with everyone: identical portfolios.
	near(t, "S", f.PortfolioS(1, 2).Value, 1, 1e-12)
}

func TestOffenseAndAlignmentSigns(t *testing.T) {
	w := worldtest.New(2000, 2004).State(1, "A", 0, 0, 1).State(2, "B", 0, 1, 3).State(3, "C", 0, 2, 6).
		Ideal(1, 0).Ideal(2, 0.1).Ideal(3, 3).
		Arms(2, 1, 30).Arms(3, 1, 10).Arms(3, 2, 60).
		Events(1, 2, world.Quad{80, 10, 5, 5}).Events(2, 1, world.Quad{60, 20, 10, 10}).
		Rivalry(2, 3, "positional").Sanction(3, 1).
		Trade(1, 2, 10, 10).OtherTrade(1, 80, 80).Done()
	// Trade grows: double it in the last year.
	w.EditDyad(1, 2, 2004, func(d *world.DyadYear) { d.Imports = bloc.Some(20) })
	w.EditDyad(2, 1, 2004, func(d *world.DyadYear) { d.Imports = bloc.Some(20) })
	f := NewFrame(w, bloc.Period{From: 2000, To: 2004}, DefaultParams())
	near(t, "milex share of C", f.MilexShare(3).Value, 0.6, 1e-12)
	near(t, "milper share of A", f.MilperShare(1).Value, 0.1, 1e-12)
	near(t, "arms export share of C", f.ArmsExportShare(3).Value, 70.0/100, 1e-12)
	o, parts := f.Offense(3)
	near(t, "offense of C", o.Value, 1, 1e-12) // the largest in all three
	if len(parts) != 3 {
		t.Fatalf("%d offense parts", len(parts))
	}
	near(t, "arms share B→A", f.ArmsShare(1, 2).Value, 0.75, 1e-12)
	near(t, "event alignment A→B", f.EventAlignment(1, 2).Value, 0.8, 1e-12)
	near(t, "event alignment B→A", f.EventAlignment(2, 1).Value, 0.6, 1e-12)
	near(t, "UN affinity of A with B", f.Affinity(1, 2).Value, 1, 1e-12) // C is farther
	near(t, "sanctions on A", f.SanctionsOn(1).Value, 1, 0)
	near(t, "trade growth", f.TradeGrowth(1, 2).Value, math.Log(2)/4, 1e-12)
	if ok, why := f.Opposes(2, 3); !ok || !strings.HasPrefix(why, "rivalry") {
		t.Fatalf("B opposes C: %v %q", ok, why)
	}
	if ok, _ := f.Opposes(1, 3); !ok {
		t.Fatal("A under C's sanctions does not oppose C")
	}
	if ok, _ := f.Opposes(1, 2); ok {
		t.Fatal("A opposes its friend B")
	}
	tie := f.Tie(1, 2)
	if tie.Kind != bloc.Alignment || !strings.Contains(tie.Basis, "75% of A's arms imports from B") {
		t.Fatalf("tie %s: %s", tie.Kind, tie.Basis)
	}
}
