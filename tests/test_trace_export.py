"""Trace and show (both directions, ambiguous and unknown references), every export format,
dump, and the Oxigraph server answering SPARQL over HTTP."""

from __future__ import annotations

import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from pyoxigraph import Dataset, RdfFormat, parse

from kg.cli import main
from kg.export import FORMATS, VIEWS, build_view, serialize_view
from kg.pipeline import ingest
from kg.show import show
from kg.store import KGStore
from kg.trace import ReferenceError, trace

GUOBAN = "https://w3id.org/zwgk/id/doc/no/CN/%E5%9B%BD%E5%8A%9E%E5%8F%91/2017/24"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory, samples: Path) -> Path:
    path = tmp_path_factory.mktemp("trace") / "store"
    with KGStore(path) as s:
        ingest([samples], s)
    return path


@pytest.fixture
def store(store_path: Path):  # type: ignore[no-untyped-def]
    with KGStore(store_path, read_only=True) as s:
        yield s


def _titles(node, direction: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.node.info.number or e.node.info.title or "" for e in node.edges if e.direction == direction}


@pytest.mark.parametrize("ref", ["国办发〔2017〕24号", "国办发[2017]24號", "国办发（2017）第24号", GUOBAN])
def test_trace_in_finds_the_implementation_chain(store: KGStore, ref: str) -> None:
    root = trace(store, ref, depth=2, direction="in")
    assert root.info.iri == GUOBAN and root.info.level == "national"
    incoming = {e.node.info.number: e for e in root.edges}
    assert "钦政办电〔2017〕87号" in incoming  # the 钦州 notice cites it
    provincial = incoming["桂政办电〔2017〕64号"]  # the 自治区 notice implements it, read from its title
    assert provincial.via == "title" and provincial.kind == "implements"
    assert provincial.node.info.level == "provincial"
    citing_provincial = {e.node.info.title for e in provincial.node.edges}
    assert "桂林市2017年政府信息公开工作年度报告" in citing_provincial
    cited = next(e for e in root.edges if e.node.info.number == "钦政办电〔2017〕87号")
    assert cited.file == "003_0533a1980def9b3a.txt" and "国办发〔2017〕24号" in (cited.quote or "")


def test_trace_out_lists_what_a_document_cites(store: KGStore) -> None:
    root = trace(store, "钦政办电〔2017〕87号", depth=1, direction="out")
    assert {"国办发〔2017〕24号", "桂政办电〔2017〕64号"} <= _titles(root, "out")
    assert all(e.direction == "out" for e in root.edges)


def test_ambiguous_reference_lists_candidates(store: KGStore) -> None:
    with pytest.raises(ReferenceError) as err:
        trace(store, "政务公开工作要点")
    assert len(err.value.candidates) > 1 and "be more specific" in str(err.value)


def test_unknown_reference_suggests_near_matches(store: KGStore) -> None:
    with pytest.raises(ReferenceError) as err:
        trace(store, "2017年政务公开工做要点")  # 做 for 作
    assert "no document matches" in str(err.value) and "did you mean: 2017年政务公开工作要点" in str(err.value)
    with pytest.raises(ReferenceError) as err:
        trace(store, "国办发〔2099〕1号")
    assert "no document matches" in str(err.value)


def test_show_groups_statements_with_their_files(store: KGStore) -> None:
    report = show(store, "钦政办电〔2017〕87号")
    predicates = {s.predicate for s in report.statements}
    assert {"eli:title", "eli:id_local", "eli:passed_by", "kg:region"} <= predicates
    assert all(s.files == ("003_0533a1980def9b3a.txt",) for s in report.statements if s.predicate == "eli:title")
    assert any(e["aspect"] == "issuer" for e in report.evidence)
    assert report.cites


def test_show_lists_a_plans_tasks_and_a_reports_figures(store: KGStore) -> None:
    notice = show(store, "钦政办电〔2017〕87号")  # the tasks of the plan the notice issues
    assert notice.tasks and any("市统计局" in (t["who"] or "") for t in notice.tasks)
    report = show(store, "桂林市2017年政府信息公开工作年度报告")
    assert ("A.1.1", "42576") in {(f["indicator"], f["value"]) for f in report.figures}
    assert len({f["obs"] for f in report.figures}) == len(report.figures)  # each figure once


