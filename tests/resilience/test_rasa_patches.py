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


def test_the_nlu_safety_net_and_name_finder_share_one_spacy_pipeline() -> None:
    from rasa.nlu.utils.spacy_utils import SpacyNLP

    from bot.nlu.safety_net import CrisisSafetyNet
    from bot.privacy.names import NameFinder
    from bot.spacy_pipeline import SHARED_PATH, shared_pipeline

    nlu = SpacyNLP.load_model(str(SHARED_PATH)).model
    assert nlu is shared_pipeline()
    assert CrisisSafetyNet(CrisisSafetyNet.get_default_config()).detector.nlp is nlu
    assert NameFinder().nlp is nlu


def test_teds_prediction_cache_is_off_on_another_rasa_version(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from bot.scale.cached_ted import CACHE_SIZE_KEY, cache_size

    assert cache_size({CACHE_SIZE_KEY: 4096}) == 4096
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    assert cache_size({CACHE_SIZE_KEY: 4096}) == 0
    assert "prediction cache is off" in caplog.text
