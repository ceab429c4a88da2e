package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/tally/form"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// runUnits: `mandatectl units --election E [--parent U | --find TEXT |
// --path U]`: list a unit's children, find units by name or name prefix, or
// show the path from the root to a unit. Every U may be an id, a full
// resource name or an unambiguous display name.
func runUnits(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs := newFlags("units", errOut)
	cf := connFlags(fs, "127.0.0.1:50051")
	election := fs.String("election", "", "election id (required)")
	parent := fs.String("parent", "", "list the children of this unit (id, elections/{e}/units/{u} or display name); empty lists the root and its children")
	find := fs.String("find", "", "list the units whose display name starts with this text (case-insensitive), with their paths")
	path := fs.String("path", "", "print the path from the root to this unit")
	limit := fs.Int("limit", 50, "with --find: most units to print")
	if err := fs.Parse(args); err != nil {
		return err
	}
	set := 0
	for _, s := range []string{*parent, *find, *path} {
		if s != "" {
			set++
		}
	}
	if *election == "" || set > 1 || fs.NArg() > 0 {
		return fmt.Errorf("%w: --election is required; give at most one of --parent, --find, --path", errUsage)
	}
	conn, err := cf.dial()
	if err != nil {
		return err
	}
	defer conn.Close()
	c := tallyv1.NewTallyServiceClient(conn)
	switch {
	case *find != "":
		prefix := strings.ToLower(*find)
		found, err := walkUnits(ctx, c, *election, func(u *tallyv1.ReportingUnit) bool {
			return strings.HasPrefix(strings.ToLower(u.GetDisplayName()), prefix)
		}, false)
		if err != nil {
			return err
		}
		if len(found) == 0 {
			return fmt.Errorf("no unit of election %s has a name starting with %q", *election, *find)
		}
		for i, u := range found {
			if i == *limit {
				fmt.Fprintf(out, "... and %d more (--limit)\n", len(found)-i)
				break
			}
			p, err := unitPath(ctx, c, u)
			if err != nil {
				return err
			}
			fmt.Fprintf(out, "%-24s %-10s %s\n", unitID(u), u.GetLevel(), pathText(p))
		}
	case *path != "":
		u, err := resolveUnit(ctx, c, *election, *path)
		if err != nil {
			return err
		}
		p, err := unitPath(ctx, c, u)
		if err != nil {
			return err
		}
		for depth, pu := range p {
			fmt.Fprintf(out, "%s%s (%s, %s)\n", strings.Repeat("  ", depth), pu.GetDisplayName(), pu.GetLevel(), unitID(pu))
		}
	default:
		var u *tallyv1.ReportingUnit
		if u, err = resolveUnit(ctx, c, *election, *parent); err != nil {
			return err
		}
		fmt.Fprintf(out, "%s (%s, %s)\n", u.GetDisplayName(), u.GetLevel(), unitID(u))
		children, err := listChildren(ctx, c, *election, u.GetName())
		if err != nil {
			return err
		}
		for _, ch := range children {
			reg := ""
			if ch.GetStation() {
				reg = fmt.Sprintf("  %d registered", ch.GetRegisteredVoters())
			}
			fmt.Fprintf(out, "  %-24s %-10s %s%s\n", unitID(ch), ch.GetLevel(), ch.GetDisplayName(), reg)
		}
	}
	return nil
}

func unitID(u *tallyv1.ReportingUnit) string {
	_, id, _ := strings.Cut(u.GetName(), "/units/")
	return id
}

func pathText(p []*tallyv1.ReportingUnit) string {
	names := make([]string, len(p))
	for i, u := range p {
		names[i] = u.GetDisplayName()
	}
	return strings.Join(names, " > ")
}

// listChildren pages through ListReportingUnits; parent "" lists the root.
func listChildren(ctx context.Context, c tallyv1.TallyServiceClient, election, parent string) ([]*tallyv1.ReportingUnit, error) {
	var out []*tallyv1.ReportingUnit
	token := ""
	for {
		resp, err := c.ListReportingUnits(ctx, &tallyv1.ListReportingUnitsRequest{
			Parent: "elections/" + election, ParentUnit: parent, PageSize: 1000, PageToken: token})
		if err != nil {
			return nil, fmt.Errorf("%s", tallyclient.Describe(err))
		}
		out = append(out, resp.GetReportingUnits()...)
		if token = resp.GetNextPageToken(); token == "" {
			return out, nil
		}
	}
}

