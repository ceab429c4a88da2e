package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
	"github.com/mandate-project/mandate/services/seats/apportion/districts"
	"github.com/mandate-project/mandate/services/seats/apportionpb"
)

// runChamber apportions a multi-district case (shared/corpus-districts
// schema), locally or through a seats server.
func runChamber(ctx context.Context, data []byte, file, format, server string, timeout time.Duration, out io.Writer) error {
	dc, err := casefile.ParseDistricts(data)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	var a *seatsv1.ChamberAllocation
	if server == "" {
		res, err := districts.Apportion(ctx, &dc.Chamber)
		if err != nil {
			return err
		}
		a = apportionpb.ChamberAllocationToProto(res)
	} else {
		conn, err := grpc.NewClient(server, grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			return err
		}
		defer conn.Close()
		cctx, cancel := context.WithTimeout(ctx, timeout)
		defer cancel()
		resp, err := seatsv1.NewSeatsServiceClient(conn).Apportion(cctx, &seatsv1.ApportionRequest{Chamber: apportionpb.ChamberToProto(&dc.Chamber)})
		if err != nil {
			return describeStatus(err)
		}
		a = resp.GetChamberAllocation()
	}
	r := newChamberReport(dc, a)
	if format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	return r.table(out)
}

// chamberReport is the JSON shape of a chamber printed by the CLI.
type chamberReport struct {
	Case            string            `json:"case,omitempty"`
	Title           string            `json:"title,omitempty"`
	Family          string            `json:"family"`
	Seats           int32             `json:"seats"`
	Unique          bool              `json:"unique"`
	UndecidedSeats  int32             `json:"undecided_seats"`
	Iterations      int32             `json:"iterations,omitempty"`
	Districts       []chamberDistrict `json:"districts"`
	Parties         []chamberParty    `json:"parties"`
	Stages          []chamberStage    `json:"stages"`
	Alternatives    []chamberAlt      `json:"alternatives,omitempty"`
	MatchesOfficial bool              `json:"matches_official"`
	Mismatches      []string          `json:"mismatches,omitempty"`
	Notes           []string          `json:"notes"`
	levelingFamily  bool              `json:"-"`
}

type chamberDistrict struct {
	ID            string        `json:"id"`
	Name          string        `json:"name"`
	Seats         int32         `json:"seats"`
	LevelingSeats int32         `json:"leveling_seats,omitempty"`
	Divisor       *fractionJSON `json:"divisor,omitempty"`
}

type chamberParty struct {
	ID            string           `json:"id"`
	Name          string           `json:"name"`
	Votes         string           `json:"votes"`
	Qualification string           `json:"qualification"`
	Seats         int32            `json:"seats"`
	DistrictSeats map[string]int32 `json:"district_seats"`
	// LevelingSeats (leveling family): {district id: leveling seats}, only
	// districts where the list got one, like the corpus's
	// official_leveling_seats; LevelingSeatsTotal is their sum.
	LevelingSeats      *map[string]int32 `json:"leveling_seats,omitempty"`
	LevelingSeatsTotal *int32            `json:"leveling_seats_total,omitempty"`
	NationalSeats      int32             `json:"national_seats,omitempty"`
	Divisor            *fractionJSON     `json:"divisor,omitempty"`
	OfficialSeats      *int32            `json:"official_seats,omitempty"`
}

type chamberStage struct {
	Name        string        `json:"name"`
	Method      string        `json:"method,omitempty"`
	Seats       int32         `json:"seats"`
	Divisor     *fractionJSON `json:"divisor,omitempty"`
	ClosestCall *fractionJSON `json:"closest_call,omitempty"`
	Tie         bool          `json:"tie,omitempty"`
	Notes       []string      `json:"notes,omitempty"`
}

type chamberAlt struct {
	Add    []string `json:"add"`
	Remove []string `json:"remove"`
}

func lowerName(prefix, s string) string { return strings.ToLower(strings.TrimPrefix(s, prefix)) }

