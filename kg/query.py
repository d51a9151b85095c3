"""Stage 6: SPARQL over the store, results as rows or in the standard result formats."""

from __future__ import annotations

import io
import multiprocessing
import re
from collections.abc import Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol

from pyoxigraph import Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, QueryTriples

from .namespaces import PREFIXES
from .store import KGStore, StoreError

FORMATS = ("table", "csv", "tsv", "json")


class QueryError(StoreError):
    """A query that could not be parsed or run; the message says where."""


@dataclass(frozen=True)
class ResultTable:
    variables: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    raw: bytes  # the result in the requested standard format (csv/tsv/json), empty for 'table'


def _with_prefixes(sparql: str) -> str:
    declared = set(re.findall(r"(?im)^\s*PREFIX\s+([\w-]*):", sparql))
    missing = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p not in declared]
    return "\n".join(missing) + "\n" + sparql if missing else sparql


class Queryable(Protocol):
    """Anything that answers SPARQL: the embedded store or a remote endpoint."""

    def query(self, sparql: str) -> object: ...


def run_query(store: Queryable, sparql: str, fmt: str = "table", *, timeout: float | None = None) -> ResultTable:
    """Run a SELECT/ASK/CONSTRUCT query. Our prefixes are predeclared; a syntax error becomes QueryError.

    With `timeout` (seconds) an embedded-store query runs in a child process that is stopped when
    the time is up (Oxigraph cannot cancel a query in-process); a remote one gets an HTTP timeout.
    """
    if timeout is not None and isinstance(store, KGStore):
        return _run_with_timeout(store, sparql, fmt, timeout)
    if timeout is not None and hasattr(store, "timeout"):
        store.timeout = timeout
    result = _execute(store, sparql)
    if isinstance(result, QueryBoolean):
        return ResultTable(("result",), ((str(bool(result)).lower(),),), b"")
    if isinstance(result, QueryTriples):
        rows: tuple[tuple[str | None, ...], ...] = tuple(
            (_text(t.subject), t.predicate.value, _text(t.object)) for t in result
        )
        return ResultTable(("subject", "predicate", "object"), rows, b"")
    assert isinstance(result, QuerySolutions)
    variables = tuple(v.value for v in result.variables)
    if fmt in ("csv", "tsv", "json"):
        buffer = io.BytesIO()
        kind = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON}[fmt]
        result.serialize(buffer, kind)
        return ResultTable(variables, (), buffer.getvalue())
    rows = tuple(tuple(_text(row[v]) if row[v] is not None else None for v in variables) for row in result)
    return ResultTable(variables, rows, b"")


def _execute(store: Queryable, sparql: str) -> object:
    """The store's answer to `sparql` with our prefixes; its errors as QueryError."""
    try:
        return store.query(_with_prefixes(sparql))
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from exc
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from exc


def _child(path: str, sparql: str, fmt: str, conn: Connection) -> None:
    try:
        with KGStore(path, read_only=True) as store:
            conn.send(("ok", run_query(store, sparql, fmt)))
    except Exception as exc:  # sent back to the parent, which words it
        conn.send(("error", str(exc)))


def _run_with_timeout(store: KGStore, sparql: str, fmt: str, timeout: float) -> ResultTable:
    ctx = multiprocessing.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(str(store.path), sparql, fmt, child), daemon=True)
    process.start()
    try:
        if not parent.poll(timeout):
            raise QueryError(f"query stopped after the {timeout:g} s timeout")
        status, payload = parent.recv()
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
    if status != "ok":
        raise QueryError(str(payload))
    result: ResultTable = payload
    return result


def _text(term: object) -> str:
    if isinstance(term, Literal | NamedNode):
        return term.value
    return str(term)


def read_query(path: str | Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{path}: cannot read query file ({exc.strerror or exc})") from exc


def select_rows(store: Queryable, sparql: str) -> list[dict[str, str | None]]:
    """Convenience for notebooks: a SELECT as a list of dicts."""
    table = run_query(store, sparql)
    return [dict(zip(table.variables, row, strict=True)) for row in table.rows]


def iter_rows(store: Queryable, sparql: str) -> Iterator[dict[str, str | None]]:
    """A SELECT's rows one at a time, never all in memory (for whole-corpus passes)."""
    result = _execute(store, sparql)
    if not isinstance(result, QuerySolutions):
        raise QueryError("iter_rows takes a SELECT query")
    variables = [v.value for v in result.variables]
    for solution in result:
        yield {v: _text(solution[v]) if solution[v] is not None else None for v in variables}


def render_table(table: ResultTable, max_width: int = 60) -> str:
    from unicodedata import east_asian_width

    def width(s: str) -> int:
        return sum(2 if east_asian_width(c) in "WF" else 1 for c in s)

    def cut(s: str) -> str:
        out, w = "", 0
        for c in s:
            cw = 2 if east_asian_width(c) in "WF" else 1
            if w + cw > max_width - 1:
                return out + "…"
            out, w = out + c, w + cw
        return out

    cells = [[cut(v or "") for v in row] for row in table.rows]
    header = list(table.variables)
    widths = [max([width(h)] + [width(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h + " " * (widths[i] - width(h)) for i, h in enumerate(header)),
             "  ".join("-" * w for w in widths)]
    for r in cells:
        lines.append("  ".join(c + " " * (widths[i] - width(c)) for i, c in enumerate(r)))
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines)
