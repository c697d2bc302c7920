# The two commands in the README.  Everything is installed into .venv from the project's
# own files, so a fresh clone needs nothing but Python 3.10+ (and, for the browser tests,
# root or sudo to install Debian's chromium package once).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: serve test install install-test chromium clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install --quiet -e .

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'

# Browser tests drive Debian's Chromium; Playwright's own browser download is never used.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi

serve: install
	$(BIN)/quotes serve --host $(HOST) --port $(PORT)

test: install-test chromium
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) index/gen-* index/CURRENT .pytest_cache test-artifacts
