"""Log-safe references to people: logs must never carry phone numbers or app user ids."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets

# Without a configured key a per-process random one still hides ids (refs then differ per run).
_FALLBACK_KEY = secrets.token_bytes(32)


def ref(identifier: str) -> str:
    """A short keyed hash of an id, stable within a deployment, for correlating log lines."""
    key = os.environ.get("BOT_PSEUDONYM_KEY", "").encode("utf-8") or _FALLBACK_KEY
    return hmac.new(key, identifier.encode("utf-8"), hashlib.sha256).hexdigest()[:12]
