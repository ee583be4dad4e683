# Two commands do all the set-up:  make lab  (open the pack)  and  make test  (run every check).
# Both create .venv when it is missing and reinstall only when requirements.txt or
# pyproject.toml change (the stamp file's name carries their hash).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8888
NO_BROWSER ?=
HASH := $(shell $(PYTHON) -c "import hashlib; print(hashlib.sha256(open('requirements.txt','rb').read() + open('pyproject.toml','rb').read()).hexdigest()[:16])")
STAMP := $(VENV)/.installed-$(HASH)
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
NOTEBOOK_FOLDERS := notebooks solutions exercises

.PHONY: lab test install lint unit nbval navigation outputs exercises workbook html html-instructor bench clean

install: $(STAMP)

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
		echo "Could not create $(VENV) with $(PYTHON): install Python 3.11+ with venv (see README, Troubleshooting)."; \
		exit 1; }
	@$(BIN)/python -m pip install --quiet --upgrade pip && \
	$(BIN)/python -m pip install --quiet -r requirements.txt && \
	$(BIN)/python -m pip install --quiet --no-deps -e . || { \
		echo "Could not install the pinned packages into $(VENV): the first set-up needs PyPI (a network"; \
		echo "connection or a package mirror). Nothing else was changed; run the command again when online."; \
		exit 1; }
	@rm -f $(VENV)/.installed-*
	@touch $@

## make lab [PORT=8888] [NO_BROWSER=1]: open the pack in JupyterLab (token authentication on)
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) \
		--ServerApp.port_retries=0 $(if $(NO_BROWSER),--no-browser,) $(ROOT_FLAG) \
		notebooks/00_start_here.ipynb

## make test: the whole suite (lint, unit and data tests, notebook validation, browser tests)
test: $(STAMP) lint unit nbval

lint: $(STAMP)
	$(BIN)/ruff check src tests $(NOTEBOOK_FOLDERS)

unit: $(STAMP)
	$(BIN)/python -m pytest -p no:cacheprovider tests

# nbval takes one mode per run: strict (stored outputs must be reproduced) for lessons and
# solutions, lax for the exercise notebooks, which are stored without outputs.
nbval: $(STAMP)
	@$(MAKE) --no-print-directory nbval-folder FOLDER=notebooks MODE=--nbval
	@$(MAKE) --no-print-directory nbval-folder FOLDER=solutions MODE=--nbval
	@$(MAKE) --no-print-directory nbval-folder FOLDER=exercises MODE=--nbval-lax

nbval-folder:
	@if ls $(FOLDER)/*.ipynb >/dev/null 2>&1; then \
		$(BIN)/python -m readingpack.nbvalcfg > $(VENV)/nbval-sanitize.cfg && \
		$(BIN)/python -m pytest -p no:cacheprovider $(MODE) --nbval-current-env \
			--nbval-sanitize-with $(VENV)/nbval-sanitize.cfg $(FOLDER); \
	else echo "$(FOLDER)/ holds no notebooks yet: nothing to validate"; fi

## make navigation: rewrite the navigation cells and the table of contents
navigation: $(STAMP)
	$(BIN)/python -m readingpack.navigation

## make outputs: re-run every lesson and solution notebook and store its outputs
outputs: $(STAMP) navigation
	$(BIN)/python -m readingpack.nbtools notebooks/*.ipynb $(wildcard solutions/*.ipynb)

## make html: the offline HTML edition of the lessons and exercises, in build/html
html: $(STAMP)
	$(BIN)/python -m readingpack.htmlbuild

## make html-instructor: the same with the solutions, in build/html-instructor
html-instructor: $(STAMP)
	$(BIN)/python -m readingpack.htmlbuild --instructor

clean:
	rm -rf build test-artifacts .pytest_cache .ruff_cache

## make exercises: regenerate exercises/ from solutions/ (a test fails when they drift)
exercises: $(STAMP)
	$(BIN)/python -m readingpack.assignments
	$(BIN)/python -m readingpack.instructor

## make workbook: copy the exercises into your own workbook/ folder (never overwrites)
workbook: $(STAMP)
	$(BIN)/python -m readingpack.workbook

## make bench: measure the performance budget and write docs/performance.md
bench: $(STAMP)
	$(BIN)/python -m readingpack.bench