func newChamberReport(dc *casefile.DistrictCase, a *seatsv1.ChamberAllocation) *chamberReport {
	r := &chamberReport{
		Case: dc.ID, Title: dc.Title, Family: lowerName("CHAMBER_FAMILY_", a.GetFamily().String()),
		Seats: a.GetSeats(), Unique: a.GetUnique(), UndecidedSeats: a.GetUndecidedSeats(), Iterations: a.GetIterations(),
		Notes: a.GetNotes(), MatchesOfficial: true,
	}
	r.levelingFamily = a.GetFamily() == seatsv1.ChamberFamily_CHAMBER_FAMILY_LEVELING
	for _, d := range a.GetDistricts() {
		r.Districts = append(r.Districts, chamberDistrict{ID: d.GetId(), Name: d.GetDisplayName(), Seats: d.GetSeats(), LevelingSeats: d.GetLevelingSeats(), Divisor: fractionOf(d.GetDivisor())})
	}
	for j, l := range a.GetLists() {
		p := chamberParty{
			ID: l.GetId(), Name: l.GetDisplayName(), Votes: l.GetVotes().GetDecimal(),
			Qualification: lowerName("QUALIFICATION_", l.GetQualification().String()),
			Seats:         l.GetSeats(), DistrictSeats: map[string]int32{}, NationalSeats: l.GetNationalSeats(),
			Divisor: fractionOf(l.GetDivisor()),
		}
		if v := l.GetVotes(); v != nil && v.GetDenominator() == "1" {
			p.Votes = v.GetNumerator()
		}
		if p.Name == "" {
			p.Name = p.ID
		}
		for _, d := range a.GetDistricts() {
			p.DistrictSeats[d.GetId()] = l.GetDistrictSeats()[d.GetId()]
		}
		if r.levelingFamily {
			m := map[string]int32{}
			for k, v := range l.GetDistrictLevelingSeats() {
				m[k] = v
			}
			p.LevelingSeats = &m
			t := l.GetLevelingSeats()
			p.LevelingSeatsTotal = &t
		}
		if j < len(dc.Official) {
			sum := int32(0)
			for i, d := range dc.Chamber.Districts {
				want := int32(dc.Official[j][i])
				sum += want
				if got := p.DistrictSeats[d.ID]; got != want {
					r.MatchesOfficial = false
					r.Mismatches = append(r.Mismatches, fmt.Sprintf("%s in %s: %d, official %d", p.ID, d.ID, got, want))
				}
			}
			p.OfficialSeats = &sum
		}
		r.Parties = append(r.Parties, p)
	}
	for _, s := range a.GetStages() {
		r.Stages = append(r.Stages, chamberStage{
			Name: s.GetName(), Method: lowerName("METHOD_", s.GetMethod().String()), Seats: s.GetSeats(),
			Divisor: fractionOf(s.GetDivisor()), ClosestCall: fractionOf(s.GetClosestCall()), Tie: s.GetTie(), Notes: s.GetNotes(),
		})
		if r.Stages[len(r.Stages)-1].Method == "unspecified" {
			r.Stages[len(r.Stages)-1].Method = ""
		}
	}
	for _, t := range a.GetAlternatives() {
		var alt chamberAlt
		for _, c := range t.GetAdd() {
			alt.Add = append(alt.Add, c.GetList()+"@"+c.GetDistrict())
		}
		for _, c := range t.GetRemove() {
			alt.Remove = append(alt.Remove, c.GetList()+"@"+c.GetDistrict())
		}
		r.Alternatives = append(r.Alternatives, alt)
	}
	return r
}

func (r *chamberReport) table(out io.Writer) error {
	if r.Title != "" {
		fmt.Fprintln(out, r.Title)
	}
	fmt.Fprintf(out, "%s, %d seats in %d districts\n", r.Family, r.Seats, len(r.Districts))
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "list\tvotes\tqualification\tseats\t")
	if r.levelingFamily {
		fmt.Fprint(tw, "leveling\t")
	}
	fmt.Fprintln(tw, "official\t")
	for _, p := range r.Parties {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t", p.Name, p.Votes, p.Qualification, p.Seats)
		if r.levelingFamily {
			fmt.Fprintf(tw, "%d\t", *p.LevelingSeatsTotal)
		}
		if p.OfficialSeats != nil {
			fmt.Fprintf(tw, "%d\t\n", *p.OfficialSeats)
		} else {
			fmt.Fprint(tw, "\t\n")
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range r.Stages {
		if s.ClosestCall != nil && !strings.HasPrefix(s.Name, "district ") {
			fmt.Fprintf(out, "%s: closest call %s\n", s.Name, s.ClosestCall.Decimal)
		}
	}
	if !r.Unique {
		fmt.Fprintln(out, "NOT UNIQUE: an exact tie allows another result (see alternatives and notes)")
	}
	if r.UndecidedSeats > 0 {
		fmt.Fprintf(out, "%d seat(s) undecided by a tie\n", r.UndecidedSeats)
	}
	fmt.Fprintf(out, "matches the official result in every district: %v\n", r.MatchesOfficial)
	for _, m := range r.Mismatches {
		fmt.Fprintln(out, "  "+m)
	}
	return nil
}
