# Two commands do all the set-up:  make lab  (open the pack)  and  make test  (run every check).
# Both create .venv when it is missing. `make lab` installs only what a student's kernel needs
# (requirements/runtime.txt); `make test` and the other checkout tools add the tools
# (requirements/dev.txt). Each set reinstalls only when its lock file (and, for the runtime,
# pyproject.toml) changes: the stamp file's name carries their hash.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8888
NO_BROWSER ?=
HASH_OF = $(shell $(PYTHON) -c "import hashlib, sys; print(hashlib.sha256(b''.join(open(f, 'rb').read() for f in sys.argv[1:])).hexdigest()[:16])" $(1))
RUNTIME_LOCK := requirements/runtime.txt
DEV_LOCK := requirements/dev.txt
RUNTIME_STAMP := $(VENV)/.runtime-$(call HASH_OF,$(RUNTIME_LOCK) pyproject.toml)
DEV_STAMP := $(VENV)/.tools-$(call HASH_OF,$(DEV_LOCK))
# The checkout's tools (tools/packtools) are never installed: they run with tools/ on the path.
# src/ comes first too, so that a copy of the pack (the student edition) tested with another
# copy's venv imports its own readingpack.
TOOLS := PYTHONPATH="$(CURDIR)/src:$(CURDIR)/tools"
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
# The student edition (make student-edition) ships no solutions/: the targets that need them are
# defined only where solutions/ holds notebooks, and `make test` checks what is there.
HAVE_SOLUTIONS := $(wildcard solutions/*.ipynb)
NOTEBOOK_FOLDERS := notebooks $(if $(HAVE_SOLUTIONS),solutions,) exercises
SELF_STUDY ?=
# Measured on a 2-core Linux machine with a fresh .venv and no download cache (docs/performance.md).
RUNTIME_NOTICE := First set-up: installing the pack's packages into $(VENV) (about 520 MB; 35 s on a fast connection, several minutes on a slow one).
TOOLS_NOTICE := Installing the test tools into $(VENV) (about 250 MB more; 10 s on a fast connection).
INSTALL_FAILED := { \
	echo "Could not install the pinned packages into $(VENV): the first set-up needs PyPI (a network"; \
	echo "connection or a package mirror). Nothing else was changed; run the command again when online."; \
	exit 1; }


.PHONY: lab test quick test-heavy new-article grade pdf install install-dev locks lint unit nbval navigation outputs workbook html \
	bench clean snapshots

## make install: the runtime only (what `make lab` needs); make install-dev: the tools too
install: $(RUNTIME_STAMP)
install-dev: $(DEV_STAMP)

$(RUNTIME_STAMP): $(RUNTIME_LOCK) pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || { \
		echo "Could not create $(VENV) with $(PYTHON): install Python 3.11+ with venv (see README, Troubleshooting)."; \
		exit 1; }
	@ls $(VENV)/.runtime-* $(VENV)/.installed-* 2>/dev/null | grep -q . || echo "$(RUNTIME_NOTICE)"
	@$(BIN)/python -m pip install --quiet --upgrade pip && \
	$(BIN)/python -m pip install --quiet -r $(RUNTIME_LOCK) && \
	$(BIN)/python -m pip install --quiet --no-deps -e . || $(INSTALL_FAILED)
	@rm -f $(VENV)/.runtime-* $(VENV)/.installed-*
	@touch $@

$(DEV_STAMP): $(DEV_LOCK) $(RUNTIME_STAMP)
	@ls $(VENV)/.tools-* >/dev/null 2>&1 || echo "$(TOOLS_NOTICE)"
	@$(BIN)/python -m pip install --quiet -r $(DEV_LOCK) || $(INSTALL_FAILED)
	@rm -f $(VENV)/.tools-*
	@touch $@

## make locks: rewrite the lock files from pyproject.toml and requirements/constraints.txt
locks:
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m uv --version >/dev/null 2>&1 || $(BIN)/python -m pip install --quiet uv
	$(BIN)/python -m uv pip compile --quiet --universal --python-version 3.11 -c requirements/constraints.txt \
		--custom-compile-command "make locks" pyproject.toml -o $(RUNTIME_LOCK)
	$(BIN)/python -m uv pip compile --quiet --universal --python-version 3.11 -c requirements/constraints.txt \
		--custom-compile-command "make locks" --extra tools pyproject.toml -o $(DEV_LOCK)

## make lab [PORT=8888] [NO_BROWSER=1]: open the pack in JupyterLab (token authentication on)
lab: $(RUNTIME_STAMP)
	@mkdir -p $(VENV)/share/jupyter/lab/settings/overrides.d && \
		cp jupyter/overrides.d/readingpack.json $(VENV)/share/jupyter/lab/settings/overrides.d/
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --ServerApp.port=$(PORT) \
		--ServerApp.port_retries=0 $(if $(NO_BROWSER),--no-browser,) $(ROOT_FLAG) \
		--ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb

## make test: the whole suite (lint, unit and data tests, notebook validation, browser tests)
test: $(DEV_STAMP) lint unit nbval

## make quick: lint and the unit tests without the browser, slow and heavy ones (the edit-test loop)
quick: $(DEV_STAMP) lint
	$(TOOLS) $(BIN)/python -m pytest -p no:cacheprovider -q -m "not heavy and not browser and not slow" tests

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tools tests $(NOTEBOOK_FOLDERS)
	$(TOOLS) $(BIN)/lint-imports --no-cache

unit: $(DEV_STAMP)
	$(TOOLS) $(BIN)/python -m pytest -p no:cacheprovider -m "not heavy" tests

## make test-heavy: the big runs kept out of the edit-test loop (CI runs them after make test)
test-heavy: $(DEV_STAMP)
	$(TOOLS) $(BIN)/python -m pytest -p no:cacheprovider -m heavy tests

## make snapshots: rewrite the widgets' rendering snapshots (tests/article/__snapshots__) after a wording change
snapshots: $(DEV_STAMP)
	$(TOOLS) $(BIN)/python -m pytest -p no:cacheprovider -q --snapshot-update tests/article/test_widgets_*.py

# nbval takes one mode per run: strict (stored outputs must be reproduced) for lessons and
# solutions, lax for the exercise notebooks, which are stored without outputs.
nbval: $(DEV_STAMP)
	@$(MAKE) --no-print-directory nbval-folder FOLDER=notebooks MODE=--nbval
	$(if $(HAVE_SOLUTIONS),@$(MAKE) --no-print-directory nbval-folder FOLDER=solutions MODE=--nbval,)
	@$(MAKE) --no-print-directory nbval-folder FOLDER=exercises MODE=--nbval-lax

nbval-folder:
	@if ls $(FOLDER)/*.ipynb >/dev/null 2>&1; then \
		if reason=$$($(TOOLS) $(BIN)/python -m packtools.nbtools --written-for-another-article $(FOLDER)); then \
			echo "nbval of $(FOLDER)/ skipped: $$reason"; exit 0; fi; \
		$(TOOLS) $(BIN)/python -m packtools.nbvalcfg > $(VENV)/nbval-sanitize.cfg && \
		$(TOOLS) $(BIN)/python -m pytest -p no:cacheprovider -c "$(CURDIR)/pyproject.toml" $(MODE) --nbval-current-env \
			--nbval-sanitize-with $(VENV)/nbval-sanitize.cfg $(FOLDER); \
	else echo "$(FOLDER)/ holds no notebooks yet: nothing to validate"; fi

## make navigation: re-estimate each lesson's minutes (packtools.minutes), then rewrite the
## navigation cells, the table of contents and the instructor guide's plans
navigation: $(DEV_STAMP)
	$(TOOLS) $(BIN)/python -m packtools.minutes
	$(TOOLS) $(BIN)/python -m packtools.navigation

## make outputs: re-run every lesson and solution notebook and store its outputs (all run first;
## none is written unless every one ran)
outputs: $(DEV_STAMP) navigation
	$(TOOLS) $(BIN)/python -m packtools.nbtools notebooks/*.ipynb $(wildcard solutions/*.ipynb)

## make html: the offline HTML edition of the lessons and exercises, in build/html
html: $(DEV_STAMP)
	$(TOOLS) $(BIN)/python -m packtools.htmlbuild

clean:
	rm -rf build test-artifacts .pytest_cache .ruff_cache .hub-test

.PHONY: exercises html-instructor student-edition publish-edition hub-link
ifneq ($(HAVE_SOLUTIONS),)
## make html-instructor: the same with the solutions, in build/html-instructor
html-instructor: $(DEV_STAMP)
	$(TOOLS) $(BIN)/python -m packtools.htmlbuild --instructor

## make exercises: regenerate exercises/ from solutions/ (a test fails when they drift)
exercises: $(DEV_STAMP)
	$(TOOLS) $(BIN)/python -m packtools.assignments
	$(TOOLS) $(BIN)/python -m packtools.instructor

## make student-edition [SELF_STUDY=1]: the pack without solutions/ and the instructors' pages,
## in build/student-edition/readingpack/ and readingpack.zip (readingpack-self-study: with docs/exemplars)
student-edition: $(RUNTIME_STAMP)
	$(TOOLS) $(BIN)/python -m packtools.edition $(if $(SELF_STUDY),--self-study,)

## make publish-edition REPO=<git working copy> [SELF_STUDY=1]: build the student edition into the
## course's repository (its .git untouched, files that left the edition deleted) and commit (docs/hosting.md)
publish-edition: $(RUNTIME_STAMP)
	@test -n "$(REPO)" || { echo "Say which working copy to publish into: make publish-edition REPO=<folder>"; exit 2; }
	$(TOOLS) $(BIN)/python -m packtools.publish "$(REPO)" $(if $(SELF_STUDY),--self-study,)
else
exercises html-instructor student-edition publish-edition:
	$(error make $@ needs solutions/, which this edition of the pack does not include)
endif

## make grade SUBMISSIONS=<folder> [LESSONS=2,3] [GRADES=grades] [UNSANDBOXED=1]: mark a class's
## notebooks, each in a bubblewrap sandbox (docs/instructor-guide.md, "Running the course"); run it
## again after filling grades/written.csv
GRADES ?= grades
LESSONS ?= 1,2,3,4,5,6,7,8,9
grade: $(DEV_STAMP)
	@test -f tools/packtools/grading.py || { echo "make grade is an instructor's tool: it is in the full pack, not in this edition"; exit 2; }
	@test -n "$(SUBMISSIONS)" || { echo "Say where the notebooks are: make grade SUBMISSIONS=<folder>"; exit 2; }
	$(TOOLS) UNSANDBOXED="$(UNSANDBOXED)" $(BIN)/python -m packtools.grading "$(SUBMISSIONS)" --out "$(GRADES)" --lessons "$(LESSONS)"

## make new-article ARTICLE=<folder with article.txt, metadata.json> OUT=<new data folder>: a draft
## data folder for another article, every row marked draft, with READINESS.md (docs/adapting.md)
new-article: $(DEV_STAMP)
	@test -n "$(ARTICLE)" -a -n "$(OUT)" || { echo "Say where: make new-article ARTICLE=<article folder> OUT=<new data folder>"; exit 2; }
	$(TOOLS) $(BIN)/python -m packtools.draft_article "$(ARTICLE)" "$(OUT)"

## make workbook: copy the exercises into your own workbook/ folder (never overwrites)
workbook: $(RUNTIME_STAMP)
	$(TOOLS) $(BIN)/python -m packtools.workbook

## make hub-link REPO=<git URL of the student edition> [BRANCH=main] [HUB=https://...]: the
## nbgitpuller link students follow (needs only python3; docs/hosting.md)
BRANCH ?= main
hub-link:
	@$(TOOLS) $(PYTHON) -m packtools.hublink --repo "$(REPO)" --branch "$(BRANCH)" $(if $(HUB),--hub "$(HUB)",)

## make pdf: printable A4 PDFs of the numbered article, each lesson and each exercise sheet, in build/pdf
pdf: $(DEV_STAMP)
	$(TOOLS) $(BIN)/python -m packtools.pdfbuild

## make bench: measure the performance budget and write docs/performance.md
bench: $(DEV_STAMP)
	$(TOOLS) $(BIN)/python -m packtools.bench
	$(TOOLS) $(BIN)/python -m packtools.bench_marking
