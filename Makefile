# kzresearch task runner: `make` lists the verbs. The README's two commands need nothing here.
.DEFAULT_GOAL := help
PY ?= python

help:  ## list the verbs
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

build:  ## build the bundled corpus into data/processed
	$(PY) -m kzresearch build

report:  ## build, then render the three notebooks into reports/<run>/
	$(PY) -m kzresearch report

evaluate:  ## measure extraction against data/gold/seeds.yaml
	$(PY) -m kzresearch evaluate --gold data/gold/seeds.yaml

test:  ## unit tests, doctests and nbval on the notebooks
	$(PY) -m pytest

bench:  ## benchmark build and report at 1k and 10k synthetic articles
	$(PY) benchmarks/run.py --sizes 1000 10000

docs:  ## regenerate the data dictionary from kzresearch/schema.py
	$(PY) -m kzresearch.schema > docs/data_dictionary.md

lab:  ## open the notebooks in JupyterLab
	$(PY) -m jupyterlab notebooks/

.PHONY: help build report evaluate test bench docs lab
