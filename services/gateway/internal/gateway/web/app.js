// Mandate live results page. Plain JavaScript over the gateway's JSON API:
// every number shown comes from /v1/ (int64 values arrive as strings and are
// shown as they are; shares are the API's exact percentages). The totals
// stream (…/totals/{unit}:watch, newline-delimited JSON) drives the live
// updates; seats, regions and the chart are re-read at most once a second.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { election: "", contest: "", preset: "", chamber: "", unit: "", rootUnit: "", path: [], version: 0, contestInfo: null, abort: null, presets: [], unitInfo: null };

const fmt = new Intl.NumberFormat("en");
const num = (s) => (s === undefined || s === null || s === "" ? "0" : fmt.format(BigInt(s)));
const idOf = (name) => name.slice(name.lastIndexOf("/") + 1);

function params() {
  const q = new URLSearchParams(location.search);
  return { election: q.get("election") || "", contest: q.get("contest") || "", preset: q.get("preset") || "", unit: q.get("unit") || "", chamber: q.get("chamber") || "" };
}

function remember() {
  const q = new URLSearchParams();
  if (state.election) q.set("election", state.election);
  if (state.contest) q.set("contest", state.contest);
  if (state.preset) q.set("preset", state.preset);
  if (state.unit && state.unit !== state.rootUnit) q.set("unit", state.unit);
  if (state.chamber) q.set("chamber", state.chamber);
  history.replaceState(null, "", "?" + q.toString());
}

async function api(path, init) {
  const r = await fetch(path, init);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) {
    throw new Error((body && body.message) || r.status + " " + r.statusText);
  }
  return body;
}

function showError(e) {
  const el = $("error");
  if (!e) { el.hidden = true; return; }
  el.textContent = String(e.message || e);
  el.hidden = false;
}

function option(sel, value, label, selected) {
  const o = document.createElement("option");
  o.value = value; o.textContent = label; o.selected = selected;
  sel.appendChild(o);
}

async function loadElections() {
  const { elections = [] } = await api("/v1/elections?pageSize=100");
  const p = params();
  const sel = $("election");
  sel.textContent = "";
  for (const e of elections) option(sel, idOf(e.name), e.displayName || idOf(e.name), idOf(e.name) === p.election);
  state.elections = elections;
  if (!elections.length) { showError("No election is defined yet."); return; }
  state.election = sel.value;
  fillContests(p.contest);
}

function fillContests(want) {
  const e = state.elections.find((x) => idOf(x.name) === state.election);
  const sel = $("contest");
  sel.textContent = "";
  for (const c of (e && e.contests) || []) option(sel, idOf(c.name), c.displayName || idOf(c.name), idOf(c.name) === want);
  state.contest = sel.value;
  state.contestInfo = ((e && e.contests) || []).find((c) => idOf(c.name) === state.contest) || null;
}

async function loadPresets() {
  const { presets = [] } = await api("/v1/presets");
  const p = params();
  const sel = $("preset");
  sel.textContent = "";
  option(sel, "", "(no seats)", false);
  // Default: the contest's own legal rule (its seat_preset), never a guess.
  const chosen = p.preset || contestPreset();
  for (const x of presets) option(sel, x.name, x.displayName || idOf(x.name), x.name === chosen);
  state.presets = presets;
  state.preset = sel.value;
}

// contestPreset is the preset the contest names as its law, "" if none.
const contestPreset = () => (state.contestInfo && state.contestInfo.seatPreset) || "";

async function findRoot() {
  const { reportingUnits = [] } = await api(`/v1/elections/${state.election}/units?pageSize=1`);
  state.rootUnit = reportingUnits.length ? idOf(reportingUnits[0].name) : "";
  state.rootLabel = reportingUnits.length ? reportingUnits[0].displayName || "All" : "All";
}

