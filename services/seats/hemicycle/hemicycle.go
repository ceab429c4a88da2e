// Package hemicycle draws a parliament as an SVG half-circle: one dot per
// seat in concentric arcs, each party a wedge in the order given (ballot or
// political order), seats reserved outside the distribution drawn apart, and
// a legend with names and counts. Standard library only; the output is
// deterministic, so it can be compared byte for byte.
package hemicycle

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strings"
)

// Party is one party's seats.
type Party struct {
	ID    string
	Name  string
	Color string // #rrggbb; a grey is used when empty or malformed
	Seats int
}

// Chart is what to draw.
type Chart struct {
	Title   string
	Parties []Party // in the order the wedges run, left to right
	// Reserved seats are drawn as a separate block under the arc, e.g. the 9
	// deputies of Kazakhstan's Assembly of People.
	Reserved      int
	ReservedLabel string
}

// Seats is the number of seat elements the chart draws.
func (c Chart) Seats() int {
	n := c.Reserved
	for _, p := range c.Parties {
		n += p.Seats
	}
	return n
}

const (
	width       = 800.0
	arcHeight   = 420.0 // the half circle's radius plus margins
	outerRadius = 360.0
	innerRatio  = 0.38 // inner radius / outer radius: room for the total
	cx          = width / 2
	cy          = 390.0
)

type seat struct {
	x, y, angle float64
	row         int
}

// layout places n seats on concentric arcs. Rows are added until the arcs
// hold n seats at a spacing equal to the row spacing; seats go to rows in
// proportion to their length (largest remainder), then every seat is sorted
// by angle so that a party's seats form a wedge across all rows.
func layout(n int) ([]seat, float64) {
	if n == 0 {
		return nil, 0
	}
	inner := outerRadius * innerRatio
	var rows int
	var radii []float64
	var spacing float64
	for rows = 1; ; rows++ {
		spacing = (outerRadius - inner) / float64(rows)
		radii = radii[:0]
		capacity := 0
		for i := range rows {
			r := inner + spacing*(float64(i)+0.5)
			radii = append(radii, r)
			capacity += int(math.Pi*r/spacing) + 1
		}
		if capacity >= n {
			break
		}
	}
	// Seats per row in proportion to the row's length.
	total := 0.0
	for _, r := range radii {
		total += r
	}
	counts := make([]int, rows)
	rem := make([]float64, rows)
	given := 0
	for i, r := range radii {
		q := float64(n) * r / total
		counts[i] = int(q)
		rem[i] = q - float64(counts[i])
		given += counts[i]
	}
	order := make([]int, rows)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rem[order[a]] > rem[order[b]] })
	for i := 0; given < n; i++ {
		counts[order[i%rows]]++
		given++
	}
	var seats []seat
	for i, r := range radii {
		k := counts[i]
		for j := range k {
			a := math.Pi / 2
			if k > 1 {
				a = math.Pi * (1 - float64(j)/float64(k-1))
			}
			seats = append(seats, seat{x: cx + r*math.Cos(a), y: cy - r*math.Sin(a), angle: a, row: i})
		}
	}
	// Left to right; on equal angles, inner rows first.
	sort.SliceStable(seats, func(a, b int) bool {
		if seats[a].angle != seats[b].angle {
			return seats[a].angle > seats[b].angle
		}
		return seats[a].row < seats[b].row
	})
	return seats, spacing * 0.42
}

var grey = "#9e9e9e"

// color returns c when it is #rgb or #rrggbb, else grey: the value is
// written into an attribute and must not carry markup.
func color(c string) string {
	if (len(c) == 7 || len(c) == 4) && c[0] == '#' {
		for _, r := range c[1:] {
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return grey
			}
		}
		return c
	}
	return grey
}

// Legend and reserved-seat geometry, in viewBox units. The chart is drawn
// 800 wide and usually shown much narrower (a phone shows it about 350 px
// wide), so the legend's type is large enough to stay readable at half size.
const (
	legendFont   = 26.0
	legendRow    = 38.0
	legendSwatch = 24.0
	legendX      = 120.0
	reservedR    = 13.0
	reservedGap  = 8.0
	reservedRow  = 2*reservedR + reservedGap
	reservedPer  = 20
)

// reservedLabel is what the reserved seats are called: their source when the
// rule names it ("Assembly of People"), else a plain description.
func (c Chart) reservedLabel() string {
	if c.ReservedLabel != "" {
		return c.ReservedLabel
	}
	return "Reserved seats"
}

