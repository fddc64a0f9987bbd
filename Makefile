# One entry point for developer tasks. Uses the active Python environment.
PY ?= python

.PHONY: install test lint typecheck bench samples corpus check

install:            ## install the project with test and dev tools
	$(PY) -m pip install -e ".[test,dev]"

test:               ## run the test suite
	$(PY) -m pytest

lint:               ## ruff lint and format check
	$(PY) -m ruff check chronology tests benchmarks
	$(PY) -m ruff format --check chronology tests benchmarks

typecheck:          ## mypy --strict on the package
	$(PY) -m mypy

bench:              ## benchmark against the I/O-only baseline (writes benchmarks/results.md)
	$(PY) benchmarks/bench.py

samples:            ## regenerate samples/imrs from samples/make_samples.py
	$(PY) samples/make_samples.py

corpus:             ## regenerate tests/corpus and score the tool on it (one table)
	$(PY) tests/corpus/make_corpus.py
	$(PY) tests/corpus/score.py

check: lint typecheck test
