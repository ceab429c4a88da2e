// Mandate's gRPC API for Node.js. The services and messages are loaded from
// the copy of proto/ in this package (make gen), so a user needs no include
// path or vendored googleapis; types/ has their TypeScript types
// (index.d.ts).
//
//   const { api, grpc } = require('mandate-api');
//   const tally = new api.mandate.tally.v1.TallyService('127.0.0.1:50051', grpc.credentials.createInsecure());
//
// Messages use the JSON field names (lowerCamelCase); int64 values are
// decimal strings (an election's counts fit a double, but a client should
// not have to trust that), enums their names.
'use strict';

const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const status = require('./status');

const protoDir = path.join(__dirname, 'proto');
const options = Object.freeze({ keepCase: false, longs: String, enums: String, defaults: true, oneofs: true, includeDirs: [protoDir] });
const definition = protoLoader.loadSync(
  ['mandate/tally/v1/tally_service.proto', 'mandate/seats/v1/seats_service.proto', 'google/rpc/status.proto', 'google/rpc/error_details.proto'],
  options,
);
const api = grpc.loadPackageDefinition(definition);

module.exports = {
  api,
  definition,
  protoDir,
  grpc,
  options,
  statusDetails: status.statusDetails,
  badRequest: status.badRequest,
  errorInfo: status.errorInfo,
};
