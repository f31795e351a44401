"""The review app's parts without a server: summaries, filters, charts, CSV safety,
passwords, login limits, sessions and the CLI."""

from __future__ import annotations

import io
import json
import time
from dataclasses import replace
from datetime import date

import pytest
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from bot.review import cli
from bot.review.charts import bar_chart, column_chart
from bot.review.config import ReviewConfig, read_env_file
from bot.review.db import connect
from bot.review.export import _cell, csv_lines
from bot.review.filters import Filters
from bot.review.login import Outcome, authenticate
from bot.review.passwords import check_strength, hash_password, verify_password
from bot.review.sessions import load_session, start_session
from bot.review.summary import EventRow, summarise, transcript
from bot.review.users import UserError, create_user, find_user, update_user

PASSWORD = "correct-horse-battery-staple"


def _rows(sender: str, events: list) -> list[EventRow]:
    """Rows shaped exactly as SQLTrackerStore.save writes them."""
    rows = []
    for event in events:
        data = event.as_dict()
        intent = (data.get("parse_data") or {}).get("intent", {}).get("name")
        rows.append(
            EventRow(
                sender,
                event.type_name,
                data.get("timestamp"),
                intent,
                data.get("name"),
                json.dumps(data),
            )
        )
    return rows


def _user(text: str, intent: str, confidence: float, channel: str = "rest") -> UserUttered:
    parse = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []}
    return UserUttered(text, parse["intent"], [], parse, timestamp=1.0, input_channel=channel)


def test_summary_counts_a_default_fallback_action_on_the_turn_it_answers() -> None:
    rows = _rows(
        "s1",
        [
            ActionExecuted("action_listen", timestamp=1.0),
            _user("hmm", "greet", 0.31, channel="facebook"),
            ActionExecuted("action_default_fallback", timestamp=2.0),
            BotUttered(
                "Sorry?",
                {"buttons": [{"title": "Find help", "payload": "/find_help"}]},
                timestamp=2.0,
            ),
            _user("so tired", "concern_overwhelm", 0.9),
            SlotSet("resources_offered", ["a", "b"], timestamp=3.0),
            SlotSet("resources_offered", ["b", "c"], timestamp=4.0),
            SlotSet("signpost_helpful", "no", timestamp=5.0),
            SlotSet("signpost_helpful", "yes", timestamp=6.0),
        ],
    )
    summary = summarise("s1", rows)
    assert summary.channel == "facebook"  # the first user turn's channel
    assert summary.user_turns == 2 and summary.fallback_turns == 1 and summary.fallback
    assert summary.concerns == ["concern_overwhelm"] and not summary.crisis
    assert summary.resources_offered == ["a", "b", "c"]
    assert summary.helpful == "yes"  # the last answer counts
    lines = transcript(rows)
    assert [line.kind for line in lines][:3] == ["user", "action", "bot"]  # no action_listen
    assert lines[0].fallback and lines[2].buttons == ["Find help"]


def test_filters_drop_bad_values_and_include_the_whole_last_day() -> None:
    filters = Filters.parse(
        {
            "from": "2026-11-03",
            "to": "2026-11-03",
            "crisis": "maybe",
            "channel": "rest;drop",
            "helpful": "unanswered",
        }
    )
    assert filters.date_from == date(2026, 11, 3) and filters.crisis is None
    assert filters.channel is None and filters.helpful == "unanswered"
    assert filters.end_ts() - filters.start_ts() == 86400
    assert filters.as_args() == {"from": "2026-11-03", "to": "2026-11-03", "helpful": "unanswered"}


def test_charts_escape_labels_and_expose_values() -> None:
    svg = bar_chart("T", [("<script>x</script>", 3), ("b", 1)])
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'data-value="3"' in svg and 'role="img"' in svg
    days = column_chart("Per day", [("2026-11-01", 0), ("2026-11-02", 5)])
    assert days.count("<rect") == 2 and "2026-11-02: 5" in days


def test_csv_cells_cannot_start_a_spreadsheet_formula() -> None:
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("+1") == "'+1"
    assert _cell(["a", "b"]) == "a;b" and _cell(True) == "yes" and _cell(None) == ""
    assert next(csv_lines([])).startswith("conversation,started")


