# Scaling Laws, an interactive course: the two commands of the README and their helpers.
#   make book   build the book into _build/html (creates .venv, installs, executes notebooks)
#   make test   run every test (unit, property, doctests, nbval, build, widgets, browser)
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian's Chromium by default; any Chromium-based browser works: make test CHROMIUM=/path
CHROMIUM ?= /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: book test notebooks student serve bench lint clean distclean venv browser

venv: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser).
browser: $(CHROMIUM)

# As root (CI, containers) it is installed with apt; otherwise the browser tests are skipped
# with a message (and fail under CI=true, where they must run).
$(CHROMIUM):
	@if [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
	  echo "No $(CHROMIUM): browser tests will be skipped (sudo apt-get install chromium)."; \
	fi

book: $(STAMP)
	$(BIN)/jupyter-book build -W -n --keep-going .

# Two pytest workers on two cores: one BLAS thread each, or idle OpenBLAS threads spin
# against the other worker and the scipy fits run several times slower.
test: $(STAMP) $(CHROMIUM)
	CHROMIUM=$(CHROMIUM) OPENBLAS_NUM_THREADS=1 $(BIN)/python -m pytest -n 2 --dist loadfile

notebooks: $(STAMP)
	$(BIN)/python -m scalinglaws.notebook_runner notebooks/*.ipynb

# Copies of the chapters for learners: solutions removed, outputs cleared (_build/student).
student: $(STAMP)
	$(BIN)/python -m scalinglaws.student _build/student notebooks/*.ipynb

serve:
	@test -d _build/html || { echo "No _build/html: run 'make book' first."; exit 1; }
	$(or $(wildcard $(BIN)/python),$(PYTHON)) -m http.server $(PORT) --bind $(HOST) --directory _build/html

bench: $(STAMP)
	$(BIN)/python tools/bench.py

lint: $(STAMP)
	$(BIN)/ruff check scalinglaws tests

clean:
	rm -rf _build .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) *.egg-info

# Lighthouse (npm, pinned in package-lock.json) on every page of _build/html, mobile and desktop,
# served gzipped from 127.0.0.1 by tools/serve_gzip.py; the table goes to _build/lighthouse/report.md.
# Builds the book first if there is none (run `make book lighthouse` to measure a fresh build).
# Not part of `make test`: ~1 min a page on two cores. LIGHTHOUSE_RUNS=3 reports medians.
.PHONY: lighthouse
LIGHTHOUSE_RUNS ?= 1
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

lighthouse: $(STAMP) node_modules/.installed
	@test -f _build/html/index.html || $(MAKE) book
	CHROME_PATH=$(CHROMIUM) $(BIN)/python tools/lighthouse.py --html _build/html \
	  --out _build/lighthouse --runs $(LIGHTHOUSE_RUNS)
