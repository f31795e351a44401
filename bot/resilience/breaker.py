"""One circuit breaker for every part a turn depends on (action server, database, Redis).

After a part fails to answer, turns skip it for a while and are answered at once from what
this process has (in-process actions, memory); then one call tries the part again.
"""

from __future__ import annotations

import time
from collections.abc import Callable


class Breaker:
    """Per process: remembers that a part stopped answering, and for how long to skip it."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._skip_until = 0.0

    def available(self) -> bool:
        return self._clock() >= self._skip_until

    def trip(self, retry_after: float) -> None:
        self._skip_until = self._clock() + retry_after

    def reset(self) -> None:
        self._skip_until = 0.0
