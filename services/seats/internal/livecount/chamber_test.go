package livecount_test

import (
	"context"
	"fmt"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
	"github.com/mandate-project/mandate/services/seats/internal/livecount"
	"github.com/mandate-project/mandate/services/seats/internal/presets"
)

// complete is totals of a complete count of one unit.
func complete(election, contest, unit string, version int64, votes ...livecount.Choice) livecount.Totals {
	t := livecount.Totals{Ref: livecount.Ref{Election: election, Contest: contest, Unit: unit}, UnitName: unit,
		Choices: votes, ShareBaseRole: livecount.RoleValid, Status: livecount.StatusComplete, Version: version,
		StationsReporting: 1, StationsTotal: 1}
	for _, c := range votes {
		t.ShareBase += c.Votes
	}
	return t
}

func seatsBy(ps []livecount.PartySeats) map[string]int {
	out := map[string]int{}
	for _, p := range ps {
		if p.Seats > 0 {
			out[p.ID] = p.Seats
		}
	}
	return out
}

func sameSeats(t *testing.T, what string, got []livecount.PartySeats, want map[string]int) {
	t.Helper()
	g := seatsBy(got)
	if fmt.Sprint(g) != fmt.Sprint(want) {
		t.Errorf("%s: %v, want %v", what, g, want)
	}
}

