"""No raw sender id in a log line, whichever library writes it."""

from __future__ import annotations

import io
import logging

from bot.privacy.identity import log_ref
from bot.privacy.log_ids import RawIdFilter


def test_a_served_phone_number_never_reaches_a_log_line() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    ids = RawIdFilter()
    handler.addFilter(ids)
    logger = logging.getLogger("sanic.error.test-log-ids")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        phone = "whatsapp:+447700900123"
        ids.remember(phone)
        logger.warning("Lock for conversation '%s' expired", phone)
        logger.info("Nothing personal here")
    finally:
        logger.removeHandler(handler)
    written = stream.getvalue()
    assert "447700900123" not in written
    assert f"<id {log_ref(phone)}>" in written, "the line still says which conversation"
    assert "Nothing personal here" in written
