package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/definition"
	"github.com/mandate-project/mandate/services/tally/importer"
	"github.com/mandate-project/mandate/services/tally/internal/tally"
)

// Final national results of the early presidential election of 3 April 2011
// as published by the Central Election Commission of Kazakhstan, in the
// order of the definition (alphabetical). Their sum, 8,216,370, reproduces
// the published shares: 95.55, 1.94, 1.36 and 1.15 %.
var kz2011Candidates = []struct {
	id    string
	votes int64
}{
	{"akhmetbekov", 111_924}, {"kasymov", 159_036}, {"nazarbayev", 7_850_958}, {"yeleusizov", 94_452},
}

// The invalid ballots and the registered voters are synthetic: chosen so that
// the turnout (ballots cast over registered) rounds to the published 89.98 %.
const (
	kz2011Valid      = 8_216_370
	kz2011Invalid    = 24_870 // synthetic
	kz2011Cast       = kz2011Valid + kz2011Invalid
	kz2011Registered = 9_158_969 // synthetic; 8,241,240 / 9,158,969 = 89.98 %
)

func generateKZ2011() []kzStation {
	rng := rand.New(rand.NewPCG(2011, 403))
	var st []kzStation
	var w []float64
	for _, r := range kzRegions {
		for i := 1; i <= 3; i++ {
			st = append(st, kzStation{id: fmt.Sprintf("%s-%d", r.id, i), region: r.id,
				name: fmt.Sprintf("%s, station %d (synthetic)", r.name, i)})
			w = append(w, r.weight*(0.8+0.4*rng.Float64()))
		}
	}
	n := len(st)
	for _, c := range kz2011Candidates {
		cw := make([]float64, n)
		for i := range cw {
			cw[i] = w[i] * (0.85 + 0.3*rng.Float64())
		}
		for i, v := range allocate(c.votes, cw) {
			st[i].votes = append(st[i].votes, v)
			st[i].valid += v
		}
	}
	iw := make([]float64, n)
	for i := range iw {
		iw[i] = float64(st[i].valid) * (0.7 + 0.6*rng.Float64())
	}
	for i, v := range allocate(kz2011Invalid, iw) {
		st[i].inv = v
		st[i].cast = st[i].valid + v
	}
	rw := make([]float64, n)
	for i := range rw {
		rw[i] = float64(st[i].cast) * (0.96 + 0.08*rng.Float64())
	}
	for i, v := range allocate(kz2011Registered, rw) {
		s := &st[i]
		s.registered = v
		s.issued = s.cast + rng.Int64N(3)
		s.received = s.registered + rng.Int64N(20)
		s.cancelled = s.received - s.issued
	}
	return st
}

func kz2011Files(st []kzStation, yamlTemplate []byte) (csvData, yamlData []byte) {
	var c bytes.Buffer
	c.WriteString("station_id,region,registered,ballots_received,ballots_issued,ballots_cancelled,ballots_cast,invalid,valid")
	for _, p := range kz2011Candidates {
		c.WriteString("," + p.id)
	}
	c.WriteString("\n")
	for _, s := range st {
		fmt.Fprintf(&c, "%s,%s,%d,%d,%d,%d,%d,%d,%d", s.id, s.region, s.registered, s.received, s.issued, s.cancelled, s.cast, s.inv, s.valid)
		for _, v := range s.votes {
			fmt.Fprintf(&c, ",%d", v)
		}
		c.WriteString("\n")
	}
	var u strings.Builder
	u.WriteString("# BEGIN GENERATED UNITS\n")
	for ri, r := range kzRegions {
		fmt.Fprintf(&u, "      - id: %s\n        name: %s\n        level: region\n        children:\n", r.id, r.name)
		for _, s := range st[3*ri : 3*ri+3] {
			fmt.Fprintf(&u, "          - {id: %s, name: \"%s\", level: station, registered: %d}\n", s.id, s.name, s.registered)
		}
	}
	u.WriteString("# END GENERATED UNITS\n")
	t := string(yamlTemplate)
	a := strings.Index(t, "# BEGIN GENERATED UNITS\n")
	b := strings.Index(t, "# END GENERATED UNITS\n")
	if a < 0 || b < a {
		return c.Bytes(), nil
	}
	return c.Bytes(), []byte(t[:a] + u.String() + t[b+len("# END GENERATED UNITS\n"):])
}

// TestKZ2011Example checks that the synthetic stations of the presidential
// demo add up to the official national result, that the leader and the
// outright majority come out of the live count, and regenerates the files
// with -update-kz.
func TestKZ2011Example(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2011")
	yamlPath, csvPath := filepath.Join(dir, "election.yaml"), filepath.Join(dir, "protocols.csv")
	tmpl, err := os.ReadFile(yamlPath)
	if err != nil {
		t.Fatal(err)
	}
	wantCSV, wantYAML := kz2011Files(generateKZ2011(), tmpl)
	if wantYAML == nil {
		t.Fatal("election.yaml lacks the generated-units markers")
	}
	if *updateKZ {
		if err := os.WriteFile(yamlPath, wantYAML, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(csvPath, wantCSV, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gotCSV, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(gotCSV, wantCSV) || !bytes.Equal(tmpl, wantYAML) && !*updateKZ {
		t.Fatal("examples/kz-2011 is stale: regenerate with -update-kz")
	}

	def, err := definition.Load(yamlPath)
	if err != nil {
		t.Fatal(err)
	}
	svc, st := newService(t, t.TempDir())
	defer st.Close()
	if _, err := svc.DefineElection(ctx, def.Election); err != nil {
		t.Fatal(err)
	}
	f, err := importer.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rep, err := importer.Run(ctx, f, def.Election, def.CSV, serviceSink{svc}, importer.Options{})
	if err != nil || rep.Rows != 48 || rep.Accepted != 48 {
		t.Fatalf("report %+v, %v", rep, err)
	}
	tt, err := svc.Totals(ctx, "kz-2011", "president", "")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range kz2011Candidates {
		if tt.Choices[i].Choice != c.id || tt.Choices[i].Votes != c.votes {
			t.Errorf("%s = %d, want %d", tt.Choices[i].Choice, tt.Choices[i].Votes, c.votes)
		}
	}
	if tt.Valid != kz2011Valid || tt.BallotsCast != kz2011Cast || tt.Registered != kz2011Registered ||
		tt.ProtocolsWithWarnings != 0 || tt.Status != tally.UnofficialComplete {
		t.Errorf("totals %+v", tt)
	}
	if got := fmt.Sprintf("%.2f", 100*tt.Turnout.Float()); got != "89.98" {
		t.Errorf("turnout %s %%, want the published 89.98 %%", got)
	}
	for i, want := range []string{"1.36", "1.94", "95.55", "1.15"} {
		if got := fmt.Sprintf("%.2f", 100*tt.Choices[i].Share.Float()); got != want {
			t.Errorf("%s %s %%, want the published %s %%", tt.Choices[i].Choice, got, want)
		}
	}
	l := tt.Leader
	if l == nil || len(l.Choices) != 1 || l.Choices[0] != "nazarbayev" || !l.Majority || !l.WinsOutright ||
		l.RunoffNeeded || l.Share != (tally.Fraction{Num: 7_850_958, Den: kz2011Cast}) {
		t.Errorf("leader %+v", l)
	}
}
