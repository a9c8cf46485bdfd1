# `make demo` and `make test` work on a fresh clone: each bootstraps .venv with pip.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DEMO_ARTICLE := examples/articles/2025-03-14-geneva-talks.txt
# First-party plugins: installed editable by the dev install, their tests run by `make test`.
PLUGINS := plugins/factkit-cameo plugins/factkit-visits

.PHONY: demo test test-slow bench schema clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(PLUGINS:%=%/pyproject.toml) $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,html,dask]' $(PLUGINS:%=-e %)
	touch $@

demo: $(VENV)/.installed
	$(BIN)/factkit extract --published 2025-03-14 --pretty $(DEMO_ARTICLE)

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

# The slow tests only (deselected by default): flat memory over a large JSON Lines stream.
test-slow: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -m slow

# Throughput against spaCy (installed here, not in the test set-up) and adversarial inputs.
bench: $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python benchmarks/run.py

# Regenerate the committed JSON Schemas after changing src/factkit/schema.py or merged_schema.py.
schema: $(VENV)/.installed
	$(BIN)/factkit schema > src/factkit/data/result.schema.json
	$(BIN)/factkit schema --merged > src/factkit/data/merged.schema.json

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .hypothesis
