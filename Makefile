# samenwerk: two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make run    create the environment and run the main job on agreements/
#   make test   create the environment and run the tests
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
AGREEMENTS ?= agreements

.PHONY: run test check lint schema bench clean browser npm messages

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/samenwerk lint $(AGREEMENTS)
	$(BIN)/samenwerk expiring $(AGREEMENTS) --fail-on never
	$(BIN)/samenwerk render $(AGREEMENTS) -f pdf --output-dir build --force
	$(BIN)/samenwerk render $(AGREEMENTS) -f html --output-dir build --force

test: $(BIN)/.installed browser npm check
	$(BIN)/python -m pytest -q

# Static checks (pinned versions, so a new release cannot break CI): ruff for errors, imports and format,
# import-linter for the layers (no import cycles, the core never imports the command line), mypy --strict.
check: $(BIN)/.installed
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy src/samenwerk

# Debian's Chromium, for the tests that look at rendered HTML in a real browser. Installed when missing and
# apt is usable (root); elsewhere those tests skip, except under CI=true where a missing browser fails them.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else echo "chromium not installed and cannot install it here: browser tests will skip"; fi; }

# Test tools from the npm registry (package.json, pinned by package-lock.json): axe-core checks the register site
# and the rendered agreements for accessibility in Chromium; vnu-jar is the W3C Nu HTML checker, which runs on
# Java (Debian's headless JRE, installed when missing and apt is usable). Installed inside the venv, so that
# `make clean` removes them with it; npm comes from Debian when missing and apt is usable (root); elsewhere
# those tests skip, except under CI=true.
npm: $(VENV)/node_modules/.installed
	@command -v java >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
	  else echo "java not installed and cannot install it here: the HTML validator test will skip"; fi; }

$(VENV)/node_modules/.installed: package.json package-lock.json $(BIN)/.installed
	@if command -v npm >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }; then \
	  cp package.json package-lock.json $(VENV)/ && \
	  (cd $(VENV) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) && touch $@; \
	else echo "npm not installed and cannot install it here: the accessibility test will skip"; fi

lint: $(BIN)/.installed
	$(BIN)/samenwerk lint $(AGREEMENTS)

schema: $(BIN)/.installed
	$(BIN)/samenwerk schema

bench: $(BIN)/.installed
	$(BIN)/python bench/run.py
	$(BIN)/python bench/scan.py
	$(BIN)/python bench/render.py
	$(BIN)/python bench/site.py

# Everything generated: the environment, rendered and built files, benchmark output, packaging leftovers
# and every tool's cache (tests/test_docs.py checks the list).
clean:
	rm -rf $(VENV) build dist bench/out .samenwerk_cache \
	  .pytest_cache .ruff_cache .mypy_cache .import_linter_cache .hypothesis
	find . -path ./.git -prune -o \( -name __pycache__ -o -name '*.egg-info' \) -type d -prune -exec rm -rf {} +

# The message catalogs (src/samenwerk/locale, see README "Languages"): extract every message from the code
# (babel.cfg), merge it into each language's .po, and compile the .mo files, which are committed and ship in
# the wheel (tests/test_i18n.py fails when either is out of date with the code or a message lacks Dutch).
LOCALES := src/samenwerk/locale
messages: $(BIN)/.installed
	mkdir -p build
	PYTHONPATH=$(CURDIR)/src $(BIN)/pybabel -q extract -F babel.cfg --no-location --sort-output \
	  --project samenwerk --copyright-holder "samenwerk contributors" -o build/samenwerk.pot .
	$(BIN)/pybabel -q update -i build/samenwerk.pot -d $(LOCALES) -D samenwerk -l nl \
	  --ignore-obsolete --init-missing
	$(BIN)/pybabel -q compile -d $(LOCALES) -D samenwerk --statistics
