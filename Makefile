# The two commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMPS := .stamps

.PHONY: run test lint fmt messages compile-messages install install-test clean-db help bench audit node-tools wrk

help:
	@echo "make run       install, migrate, load the demo content, create an admin, serve :8000"
	@echo "make test      install what tests need and run the whole suite"
	@echo "make lint      ruff check and format check"
	@echo "make fmt       ruff fix and format"
	@echo "make messages  update both catalogues from the code (needs GNU gettext)"
	@echo "make bench     every public page type: queries, render times, requests a second"
	@echo "               (SQLite; PostgreSQL too with DATABASE_URL or BENCH_DATABASE_URL;"
	@echo "               BENCH_SIZES=demo skips the large data set); writes var/bench.md"
	@echo "make audit     Lighthouse (mobile) on the main page types; writes var/audit.md"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): install python3-venv (apt-get install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMPS)/install: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/install-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@mkdir -p $(STAMPS) && touch $@ $(STAMPS)/install

# The Nu HTML Checker (vnu-jar, run with Java 17) and Lighthouse, pinned in package-lock.json.
# Without npm the audits in the suite skip and say why.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm is missing: the HTML audit will be skipped (apt-get install -y nodejs npm)"; fi

node-tools: node_modules/.package-lock.json

# wrk, the load generator of make bench (Debian's package).
wrk:
	@command -v wrk >/dev/null 2>&1 || { apt-get install -y -qq wrk || \
		{ apt-get update -qq && apt-get install -y -qq wrk; }; }

install: $(STAMPS)/install
install-test: $(STAMPS)/install-test

compile-messages: install
	$(MANAGE) compile_catalogues

run: install compile-messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver 127.0.0.1:8000

# The suite runs in one worker per core (pytest-xdist); PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= auto

test: install-test node-tools
	$(MANAGE) compile_catalogues --settings=portal.settings.test
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	$(MANAGE) makemessages -l nl -l en --no-location --ignore=.venv --ignore=staticfiles --ignore=var --ignore=node_modules
	$(MANAGE) compile_catalogues --fill-english

# Measurements with the production settings on 127.0.0.1 (portal/settings/bench.py).
bench: install-test wrk
	$(MANAGE) bench --settings=portal.settings.bench

audit: install-test node-tools
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(MANAGE) lighthouse_audit --settings=portal.settings.bench

clean-db:
	rm -f db.sqlite3
