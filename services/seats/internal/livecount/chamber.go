package livecount

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
)

// TierKind says how a tier's seats are filled.
type TierKind int

const (
	TierKindUnspecified TierKind = iota
	// TierList: party lists share the seats by a rule.
	TierList
	// TierSingleMember: one seat per single-member district.
	TierSingleMember
	// TierReserved: seats filled outside the count.
	TierReserved
)

// TierLink says how a tier relates to its linked tier.
type TierLink int

const (
	// TierParallel (the zero value): filled on its own.
	TierParallel TierLink = iota
	// TierCompensatory: mixed-member compensatory with overhang.
	TierCompensatory
	// TierLeveling: compensatory at a fixed size.
	TierLeveling
)

// Party is a party as the chamber shows it.
type Party struct {
	ID, Name, Color string
}

// Definition is what the composition needs of an election's definition.
type Definition struct {
	Election string
	Contests map[string]ContestDef
	Chambers []ChamberDef
}

// ContestDef is a contest: its kind, choices and district.
type ContestDef struct {
	ID, Name     string
	SingleWinner bool
	// District is the unit of a single-member district's contest.
	District string
	// SeatPreset is the contest's legal seat rule, "presets/{id}", or "".
	SeatPreset string
	Choices    []ChoiceDef
}

// ChoiceDef is a choice with its party (candidates) and colour.
type ChoiceDef struct {
	ID, Name, Color, Party string
}

// ChamberDef is a chamber of the definition.
type ChamberDef struct {
	ID, Name string
	Seats    int
	Tiers    []TierDef
}

// TierDef is a tier of a chamber.
type TierDef struct {
	ID, Name string
	Kind     TierKind
	Seats    int
	// List tier: contest id, preset name and districts (empty: one
	// national pool).
	Contest   string
	Preset    string
	Districts []District
	// Single-member tier: the contests of its districts, in the set's order.
	SingleMember []string
	// Reserved tier: who fills the seats.
	ReservedFor string
	Link        TierLink
	Linked      string
}

// TierRule is the rule of a list tier, resolved from its preset by the
// caller: Pool for one national pool, Chamber for districts.
type TierRule struct {
	Pool    *apportion.Rule
	Chamber *districts.Rule
}

// TierCount is the totals a tier is composed from, all of one results
// version: a list tier's root totals (and its districts' totals), a
// single-member tier's totals of each district.
type TierCount struct {
	Root      Totals
	Districts []Totals
	Seats     []Totals
}

// Composition is a chamber's seats from the live count.
type Composition struct {
	Chamber    ChamberDef
	TotalSeats int // chamber seats plus overhang
	Parties    []PartySeats
	Tiers      []TierResult
	Undecided  int
	Version    int64
	Projection bool
	Note       string
	Generated  time.Time
}

// PartySeats is a party's seats in a tier or the chamber.
type PartySeats struct {
	Party
	Seats, Overhang int
}

// TierResult is one tier's seats.
type TierResult struct {
	Def        TierDef
	Seats      int // overhang included
	Parties    []PartySeats
	Undecided  int
	Districts  []DistrictSeats
	Totals     []string
	Projection bool
	Note       string
}

// DistrictSeats is a district's seats in a tier.
type DistrictSeats struct {
	Unit, Name string
	Seats      int
	PartySeats map[string]int
	// Single-member districts.
	Contest, Leader, LeaderParty string
	Decided, RunoffRequired      bool
	// ClosestCall: the leader's lead over the runner-up per vote cast for
	// the candidates, or the list district's closest call; nil when there
	// is no contest for the seat.
	ClosestCall                      *big.Rat
	StationsReporting, StationsTotal int64
}

// ComposeError is a chamber that cannot be composed as defined (a preset
// the seats service does not know, a rule that refuses the tier): a fault
// of the definition, not of the count.
type ComposeError struct {
	Field  string // e.g. "tiers[0].preset"
	Detail string
}

func (e *ComposeError) Error() string { return e.Field + ": " + e.Detail }

// IndependentParty is the party id of candidates without a party.
const IndependentParty = "independent"

