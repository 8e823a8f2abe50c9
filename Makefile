# Two commands do all set-up: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run serve test bench install install-dev lint clean

# Local development runs with debug on; production reads its settings from the environment.
run: export DJANGO_DEBUG ?= 1
test: export DJANGO_DEBUG ?= 1
bench: export DJANGO_DEBUG ?= 1

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) || { \
	  echo "Could not create a virtual environment. On Debian/Ubuntu: sudo apt-get install python3-venv"; exit 1; }
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files re-run pip only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	@touch $@ $(VENV)/.installed

# The interface's translations, compiled from the catalogue in the repository (no GNU gettext needed).
CATALOGUE := locale/zh_Hans/LC_MESSAGES/django
$(CATALOGUE).mo: $(CATALOGUE).po | $(VENV)/.installed
	DJANGO_DEBUG=1 $(BIN)/python manage.py compile_catalogues

install: $(VENV)/.installed $(CATALOGUE).mo
install-dev: $(VENV)/.installed-dev $(CATALOGUE).mo

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_seed_data
	$(BIN)/python manage.py ensure_local_superuser
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# The production configuration on this machine: debug off, hashed and compressed static files served
# by whitenoise, gunicorn with 2 × cores + 1 workers on 127.0.0.1:8000. Secrets come from the
# environment; without DJANGO_SECRET_KEY a local one is generated once into .local-secret-key.
SERVE_ENV = DJANGO_DEBUG=0 DJANGO_HTTPS=$${DJANGO_HTTPS:-0} \
	DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat .local-secret-key)}"

.local-secret-key:
	@$(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))' > $@ && chmod 600 $@

serve: install .local-secret-key
	$(SERVE_ENV) $(BIN)/python manage.py collectstatic --noinput -v0
	$(SERVE_ENV) $(BIN)/python manage.py migrate --noinput
	$(SERVE_ENV) $(BIN)/python manage.py load_seed_data
	$(SERVE_ENV) $(BIN)/gunicorn -c portal/gunicorn.conf.py portal.wsgi

test: install-dev
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# Measured speed, not asserted in tests: figures on the terminal and in bench-results/*.json.
# It runs on a scratch SQLite database of its own, never on db.sqlite3; then, when BENCH_POSTGRES_URL
# names a scratch PostgreSQL database (its name must contain "bench": the bench empties it, dropping
# its public schema), the sections that load the national dataset again there, into
# bench-results/postgres/. BENCH_ARGS passes options to both runs (e.g. --bureaus 300 --seconds 3),
# BENCH_SECTIONS picks the SQLite run's sections (all when empty), BENCH_POSTGRES_SECTIONS the other's.
BENCH_DB := bench-results/bench.sqlite3
BENCH_ARGS ?=
BENCH_SECTIONS ?=
BENCH_POSTGRES_SECTIONS ?= queries search serving
bench: install
	@mkdir -p bench-results
	DATABASE_URL=sqlite:///$(CURDIR)/$(BENCH_DB) $(BIN)/python manage.py bench_database
	DATABASE_URL=sqlite:///$(CURDIR)/$(BENCH_DB) $(BIN)/python manage.py benchmark $(BENCH_ARGS) \
	  $(if $(strip $(BENCH_SECTIONS)),--only $(BENCH_SECTIONS))
	@if [ -z "$$BENCH_POSTGRES_URL" ]; then \
	  echo; echo "PostgreSQL: skipped, BENCH_POSTGRES_URL is not set. To measure it as well, give a scratch"; \
	  echo "PostgreSQL database the bench may empty, e.g. BENCH_POSTGRES_URL=postgres://portal:portal@127.0.0.1:5432/portal_bench"; \
	else \
	  echo; echo "PostgreSQL: sections $(BENCH_POSTGRES_SECTIONS) on BENCH_POSTGRES_URL's database, into bench-results/postgres/"; \
	  DATABASE_URL="$$BENCH_POSTGRES_URL" $(BIN)/python manage.py bench_database && \
	  DATABASE_URL="$$BENCH_POSTGRES_URL" $(BIN)/python manage.py benchmark $(BENCH_ARGS) \
	    --only $(BENCH_POSTGRES_SECTIONS) --output-dir $(CURDIR)/bench-results/postgres; \
	fi

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
