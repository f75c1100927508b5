# vatui — the two commands first: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml setup.py constraints.txt | cksum | cut -d' ' -f1)
TINYDB_VERSION := $(shell grep -o 'tinydb==[0-9.]*' pyproject.toml | cut -d= -f3)
CACHE := .cache

.PHONY: run test test-vatui test-tinydb test-fast check bench install test-deps tinydb-suite lint format clean catalog money-locales

run: install ## create the venv, install vatui and open the app
	$(VENV)/bin/vatui

$(PY):
	$(PYTHON) -m venv $(VENV)

# The install goes through uv (PyPI's `uv`, pinned in constraints.txt): the same resolution
# as pip (the same versions, checked with pip freeze on both) in a fraction of the CPU: on this
# 2-core machine, back to back under the same load, pip took 16.9 CPU-s (82 s wall) plus 2.1 s
# (21 s) to upgrade itself, uv 3.9 CPU-s (26 s wall, with its cache empty). pip stays in the
# venv, upgraded as before (tests/test_packaging.py builds and installs a wheel with it).
# --system-certs: the machine's certificate store, as pip uses it. uv reads no pip.conf (a
# local index or find-links a machine sets for pip): when uv cannot be installed or cannot
# install, pip installs the same pins as before, so the install never depends on uv.
$(STAMP): $(PY) pyproject.toml setup.py constraints.txt
	( $(PY) -m pip install -q -c constraints.txt uv && \
	  $(VENV)/bin/uv pip install -q --system-certs --python $(PY) -c constraints.txt \
		--upgrade-package pip pip -e '.[test]' ) || \
	( echo "uv could not install; installing with pip" && \
	  $(PY) -m pip install -q --upgrade pip && \
	  $(PY) -m pip install -q -c constraints.txt -e '.[test]' )
	rm -f $(VENV)/.installed-*
	touch $@

install: $(STAMP)

# Debian packages the tests drive for real: tmux (the app in a real terminal) and hledger
# (the accounts check). Installed only when missing; CI runs as root.
test-deps: install
	@missing=""; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v hledger >/dev/null 2>&1 || missing="$$missing hledger"; \
	if [ -n "$$missing" ]; then \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

# TinyDB's own test suite, from the sdist of the installed version (never committed).
tinydb-suite: install
	@if [ ! -d $(CACHE)/tinydb-$(TINYDB_VERSION)/tests ]; then \
		mkdir -p $(CACHE) && \
		$(PY) -m pip download -q --no-deps --no-binary :all: -d $(CACHE) tinydb==$(TINYDB_VERSION) && \
		tar -xzf $(CACHE)/tinydb-$(TINYDB_VERSION).tar.gz -C $(CACHE); \
	fi

# Three workers per core: many tests spend their time waiting (a real terminal polled, real
# processes started and killed, a lock timing out), and other workers use the core meanwhile
# (on two cores, 2,642 tests: 6 workers 4 min 17 s and the whole clean-clone gate 4 min 49 s,
# against 4 min 41 s and 5 min 16 s with 4 workers; earlier, 2 workers took 6 min 56 s).
# The tests are handed out two at a time (--dist load --maxschedchunk 2), the longest first
# (tests/slow_first.txt, read by tests/conftest.py): the long ones run while the short ones fill
# the gaps, and none is left to run alone at the end while the other workers are done. (With
# worksteal, a worker started on a contiguous block of the collection; a 25-second test late
# in a block set the end of the run.)
JOBS ?= $(shell echo $$(( 3 * $$(nproc 2>/dev/null || echo 1) )))
PYTEST := $(PY) -m pytest -q -n $(JOBS) --dist load --maxschedchunk 2

# The suite starts hundreds of Python processes (the workers, every real `vatui`): with
# PYTHONDONTWRITEBYTECODE set (some shells and CI images set it) each one compiled vatui and
# re-rewrote the test modules from source again. An empty value lets Python keep the .pyc
# files (__pycache__/ is ignored by git).
test test-fast test-vatui test-tinydb: export PYTHONDONTWRITEBYTECODE =

# Each worker imports every test module when it starts. In a clean clone nothing is compiled
# yet, so the six workers, started together, each rewrote pytest's assertions in the same test
# modules and compiled vatui. One collection first (beside make lint in make -j2 check) writes
# the .pyc files that the workers then read. Measured on a clean clone, 2,845 tests, the six
# workers collecting (-k matching nothing): 46.3 CPU-s cold, against 9.9 CPU-s for the
# collection first plus 23.4 CPU-s for the six workers after it (13 CPU-s less). It only warms
# a cache: a collection error shows, and fails, in the run that follows.
WARM := $(PY) -m pytest -qq --collect-only >/dev/null 2>&1 || true

test: test-vatui test-tinydb ## install what the tests need and run them all

# Two targets so that make -j2 (make check in CI) runs TinyDB's suite beside ours instead of
# after it (it is one process; ours keeps both cores busy anyway).
test-vatui: install test-deps
	$(WARM)
	$(PYTEST)

test-tinydb: install tinydb-suite
	PYTHONPATH=tests/tinydb_suite $(PY) -m pytest -q -p no:cacheprovider -c tests/tinydb_suite/pytest.ini \
		--rootdir $(CACHE)/tinydb-$(TINYDB_VERSION) $(CACHE)/tinydb-$(TINYDB_VERSION)/tests

# The core below the app (domain, services, store) and the command line: under a minute.
# Leaves out the stress tests marked slow (many real processes at once, many kills);
# make test runs them.
test-fast: install test-deps
	$(WARM)
	$(PYTEST) -m "not slow" tests/domain tests/services tests/store tests/cli

lint: install
	$(VENV)/bin/ruff check vatui tests bench
	$(VENV)/bin/ruff format --check vatui tests bench
	$(VENV)/bin/mypy vatui
	$(VENV)/bin/lint-imports

format: install ## rewrite the code in the one house style (make check refuses anything else)
	$(VENV)/bin/ruff format vatui tests bench
	$(VENV)/bin/ruff check --fix vatui tests bench

check: lint test ## ruff, mypy (strict on the core), import contracts, the tests

# Extract every marked string into vatui/locale/vatui.pot, merge it into each language's .po,
# compile the .mo that ships, and list what is still untranslated (exit 1 when anything is).
catalog: install ## rebuild the translation catalogs and list untranslated strings
	$(PY) tools/catalog.py

# How money is written per language and country (symbols, their place), from babel's CLDR data.
money-locales: install ## rewrite vatui/domain/money_locale_data.py from babel
	$(PY) tools/money_locales.py

bench: install ## speed figures, as ratios to baselines measured in the same run
	$(PY) -m bench $(if $(RUNS),--runs $(RUNS))

clean:
	rm -rf $(VENV) $(CACHE) build dist *.egg-info