// SVG renders the chart. Every seat is a <circle class="seat"> with
// data-party naming its party ("reserved" for reserved seats) and a <title>
// naming it in words, which browsers show on hover.
func SVG(c Chart) string {
	var b strings.Builder
	elected := 0
	for _, p := range c.Parties {
		elected += p.Seats
	}
	seats, radius := layout(elected)
	legendRows := len(c.Parties)
	reservedRows := 0
	if c.Reserved > 0 {
		legendRows++
		reservedRows = (c.Reserved + reservedPer - 1) / reservedPer
	}
	height := arcHeight + float64(reservedRows)*reservedRow + 24 + float64(legendRows)*legendRow + 12
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-label="%s">`+"\n",
		width, height, width, height, html.EscapeString(c.Title+fmt.Sprintf(", %d seats", c.Seats())))
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(c.Title))
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="middle" font-family="sans-serif" font-size="44" font-weight="bold">%d</text>`+"\n", cx, cy-12, c.Seats())
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" text-anchor="middle" font-family="sans-serif" font-size="20">seats</text>`+"\n", cx, cy+14)
	i := 0
	for _, p := range c.Parties {
		title := html.EscapeString(fmt.Sprintf("%s: %d %s", p.name(), p.Seats, plural(p.Seats, "seat", "seats")))
		fmt.Fprintf(&b, `<g class="party" data-party="%s" fill="%s">`+"\n", html.EscapeString(p.ID), color(p.Color))
		for range p.Seats {
			s := seats[i]
			fmt.Fprintf(&b, `<circle class="seat" data-party="%s" cx="%.2f" cy="%.2f" r="%.2f"><title>%s</title></circle>`+"\n", html.EscapeString(p.ID), s.x, s.y, radius, title)
			i++
		}
		b.WriteString("</g>\n")
	}
	y := arcHeight + 10
	if c.Reserved > 0 {
		// Filled in a light grey with a darker ring: seats of the house, but
		// not the parties' to win.
		title := html.EscapeString(fmt.Sprintf("%s: %d %s, not distributed by votes", c.reservedLabel(), c.Reserved, plural(c.Reserved, "seat", "seats")))
		fmt.Fprintf(&b, `<g class="reserved" data-party="reserved" fill="%s" stroke="%s" stroke-width="2">`+"\n", reservedFill, reservedStroke)
		for k := range c.Reserved {
			row, col := k/reservedPer, k%reservedPer
			inRow := min(reservedPer, c.Reserved-row*reservedPer)
			x0 := cx - float64(inRow-1)*(2*reservedR+reservedGap)/2
			fmt.Fprintf(&b, `<circle class="seat" data-party="reserved" cx="%.2f" cy="%.2f" r="%.2f"><title>%s</title></circle>`+"\n",
				x0+float64(col)*(2*reservedR+reservedGap), y+reservedR+float64(row)*reservedRow, reservedR, title)
		}
		b.WriteString("</g>\n")
		y += float64(reservedRows) * reservedRow
	}
	y += 24
	for _, p := range c.Parties {
		fmt.Fprintf(&b, `<g class="legend" data-party="%s"><rect x="%.0f" y="%.0f" width="%.0f" height="%.0f" rx="3" fill="%s"/><text x="%.0f" y="%.0f" font-family="sans-serif" font-size="%.0f">%s: %d</text></g>`+"\n",
			html.EscapeString(p.ID), legendX, y, legendSwatch, legendSwatch, color(p.Color), legendX+legendSwatch+12, y+legendSwatch-4, legendFont, html.EscapeString(p.name()), p.Seats)
		y += legendRow
	}
	if c.Reserved > 0 {
		fmt.Fprintf(&b, `<g class="legend" data-party="reserved"><circle cx="%.0f" cy="%.0f" r="%.0f" fill="%s" stroke="%s" stroke-width="2"/><text x="%.0f" y="%.0f" font-family="sans-serif" font-size="%.0f">%s (not distributed): %d</text></g>`+"\n",
			legendX+legendSwatch/2, y+legendSwatch/2, legendSwatch/2-1, reservedFill, reservedStroke, legendX+legendSwatch+12, y+legendSwatch-4, legendFont, html.EscapeString(c.reservedLabel()), c.Reserved)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

const (
	reservedFill   = "#d5d9de"
	reservedStroke = "#6b7480"
)

func (p Party) name() string {
	if p.Name != "" {
		return p.Name
	}
	return p.ID
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