// Compose composes a chamber from counts read at one results version. The
// parties known by id (list choices, with names and colours) name the
// candidates' parties. Nothing is read here: Compose is pure.
func Compose(ctx context.Context, ch ChamberDef, def Definition, rules []TierRule, counts []TierCount, now time.Time) (*Composition, error) {
	book := partyBook(def)
	out := &Composition{Chamber: ch, Generated: now}
	byTier := map[string]int{}
	var notes []string
	for i, t := range ch.Tiers {
		var tr TierResult
		var err error
		switch t.Kind {
		case TierReserved:
			tr = TierResult{Def: t, Seats: t.Seats, Note: "Filled by " + t.ReservedFor + ", not by the count.",
				Parties: []PartySeats{{Party: Party{ID: "reserved-" + t.ID, Name: t.ReservedFor, Color: "#9e9e9e"}, Seats: t.Seats}}}
		case TierSingleMember:
			tr = composeSingleMember(t, def, counts[i], book)
		case TierList:
			var linked *TierResult
			if t.Link != TierParallel {
				linked = &out.Tiers[byTier[t.Linked]]
			}
			tr, err = composeList(ctx, t, rules[i], counts[i], linked, book)
			if err != nil {
				return nil, err
			}
		default:
			return nil, &ComposeError{Field: fmt.Sprintf("tiers[%d].kind", i), Detail: "unknown tier kind"}
		}
		byTier[t.ID] = i
		out.Tiers = append(out.Tiers, tr)
		out.TotalSeats += tr.Seats
		out.Undecided += tr.Undecided
		out.Projection = out.Projection || tr.Projection
		if tr.Projection {
			notes = append(notes, t.ID)
		}
		for _, c := range [][]Totals{{counts[i].Root}, counts[i].Districts, counts[i].Seats} {
			for _, x := range c {
				out.Version = max(out.Version, x.Version)
			}
		}
	}
	out.Parties = sumParties(out.Tiers)
	switch {
	case out.Undecided > 0 && out.Projection:
		out.Note = fmt.Sprintf("Projection: %d of %d seats undecided; partial count in tier(s) %v, seats may change as protocols arrive.", out.Undecided, out.TotalSeats, notes)
	case out.Projection:
		out.Note = fmt.Sprintf("Projection: partial count in tier(s) %v; seats may change as protocols arrive.", notes)
	case out.Undecided > 0:
		out.Note = fmt.Sprintf("Complete count; %d of %d seats undecided (ties or runoffs).", out.Undecided, out.TotalSeats)
	default:
		out.Note = "Complete count in every tier."
	}
	return out, nil
}

// partyBook maps party ids to their names and colours: the choices of the
// election's party-list contests.
func partyBook(def Definition) map[string]Party {
	book := map[string]Party{IndependentParty: {ID: IndependentParty, Name: "Independent", Color: "#bdbdbd"}}
	ids := make([]string, 0, len(def.Contests))
	for id := range def.Contests {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		c := def.Contests[id]
		if c.SingleWinner {
			continue
		}
		for _, ch := range c.Choices {
			if _, ok := book[ch.ID]; !ok {
				book[ch.ID] = Party{ID: ch.ID, Name: ch.Name, Color: ch.Color}
			}
		}
	}
	return book
}

func party(book map[string]Party, id string) Party {
	if p, ok := book[id]; ok {
		return p
	}
	return Party{ID: id, Name: id}
}

// composeSingleMember gives each district's seat to its winner's party: the
// leader of a first-past-the-post count without a tie, or a leader with the
// majority the contest asks for. Anything else leaves the seat undecided.
func composeSingleMember(t TierDef, def Definition, c TierCount, book map[string]Party) TierResult {
	tr := TierResult{Def: t, Seats: t.Seats}
	seats := map[string]int{}
	for i, id := range t.SingleMember {
		x := c.Seats[i]
		cd := def.Contests[id]
		d := DistrictSeats{Unit: cd.District, Name: x.UnitName, Seats: 1, Contest: id,
			StationsReporting: x.StationsReporting, StationsTotal: x.StationsTotal}
		tr.Totals = append(tr.Totals, x.Ref.Name())
		if p, _ := describe(x); p {
			tr.Projection = true
		}
		first, second, sum := leaders(x.Choices)
		if first >= 0 && x.Choices[first].Votes > 0 {
			d.Leader = x.Choices[first].ID
			d.LeaderParty = candidateParty(cd, d.Leader)
			if sum > 0 {
				lead := x.Choices[first].Votes
				if second >= 0 {
					lead -= x.Choices[second].Votes
				}
				d.ClosestCall = big.NewRat(lead, sum)
			}
			tied := second >= 0 && x.Choices[second].Votes == x.Choices[first].Votes
			d.Decided = x.Leader == d.Leader && x.WinsOutright && !tied
			d.RunoffRequired = x.RunoffRequired
		}
		if d.Decided {
			d.PartySeats = map[string]int{d.LeaderParty: 1}
			seats[d.LeaderParty]++
		} else {
			tr.Undecided++
		}
		tr.Districts = append(tr.Districts, d)
	}
	for id, n := range seats {
		tr.Parties = append(tr.Parties, PartySeats{Party: party(book, id), Seats: n})
	}
	sortSeats(tr.Parties)
	if tr.Undecided > 0 {
		tr.Note = fmt.Sprintf("%d of %d districts without a winner yet (no votes, a tie or a runoff to come).", tr.Undecided, t.Seats)
	} else {
		tr.Note = fmt.Sprintf("Every one of the %d districts has a winner.", t.Seats)
	}
	return tr
}

