#!/usr/bin/env node
// A Mandate client in Node.js over @grpc/grpc-js, using the generated
// package in the repository's gen/ts (mandate-api, a dependency of this
// directory's package.json):
//
//   0. sends a protocol with a negative count, which the tally refuses, and
//      decodes the refusal's google.rpc.BadRequest (the field path) and
//      google.rpc.ErrorInfo (the reason);
//   1. submits a correction of one polling station's protocol: it reads the
//      current version with GetProtocol and moves --move votes from one party
//      to another (the control relations still hold), as the token's caller;
//   2. reads the contest's national totals with GetTotals;
//   3. apportions the seats with SeatsService.Apportion, a preset and the
//      totals' party votes.
//
// It prints a JSON summary on stdout.
//
//   cd services/e2e/clients/node && npm ci   # links ../../../../gen/ts
//   node client.js --tally 127.0.0.1:50051 --seats 127.0.0.1:50052 --token "$(cat ../../../../var/dev-admin.token)"
'use strict';

const crypto = require('node:crypto');
const { parseArgs } = require('node:util');
const mandate = require('mandate-api');

const { grpc, api } = mandate;

const { values: args } = parseArgs({
  options: {
    tally: { type: 'string' },
    seats: { type: 'string' },
    token: { type: 'string', default: process.env.MANDATE_TOKEN || '' },
    contest: { type: 'string', default: 'elections/kz-2012/contests/mazhilis' },
    station: { type: 'string', default: 'astana-1' },
    unit: { type: 'string', default: 'kz' },
    preset: { type: 'string', default: 'presets/kz-mazhilis-2009' },
    move: { type: 'string', default: '100' },
    from: { type: 'string', default: 'nur-otan' },
    to: { type: 'string', default: 'ak-zhol' },
    timeout: { type: 'string', default: '30' },
  },
  strict: true,
});

function fail(msg) {
  process.stderr.write(`client.js: ${msg}\n`);
  process.exit(1);
}

if (!args.tally || !args.seats) fail('--tally and --seats are required');
if (!args.token) fail('--token (or MANDATE_TOKEN) is required to submit a protocol');
const move = Number(args.move);
if (!Number.isSafeInteger(move) || move < 0) fail(`--move ${args.move}: not a count`);

// int64 counts arrive as decimal strings (longs: String); every count an
// election has fits a double exactly, which this checks.
function count(s) {
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new Error(`count ${s} is not a safe integer`);
  return n;
}


// call runs one unary method with a deadline and returns a promise.
function call(client, method, request, metadata) {
  const deadline = new Date(Date.now() + Number(args.timeout) * 1000);
  return new Promise((resolve, reject) => {
    client[method](request, metadata || new grpc.Metadata(), { deadline }, (err, res) => {
      if (err) {
        const code = Object.keys(grpc.status).find((k) => grpc.status[k] === err.code) || err.code;
        const e = new Error(`${method}: ${code}: ${err.details}`);
        e.grpc = err;
        e.codeName = code;
        reject(e);
      } else resolve(res);
    });
  });
}

async function main() {
  const creds = grpc.credentials.createInsecure();
  const tally = new api.mandate.tally.v1.TallyService(args.tally, creds);
  const seats = new api.mandate.seats.v1.SeatsService(args.seats, creds);
  const auth = new grpc.Metadata();
  auth.set('authorization', `Bearer ${args.token}`);
  const election = args.contest.split('/contests/')[0];

  try {
    // 1. The correction: the current protocol with --move votes moved.
    const protocol = await call(tally, 'GetProtocol', { name: `${args.contest}/protocols/${args.station}` }, auth);
    const current = protocol.current;
    const votes = {};
    for (const [k, v] of Object.entries(current.votes)) votes[k] = count(v);
    for (const p of [args.from, args.to]) if (!(p in votes)) fail(`${p} is not a choice of ${args.contest}`);
    const submit = (v, reason) => call(tally, 'SubmitProtocol', {
      parent: args.contest,
      station: `${election}/units/${args.station}`,
      lines: current.lines,
      votes: Object.fromEntries(Object.entries(v).map(([k, n]) => [k, String(n)])),
      requestId: `node-client-${crypto.randomUUID()}`,
      replacesVersion: current.version,
      reason,
      kind: 'SUBMISSION_KIND_CORRECTION',
    }, auth);

    // 0. A refused request: a negative count.
    let refused = null;
    try {
      await submit({ ...votes, [args.to]: -1 }, 'a count below zero, which must be refused');
    } catch (e) {
      if (!e.grpc) throw e;
      const bad = mandate.badRequest(e.grpc);
      const st = mandate.statusDetails(e.grpc);
      refused = {
        code: e.codeName,
        fields: bad ? bad.fieldViolations.map((v) => v.field) : [],
        // Every ErrorInfo, to show there is exactly one.
        reasons: st ? st.details.filter((d) => d['@type'] === 'google.rpc.ErrorInfo').map((d) => d.reason) : [],
      };
    }
    if (!refused) fail('a negative count was accepted');

    if (votes[args.from] < move) fail(`${args.from} has only ${votes[args.from]} votes at ${args.station}`);
    votes[args.from] -= move;
    votes[args.to] += move;
    const submitted = await submit(votes, `transcription error: ${move} votes of ${args.from} were written for ${args.to}`);

    // 2. The totals.
    const totals = await call(tally, 'GetTotals', { name: `${args.contest}/totals/${args.unit}` }, auth);

    // 3. The seats.
    const apportioned = await call(seats, 'Apportion', {
      preset: args.preset,
      parties: totals.choices.map((c) => ({ id: c.choice, votes: c.votes })),
    });

    const summary = {
      client: 'node',
      grpc_version: require('mandate-api/package.json').dependencies['@grpc/grpc-js'],
      refused,
      correction: {
        station: submitted.protocol.station,
        protocol_version: submitted.protocol.current.version,
        replaced_version: current.version,
        results_version: count(submitted.resultsVersion),
        moved: move,
        from: args.from,
        to: args.to,
      },
      totals: {
        name: totals.name,
        results_version: count(totals.resultsVersion),
        votes: Object.fromEntries(totals.choices.map((c) => [c.choice, count(c.votes)])),
      },
      results_version: count(totals.resultsVersion),
      seats: Object.fromEntries(apportioned.allocation.parties.map((p) => [p.id, p.seats])),
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } finally {
    tally.close();
    seats.close();
  }
}

main().catch((err) => fail(err.message));
