#!/usr/bin/python3
"""A Mandate client in Python, with Debian's python3-grpcio and python3-protobuf.

It uses the generated package in the repository's gen/python (make gen):
the mandate.* stubs and messages, and mandate_status to read the details of
a refused call. It:

1. sends a protocol with a negative count, which the tally refuses, and
   decodes the refusal's google.rpc.BadRequest (the field path) and
   google.rpc.ErrorInfo (the reason);
2. submits a correction of one polling station's protocol: it reads the
   current version with GetProtocol and moves --move votes from one party to
   another (the control relations still hold), as the token's caller;
3. reads the contest's national totals with GetTotals;
4. apportions the seats with SeatsService.Apportion, a preset and the totals'
   party votes.

It prints a JSON summary on stdout. Run it with the interpreter that sees
Debian's packages:

    /usr/bin/python3 services/e2e/clients/python/mandate_client.py \\
        --tally 127.0.0.1:50051 --seats 127.0.0.1:50052 --token "$(cat var/dev-admin.token)"
"""

import argparse
import json
import os
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GEN = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "gen", "python"))


def main():
    ap = argparse.ArgumentParser(description="Submit a correction, read totals and apportion over gRPC.")
    ap.add_argument("--tally", required=True, help="tallyd gRPC address, host:port")
    ap.add_argument("--seats", required=True, help="seatsd gRPC address, host:port")
    ap.add_argument("--token", default=os.environ.get("MANDATE_TOKEN", ""),
                    help="bearer token allowed to submit protocols (default $MANDATE_TOKEN)")
    ap.add_argument("--gen", default=DEFAULT_GEN, help="the generated package, the repository's gen/python")
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

    sys.path.insert(0, args.gen)
    import grpc  # Debian: python3-grpcio
    import mandate_status
    from mandate.seats.v1 import apportionment_pb2, seats_service_pb2, seats_service_pb2_grpc
    from mandate.tally.v1 import protocol_pb2, tally_service_pb2, tally_service_pb2_grpc

    auth = [("authorization", "Bearer " + args.token)]
    election = args.contest.split("/contests/")[0]
    with grpc.insecure_channel(args.tally) as tch, grpc.insecure_channel(args.seats) as sch:
        tally = tally_service_pb2_grpc.TallyServiceStub(tch)
        seats = seats_service_pb2_grpc.SeatsServiceStub(sch)

        current = tally.GetProtocol(
            tally_service_pb2.GetProtocolRequest(name=f"{args.contest}/protocols/{args.station}"),
            metadata=auth, timeout=args.timeout).current
        votes = dict(current.votes)
        for party in (args.from_party, args.to_party):
            if party not in votes:
                sys.exit(f"mandate_client: {party} is not a choice of {args.contest}")

        def submit(votes, reason):
            return tally.SubmitProtocol(tally_service_pb2.SubmitProtocolRequest(
                parent=args.contest,
                station=f"{election}/units/{args.station}",
                lines=dict(current.lines),
                votes=votes,
                request_id="python-client-" + uuid.uuid4().hex,
                replaces_version=current.version,
                reason=reason[:200],
                kind=protocol_pb2.SUBMISSION_KIND_CORRECTION,
            ), metadata=auth, timeout=args.timeout)

        # 1. A refused request: a negative count.
        refused = {}
        try:
            submit({**votes, args.to_party: -1}, "a count below zero, which must be refused")
            sys.exit("mandate_client: a negative count was accepted")
        except grpc.RpcError as e:
            bad = mandate_status.bad_request(e)
            refused = {
                "code": e.code().name,
                "fields": [v.field for v in bad.field_violations] if bad else [],
                # Every ErrorInfo, to show there is exactly one.
                "reasons": [d.reason for d in mandate_status.details(e) if d.DESCRIPTOR.full_name == "google.rpc.ErrorInfo"],
            }

        # 2. The correction: the current protocol with --move votes moved.
        if votes[args.from_party] < args.move:
            sys.exit(f"mandate_client: {args.from_party} has only {votes[args.from_party]} votes at {args.station}")
        votes[args.from_party] -= args.move
        votes[args.to_party] += args.move
        submitted = submit(votes, f"transcription error: {args.move} votes of {args.from_party} were written for {args.to_party}")

        # 3. The totals.
        totals = tally.GetTotals(
            tally_service_pb2.GetTotalsRequest(name=f"{args.contest}/totals/{args.unit}"),
            metadata=auth, timeout=args.timeout)

        # 4. The seats.
        apportioned = seats.Apportion(seats_service_pb2.ApportionRequest(
            preset=args.preset,
            parties=[apportionment_pb2.Party(id=c.choice, votes=c.votes) for c in totals.choices],
        ), timeout=args.timeout)

    summary = {
        "client": "python",
        "grpc_version": grpc.__version__,
        "refused": refused,
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