// The Mazhilis of 2012: 98 list seats by the 2009 law and the 9 seats the
// Assembly of People fills, 107 in all; the preset's own 9 reserved seats
// are the chamber's reserved tier, not counted twice.
func TestComposeMazhilis2012(t *testing.T) {
	ch := livecount.ChamberDef{ID: "mazhilis", Name: "Mazhilis", Seats: 107, Tiers: []livecount.TierDef{
		{ID: "list", Kind: livecount.TierList, Seats: 98, Contest: "mazhilis", Preset: "presets/kz-mazhilis-2009"},
		{ID: "assembly", Kind: livecount.TierReserved, Seats: 9, ReservedFor: "Assembly of People"},
	}}
	rule := kzRule()
	c, err := livecount.Compose(context.Background(), ch, livecount.Definition{Election: "kz-2012"},
		[]livecount.TierRule{{Pool: &rule}, {}}, []livecount.TierCount{{Root: kz2012()}, {}}, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	sameSeats(t, "chamber", c.Parties, map[string]int{"nur-otan": 83, "ak-zhol": 8, "cppk": 7, "reserved-assembly": 9})
	if c.TotalSeats != 107 || c.Undecided != 0 || c.Projection || c.Version != 48 {
		t.Errorf("total %d, undecided %d, projection %v, version %d; want 107, 0, false, 48", c.TotalSeats, c.Undecided, c.Projection, c.Version)
	}
	if c.Parties[0].ID != "nur-otan" || c.Parties[1].ID != "reserved-assembly" {
		t.Errorf("parties not ordered by seats: %v", c.Parties)
	}
}

// mixed is a Duma-like chamber: 225 list seats (Hare, 5 % of the ballots)
// and 225 single-member districts (first past the post), composed from
// synthetic totals where every seat's owner is known by construction.
func mixed(link livecount.TierLink, listSeats int) (livecount.ChamberDef, livecount.Definition, []livecount.TierRule, []livecount.TierCount) {
	def := livecount.Definition{Election: "duma", Contests: map[string]livecount.ContestDef{
		"list": {ID: "list", Choices: []livecount.ChoiceDef{{ID: "ER", Name: "United Russia"}, {ID: "KPRF", Name: "Communists"},
			{ID: "LDPR", Name: "Liberal Democrats"}, {ID: "SR", Name: "A Just Russia"}, {ID: "YAB", Name: "Yabloko"}}},
	}}
	smd := livecount.TierDef{ID: "districts", Kind: livecount.TierSingleMember, Seats: 225}
	var count livecount.TierCount
	for i := range 225 {
		id := fmt.Sprintf("smd-d%03d", i+1)
		unit := fmt.Sprintf("d%03d", i+1)
		def.Contests[id] = livecount.ContestDef{ID: id, SingleWinner: true, District: unit, Choices: []livecount.ChoiceDef{
			{ID: "a", Party: "ER"}, {ID: "b", Party: "KPRF"}, {ID: "c"}}}
		smd.SingleMember = append(smd.SingleMember, id)
		// 200 ER, 20 KPRF, 4 independents, one exact tie (undecided).
		va, vb, vc := int64(600), int64(300), int64(100)
		switch {
		case i >= 200 && i < 220:
			va, vb = 300, 600
		case i >= 220 && i < 224:
			vc = 900
		case i == 224:
			vb = 600
			va = 600
		}
		x := complete("duma", id, unit, 7, livecount.Choice{ID: "a", Votes: va}, livecount.Choice{ID: "b", Votes: vb}, livecount.Choice{ID: "c", Votes: vc})
		x.Leader, x.WinsOutright = "a", i != 224
		if vb > va {
			x.Leader = "b"
		}
		if vc > va {
			x.Leader = "c"
		}
		count.Seats = append(count.Seats, x)
	}
	// List votes proportional to 100 : 60 : 40 : 25 of 225, plus Yabloko
	// below 5 %: Hare gives whole quotas.
	list := complete("duma", "list", "ru", 7, livecount.Choice{ID: "ER", Votes: 100_000}, livecount.Choice{ID: "KPRF", Votes: 60_000},
		livecount.Choice{ID: "LDPR", Votes: 40_000}, livecount.Choice{ID: "SR", Votes: 25_000}, livecount.Choice{ID: "YAB", Votes: 5_000})
	rule := apportion.Rule{Method: apportion.Hare, Seats: 225, Reserved: 225, Threshold: &apportion.Threshold{Percent: big.NewRat(5, 1)}}
	lt := livecount.TierDef{ID: "list", Kind: livecount.TierList, Seats: listSeats, Contest: "list", Preset: "presets/ru-duma-2016", Link: link}
	if link != livecount.TierParallel {
		lt.Linked = "districts"
	}
	ch := livecount.ChamberDef{ID: "duma", Seats: 225 + listSeats, Tiers: []livecount.TierDef{smd, lt}}
	return ch, def, []livecount.TierRule{{}, {Pool: &rule}}, []livecount.TierCount{count, {Root: list}}
}

// A mixed parallel chamber adds the single-member winners (counted by
// their party, independents apart, a tied district undecided) to the list
// seats.
func TestComposeMixedParallel(t *testing.T) {
	ch, def, rules, counts := mixed(livecount.TierParallel, 225)
	c, err := livecount.Compose(context.Background(), ch, def, rules, counts, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	sameSeats(t, "single-member tier", c.Tiers[0].Parties, map[string]int{"ER": 200, "KPRF": 20, "independent": 4})
	sameSeats(t, "list tier", c.Tiers[1].Parties, map[string]int{"ER": 100, "KPRF": 60, "LDPR": 40, "SR": 25})
	sameSeats(t, "chamber", c.Parties, map[string]int{"ER": 300, "KPRF": 80, "LDPR": 40, "SR": 25, "independent": 4})
	if c.Undecided != 1 || c.TotalSeats != 450 {
		t.Errorf("undecided %d of %d, want 1 of 450", c.Undecided, c.TotalSeats)
	}
	tie := c.Tiers[0].Districts[224]
	if tie.Decided || tie.ClosestCall.Sign() != 0 {
		t.Errorf("tied district: decided %v, closest call %v", tie.Decided, tie.ClosestCall)
	}
	if d := c.Tiers[0].Districts[0]; !d.Decided || d.LeaderParty != "ER" || d.ClosestCall.Cmp(big.NewRat(3, 10)) != 0 {
		t.Errorf("district 1: %+v, want ER by 300 of 1000 votes", d)
	}
}

// Compensatory and leveling tiers on one small chamber: 5 single-member
// seats and 10 list seats, list votes A 53, B 31, C 16 (Hare over 15 seats:
// A 8, B 5, C 2). C wins 4 districts, A 1: compensatory keeps C's 2 extra
// seats as overhang (17 seats); leveling sets C aside with its 4 and shares
// the other 11 between A and B (7 and 4), so the chamber keeps 15.
func TestComposeCompensatoryAndLeveling(t *testing.T) {
	def := livecount.Definition{Election: "x", Contests: map[string]livecount.ContestDef{
		"list": {ID: "list", Choices: []livecount.ChoiceDef{{ID: "A"}, {ID: "B"}, {ID: "C"}}},
	}}
	smd := livecount.TierDef{ID: "smd", Kind: livecount.TierSingleMember, Seats: 5}
	var count livecount.TierCount
	for i, winner := range []string{"A", "C", "C", "C", "C"} {
		id := fmt.Sprintf("smd-%d", i)
		def.Contests[id] = livecount.ContestDef{ID: id, SingleWinner: true, District: id, Choices: []livecount.ChoiceDef{{ID: "a", Party: "A"}, {ID: "c", Party: "C"}}}
		smd.SingleMember = append(smd.SingleMember, id)
		va, vc := int64(10), int64(5)
		if winner == "C" {
			va, vc = 5, 10
		}
		x := complete("x", id, id, 3, livecount.Choice{ID: "a", Votes: va}, livecount.Choice{ID: "c", Votes: vc})
		x.Leader, x.WinsOutright = map[string]string{"A": "a", "C": "c"}[winner], true
		count.Seats = append(count.Seats, x)
	}
	list := complete("x", "list", "x", 3, livecount.Choice{ID: "A", Votes: 53}, livecount.Choice{ID: "B", Votes: 31}, livecount.Choice{ID: "C", Votes: 16})
	rule := apportion.Rule{Method: apportion.Hare, Seats: 1}
	for _, tc := range []struct {
		link       livecount.TierLink
		list, all  map[string]int
		total      int
		overhangOf string
	}{
		{livecount.TierCompensatory, map[string]int{"A": 7, "B": 5}, map[string]int{"A": 8, "B": 5, "C": 4}, 17, "C"},
		{livecount.TierLeveling, map[string]int{"A": 6, "B": 4}, map[string]int{"A": 7, "B": 4, "C": 4}, 15, ""},
	} {
		lt := livecount.TierDef{ID: "list", Kind: livecount.TierList, Seats: 10, Contest: "list", Preset: "presets/x", Link: tc.link, Linked: "smd"}
		ch := livecount.ChamberDef{ID: "c", Seats: 15, Tiers: []livecount.TierDef{smd, lt}}
		c, err := livecount.Compose(context.Background(), ch, def, []livecount.TierRule{{}, {Pool: &rule}}, []livecount.TierCount{count, {Root: list}}, time.Unix(0, 0))
		if err != nil {
			t.Fatal(err)
		}
		sameSeats(t, fmt.Sprint(tc.link, " list tier"), c.Tiers[1].Parties, tc.list)
		sameSeats(t, fmt.Sprint(tc.link, " chamber"), c.Parties, tc.all)
		if c.TotalSeats != tc.total {
			t.Errorf("link %d: %d seats, want %d", tc.link, c.TotalSeats, tc.total)
		}
		for _, p := range c.Tiers[1].Parties {
			if (p.Overhang > 0) != (p.ID == tc.overhangOf) || p.ID == "C" && p.Overhang != 2 {
				t.Errorf("link %d: %s overhang %d", tc.link, p.ID, p.Overhang)
			}
		}
	}
}

// spain builds the Congreso 2023 as one list tier in 52 districts from the
// shared corpus, with every province's totals as the live count would give
// them.
func spain(tb testing.TB) (livecount.ChamberDef, livecount.Definition, []livecount.TierRule, []livecount.TierCount, *casefile.DistrictCase) {
	dc, err := casefile.LoadDistricts(filepath.Join(testsupport.SharedData(tb, "corpus-districts"), "es_congreso_2023_07.json"))
	if err != nil {
		tb.Fatal(err)
	}
	p, ok := presets.Get("es-congreso")
	if !ok {
		tb.Fatal("no es-congreso preset")
	}
	rule := p.Chamber.Clone()
	tier := livecount.TierDef{ID: "provinces", Kind: livecount.TierList, Seats: 350, Contest: "congreso", Preset: "presets/es-congreso"}
	var count livecount.TierCount
	root := complete("es", "congreso", "es", 9)
	for _, l := range dc.Chamber.Lists {
		var sum int64
		for _, v := range l.Votes {
			if v != nil {
				sum += v.Num().Int64()
			}
		}
		root.Choices = append(root.Choices, livecount.Choice{ID: l.ID, Name: l.Name, Votes: sum})
	}
	for i, d := range dc.Chamber.Districts {
		tier.Districts = append(tier.Districts, livecount.District{Unit: d.ID, Seats: d.Seats})
		x := complete("es", "congreso", d.ID, 9)
		for _, l := range dc.Chamber.Lists {
			var v int64
			if l.Votes[i] != nil {
				v = l.Votes[i].Num().Int64()
			}
			x.Choices = append(x.Choices, livecount.Choice{ID: l.ID, Name: l.Name, Votes: v})
		}
		x.ShareBase = d.ThresholdBase
		count.Districts = append(count.Districts, x)
	}
	count.Root = root
	ch := livecount.ChamberDef{ID: "congreso", Seats: 350, Tiers: []livecount.TierDef{tier}}
	return ch, livecount.Definition{Election: "es"}, []livecount.TierRule{{Chamber: &rule}}, []livecount.TierCount{count}, dc
}

// Spain 2023 as a chamber: every province's official seats.
func TestComposeSpain2023(t *testing.T) {
	ch, def, rules, counts, dc := spain(t)
	c, err := livecount.Compose(context.Background(), ch, def, rules, counts, time.Unix(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	if c.TotalSeats != 350 || c.Undecided != 0 {
		t.Fatalf("%d seats, %d undecided", c.TotalSeats, c.Undecided)
	}
	for i, d := range c.Tiers[0].Districts {
		for j, l := range dc.Chamber.Lists {
			if want := dc.Official[j][i]; want >= 0 && d.PartySeats[l.ID] != want {
				t.Errorf("%s in %s: %d seats, official %d", l.ID, d.Unit, d.PartySeats[l.ID], want)
			}
		}
	}
	want := map[string]int{}
	for j, l := range dc.Chamber.Lists {
		for i := range dc.Chamber.Districts {
			if n := dc.Official[j][i]; n > 0 {
				want[l.ID] += n
			}
		}
	}
	sameSeats(t, "chamber", c.Parties, want)
}

var sink *livecount.Composition

// BenchmarkComposeSpain is a Spain-size composition (52 districts, 350
// seats) from totals already read: what a watch adds per change besides
// reading the totals.
func BenchmarkComposeSpain(b *testing.B) {
	ch, def, rules, counts, _ := spain(b)
	b.ReportAllocs()
	for b.Loop() {
		c, err := livecount.Compose(context.Background(), ch, def, rules, counts, time.Time{})
		if err != nil {
			b.Fatal(err)
		}
		sink = c
	}
}

// BenchmarkComposeMixed is a Duma-size mixed chamber (225 list seats, 225
// single-member districts), parallel and compensatory.
func BenchmarkComposeMixed(b *testing.B) {
	for _, link := range []livecount.TierLink{livecount.TierParallel, livecount.TierCompensatory} {
		b.Run(map[livecount.TierLink]string{livecount.TierParallel: "parallel", livecount.TierCompensatory: "compensatory"}[link], func(b *testing.B) {
			ch, def, rules, counts := mixed(link, 225)
			b.ReportAllocs()
			for b.Loop() {
				c, err := livecount.Compose(context.Background(), ch, def, rules, counts, time.Time{})
				if err != nil {
					b.Fatal(err)
				}
				sink = c
			}
		})
	}
}
