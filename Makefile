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

# apt-get, as root, installs Chromium when it is missing (a variable so its failure can be tested)
APT_GET ?= apt-get

.PHONY: book test notebooks student serve bench bench-web js lint clean distclean venv \
	browser pins python-check pdf offline release test-local-recipe test-jupyterlab colab lab-citations wheel

# Python 3.11 or newer (the pinned numpy, pandas and scipy need it): say which one was found
# and what to do, instead of a pip error about versions.
define check_python
found=$$($(PYTHON) --version 2>&1 | sed -n 's/^Python \([0-9][0-9]*\)\.\([0-9][0-9]*\).*/\1 \2/p'); \
set -- $$found; \
if [ -z "$$found" ] || [ "$$1" -lt 3 ] || { [ "$$1" = 3 ] && [ "$$2" -lt 11 ]; }; then \
  echo "make: Python 3.11 or newer is needed (the pinned numpy, pandas and scipy need it)." >&2; \
  echo "  found: $(if $(PYTHON),$(PYTHON) ($$($(PYTHON) --version 2>&1 | head -n 1)),no python3.11 or python3 on PATH)" >&2; \
  echo "  install Python 3.11+ (your system's packages, pyenv or python.org), then run" >&2; \
  echo "  make with it on PATH as python3.11, or name it: make PYTHON=/path/to/python3.11" >&2; \
  exit 1; \
fi
endef

python-check:
	@$(check_python)

venv: $(STAMP)

# Made afresh when the pins change (a package dropped from them leaves too), so .venv holds
# exactly the pinned set (tests/test_ci.py); a change to pyproject.toml only reinstalls.
$(STAMP): requirements.txt requirements-dev.txt pyproject.toml labextension/pyproject.toml
	@$(check_python)
	@case " $? " in *" requirements"*) rm -rf $(VENV);; esac
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser).
browser: $(CHROMIUM)

# As root (CI, containers) it is installed with apt. When that cannot happen (not root, or apt
# fails: no network, no package), make goes on: the browser tests are skipped with a message,
# except under CI=true, where they must run and fail instead.
$(CHROMIUM):
	@skip="the browser tests will be skipped (under CI=true they fail). Install it with"; \
	skip="$$skip 'sudo apt-get install chromium' or pass CHROMIUM=/path/to/chromium."; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "make: no $(CHROMIUM), and apt needs root: $$skip" >&2; \
	elif ! { $(APT_GET) update -qq && \
	         DEBIAN_FRONTEND=noninteractive $(APT_GET) install -y -qq chromium >/dev/null; }; then \
	  echo "make: no $(CHROMIUM), and apt-get could not install it (see above): $$skip" >&2; \
	elif [ ! -e "$(CHROMIUM)" ]; then \
	  echo "make: apt-get installed chromium, but not at $(CHROMIUM): $$skip" >&2; \
	fi

book: $(STAMP) node_modules/.installed
	$(BIN)/python tools/formula_sheet.py
	$(BIN)/jupyter-book build -W -n --keep-going .

# Two pytest workers on two cores: one BLAS thread each, or idle OpenBLAS threads spin
# against the other worker and the scipy fits run several times slower.
# npm (node_modules): esbuild, for the test of the offline copy's bundled calculators.
test: $(STAMP) $(CHROMIUM) node_modules/.installed
	CHROMIUM=$(CHROMIUM) OPENBLAS_NUM_THREADS=1 $(BIN)/python -m pytest -n 2 --dist loadfile \
	  -m "not jupyterlab"

# The website's formulas and data, generated from the package (committed; a test checks them).
js: $(STAMP)
	$(BIN)/python -m scalinglaws.web.export

