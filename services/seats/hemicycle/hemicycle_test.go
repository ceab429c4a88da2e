package hemicycle_test

import (
	"encoding/xml"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mandate-project/mandate/services/seats/hemicycle"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// kz2012 is the Mazhilis elected in 2012: 98 list seats and the 9 deputies
// of the Assembly of People.
var kz2012 = hemicycle.Chart{
	Title: "Mazhilis 2012",
	Parties: []hemicycle.Party{
		{ID: "nur-otan", Name: "Nur Otan", Color: "#1f6fb2", Seats: 83},
		{ID: "ak-zhol", Name: "Ak Zhol", Color: "#f2b705", Seats: 8},
		{ID: "cppk", Name: "CPPK", Color: "#c8102e", Seats: 7},
	},
	Reserved: 9, ReservedLabel: "Assembly of People",
}

type circle struct {
	Class string  `xml:"class,attr"`
	Party string  `xml:"data-party,attr"`
	CX    float64 `xml:"cx,attr"`
	CY    float64 `xml:"cy,attr"`
	R     float64 `xml:"r,attr"`
	Title string  `xml:"title"`
}

type group struct {
	Class   string   `xml:"class,attr"`
	Party   string   `xml:"data-party,attr"`
	Fill    string   `xml:"fill,attr"`
	Circles []circle `xml:"circle"`
}

type doc struct {
	XMLName xml.Name `xml:"svg"`
	Groups  []group  `xml:"g"`
}

func parse(t *testing.T, svg string) doc {
	t.Helper()
	var d doc
	if err := xml.Unmarshal([]byte(svg), &d); err != nil {
		t.Fatalf("the SVG does not parse: %v", err)
	}
	return d
}

func TestKZ2012(t *testing.T) {
	svg := hemicycle.SVG(kz2012)
	d := parse(t, svg)
	seats := map[string]int{}
	fills := map[string]string{}
	titles := map[string]string{}
	for _, g := range d.Groups {
		for _, c := range g.Circles {
			if c.Class == "seat" {
				seats[c.Party]++
				if titles[c.Party] != "" && titles[c.Party] != c.Title {
					t.Errorf("%s: seats titled %q and %q", c.Party, titles[c.Party], c.Title)
				}
				titles[c.Party] = c.Title
			}
		}
		if g.Class == "party" {
			fills[g.Party] = g.Fill
		}
	}
	want := map[string]int{"nur-otan": 83, "ak-zhol": 8, "cppk": 7, "reserved": 9}
	for p, n := range want {
		if seats[p] != n {
			t.Errorf("%s: %d seat elements, want %d", p, seats[p], n)
		}
	}
	// Hovering a seat names its party, or the source of a reserved seat.
	for p, want := range map[string]string{"nur-otan": "Nur Otan: 83 seats", "cppk": "CPPK: 7 seats",
		"reserved": "Assembly of People: 9 seats, not distributed by votes"} {
		if titles[p] != want {
			t.Errorf("%s: seats titled %q, want %q", p, titles[p], want)
		}
	}
	for _, p := range kz2012.Parties {
		if fills[p.ID] != p.Color {
			t.Errorf("%s drawn in %q, want %q", p.ID, fills[p.ID], p.Color)
		}
	}
	for _, label := range []string{"Nur Otan: 83", "Ak Zhol: 8", "CPPK: 7", "Assembly of People (not distributed): 9", ">107<"} {
		if !strings.Contains(svg, label) {
			t.Errorf("legend lacks %q", label)
		}
	}
	golden := filepath.Join("testdata", "kz2012.svg")
	if *update {
		if err := os.WriteFile(golden, []byte(svg), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want2, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if string(want2) != svg {
		t.Errorf("output differs from %s (run with -update after checking it by eye)", golden)
	}
}

// TestLayout: for every size of parliament up to 700 seats, one element per
// seat, no two seats overlapping, wedges in order (each party's seats are
// contiguous from left to right).
func TestLayout(t *testing.T) {
	for n := 1; n <= 700; n++ {
		c := hemicycle.Chart{Parties: []hemicycle.Party{{ID: "a", Seats: n / 2}, {ID: "b", Seats: n - n/2}}}
		d := parse(t, hemicycle.SVG(c))
		var all []circle
		for _, g := range d.Groups {
			if g.Class == "party" {
				all = append(all, g.Circles...)
			}
		}
		if len(all) != n {
			t.Fatalf("%d seats: %d elements", n, len(all))
		}
		for i := range all {
			for j := i + 1; j < len(all); j++ {
				dx, dy := all[i].CX-all[j].CX, all[i].CY-all[j].CY
				if math.Hypot(dx, dy) < all[i].R+all[j].R-0.01 {
					t.Fatalf("%d seats: seats %d and %d overlap", n, i, j)
				}
			}
		}
	}
}

func TestHostileNamesAndColours(t *testing.T) {
	svg := hemicycle.SVG(hemicycle.Chart{Title: "<script>", Parties: []hemicycle.Party{{ID: `x"><script>`, Name: "<b>", Color: `red" onload="x`, Seats: 2}}})
	if strings.Contains(svg, "<script>") || strings.Contains(svg, "onload") {
		t.Fatalf("markup leaked into the SVG:\n%s", svg)
	}
	parse(t, svg)
}

func ExampleSVG() {
	svg := hemicycle.SVG(kz2012)
	fmt.Println(strings.Count(svg, `class="seat"`), "seats drawn")
	// Output: 107 seats drawn
}
