# Two commands on a fresh machine: `make run` and `make test`. Everything else follows from them.
# The interpreter for .venv: Debian's own CPython 3.11 when it is there. Debian builds it with
# profile-guided and link-time optimisation; a plain source build (pyenv's default) has neither and
# runs the app's Python, the PDF render above all, about 15 % slower (issue 8's bench, alternating
# runs). Elsewhere: python3. Switching an existing checkout over: `make clean` once.
PYTHON ?= $(firstword $(shell /usr/bin/python3.11 -c 'import ensurepip, venv' 2>/dev/null && echo /usr/bin/python3.11) python3)
VENV := .venv
PY := $(VENV)/bin/python
APP_STAMP := $(VENV)/.app-installed
DEV_STAMP := $(VENV)/.dev-installed

.PHONY: run test bench app-deps test-deps clean

run: app-deps $(APP_STAMP)  ## serve the app on http://127.0.0.1:8501 with the demo case in the store
	$(PY) -m negotiation seed
	$(VENV)/bin/streamlit run app.py

test: test-deps $(DEV_STAMP)  ## install what the tests need and run them all
	$(VENV)/bin/lint-imports --no-cache --no-logo
	$(PY) -m pytest

bench: $(DEV_STAMP)  ## measure PDF rendering, page reruns and each step's analysis
	$(PY) -m negotiation bench

app-deps:  ## Debian packages the app needs (Pango, HarfBuzz, python3-venv, fonts); only what is missing
	bash scripts/install-system-deps.sh app

test-deps:  ## the app's Debian packages and what only the tests need (chromium, poppler, qpdf)
	bash scripts/install-system-deps.sh test

$(VENV)/bin/python: | app-deps
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(APP_STAMP): requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt $(APP_STAMP)
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache
