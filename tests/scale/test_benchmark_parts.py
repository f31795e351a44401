"""The load benchmark's pure parts: scripts, percentiles, the summary line, the seeded config."""

from __future__ import annotations

import random
from pathlib import Path

from benchmarks import report
from benchmarks.scripts import load_scripts
from benchmarks.stats import percentile
from benchmarks.training import _seed_config


def test_the_nurture_scripts_are_varied_multi_turn_conversations():
    scripts = load_scripts("nurture")
    assert len(scripts) >= 8
    assert all(len(s.turns) >= 4 for s in scripts)
    every = [t for s in scripts for options in s.turns for t in options]
    assert any(t.startswith("/") for t in every), "button payloads"
    assert any("way out" in t or "hit me" in t for t in every), "a crisis turn now and then"
    assert len(set(every)) > 60, "not one repeated message"
    first, second = (scripts[0].messages(random.Random(seed)) for seed in (1, 2))
    assert len(first) == len(second) == len(scripts[0].turns)


def test_the_baseline_scripts_are_of_about_the_same_length():
    ours, base = load_scripts("nurture"), load_scripts("baseline")
    mean = [sum(len(s.turns) for s in group) / len(group) for group in (ours, base)]
    assert mean[1] >= 4 and mean[0] / mean[1] < 2.5


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 99) == 99
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 95) is None


def _level(concurrency: int, p95: float, tput: float) -> dict:
    return {"concurrency": concurrency, "throughput_turns_per_s": tput, "rest": {"p95_ms": p95}}


def test_the_summary_line_is_key_value_pairs():
    result = {
        "train_s": 140.2,
        "nurture": {"levels": [_level(10, 110.0, 9.3)], "rasa_rss": {"peak_mb": 1180.4},
                    "startup_s": 21.2, "errors": 0},
        "baseline": {"levels": [_level(10, 100.0, 10.0)], "errors": 0},
    }
    line = report.summary_line(result)
    assert line == ("p95_ratio_10=1.10 throughput_ratio_10=0.93 rss_mb=1180 startup_s=21 "
                    "train_s=140 errors=0")
    assert dict(pair.split("=") for pair in line.split())
    result["train_s"] = None
    assert "train_s=nan" in report.summary_line(result)


def test_the_baseline_gets_rasas_default_pipeline_with_seeds(tmp_path: Path):
    config = tmp_path / "config.yml"
    config.write_text(
        "recipe: default.v1\nlanguage: en\n# https://rasa.com/docs/\npipeline:\n"
        "# # No configuration for the NLU pipeline was provided.\n"
        "#   - name: WhitespaceTokenizer\n#   - name: DIETClassifier\n#     epochs: 100\n"
        "policies:\n#   - name: TEDPolicy\n#     epochs: 100\n"
    )
    _seed_config(config)
    text = config.read_text()
    assert "name: WhitespaceTokenizer" in text
    assert text.count("random_seed: 42") == 2
