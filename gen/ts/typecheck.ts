// Compiled by `make gen-check` (npm run typecheck), never shipped: the
// package's declared types (index.d.ts over the generated types/) describe
// how a client really uses it, and a misspelt field is a type error.
import { api, grpc, badRequest, errorInfo } from './index';
import type { SubmitProtocolRequest } from './types/mandate/tally/v1/SubmitProtocolRequest';
import type { Totals__Output } from './types/mandate/tally/v1/Totals';

const tally = new api.mandate.tally.v1.TallyService('127.0.0.1:50051', grpc.credentials.createInsecure());
const seats = new api.mandate.seats.v1.SeatsService('127.0.0.1:50052', grpc.credentials.createInsecure());
const req: SubmitProtocolRequest = { parent: 'elections/e/contests/c', requestId: 'r', votes: { a: '1' } };
tally.SubmitProtocol(req, (err, res) => {
  const bad = badRequest(err);
  const paths: string[] = bad ? bad.fieldViolations.map((v) => v.field) : [];
  const reason: string | undefined = errorInfo(err)?.reason;
  const version: string | undefined = res?.resultsVersion;
  void [paths, reason, version];
});
tally.GetTotals({ name: 'elections/e/contests/c/totals/u' }, (_err, t?: Totals__Output) => void t?.choices[0]?.votes);
seats.ListPresets({}, (_err, res) => void res?.presets.map((p) => p.reservedSeatsSource));

// @ts-expect-error a misspelt field is refused
const misspelt: SubmitProtocolRequest = { parnet: 'x' };
void misspelt;
