"""The `kg` command: a thin layer over the library. Each command validates, calls one function, prints."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from .audit import run_audit
from .dump import FORMATS as DUMP_FORMATS
from .dump import dump
from .export import FORMATS as EXPORT_FORMATS
from .export import VIEWS, export
from .nquads import NQuadsSink
from .pipeline import IngestReport, ingest, iter_input_files, refresh_derived_graphs
from .query import FORMATS, QueryError, read_query, render_table, run_query
from .remote import open_graph_store
from .serve import run_server, server_command
from .show import render as render_show
from .show import show
from .show import to_json as show_json
from .stats import corpus_stats
from .store import STORE_ENV, KGStore, StoreError, default_store_path
from .trace import render_tree, trace
from .trace import to_json as trace_json
from .vocab import ontology_dir
from .vocabulary import indicators_turtle

F = TypeVar("F", bound=Callable[..., Any])


def store_option(f: F) -> F:
    return click.option(
        "--store",
        "store_path",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=f"Store folder (default: ${STORE_ENV} or ./kg-store).",
    )(f)


def endpoint_options(f: F) -> F:
    f = click.option("--update-endpoint", help="SPARQL Update URL (default: derived from --endpoint).")(f)
    return click.option("--endpoint", help="A SPARQL 1.1 server (query URL or base URL) instead of the embedded "
                                           "store.")(f)


def output_option(f: F) -> F:
    return click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                        help="File to write (default: stdout).")(f)


def format_option(choices: tuple[str, ...], default: str) -> Callable[[F], F]:
    def deco(f: F) -> F:
        return click.option("--format", "fmt", type=click.Choice(choices), default=default, show_default=True,
                            help="Output format.")(f)

    return deco


def friendly_errors(f: F) -> F:
    """Library errors become one line on stderr and exit status 2, never a traceback."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except (StoreError, QueryError) as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
        except (click.ClickException, click.exceptions.Exit, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug of ours: still one line, the traceback on request
            if os.environ.get("KG_DEBUG"):
                raise
            click.echo(f"error: internal error ({type(exc).__name__}: {exc}); set KG_DEBUG=1 for the traceback",
                       err=True)
            sys.exit(3)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg — a knowledge graph of Chinese government information-disclosure documents.

    \b
    Example:
      kg ingest data/samples
      kg query queries/citations.rq --format csv
    """


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@endpoint_options
@click.option("--to-nquads", "nquads_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Write sharded N-Quads for a bulk loader instead of a store.")
@click.option("--shard-size", default=1000, show_default=True, help="Files per N-Quads shard.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Parse in this many processes (one writer).")
@click.option("--force", is_flag=True, help="Re-ingest files even when their content is unchanged.")
@click.option("--quiet", "-q", is_flag=True, help="Only print failures and the final line.")
@click.option("--strict", is_flag=True,
              help="Exit 1 when any file cannot be read (by default such files are reported and passed over).")
@friendly_errors
def ingest_cmd(paths: tuple[Path, ...], store_path: Path | None, endpoint: str | None, update_endpoint: str | None,
               nquads_dir: Path | None, shard_size: int, jobs: int, force: bool, quiet: bool, strict: bool) -> None:
    """Ingest documents (text, HTML, PDF, DOCX; files or folders) into the store.

    \b
    Examples:
      kg ingest data/samples --store kg-store
      kg ingest corpus/ --jobs 2
      kg ingest corpus/ --endpoint http://127.0.0.1:7878
      kg ingest corpus/ --to-nquads shards/
      kg ingest corpus/ --strict

    A file that cannot be read (empty, binary, a .doc or another format kg does not read) gets one
    FAILED line and the others are ingested; the exit status is 1 when a path does not exist, a file
    could not be written, no file could be read, or under --strict any file failed.
    """
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        click.echo(f"error: {p}: no such file or folder", err=True)
    files = list(iter_input_files([p for p in paths if p.exists()]))
    target = NQuadsSink(nquads_dir, shard_size) if nquads_dir else open_graph_store(store_path, endpoint,
                                                                                   update_endpoint)
    with target as store, _progress(len(files), "ingesting", hidden=quiet) as tick:
        report = ingest(files, store, force=force, progress=lambda _: tick(1), jobs=jobs)
    _print_report(report, quiet)
    if missing or not report.succeeded(strict=strict):
        sys.exit(1)


@main.command("refresh")
@store_option
@endpoint_options
@friendly_errors
def refresh_cmd(store_path: Path | None, endpoint: str | None, update_endpoint: str | None) -> None:
    """Recompute the corpus-level graphs (title relations, conflicts), for example after
    bulk-loading N-Quads shards into a store.

    \b
    Example:
      oxigraph load --location kg-store --file shards/shard-00000.nq && kg refresh --store kg-store
    """
    with open_graph_store(store_path, endpoint, update_endpoint) as store:
        store.ensure_vocabulary()
        refresh_derived_graphs(store)
    click.echo("corpus and vocabulary graphs are up to date")


@contextmanager
def _progress(length: int, label: str, *, hidden: bool) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr, or nothing at all under --quiet."""
    if hidden:
        yield lambda _: None
        return
    with click.progressbar(length=length, label=label, file=sys.stderr, show_pos=True) as bar:
        yield bar.update


def _print_report(report: IngestReport, quiet: bool) -> None:
    for r in report.files:
        if r.status == "failed":
            click.echo(f"FAILED  {r.message}", err=True)
        elif not quiet and r.status == "unchanged":
            click.echo(f"same    {Path(r.path).name} (unchanged, skipped)")
        elif not quiet:
            click.echo(f"ok      {Path(r.path).name}: {r.doc_type} «{r.title or '?'}» — {r.works} cited documents "
                       f"({r.citations} citations), {r.observations} figures, {r.triples} triples")
            for w in r.warnings[:5]:
                click.echo(f"        warning: {w}")
            if len(r.warnings) > 5:
                click.echo(f"        … and {len(r.warnings) - 5} more warnings")
    counts = {s: sum(1 for r in report.files if r.status == s) for s in ("ingested", "unchanged", "failed")}
    click.echo(f"{counts['ingested']} ingested, {counts['unchanged']} unchanged, {counts['failed']} failed")


@main.command("query")
@click.argument("query_file", required=False, type=click.Path(path_type=Path))
@click.option("-e", "--expr", help="SPARQL text instead of a file.")
@store_option
@endpoint_options
@format_option(FORMATS, "table")
@click.option("--timeout", type=click.FloatRange(min=0.1), help="Stop the query after this many seconds.")
@friendly_errors
def query_cmd(query_file: Path | None, expr: str | None, store_path: Path | None, endpoint: str | None,
              update_endpoint: str | None, fmt: str, timeout: float | None) -> None:
    """Run a SPARQL query (our prefixes kg:, eli:, cito: … are predeclared).

    \b
    Examples:
      kg query queries/documents.rq --format csv
      kg query -e 'SELECT ?t WHERE { ?d eli:title ?t } LIMIT 5'
      kg query queries/citations.rq --endpoint http://127.0.0.1:7878 --timeout 30
    """
    if (query_file is None) == (expr is None):
        raise click.UsageError("give either a query file or -e 'SPARQL'")
    sparql = expr if expr is not None else read_query(query_file)  # type: ignore[arg-type]
    with open_graph_store(store_path, endpoint, update_endpoint, read_only=True) as store:
        table = run_query(store, sparql, fmt, timeout=timeout)
    if table.raw:
        sys.stdout.buffer.write(table.raw)
        sys.stdout.flush()
    else:
        click.echo(render_table(table))


@main.command("stats")
@store_option
@friendly_errors
def stats_cmd(store_path: Path | None) -> None:
    """Summarize what the store holds.

    \b
    Example:
      kg stats --store kg-store
    """
    with KGStore(store_path or default_store_path(), read_only=True) as store:
        click.echo(corpus_stats(store))


@main.command("check")
@store_option
@friendly_errors
def check_cmd(store_path: Path | None) -> None:
    """Audit the statistics: arithmetic rules of each report format and prose-versus-table disagreements.

    Exit status 1 when there are findings. The same findings are stored in the graph by every ingest
    (queries/audit-findings.rq).

    \b
    Example:
      kg check --store kg-store
    """
    with KGStore(store_path or default_store_path(), read_only=True) as store:
        findings = run_audit(store)
    for finding in findings:
        click.echo(finding.line())
    click.echo(f"{len(findings)} finding{'s' if len(findings) != 1 else ''}")
    if findings:
        sys.exit(1)


@main.command("trace")
@click.argument("ref")
@store_option
@format_option(("tree", "json"), "tree")
@click.option("--depth", default=3, show_default=True, help="How many citation steps to follow.")
@click.option("--direction", type=click.Choice(["both", "in", "out"]), default="both", show_default=True,
              help="in: what cites it; out: what it cites.")
@friendly_errors
def trace_cmd(ref: str, store_path: Path | None, fmt: str, depth: int, direction: str) -> None:
    """Trace the citation tree of a document: a 发文字号 (any bracket variant), a title or part of one, an
    ingested file's name or path, or an IRI.

    \b
    Examples:
      kg trace 国办发〔2017〕24号
      kg trace '国办发[2017]24號' --direction in --format json
      kg trace 政务公开工作要点 --depth 1
    """
    with KGStore(store_path or default_store_path(), read_only=True) as store:
        tree = trace(store, ref, depth=depth, direction=direction)
    if fmt == "json":
        click.echo(json.dumps(trace_json(tree), ensure_ascii=False, indent=1))
    else:
        click.echo(render_tree(tree))


@main.command("show")
@click.argument("ref")
@store_option
@format_option(("text", "json"), "text")
@friendly_errors
def show_cmd(ref: str, store_path: Path | None, fmt: str) -> None:
    """Everything the graph says about one document, grouped, with the files and quotes it comes from;
    a plan's tasks and who does them, a report's figures. REF is a 发文字号, a title or part of one, an
    ingested file's name or path, or an IRI.

    \b
    Examples:
      kg show 钦政办电〔2017〕87号
      kg show data/samples/002_a1ae499f7f2fe0ec.txt
    """
    with KGStore(store_path or default_store_path(), read_only=True) as store:
        report = show(store, ref)
    click.echo(json.dumps(show_json(report), ensure_ascii=False, indent=1) if fmt == "json" else render_show(report))


@main.command("export")
@click.option("--view", type=click.Choice(VIEWS), default="citations", show_default=True)
@store_option
@format_option(EXPORT_FORMATS, "graphml")
@output_option
@friendly_errors
def export_cmd(view: str, store_path: Path | None, fmt: str, output: Path | None) -> None:
    """Export a view of the graph for Gephi, yEd, Cytoscape, Graphviz or a browser (offline HTML).

    \b
    Examples:
      kg export --view citations --format gexf -o citations.gexf
      kg export --view full --format html -o graph.html
    """
    with KGStore(store_path or default_store_path(), read_only=True) as store:
        data = export(store, view, fmt, output)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        click.echo(f"wrote {output} ({len(data)} bytes)", err=True)


@main.command("dump")
@store_option
@format_option(tuple(DUMP_FORMATS), "nquads")
@click.option("--file", "file_name", help="Only the graph of this ingested file (base name or path).")
@output_option
@friendly_errors
def dump_cmd(store_path: Path | None, fmt: str, file_name: str | None, output: Path | None) -> None:
    """Write the whole store (or one file's graph) as N-Quads, TriG, Turtle or JSON-LD.

    \b
    Examples:
      kg dump --format trig -o kg.trig
      kg dump --format turtle --file 003_0533a1980def9b3a.txt
    """
    with KGStore(store_path or default_store_path(), read_only=True) as store:
        data = dump(store, fmt, file_name)
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        click.echo(f"wrote {output} ({len(data)} bytes)", err=True)


@main.command("serve")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", default=7878, show_default=True, type=int)
@click.option("--writable", is_flag=True, help="Accept SPARQL Update and Graph Store writes (default: read-only).")
@friendly_errors
def serve_cmd(store_path: Path | None, host: str, port: int, writable: bool) -> None:
    """Serve the store over HTTP with the Oxigraph SPARQL server (query UI at /, endpoint at /query).

    \b
    Example:
      kg serve --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/query
    """
    command = server_command(store_path or default_store_path(), host=host, port=port, writable=writable)
    click.echo(f"serving {'read-write' if writable else 'read-only'} at {command.url}/  (Ctrl-C to stop)")
    click.echo(f"  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?t WHERE {{ ?d "
               f"<http://data.europa.eu/eli/ontology#title> ?t }} LIMIT 5' {command.url}/query")
    run_server(command)


@main.command("vocab")
@click.option("--write", is_flag=True, help="Regenerate ontology/indicators.ttl from data/indicators.csv.")
def vocab_cmd(write: bool) -> None:
    """Print (or write) the indicator concept scheme in Turtle.

    \b
    Example:
      kg vocab --write
    """
    text = indicators_turtle()
    if write:
        target = ontology_dir() / "indicators.ttl"
        target.write_text(text, encoding="utf-8")
        click.echo(f"wrote {target}")
    else:
        click.echo(text)


if __name__ == "__main__":  # pragma: no cover
    main()
