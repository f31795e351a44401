"""Messages look right on the web widget and on SMS/messaging apps."""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.resources.directory import PATH_ENV_VAR, load_directory
from bot.resources.formatting import channel_style, format_contact_line, format_resources
from bot.resources.model import Contact, Resource
from bot.resources.ranking import Ranked, crisis_contacts, rank_resources

TEL_LINK = re.compile(r"\[([^\]]+)\]\(tel:([^)]+)\)")


@pytest.fixture(scope="module")
def by_id() -> dict[str, Resource]:
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv(PATH_ENV_VAR, raising=False)
        return {r.id: r for r in load_directory()}


def _ranked(*resources: Resource) -> list[Ranked]:
    return [Ranked(resource, "Because it fits.") for resource in resources]


def test_web_messages_have_tappable_e164_numbers(by_id: dict[str, Resource]) -> None:
    message = format_resources(_ranked(by_id["sands"]), "socketio")[0]
    assert "[0808 164 3332](tel:+448081643332)" in message
    assert "**Sands**" in message
    assert "[website](https://www.sands.org.uk/)" in message

    us = format_resources(_ranked(by_id["national-maternal-mental-health-hotline"]), "web")[0]
    assert "[1-833-852-6262](tel:+18338526262)" in us


def test_every_web_tel_link_is_e164_or_a_short_code(by_id: dict[str, Resource]) -> None:
    messages = format_resources(_ranked(*by_id.values()), "web")
    links = [link for message in messages for link in TEL_LINK.findall(message)]
    assert len(links) >= 20
    for shown, target in links:
        assert re.fullmatch(r"\+[1-9]\d{7,14}", target) or re.fullmatch(r"\d{3,6}", target), shown
        assert re.sub(r"\D", "", shown).endswith(target.lstrip("+")[-6:])


def test_short_codes_dial_as_written(by_id: dict[str, Resource]) -> None:
    message = format_resources(_ranked(by_id["samaritans"]), "rest")[0]
    assert "[116 123](tel:116123)" in message
    assert "(free from landlines and mobiles, 24/7)" in message


def test_plain_messages_are_numbered_without_markdown(by_id: dict[str, Resource]) -> None:
    ranked = rank_resources(list(by_id.values()), "concern_low_mood", "uk-sct")
    messages = format_resources(ranked, "twilio")
    assert len(messages) == len(ranked) >= 2
    for number, (message, item) in enumerate(zip(messages, ranked, strict=True), start=1):
        assert message.startswith(f"{number}. {item.resource.name} — ")
        for marker in ("**", "](", "[", "tel:", "_"):
            assert marker not in message, (marker, message)
    assert "0800 83 85 87" in "\n".join(messages)


def test_plain_message_reads_like_the_example(by_id: dict[str, Resource]) -> None:
    message = format_resources(_ranked(by_id["samaritans"]), "twilio")[0]
    expected = "1. Samaritans — call 116 123 (free from landlines and mobiles, 24/7). "
    assert message.startswith(expected)
    assert message.endswith("https://www.samaritans.org/how-we-can-help/contact-samaritan/")


def test_text_and_website_only_services_say_what_to_do(by_id: dict[str, Resource]) -> None:
    shout = format_resources(_ranked(by_id["shout"]), "telegram")[0]
    assert "text SHOUT to 85258" in shout
    icon = format_resources(_ranked(by_id["icon-babies-cry"]), "web")[0]
    assert "[visit the website](https://iconcope.org/)" in icon


def test_reason_can_be_shown(by_id: dict[str, Resource]) -> None:
    ranked = rank_resources(list(by_id.values()), "concern_baby_loss", "ie")
    web = format_resources(ranked, "web", with_reason=True)[0]
    assert ranked[0].reason in web.replace("\\", "")
    plain = format_resources(ranked, "facebook", with_reason=True)[0]
    assert plain.endswith("\n" + ranked[0].reason)


def test_crisis_contact_lines_on_each_channel(by_id: dict[str, Resource]) -> None:
    contacts = crisis_contacts(list(by_id.values()), "self_harm", "uk-eng")
    web = [format_contact_line(r, "socketio") for r in contacts]
    assert web[0] == (
        "**Emergency services (999 or 112)** — call [999](tel:999) or [112](tel:112) (free, 24/7)"
    )
    plain = [format_contact_line(r, "twilio") for r in contacts]
    assert plain[0] == "Emergency services (999 or 112) — call 999 or 112 (free, 24/7)"
    assert all("\n" not in line for line in web + plain)


@pytest.mark.parametrize(
    ("channel", "style"),
    [
        ("socketio", "web"),
        ("rest", "web"),
        ("twilio", "plain"),  # SMS and WhatsApp both come in through the Twilio connector
        ("telegram", "plain"),
        ("facebook", "plain"),
        ("carrier-pigeon", "plain"),
    ],
)
def test_channel_styles(channel: str, style: str) -> None:
    assert channel_style(channel) == style


def test_markdown_in_staff_text_is_escaped_on_web() -> None:
    resource = Resource(
        id="odd-name",
        name="Help_line *now*",
        offers="Call [us] today.",
        contact=Contact(url="https://example.org/"),
        regions=("uk",),
        concerns=("info",),
        audience=("any_parent",),
        stages=("0-12m",),
        urgency="routine",
        languages=("en",),
        source_url="https://example.org/",
        last_verified=date(2026, 11, 25),
    )
    message = format_resources(_ranked(resource), "web")[0]
    assert "**Help\\_line \\*now\\***" in message
    assert "Call \\[us\\] today." in message
