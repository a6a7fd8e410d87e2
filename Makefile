# The site's commands. Each target installs what it needs into .venv from the
# pinned requirements, so a fresh clone needs nothing but Python 3.11.
#   make html    validate the records, then build the site into _build/html
#   make check   validate the records only
#   make test    lint, then run the test suite
#   make format  fix lint and formatting
#   make serve   serve _build/html on http://127.0.0.1:8000/
#   make preview live preview while editing: rebuilds and reloads on save (PORT=8000)
#   make bench   run the build benchmark
#   make clean   remove build output and generated pages

# Python's bytecode cache, on even where the environment switches it off: a build
# imports the tooling's own modules (about 10,000 lines), and compiling them again in
# every run cost about 0.1 s of each build (a one-record rebuild at 500 events is 2 s).
unexport PYTHONDONTWRITEBYTECODE

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SPHINXOPTS ?=
PORT   ?= 8000

.PHONY: html check test format serve preview bench clean distclean

$(VENV)/.build-stamp: requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.preview-stamp: $(VENV)/.build-stamp requirements-preview.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-preview.txt
	@touch $@

$(VENV)/.test-stamp: $(VENV)/.preview-stamp requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

# The record checks CI runs; then the ids editors' YAML language servers complete.
check: $(VENV)/.build-stamp
	$(PY) -m tooling check
	@$(PY) -m tooling editor-schemas

# Built aside and swapped in: a failed build never replaces a good site.
html: check
	$(PY) -m tooling.safe_build -W --keep-going -b html -c . -d _build/doctrees $(SPHINXOPTS) docs _build/html
	@echo "Built: open _build/html/index.html, or run 'make serve'."

# Lint and format check first (ruff, pinned in requirements-test.txt), then the
# suite on every core (pytest-xdist; one worker per test file keeps each file's
# built site to one build).
PYTEST_ARGS ?= -n auto --dist loadfile
test: $(VENV)/.test-stamp
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m pytest $(PYTEST_ARGS)

# Rewrite the code in the house style (what 'make test' checks).
format: $(VENV)/.test-stamp
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

preview: $(VENV)/.preview-stamp
	PORT=$(PORT) $(PY) -m tooling.preview

serve: html
	$(PY) -m http.server --bind 127.0.0.1 --directory _build/html $(PORT)

# BENCH_ARGS="--sizes 50,100" for a quick run; the default is N = 100, 500, 2,000.
# Lighthouse and the Nu Html Checker (npm, as in .ci/run) audit the pages; without
# them the bench still measures everything else and reports their budgets as "not
# measured".  Both in one npm command (npm may prune an unsaved package when installing another).
bench: $(VENV)/.test-stamp
	@test -x node_modules/.bin/lighthouse -a -f node_modules/vnu-jar/build/dist/vnu.jar \
	  || npm install --no-save --no-audit --no-fund --silent lighthouse@13 vnu-jar@26.9.27 >/dev/null 2>&1 \
	  || echo "lighthouse or vnu-jar could not be installed; the bench runs without their audits"
	$(PY) -m tooling.bench $(BENCH_ARGS)

# Generated pages carry a marker; only those are removed (tooling/sphinxext/pages.py).
clean:
	rm -rf _build
	@test ! -x $(PY) || $(PY) -m tooling clean-pages docs

distclean: clean
	rm -rf $(VENV)