// leaders returns the indexes of the two candidates with the most votes
// (-1 when absent; the earlier on the ballot on equal votes) and the sum of
// all candidates' votes.
func leaders(cs []Choice) (first, second int, sum int64) {
	first, second = -1, -1
	for i, c := range cs {
		sum += c.Votes
		switch {
		case first < 0 || c.Votes > cs[first].Votes:
			first, second = i, first
		case second < 0 || c.Votes > cs[second].Votes:
			second = i
		}
	}
	return first, second, sum
}

func candidateParty(c ContestDef, choice string) string {
	for _, ch := range c.Choices {
		if ch.ID == choice {
			if ch.Party == "" {
				return IndependentParty
			}
			return ch.Party
		}
	}
	return IndependentParty
}

// composeList fills a list tier: parallel by its rule (one pool or
// districts), or compensating the linked tier.
func composeList(ctx context.Context, t TierDef, rule TierRule, c TierCount, linked *TierResult, book map[string]Party) (TierResult, error) {
	tr := TierResult{Def: t, Seats: t.Seats, Totals: []string{c.Root.Ref.Name()}}
	tr.Projection, _ = describe(c.Root)
	for _, d := range c.Districts {
		tr.Totals = append(tr.Totals, d.Ref.Name())
	}
	if rule.Chamber != nil {
		a, err := AllocateDistricts(ctx, c.Root, c.Districts, t.Districts, *rule.Chamber, time.Time{})
		if err != nil {
			return tr, composeErr(err)
		}
		if a.Pending != nil {
			tr.Undecided, tr.Note = t.Seats, a.Note
			return tr, nil
		}
		tr.Note, tr.Undecided = a.Note, a.Result.Undecided
		for li, l := range a.Result.Lists {
			if l.Seats > 0 {
				tr.Parties = append(tr.Parties, PartySeats{Party: listParty(book, c.Root.Choices[li]), Seats: l.Seats})
			}
		}
		for di, d := range a.Result.Districts {
			ds := DistrictSeats{Unit: d.ID, Name: d.Name, Seats: d.Seats, PartySeats: map[string]int{},
				StationsReporting: c.Districts[di].StationsReporting, StationsTotal: c.Districts[di].StationsTotal}
			for _, l := range a.Result.Lists {
				if n := l.DistrictSeats[di]; n > 0 {
					ds.PartySeats[l.ID] = n
				}
			}
			for _, st := range a.Result.Stages {
				if st.Name == "district "+d.ID && st.ClosestCall != nil {
					ds.ClosestCall = st.ClosestCall
				}
			}
			tr.Districts = append(tr.Districts, ds)
		}
		return tr, nil
	}
	r := *rule.Pool
	r.Seats, r.Reserved = t.Seats, 0
	if linked == nil {
		a, err := Allocate(c.Root, r, time.Time{})
		if err != nil {
			return tr, composeErr(err)
		}
		if a.Pending != nil {
			tr.Undecided, tr.Note = t.Seats, a.Note
			return tr, nil
		}
		tr.Note, tr.Undecided = a.Note, a.Result.Undecided
		for i, p := range a.Result.Parties {
			if p.Seats > 0 {
				tr.Parties = append(tr.Parties, PartySeats{Party: listParty(book, c.Root.Choices[i]), Seats: p.Seats})
			}
		}
		return tr, nil
	}
	return compensate(t, r, c.Root, linked, book, tr)
}

func listParty(book map[string]Party, c Choice) Party {
	p := party(book, c.ID)
	if p.Name == p.ID && c.Name != "" {
		p.Name = c.Name
	}
	return p
}

