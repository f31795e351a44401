"""Keyed pseudonyms for sender ids.

A sender id is often a phone number (SMS, WhatsApp) or a platform account id. HMAC-SHA256 with a
secret key maps it to the same opaque id every time, so a conversation continues, while without
the key nobody can recover the id or test a guessed phone number against the database.
"""

from __future__ import annotations

import hashlib
import hmac

PSEUDONYM_HEX_CHARS = 32  # 128 bits: collisions are out of reach for any number of senders


def pseudonymise(sender_id: str, key: bytes) -> str:
    """The stored id for `sender_id`: truncated hex HMAC-SHA256."""
    digest = hmac.new(key, sender_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_HEX_CHARS]
