package forensics

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The fingerprint as an SVG heat map: turnout across, leader share up, one
// square per non-empty cell coloured on a logarithmic scale of the number of
// stations in it, a colour bar, axes and a caption that says what it is not.
// The output depends only on the Fingerprint and the title (integer
// coordinates, fixed iteration order), so it can be compared byte for byte.

const (
	svgPlotTarget = 400 // plot side in pixels, rounded to a multiple of Bins
	svgLeft       = 64
	svgTop        = 48
	svgLevels     = 32 // colour steps
)

// heat anchors: pale yellow to dark red, interpolated in RGB.
var heatAnchors = [][3]float64{{255, 247, 188}, {254, 196, 79}, {236, 112, 20}, {204, 40, 24}, {103, 0, 13}}

func heatColor(level int) string {
	// level 1..svgLevels
	t := float64(level-1) / float64(svgLevels-1)
	pos := t * float64(len(heatAnchors)-1)
	i := min(int(pos), len(heatAnchors)-2)
	u := pos - float64(i)
	var rgb [3]int
	for c := range rgb {
		rgb[c] = int(math.Round(heatAnchors[i][c]*(1-u) + heatAnchors[i+1][c]*u))
	}
	return fmt.Sprintf("#%02x%02x%02x", rgb[0], rgb[1], rgb[2])
}

// heatLevel maps a count in 1..max to a colour step 1..svgLevels on a log
// scale: ⌈levels · ln(1+c) / ln(1+max)⌉.
func heatLevel(c, maxCount int64) int {
	if maxCount <= 1 {
		return svgLevels
	}
	l := int(math.Ceil(svgLevels * math.Log1p(float64(c)) / math.Log1p(float64(maxCount))))
	return min(max(l, 1), svgLevels)
}

// SVG renders the fingerprint as a standalone SVG document. The title is
// printed above the plot (e.g. the election and unit).
func (f Fingerprint) SVG(title string) []byte {
	bins := max(f.Bins, 1)
	cell := max(1, svgPlotTarget/bins)
	side := cell * bins
	width, height := svgLeft+side+110, svgTop+side+78
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" font-family="sans-serif" font-size="12">`+"\n",
		width, height, width, height)
	fmt.Fprintf(&b, `<title>%s</title>`+"\n", xmlEscape(title))
	fmt.Fprintf(&b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", width, height)
	fmt.Fprintf(&b, `<text x="%d" y="20" font-size="14" font-weight="bold">%s</text>`+"\n", svgLeft, xmlEscape(title))
	fmt.Fprintf(&b, `<text x="%d" y="36" fill="#555555">Election fingerprint (Klimek et al., PNAS 2012): %d stations</text>`+"\n", svgLeft, f.Stations)

	// Cells, one path per colour step, in step order then row-major order.
	paths := make([]strings.Builder, svgLevels+1)
	for t := range bins {
		for s := range bins {
			if t*bins+s >= len(f.Counts) {
				continue
			}
			c := f.Counts[t*bins+s]
			if c <= 0 {
				continue
			}
			x, y := svgLeft+t*cell, svgTop+(bins-1-s)*cell
			fmt.Fprintf(&paths[heatLevel(c, f.MaxCount)], "M%d %dh%dv%dh-%dz", x, y, cell, cell, cell)
		}
	}
	b.WriteString(`<g shape-rendering="crispEdges">` + "\n")
	for l := 1; l <= svgLevels; l++ {
		if paths[l].Len() > 0 {
			fmt.Fprintf(&b, `<path fill="%s" d="%s"/>`+"\n", heatColor(l), paths[l].String())
		}
	}
	b.WriteString("</g>\n")

	// Frame, ticks every 10 %, axis labels.
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#333333"/>`+"\n", svgLeft, svgTop, side, side)
	b.WriteString(`<g stroke="#333333">`)
	for p := 0; p <= 100; p += 10 {
		x := svgLeft + side*p/100
		y := svgTop + side - side*p/100
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d"/>`, x, svgTop+side, x, svgTop+side+5)
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d"/>`, svgLeft-5, y, svgLeft, y)
	}
	b.WriteString("</g>\n<g fill=\"#333333\">")
	for p := 0; p <= 100; p += 10 {
		x := svgLeft + side*p/100
		y := svgTop + side - side*p/100
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">%d</text>`, x, svgTop+side+18, p)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%d</text>`, svgLeft-8, y+4, p)
	}
	b.WriteString("</g>\n")
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle">turnout %%</text>`+"\n", svgLeft+side/2, svgTop+side+36)
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" transform="rotate(-90 %d %d)">leader share %%</text>`+"\n",
		svgLeft-40, svgTop+side/2, svgLeft-40, svgTop+side/2)

	// Colour bar with ticks at powers of ten.
	bx := svgLeft + side + 24
	for l := 1; l <= svgLevels; l++ {
		y0 := svgTop + side - side*l/svgLevels
		y1 := svgTop + side - side*(l-1)/svgLevels
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="%d" fill="%s"/>`+"\n", bx, y0, y1-y0, heatColor(l))
	}
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="%d" fill="none" stroke="#333333"/>`+"\n", bx, svgTop, side)
	if f.MaxCount > 0 {
		for v := int64(1); v <= f.MaxCount; v *= 10 {
			frac := 1.0
			if f.MaxCount > 1 {
				frac = math.Log1p(float64(v)) / math.Log1p(float64(f.MaxCount))
			}
			y := svgTop + side - int(math.Round(frac*float64(side)))
			fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333333"/><text x="%d" y="%d">%s</text>`+"\n",
				bx+14, y, bx+18, y, bx+21, y+4, strconv.FormatInt(v, 10))
		}
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" transform="rotate(-90 %d %d)">stations (log scale)</text>`+"\n",
		bx+70, svgTop+side/2, bx+70, svgTop+side/2)
	fmt.Fprintf(&b, `<text x="%d" y="%d" fill="#555555">An indicator, not evidence of fraud: see the report&#39;s disclaimer.</text>`+"\n",
		svgLeft-40, svgTop+side+60)
	b.WriteString("</svg>\n")
	return b.Bytes()
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
