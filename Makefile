PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint system-deps venv dev-venv demo worker scheduler bench clean assets

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
assets: venv
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules --ignore=var -v 0
	$(MANAGE) subset_fonts

demo: system-deps venv assets
	$(MANAGE) migrate --noinput
	$(MANAGE) setup_roles --demo-users
	$(MANAGE) load_demo
	$(MANAGE) warm_renditions

run: demo
	@echo ""
	@echo "  Site:   http://$(HOST):$(PORT)/en/"
	@echo "  Admin:  http://$(HOST):$(PORT)/admin/   (demo login: admin / odop-demo-admin)"
	@echo "  Roles:  editor, moderator, translator-<code>, reviewer-<code>  (password: odop-demo-translate)"
	@echo "  Worker: started alongside (python manage.py db_worker)"
	@echo "  Scheduler: publish_scheduled every minute (python manage.py run_scheduler)"
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
	@# Deploy checks on production settings, with a throwaway key for this one run.
	SECRET_KEY="$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))')" ALLOWED_HOSTS=odop.example.gov.in \
	  $(MANAGE) check --deploy --fail-level WARNING --settings=cms.settings.production
	$(VENV)/bin/pytest

bench: venv
	$(MANAGE) bench --stories 200,2000 --locales en,hi,ta,ur --out var/bench.json

clean:
	rm -rf $(VENV) var node_modules
