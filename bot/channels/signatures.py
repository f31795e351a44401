"""Request verification for each app: anything unsigned or wrongly signed is not genuine.

All comparisons are constant-time so the secret cannot be guessed byte by byte.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable


def same_secret(received: str | None, expected: str) -> bool:
    """Constant-time equality for shared secrets (Telegram header, Facebook verify token)."""
    if not received or not expected:
        return False
    return hmac.compare_digest(received.encode("utf-8"), expected.encode("utf-8"))


def twilio_signature(auth_token: str, url: str, params: Iterable[tuple[str, str]]) -> str:
    """Twilio's documented scheme: base64(HMAC-SHA1(token, url + sorted name+value pairs))."""
    signed = url + "".join(name + value for name, value in sorted(params))
    digest = hmac.new(auth_token.encode("utf-8"), signed.encode("utf-8"), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def valid_twilio_signature(
    auth_token: str, url: str, params: Iterable[tuple[str, str]], header: str | None
) -> bool:
    if not header:
        return False
    return same_secret(header, twilio_signature(auth_token, url, params))


def facebook_signature(app_secret: str, body: bytes) -> str:
    """Meta's `X-Hub-Signature-256` value for a raw request body."""
    digest = hmac.new(app_secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return f"sha256={digest}"


def appsecret_proof(app_secret: str, access_token: str) -> str:
    """Graph API proof that a call with this token comes from the app's own server."""
    key = app_secret.encode("utf-8")
    return hmac.new(key, access_token.encode("utf-8"), hashlib.sha256).hexdigest()


def valid_facebook_signature(app_secret: str, body: bytes, header: str | None) -> bool:
    if not header or not header.startswith("sha256="):
        return False
    return same_secret(header.lower(), facebook_signature(app_secret, body))
