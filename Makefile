# `make demo` and `make test` work on a fresh clone: each bootstraps .venv with pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_ARTICLE := examples/articles/2025-03-14-geneva-talks.txt

.PHONY: demo test bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/factkit extract --published 2025-03-14 --pretty $(DEMO_ARTICLE)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/run.py

# Regenerate the committed JSON Schema after changing src/factkit/schema.py.
schema: $(VENV)/.installed
	$(BIN)/factkit schema > src/factkit/data/result.schema.json

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .hypothesis
