# The two commands: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
STAMPS := .stamps

.PHONY: run test lint fmt messages compile-messages install install-test clean-db help

help:
	@echo "make run       install, migrate, load the demo content, create an admin, serve :8000"
	@echo "make test      install what tests need and run the whole suite"
	@echo "make lint      ruff check and format check"
	@echo "make fmt       ruff fix and format"
	@echo "make messages  update both catalogues from the code (needs GNU gettext)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { echo "Could not create $(VENV): install python3-venv (apt-get install python3-venv)"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMPS)/install: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/install-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	@mkdir -p $(STAMPS) && touch $@ $(STAMPS)/install

install: $(STAMPS)/install
install-test: $(STAMPS)/install-test

compile-messages: install
	$(MANAGE) compile_catalogues

run: install compile-messages
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo
	$(MANAGE) ensure_admin
	$(MANAGE) runserver 127.0.0.1:8000

test: install-test
	$(MANAGE) compile_catalogues --settings=portal.settings.test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	$(MANAGE) makemessages -l nl -l en --no-location --ignore=.venv --ignore=staticfiles --ignore=var --ignore=node_modules
	$(MANAGE) compile_catalogues --fill-english

clean-db:
	rm -f db.sqlite3
