# Settings (override on the command line: make run SEEDS=/path/to/briefings)
SEEDS ?= ../shared/seeds
# Chinese texts loaded beside the seeds when the folder exists (make run DEV_ZH= leaves them out)
DEV_ZH ?= ../shared/dev-zh
DB ?= hqd.db
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench install clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,bench]'
	touch $(STAMP)

install: $(STAMP)

HOST ?= 127.0.0.1
PORT ?= 8000

run: $(STAMP)
	$(BIN)/hqd ingest $(SEEDS) $(wildcard $(DEV_ZH)) --db $(DB)
	$(BIN)/hqd docs --db $(DB)
	$(BIN)/hqd eval $(SEEDS)
	$(BIN)/hqd serve --db $(DB) --host $(HOST) --port $(PORT)

test: $(STAMP)
	HQD_SEEDS=$(abspath $(SEEDS)) HQD_DEV_ZH=$(abspath $(DEV_ZH)) $(BIN)/python -m pytest -q

bench: $(STAMP)
	HQD_SEEDS=$(abspath $(SEEDS)) $(BIN)/python bench/bench.py
	HQD_SEEDS=$(abspath $(SEEDS)) $(BIN)/python bench/bench_zh.py
	HQD_SEEDS=$(abspath $(SEEDS)) $(BIN)/python bench/bench_mapping.py
	HQD_SEEDS=$(abspath $(SEEDS)) $(BIN)/python bench/bench_store.py
	HQD_DEV_ZH=$(abspath $(DEV_ZH)) $(BIN)/python bench/bench_search.py
	$(BIN)/python bench/bench_api.py
	$(BIN)/python bench/bench_crawl.py
	-$(BIN)/python bench/bench_spark.py --documents 20000  # needs the spark extra and Java

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .hypothesis
