"""The command line: the contract commands, and errors as one clear line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main


def test_ingest_query_stats(tmp_path: Path, samples: Path) -> None:
    runner = CliRunner()
    store = str(tmp_path / "store")
    result = runner.invoke(main, ["ingest", str(samples / "003_0533a1980def9b3a.txt"), "--store", store])
    assert result.exit_code == 0, result.output
    assert "1 ingested" in result.output
    result = runner.invoke(main, ["query", "queries/documents.rq", "--store", store, "--format", "csv"])
    assert result.exit_code == 0 and result.output.startswith("file,type,title")
    result = runner.invoke(main, ["query", "-e", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--store", store,
                                  "--format", "json"])
    assert '"vars"' in result.output
    result = runner.invoke(main, ["stats", "--store", store])
    assert "citations" in result.output


def test_missing_store_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["query", "-e", "ASK {}", "--store", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.output.strip().startswith("error: no store at")
    assert "Traceback" not in result.output


def test_bad_sparql_names_the_position(tmp_path: Path, samples: Path) -> None:
    runner = CliRunner()
    store = str(tmp_path / "store")
    runner.invoke(main, ["ingest", str(samples / "001_16a26869f300a3bd.txt"), "--store", store])
    result = runner.invoke(main, ["query", "-e", "SELEC ?x WHERE {}", "--store", store])
    assert result.exit_code == 2
    assert "SPARQL syntax error" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(("strict", "exit_code"), [(False, 0), (True, 1)])
def test_a_file_that_cannot_be_read_is_reported_and_the_rest_ingested(tmp_path: Path, samples: Path, strict: bool,
                                                                     exit_code: int) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    args = ["ingest", str(tmp_path / "empty.txt"), str(samples / "001_16a26869f300a3bd.txt"),
            "--store", str(tmp_path / "store")]
    result = CliRunner().invoke(main, args + (["--strict"] if strict else []))
    assert result.exit_code == exit_code
    assert "empty file" in result.output and "1 ingested" in result.output and "1 failed" in result.output


def test_a_run_that_could_read_no_file_fails(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "empty.txt"), "--store", str(tmp_path / "store")])
    assert result.exit_code == 1 and "empty file" in result.output


def test_a_folders_office_97_file_is_reported_not_passed_over(tmp_path: Path, samples: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "report.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    (corpus / "a.txt").write_bytes((samples / "001_16a26869f300a3bd.txt").read_bytes())
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0
    assert "report.doc: an Office 97–2003 file" in result.output and "save it as .docx or PDF" in result.output
