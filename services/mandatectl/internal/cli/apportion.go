package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	seatsv1 "github.com/mandate-project/mandate/gen/mandate/seats/v1"
	"github.com/mandate-project/mandate/services/seats/apportion"
	"github.com/mandate-project/mandate/services/seats/apportion/casefile"
	"github.com/mandate-project/mandate/services/seats/apportionpb"
)

func runApportion(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("apportion", errOut)
	file := fs.String("case", "", "case file in the corpus schema, single pool or districts (required)")
	format := fs.String("format", "table", "output: table or json")
	server := fs.String("server", "", "seats gRPC address; empty runs the engine in this process")
	timeout := fs.Duration("timeout", 30*time.Second, "deadline of the call to --server")
	skipMargins := fs.Bool("skip-margins", false, "do not compute votes to gain or lose a seat (as the case file's skip_margins)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *file == "" || fs.NArg() > 0 {
		return fmt.Errorf("%w: --case FILE is required and no arguments are taken", errUsage)
	}
	if *format != "table" && *format != "json" {
		return fmt.Errorf("%w: --format must be table or json", errUsage)
	}
	data, err := os.ReadFile(*file)
	if err != nil {
		return err
	}
	if casefile.IsDistrictCase(data) {
		return runChamber(ctx, data, *file, *format, *server, *timeout, out)
	}
	c, err := casefile.Parse(data)
	if err != nil {
		return fmt.Errorf("%s: %w", *file, err)
	}
	rule, err := c.Rule()
	if err != nil {
		return err
	}
	parties := c.ApportionParties()
	rule.NoMargins = rule.NoMargins || *skipMargins
	rule.Steps = false // the report does not show them

	var alloc *seatsv1.Allocation
	if *server == "" {
		// ctx ends on SIGINT/SIGTERM (main): the engine stops promptly.
		res, err := apportion.ApportionContext(ctx, parties, rule)
		if err != nil {
			return err
		}
		alloc = apportionpb.AllocationToProto(res)
	} else {
		conn, err := grpc.NewClient(*server, grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			return err
		}
		defer conn.Close()
		req := &seatsv1.ApportionRequest{Rule: apportionpb.RuleToProto(rule), SkipMargins: rule.NoMargins}
		for _, p := range parties {
			req.Parties = append(req.Parties, &seatsv1.Party{
				Id: p.ID, DisplayName: p.Name, Votes: p.Votes, DistrictWins: p.DistrictWins,
				Exempt: p.Exempt, BallotOrder: int32(p.BallotOrder),
			})
		}
		cctx, cancel := context.WithTimeout(ctx, *timeout)
		defer cancel()
		resp, err := seatsv1.NewSeatsServiceClient(conn).Apportion(cctx, req)
		if err != nil {
			return describeStatus(err)
		}
		alloc = resp.GetAllocation()
	}
	expected, _ := c.Expected()
	report := newReport(c, alloc, expected)
	if *format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	}
	return report.table(out)
}

// describeStatus turns a gRPC error into one readable line with its field
// violations.
func describeStatus(err error) error {
	st := status.Convert(err)
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", st.Code(), st.Message())
	for _, d := range st.Details() {
		if br, ok := d.(*errdetails.BadRequest); ok {
			for _, v := range br.GetFieldViolations() {
				fmt.Fprintf(&b, "\n  %s: %s", v.GetField(), v.GetDescription())
			}
		}
	}
	return fmt.Errorf("%s", b.String())
}

