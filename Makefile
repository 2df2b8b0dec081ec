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

lint: install
	$(BIN)/ruff check cli core tests bench
	$(BIN)/mypy cli core

bench: install
	$(BIN)/python bench/speed.py --shared $(SHARED)

accuracy: install
	$(BIN)/python bench/accuracy.py --shared $(SHARED)

clean:
	rm -rf $(VENV) build *.egg-info
