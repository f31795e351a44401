"""How much time the crisis safety net adds to each message (printed figures, not a test).

Runs the net on its own over every message in the safety sets, many times, and prints p50/p95
per message, throughput and the process's peak memory.
"""

from __future__ import annotations

import resource
import statistics
import time
from pathlib import Path

import yaml

from bot.nlu.safety_net import CrisisDetector

SETS = ("crisis_messages.yml", "hard_negatives.yml", "holdout_messages.yml")
ROUNDS = 5


def messages() -> list[str]:
    texts: list[str] = []
    for name in SETS:
        data = yaml.safe_load((Path("tests/safety") / name).read_text(encoding="utf-8"))
        texts += [item["text"] for key in ("crisis", "negatives") for item in data.get(key, [])]
    return texts


def main() -> None:
    started = time.perf_counter()
    detector = CrisisDetector()
    load_s = time.perf_counter() - started
    texts = messages()
    timings = []
    for _ in range(ROUNDS):
        for text in texts:
            t0 = time.perf_counter()
            detector.detect(text)
            timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(0.95 * len(timings)) - 1]
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"safety net: {len(texts)} messages x {ROUNDS}; load {load_s:.2f} s")
    print(
        f"safety_net_p50_ms={p50:.2f} safety_net_p95_ms={p95:.2f} "
        f"throughput_per_s={1000 / statistics.mean(timings):.0f} peak_rss_mb={rss_mb:.0f}"
    )


if __name__ == "__main__":
    main()
