# One entry point for developer tasks. Uses the active Python environment.
PY ?= python

.PHONY: install test lint typecheck bench bench-quick identical docs schema samples corpus check

install:            ## install the project with test and dev tools
	$(PY) -m pip install -e ".[test,dev]"

test:               ## run the test suite
	$(PY) -m pytest

lint:               ## ruff lint and format check
	$(PY) -m ruff check chronology tests benchmarks scripts
	$(PY) -m ruff format --check chronology tests benchmarks scripts

typecheck:          ## mypy --strict on the package and the developer scripts
	$(PY) -m mypy
	$(PY) -m mypy --strict scripts

bench:              ## benchmark both kinds of text against the I/O-only baseline (writes benchmarks/results.md)
	$(PY) benchmarks/bench.py

bench-quick:        ## one round at 2x50 rows: the benchmark runs (no figures kept)
	$(PY) benchmarks/bench.py --quick

identical:          ## outputs byte for byte against a base revision (BASE=12519d8, SETS=...)
	$(PY) scripts/identical.py $(if $(BASE),--base $(BASE)) $(if $(SETS),--sets $(SETS))

docs:               ## regenerate docs/cli.md from the commands' --help (and what `make schema` makes)
	$(PY) scripts/cli_docs.py
	$(PY) scripts/model_files.py

schema:             ## regenerate schemas/chronology-1.json and docs/warnings.md from the typed model
	$(PY) scripts/model_files.py

samples:            ## regenerate samples/imrs from samples/make_samples.py
	$(PY) samples/make_samples.py

corpus:             ## regenerate tests/corpus and score the tool on it (one table)
	$(PY) tests/corpus/make_corpus.py
	$(PY) tests/corpus/score.py

check: lint typecheck test
