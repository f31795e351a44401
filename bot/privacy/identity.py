"""One keyed hash for every identity: the stored pseudonym, the log reference, the lock key.

A sender id is often a phone number (SMS, WhatsApp) or a platform account id. HMAC-SHA256 with a
secret key (`BOT_PSEUDONYM_KEY`) maps it to the same opaque id every time, so a conversation
continues, while without the key nobody can recover the id or test a guessed phone number
against the database. The log reference is the first characters of the same pseudonym, so staff
can find the stored conversation a log line is about, and nothing else.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from bot.privacy import settings

PSEUDONYM_HEX_CHARS = 32  # 128 bits: collisions are out of reach for any number of senders
LOG_REF_CHARS = 12
# Logs must never carry a raw id, even where no key is configured (a unit test, a tool): a
# per-process random key still hides it (references then differ between runs).
_FALLBACK_KEY = secrets.token_bytes(32)


def pseudonymise(sender_id: str, key: bytes) -> str:
    """The stored id for `sender_id`: truncated hex HMAC-SHA256."""
    digest = hmac.new(key, sender_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_HEX_CHARS]


def pseudonym(sender_id: str) -> str:
    """The stored id under the deployment's key; refuses to run without one."""
    return pseudonymise(sender_id, settings.pseudonym_key())


def log_ref(sender_id: str) -> str:
    """A short reference for log lines: the start of the pseudonym."""
    try:
        key = settings.pseudonym_key()
    except RuntimeError:
        key = _FALLBACK_KEY
    return pseudonymise(sender_id, key)[:LOG_REF_CHARS]
