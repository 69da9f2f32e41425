# monitor: the targets the README names. Everything runs from a virtualenv in .venv
# built from requirements-dev.lock (runtime and test tools), so a fresh machine
# needs only python3 (3.11+) and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup run once test lint format typecheck bench eval lock clean

$(STAMP): requirements-dev.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)                 ## virtualenv with the locked dependencies and monitor itself

run: setup                      ## the daemon, on its built-in defaults (or config/monitor.yaml)
	mkdir -p inbox
	$(BIN)/monitor run

once: setup                     ## one cycle and exit
	$(BIN)/monitor once

test: setup                     ## the whole test suite (loopback servers only)
	$(BIN)/python -m pytest -q

lint: setup                     ## ruff lint and format check, mypy on the package
	$(BIN)/ruff check monitor tests benchmarks scripts
	$(BIN)/ruff format --check monitor
	$(BIN)/mypy

format: setup
	$(BIN)/ruff format monitor
	$(BIN)/ruff check --fix monitor tests benchmarks scripts

bench: setup                    ## benchmarks: figures with their baselines, as text and JSON lines
	$(BIN)/python benchmarks/run.py

eval: setup                     ## score the extractors on every labelled set in ../shared/eval
	$(BIN)/python scripts/eval.py

lock:                           ## re-resolve the lock files from pyproject.toml (runtime; runtime + dev)
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev -o requirements-dev.lock

clean:
	rm -rf $(VENV) .venv-synapse .pytest_cache .mypy_cache .ruff_cache
