"""Signature checks against the published examples, and against tampering."""

from __future__ import annotations

import pytest

from bot.channels.signatures import (
    facebook_signature,
    same_secret,
    twilio_signature,
    valid_facebook_signature,
    valid_twilio_signature,
)
from bot.channels.twilio import signed_url_variants

# Twilio's documented example request (auth token 12345).
TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"


def _twilio_params(caller: str) -> list[tuple[str, str]]:
    return [
        ("CallSid", "CA1234567890ABCDE"),
        ("Caller", caller),
        ("Digits", "1234"),
        ("From", caller),
        ("To", "+18005551212"),
    ]


@pytest.mark.parametrize(
    ("caller", "expected"),
    [
        ("+12349013030", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="),  # Twilio webhook-security docs
        ("+14158675309", "RSOYDt4T1cUTdK1PDd93/VVr8B8="),  # twilio-python's validator tests
    ],
)
def test_twilio_signature_matches_the_documented_examples(caller: str, expected: str) -> None:
    assert twilio_signature("12345", TWILIO_URL, _twilio_params(caller)) == expected
    assert valid_twilio_signature("12345", TWILIO_URL, _twilio_params(caller), expected)


def test_twilio_signature_does_not_depend_on_field_order() -> None:
    params = _twilio_params("+12349013030")
    assert twilio_signature("12345", TWILIO_URL, reversed(params)) == "0/KCTR6DLpKmkAf8muzZqo1nDgQ="


@pytest.mark.parametrize(
    ("token", "url", "change"),
    [
        ("54321", TWILIO_URL, None),
        ("12345", "https://mycompany.com/myapp.php?foo=1&bar=3", None),
        ("12345", TWILIO_URL, ("Digits", "9999")),
    ],
)
def test_twilio_signature_rejects_other_token_url_or_fields(
    token: str, url: str, change: tuple[str, str] | None
) -> None:
    params = dict(_twilio_params("+12349013030"))
    if change:
        params[change[0]] = change[1]
    assert not valid_twilio_signature(token, url, params.items(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")


def test_twilio_signature_missing_header_is_not_genuine() -> None:
    assert not valid_twilio_signature("12345", TWILIO_URL, _twilio_params("+1"), None)
    assert not valid_twilio_signature("12345", TWILIO_URL, _twilio_params("+1"), "")


def test_twilio_url_variants_cover_the_default_port() -> None:
    assert signed_url_variants("https://a.example/x?y=1") == [
        "https://a.example/x?y=1",
        "https://a.example:443/x?y=1",
    ]
    assert signed_url_variants("https://a.example:443/x") == [
        "https://a.example:443/x",
        "https://a.example/x",
    ]
    assert signed_url_variants("https://a.example:8443/x") == ["https://a.example:8443/x"]


# The same HMAC-SHA256 webhook scheme, with GitHub's published test values.
HUB_SECRET = "It's a Secret to Everybody"
HUB_BODY = b"Hello, World!"
HUB_SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17"


def test_facebook_signature_matches_the_published_example() -> None:
    assert facebook_signature(HUB_SECRET, HUB_BODY) == HUB_SIGNATURE
    assert valid_facebook_signature(HUB_SECRET, HUB_BODY, HUB_SIGNATURE)
    upper_hex = "sha256=" + HUB_SIGNATURE.removeprefix("sha256=").upper()
    assert valid_facebook_signature(HUB_SECRET, HUB_BODY, upper_hex)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        HUB_SIGNATURE.removeprefix("sha256="),  # no algorithm prefix
        "sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59",  # legacy header value
        HUB_SIGNATURE[:-1] + "0",
    ],
)
def test_facebook_signature_rejects_missing_legacy_or_wrong(header: str | None) -> None:
    assert not valid_facebook_signature(HUB_SECRET, HUB_BODY, header)


def test_facebook_signature_covers_every_byte_of_the_body() -> None:
    assert not valid_facebook_signature(HUB_SECRET, HUB_BODY + b" ", HUB_SIGNATURE)


def test_same_secret_is_exact_and_empty_never_matches() -> None:
    assert same_secret("abc_DEF-1", "abc_DEF-1")
    assert not same_secret("abc_DEF-", "abc_DEF-1")
    assert not same_secret("", "")
    assert not same_secret(None, "x")
    assert not same_secret("x", "")
