PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint system-deps venv dev-venv demo worker scheduler bench clean assets build

system-deps:
	@bash scripts/system-deps.sh

$(VENV)/.runtime: requirements.txt
	@mkdir -p var
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	@touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PIP) install -q -r requirements-dev.txt
	@touch $@

node_modules/.installed: package.json
	npm install --no-audit --no-fund --silent
	@touch $@

venv: $(VENV)/.runtime
dev-venv: $(VENV)/.dev node_modules/.installed

# Compiled catalogs (*.mo) and font subsets are built, never committed.
# No venv prerequisite: a deploy brings its own virtualenv (PY=...).
assets:
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --ignore=var -v 0
	$(MANAGE) subset_fonts

# A release: what a deploy runs once per release, before migrate and the new
# processes. Static files land in STATIC_ROOT hashed and compressed, as the
# production settings serve them (so those settings, and their SECRET_KEY and
# SITE_URL, are needed; no database is).
build: assets
	$(MANAGE) collectstatic --noinput -v 0 --settings=cms.settings.production

# The demo names itself by the address it is served on (core.site).
demo run worker scheduler: export SITE_URL ?= http://$(HOST):$(PORT)

demo: system-deps venv assets
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_roles --demo-users
	$(MANAGE) load_demo
	$(MANAGE) warm_renditions
	$(MANAGE) analyze_database

run: demo
	@echo ""
	@echo "  Site:   http://$(HOST):$(PORT)/en/"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/   (demo login: admin / odop-demo-admin)"
	@echo "  Roles:  editor, moderator, translator-<code>, reviewer-<code>  (password: odop-demo-translate)"
	@echo "  Worker: started alongside (python manage.py db_worker)"
	@echo "  Scheduler: publish_scheduled and recover_tasks every minute (python manage.py run_scheduler)"
	@echo ""
	@trap 'kill 0' INT TERM EXIT; \
	  $(MANAGE) db_worker --queue-name '*' & \
	  $(MANAGE) run_scheduler & \
	  $(MANAGE) runserver $(HOST):$(PORT)

worker: venv
	$(MANAGE) db_worker --queue-name '*'

scheduler: venv
	$(MANAGE) run_scheduler

lint: dev-venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

test: system-deps dev-venv assets
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=cms.settings.test $(MANAGE) makemigrations --check --dry-run
	@# Deploy checks on production settings, with a throwaway key for this one run
	@# (and a mail host: without one, security.W001 says mail only reaches the log).
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" ALLOWED_HOSTS=odop.example.gov.in \
	  SITE_URL=https://odop.example.gov.in EMAIL_HOST=smtp.example.gov.in $(MANAGE) check --deploy --fail-level WARNING --settings=cms.settings.production
	$(VENV)/bin/pytest

bench: venv
	$(MANAGE) bench --stories 200,20000 --locales en,hi,ta,ur --out var/bench.json

clean:
	rm -rf $(VENV) var node_modules