def test_passwords_are_argon2id_and_weak_ones_are_refused() -> None:
    stored = hash_password(PASSWORD)
    assert stored.startswith("$argon2id$")
    assert verify_password(stored, PASSWORD) and not verify_password(stored, "wrong")
    assert not verify_password(None, PASSWORD)
    assert check_strength("short") and check_strength(" " + PASSWORD)
    assert check_strength(PASSWORD) is None


@pytest.fixture
def engine(tmp_path):
    return connect(f"sqlite:///{tmp_path / 'staff.db'}")


def test_accounts_need_unique_valid_names_and_a_known_role(engine) -> None:
    create_user(engine, "Ada", PASSWORD, "admin")
    assert find_user(engine, "ada").is_admin
    for name, role in (("ada", "admin"), ("x", "admin"), ("bad name", "admin"), ("bo", "root")):
        with pytest.raises(UserError):
            create_user(engine, name, PASSWORD, role)


def test_lockout_expires_and_disabled_accounts_cannot_log_in(engine) -> None:
    config = ReviewConfig(db_url="", secret="s", max_failures=2, lockout_seconds=1)
    user = create_user(engine, "lee", PASSWORD, "reviewer")
    assert authenticate(engine, config, "lee", "nope-nope-nope", "ip").outcome is Outcome.INVALID
    assert authenticate(engine, config, "lee", "nope-nope-nope", "ip").outcome is Outcome.LOCKED
    assert authenticate(engine, config, "lee", PASSWORD, "ip").outcome is Outcome.LOCKED
    time.sleep(1.1)
    assert authenticate(engine, config, "LEE", PASSWORD, "ip").outcome is Outcome.OK
    update_user(engine, user.id, active=False)
    assert authenticate(engine, config, "lee", PASSWORD, "ip").outcome is Outcome.INVALID


def test_sessions_end_after_idle_time_and_when_the_account_is_disabled(engine) -> None:
    config = ReviewConfig(db_url="", secret="s", session_idle_seconds=3600)
    user = create_user(engine, "sam", PASSWORD, "reviewer")
    token = start_session(engine, config, user)
    assert load_session(engine, config, token).user.name == "sam"
    assert load_session(engine, replace(config, secret="other"), token) is None
    assert load_session(engine, replace(config, session_idle_seconds=-1), token) is None
    assert load_session(engine, config, token) is None  # the expired session was deleted
    token = start_session(engine, config, user)
    update_user(engine, user.id, active=False)
    assert load_session(engine, config, token) is None


def test_config_reads_env_file_but_the_environment_wins(tmp_path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("BOT_REVIEW_SECRET=from-file\nBOT_REVIEW_PORT=9000\n# c=1\n")
    assert read_env_file(env_file)["BOT_REVIEW_PORT"] == "9000"
    config = ReviewConfig.from_env({"BOT_REVIEW_PORT": "9100"}, env_file)
    assert (config.secret, config.port, config.host) == ("from-file", 9100, "127.0.0.1")
    # One meaning of an empty value, as in bot/privacy/settings.py: not set, so .env applies.
    assert ReviewConfig.from_env({"BOT_REVIEW_PORT": ""}, env_file).port == 9000
    generated = ReviewConfig.from_env({}, None)
    assert generated.secret_generated and len(generated.secret) > 30


def test_cli_add_user_reads_the_password_from_stdin(tmp_path, monkeypatch, capsys) -> None:
    from bot.cli import main

    url = f"sqlite:///{tmp_path / 'cli.db'}"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["review", "add-user", "nia", "--role", "admin", "--db", url]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["review", "add-user", "noa", "--role", "reviewer", "--db", url]) == 1
    assert "at least 12" in capsys.readouterr().err
    assert find_user(connect(url), "nia").role == "admin"
    assert cli.read_password(io.StringIO("pw-from-a-pipe\n")) == "pw-from-a-pipe"
    # The database add-user creates will hold conversations: owner-only, like the store's.
    assert (tmp_path / "cli.db").stat().st_mode & 0o777 == 0o600