# The Colab set-up cell, first in every chapter (tools/colab_cell.py): inserted, or updated
# when the package's version, dependencies, pins or URL change; then `make notebooks`.
colab: $(STAMP)
	$(BIN)/python tools/colab_cell.py notebooks/*.ipynb

# The JupyterLab extension that shows citations author-year (labextension/, from
# book/references.bib); requirements.txt installs it: run `make venv` after a change.
lab-citations: $(STAMP)
	$(BIN)/python tools/lab_citations.py
	$(BIN)/python -m pip install --quiet --no-deps --force-reinstall ./labextension

notebooks: $(STAMP)
	$(BIN)/python -m scalinglaws.notebook_runner notebooks/*.ipynb

# Copies of the chapters for learners: solutions removed, outputs cleared (_build/student),
# and the same as a zip for the website (_build/downloads/scaling-laws-student-notebooks.zip).
student: $(STAMP)
	$(BIN)/python -m scalinglaws.student _build/student notebooks/*.ipynb
	$(BIN)/python tools/downloads.py student

# The whole book as one PDF, solutions open (_build/downloads/scaling-laws.pdf): a single-page
# build printed by Chromium once the calculators are done (formulas are typeset at build time,
# by node_modules' MathJax).
pdf: $(STAMP) $(CHROMIUM) node_modules/.installed
	CHROMIUM=$(CHROMIUM) $(BIN)/python tools/downloads.py pdf

# The website as a zip to read offline (_build/scaling-laws-site.zip); builds it if needed.
# The website as a zip; its calculators run from the disk in one script bundled by esbuild
# (npm, pinned in package-lock.json).
offline: $(STAMP) node_modules/.installed
	@test -f _build/html/index.html || $(MAKE) book
	$(BIN)/python tools/downloads.py offline

# The README's local recipe, as a test: a virtual environment made from requirements.txt
# alone (pip needs the package index; made again when the pins, the package or its JupyterLab
# extension change), JupyterLab from it on 127.0.0.1, and Chromium opening every chapter in
# notebooks/, running all cells, reading the rendered chapter and moving a slider
# (tests/test_jupyterlab.py: about 9 minutes for seven chapters, so not part of make test;
# PYTEST_ARGS="-k 06-inference" runs some chapters only).
RECIPE := _build/recipe-venv
$(RECIPE)/.installed: requirements.txt pyproject.toml labextension/pyproject.toml \
		labextension/scalinglaws-citations/static/remoteEntry.js
	@$(check_python)
	rm -rf $(RECIPE)
	$(PYTHON) -m venv $(RECIPE)
	$(RECIPE)/bin/python -m pip install --quiet -r requirements.txt
	touch $@

test-jupyterlab: $(STAMP) $(CHROMIUM) $(RECIPE)/.installed
	JUPYTER_BIN_DIR=$(CURDIR)/$(RECIPE)/bin CHROMIUM=$(CHROMIUM) OPENBLAS_NUM_THREADS=1 \
	  $(BIN)/python -m pytest -n 0 --durations=0 tests/test_jupyterlab.py $(PYTEST_ARGS)

# The same from scratch: the recipe's environment made afresh first.
test-local-recipe:
	rm -rf $(RECIPE)
	$(MAKE) test-jupyterlab

# The package as a wheel (_build/downloads/scalinglaws-<version>-py3-none-any.whl), built
# with no network by this environment's pip and setuptools: the website publishes it and the
# Colab set-up cell installs it from there (tools/colab_cell.py).
wheel: $(STAMP)
	$(BIN)/python tools/downloads.py wheel

# Everything the website publishes: the book, then the PDF, student zip and package wheel
# copied into _build/html/downloads/, then the offline zip of the whole (what CI uploads).
release: book pdf student wheel node_modules/.installed
	$(BIN)/python tools/downloads.py publish
	$(BIN)/python tools/downloads.py offline

serve:
	@test -d _build/html || { echo "No _build/html: run 'make book' first."; exit 1; }
	$(or $(wildcard $(BIN)/python),$(PYTHON)) -m http.server $(PORT) --bind $(HOST) --directory _build/html

bench: $(STAMP)
	$(BIN)/python tools/bench.py

# Input-to-repaint time of every calculator on the built pages, in Chromium (after make book).
bench-web: $(STAMP) $(CHROMIUM)
	CHROMIUM=$(CHROMIUM) $(BIN)/python tools/bench_web.py

# Refresh the pins: requirements.txt and requirements-dev.txt from requirements.in and
# requirements-dev.in, resolved by pip in a fresh temporary venv (the one target that needs
# the package index). Then `make notebooks` if a version changed, and `make test`.
pins:
	@$(check_python)
	$(PYTHON) tools/pins.py

lint: $(STAMP)
	$(BIN)/ruff check scalinglaws tests tools

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
