.PHONY: help run test lint fmt types bench catalog

help:  ## List the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

run:  ## Install, prepare the database with demo data, start the web app
	bash scripts/run

test:  ## Install the test dependencies and run the whole suite (SQLite; set DATABASE_URL for PostgreSQL)
	bash scripts/test

lint:  ## ruff and the architecture contracts (import-linter)
	ruff check .
	lint-imports

fmt:  ## Format with ruff
	ruff format . && ruff check --fix .

types:  ## mypy --strict
	mypy

bench:  ## Run the benchmarks at full size
	python3 benchmarks/route_realism.py
	python3 benchmarks/route_scan.py
	python3 benchmarks/route_cli.py
	python3 benchmarks/matching.py
	python3 benchmarks/web_load.py
	python3 benchmarks/verify.py
	python3 benchmarks/long_input.py

catalog:  ## Rebuild opmaat/data/catalog.yaml from ../shared/catalog
	python3 scripts/build_default_catalog.py

.PHONY: messages
messages:  ## Refresh the English translation (opmaat/locale): extract the Dutch strings, compile
	cd opmaat && DJANGO_SETTINGS_MODULE=opmaat.settings PYTHONPATH="$(CURDIR)" \
		python3 -m django makemessages -l en --no-obsolete --add-location file
	cd opmaat && DJANGO_SETTINGS_MODULE=opmaat.settings PYTHONPATH="$(CURDIR)" \
		python3 -m django compilemessages -l en
