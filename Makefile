# One entry point for developer tasks. Uses the active Python environment.
PY ?= python

.PHONY: install test lint typecheck bench bench-quick identical docs samples check

install:            ## install the project with test and dev tools
	$(PY) -m pip install -e ".[test,dev]"

test:               ## run the test suite
	$(PY) -m pytest

lint:               ## ruff lint and format check
	$(PY) -m ruff check chronology tests benchmarks
	$(PY) -m ruff format --check chronology tests benchmarks

typecheck:          ## mypy --strict on the package
	$(PY) -m mypy

bench:              ## benchmark both kinds of text against the I/O-only baseline (writes benchmarks/results.md)
	$(PY) benchmarks/bench.py

bench-quick:        ## one round at 2x50 rows: the benchmark runs (no figures kept)
	$(PY) benchmarks/bench.py --quick

samples:            ## regenerate samples/imrs from samples/make_samples.py
	$(PY) samples/make_samples.py

check: lint typecheck test
