"""Background delivery of replies with bounded retries and exponential backoff.

The webhook must not wait for (or fail with) the app's send API: the parent's
message and the bot's turn are already stored when a reply is queued here.
Replies to one conversation go out one at a time, in order; different
conversations do not hold each other up. Logs name the channel, a keyed hash of
the recipient and HTTP statuses only, never message text or raw ids.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from typing import Any

import aiohttp

from bot.privacy.identity import log_ref as ref

from .config import RetryPolicy

logger = logging.getLogger(__name__)

# Statuses worth trying again: the app is overloaded, rate limiting or briefly broken.
_RETRYABLE = {408, 409, 425, 429, 500, 502, 503, 504}


@dataclass(frozen=True)
class Outbound:
    """One HTTP call to an app's send API."""

    url: str
    json: dict[str, Any] | None = None
    form: dict[str, str] | None = None
    params: dict[str, str] | None = None
    auth: tuple[str, str] | None = None
    headers: dict[str, str] = field(default_factory=dict)


class Outbox:
    """Per-channel queue of replies, delivered by background tasks."""

    def __init__(self, channel: str, policy: RetryPolicy) -> None:
        self.channel = channel
        self.policy = policy
        self._queues: dict[str, asyncio.Queue[Outbound]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._session: aiohttp.ClientSession | None = None

    def send(self, recipient: str, call: Outbound) -> None:
        """Queue a reply and return at once; must be called inside the server's loop."""
        queue = self._queues.setdefault(recipient, asyncio.Queue())
        queue.put_nowait(call)
        worker = self._workers.get(recipient)
        if worker is None or worker.done():
            self._workers[recipient] = asyncio.create_task(self._work(recipient, queue))

    async def drain(self, timeout: float) -> bool:
        """Wait (bounded) until everything queued has been delivered or given up."""
        workers = [w for w in self._workers.values() if not w.done()]
        if not workers:
            return True
        _, pending = await asyncio.wait(workers, timeout=timeout)
        return not pending

    async def close(self, timeout: float = 5.0) -> None:
        """Give queued replies a short chance at shutdown, then stop."""
        if not await self.drain(timeout):
            waiting = sum(q.qsize() for q in self._queues.values())
            logger.warning("%s: shutting down with %d replies undelivered", self.channel, waiting)
        for worker in self._workers.values():
            worker.cancel()
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _work(self, recipient: str, queue: asyncio.Queue[Outbound]) -> None:
        while not queue.empty():
            call = queue.get_nowait()
            await self._deliver(recipient, call)
        if self._queues.get(recipient) is queue and queue.empty():
            del self._queues[recipient]
            self._workers.pop(recipient, None)

    def _client(self) -> aiohttp.ClientSession:
        if self._session is None or self._session.closed:
            timeout = aiohttp.ClientTimeout(total=self.policy.timeout_seconds)
            self._session = aiohttp.ClientSession(timeout=timeout)
        return self._session

    async def _deliver(self, recipient: str, call: Outbound) -> bool:
        who = ref(recipient)
        for attempt in range(1, self.policy.attempts + 1):
            status, retry_after = await self._attempt(call)
            if status is not None and 200 <= status < 300:
                if attempt > 1:
                    logger.info(
                        "%s: reply to %s delivered on attempt %d", self.channel, who, attempt
                    )
                return True
            if status is not None and status not in _RETRYABLE:
                logger.warning(
                    "%s: reply to %s refused with HTTP %d; not retrying", self.channel, who, status
                )
                return False
            if attempt == self.policy.attempts:
                break
            delay = self.policy.delay(attempt)
            if retry_after is not None:
                delay = min(self.policy.max_seconds, max(delay, retry_after))
            logger.warning(
                "%s: reply to %s failed (%s), attempt %d of %d; retrying in %.1f s",
                self.channel,
                who,
                f"HTTP {status}" if status is not None else "no response",
                attempt,
                self.policy.attempts,
                delay,
            )
            await asyncio.sleep(delay)
        logger.warning(
            "%s: reply to %s not delivered after %d attempts; the conversation is kept in the"
            " tracker",
            self.channel,
            who,
            self.policy.attempts,
        )
        return False

    async def _attempt(self, call: Outbound) -> tuple[int | None, float | None]:
        """One HTTP call: (status, Retry-After seconds) or (None, None) when unreachable."""
        auth = aiohttp.BasicAuth(*call.auth) if call.auth else None
        try:
            async with self._client().post(
                call.url,
                json=call.json,
                data=call.form,
                params=call.params,
                auth=auth,
                headers=call.headers,
            ) as response:
                await response.read()
                return response.status, _seconds(response.headers.get("Retry-After"))
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as error:
            logger.info("%s: send API unreachable (%s)", self.channel, type(error).__name__)
            return None, None


def _seconds(value: str | None) -> float | None:
    with contextlib.suppress(TypeError, ValueError):
        return max(0.0, float(value))  # type: ignore[arg-type]
    return None