// pathTo is the breadcrumb of a unit: its ancestors from the root, each
// [id, name in words], read from the units' parent links.
async function pathTo(unit) {
  const path = [];
  for (let id = unit, guard = 0; id && guard < 20; guard++) {
    if (id === state.rootUnit) { path.unshift([state.rootUnit, state.rootLabel]); return path; }
    const u = await api(`/v1/elections/${state.election}/units/${encodeURIComponent(id)}`);
    path.unshift([id, u.displayName || id]);
    id = u.parentUnit ? idOf(u.parentUnit) : "";
  }
  path.unshift([state.rootUnit, state.rootLabel]);
  return path;
}

const contestName = () => `elections/${state.election}/contests/${state.contest}`;
const totalsPath = (unit) => `/v1/${contestName()}/totals/${unit}`;

function colorOf(choice) {
  const c = state.contestInfo && state.contestInfo.choices.find((x) => x.id === choice);
  return (c && /^#[0-9a-fA-F]{3,6}$/.test(c.color || "") && c.color) || "#9e9e9e";
}

// statusWords says where the count stands, in the words of an election
// night: preliminary while protocols arrive, final once certified.
function statusWords(t) {
  const stations = `${num(t.stationsReporting)} of ${num(t.stationsTotal)} ${t.stationsTotal === "1" ? "station" : "stations"}`;
  switch (t.status) {
    case "RESULT_STATUS_UNOFFICIAL_PARTIAL": return ["Preliminary — " + stations, "Protocols are still arriving; numbers will change."];
    case "RESULT_STATUS_UNOFFICIAL_COMPLETE": return ["Preliminary — " + stations, "Every station has reported; not yet certified."];
    case "RESULT_STATUS_CERTIFIED": return ["Final — certified", stations + " reported."];
    case "RESULT_STATUS_RECOUNT": return ["Recount — certified result reopened", "Seats may change as recounted protocols arrive."];
    case "RESULT_STATUS_CORRECTION": return ["Correction — certified result reopened", "Seats may change as corrected protocols arrive."];
    default: return ["No results yet", stations];
  }
}

// definitionWords shows a ratio's definition ("ballots issued / registered
// voters, reporting stations": the contest form's turnout, in words) with a
// division sign.
const definitionWords = (d) => (d || "").replaceAll("_", " ").replace(" / ", " ÷ ");

// pct shows a ratio as a percentage, or "–" when it has none: a zero
// denominator (Spain's returns carry no registered voters) leaves the
// percent empty, which must not read " %".
const pct = (r) => (r && r.percent ? r.percent + " %" : "–");

function renderTotals(t) {
  state.version = Number(t.resultsVersion);
  const [status, statusNote] = statusWords(t);
  $("status").textContent = status;
  $("status-note").textContent = statusNote;
  $("registered-reporting").textContent = pct(t.registeredReporting);
  $("registered-def").textContent = t.registeredReporting && t.registeredReporting.percent ? `${num(t.registeredReporting.numerator)} of ${num(t.registeredReporting.denominator)}` : "";
  $("turnout").textContent = pct(t.turnout);
  $("turnout-def").textContent = t.turnout && t.turnout.percent ? definitionWords(t.turnout.definition) : "";
  $("cast").textContent = num(t.ballotsCast);
  $("invalid").textContent = `of which ${num(t.invalid)} invalid`;
  $("warnings").textContent = num(t.protocolsWithWarnings);
  $("results-version").textContent = String(t.resultsVersion);
  $("generated").textContent = t.generateTime ? "generated " + t.generateTime.replace("T", " ").replace("Z", " UTC") : "";
  const body = $("choices").tBodies[0];
  body.textContent = "";
  for (const c of t.choices || []) {
    const tr = body.insertRow();
    tr.dataset.choice = c.choice;
    const pct = c.share ? c.share.percent : "0";
    tr.innerHTML = `<td><span class="swatch"></span></td><td class="n votes"></td><td class="n"></td><td class="bar"><div></div></td>`;
    tr.cells[0].querySelector(".swatch").style.background = colorOf(c.choice);
    tr.cells[0].append(c.displayName || c.choice);
    tr.cells[1].textContent = num(c.votes);
    tr.cells[2].textContent = pct + " %";
    tr.cells[3].firstChild.style.width = Math.min(100, parseFloat(pct)) + "%";
    tr.cells[3].firstChild.style.background = colorOf(c.choice);
  }
  const l = t.leader;
  const nameOf = (id) => { const c = (t.choices || []).find((x) => x.choice === id); return (c && c.displayName) || id; };
  $("leader").textContent = l && l.choice ? `Leader: ${nameOf(l.choice)}; ${l.hasMajority ? "has" : "does not have"} the required majority${l.runoffRequired ? "; runoff needed between " + (l.runoffChoices || []).map(nameOf).join(" and ") : ""}.` : "";
  renderMajority(t, nameOf);
}

// renderMajority draws a single-winner contest's leader share of the
// majority base against the required share, and the runoff status.
function renderMajority(t, nameOf) {
  const l = t.leader, box = $("majority");
  box.hidden = !l;
  if (!l) return;
  const share = l.share && l.share.percent ? parseFloat(l.share.percent) : 0;
  const need = l.majorityPercent || 0;
  $("majority-fill").style.width = Math.min(100, share) + "%";
  $("majority-fill").style.background = l.choice ? colorOf(l.choice) : "";
  $("majority-line").hidden = !need;
  $("majority-line").style.left = need + "%";
  const base = { LINE_ROLE_VALID: "the valid votes", LINE_ROLE_BALLOTS_CAST: "the ballots cast", LINE_ROLE_BALLOTS_ISSUED: "the ballots issued" }[l.majorityBase] || "";
  const who = l.choice ? nameOf(l.choice) : "No single leader";
  let status;
  if (l.winsOutright) status = need ? "wins outright" : "wins by plurality (first past the post)";
  else if (l.runoffUndecided) status = `runoff needed; candidates tie for a runoff place: ${(l.runoffChoices || []).map(nameOf).join(", ")}`;
  else if (l.runoffRequired && (l.runoffChoices || []).length) status = `runoff needed between ${(l.runoffChoices || []).map(nameOf).join(" and ")}`;
  else status = "no outright winner on this count";
  $("majority-track").setAttribute("aria-label", `${who}: ${l.share ? l.share.percent : "0"} % against ${need} % required`);
  $("majority-note").textContent = `${who}: ${l.share && l.share.percent ? l.share.percent : "0"} % of ${base || "the majority base"}` +
    (need ? ` (more than ${need} % needed)` : "") + ` — ${status}${t.status === "RESULT_STATUS_UNOFFICIAL_PARTIAL" ? ", on a partial count" : ""}.`;
}

async function renderSeats(t) {
  const chart = $("chart"), body = $("seats").tBodies[0], note = $("seats-note");
  // One candidate wins a single-winner contest: no seats to share.
  const single = !!(state.contestInfo && state.contestInfo.kind === "CONTEST_KIND_SINGLE_WINNER");
  $("seats-panel").hidden = single;
  $("preset").parentElement.hidden = single;
  if (single) return;
  // A nationwide rule elects from the whole count: a region's or a station's
  // own votes elect nobody, so no seat chart is drawn from them.
  if (state.unit && state.unit !== state.rootUnit) {
    chart.textContent = ""; body.textContent = ""; $("projection").hidden = true;
    note.textContent = `Seats are allocated from the count of the whole election (${state.rootLabel}); this unit's own votes elect nobody, so no seat chart is drawn for it.`;
    return;
  }
  if (!state.preset) { chart.textContent = ""; body.textContent = ""; note.textContent = "Pick a seat rule to see an allocation."; return; }
  let res;
  try {
    // The seats service reads the live totals itself (AllocateContest).
    res = await api(`/v1/${contestName()}:allocate`, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ preset: state.preset, unit: `elections/${state.election}/units/${state.unit}` }) });
  } catch (e) { note.textContent = "No allocation: " + e.message; body.textContent = ""; chart.textContent = ""; return; }
  const a = res.allocation;
  body.textContent = "";
  for (const p of a.parties || []) {
    if (!p.seats && p.qualification !== "QUALIFICATION_QUALIFIED") continue;
    const tr = body.insertRow();
    tr.dataset.party = p.id;
    tr.innerHTML = `<td><span class="swatch"></span></td><td class="n seats"></td><td class="n"></td><td class="n"></td>`;
    tr.cells[0].querySelector(".swatch").style.background = colorOf(p.id);
    tr.cells[0].append(p.displayName || p.id);
    tr.cells[1].textContent = String(p.seats || 0);
    tr.cells[2].textContent = p.votesToGain != null ? num(p.votesToGain) : "–";
    tr.cells[3].textContent = p.votesToLose != null ? num(p.votesToLose) : "–";
  }
  $("projection").hidden = !res.projection;
  const preset = state.presets.find((x) => x.name === state.preset) || {};
  const reservedBy = preset.reservedSeatsSource ? ` filled by the ${preset.reservedSeatsSource}` : "";
  note.textContent = `${num(a.seats)} seats by the rule “${preset.displayName || idOf(state.preset)}”` +
    (a.reservedSeats ? `; ${num(a.reservedSeats)} more${reservedBy}, not distributed by votes` : "") + ". " + (res.note || "");
  const q = new URLSearchParams({ preset: state.preset, unit: state.unit, v: String(t.resultsVersion) });
  const r = await fetch(`/charts/${contestName()}/hemicycle.svg?` + q.toString());
  chart.innerHTML = r.ok ? await r.text() : "";
}

