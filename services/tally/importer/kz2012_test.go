package importer_test

import (
	"bytes"
	"context"
	"flag"
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

var updateKZ = flag.Bool("update-kz", false, "regenerate examples/kz-2012 synthetic stations and protocols")

// Official final results of the 2012 Mazhilis party-list vote, in ballot order.
var kzParties = []struct {
	id    string
	votes int64
}{
	{"nur-otan", 5_621_436}, {"ak-zhol", 518_405}, {"cppk", 498_788}, {"osdp", 116_534},
	{"auyl", 82_623}, {"patriots", 57_732}, {"adilet", 45_702},
}

const (
	kzRegistered = 9_303_216
	kzCast       = 7_019_277 // 75.45 % of registered
	kzValid      = 6_941_220
	kzInvalid    = kzCast - kzValid
)

// kzRegions: ID, name, and an illustrative weight (roughly the share of voters).
var kzRegions = []struct {
	id, name string
	weight   float64
}{
	{"astana", "Astana", 4.0}, {"almaty-city", "Almaty (city)", 8.0}, {"akmola", "Akmola Region", 5.0},
	{"aktobe", "Aktobe Region", 5.0}, {"almaty-region", "Almaty Region", 11.0}, {"atyrau", "Atyrau Region", 3.0},
	{"east-kazakhstan", "East Kazakhstan Region", 9.0}, {"zhambyl", "Zhambyl Region", 6.5},
	{"west-kazakhstan", "West Kazakhstan Region", 4.0}, {"karaganda", "Karaganda Region", 9.0},
	{"kostanay", "Kostanay Region", 6.0}, {"kyzylorda", "Kyzylorda Region", 4.0}, {"mangystau", "Mangystau Region", 2.5},
	{"pavlodar", "Pavlodar Region", 5.0}, {"north-kazakhstan", "North Kazakhstan Region", 4.0},
	{"south-kazakhstan", "South Kazakhstan Region", 14.0},
}

// allocate splits total over weights exactly (largest remainder, ties to the lower index).
func allocate(total int64, w []float64) []int64 {
	var sum float64
	for _, x := range w {
		sum += x
	}
	out := make([]int64, len(w))
	rem := make([]float64, len(w))
	var given int64
	for i, x := range w {
		q := float64(total) * x / sum
		out[i] = int64(q)
		rem[i] = q - float64(out[i])
		given += out[i]
	}
	for ; given < total; given++ {
		best := 0
		for i := range rem {
			if rem[i] > rem[best] {
				best = i
			}
		}
		out[best]++
		rem[best] = -1
	}
	return out
}

type kzStation struct {
	id, region, name                                          string
	registered, received, issued, cancelled, cast, inv, valid int64
	votes                                                     []int64
}

// generateKZ builds the synthetic stations deterministically.
func generateKZ() []kzStation {
	rng := rand.New(rand.NewPCG(2012, 115))
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
	for _, p := range kzParties {
		pw := make([]float64, n)
		for i := range pw {
			pw[i] = w[i] * (0.85 + 0.3*rng.Float64())
		}
		for i, v := range allocate(p.votes, pw) {
			st[i].votes = append(st[i].votes, v)
			st[i].valid += v
		}
	}
	iw := make([]float64, n)
	for i := range iw {
		iw[i] = float64(st[i].valid) * (0.7 + 0.6*rng.Float64())
	}
	for i, v := range allocate(kzInvalid, iw) {
		st[i].inv = v
		st[i].cast = st[i].valid + v
	}
	rw := make([]float64, n)
	for i := range rw {
		rw[i] = float64(st[i].cast) * (0.92 + 0.16*rng.Float64())
	}
	for i, v := range allocate(kzRegistered, rw) {
		s := &st[i]
		s.registered = v
		s.issued = s.cast + rng.Int64N(3) // a few ballots taken away
		s.received = s.registered + rng.Int64N(20)
		s.cancelled = s.received - s.issued
	}
	return st
}

func kzFiles(st []kzStation, yamlTemplate []byte) (csvData, yamlData []byte) {
	var c bytes.Buffer
	c.WriteString("station_id,region,registered,ballots_received,ballots_issued,ballots_cancelled,ballots_cast,invalid,valid")
	for _, p := range kzParties {
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

func TestKZ2012Example(t *testing.T) {
	ctx := context.Background()
	dir := testsupport.Path(t, "examples", "kz-2012")
	yamlPath, csvPath := filepath.Join(dir, "election.yaml"), filepath.Join(dir, "protocols.csv")
	tmpl, err := os.ReadFile(yamlPath)
	if err != nil {
		t.Fatal(err)
	}
	wantCSV, wantYAML := kzFiles(generateKZ(), tmpl)
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
		t.Fatal("examples/kz-2012 is stale: regenerate with -update-kz")
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
	if err != nil {
		t.Fatal(err)
	}
	if rep.Rows != 48 || rep.Accepted != 48 || rep.UnitsAdded != 0 {
		t.Fatalf("report %+v", rep)
	}
	tt, err := svc.Totals(ctx, "kz-2012", "mazhilis", "")
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range kzParties {
		if tt.Choices[i].Choice != p.id || tt.Choices[i].Votes != p.votes {
			t.Errorf("%s = %d, want %d", tt.Choices[i].Choice, tt.Choices[i].Votes, p.votes)
		}
	}
	if tt.Valid != kzValid || tt.Invalid != kzInvalid || tt.BallotsCast != kzCast || tt.Registered != kzRegistered ||
		tt.RegisteredAllStations != kzRegistered || tt.StationsReporting != 48 || tt.StationsTotal != 48 ||
		tt.ProtocolsWithWarnings != 0 || tt.Status != tally.UnofficialComplete {
		t.Errorf("totals %+v", tt)
	}
	// The form declares the CEC's turnout: the voters who took part (line 5,
	// 7,019,277) over the voters on the lists, not the ballots issued (line 3).
	if got := fmt.Sprintf("%.2f", 100*tt.Turnout.Float()); got != "75.45" || tt.Turnout.Numerator != tally.RoleBallotsCast ||
		tt.Turnout.Num != kzCast || tt.Turnout.Den != kzRegistered {
		t.Errorf("turnout %s %% = %d / %d", got, tt.Turnout.Num, tt.Turnout.Den)
	}
	if got := fmt.Sprintf("%.2f", 100*tt.Choices[0].Share.Float()); got != "80.99" {
		t.Errorf("Nur Otan %s %%, want the official final 80.99 %%", got)
	}
	// Re-running the import replays every row: nothing is counted twice.
	f2, _ := importer.Open(csvPath)
	defer f2.Close()
	rep2, err := importer.Run(ctx, f2, def.Election, def.CSV, serviceSink{svc}, importer.Options{})
	if err != nil || rep2.Replayed != 48 || rep2.Accepted != 0 {
		t.Fatalf("second run %+v, %v", rep2, err)
	}
}
