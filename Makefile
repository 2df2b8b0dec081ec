# Every target sets up what it needs from nothing: `make test` on a fresh clone works.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test lint bench accuracy clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/newsevents extract samples/ --format table

test: install
	$(BIN)/python -m pytest

# lint: ruff (with C90: no function over McCabe complexity 15), mypy, then the import contracts
# of pyproject.toml. The package maps cli/_entry, cli/ and core/ to newsevents,
# newsevents.cli and newsevents.core, which an editable install resolves by a finder, not by
# folders; lint-imports reads folders, so it reads a tree of links laid out as installed.
IMPORT_TREE := $(VENV)/import-tree
lint: install
	$(BIN)/ruff check cli core tests bench
	$(BIN)/ruff check --select C901 cli core bench
	$(BIN)/mypy cli core
	rm -rf $(IMPORT_TREE) && mkdir -p $(IMPORT_TREE)/newsevents
	ln -s $(CURDIR)/cli/_entry/__init__.py $(CURDIR)/cli/_entry/__main__.py $(CURDIR)/cli $(CURDIR)/core $(IMPORT_TREE)/newsevents/
	PYTHONPATH=$(IMPORT_TREE) $(BIN)/lint-imports

bench: install
	$(BIN)/python bench/speed.py --shared $(SHARED)

accuracy: install
	$(BIN)/python bench/accuracy.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info
