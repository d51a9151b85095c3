"""The command line: the contract commands, and errors as one clear line."""

from __future__ import annotations

from pathlib import Path

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


def test_failed_file_gives_nonzero_exit_after_ingesting_the_rest(tmp_path: Path, samples: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "empty.txt"), str(samples / "001_16a26869f300a3bd.txt"),
                                       "--store", str(tmp_path / "store")])
    assert result.exit_code == 1
    assert "empty file" in result.output and "1 ingested" in result.output
