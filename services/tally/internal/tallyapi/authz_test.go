package tallyapi_test

import (
	"context"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/api/annotations"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/auth"
	"github.com/mandate-project/mandate/services/platform/grpctest"
	"github.com/mandate-project/mandate/services/tally/internal/sqlitestore"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
	"github.com/mandate-project/mandate/services/tally/internal/tallyapi"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// startWithAuth is start behind the access-control interceptors, with the
// KZ demo loaded (as an administrator) and a signer for test tokens.
func startWithAuth(t *testing.T, publicReads bool) (tallyv1.TallyServiceClient, auth.Signer) {
	t.Helper()
	ctx := context.Background()
	store, err := sqlitestore.Open(ctx, filepath.Join(t.TempDir(), "tally.db"), sqlitestore.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	svc, err := tally.NewService(ctx, store, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	priv, _, err := auth.NewEd25519()
	if err != nil {
		t.Fatal(err)
	}
	signer, verifier, err := auth.ParseKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	api := tallyapi.New(svc, slog.Default())
	a := auth.New(auth.Config{Keys: []auth.Verifier{verifier}, Rules: tallyapi.AccessRules(), PublicReads: publicReads, InScope: tallyapi.InScope(svc, api)})
	conn := grpctest.ConnWith(t, append(api.ServerOptions(), grpc.ChainUnaryInterceptor(a.Unary()), grpc.ChainStreamInterceptor(a.Stream())),
		func(srv *grpc.Server) { tallyv1.RegisterTallyServiceServer(srv, api) })
	c := tallyv1.NewTallyServiceClient(conn)
	admin := token(t, signer, auth.Claims{Subject: "cec", Role: auth.Admin})
	loadDemoAs(t, c, metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+admin))
	return c, signer
}

func token(t *testing.T, s auth.Signer, c auth.Claims) string {
	t.Helper()
	c.Expires = time.Now().Add(time.Hour).Unix()
	tok, err := auth.Issue(s, c, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// denied is the outcome of a call refused by access control.
func denied(err error) codes.Code {
	switch c := status.Code(err); c {
	case codes.Unauthenticated, codes.PermissionDenied:
		return c
	}
	return codes.OK // the handler ran (its own answer may be any code)
}

// scope is where a call of the matrix acts, seen from the commissions of
// the matrix (region astana and its station astana-1 of kz-2012).
type scope int

const (
	inScope       scope = iota // kz-2012, in or under astana-1
	otherUnit                  // kz-2012, a station outside astana
	otherElection              // another election (kz-copy, a copy of kz-2012)
	noTarget                   // names no election at all
)

// shapes is every kind of message a method takes, derived from the service
// descriptor: "" (the request as such), each message field on the way to a
// field that names a resource (so each way a request can carry a target),
// and each case of each oneof. The matrix needs a row for each.
func shapes(md protoreflect.MessageDescriptor) []string {
	set := map[string]bool{"": true}
	for _, f := range auth.NameFields(md) {
		parts := strings.Split(f, ".")
		for i := 1; i < len(parts); i++ {
			set[strings.Join(parts[:i], ".")] = true
		}
	}
	var oneofs func(md protoreflect.MessageDescriptor, prefix string, seen map[protoreflect.FullName]bool)
	oneofs = func(md protoreflect.MessageDescriptor, prefix string, seen map[protoreflect.FullName]bool) {
		if seen[md.FullName()] {
			return
		}
		seen[md.FullName()] = true
		for i := range md.Oneofs().Len() {
			o := md.Oneofs().Get(i)
			for j := range o.Fields().Len() {
				set[prefix+string(o.Fields().Get(j).Name())] = true
			}
		}
		for i := range md.Fields().Len() {
			if f := md.Fields().Get(i); f.Message() != nil && !f.IsMap() {
				oneofs(f.Message(), prefix+string(f.Name())+".", seen)
			}
		}
	}
	oneofs(md, "", map[protoreflect.FullName]bool{})
	return slices.Sorted(maps.Keys(set))
}

// direct reports whether the message at shape (a path of message fields in
// md) has fields of its own that name an election, and a unit.
func direct(md protoreflect.MessageDescriptor, shape string) (elections, units bool) {
	for _, f := range auth.NameFields(md) {
		dir, name := "", f
		if i := strings.LastIndex(f, "."); i >= 0 {
			dir, name = f[:i], f[i+1:]
		}
		if dir != shape {
			continue
		}
		elections = true
		fd := md
		if shape != "" {
			for _, part := range strings.Split(shape, ".") {
				fd = fd.Fields().ByName(protoreflect.Name(part)).Message()
			}
		}
		ref, _ := proto.GetExtension(fd.Fields().ByName(protoreflect.Name(name)).Options(), annotations.E_ResourceReference).(*annotations.ResourceReference)
		units = units || ref.GetType() == "tally.mandate.dev/ReportingUnit"
	}
	return elections, units
}

// withChamber is def with the Mazhilis as a chamber: its list tier names
// the contest, so the chamber's names are checked like the contests'.
func withChamber(def *tallyv1.Election) *tallyv1.Election {
	e := proto.Clone(def).(*tallyv1.Election)
	e.Chambers = []*tallyv1.Chamber{{Name: "elections/kz-2012/chambers/mazhilis", Seats: 107, Tiers: []*tallyv1.ChamberTier{
		{Id: "list", Kind: tallyv1.TierKind_TIER_KIND_LIST, Seats: 98, Contest: "elections/kz-2012/contests/mazhilis", Preset: "presets/kz-mazhilis-2009"},
		{Id: "assembly", Kind: tallyv1.TierKind_TIER_KIND_RESERVED, Seats: 9, ReservedFor: "Assembly of People"},
	}}}
	return e
}

// TestAccessMatrix calls every TallyService method with every kind of
// message it takes (the shapes of its request, from the descriptors), in and
// out of scope, as every kind of caller, and checks access control's answer.
// A method or a shape without a row fails the test, so does a submission
// shape without an out-of-scope row.
func TestAccessMatrix(t *testing.T) {
	c, signer := startWithAuth(t, true)
	ctx := context.Background()
	copyDemo(t, c, signer)
	fix := correction(t, c, "astana-1", "m-1", 1)         // astana-1 is in region astana
	outFix := correction(t, c, "almaty-city-1", "m-2", 1) // not in astana
	copyFix := proto.Clone(fix).(*tallyv1.SubmitProtocolRequest)
	copyFix.Parent, copyFix.Station, copyFix.RequestId = "elections/kz-copy/contests/mazhilis", "elections/kz-copy/units/astana-1", "m-3"
	// Rows of the corrections, in the column order of their maps.
	rowsOf := func(parent string, reqs ...*tallyv1.SubmitProtocolRequest) *tallyv1.ProtocolRows {
		out := &tallyv1.ProtocolRows{Parent: parent}
		for _, k := range slices.Sorted(maps.Keys(reqs[0].GetLines())) {
			out.Columns = append(out.Columns, "lines."+k)
		}
		for _, k := range slices.Sorted(maps.Keys(reqs[0].GetVotes())) {
			out.Columns = append(out.Columns, "votes."+k)
		}
		for _, r := range reqs {
			row := &tallyv1.ProtocolRow{Station: r.GetStation(), RequestId: r.GetRequestId() + "-row", Kind: r.GetKind(), ReplacesVersion: r.GetReplacesVersion(), Reason: r.GetReason()}
			for _, col := range out.Columns {
				kind, id, _ := strings.Cut(col, ".")
				if kind == "lines" {
					row.Counts = append(row.Counts, r.GetLines()[id])
				} else {
					row.Counts = append(row.Counts, r.GetVotes()[id])
				}
			}
			out.Rows = append(out.Rows, row)
		}
		return out
	}
	imp := func(msgs ...*tallyv1.ImportProtocolsRequest) func(context.Context) error {
		return func(ctx context.Context) error { return importMsgs(ctx, c, msgs...) }
	}
	submit := func(r *tallyv1.SubmitProtocolRequest) func(context.Context) error {
		return func(ctx context.Context) error {
			_, err := c.SubmitProtocol(ctx, proto.Clone(r).(*tallyv1.SubmitProtocolRequest))
			return err
		}
	}
	def, err := c.GetElection(ctx, &tallyv1.GetElectionRequest{Name: "elections/kz-2012"})
	if err != nil {
		t.Fatal(err)
	}

	type row struct {
		method string // short name
		shape  string // as shapes returns it
		scope  scope
		call   func(ctx context.Context) error
	}
	rows := map[string]row{
		"CreateElection": {"CreateElection", "", inScope, func(ctx context.Context) error {
			_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "kz-2012"})
			return err
		}},
		"CreateElection of another election": {"CreateElection", "", otherElection, func(ctx context.Context) error {
			_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "kz-copy"})
			return err
		}},
		"CreateElection/election": {"CreateElection", "election", inScope, func(ctx context.Context) error {
			_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "kz-2012", Election: &tallyv1.Election{Name: "elections/kz-2012"}})
			return err
		}},
		"CreateElection/election.contests": {"CreateElection", "election.contests", inScope, func(ctx context.Context) error {
			_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "kz-2012", Election: def})
			return err
		}},
		"CreateElection/election.contests of another election": {"CreateElection", "election.contests", otherElection, func(ctx context.Context) error {
			e := proto.Clone(def).(*tallyv1.Election)
			e.Name = ""
			e.Contests[0].Name = "elections/kz-copy/contests/mazhilis"
			_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "kz-2012", Election: e})
			return err
		}},
		"CreateElection/election.chambers": {"CreateElection", "election.chambers", inScope, func(ctx context.Context) error {
			_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "kz-2012", Election: withChamber(def)})
			return err
		}},
		"CreateElection/election.chambers.tiers": {"CreateElection", "election.chambers.tiers", inScope, func(ctx context.Context) error {
			_, err := c.CreateElection(ctx, &tallyv1.CreateElectionRequest{ElectionId: "kz-2012", Election: withChamber(def)})
			return err
		}},
		"BatchCreateReportingUnits": {"BatchCreateReportingUnits", "", inScope, func(ctx context.Context) error {
			_, err := c.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012"})
			return err
		}},
		"BatchCreateReportingUnits/units": {"BatchCreateReportingUnits", "units", inScope, func(ctx context.Context) error {
			_, err := c.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012",
				Units: []*tallyv1.ReportingUnit{{Name: "elections/kz-2012/units/kz", DisplayName: "Kazakhstan", Level: "nation"}}})
			return err
		}},
		"BatchCreateReportingUnits/units of another election": {"BatchCreateReportingUnits", "units", otherElection, func(ctx context.Context) error {
			_, err := c.BatchCreateReportingUnits(ctx, &tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/kz-2012",
				Units: []*tallyv1.ReportingUnit{{Name: "elections/kz-copy/units/kz", DisplayName: "Kazakhstan", Level: "nation"}}})
			return err
		}},
		"SetContestPhase": {"SetContestPhase", "", inScope, func(ctx context.Context) error {
			_, err := c.SetContestPhase(ctx, &tallyv1.SetContestPhaseRequest{Name: contest})
			return err
		}},
		"SubmitProtocol":                   {"SubmitProtocol", "", inScope, submit(fix)},
		"SubmitProtocol out of scope":      {"SubmitProtocol", "", otherUnit, submit(outFix)},
		"SubmitProtocol another election":  {"SubmitProtocol", "", otherElection, submit(copyFix)},
		"ImportProtocols":                  {"ImportProtocols", "", noTarget, imp(&tallyv1.ImportProtocolsRequest{})},
		"ImportProtocols/protocol":         {"ImportProtocols", "protocol", inScope, imp(&tallyv1.ImportProtocolsRequest{Protocol: fix})},
		"ImportProtocols/protocol out":     {"ImportProtocols", "protocol", otherUnit, imp(&tallyv1.ImportProtocolsRequest{Protocol: outFix})},
		"ImportProtocols/protocol other":   {"ImportProtocols", "protocol", otherElection, imp(&tallyv1.ImportProtocolsRequest{Protocol: copyFix})},
		"ImportProtocols/rows":             {"ImportProtocols", "rows", inScope, imp(&tallyv1.ImportProtocolsRequest{Rows: &tallyv1.ProtocolRows{Parent: contest}})},
		"ImportProtocols/rows other":       {"ImportProtocols", "rows", otherElection, imp(&tallyv1.ImportProtocolsRequest{Rows: &tallyv1.ProtocolRows{Parent: "elections/kz-copy/contests/mazhilis"}})},
		"ImportProtocols/rows.rows":        {"ImportProtocols", "rows.rows", inScope, imp(&tallyv1.ImportProtocolsRequest{Rows: rowsOf(contest, fix)})},
		"ImportProtocols/rows.rows second": {"ImportProtocols", "rows.rows", otherUnit, imp(&tallyv1.ImportProtocolsRequest{Rows: rowsOf(contest, fix, outFix)})},
		// The second message of a stream is checked like the first.
		"ImportProtocols/rows.rows second message": {"ImportProtocols", "rows.rows", otherUnit, imp(
			&tallyv1.ImportProtocolsRequest{Rows: rowsOf(contest, fix)}, &tallyv1.ImportProtocolsRequest{Rows: rowsOf(contest, outFix)})},
		"ImportProtocols/rows.rows other":            {"ImportProtocols", "rows.rows", otherElection, imp(&tallyv1.ImportProtocolsRequest{Rows: rowsOf("elections/kz-copy/contests/mazhilis", copyFix)})},
		"ImportProtocols/rows.rows other under this": {"ImportProtocols", "rows.rows", otherElection, imp(&tallyv1.ImportProtocolsRequest{Rows: rowsOf(contest, copyFix)})},
		"GetElection": {"GetElection", "", inScope, func(ctx context.Context) error {
			_, err := c.GetElection(ctx, &tallyv1.GetElectionRequest{Name: "elections/kz-2012"})
			return err
		}},
		"GetElection of another election": {"GetElection", "", otherElection, func(ctx context.Context) error {
			_, err := c.GetElection(ctx, &tallyv1.GetElectionRequest{Name: "elections/kz-copy"})
			return err
		}},
		"ListElections": {"ListElections", "", noTarget, func(ctx context.Context) error {
			_, err := c.ListElections(ctx, &tallyv1.ListElectionsRequest{})
			return err
		}},
		"GetContest": {"GetContest", "", inScope, func(ctx context.Context) error {
			_, err := c.GetContest(ctx, &tallyv1.GetContestRequest{Name: contest})
			return err
		}},
		"GetReportingUnit": {"GetReportingUnit", "", inScope, func(ctx context.Context) error {
			_, err := c.GetReportingUnit(ctx, &tallyv1.GetReportingUnitRequest{Name: "elections/kz-2012/units/astana"})
			return err
		}},
		"ListReportingUnits": {"ListReportingUnits", "", inScope, func(ctx context.Context) error {
			_, err := c.ListReportingUnits(ctx, &tallyv1.ListReportingUnitsRequest{Parent: "elections/kz-2012"})
			return err
		}},
		"GetProtocol": {"GetProtocol", "", inScope, func(ctx context.Context) error {
			_, err := c.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
			return err
		}},
		"ListProtocols": {"ListProtocols", "", inScope, func(ctx context.Context) error {
			_, err := c.ListProtocols(ctx, &tallyv1.ListProtocolsRequest{Parent: contest})
			return err
		}},
		"GetTotals": {"GetTotals", "", inScope, func(ctx context.Context) error {
			_, err := c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: national})
			return err
		}},
		"GetTotals of another election": {"GetTotals", "", otherElection, func(ctx context.Context) error {
			_, err := c.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: "elections/kz-copy/contests/mazhilis/totals/kz"})
			return err
		}},
		"ListChanges": {"ListChanges", "", inScope, func(ctx context.Context) error {
			_, err := c.ListChanges(ctx, &tallyv1.ListChangesRequest{Name: national})
			return err
		}},
		"GetCheckpoint": {"GetCheckpoint", "", inScope, func(ctx context.Context) error {
			_, err := c.GetCheckpoint(ctx, &tallyv1.GetCheckpointRequest{Name: "elections/kz-2012/checkpoints/current"})
			return err
		}},
		"GetInclusionProof": {"GetInclusionProof", "", inScope, func(ctx context.Context) error {
			_, err := c.GetInclusionProof(ctx, &tallyv1.GetInclusionProofRequest{Name: "elections/kz-2012/log", LeafIndex: 1})
			return err
		}},
		"GetConsistencyProof": {"GetConsistencyProof", "", inScope, func(ctx context.Context) error {
			_, err := c.GetConsistencyProof(ctx, &tallyv1.GetConsistencyProofRequest{Name: "elections/kz-2012/log", FirstTreeSize: 1})
			return err
		}},
		"ListLogEntries": {"ListLogEntries", "", inScope, func(ctx context.Context) error {
			_, err := c.ListLogEntries(ctx, &tallyv1.ListLogEntriesRequest{Parent: "elections/kz-2012/log", PageSize: 2})
			return err
		}},
		"ListLogEntries of another election": {"ListLogEntries", "", otherElection, func(ctx context.Context) error {
			_, err := c.ListLogEntries(ctx, &tallyv1.ListLogEntriesRequest{Parent: "elections/kz-copy/log", PageSize: 2})
			return err
		}},
		"ExportElection": {"ExportElection", "", inScope, func(ctx context.Context) error {
			s, err := c.ExportElection(ctx, &tallyv1.ExportElectionRequest{Name: "elections/kz-2012"})
			if err != nil {
				return err
			}
			_, err = s.Recv()
			return err
		}},
		"GetForensicsReport": {"GetForensicsReport", "", inScope, func(ctx context.Context) error {
			_, err := c.GetForensicsReport(ctx, &tallyv1.GetForensicsReportRequest{Name: contest + "/forensicsReports/kz", Replicates: 10})
			return err
		}},
		"WatchTotals": {"WatchTotals", "", inScope, func(ctx context.Context) error {
			s, err := c.WatchTotals(ctx, &tallyv1.WatchTotalsRequest{Name: national})
			if err != nil {
				return err
			}
			_, err = s.Recv()
			return err
		}},
	}

	// The table against the descriptors: every method of the service, every
	// shape of its request, and for submissions the three scopes.
	rules := tallyapi.AccessRules()
	sd := tallyv1.File_mandate_tally_v1_tally_service_proto.Services().ByName("TallyService")
	have := map[string]map[scope]bool{}
	for name, r := range rows {
		key := r.method + "/" + r.shape
		if have[key] == nil {
			have[key] = map[scope]bool{}
		}
		have[key][r.scope] = true
		if sd.Methods().ByName(protoreflect.Name(r.method)) == nil {
			t.Errorf("row %q: no method %s", name, r.method)
		}
	}
	want := 0
	for i := range sd.Methods().Len() {
		m := sd.Methods().Get(i)
		full := "/" + string(sd.FullName()) + "/" + string(m.Name())
		rule, ok := rules[full]
		if !ok {
			t.Errorf("%s has no access rule", full)
		}
		for _, shape := range shapes(m.Input()) {
			want++
			key := string(m.Name()) + "/" + shape
			elections, units := direct(m.Input(), shape)
			switch {
			case !have[key][inScope] && !have[key][noTarget]:
				t.Errorf("%s: no row in the access matrix for a message of shape %q", m.Name(), shape)
			case rule.Access == auth.Submit && elections && !have[key][otherElection]:
				t.Errorf("%s: shape %q names an election: it needs a row in another election", m.Name(), shape)
			case rule.Access == auth.Submit && units && !have[key][otherUnit]:
				t.Errorf("%s: shape %q names a unit: it needs a row for a unit out of scope", m.Name(), shape)
			}
			delete(have, key)
		}
	}
	for key := range have {
		t.Errorf("row %s: no such method or shape in the descriptors", key)
	}
	if len(rules) != sd.Methods().Len() {
		t.Errorf("%d rules for %d methods", len(rules), sd.Methods().Len())
	}
	t.Logf("%d methods, %d shapes, %d rows", sd.Methods().Len(), want, len(rows))

	commission := func(a auth.Access, s scope, electionBound bool) codes.Code {
		switch {
		case a == auth.Administer:
			return codes.PermissionDenied
		case electionBound && s == otherElection:
			return codes.PermissionDenied
		case a == auth.Submit && s == otherUnit:
			return codes.PermissionDenied
		}
		// A credential not bound to an election may submit for its
		// units in every election that has them.
		return codes.OK
	}
	callers := []struct {
		name  string
		token string
		// want returns the expected access-control answer.
		want func(a auth.Access, s scope) codes.Code
	}{
		{"anonymous", "", func(a auth.Access, _ scope) codes.Code {
			if a == auth.Read {
				return codes.OK
			}
			return codes.Unauthenticated
		}},
		{"forged", "mandate1.e30.AAAA", func(auth.Access, scope) codes.Code { return codes.Unauthenticated }},
		{"reader", token(t, signer, auth.Claims{Subject: "press", Role: auth.Reader}), func(a auth.Access, _ scope) codes.Code {
			if a == auth.Read {
				return codes.OK
			}
			return codes.PermissionDenied
		}},
		{"reader of kz-2012", token(t, signer, auth.Claims{Subject: "press", Role: auth.Reader, Election: "kz-2012"}), func(a auth.Access, s scope) codes.Code {
			if a == auth.Read && s != otherElection {
				return codes.OK
			}
			return codes.PermissionDenied
		}},
		{"commission astana", token(t, signer, auth.Claims{Subject: "tec-astana", Role: auth.Commission, Units: []string{"astana"}}), func(a auth.Access, s scope) codes.Code {
			return commission(a, s, false)
		}},
		{"commission of one station", token(t, signer, auth.Claims{Subject: "uik", Role: auth.Commission, Units: []string{"astana-1"}}), func(a auth.Access, s scope) codes.Code {
			return commission(a, s, false)
		}},
		{"commission of one station of kz-2012", token(t, signer, auth.Claims{Subject: "uik", Role: auth.Commission, Units: []string{"astana-1"}, Election: "kz-2012"}), func(a auth.Access, s scope) codes.Code {
			return commission(a, s, true)
		}},
		{"admin", token(t, signer, auth.Claims{Subject: "cec", Role: auth.Admin}), func(auth.Access, scope) codes.Code { return codes.OK }},
		{"admin of kz-2012", token(t, signer, auth.Claims{Subject: "cec", Role: auth.Admin, Election: "kz-2012"}), func(_ auth.Access, s scope) codes.Code {
			if s == otherElection {
				return codes.PermissionDenied
			}
			return codes.OK
		}},
		{"admin of another election", token(t, signer, auth.Claims{Subject: "cec", Role: auth.Admin, Election: "ru-duma-2016"}), func(auth.Access, scope) codes.Code {
			return codes.PermissionDenied
		}},
	}
	for _, who := range callers {
		for name, r := range rows {
			t.Run(who.name+"/"+name, func(t *testing.T) {
				cctx := ctx
				if who.token != "" {
					cctx = metadata.AppendToOutgoingContext(ctx, "authorization", "Bearer "+who.token)
				}
				full := "/" + string(sd.FullName()) + "/" + r.method
				want := who.want(rules[full].Access, r.scope)
				if r.scope == noTarget {
					want = who.want(rules[full].Access, inScope)
					if who.name == "admin of another election" {
						want = codes.OK
					}
				}
				if got := denied(r.call(cctx)); got != want {
					t.Errorf("access %v, want %v", got, want)
				}
			})
		}
	}

	// Private reads: the same reads need a token.
	priv, _ := startWithAuth(t, false)
	if _, err := priv.GetTotals(ctx, &tallyv1.GetTotalsRequest{Name: national}); status.Code(err) != codes.Unauthenticated {
		t.Errorf("anonymous read with private reads: %v", err)
	}
}

