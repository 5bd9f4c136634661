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

bench: $(VENV)/.installed
	$(BIN)/pytest bench --benchmark-only
