# Nurture: `make run` starts the assistant, `make test` runs every check. Both set everything up first.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SPACY  := var/spacy/en_nurture
MODEL  := models/nurture.tar.gz
TRAINING_INPUTS := config.yml domain.yml $(shell find data -type f -name '*.yml' 2>/dev/null) $(SPACY)/meta.json

export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONHASHSEED := 0
# Rasa would otherwise try to send usage telemetry to a third party.
export RASA_TELEMETRY_ENABLED := false

.PHONY: env-file help setup train run test lint typecheck validate check-resources unit safety safety-report nlu-eval e2e bench clean

help:
	@echo "make run   - set up, train if needed, start the assistant (Ctrl-C stops it)"
	@echo "make test  - set up, train if needed, run every test and quality gate"

$(STAMP): pyproject.toml requirements.lock requirements-encoder.lock bot/nlu/encoder.yml scripts/find_python.sh
	@PY=$$(scripts/find_python.sh) && echo "Using $$PY" && rm -rf $(VENV) && "$$PY" -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements-encoder.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	$(BIN)/python -m bot.nlu.encoder
	@touch $@

$(SPACY)/meta.json: $(STAMP) bot/spacy_pipeline.py
	$(BIN)/python -m bot.spacy_pipeline $(SPACY)

# Adds any missing generated secret to .env (existing values are kept).
env-file:
	@scripts/ensure_env.sh

setup: $(STAMP) $(SPACY)/meta.json env-file

$(MODEL): $(STAMP) $(TRAINING_INPUTS)
	$(BIN)/rasa train --fixed-model-name nurture --out models --quiet
	@touch $@

train: setup $(MODEL)

run: train
	@scripts/run.sh

lint: setup
	$(BIN)/ruff check bot actions tests benchmarks scripts

# mypy on bot/ and actions/, configured in pyproject.toml [tool.mypy]; cache in .mypy_cache/.
typecheck: setup
	$(BIN)/mypy

validate: setup
	$(BIN)/python -m bot.quality.validate

check-resources: setup
	$(BIN)/bot resources check

unit: setup
	$(BIN)/python -m pytest -q -m "not slow"

nlu-eval: train
	$(BIN)/rasa test nlu --nlu tests/nlu --model $(MODEL) --out results/nlu --quiet
	$(BIN)/python -m bot.quality.nlu_gate results/nlu/intent_report.json --min-macro-f1 0.90

e2e: train
	$(BIN)/rasa test core --stories tests/e2e --model $(MODEL) --out results/core --fail-on-prediction-errors --quiet

safety: train
	$(BIN)/python -m pytest -q -m slow

# Each feature area adds its own targets and test steps in mk/*.mk (EXTRA_TESTS += ...).
EXTRA_TESTS :=
-include $(sort $(wildcard mk/*.mk))

test: lint typecheck validate check-resources unit nlu-eval e2e safety $(EXTRA_TESTS)
	@echo "All checks passed."

safety-report: train
	$(BIN)/python -m bot.quality.safety_report

# Safety-net latency, then the load benchmark against a plain `rasa init` bot (mk/bench.mk),
# whose last line is machine-readable. Not part of `make test`.
bench: train
	$(BIN)/python -m benchmarks.safety_net_latency
	@$(MAKE) --no-print-directory bench-load

clean:
	rm -rf results .pytest_cache