// report is the JSON shape of an apportionment printed by the CLI: plain
// numbers (not protojson's int64 strings) so scripts can compare directly.
type report struct {
	Case            string        `json:"case,omitempty"`
	Title           string        `json:"title,omitempty"`
	Method          string        `json:"method"`
	Seats           int32         `json:"seats"`
	HouseSize       int32         `json:"house_size"`
	ReservedSeats   int32         `json:"reserved_seats,omitempty"`
	OverhangSeats   int32         `json:"overhang_seats,omitempty"`
	Quota           *fractionJSON `json:"quota,omitempty"`
	DivisorMin      *fractionJSON `json:"divisor_min,omitempty"`
	DivisorMax      *fractionJSON `json:"divisor_max,omitempty"`
	UndecidedSeats  int32         `json:"undecided_seats"`
	Ties            []tieJSON     `json:"ties"`
	Parties         []partyJSON   `json:"parties"`
	Gallagher       float64       `json:"gallagher_index"`
	LoosemoreHanby  float64       `json:"loosemore_hanby_index"`
	ENPVotes        float64       `json:"effective_parties_votes"`
	ENPSeats        float64       `json:"effective_parties_seats"`
	MatchesOfficial *bool         `json:"matches_official,omitempty"`
	Notes           []string      `json:"notes"`
}

type fractionJSON struct {
	Numerator   string `json:"numerator"`
	Denominator string `json:"denominator"`
	Decimal     string `json:"decimal"`
}

type tieJSON struct {
	Parties []string `json:"parties"`
	Seats   int32    `json:"seats"`
	Winners []string `json:"winners"`
}

type partyJSON struct {
	ID            string        `json:"id"`
	Name          string        `json:"name"`
	Votes         int64         `json:"votes"`
	Seats         int32         `json:"seats"`
	OfficialSeats *int          `json:"official_seats,omitempty"`
	Qualification string        `json:"qualification"`
	Share         *fractionJSON `json:"share,omitempty"`
	WholeSeats    int32         `json:"whole_seats,omitempty"`
	Remainder     *fractionJSON `json:"remainder,omitempty"`
	DistrictWins  int64         `json:"district_wins,omitempty"`
	OverhangSeats int32         `json:"overhang_seats,omitempty"`
	TiedForLast   bool          `json:"tied_for_last,omitempty"`
	// The margins are set only when computed; the status says "computed",
	// "none" (no such number of votes) or "not_computed" (see the notes).
	VotesToGain       *int64 `json:"votes_to_gain,omitempty"`
	VotesToLose       *int64 `json:"votes_to_lose,omitempty"`
	VotesToGainStatus string `json:"votes_to_gain_status"`
	VotesToLoseStatus string `json:"votes_to_lose_status"`
}

func fractionOf(f *seatsv1.Fraction) *fractionJSON {
	if f == nil {
		return nil
	}
	return &fractionJSON{Numerator: f.GetNumerator(), Denominator: f.GetDenominator(), Decimal: f.GetDecimal()}
}

func newReport(c *casefile.Case, a *seatsv1.Allocation, expected []int) *report {
	r := &report{
		Case: c.ID, Title: c.Title,
		Method: strings.ToLower(strings.TrimPrefix(a.GetMethod().String(), "METHOD_")),
		Seats:  a.GetSeats(), HouseSize: a.GetHouseSize(), ReservedSeats: a.GetReservedSeats(),
		OverhangSeats: a.GetOverhangSeats(), Quota: fractionOf(a.GetQuota()),
		DivisorMin: fractionOf(a.GetDivisorMin()), DivisorMax: fractionOf(a.GetDivisorMax()),
		UndecidedSeats: a.GetUndecidedSeats(), Ties: []tieJSON{},
		Gallagher: a.GetGallagherIndex(), LoosemoreHanby: a.GetLoosemoreHanbyIndex(),
		ENPVotes: a.GetEffectivePartiesVotes(), ENPSeats: a.GetEffectivePartiesSeats(),
		Notes: a.GetNotes(),
	}
	for _, t := range a.GetTies() {
		r.Ties = append(r.Ties, tieJSON{Parties: t.GetParties(), Seats: t.GetSeats(), Winners: t.GetWinners()})
	}
	matches := len(expected) == len(a.GetParties())
	for i, p := range a.GetParties() {
		pj := partyJSON{
			ID: p.GetId(), Name: p.GetDisplayName(), Votes: p.GetVotes(), Seats: p.GetSeats(),
			Qualification: strings.ToLower(strings.TrimPrefix(p.GetQualification().String(), "QUALIFICATION_")),
			Share:         fractionOf(p.GetShare()), WholeSeats: p.GetWholeSeats(), Remainder: fractionOf(p.GetRemainder()),
			DistrictWins: p.GetDistrictWins(), OverhangSeats: p.GetOverhangSeats(), TiedForLast: p.GetTiedForLast(),
			VotesToGain: p.VotesToGain, VotesToLose: p.VotesToLose,
			VotesToGainStatus: marginStatus(p.GetVotesToGainStatus()),
			VotesToLoseStatus: marginStatus(p.GetVotesToLoseStatus()),
		}
		if pj.Name == "" {
			pj.Name = pj.ID
		}
		if i < len(expected) && expected[i] >= 0 {
			e := expected[i]
			pj.OfficialSeats = &e
			matches = matches && int32(e) == p.GetSeats()
		}
		r.Parties = append(r.Parties, pj)
	}
	if len(expected) > 0 {
		r.MatchesOfficial = &matches
	}
	return r
}

