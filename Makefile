# guanxi: the two quick-start commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test install install-test browser bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'

# Build the graph of the bundled sample articles into out/.
demo: install
	$(BIN)/guanxi build data/samples --out out

# Debian's Chromium (browser tests) and a CJK font (pictures); installed only where missing.
browser:
	@bash tests/install-browser.sh

test: install-test browser
	$(BIN)/python -m pytest

bench: install-test browser
	$(BIN)/python benchmarks/bench_extract.py
	$(BIN)/python benchmarks/bench_query.py
	$(BIN)/python benchmarks/bench_html.py

clean:
	rm -rf out .pytest_cache build *.egg-info
