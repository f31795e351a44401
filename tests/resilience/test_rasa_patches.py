"""Nurture's Rasa patches go on from one place, and only on the Rasa they were written for."""

from __future__ import annotations

import pytest
import rasa
from rasa.core.actions.action import RemoteAction

from bot import rasa_patches
from bot.resilience import action_guard
from bot.scale import speedups


def test_loading_the_model_guards_every_custom_action_call() -> None:
    import bot.nlu.safety_net  # noqa: F401 - the model loads it in every Rasa server

    assert RemoteAction.run is action_guard.guarded_run
    assert RemoteAction._validate_action_result is speedups.validate_action_result


def test_another_rasa_version_is_left_unpatched_and_said_so(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    original = RemoteAction.run
    monkeypatch.setattr(RemoteAction, "run", original)
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    assert rasa_patches.install() is False
    assert RemoteAction.run is original
    assert "patches are off" in caplog.text
