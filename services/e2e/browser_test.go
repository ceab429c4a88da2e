package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	tallyv1 "github.com/mandate-project/mandate/gen/mandate/tally/v1"
	"github.com/mandate-project/mandate/services/platform/testsupport"
	"github.com/mandate-project/mandate/services/tally/tallyclient"
)

// webDriver is the little of the W3C WebDriver protocol the page test
// needs, spoken to Debian's chromedriver over plain HTTP.
type webDriver struct {
	t       *testing.T
	base    string // http://127.0.0.1:PORT/session/ID
	timeout time.Duration
}

func (d *webDriver) call(method, path string, body any) json.RawMessage {
	d.t.Helper()
	var r *bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			d.t.Fatal(err)
		}
		r = bytes.NewReader(b)
	} else {
		r = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, d.base+path, r)
	if err != nil {
		d.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		d.t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	var out struct{ Value json.RawMessage }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		d.t.Fatalf("webdriver %s %s: %v", method, path, err)
	}
	if resp.StatusCode != http.StatusOK {
		d.t.Fatalf("webdriver %s %s: HTTP %d %s", method, path, resp.StatusCode, out.Value)
	}
	return out.Value
}

// eval runs a script in the page and decodes its return value into v.
func (d *webDriver) eval(script string, v any) {
	d.t.Helper()
	raw := d.call(http.MethodPost, "/execute/sync", map[string]any{"script": script, "args": []any{}})
	if err := json.Unmarshal(raw, v); err != nil {
		d.t.Fatalf("script result %s: %v", raw, err)
	}
}