// walkUnits visits the hierarchy level by level from the root and returns
// the units that match. With firstLevel it stops after the first level
// holding a match: a name names the shallowest units that carry it.
// Stations have no children and are not listed further.
func walkUnits(ctx context.Context, c tallyv1.TallyServiceClient, election string, match func(*tallyv1.ReportingUnit) bool, firstLevel bool) ([]*tallyv1.ReportingUnit, error) {
	level, err := listChildren(ctx, c, election, "")
	if err != nil {
		return nil, err
	}
	var found []*tallyv1.ReportingUnit
	for len(level) > 0 {
		var next []*tallyv1.ReportingUnit
		for _, u := range level {
			if match(u) {
				found = append(found, u)
			}
		}
		if firstLevel && len(found) > 0 {
			return found, nil
		}
		for _, u := range level {
			if u.GetStation() {
				continue
			}
			children, err := listChildren(ctx, c, election, u.GetName())
			if err != nil {
				return nil, err
			}
			next = append(next, children...)
		}
		level = next
	}
	return found, nil
}

// unitPath is the chain of units from the root down to u.
func unitPath(ctx context.Context, c tallyv1.TallyServiceClient, u *tallyv1.ReportingUnit) ([]*tallyv1.ReportingUnit, error) {
	p := []*tallyv1.ReportingUnit{u}
	for u.GetParentUnit() != "" && len(p) < 64 {
		var err error
		if u, err = c.GetReportingUnit(ctx, &tallyv1.GetReportingUnitRequest{Name: u.GetParentUnit()}); err != nil {
			return nil, fmt.Errorf("%s", tallyclient.Describe(err))
		}
		p = append([]*tallyv1.ReportingUnit{u}, p...)
	}
	return p, nil
}

// resolveUnit turns what a user typed for a unit into the unit: "" is the
// root; "elections/{e}/units/{u}" and a unit id are looked up; anything
// else, or an id that does not exist, is a display name, matched exactly
// (ignoring case) at the shallowest level of the hierarchy that has it. A
// name carried by several units of that level is refused with their ids.
func resolveUnit(ctx context.Context, c tallyv1.TallyServiceClient, election, ref string) (*tallyv1.ReportingUnit, error) {
	if ref == "" {
		roots, err := listChildren(ctx, c, election, "")
		if err != nil {
			return nil, err
		}
		if len(roots) == 0 {
			return nil, fmt.Errorf("election %s has no units", election)
		}
		return roots[0], nil
	}
	prefix := "elections/" + election + "/units/"
	if strings.HasPrefix(ref, "elections/") {
		if !strings.HasPrefix(ref, prefix) {
			return nil, fmt.Errorf("%w: unit %q is not a unit of election %s (want %s{unit})", errUsage, ref, election, prefix)
		}
		u, err := c.GetReportingUnit(ctx, &tallyv1.GetReportingUnitRequest{Name: ref})
		if err != nil {
			return nil, fmt.Errorf("%s", tallyclient.Describe(err))
		}
		return u, nil
	}
	if form.IsValidUnitID(ref) {
		u, err := c.GetReportingUnit(ctx, &tallyv1.GetReportingUnitRequest{Name: prefix + ref})
		if err == nil {
			return u, nil
		}
		if status.Code(err) != codes.NotFound {
			return nil, fmt.Errorf("%s", tallyclient.Describe(err))
		}
	}
	found, err := walkUnits(ctx, c, election, func(u *tallyv1.ReportingUnit) bool {
		return strings.EqualFold(u.GetDisplayName(), ref)
	}, true)
	if err != nil {
		return nil, err
	}
	switch len(found) {
	case 0:
		return nil, fmt.Errorf("election %s has no unit with the id or name %q (mandatectl units --election %s --find TEXT lists names)", election, ref, election)
	case 1:
		return found[0], nil
	}
	ids := make([]string, len(found))
	for i, u := range found {
		ids[i] = unitID(u)
	}
	return nil, fmt.Errorf("%d units of election %s are named %q (%s): give the id", len(found), election, ref, strings.Join(ids, ", "))
}

// unitOrRoot resolves a unit given as id, full name or display name to its id.
func unitOrRoot(ctx context.Context, c tallyv1.TallyServiceClient, election, unit string) (string, error) {
	u, err := resolveUnit(ctx, c, election, unit)
	if err != nil {
		return "", err
	}
	return unitID(u), nil
}
