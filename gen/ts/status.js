// The details of a refused call: a Mandate error carries a google.rpc.Status
// in the grpc-status-details-bin trailer, with a BadRequest naming the
// refused field paths and one ErrorInfo giving the reason.
'use strict';

const path = require('node:path');
const protobuf = require('protobufjs');

let root = null;
function types() {
  if (!root) {
    root = new protobuf.Root();
    // google/protobuf/* are protobufjs's own copies; the rest is this
    // package's proto/.
    root.resolvePath = (_, target) => (target.startsWith('google/protobuf/') ? target : path.join(__dirname, 'proto', target));
    root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: false });
  }
  return root;
}

const toObject = { longs: String, enums: String, defaults: true };

// statusDetails returns the google.rpc.Status of a @grpc/grpc-js error, its
// details decoded ({'@type': 'google.rpc.BadRequest', fieldViolations: [...]}),
// or null when the error carries none.
function statusDetails(err) {
  const raw = err && err.metadata && err.metadata.get('grpc-status-details-bin')[0];
  if (!raw) return null;
  const Status = types().lookupType('google.rpc.Status');
  const s = Status.decode(raw);
  const details = (s.details || []).map((any) => {
    const name = any.type_url.slice(any.type_url.lastIndexOf('/') + 1);
    let type = null;
    try { type = types().lookupType(name); } catch (_) { /* a type this package does not know */ }
    if (!type) return { '@type': name, value: Buffer.from(any.value).toString('base64') };
    return { '@type': name, ...type.toObject(type.decode(any.value), toObject) };
  });
  return { code: s.code, message: s.message, details };
}

// badRequest returns the error's google.rpc.BadRequest ({fieldViolations:
// [{field, description, reason}]}) or null.
function badRequest(err) {
  const s = statusDetails(err);
  return (s && s.details.find((d) => d['@type'] === 'google.rpc.BadRequest')) || null;
}

// errorInfo returns the error's google.rpc.ErrorInfo ({reason, domain,
// metadata}) or null.
function errorInfo(err) {
  const s = statusDetails(err);
  return (s && s.details.find((d) => d['@type'] === 'google.rpc.ErrorInfo')) || null;
}

module.exports = { statusDetails, badRequest, errorInfo };
