# samenwerk: two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make run    create the environment and run the main job on agreements/
#   make test   create the environment and run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
AGREEMENTS ?= agreements

.PHONY: run test lint schema bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/samenwerk lint $(AGREEMENTS)
	$(BIN)/samenwerk expiring $(AGREEMENTS) --fail-on never

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q

lint: $(BIN)/.installed
	$(BIN)/samenwerk lint $(AGREEMENTS)

schema: $(BIN)/.installed
	$(BIN)/samenwerk schema

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) .pytest_cache bench/out
