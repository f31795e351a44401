"""NLU alone: sequential `POST /model/parse` timings, to split a turn's latency into
understanding (tokeniser, featurisers, classifier, safety net) and dialogue (policies, actions,
tracker store)."""

from __future__ import annotations

import time

import aiohttp

from benchmarks.scripts import Script
from benchmarks.stats import percentile

ROUNDS = 2


def distinct_texts(scripts: list[Script]) -> list[str]:
    """Every typed (not button) message in the scripts, once."""
    texts = {t for s in scripts for options in s.turns for t in options if not t.startswith("/")}
    return sorted(texts)


async def parse_latency(base_url: str, token: str, scripts: list[Script]) -> dict[str, float]:
    """p50/p95 of /model/parse over every distinct message, ROUNDS times, one at a time."""
    timings: list[float] = []
    url = f"{base_url}/model/parse"
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        for _ in range(ROUNDS):
            for text in distinct_texts(scripts):
                t0 = time.perf_counter()
                async with http.post(url, params={"token": token}, json={"text": text}) as resp:
                    await resp.read()
                    resp.raise_for_status()
                timings.append((time.perf_counter() - t0) * 1000)
    return {"messages": len(timings), "p50_ms": round(percentile(timings, 50) or 0, 1),
            "p95_ms": round(percentile(timings, 95) or 0, 1)}
