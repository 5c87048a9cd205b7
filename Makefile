# The two commands a reader or contributor needs (see README.md):
#   make serve   build the book and serve it on http://127.0.0.1:8000
#   make test    run every test (package, book code blocks, labs, strict build, browser)
# Both create the environment (.venv + node_modules) first if it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# Extra pytest arguments for `make test` / `make test-fast`, e.g. PYTEST_ARGS="-k solve".
PYTEST_ARGS ?=
# MkDocs 1.6 prints an end-of-life notice about MkDocs 2 on every run; the book pins 1.x.
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs

.PHONY: serve test test-fast build bench bench-scale pdf lint clean env

# --no-strict: a mistake in a page is reported (page and line) and the server keeps
# serving; `make build` and `make test` stay strict. --dirty: a reload rebuilds only the
# pages you changed (about 1 s, at 6 weeks as at 13); after changing src/mathbook or the glue,
# restart `make serve` so that every page is rebuilt.
serve: env
	$(MKDOCS) serve --dirty --no-strict --dev-addr 127.0.0.1:8000

# pytest exits 5 when it collects nothing: treat that as a failure of the suite itself.
test: env
	@status=0; $(BIN)/python -m pytest $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests, so nothing was checked" >&2; fi; \
	exit $$status

# While writing: everything but the tests that build a book (site) or drive Chromium
# (browser). `make test` before a pull request runs those too.
test-fast: env
	$(BIN)/python -m pytest -m "not site and not browser" $(PYTEST_ARGS)

build: env
	$(MKDOCS) build --strict

bench: env
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/scale.py

# The book at 13 weeks (synthetic copies of Week 1): builds and suite times, ~30 min.
bench-scale: env
	$(BIN)/python benchmarks/scale.py

pdf: env
	$(BIN)/python -m tools.pdf

lint: env
	$(BIN)/ruff check src tests hooks benchmarks tools
	$(BIN)/mypy

clean:
	rm -rf site .cache .pytest_cache test-artifacts

env: $(STAMP) $(NODE_STAMP)

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(NODE_STAMP): package.json package-lock.json $(STAMP)
	$(BIN)/npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@
