# The two commands a reader or contributor needs (see README.md):
#   make serve   build the book and serve it on http://127.0.0.1:8000
#   make test    run every test (package, book code blocks, labs, strict build, browser)
# Both create the environment (.venv + node_modules) first if it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
# pytest exits 5 when it collects nothing: treat that as a failure of the suite itself.
PYTEST_ARGS ?=

.PHONY: serve test build bench pdf lint typecheck clean env

serve: env
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

test: env
	@status=0; $(BIN)/python -m pytest $(PYTEST_ARGS) || status=$$?; \
	if [ $$status -eq 5 ]; then echo "make test: pytest collected no tests, so nothing was checked" >&2; fi; \
	exit $$status

build: env
	$(BIN)/mkdocs build --strict

bench: env
	$(BIN)/python benchmarks/run.py

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
