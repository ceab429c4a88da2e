from google.api import field_behavior_pb2 as _field_behavior_pb2
from google.api import resource_pb2 as _resource_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Iterable as _Iterable, Mapping as _Mapping, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Checkpoint(_message.Message):
    __slots__ = ["name", "note", "root_hash", "tree_size"]
    NAME_FIELD_NUMBER: _ClassVar[int]
    NOTE_FIELD_NUMBER: _ClassVar[int]
    ROOT_HASH_FIELD_NUMBER: _ClassVar[int]
    TREE_SIZE_FIELD_NUMBER: _ClassVar[int]
    name: str
    note: str
    root_hash: bytes
    tree_size: int
    def __init__(self, name: _Optional[str] = ..., tree_size: _Optional[int] = ..., root_hash: _Optional[bytes] = ..., note: _Optional[str] = ...) -> None: ...

class ConsistencyProof(_message.Message):
    __slots__ = ["first_tree_size", "hashes", "second"]
    FIRST_TREE_SIZE_FIELD_NUMBER: _ClassVar[int]
    HASHES_FIELD_NUMBER: _ClassVar[int]
    SECOND_FIELD_NUMBER: _ClassVar[int]
    first_tree_size: int
    hashes: _containers.RepeatedScalarFieldContainer[bytes]
    second: Checkpoint
    def __init__(self, first_tree_size: _Optional[int] = ..., second: _Optional[_Union[Checkpoint, _Mapping]] = ..., hashes: _Optional[_Iterable[bytes]] = ...) -> None: ...

class InclusionProof(_message.Message):
    __slots__ = ["checkpoint", "hashes", "leaf_hash", "leaf_index"]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    HASHES_FIELD_NUMBER: _ClassVar[int]
    LEAF_HASH_FIELD_NUMBER: _ClassVar[int]
    LEAF_INDEX_FIELD_NUMBER: _ClassVar[int]
    checkpoint: Checkpoint
    hashes: _containers.RepeatedScalarFieldContainer[bytes]
    leaf_hash: bytes
    leaf_index: int
    def __init__(self, leaf_index: _Optional[int] = ..., leaf_hash: _Optional[bytes] = ..., checkpoint: _Optional[_Union[Checkpoint, _Mapping]] = ..., hashes: _Optional[_Iterable[bytes]] = ...) -> None: ...

class LogEntry(_message.Message):
    __slots__ = ["index", "leaf"]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    LEAF_FIELD_NUMBER: _ClassVar[int]
    index: int
    leaf: bytes
    def __init__(self, index: _Optional[int] = ..., leaf: _Optional[bytes] = ...) -> None: ...

class LogReceipt(_message.Message):
    __slots__ = ["checkpoint", "leaf_hash", "leaf_index"]
    CHECKPOINT_FIELD_NUMBER: _ClassVar[int]
    LEAF_HASH_FIELD_NUMBER: _ClassVar[int]
    LEAF_INDEX_FIELD_NUMBER: _ClassVar[int]
    checkpoint: Checkpoint
    leaf_hash: bytes
    leaf_index: int
    def __init__(self, leaf_index: _Optional[int] = ..., leaf_hash: _Optional[bytes] = ..., checkpoint: _Optional[_Union[Checkpoint, _Mapping]] = ...) -> None: ...

class LogSpan(_message.Message):
    __slots__ = ["first_leaf_index", "last_leaf_index"]
    FIRST_LEAF_INDEX_FIELD_NUMBER: _ClassVar[int]
    LAST_LEAF_INDEX_FIELD_NUMBER: _ClassVar[int]
    first_leaf_index: int
    last_leaf_index: int
    def __init__(self, first_leaf_index: _Optional[int] = ..., last_leaf_index: _Optional[int] = ...) -> None: ...