// copyDemo defines kz-copy, the demo under another election id, with its
// protocols, as an administrator.
func copyDemo(t *testing.T, c tallyv1.TallyServiceClient, signer auth.Signer) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(examples(t), "kz-2012", "election.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	def := filepath.Join(t.TempDir(), "election.yaml")
	if err := os.WriteFile(def, []byte(strings.Replace(string(src), "\nid: kz-2012\n", "\nid: kz-copy\n", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+token(t, signer, auth.Claims{Subject: "cec", Role: auth.Admin}))
	if id, err := tallyclient.Define(ctx, c, def); err != nil || id != "kz-copy" {
		t.Fatalf("define the copy: %q %v", id, err)
	}
	rep, err := tallyclient.ImportCSV(ctx, c, def, filepath.Join(examples(t), "kz-2012", "protocols.csv"), nil)
	if err != nil || rep.Accepted != 48 {
		t.Fatalf("import the copy: %+v %v", rep, err)
	}
}

// importMsgs streams msgs to ImportProtocols.
func importMsgs(ctx context.Context, c tallyv1.TallyServiceClient, msgs ...*tallyv1.ImportProtocolsRequest) error {
	s, err := c.ImportProtocols(ctx)
	if err != nil {
		return err
	}
	for _, m := range msgs {
		// A refused stream may already be closed when Send runs
		// (io.EOF); the status comes with CloseAndRecv either way.
		if s.Send(m) != nil {
			break
		}
	}
	_, err = s.CloseAndRecv()
	return err
}

// TestSubmitterRecorded: the protocol records which credential sent it.
func TestSubmitterRecorded(t *testing.T) {
	c, signer := startWithAuth(t, true)
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization",
		"Bearer "+token(t, signer, auth.Claims{Subject: "tec-astana", Role: auth.Commission, Units: []string{"astana"}}))
	resp, err := c.SubmitProtocol(ctx, correction(t, c, "astana-2", "s-1", 3))
	if err != nil {
		t.Fatal(err)
	}
	if got := resp.GetProtocol().GetCurrent().GetSubmitter(); got != "commission:tec-astana" {
		t.Errorf("submitter %q", got)
	}
}

// TestImportRowsOutOfScope is issue 14's attack: a commission of two stations
// of kz-2012 imports rows for its station and another, and rows into
// another election. Each message is refused whole, naming the row, and
// nothing of it is stored.
func TestImportRowsOutOfScope(t *testing.T) {
	c, signer := startWithAuth(t, true)
	copyDemo(t, c, signer)
	ctx := metadata.AppendToOutgoingContext(context.Background(), "authorization",
		"Bearer "+token(t, signer, auth.Claims{Subject: "uik", Role: auth.Commission, Units: []string{"astana-1", "astana-2"}, Election: "kz-2012"}))
	own := correction(t, c, "astana-1", "x-1", 5)
	rows := func(parent string, stations ...string) *tallyv1.ImportProtocolsRequest {
		cols := []string{}
		for _, k := range slices.Sorted(maps.Keys(own.GetLines())) {
			cols = append(cols, "lines."+k)
		}
		for _, k := range slices.Sorted(maps.Keys(own.GetVotes())) {
			cols = append(cols, "votes."+k)
		}
		r := &tallyv1.ProtocolRows{Parent: parent, Columns: cols}
		for i, st := range stations {
			row := &tallyv1.ProtocolRow{Station: st, RequestId: "row-" + strconv.Itoa(i), Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION, ReplacesVersion: 1, Reason: "attack"}
			for _, col := range cols {
				kind, id, _ := strings.Cut(col, ".")
				if kind == "lines" {
					row.Counts = append(row.Counts, own.GetLines()[id])
				} else {
					row.Counts = append(row.Counts, own.GetVotes()[id])
				}
			}
			r.Rows = append(r.Rows, row)
		}
		return &tallyv1.ImportProtocolsRequest{Rows: r}
	}
	for _, tc := range []struct {
		name  string
		msgs  []*tallyv1.ImportProtocolsRequest
		field string
	}{
		{"another station", []*tallyv1.ImportProtocolsRequest{rows(contest, "elections/kz-2012/units/astana-1", "elections/kz-2012/units/almaty-city-1")}, "rows.rows[1].station"},
		{"another election", []*tallyv1.ImportProtocolsRequest{rows("elections/kz-copy/contests/mazhilis", "elections/kz-copy/units/astana-1")}, "rows.parent"},
		{"a station of another election", []*tallyv1.ImportProtocolsRequest{rows(contest, "elections/kz-copy/units/astana-1")}, "rows.rows[0].station"},
		// An in-scope message before it may be stored (imports commit
		// in batches); the refused message is not.
		{"in the second message", []*tallyv1.ImportProtocolsRequest{rows(contest, "elections/kz-2012/units/astana-2"), rows(contest, "elections/kz-2012/units/almaty-city-1")}, "rows.rows[0].station"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := importMsgs(ctx, c, tc.msgs...)
			st := status.Convert(err)
			if st.Code() != codes.PermissionDenied {
				t.Fatalf("import: %v", err)
			}
			var info *errdetails.ErrorInfo
			for _, d := range st.Details() {
				if i, ok := d.(*errdetails.ErrorInfo); ok {
					info = i
				}
			}
			if info.GetReason() != "OUT_OF_SCOPE" || info.GetMetadata()["field"] != tc.field || !strings.Contains(st.Message(), tc.field) {
				t.Errorf("refusal %q %v, want the field %s", st.Message(), info, tc.field)
			}
		})
	}
	// Nothing refused was stored: every protocol the attack named has one
	// version.
	for _, name := range []string{contest + "/protocols/astana-1", contest + "/protocols/almaty-city-1", "elections/kz-copy/contests/mazhilis/protocols/astana-1"} {
		p, err := c.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: name})
		if err != nil || len(p.GetVersions()) != 1 {
			t.Errorf("%s: %d versions, %v", name, len(p.GetVersions()), err)
		}
	}
	// The same rows in scope are taken.
	if err := importMsgs(ctx, c, rows(contest, "elections/kz-2012/units/astana-1")); err != nil {
		t.Fatal(err)
	}
	if p, _ := c.GetProtocol(context.Background(), &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"}); len(p.GetVersions()) != 2 || p.GetCurrent().GetSubmitter() != "commission:uik" {
		t.Errorf("in scope: %v", p.GetCurrent())
	}
}

