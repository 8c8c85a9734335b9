# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PIP_PROGRESS_BAR := off
# The suite on each core (at most four): each worker has its own test database.
PARALLEL := -n auto --maxprocesses=4 --dist worksteal
# The browser tests drive pages and scripts, the same on either database, and are half the
# suite's time: they run once, on SQLite; the PostgreSQL run is every other test.
# `make test PG_TESTS=` runs them on PostgreSQL too.
PG_TESTS ?= -m 'not browser'

.PHONY: run serve test lint typecheck pytest bench fuzz demo migrate install install-dev browser clean

## make run: install, migrate, load the demo data (once), start the task worker and serve on 127.0.0.1:8000
run: export DJANGO_DEBUG := true
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py demo_data --if-empty
	$(BIN)/python manage.py schedule_reminders
	$(BIN)/python manage.py db_worker & worker=$$!; \
	  $(BIN)/python manage.py db_worker --queue-name audit & checker=$$!; \
	  trap "kill $$worker $$checker" EXIT; \
	  $(BIN)/python manage.py runserver 127.0.0.1:8000

## make test: install what the tests need, lint, type-check, run the suite (SQLite, then PostgreSQL when DATABASE_URL says so)
test: install-dev browser
	$(MAKE) lint typecheck
	env -u DATABASE_URL DJANGO_SETTINGS_MODULE=rapport.settings_test $(BIN)/python manage.py makemigrations --check --dry-run
	env -u DATABASE_URL $(BIN)/pytest $(PARALLEL)
	@case "$${DATABASE_URL:-}" in \
	  postgres*) echo "== again on PostgreSQL ($$DATABASE_URL): pytest $(PG_TESTS)"; \
	    $(BIN)/pytest $(PARALLEL) $(PG_TESTS) ;; \
	  *) echo "== DATABASE_URL is not PostgreSQL: PostgreSQL run skipped" ;; \
	esac

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: install-dev
	$(BIN)/mypy

## make fuzz: the property and hostile-input tests, longer and random (the suite runs them derandomised)
fuzz: install-dev
	HYPOTHESIS_PROFILE=fuzz RAPPORT_FUZZ_EXAMPLES=$${RAPPORT_FUZZ_EXAMPLES:-100} env -u DATABASE_URL \
	  $(BIN)/pytest -p no:randomly rapport/tests/test_hostile_input.py consent/tests people/tests/test_nhs.py \
	  commitments/tests/test_clock.py circles/tests/test_cadence.py

## make bench [DB=postgres] [BENCH_ARGS=...]: the load benchmark on a lived-in service (1,000 and 20,000 people)
bench: install-dev $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks.run --db $(or $(DB),sqlite) $(BENCH_ARGS)

$(VENV)/.installed-bench: requirements/bench.txt requirements/dev.txt requirements/base.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements/bench.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev node_modules/.installed

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: requirements/base.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements/base.txt
	touch $@

$(VENV)/.installed-dev: requirements/dev.txt requirements/base.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements/dev.txt
	touch $@ $(VENV)/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium; never `playwright install` (it downloads a browser).
browser:
	@[ -x /usr/bin/chromium ] || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq --no-install-recommends chromium; }

clean:
	rm -rf $(VENV) node_modules staticfiles .pytest_cache .mypy_cache .ruff_cache
