"""`kg ingest --to-nquads DIR`: sharded N-Quads for the bulk loaders of large engines.

Each shard holds the graphs of up to `shard_size` files (`shard-00000.nq`, …); the vocabulary
graph goes to `vocabulary.nq`. A shard is written to a temporary name and renamed when complete,
so a killed run never leaves a half shard. Corpus-level graphs (title relations, conflicts,
same-work links) need the whole corpus in a store: load the shards, then run `kg refresh`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import IO

from pyoxigraph import RdfFormat, serialize

from .rdf import DocumentGraph
from .store import FileState, StoreError


class NQuadsSink:
    supports_queries = False

    def __init__(self, folder: Path, shard_size: int = 1000) -> None:
        self.path = folder
        self.shard_size = shard_size
        folder.mkdir(parents=True, exist_ok=True)
        self._shard = -1
        self._in_shard = 0
        self._handle: IO[bytes] | None = None
        self._tmp: Path | None = None
        self.shards: list[Path] = []

    def __enter__(self) -> NQuadsSink:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def _next_shard(self) -> None:
        self._finish_shard()
        self._shard += 1
        self._tmp = self.path / f".shard-{self._shard:05d}.nq.partial"
        self._handle = open(self._tmp, "wb")  # noqa: SIM115 - kept open across files, closed by _finish_shard
        self._in_shard = 0

    def _finish_shard(self) -> None:
        if self._handle is not None and self._tmp is not None:
            self._handle.close()
            final = self._tmp.with_name(self._tmp.name.lstrip(".").removesuffix(".partial"))
            os.replace(self._tmp, final)
            self.shards.append(final)
            self._handle = None

    def close(self) -> None:
        self._finish_shard()

    def file_state(self, path: str) -> FileState | None:
        return None  # every run writes every file: the shards are a fresh export

    def replace_graph(self, doc: DocumentGraph) -> None:
        if self._handle is None or self._in_shard >= self.shard_size:
            self._next_shard()
        assert self._handle is not None
        # an N-Triples line becomes an N-Quads line by naming the graph before its final dot; a line
        # break stands only at a line's end (N-Triples escapes it inside a literal), so one replace
        # in C does every line
        self._handle.write(doc.ntriples.replace(b" .\n", f" {doc.graph} .\n".encode()))
        self._in_shard += 1

    def add_graphs(self, docs: Sequence[DocumentGraph]) -> None:
        for doc in docs:
            self.replace_graph(doc)

    def ensure_vocabulary(self) -> bool:
        from .vocabulary import vocabulary_quads

        (self.path / "vocabulary.nq").write_bytes(serialize(vocabulary_quads(), format=RdfFormat.N_QUADS) or b"")
        return False

    def query(self, sparql: str) -> object:
        raise StoreError("an N-Quads export cannot be queried; load it into a store first")

    def update(self, sparql: str) -> None:
        raise StoreError("an N-Quads export cannot be updated")

    def load_derived_graph(self, graph: str, lines: Sequence[str]) -> None:
        self.replace_graph_body(graph, "".join(lines))

    def replace_graph_body(self, graph: str, ntriples: str) -> None:
        raise StoreError("an N-Quads export cannot be updated")

    def remove_file(self, path: str) -> bool:
        return False

    def checkpoint(self) -> None:
        return None

    def optimize(self) -> None:
        return None  # the server or the bulk loader that reads the shards manages its own storage

    def __len__(self) -> int:
        return 0
