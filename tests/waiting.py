"""Polling with a deadline, for tests that wait on another process or server."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def wait_until(check: Callable[[], Any], timeout: float = 30.0, every: float = 0.05,
               what: str = "condition") -> Any:
    """`check()`'s first truthy value, or an AssertionError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"{what} not met within {timeout} s")
