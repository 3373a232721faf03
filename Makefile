# Leerkring — `make demo` starts the platform with Dutch demo data; `make test` runs the suite.
# The distribution's Python where there is one: it is built with profile-guided optimisation,
# which a source build without --enable-optimizations (pyenv's default) lacks, and serves about
# a fifth more requests a second on the same cores (bench/load/README.md).
PYTHON ?= $(firstword $(wildcard /usr/bin/python3.11) python3.11)
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo demo-reset serve worker test test-fast lint format bench load messages check clean

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

# The demo runs as a school would see it: DEBUG off, static files collected and served by
# WhiteNoise, the error pages of the site instead of Django's debug pages.
DEMO_ENV := DEBUG=0 ALLOWED_HOSTS=$(HOST),127.0.0.1,localhost

demo: install
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py demo --size small --if-empty
	$(DEMO_ENV) $(PY) manage.py collectstatic --noinput --verbosity 0
	@echo "Starting the background worker and the web server on http://$(HOST):$(PORT)"
	$(DEMO_ENV) $(PY) manage.py db_worker --interval 2 & \
	  WORKER=$$!; trap "kill $$WORKER" EXIT INT TERM; \
	  $(DEMO_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

demo-reset: install
	$(DEMO_ENV) $(PY) manage.py migrate --noinput
	$(DEMO_ENV) $(PY) manage.py demo --size small --reset

# Development: DEBUG=1 shows Django's debug pages and serves static files from the apps.
serve: install
	DEBUG=1 $(PY) manage.py runserver $(HOST):$(PORT)

worker: install
	$(PY) manage.py db_worker

test: install
	@if command -v chromium >/dev/null 2>&1 || test -x "$$CHROMIUM_PATH"; then \
	  echo "Browser tests: running in headless Chromium."; \
	else \
	  echo "Browser tests: SKIPPED — no Chromium found (install Debian's 'chromium' to run them)."; \
	fi
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) manage.py check
	$(PY) -m ruff check .
	$(PY) -m pytest -q $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -q -m "not browser and not slow" $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# `make bench SIZE=region BENCH_ARGS=--explain` measures the region data set (PostgreSQL).
SIZE ?= large
bench: install
	$(PY) manage.py bench --size $(SIZE) $(BENCH_ARGS)

# Load test: gunicorn (4 workers) on PostgreSQL with the large demo, Locust for LOAD_SECONDS
# (60) with LOAD_USERS (50); see bench/load/README.md. Writes bench/load.json.
load: install
	$(PY) -m bench.load.run

messages: install
	$(PY) manage.py makemessages --all --ignore=.venv --ignore=staticfiles
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles bench/*.sqlite3
