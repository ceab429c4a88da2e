#!/usr/bin/python3
"""A Mandate client in Python, with Debian's python3-grpcio.

It generates the Python stubs from the repository's proto/ at run time (with
python3-grpc-tools' grpc_tools.protoc, into a temporary directory), then:

1. submits a correction of one polling station's protocol: it reads the
   current version with GetProtocol and moves --move votes from one party to
   another (the control relations still hold), as the token's caller;
2. reads the contest's national totals with GetTotals;
3. apportions the seats with SeatsService.Apportion, a preset and the totals'
   party votes.

It prints a JSON summary on stdout. Run it with the interpreter that sees
Debian's packages:

    /usr/bin/python3 services/e2e/clients/python/mandate_client.py \
        --tally 127.0.0.1:50051 --seats 127.0.0.1:50052 --token "$(cat var/dev-admin.token)"
"""

import argparse
import importlib
import json
import os
import re
import subprocess
import sys
import tempfile
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PROTO = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "proto"))
ROOTS = ["mandate/tally/v1/tally_service.proto", "mandate/seats/v1/seats_service.proto"]
IMPORT = re.compile(r'^\s*import\s+(?:public\s+|weak\s+)?"([^"]+)"\s*;', re.M)


def proto_files(include_dirs):
    """The root protos and every file they import, found in include_dirs.

    Imports that none of include_dirs holds (google/protobuf/*) come with
    grpc_tools itself and are not compiled here.
    """
    seen, todo, found = set(), list(ROOTS), []
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        for d in include_dirs:
            path = os.path.join(d, name)
            if os.path.isfile(path):
                found.append(name)
                with open(path, encoding="utf-8") as f:
                    todo.extend(IMPORT.findall(f.read()))
                break
    return sorted(found)


def generate(proto_dir, out_dir):
    """Writes the *_pb2.py and *_pb2_grpc.py stubs into out_dir."""
    includes = [proto_dir, os.path.join(proto_dir, "vendor", "googleapis")]
    files = proto_files(includes)
    missing = [r for r in ROOTS if r not in files]
    if missing:
        sys.exit(f"mandate_client: {', '.join(missing)} not found under {proto_dir}")
    cmd = [sys.executable, "-m", "grpc_tools.protoc"]
    cmd += [f"-I{d}" for d in includes]
    cmd += [f"--python_out={out_dir}", f"--grpc_python_out={out_dir}"] + files
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"mandate_client: grpc_tools.protoc failed ({run.returncode}):\n{run.stderr}")
    return files


def main():
    ap = argparse.ArgumentParser(description="Submit a correction, read totals and apportion over gRPC.")
    ap.add_argument("--tally", required=True, help="tallyd gRPC address, host:port")
    ap.add_argument("--seats", required=True, help="seatsd gRPC address, host:port")
    ap.add_argument("--token", default=os.environ.get("MANDATE_TOKEN", ""),
                    help="bearer token allowed to submit protocols (default $MANDATE_TOKEN)")
    ap.add_argument("--proto", default=DEFAULT_PROTO, help="the repository's proto/ directory")
    ap.add_argument("--contest", default="elections/kz-2012/contests/mazhilis")
    ap.add_argument("--station", default="astana-1", help="station unit id whose protocol is corrected")
    ap.add_argument("--unit", default="kz", help="unit whose totals are read")
    ap.add_argument("--preset", default="presets/kz-mazhilis-2009")
    ap.add_argument("--move", type=int, default=100, help="votes moved from --from to --to")
    ap.add_argument("--from", dest="from_party", default="nur-otan")
    ap.add_argument("--to", dest="to_party", default="ak-zhol")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per call")
    args = ap.parse_args()
    if not args.token:
        sys.exit("mandate_client: --token (or MANDATE_TOKEN) is required to submit a protocol")

    import grpc  # Debian: python3-grpcio

    with tempfile.TemporaryDirectory(prefix="mandate-py-") as out:
        generate(args.proto, out)
        sys.path.insert(0, out)
        tally_pb2 = importlib.import_module("mandate.tally.v1.tally_service_pb2")
        tally_grpc = importlib.import_module("mandate.tally.v1.tally_service_pb2_grpc")
        seats_pb2 = importlib.import_module("mandate.seats.v1.seats_service_pb2")
        seats_grpc = importlib.import_module("mandate.seats.v1.seats_service_pb2_grpc")
        apportionment_pb2 = importlib.import_module("mandate.seats.v1.apportionment_pb2")
        protocol_pb2 = importlib.import_module("mandate.tally.v1.protocol_pb2")

        auth = [("authorization", "Bearer " + args.token)]
        election = args.contest.split("/contests/")[0]
        with grpc.insecure_channel(args.tally) as tch, grpc.insecure_channel(args.seats) as sch:
            tally = tally_grpc.TallyServiceStub(tch)
            seats = seats_grpc.SeatsServiceStub(sch)

            # 1. The correction: the current protocol with --move votes moved.
            current = tally.GetProtocol(
                tally_pb2.GetProtocolRequest(name=f"{args.contest}/protocols/{args.station}"),
                metadata=auth, timeout=args.timeout).current
            votes = dict(current.votes)
            for party in (args.from_party, args.to_party):
                if party not in votes:
                    sys.exit(f"mandate_client: {party} is not a choice of {args.contest}")
            if votes[args.from_party] < args.move:
                sys.exit(f"mandate_client: {args.from_party} has only {votes[args.from_party]} votes at {args.station}")
            votes[args.from_party] -= args.move
            votes[args.to_party] += args.move
            submitted = tally.SubmitProtocol(tally_pb2.SubmitProtocolRequest(
                parent=args.contest,
                station=f"{election}/units/{args.station}",
                lines=dict(current.lines),
                votes=votes,
                request_id="python-client-" + uuid.uuid4().hex,
                replaces_version=current.version,
                reason=f"transcription error: {args.move} votes of {args.from_party} were written for {args.to_party}"[:200],
                kind=protocol_pb2.SUBMISSION_KIND_CORRECTION,
            ), metadata=auth, timeout=args.timeout)

            # 2. The totals.
            totals = tally.GetTotals(
                tally_pb2.GetTotalsRequest(name=f"{args.contest}/totals/{args.unit}"),
                metadata=auth, timeout=args.timeout)

            # 3. The seats.
            apportioned = seats.Apportion(seats_pb2.ApportionRequest(
                preset=args.preset,
                parties=[apportionment_pb2.Party(id=c.choice, votes=c.votes) for c in totals.choices],
            ), timeout=args.timeout)

    summary = {
        "client": "python",
        "grpc_version": grpc.__version__,
        "correction": {
            "station": submitted.protocol.station,
            "protocol_version": submitted.protocol.current.version,
            "replaced_version": current.version,
            "results_version": submitted.results_version,
            "moved": args.move,
            "from": args.from_party,
            "to": args.to_party,
        },
        "totals": {
            "name": totals.name,
            "results_version": totals.results_version,
            "votes": {c.choice: c.votes for c in totals.choices},
        },
        "results_version": totals.results_version,
        "seats": {p.id: p.seats for p in apportioned.allocation.parties},
    }
    json.dump(summary, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # a gRPC error: say which call and code, not a traceback
        code = getattr(e, "code", None)
        if callable(code):
            sys.exit(f"mandate_client: {code().name}: {e.details()}")
        raise
