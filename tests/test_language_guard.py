"""Messages in other languages are recognised; English, slang and fragments are not."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.language_guard import LanguageGuard


@pytest.fixture(scope="module")
def guard() -> LanguageGuard:
    return LanguageGuard(LanguageGuard.get_default_config())


@pytest.mark.parametrize(
    "text",
    [
        "mi bebé no para de llorar y estoy agotada",
        "je n'arrive plus à dormir depuis la naissance",
        "mein Mann hilft mir überhaupt nicht mit dem Baby",
        "nie mogę przestać płakać od porodu",
        "طفلتي لا تنام أبدا",
        "宝宝晚上不睡觉",
    ],
)
def test_other_languages_are_recognised(guard: LanguageGuard, text: str) -> None:
    message = Message.build(text=text)
    message.set("intent", {"name": "concern_overwhelm", "confidence": 0.6})
    guard.process([message])
    assert message.get("intent")["name"] == "other_language"
    assert message.get("language")["code"] != "en"


@pytest.mark.parametrize(
    "text",
    [
        "im so knackered lol",
        "dh is useless, does nothing with lo",
        "my hv said its normal but i dont feel close to him",
        "pls help",
        "ok",
        "mama tired",
        "cant bond w bubs",
        "my partner and i keep arguing since the baby came",
        "😭😭😭",
        "/concern_bonding",
        "",
    ],
)
def test_english_slang_and_fragments_are_left_alone(guard: LanguageGuard, text: str) -> None:
    message = Message.build(text=text)
    message.set("intent", {"name": "concern_bonding", "confidence": 0.7})
    guard.process([message])
    assert message.get("intent")["name"] == "concern_bonding"
