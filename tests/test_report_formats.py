"""The 2019/2021 report formats (Article 20 tables, request table by applicant type, review table),
in both layouts text extraction produces, and the audit rules over them."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.audit import run_audit
from kg.metrics import extract_observations
from kg.pipeline import ingest
from kg.store import KGStore
from kg.vocab import gazetteer

FIXTURES = Path(__file__).parent / "fixtures"
LAYOUTS = ["report_2019_format.txt", "report_2019_format_cells.txt"]


def _table(name: str) -> dict[tuple[str, str | None], float]:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    return {(o.indicator or "", o.applicant_type): o.value
            for o in extract_observations(text, gazetteer().get("450200")) if o.source == "table"}


@pytest.mark.parametrize("name", LAYOUTS)
@pytest.mark.parametrize(
    ("indicator", "applicant", "value"),
    [
        ("B.2.2.3", None, 156),  # 规范性文件 对外公开总数量
        ("B.2.5.2", None, -3),  # 行政许可 本年增/减
        ("B.2.10.2", None, 1200.5),  # 政府集中采购 采购总金额
        ("N.3.1", "总计", 33),
        ("N.3.1", "自然人", 30),
        ("N.3.1", "法律服务机构", 1),
        ("N.3.3.2", "总计", 3),  # 部分公开（区分处理的…）
        ("N.3.3.3.4", "总计", 1),  # a sub-row under （三）不予公开
        ("N.3.3.4.1", "商业企业", 1),
        ("N.3.3.7", "总计", 32),
        ("N.3.4", "总计", 3),
        ("N.4.1", None, 1),  # review table: fifteen values by position under their headers
        ("N.4.10", None, 2),
    ],
)
def test_2019_format_tables(name: str, indicator: str, applicant: str | None, value: float) -> None:
    assert _table(name)[(indicator, applicant)] == value


def test_both_layouts_give_the_same_figures() -> None:
    assert _table(LAYOUTS[0]) == _table(LAYOUTS[1])


def test_audit_finds_a_broken_balance_and_names_the_rule(tmp_path: Path) -> None:
    text = (FIXTURES / LAYOUTS[0]).read_text(encoding="utf-8")
    broken = text.replace("| 四、结转下年度继续办理 | | 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
                          "| 四、结转下年度继续办理 | | 3 | 0 | 0 | 0 | 0 | 0 | 5 |")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ok.txt").write_text(text, encoding="utf-8")
    (tmp_path / "docs" / "broken.txt").write_text(broken, encoding="utf-8")
    with KGStore(tmp_path / "store") as store:
        ingest([tmp_path / "docs"], store)
        findings = run_audit(store)
    assert [(f.file, f.rule, f.expected, f.actual) for f in findings if f.rule == "N.3=balance"] == [
        ("broken.txt", "N.3=balance", "35", "37")
    ]
    (finding,) = [f for f in findings if f.rule == "N.3=balance"]
    assert any("结转下年度" in q for q in finding.quotes)


def test_prose_and_table_disagreement_is_found(tmp_path: Path, samples: Path) -> None:
    with KGStore(tmp_path / "store") as store:
        ingest([samples / "002_a1ae499f7f2fe0ec.txt"], store)
        findings = run_audit(store)
    assert [(f.rule, f.expected, f.actual) for f in findings] == [("prose-vs-table", "43", "41")]


def test_one_indicator_across_formats_via_close_match(tmp_path: Path, samples: Path) -> None:
    from kg.query import read_query, select_rows

    with KGStore(tmp_path / "store") as store:
        ingest([samples / "002_a1ae499f7f2fe0ec.txt", FIXTURES / LAYOUTS[0]], store)
        rows = select_rows(store, read_query(Path(__file__).parent.parent / "queries" / "indicator-series.rq"))
    got = {(r["region"], r["year"], r["notation"], r["value"]) for r in rows}
    assert ("湘潭市", "2016", "A.3.1", "687") in got
    assert ("柳州市", "2019", "N.3.1", "33") in got


def test_indicator_scheme_file_is_in_sync_with_the_csv() -> None:
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.vocab import ontology_dir
    from kg.vocabulary import indicators_turtle

    committed = Graph().parse(ontology_dir() / "indicators.ttl")
    assert isomorphic(committed, Graph().parse(data=indicators_turtle(), format="turtle")), \
        "run `kg vocab --write` after editing data/indicators.csv"


def test_findings_stored_at_ingest_equal_the_sparql_audit(tmp_path: Path, samples: Path) -> None:
    """The rules run twice: in Python as each report is parsed, and as SPARQL over a store (kg check)."""
    from kg.query import read_query, select_rows

    docs = tmp_path / "docs"
    docs.mkdir()
    for layout in LAYOUTS:
        text = (FIXTURES / layout).read_text(encoding="utf-8")
        (docs / layout).write_text(text.replace("| 3 | 0 | 0 | 0 | 0 | 0 | 3 |", "| 3 | 0 | 0 | 0 | 0 | 0 | 5 |"),
                                   encoding="utf-8")
    for sample in samples.glob("0*.txt"):
        (docs / sample.name).write_bytes(sample.read_bytes())
    with KGStore(tmp_path / "store") as store:
        ingest([docs], store)
        by_sparql = {(f.file, f.rule, f.scope, f.expected, f.actual, tuple(sorted(f.observations)))
                     for f in run_audit(store)}
        stored = select_rows(store, read_query(Path(__file__).parent.parent / "queries" / "audit-findings.rq"))
        observations = select_rows(store, "SELECT ?f ?o WHERE { ?f a kg:Finding ; prov:wasDerivedFrom ?o }")
    involved: dict[str, list[str]] = {}
    for row in observations:
        involved.setdefault(row["f"] or "", []).append(row["o"] or "")
    assert len(by_sparql) >= 2  # the broken balance and the sample's prose/table disagreement
    assert {(r["file"], r["rule"], r["scope"], r["expected"], r["actual"]) for r in stored} == {
        f[:5] for f in by_sparql}
    assert sorted(tuple(sorted(o)) for o in involved.values()) == sorted(f[5] for f in by_sparql)