func (r *report) table(out io.Writer) error {
	if r.Title != "" {
		fmt.Fprintf(out, "%s\n", r.Title)
	}
	fmt.Fprintf(out, "method %s, %d seats (house %d)", r.Method, r.Seats, r.HouseSize)
	if r.Quota != nil {
		fmt.Fprintf(out, ", quota %s/%s = %s", r.Quota.Numerator, r.Quota.Denominator, r.Quota.Decimal)
	}
	fmt.Fprintln(out)
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', tabwriter.AlignRight)
	official := r.MatchesOfficial != nil
	fmt.Fprint(tw, "party\tvotes\tshare %\tqualification\tseats\t")
	if official {
		fmt.Fprint(tw, "official\t")
	}
	fmt.Fprintln(tw, "+votes for a seat\t-votes to lose one\t")
	for _, p := range r.Parties {
		share := ""
		if p.Share != nil {
			share = percent(p.Share.Decimal)
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%d\t", p.Name, p.Votes, share, p.Qualification, p.Seats)
		if official {
			if p.OfficialSeats != nil {
				fmt.Fprintf(tw, "%d\t", *p.OfficialSeats)
			} else {
				fmt.Fprint(tw, "\t")
			}
		}
		fmt.Fprintf(tw, "%s\t%s\t\n", marginText(p.VotesToGain, p.VotesToGainStatus), marginText(p.VotesToLose, p.VotesToLoseStatus))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if r.UndecidedSeats > 0 {
		fmt.Fprintf(out, "%d seat(s) undecided by a tie\n", r.UndecidedSeats)
	}
	if official {
		fmt.Fprintf(out, "matches the official result: %v\n", *r.MatchesOfficial)
	}
	fmt.Fprintf(out, "Gallagher %.2f, Loosemore-Hanby %.2f, effective parties %.2f by votes, %.2f by seats\n",
		r.Gallagher, r.LoosemoreHanby, r.ENPVotes, r.ENPSeats)
	return nil
}

// percent turns a share (a fraction of 1, six decimals) into a percentage
// with four decimals, by moving the decimal point: no floating point.
func percent(dec string) string {
	whole, frac, _ := strings.Cut(dec, ".")
	frac += "000000"
	n := strings.TrimLeft(whole+frac[:2], "0")
	if n == "" {
		n = "0"
	}
	return n + "." + frac[2:6]
}

func marginStatus(st seatsv1.MarginStatus) string {
	return strings.ToLower(strings.TrimPrefix(st.String(), "MARGIN_STATUS_"))
}

// marginText shows a margin in a table: the number, "-" when there is
// none (no votes gain a seat, no loss costs one) and "n/a" when it was not
// computed (the notes say why).
func marginText(v *int64, status string) string {
	switch {
	case v != nil:
		return fmt.Sprint(*v)
	case status == "none":
		return "-"
	}
	return "n/a"
}

// margin is marginText for a wire PartyResult's margin.
func margin(v *int64, st seatsv1.MarginStatus) string { return marginText(v, marginStatus(st)) }