def test_show_gives_a_request_tables_total_column_not_its_breakdown(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "report_2021_format_rows.txt"
    with KGStore(tmp_path / "store") as s:
        ingest([fixture], s)
        report = show(s, fixture.name)
    rows = [f["indicator"] for f in report.figures if "|" in (f["quote"] or "")]  # the table's, not the prose's
    assert "N.3.1" in rows and "N.3.3.7" in rows  # the 总计 column, as metrics.rq gives it
    assert len(rows) == len(set(rows))  # and not the applicants' columns beside it


def test_show_names_a_document_by_its_file_and_a_cited_work_by_its_fullest_title(store: KGStore) -> None:
    report = show(store, "data/samples/004_9649060eacbde8a5.txt")  # a path, as a shell completes it
    assert report.info.title is not None and "巴" in report.info.title
    cited = {s.value for s in report.statements if s.predicate.startswith("cito:")}
    assert "中华人民共和国政府信息公开条例" in cited and "政府信息公开条例" not in cited


def test_trace_and_show_commands(store_path: Path) -> None:
    runner = CliRunner()
    tree = runner.invoke(main, ["trace", "国办发〔2017〕24号", "--store", str(store_path)])
    assert tree.exit_code == 0 and "implemented by (from its title)" in tree.output
    as_json = runner.invoke(main, ["trace", "国办发〔2017〕24号", "--format", "json", "--store", str(store_path)])
    assert json.loads(as_json.output)["docNumber"] == "国办发〔2017〕24号"
    ambiguous = runner.invoke(main, ["trace", "政务公开工作要点", "--store", str(store_path)])
    assert ambiguous.exit_code == 2 and "be more specific" in ambiguous.output
    shown = runner.invoke(main, ["show", "钦政办电〔2017〕87号", "--store", str(store_path)])
    assert shown.exit_code == 0 and "where the document says so" in shown.output


def _read_back(data: bytes, fmt: str) -> nx.DiGraph:
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(data))
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(data))
    if fmt == "cytoscape":
        return nx.cytoscape_graph(json.loads(data))
    if fmt == "json":
        return nx.node_link_graph(json.loads(data), edges="links")
    raise AssertionError(fmt)


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("fmt", ["graphml", "gexf", "cytoscape", "json"])
def test_exports_read_back_with_the_same_nodes(store: KGStore, view: str, fmt: str) -> None:
    g = build_view(store, view)
    back = _read_back(serialize_view(g, fmt), fmt)
    assert set(map(str, back.nodes)) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()


def test_citation_view_has_attributes(store: KGStore) -> None:
    g = build_view(store, "citations")
    node = g.nodes[GUOBAN]
    assert node["docNumber"] == "国办发〔2017〕24号" and node["in_degree"] >= 2 and node["pagerank"] > 0
    assert node["level"] == "CN" or node["level"] is None or isinstance(node["level"], str)


def test_dot_export_is_well_formed(store: KGStore) -> None:
    text = serialize_view(build_view(store, "citations"), "dot").decode("utf-8")
    assert text.startswith("digraph kg {") and text.rstrip().endswith("}")
    assert text.count("->") == build_view(store, "citations").number_of_edges()


def test_every_format_is_covered() -> None:
    assert set(FORMATS) == {"graphml", "gexf", "cytoscape", "json", "dot", "html"}


@pytest.mark.parametrize("fmt", ["nquads", "trig", "jsonld"])
def test_dump_whole_store_round_trips(store_path: Path, fmt: str) -> None:
    result = CliRunner().invoke(main, ["dump", "--format", fmt, "--store", str(store_path)])
    assert result.exit_code == 0
    kind = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD}[fmt]
    quads = list(parse(result.stdout_bytes, format=kind))
    with KGStore(store_path, read_only=True) as s:
        assert Dataset(quads) == Dataset(list(s.raw))


def test_dump_one_file_as_turtle(store_path: Path) -> None:
    result = CliRunner().invoke(main, ["dump", "--format", "turtle", "--file", "003_0533a1980def9b3a.txt",
                                       "--store", str(store_path)])
    triples = list(parse(result.stdout_bytes, format=RdfFormat.TURTLE))
    assert any(t.object.value == "钦政办电〔2017〕87号" for t in triples)
    assert not any(t.object.value == "桂林市2017年政府信息公开工作年度报告" for t in triples)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_answers_sparql_over_http(store_path: Path) -> None:
    port = _free_port()
    kg = Path(sys.executable).parent / "kg"
    proc = subprocess.Popen([str(kg), "serve", "--store", str(store_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        query = "SELECT ?n WHERE { ?d <http://data.europa.eu/eli/ontology#id_local> ?n } ORDER BY ?n LIMIT 100"
        url = f"http://127.0.0.1:{port}/query?" + urllib.parse.urlencode({"query": query})
        body = ""
        for _ in range(100):
            try:
                request = urllib.request.Request(url, headers={"Accept": "text/csv"})
                with urllib.request.urlopen(request, timeout=5) as response:
                    body = response.read().decode("utf-8")
                break
            except OSError:
                time.sleep(0.2)
        assert "国办发〔2017〕24号" in body
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as response:
            assert response.status == 200  # the query UI
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_refuses_a_busy_port(store_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--store", str(store_path), "--port", str(port)])
    assert result.exit_code == 2 and "already in use" in result.output


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium (Debian package 'chromium') is not installed")
def test_html_export_renders_and_searches_in_a_real_browser(store: KGStore, tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    page.write_bytes(serialize_view(build_view(store, "full"), "html"))
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp_path / 'profile'}"]
    url = page.as_uri() + "#q=" + urllib.parse.quote("钦州")
    dom = subprocess.run([CHROMIUM, *flags, "--virtual-time-budget=3000", "--dump-dom", url],
                         capture_output=True, text=True, timeout=120).stdout
    assert 'data-ready="yes"' in dom  # the script ran to the end
    assert dom.count('class="node') > 10  # the graph rendered as SVG nodes
    hits = int(dom.split('data-hits="', 1)[1].split('"', 1)[0])
    assert hits >= 1 and dom.count("node hit") == hits  # the search found and highlighted 钦州's documents
    shot = tmp_path / "graph.png"
    subprocess.run([CHROMIUM, *flags, "--window-size=1400,900", f"--screenshot={shot}", url],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 10_000
    keep = os.environ.get("KG_SCREENSHOT_DIR")  # `make screenshot` refreshes docs/html-export.png this way
    if keep:
        shutil.copy(shot, Path(keep) / "html-export.png")
