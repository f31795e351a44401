"""CSRF tokens: per-session for signed-in forms, signed double-submit for the login form.

The login form has no session yet, so its token is an HMAC of a random pre-login
cookie: a forged cross-site POST can neither read that cookie nor compute the HMAC.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

PRELOGIN_COOKIE = "nurture_review_prelogin"
FIELD = "csrf_token"


def new_prelogin_nonce() -> str:
    return secrets.token_urlsafe(24)


def prelogin_token(secret: str, nonce: str) -> str:
    return hmac.new(secret.encode(), f"login:{nonce}".encode(), hashlib.sha256).hexdigest()


def valid_prelogin(secret: str, nonce: str | None, submitted: str | None) -> bool:
    if not nonce or not submitted:
        return False
    return hmac.compare_digest(prelogin_token(secret, nonce), submitted)


def valid_session_token(expected: str, submitted: str | None) -> bool:
    return bool(submitted) and hmac.compare_digest(expected.encode(), (submitted or "").encode())