// The election's chambers (from its definition).
const chambersOf = () => {
  const e = (state.elections || []).find((x) => idOf(x.name) === state.election);
  return (e && e.chambers) || [];
};

// The chamber shown: the one picked (kept in the address), else the first.
const chamberOf = () => {
  const cs = chambersOf();
  return cs.find((c) => idOf(c.name) === state.chamber) || cs[0] || null;
};

// fillChamberPick offers the election's chambers when it has more than one.
function fillChamberPick(current) {
  const cs = chambersOf(), sel = $("chamber-pick");
  $("chamber-pick-label").hidden = cs.length < 2;
  const ids = cs.map((c) => idOf(c.name)).join(" ");
  if (sel.dataset.ids !== ids) {
    sel.textContent = "";
    for (const c of cs) option(sel, idOf(c.name), c.displayName || idOf(c.name), false);
    sel.dataset.ids = ids;
  }
  sel.value = idOf(current.name);
}

// districtsShown bounds the chamber's districts table to the closest calls.
const districtsShown = 15;

// renderChamber shows the whole chamber the election defines, composed by
// the seats service from the live count of every tier: the hemicycle, the
// seats by tier and the districts with the closest calls first. It is drawn
// at the root only: a chamber is elected by the whole count.
async function renderChamber(t) {
  const box = $("chamber"), ch = chamberOf();
  box.hidden = !ch || (state.unit && state.unit !== state.rootUnit);
  if (box.hidden) return;
  fillChamberPick(ch);
  let c;
  try {
    c = await api(`/v1/${ch.name}:composition`);
  } catch (e) { $("chamber-note").textContent = "No composition: " + e.message; return; }
  $("chamber-title").textContent = `${c.displayName || idOf(c.chamber)}: ${num(c.totalSeats)} seats`;
  $("chamber-projection").hidden = !c.projection;
  $("chamber-note").textContent = (c.undecidedSeats ? `${num(c.undecidedSeats)} seats undecided. ` : "") + (c.note || "") +
    ` Results version ${num(c.resultsVersion)}.`;
  const tiers = c.tiers || [];
  const head = $("chamber-tiers").tHead, body = $("chamber-tiers").tBodies[0];
  head.innerHTML = "<tr><th>Party</th></tr>";
  for (const tr of tiers) { const th = document.createElement("th"); th.className = "n"; th.textContent = tr.displayName || tr.id; head.rows[0].append(th); }
  head.rows[0].insertAdjacentHTML("beforeend", '<th class="n">Total</th>');
  body.textContent = "";
  const row = (label, color, cells, total) => {
    const r = body.insertRow();
    r.innerHTML = "<td></td>";
    if (color !== null) { const sw = document.createElement("span"); sw.className = "swatch"; sw.style.background = color || "#888"; r.cells[0].append(sw); }
    r.cells[0].append(label);
    for (const v of [...cells, total]) { const td = r.insertCell(); td.className = "n"; td.textContent = String(v); }
    return r;
  };
  for (const p of c.parties || []) {
    row(p.displayName || p.party, p.color || colorOf(p.party), tiers.map((tr) => ((tr.parties || []).find((q) => q.party === p.party) || {}).seats || 0), p.seats || 0).dataset.party = p.party;
  }
  if (c.undecidedSeats) row("Undecided", "#d9d9d9", tiers.map((tr) => tr.undecidedSeats || 0), c.undecidedSeats).className = "undecided";
  const q = new URLSearchParams({ v: String(c.resultsVersion || t.resultsVersion) });
  const r = await fetch(`/charts/${ch.name}/hemicycle.svg?` + q.toString());
  $("chamber-chart").innerHTML = r.ok ? await r.text() : "";
  // Districts of every tier, closest calls first (undecided ones at the top).
  const ds = [];
  for (const tr of tiers) for (const d of tr.districts || []) ds.push(d);
  $("chamber-districts-box").hidden = !ds.length;
  const close = (d) => (d.closestCall === undefined || d.closestCall === "" ? Infinity : (d.decided === false && d.contest ? -1 : Number(d.closestCall)));
  ds.sort((a, b) => close(a) - close(b));
  $("chamber-districts-title").textContent = ds.length > districtsShown ? `Districts: the ${districtsShown} closest calls of ${ds.length}` : "Districts, closest calls first";
  const db = $("chamber-districts").tBodies[0];
  db.textContent = "";
  for (const d of ds.slice(0, districtsShown)) {
    const r2 = db.insertRow();
    r2.innerHTML = `<td></td><td class="n"></td><td></td><td class="n"></td><td class="n"></td>`;
    r2.cells[0].textContent = d.displayName || idOf(d.unit);
    r2.cells[1].textContent = String(d.seats || 0);
    const nameOf = (id) => { const p = (c.parties || []).find((x) => x.party === id); return (p && p.displayName) || id; };
    const parts = Object.entries(d.partySeats || {}).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${nameOf(k)} ${v}`);
    r2.cells[2].textContent = d.contest ? (d.decided ? `${nameOf(d.leaderParty)} (${d.leader})` : d.runoffRequired ? "runoff" : "undecided") : parts.join(", ");
    r2.cells[3].textContent = d.closestCall ? (Number(d.closestCall) * 100).toFixed(2) + " %" : "–";
    r2.cells[4].textContent = `${num(d.stationsReporting)} / ${num(d.stationsTotal)}`;
  }
}

async function renderChildren() {
  const body = $("children").tBodies[0];
  // A station has no units below: say what it is instead of an empty table.
  const station = !!(state.unitInfo && state.unitInfo.station);
  $("below").hidden = station;
  $("station").hidden = !station;
  if (station) {
    const u = state.unitInfo;
    $("station-note").textContent = `${u.displayName || idOf(u.name)} is a polling station` +
      (u.registeredVoters && u.registeredVoters !== "0" ? ` with ${num(u.registeredVoters)} registered voters` : "") +
      ": the numbers above are its protocol, as last submitted.";
    body.textContent = "";
    return;
  }
  const { reportingUnits = [] } = await api(`/v1/elections/${state.election}/units?pageSize=1000&parentUnit=${encodeURIComponent(`elections/${state.election}/units/${state.unit}`)}`);
  const kids = reportingUnits.filter((u) => idOf(u.name) !== state.unit);
  $("below").hidden = !kids.length;
  $("children-title").textContent = kids.length ? (kids[0].station ? "Stations" : "By " + (kids[0].level || "unit")) : "";
  const rows = await Promise.all(kids.map((u) => api(totalsPath(idOf(u.name))).then((t) => [u, t]).catch(() => [u, null])));
  body.textContent = "";
  for (const [u, t] of rows) {
    const tr = body.insertRow();
    tr.dataset.unit = idOf(u.name);
    let leader = null;
    for (const c of (t && t.choices) || []) if (!leader || BigInt(c.votes) > BigInt(leader.votes)) leader = c;
    tr.innerHTML = `<td></td><td class="n"></td><td class="n"></td><td></td><td class="n"></td>`;
    tr.cells[0].textContent = u.displayName || idOf(u.name);
    tr.cells[1].textContent = t ? `${num(t.stationsReporting)} / ${num(t.stationsTotal)}` : "–";
    tr.cells[2].textContent = pct(t && t.turnout);
    tr.cells[3].textContent = leader && leader.votes !== "0" ? leader.displayName || leader.choice : "–";
    tr.cells[4].textContent = pct(leader && leader.share);
    if (!u.station) {
      tr.className = "link";
      tr.addEventListener("click", () => drill(idOf(u.name), u.displayName || idOf(u.name)));
    }
  }
}

function renderCrumbs() {
  const nav = $("crumbs");
  nav.textContent = "";
  state.path.forEach(([id, label], i) => {
    if (i) { const s = document.createElement("span"); s.className = "sep"; s.textContent = "›"; nav.append(s); }
    if (i === state.path.length - 1) { nav.append(label); return; }
    const a = document.createElement("a");
    a.textContent = label;
    a.addEventListener("click", () => { state.path = state.path.slice(0, i + 1); state.unit = id; refreshAll(); });
    nav.append(a);
  });
}

function drill(unit, label) {
  state.path.push([unit, label]);
  state.unit = unit;
  refreshAll();
}

let pending = null, lastSlow = 0;
// slowRefresh re-reads seats and regions at most once a second.
function slowRefresh(t) {
  clearTimeout(pending);
  const wait = Math.max(0, 1000 - (Date.now() - lastSlow));
  pending = setTimeout(async () => {
    lastSlow = Date.now();
    try { await Promise.all([renderSeats(t), renderChildren(), renderChamber(t)]); } catch (e) { showError(e); }
  }, wait);
}

// watch follows the totals stream. It always asks from version 0, so the
// first message is the current totals: the page is up to date at once after
// a reconnect (it shows totals, not the list of changes it may have missed),
// and the response starts without waiting for the next change.
async function watch() {
  if (state.abort) state.abort.abort();
  const ctl = new AbortController();
  state.abort = ctl;
  const live = $("live");
  for (let delay = 500; !ctl.signal.aborted; delay = Math.min(delay * 2, 10000)) {
    try {
      const r = await fetch(`${totalsPath(state.unit)}:watch`, { signal: ctl.signal });
      if (!r.ok || !r.body) throw new Error("watch: HTTP " + r.status);
      live.textContent = "live"; live.className = "on";
      delay = 500;
      const reader = r.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let nl;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (!line) continue;
          const msg = JSON.parse(line);
          if (msg.error) throw new Error(msg.error.message);
          const t = msg.result && msg.result.totals;
          if (t) { renderTotals(t); slowRefresh(t); }
        }
      }
    } catch (e) {
      if (ctl.signal.aborted) return;
    }
    live.textContent = "reconnecting"; live.className = "off";
    await new Promise((res) => setTimeout(res, delay));
  }
}

async function refreshAll() {
  showError(null);
  remember();
  renderCrumbs();
  try {
    state.unitInfo = state.unit ? await api(`/v1/elections/${state.election}/units/${encodeURIComponent(state.unit)}`) : null;
    const t = await api(totalsPath(state.unit));
    renderTotals(t);
    await Promise.all([renderSeats(t), renderChildren(), renderChamber(t)]);
    $("forensics-body").hidden = true;
  } catch (e) { showError(e); }
  watch();
}

async function start() {
  try {
    await loadElections();
    if (!state.election) return;
    await loadPresets();
    await findRoot();
    const p = params();
    state.unit = p.unit || state.rootUnit;
    state.chamber = p.chamber;
    state.path = await pathTo(state.unit);
    await refreshAll();
  } catch (e) { showError(e); }
}

async function loadForensics() {
  const btn = $("load-forensics");
  btn.disabled = true; btn.textContent = "Computing…";
  try {
    const r = await api(`/v1/${contestName()}/forensicsReports/${state.unit}?replicates=200`);
    $("disclaimer").textContent = r.disclaimer;
    $("fingerprint").innerHTML = (r.fingerprint && r.fingerprint.svg) || "";
    $("fingerprint-note").textContent = r.fingerprint ? `Correlation of turnout and leader share: ${Number(r.fingerprint.correlation).toFixed(3)} over ${num(r.fingerprint.stations)} stations.` : "";
    const it = r.integerPercentTest || {};
    $("integer-hist").innerHTML = histogramSVG(it.turnoutHistogram || []);
    $("integer-note").textContent = `Stations with a whole-percentage turnout or leader share: ${num(it.observed)} observed, ${Number(it.expected || 0).toFixed(1)} expected (SD ${Number(it.standardDeviation || 0).toFixed(1)}).`;
    $("forensics-body").hidden = false;
  } catch (e) { showError(e); }
  btn.disabled = false; btn.textContent = "Compute the indicators";
}

// histogramSVG draws 1,000 bins of 0.1 point as bars, whole percentages
// marked every 10 points.
function histogramSVG(bins) {
  const w = 1000, h = 220, max = Math.max(1, ...bins.map(Number));
  let bars = "";
  bins.forEach((n, i) => {
    const v = Number(n);
    if (!v) return;
    const bh = (v / max) * (h - 30);
    bars += `<rect x="${i}" y="${(h - 20 - bh).toFixed(1)}" width="1" height="${bh.toFixed(1)}"/>`;
  });
  let axis = "";
  for (let p = 0; p <= 100; p += 10) axis += `<text x="${p * 10}" y="${h - 4}" font-size="12" text-anchor="middle">${p}%</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-10 0 1020 ${h}" role="img" aria-label="stations by turnout"><g fill="#1f6fb2">${bars}</g><g fill="#5b6470" font-family="sans-serif">${axis}</g></svg>`;
}

$("election").addEventListener("change", async () => { state.election = $("election").value; fillContests(""); state.preset = ""; state.chamber = ""; history.replaceState(null, "", "?election=" + state.election); await loadPresets(); await findRoot(); state.unit = state.rootUnit; state.path = [[state.rootUnit, state.rootLabel]]; state.version = 0; refreshAll(); });
$("contest").addEventListener("change", () => { state.contest = $("contest").value; fillContests(state.contest); $("preset").value = contestPreset(); state.preset = $("preset").value; state.version = 0; refreshAll(); });
$("preset").addEventListener("change", () => { state.preset = $("preset").value; refreshAll(); });
$("chamber-pick").addEventListener("change", () => { state.chamber = $("chamber-pick").value; refreshAll(); });
$("load-forensics").addEventListener("click", loadForensics);
start();
