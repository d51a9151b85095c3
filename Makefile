# The two commands of the README: `make demo` (set up, ingest the samples, show results) and
# `make test` (set up with the dev tools, run lint, types and tests). Both create .venv/ themselves.
VENV ?= .venv
PY := $(VENV)/bin/python
KG := $(VENV)/bin/kg
STORE ?= kg-store

.PHONY: setup demo test lint eval screenshot clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e . --group dev
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(KG) ingest data/samples --store $(STORE)
	$(KG) stats --store $(STORE)
	$(KG) query queries/most-cited.rq --store $(STORE)

lint: setup
	$(VENV)/bin/ruff check kg tests bench
	$(VENV)/bin/mypy kg

test: setup lint
	$(VENV)/bin/pytest

eval: setup
	KG=$(KG) ../shared/eval/run-eval.sh ../shared/seeds ../shared/gold/seeds

screenshot: setup
	KG_SCREENSHOT_DIR=docs $(VENV)/bin/pytest -q tests/test_trace_export.py -k html

clean:
	rm -rf $(STORE)
