"""Reviews that teach: a turn a reviewer corrected is exported as NLU data, and the assistant
trains on it with the rest of data/ (the project's own config, a real `rasa train nlu`).

Marked slow: it trains an NLU model (about two minutes here), so it runs once, in `make test`'s
safety step, not in the fast suite.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from review_support import ROOT, save_conversations, user_turn

TEXT = "me and my fella Tomasz cant be in the same room without a row since the baby came"


def _reviewed_conversation() -> dict[str, list]:
    from rasa.shared.core.events import ActionExecuted, SessionStarted

    start = 1_796_000_000.0
    return {
        "conv-reviewed": [
            ActionExecuted("action_session_start", timestamp=start),
            SessionStarted(timestamp=start),
            ActionExecuted("action_listen", timestamp=start),
            user_turn(TEXT, "concern_overwhelm", 0.41, start + 5, "rest"),
            ActionExecuted("action_listen", timestamp=start + 6),
        ]
    }


def _export(db_url: str) -> str:
    """A reviewer's verdict on the stored turn, then the admin's NLU export."""
    from bot.review import db, review_queue

    engine = db.connect(db_url)
    try:
        turn = next(t for t in review_queue.queue(engine, 0.6, 0.1, 0) if "row" in t.text)
        assert review_queue.record_review(engine, turn.event_id, "rita", "concern_relationship")
        return review_queue.nlu_yaml(review_queue.corrections(engine))
    finally:
        engine.dispose()


@pytest.mark.slow
def test_a_corrected_turn_trains_with_the_rest_of_data(tmp_path: Path) -> None:
    from rasa.core.agent import Agent

    from bot.quality import validate

    db_url = f"sqlite:///{tmp_path / 'nurture.db'}"
    save_conversations(db_url, _reviewed_conversation())
    exported = _export(db_url)
    assert "Tomasz" not in exported, "only what the anonymising store kept is exported"
    assert "[NAME]" in exported, "placeholders are kept as they are"

    nlu = tmp_path / "nlu"
    shutil.copytree(ROOT / "data" / "nlu", nlu)
    (nlu / "reviewed.yml").write_text(exported, encoding="utf-8")
    assert validate.main([str(ROOT / "data"), str(nlu / "reviewed.yml")]) == 0

    trained = subprocess.run(
        [sys.executable, "-m", "rasa", "train", "nlu", "--config", "config.yml", "--nlu",
         str(nlu), "--domain", "domain.yml", "--out", str(tmp_path / "models"),
         "--fixed-model-name", "reviewed", "--quiet"],
        cwd=ROOT, capture_output=True, text=True, timeout=900,
    )
    assert trained.returncode == 0, trained.stdout[-2000:] + trained.stderr[-2000:]
    model = tmp_path / "models" / "reviewed.tar.gz"
    assert model.is_file()

    agent = Agent.load(str(model))
    stored = next(line for line in exported.splitlines() if "[NAME]" in line).strip("- ").strip()
    parsed = asyncio.run(agent.parse_message(stored))
    assert parsed["intent"]["name"] == "concern_relationship", parsed["intent"]
