# Load benchmark (benchmarks/bench_load.py): Nurture vs a plain `rasa init` bot, REST and
# socket.io, concurrency 1/5/10/20; writes results/bench/bench.json and bench_p95.png and ends
# with one key=value line. Stops by itself within 25 minutes (its watchdog fires at 24).
#   make bench-load                             # full run, including a timed `rasa train`
#   make bench-load BENCH_ARGS=--skip-train     # quick: reuse models/nurture.tar.gz
.PHONY: bench-load
BENCH_ARGS ?=

bench-load: setup
	timeout 1500 $(BIN)/python -m benchmarks.bench_load $(BENCH_ARGS)