// compensate fills a compensatory or leveling list tier. The list votes
// share this tier's seats plus the linked tier's seats won by parties on
// the list (seats of independents and of parties without a list, and
// linked seats still undecided, are outside that pool). Compensatory: a
// party keeps linked seats beyond its share as overhang (the engine's
// Overhang rule). Leveling: a party whose linked seats exceed its share is
// set aside with them and the pool is shared again among the others, until
// no party is over.
func compensate(t TierDef, r apportion.Rule, root Totals, linked *TierResult, book map[string]Party, tr TierResult) (TierResult, error) {
	won := map[string]int{}
	for _, p := range linked.Parties {
		won[p.ID] = p.Seats
	}
	if r.Threshold != nil && r.Threshold.Base == 0 {
		th := *r.Threshold
		th.Base = root.ShareBase
		r.Threshold = &th
	}
	var parties []apportion.Party
	pool := t.Seats
	var sum int64
	for i, c := range root.Choices {
		parties = append(parties, apportion.Party{ID: c.ID, Name: c.Name, Votes: c.Votes, BallotOrder: i + 1, DistrictWins: int64(won[c.ID])})
		pool += won[c.ID]
		sum += c.Votes
	}
	_, tr.Note = describe(root)
	if sum == 0 {
		tr.Undecided = t.Seats
		tr.Note = "No votes counted yet: " + tr.Note
		return tr, nil
	}
	if linked.Undecided > 0 {
		tr.Note = fmt.Sprintf("Provisional: %d seat(s) of tier %s undecided are outside the pool. ", linked.Undecided, linked.Def.ID) + tr.Note
	}
	if t.Link == TierCompensatory {
		r.Overhang = true
		r.Seats = pool
		res, err := apportion.Apportion(parties, r)
		if err != nil {
			return pending(tr, t, err)
		}
		tr.Undecided = res.Undecided
		tr.Seats = t.Seats + res.Overhang
		for i, p := range res.Parties {
			own := p.Seats - int(parties[i].DistrictWins)
			if own > 0 || p.OverhangSeats > 0 {
				tr.Parties = append(tr.Parties, PartySeats{Party: listParty(book, root.Choices[i]), Seats: max(own, 0), Overhang: p.OverhangSeats})
			}
		}
		return tr, nil
	}
	// Leveling: set aside the parties over their share, round by round.
	aside := map[string]bool{}
	for round := 1; ; round++ {
		var in []apportion.Party
		seats := pool
		for _, p := range parties {
			if aside[p.ID] {
				seats -= int(p.DistrictWins)
				continue
			}
			q := p
			q.DistrictWins = 0
			in = append(in, q)
		}
		r.Seats = seats
		res, err := apportion.Apportion(in, r)
		if err != nil {
			return pending(tr, t, err)
		}
		over := false
		for i, p := range res.Parties {
			w := won[in[i].ID]
			if !p.Participates && w > 0 || p.Participates && w > p.Seats {
				aside[in[i].ID], over = true, true
			}
		}
		if over {
			continue
		}
		tr.Undecided = res.Undecided
		for i, p := range res.Parties {
			if own := p.Seats - won[in[i].ID]; own > 0 {
				tr.Parties = append(tr.Parties, PartySeats{Party: listParty(book, root.Choices[slices.IndexFunc(root.Choices, func(c Choice) bool { return c.ID == in[i].ID })]), Seats: own})
			}
		}
		if len(aside) > 0 {
			tr.Note = fmt.Sprintf("Leveling in %d round(s); %d party(ies) set aside with their seats of tier %s. ", round, len(aside), linked.Def.ID) + tr.Note
		}
		return tr, nil
	}
}

// pending turns an engine refusal on the count into an undecided tier: on
// the count so far the rule may leave nobody to share the seats.
func pending(tr TierResult, t TierDef, err error) (TierResult, error) {
	var ve *apportion.ValidationError
	if errors.As(err, &ve) {
		tr.Undecided = t.Seats
		tr.Note = "No seats on this count (" + ve.Errors[0].Message + "). " + tr.Note
		return tr, nil
	}
	return tr, err
}

// composeErr classifies an allocation error: a rule that refuses the
// tier's seats is the definition's fault.
func composeErr(err error) error {
	var ve *apportion.ValidationError
	if errors.As(err, &ve) {
		return &ComposeError{Field: "preset", Detail: ve.Error()}
	}
	return err
}

// sumParties adds the tiers up by party, most seats first, then by name.
func sumParties(tiers []TierResult) []PartySeats {
	idx := map[string]int{}
	var out []PartySeats
	for _, t := range tiers {
		for _, p := range t.Parties {
			i, ok := idx[p.ID]
			if !ok {
				i = len(out)
				idx[p.ID] = i
				out = append(out, PartySeats{Party: p.Party})
			}
			out[i].Seats += p.Seats
			out[i].Overhang += p.Overhang
		}
	}
	sortSeats(out)
	return out
}

func sortSeats(ps []PartySeats) {
	slices.SortStableFunc(ps, func(a, b PartySeats) int {
		if c := cmp.Compare(b.Seats, a.Seats); c != 0 {
			return c
		}
		return cmp.Compare(a.Name, b.Name)
	})
}
