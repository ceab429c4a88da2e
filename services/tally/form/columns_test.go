package form

import (
	"errors"
	"maps"
	"slices"
	"testing"
)

// TestRowsCheckLikeMaps: a submission whose counts come as a row of
// columns (Submission.Cols) is checked, hashed and refused exactly as the
// same submission with maps built from the row, in every column order
// and with unknown, missing or repeated columns.
func TestRowsCheckLikeMaps(t *testing.T) {
	cc := testContest(t)
	type col struct {
		id    string
		votes bool
	}
	all := []col{{"registered", false}, {"cast", false}, {"valid", false}, {"nur-otan", true}, {"ER", true}}
	for _, tc := range []struct {
		name   string
		cols   []col
		counts []int64
	}{
		{"form order", all, []int64{100, 90, 80, 50, 30}},
		{"canonical order", []col{all[1], all[0], all[2], all[4], all[3]}, []int64{90, 100, 80, 30, 50}},
		{"broken relation", all, []int64{100, 90, 80, 50, 31}},
		{"negative", all, []int64{100, 90, 80, 50, -30}},
		{"above the most", all, []int64{MaxCount + 1, 90, 80, 50, 30}},
		{"missing line", all[1:], []int64{90, 80, 50, 30}},
		{"missing choice", all[:4], []int64{100, 90, 80, 50}},
		{"unknown line", append(slices.Clone(all), col{"spoilt", false}), []int64{100, 90, 80, 50, 30, 1}},
		{"unknown choice", append(slices.Clone(all), col{"X", true}), []int64{100, 90, 80, 50, 30, 1}},
		{"a line as a choice", []col{all[0], all[1], {"valid", true}, all[3], all[4]}, []int64{100, 90, 80, 50, 30}},
		{"repeated column, later wins", append(slices.Clone(all), col{"valid", false}), []int64{100, 90, 7, 50, 30, 80}},
		{"repeated in place of one", []col{all[0], all[1], all[1], all[3], all[4]}, []int64{100, 90, 90, 50, 30}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cols := &Columns{}
			for _, c := range tc.cols {
				cols.IDs, cols.Votes = append(cols.IDs, c.id), append(cols.Votes, c.votes)
			}
			row := Submission{Election: "e", Contest: "c", Station: "s", Kind: Original, IdempotencyKey: "k", Cols: cols, Counts: tc.counts}
			byMaps := row.WithMaps()
			// Twice: the second time the columns' placement is cached.
			for range 2 {
				gv, gw, gerr := cc.Check(row)
				wv, ww, werr := cc.Check(byMaps)
				if !slices.Equal(gv, wv) || !slices.EqualFunc(gw, ww, sameViolation) || !sameError(gerr, werr) {
					t.Fatalf("row: %v %v %v\nmaps: %v %v %v", gv, gw, gerr, wv, ww, werr)
				}
				if gerr == nil {
					if got, want := cc.ContentHashOf(row, gv), ContentHash(byMaps); got != want {
						t.Errorf("ContentHashOf %s, ContentHash of the maps %s", got, want)
					}
					if got, want := ContentHash(row), ContentHash(byMaps); got != want {
						t.Errorf("ContentHash of the row %s, of the maps %s", got, want)
					}
				}
			}
			lines, votes := row.CountMaps()
			if !maps.Equal(lines, byMaps.Lines) || !maps.Equal(votes, byMaps.Votes) || byMaps.Cols != nil {
				t.Errorf("CountMaps %v %v, WithMaps %+v", lines, votes, byMaps)
			}
		})
	}
}

func sameViolation(a, b Violation) bool {
	return a.Code == b.Code && a.Left == b.Left && a.Right == b.Right && slices.Equal(a.Fields, b.Fields)
}

func sameError(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	var fa, fb *FieldError
	if errors.As(a, &fa) != errors.As(b, &fb) {
		return false
	}
	if fa != nil {
		return fa.Field == fb.Field && fa.Reason == fb.Reason
	}
	var va, vb *ValidationError
	return errors.As(a, &va) && errors.As(b, &vb) && slices.EqualFunc(va.Violations, vb.Violations, sameViolation)
}

// TestColumnsPlacedPerContest: columns resolved for one contest are
// resolved again for another, not reused.
func TestColumnsPlacedPerContest(t *testing.T) {
	a := testContest(t)
	b, err := CompileContest(Contest{
		ID: "b", DisplayName: "B", Kind: PartyList, ThresholdBase: RoleValid,
		Form: Form{Lines: []Line{
			{ID: "valid", Number: "1", Name: "V", Roles: []Role{RoleValid}},
			{ID: "cast", Number: "2", Name: "C", Roles: []Role{RoleBallotsCast}},
			{ID: "registered", Number: "3", Name: "R", Roles: []Role{RoleRegistered}},
		}},
		Choices: []Choice{{ID: "ER", Name: "E", BallotOrder: 1}, {ID: "nur-otan", Name: "N", BallotOrder: 2}},
	})
	if err != nil {
		t.Fatal(err)
	}
	cols := &Columns{IDs: []string{"registered", "cast", "valid", "nur-otan", "ER"}, Votes: []bool{false, false, false, true, true}}
	row := Submission{Election: "e", Contest: "b", Station: "s", Kind: Original, IdempotencyKey: "k", Cols: cols, Counts: []int64{100, 90, 80, 50, 30}}
	for _, tc := range []struct {
		cc   *Compiled
		want []int64
	}{{a, []int64{100, 90, 80, 50, 30}}, {b, []int64{80, 90, 100, 30, 50}}, {a, []int64{100, 90, 80, 50, 30}}} {
		if vals, _, err := tc.cc.Check(row); err != nil || !slices.Equal(vals, tc.want) {
			t.Errorf("contest %s: %v %v, want %v", tc.cc.ID, vals, err, tc.want)
		}
	}
}
