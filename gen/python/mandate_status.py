"""The details of a refused Mandate call, for grpcio clients.

A Mandate error carries a google.rpc.Status in the grpc-status-details-bin
trailer: a google.rpc.BadRequest naming the refused field paths and one
google.rpc.ErrorInfo giving the reason. With this directory on sys.path:

    import grpc
    import mandate_status
    try:
        stub.SubmitProtocol(request, metadata=auth)
    except grpc.RpcError as e:
        bad = mandate_status.bad_request(e)    # BadRequest or None
        info = mandate_status.error_info(e)    # ErrorInfo or None
        paths = [v.field for v in bad.field_violations] if bad else []

Works with Debian's python3-grpcio and python3-protobuf; the google.rpc
modules are generated beside this file (make gen). This file is not
generated.
"""

from google.rpc import error_details_pb2, status_pb2

__all__ = ["status", "details", "bad_request", "error_info"]

# Every detail type google.rpc defines, by full name.
_TYPES = {
    cls.DESCRIPTOR.full_name: cls
    for cls in (
        error_details_pb2.BadRequest,
        error_details_pb2.ErrorInfo,
        error_details_pb2.RetryInfo,
        error_details_pb2.DebugInfo,
        error_details_pb2.QuotaFailure,
        error_details_pb2.PreconditionFailure,
        error_details_pb2.RequestInfo,
        error_details_pb2.ResourceInfo,
        error_details_pb2.Help,
        error_details_pb2.LocalizedMessage,
    )
}


def status(error):
    """The google.rpc.Status of a grpc.RpcError (or grpc.Call), or None."""
    metadata = getattr(error, "trailing_metadata", None)
    for key, value in (metadata() if callable(metadata) else None) or ():
        if key == "grpc-status-details-bin":
            s = status_pb2.Status()
            s.ParseFromString(value)
            return s
    return None


def details(error):
    """The status's details as messages; unknown types stay google.protobuf.Any."""
    s = status(error)
    out = []
    for any_ in s.details if s is not None else ():
        cls = _TYPES.get(any_.TypeName())
        if cls is None:
            out.append(any_)
            continue
        m = cls()
        any_.Unpack(m)
        out.append(m)
    return out


def _first(error, cls):
    for d in details(error):
        if isinstance(d, cls):
            return d
    return None


def bad_request(error):
    """The error's google.rpc.BadRequest (field paths of refused fields), or None."""
    return _first(error, error_details_pb2.BadRequest)


def error_info(error):
    """The error's google.rpc.ErrorInfo (one reason per error), or None."""
    return _first(error, error_details_pb2.ErrorInfo)