// TestResourceTargets: what access control reads from each kind of name.
func TestResourceTargets(t *testing.T) {
	for _, tc := range []struct {
		req  proto.Message
		want []auth.Target
	}{
		{&tallyv1.ImportProtocolsRequest{Rows: &tallyv1.ProtocolRows{Parent: contest, Rows: []*tallyv1.ProtocolRow{
			{Station: "elections/kz-2012/units/astana-1"}, {Station: "elections/e2/units/u2"}, {Station: "elections/e2/units/u2/x"}}}},
			[]auth.Target{{Field: "rows.parent", Election: "kz-2012"}, {Field: "rows.rows[0].station", Election: "kz-2012", Unit: "astana-1"},
				{Field: "rows.rows[1].station", Election: "e2", Unit: "u2"}, {Field: "rows.rows[2].station"}}},
		{&tallyv1.ImportProtocolsRequest{Protocol: &tallyv1.SubmitProtocolRequest{Parent: contest, Station: "elections/kz-2012/units/s"}},
			[]auth.Target{{Field: "protocol.parent", Election: "kz-2012"}, {Field: "protocol.station", Election: "kz-2012", Unit: "s"}}},
		{&tallyv1.CreateElectionRequest{ElectionId: "e1", Election: &tallyv1.Election{Contests: []*tallyv1.Contest{{Name: "elections/e2/contests/c"}}}},
			[]auth.Target{{Field: "election_id", Election: "e1"}, {Field: "election.contests[0].name", Election: "e2"}}},
		{&tallyv1.BatchCreateReportingUnitsRequest{Parent: "elections/e1", Units: []*tallyv1.ReportingUnit{{Name: "elections/e2/units/u"}}},
			[]auth.Target{{Field: "parent", Election: "e1"}, {Field: "units[0].name", Election: "e2", Unit: "u"}}},
		{&tallyv1.GetTotalsRequest{Name: "elections/e1/contests/c/totals/u"}, []auth.Target{{Field: "name", Election: "e1", Unit: "u"}}},
		{&tallyv1.ListLogEntriesRequest{Parent: "elections/e1/log"}, []auth.Target{{Field: "parent", Election: "e1"}}},
		{&tallyv1.GetInclusionProofRequest{Name: "elections/e1/log"}, []auth.Target{{Field: "name", Election: "e1"}}},
		{&tallyv1.ListElectionsRequest{PageToken: "elections/e1"}, nil},
	} {
		if got := auth.ResourceTargets(tc.req); !slices.Equal(got, tc.want) {
			t.Errorf("%T:\n got %+v\nwant %+v", tc.req, got, tc.want)
		}
	}
}

// BenchmarkResourceTargets is what access control adds per message: the
// walk over a protocol, and over a batch of 1,000 rows.
func BenchmarkResourceTargets(b *testing.B) {
	one := &tallyv1.SubmitProtocolRequest{Parent: contest, Station: "elections/kz-2012/units/astana-1", RequestId: "r",
		Lines: map[string]int64{"registered": 1, "valid": 1}, Votes: map[string]int64{"a": 1, "b": 2}}
	rows := &tallyv1.ProtocolRows{Parent: contest, Columns: []string{"lines.valid", "votes.a"}}
	for i := range 1000 {
		rows.Rows = append(rows.Rows, &tallyv1.ProtocolRow{Station: "elections/kz-2012/units/s-" + strconv.Itoa(i), RequestId: "r", Counts: []int64{1, 2}})
	}
	batch := &tallyv1.ImportProtocolsRequest{Rows: rows}
	b.Run("protocol", func(b *testing.B) {
		for b.Loop() {
			auth.ResourceTargets(one)
		}
	})
	b.Run("1000 rows", func(b *testing.B) {
		for b.Loop() {
			auth.ResourceTargets(batch)
		}
	})
}
