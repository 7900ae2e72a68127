# Two set-up commands for a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench eval clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[model,dev]'
	touch $(STAMP)

# `make run ARGS="--port 8080 --no-browser"` passes options on to `openup web`.
ARGS ?=

run: $(STAMP)
	$(BIN)/openup web $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy

test: lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python -m bench

eval: $(STAMP)
	$(BIN)/openup eval

clean:
	rm -rf $(VENV) build *.egg-info