// waitFor evaluates script until it returns true.
func (d *webDriver) waitFor(what, script string) {
	d.t.Helper()
	deadline := time.Now().Add(d.timeout)
	for {
		var ok bool
		d.eval(script, &ok)
		if ok {
			return
		}
		if time.Now().After(deadline) {
			var text string
			d.eval("return document.body.innerText", &text)
			d.t.Fatalf("timed out waiting for %s; the page shows:\n%s", what, text)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (d *webDriver) screenshot(file string) {
	d.t.Helper()
	var b64 string
	if err := json.Unmarshal(d.call(http.MethodGet, "/screenshot", nil), &b64); err != nil {
		d.t.Fatal(err)
	}
	png, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		d.t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		d.t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		d.t.Fatal(err)
	}
	d.t.Logf("screenshot: %s", file)
}

// browser starts chromedriver with headless Chromium, or skips (fails when
// MANDATE_TEST_BROWSER=required, as .ci/run sets once it installed them).
func browser(t *testing.T) *webDriver {
	t.Helper()
	chromium, errC := exec.LookPath("chromium")
	driver, errD := exec.LookPath("chromedriver")
	if errC != nil || errD != nil {
		testsupport.Skip(t, testsupport.Browser, "browser test skipped: install Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	cmd := exec.Command(driver, fmt.Sprintf("--port=%d", port))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	root := fmt.Sprintf("http://127.0.0.1:%d", port)
	for deadline := time.Now().Add(30 * time.Second); ; {
		resp, err := http.Get(root + "/status")
		if err == nil {
			resp.Body.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("chromedriver did not answer: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	d := &webDriver{t: t, base: root, timeout: 60 * time.Second}
	raw := d.call(http.MethodPost, "/session", map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "chrome",
		"goog:chromeOptions": map[string]any{"binary": chromium,
			"args": []string{"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1300,1900"}},
	}}})
	var s struct {
		SessionID string `json:"sessionId"`
	}
	if err := json.Unmarshal(raw, &s); err != nil || s.SessionID == "" {
		t.Fatalf("new session: %s %v", raw, err)
	}
	d.base = root + "/session/" + s.SessionID
	t.Cleanup(func() {
		req, _ := http.NewRequest(http.MethodDelete, d.base, nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	})
	return d
}

// artifacts is where tests leave files for people to look at:
// $MANDATE_ARTIFACTS, else var/artifacts in the repository (ignored by git).
func artifacts(t *testing.T) string {
	if d := os.Getenv("MANDATE_ARTIFACTS"); d != "" {
		return d
	}
	return filepath.Join(testsupport.RepoRoot(t), "var", "artifacts")
}

// TestLivePage loads the results page in headless Chromium against the real
// system with the KZ 2012 demo, checks the totals, seats (83 / 8 / 7) and the
// chart, submits a correction over gRPC and sees the page change without a
// reload.
func TestLivePage(t *testing.T) {
	d := browser(t)
	s := start(t)
	loadDemo(t, s)
	// No preset in the address: the page applies the contest's own legal
	// rule, the seat_preset of examples/kz-2012 (the 2009 law).
	d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/?election=kz-2012&contest=mazhilis"})

	d.waitFor("results version 49", `return document.getElementById("results-version").textContent === "49"`)
	var chosen string
	d.eval(`return document.getElementById("preset").value`, &chosen)
	if chosen != "presets/kz-mazhilis-2009" {
		t.Errorf("seat rule chosen by default %q, want the contest's presets/kz-mazhilis-2009", chosen)
	}
	d.waitFor("the seats", `return document.querySelectorAll("#seats tbody tr").length === 3`)
	var seats map[string]string
	d.eval(`const m = {}; for (const tr of document.querySelectorAll("#seats tbody tr")) m[tr.dataset.party] = tr.querySelector(".seats").textContent; return m`, &seats)
	if seats["nur-otan"] != "83" || seats["ak-zhol"] != "8" || seats["cppk"] != "7" {
		t.Errorf("seats on the page: %v, want 83 / 8 / 7", seats)
	}
	d.waitFor("the chart", `return document.querySelectorAll("#chart circle.seat").length === 107`)
	var regions int
	d.eval(`return document.querySelectorAll("#children tbody tr").length`, &regions)
	if regions != 16 {
		t.Errorf("%d regions listed, want 16", regions)
	}
	var status string
	d.eval(`return document.getElementById("status").textContent`, &status)
	if status != "Preliminary — 48 of 48 stations" {
		t.Errorf("status %q", status)
	}
	// Words, not ids: the rule by its name, the reserved seats by their
	// source, the turnout's definition, the root unit by its name.
	var seatsNote, turnoutDef, crumbs0 string
	d.eval(`return document.getElementById("seats-note").textContent`, &seatsNote)
	d.eval(`return document.getElementById("turnout-def").textContent`, &turnoutDef)
	d.eval(`return document.getElementById("crumbs").textContent`, &crumbs0)
	if !strings.Contains(seatsNote, "Kazakhstan, Mazhilis party lists (2009 law") || !strings.Contains(seatsNote, "Assembly of People") || strings.Contains(seatsNote, "presets/") {
		t.Errorf("seat note %q", seatsNote)
	}
	if strings.Contains(turnoutDef, "_") || !strings.Contains(turnoutDef, "ballots cast") {
		t.Errorf("turnout definition %q", turnoutDef)
	}
	if crumbs0 != "Kazakhstan" {
		t.Errorf("breadcrumb at the root %q, want the root unit's name", crumbs0)
	}
	var titles []string
	d.eval(`return [...new Set([...document.querySelectorAll("#chart circle.seat title")].map((e) => e.textContent))]`, &titles)
	if !slices.Contains(titles, "Assembly of People: 9 seats, not distributed by votes") || !slices.Contains(titles, "Nur Otan: 83 seats") {
		t.Errorf("seat hover titles %q", titles)
	}
	d.waitFor("the live stream", `return document.getElementById("live").textContent === "live"`)
	d.screenshot(filepath.Join(artifacts(t), "live-page-before.png"))

	// A correction moves 5,000 votes from Nur Otan to Ak Zhol.
	ctx := As(context.Background(), s.Admin)
	p, err := s.Tally.GetProtocol(ctx, &tallyv1.GetProtocolRequest{Name: contest + "/protocols/astana-1"})
	if err != nil {
		t.Fatal(err)
	}
	votes := p.GetCurrent().GetVotes()
	votes["nur-otan"] -= 5000
	votes["ak-zhol"] += 5000
	if _, err := s.Tally.SubmitProtocol(ctx, &tallyv1.SubmitProtocolRequest{Parent: contest, Station: "elections/kz-2012/units/astana-1",
		Lines: p.GetCurrent().GetLines(), Votes: votes, RequestId: "browser-1", ReplacesVersion: 1, Reason: "recount of one box", Kind: tallyv1.SubmissionKind_SUBMISSION_KIND_CORRECTION}); err != nil {
		t.Fatal(err)
	}
	d.waitFor("results version 50", `return document.getElementById("results-version").textContent === "50"`)
	d.waitFor("Ak Zhol's new total", `return document.querySelector('#choices tr[data-choice="ak-zhol"] .votes').textContent === "523,405"`)
	var nurOtan string
	d.eval(`return document.querySelector('#choices tr[data-choice="nur-otan"] .votes').textContent`, &nurOtan)
	if nurOtan != "5,616,436" {
		t.Errorf("Nur Otan on the page: %s, want 5,616,436", nurOtan)
	}
	var reloaded bool
	d.eval(`return performance.getEntriesByType("navigation").length !== 1`, &reloaded)
	if reloaded {
		t.Error("the page reloaded")
	}
	d.screenshot(filepath.Join(artifacts(t), "live-page.png"))

	// The forensic indicators of the contest, with their disclaimer.
	d.eval(`document.getElementById("load-forensics").click(); return true`, new(bool))
	d.waitFor("the fingerprint and the integer histogram", `return !document.getElementById("forensics-body").hidden &&
		document.querySelector("#fingerprint svg") !== null && document.querySelectorAll("#integer-hist rect").length > 0`)
	var fpTitle string
	d.eval(`return document.querySelector("#fingerprint svg title").textContent`, &fpTitle)
	if strings.Contains(fpTitle, "nur-otan") || strings.Contains(fpTitle, "mazhilis") {
		t.Errorf("fingerprint title %q names ids", fpTitle)
	}
	var disclaimer string
	d.eval(`return document.getElementById("disclaimer").textContent`, &disclaimer)
	if !strings.Contains(strings.ToLower(disclaimer), "not") {
		t.Errorf("forensics disclaimer %q", disclaimer)
	}
	d.screenshot(filepath.Join(artifacts(t), "live-page-forensics.png"))

	// Drill down into a region.
	d.eval(`document.querySelector('#children tr[data-unit="astana"]').click(); return true`, new(bool))
	d.waitFor("Astana's stations", `return document.querySelectorAll("#children tbody tr").length === 3 && location.search.includes("unit=astana")`)
	var crumbs string
	d.eval(`return document.getElementById("crumbs").textContent`, &crumbs)
	if crumbs != "Kazakhstan›Astana" {
		t.Errorf("breadcrumbs %q", crumbs)
	}

	// A station: what it is, not an empty "No units below" table.
	d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/?election=kz-2012&contest=mazhilis&preset=presets/kz-mazhilis-2009&unit=astana-1"})
	d.waitFor("the station view", `return !document.getElementById("station").hidden && document.getElementById("station-note").textContent !== ""`)
	var view struct {
		Below  bool   `json:"below"`
		Crumbs string `json:"crumbs"`
		Status string `json:"status"`
	}
	d.eval(`return {below: !document.getElementById("below").hidden, crumbs: document.getElementById("crumbs").textContent, status: document.getElementById("status").textContent}`, &view)
	if view.Below || !strings.HasPrefix(view.Crumbs, "Kazakhstan›Astana›") || view.Status != "Preliminary — 1 of 1 station" {
		t.Errorf("station view: %+v", view)
	}
	// Drill-down never draws a national seat chart from one unit's votes.
	d.waitFor("no seat chart for a station", `return document.getElementById("seats-note").textContent.includes("elect nobody") &&
		document.querySelectorAll("#chart circle.seat").length === 0 && document.querySelectorAll("#seats tbody tr").length === 0`)
}

// TestLivePageSingleWinner shows the 2011 presidential demo: no seats panel,
// the leader's share of the ballots cast against the 50 % line, and the
// outcome in words. A screenshot is kept.
func TestLivePageSingleWinner(t *testing.T) {
	d := browser(t)
	s := start(t)
	ctx := As(context.Background(), s.Admin)
	def := filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2011", "election.yaml")
	if _, err := tallyclient.Define(ctx, s.Tally, def); err != nil {
		t.Fatal(err)
	}
	if rep, err := tallyclient.ImportCSV(ctx, s.Tally, def, filepath.Join(testsupport.RepoRoot(t), "examples", "kz-2011", "protocols.csv"), nil); err != nil || rep.Rejected != 0 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/?election=kz-2011&contest=president"})
	d.waitFor("the single-winner view", `return !document.getElementById("majority").hidden && document.getElementById("majority-note").textContent.includes("wins outright")`)
	var view struct {
		Seats bool   `json:"seats"`
		Note  string `json:"note"`
		Fill  string `json:"fill"`
		Line  string `json:"line"`
	}
	d.eval(`return {seats: !document.getElementById("seats-panel").hidden, note: document.getElementById("majority-note").textContent,
		fill: document.getElementById("majority-fill").style.width, line: document.getElementById("majority-line").style.left}`, &view)
	if view.Seats || !strings.HasPrefix(view.Note, "Nursultan Nazarbayev: 95.26 % of the ballots cast (more than 50 % needed)") || view.Fill != "95.26%" || view.Line != "50%" {
		t.Errorf("single-winner view %+v", view)
	}
	d.screenshot(filepath.Join(artifacts(t), "live-page-president.png"))
}

// TestLivePageSizes loads the page at a phone's size and a desktop's and
// checks nothing makes the page scroll sideways: tables scroll inside their
// boxes, the hemicycle scales to its column. Screenshots of both are kept.
func TestLivePageSizes(t *testing.T) {
	d := browser(t)
	s := start(t)
	loadDemo(t, s)
	for _, size := range []struct {
		name          string
		width, height int
	}{{"phone", 390, 844}, {"desktop", 1400, 900}} {
		t.Run(size.name, func(t *testing.T) {
			d.t = t
			d.setViewport(size.width, size.height)
			d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/?election=kz-2012&contest=mazhilis&preset=presets/kz-mazhilis-2009"})
			d.waitFor("the seats and regions", `return document.querySelectorAll("#seats tbody tr").length === 3 &&
				document.querySelectorAll("#chart circle.seat").length === 107 && document.querySelectorAll("#children tbody tr").length === 16`)
			var inner int
			d.eval(`return window.innerWidth`, &inner)
			if inner != size.width {
				t.Errorf("viewport %d wide, want %d", inner, size.width)
			}
			d.noOverflow()
			// The hemicycle fits its column: its right edge is on screen.
			var right float64
			d.eval(`return document.querySelector("#chart svg").getBoundingClientRect().right`, &right)
			if right > float64(inner) {
				t.Errorf("hemicycle ends at %.0f px, the screen at %d", right, inner)
			}
			d.screenshotFull(filepath.Join(artifacts(t), "live-page-"+size.name+".png"))
			d.eval(`document.getElementById("load-forensics").click(); return true`, new(bool))
			d.waitFor("the forensic charts", `return !document.getElementById("forensics-body").hidden && document.querySelector("#fingerprint svg") !== null`)
			d.noOverflow()
			d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/?election=kz-2012&contest=mazhilis&preset=presets/kz-mazhilis-2009&unit=astana-1"})
			d.waitFor("the station view", `return !document.getElementById("station").hidden && document.getElementById("seats-note").textContent.includes("elect nobody")`)
			d.noOverflow()
		})
	}
}

// TestAPIReference loads /docs in Chromium: Swagger UI renders the gateway's
// document and lists every operation in it, at phone and desktop width.
func TestAPIReference(t *testing.T) {
	d := browser(t)
	s := start(t)
	code, body := s.do(t, http.MethodGet, "/openapi.json", "", "")
	if code != http.StatusOK {
		t.Fatalf("GET /openapi.json: %d", code)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			OperationID string `json:"operationId"`
		} `json:"paths"`
	}
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, item := range doc.Paths {
		for _, op := range item {
			want = append(want, op.OperationID)
		}
	}
	slices.Sort(want)
	if len(want) < 30 {
		t.Fatalf("only %d operations in the document", len(want))
	}
	for _, size := range []struct {
		name          string
		width, height int
	}{{"desktop", 1400, 900}, {"phone", 390, 844}} {
		t.Run(size.name, func(t *testing.T) {
			d.t = t
			d.setViewport(size.width, size.height)
			d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/docs"})
			d.waitFor("the operations", `return document.querySelectorAll(".opblock").length > 0`)
			var title string
			d.eval(`return document.querySelector(".info .title") ? document.querySelector(".info .title").textContent : ""`, &title)
			if !strings.Contains(title, "Mandate JSON API") {
				t.Errorf("title %q", title)
			}
			// displayOperationId shows each operation's id in its summary.
			var got []string
			d.eval(`return [...document.querySelectorAll(".opblock .opblock-summary-operation-id")].map((e) => e.textContent.trim())`, &got)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("the page lists %d operations, the document has %d:\n page %q\n doc  %q", len(got), len(want), got, want)
			}
			d.screenshotFull(filepath.Join(artifacts(t), "api-reference-"+size.name+".png"))
		})
	}
}

// setViewport makes the page's viewport width × height CSS pixels through
// the DevTools device emulation (a headless window cannot be narrower than
// 500 px); mobile makes it behave as a phone's (the viewport meta applies).
func (d *webDriver) setViewport(width, height int) {
	d.t.Helper()
	d.call(http.MethodPost, "/goog/cdp/execute", map[string]any{"cmd": "Emulation.setDeviceMetricsOverride", "params": map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600}})
}

// noOverflow fails when the page is wider than the viewport, naming the
// elements that stick out.
func (d *webDriver) noOverflow() {
	d.t.Helper()
	var r struct {
		Scroll int      `json:"scroll"`
		Inner  int      `json:"inner"`
		Wide   []string `json:"wide"`
	}
	d.eval(`const wide = [];
		for (const e of document.querySelectorAll("body *")) {
			const b = e.getBoundingClientRect();
			if (b.right > window.innerWidth + 0.5 && !e.closest(".scroll")) wide.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : "") + " " + Math.round(b.right));
		}
		return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide: wide.slice(0, 10)}`, &r)
	if r.Scroll > r.Inner {
		d.t.Errorf("the page scrolls sideways: scrollWidth %d > innerWidth %d; too wide: %v", r.Scroll, r.Inner, r.Wide)
	}
}

// screenshotFull screenshots the whole page, not only the viewport: the
// window is made as tall as the page first, then restored.
func (d *webDriver) screenshotFull(file string) {
	d.t.Helper()
	var dims [3]int
	d.eval(`return [window.innerWidth, window.innerHeight, Math.ceil(document.documentElement.scrollHeight)]`, &dims)
	d.setViewport(dims[0], min(dims[2], 8000))
	d.screenshot(file)
	d.setViewport(dims[0], dims[1])
}

// TestLivePageNoRegisteredVoters: Spain's returns carry no registered
// voters (decision 69), so no turnout can be computed; the page says "–"
// for it, nationally and per province, never a bare " %".
func TestLivePageNoRegisteredVoters(t *testing.T) {
	d := browser(t)
	s := start(t)
	dir := filepath.Join(testsupport.RepoRoot(t), "examples", "es-2023")
	if out, code := mandatectl(t, "define", "--server", s.TallyAddr, "--token", s.Admin, "--definition", filepath.Join(dir, "election.yaml")); code != 0 {
		t.Fatalf("define exit %d: %s", code, out)
	}
	if out, code := mandatectl(t, "import", "csv", "--server", s.TallyAddr, "--token", s.Admin, "--quiet",
		"--definition", filepath.Join(dir, "election.yaml"), "--file", filepath.Join(dir, "protocols.csv")); code != 0 {
		t.Fatalf("import exit %d: %s", code, out)
	}
	d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/?election=es-2023&contest=congreso"})
	d.waitFor("the provinces", `return document.querySelectorAll("#children tbody tr").length === 52`)
	var view struct {
		Turnout   string   `json:"turnout"`
		Def       string   `json:"def"`
		Provinces []string `json:"provinces"`
	}
	d.eval(`return {turnout: document.getElementById("turnout").textContent, def: document.getElementById("turnout-def").textContent,
		provinces: [...document.querySelectorAll("#children tbody tr")].map((tr) => tr.cells[2].textContent)}`, &view)
	if view.Turnout != "–" || view.Def != "" {
		t.Errorf("national turnout %q (%q), want –", view.Turnout, view.Def)
	}
	for i, p := range view.Provinces {
		if p != "–" {
			t.Errorf("province %d: turnout %q, want –", i, p)
			break
		}
	}
	d.screenshot(filepath.Join(artifacts(t), "live-page-es-2023.png"))
}

// TestLivePageChamber shows the Spain 2023 Congreso as a chamber: the
// whole-chamber hemicycle (350 seats), the seats by tier and the provinces
// with the closest calls first (Madrid's 0.13 % is the closest of the
// election, docs/districts.md); a province's view draws no chamber. A
// screenshot is kept.
func TestLivePageChamber(t *testing.T) {
	d := browser(t)
	s := start(t)
	dir := filepath.Join(testsupport.RepoRoot(t), "examples", "es-2023")
	// The example with a second chamber (a copy of the Congreso under
	// another id), so the page must offer a choice between the two.
	def := twoChambers(t, filepath.Join(dir, "election.yaml"))
	if out, code := mandatectl(t, "define", "--server", s.TallyAddr, "--token", s.Admin, "--definition", def); code != 0 {
		t.Fatalf("define exit %d: %s", code, out)
	}
	if out, code := mandatectl(t, "import", "csv", "--server", s.TallyAddr, "--token", s.Admin, "--quiet",
		"--definition", def, "--file", filepath.Join(dir, "protocols.csv")); code != 0 {
		t.Fatalf("import exit %d: %s", code, out)
	}
	d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/?election=es-2023&contest=congreso"})
	d.waitFor("the chamber view", `return !document.getElementById("chamber").hidden &&
		document.querySelectorAll("#chamber-chart circle.seat").length === 350 && document.querySelectorAll("#chamber-districts tbody tr").length > 0`)
	var view struct {
		Title   string   `json:"title"`
		Total   string   `json:"total"`
		First   []string `json:"first"`
		Parties int      `json:"parties"`
	}
	d.eval(`const rows = [...document.querySelectorAll("#chamber-tiers tbody tr")];
		return {title: document.getElementById("chamber-title").textContent,
		total: String(rows.reduce((n, r) => n + Number(r.cells[r.cells.length - 1].textContent), 0)),
		first: [...document.querySelector("#chamber-districts tbody tr").cells].map((c) => c.textContent), parties: rows.length}`, &view)
	if view.Title != "Congreso de los Diputados: 350 seats" || view.Total != "350" || view.Parties < 10 ||
		len(view.First) != 5 || view.First[0] != "Madrid" || view.First[1] != "37" || view.First[3] != "0.13 %" {
		t.Errorf("chamber view %+v", view)
	}
	d.screenshot(filepath.Join(artifacts(t), "live-page-chamber.png"))
	// The first chamber is shown by default; the picker offers both, shows
	// the one picked and keeps it in the address.
	var picked string
	d.eval(`const sel = document.getElementById("chamber-pick");
		if (document.getElementById("chamber-pick-label").hidden || sel.options.length !== 2) return "picker: " + sel.options.length;
		sel.value = "congreso-copy"; sel.dispatchEvent(new Event("change")); return "ok"`, &picked)
	if picked != "ok" {
		t.Fatalf("chamber picker not offered: %s", picked)
	}
	d.waitFor("the second chamber", `return document.getElementById("chamber-title").textContent === "Congreso, second chamber: 350 seats" &&
		new URLSearchParams(location.search).get("chamber") === "congreso-copy"`)
	d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/?election=es-2023&contest=congreso&chamber=congreso-copy"})
	d.waitFor("the second chamber from the address", `return document.getElementById("chamber-title").textContent === "Congreso, second chamber: 350 seats" &&
		document.getElementById("chamber-pick").value === "congreso-copy"`)
	d.call(http.MethodPost, "/url", map[string]string{"url": s.HTTP + "/?election=es-2023&contest=congreso&unit=es-28"})
	d.waitFor("no chamber in a province", `return document.getElementById("seats-note").textContent.includes("elect nobody") && document.getElementById("chamber").hidden`)
}

// twoChambers writes a copy of an example definition whose chambers list
// holds its first chamber twice, the second under the id congreso-copy.
func twoChambers(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	src := string(b)
	start, end := strings.Index(src, "\nchambers:\n"), strings.Index(src, "\nimport:")
	if start < 0 || end < start {
		t.Fatal("no chambers block before import in " + path)
	}
	block := src[start+len("\nchambers:\n") : end+1]
	first := "  - id: congreso\n    display_name: \"Congreso de los Diputados\"\n"
	if !strings.HasPrefix(block, first) {
		t.Fatalf("the chambers block does not start with %q", first)
	}
	second := "  - id: congreso-copy\n    display_name: \"Congreso, second chamber\"\n" + block[len(first):]
	out := filepath.Join(t.TempDir(), "election.yaml")
	if err := os.WriteFile(out, []byte(src[:end+1]+second+src[end+1:]), 0o600); err != nil {
		t.Fatal(err)
	}
	return out
}
