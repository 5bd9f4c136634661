# Two commands for a fresh machine: `make demo` and `make test`. Both build .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint bench

$(VENV)/.installed: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/commissie demo

lint: $(VENV)/.installed
	$(BIN)/ruff check commissie tests bench
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest -n auto

# Load benchmark (bench/last.py; BENCH_ZAKEN, BENCH_PG_URL, BENCH_WORKERS, BENCH_AANTAL) and the
# panel assignment budget. Not part of `make test`.
bench: $(VENV)/.installed
	$(BIN)/python -m bench.last
	$(BIN)/pytest bench --benchmark-only
