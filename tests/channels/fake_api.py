"""A local stand-in for the apps' send APIs that records calls and can be told to fail.

Runs a real aiohttp server on 127.0.0.1 in its own thread, so connectors under
test talk HTTP to it exactly as they would to Telegram, Twilio or Meta.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from tests.waiting import wait_until


@dataclass
class Call:
    path: str
    query: dict[str, str]
    json: Any
    form: dict[str, str] | None
    authorization: str | None
    status: int

    @property
    def recipient(self) -> str:
        """Whom the call addresses, whichever app's API it went to."""
        if self.form is not None:
            return self.form.get("To", "")
        body = self.json or {}
        return str(body.get("chat_id") or (body.get("recipient") or {}).get("id") or "")


class FakeApi:
    """Records every POST; `fail_next(n)` answers the next n calls with an error status."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self._failures = 0
        self._failure_status = 500
        self._failure_recipient: str | None = None
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> FakeApi:
        ready = threading.Event()
        threading.Thread(target=self._serve, args=(ready,), daemon=True).start()
        if not ready.wait(10):
            raise RuntimeError("fake API did not start")
        return self

    def stop(self) -> None:
        if self._runner is not None:
            asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)

    def fail_next(self, count: int, status: int = 500, recipient: str | None = None) -> None:
        """With `recipient`, only calls to that person fail: deliveries still on their way to
        someone else (an earlier test's retries) do not use up the failures."""
        with self._lock:
            self._failures, self._failure_status = count, status
            self._failure_recipient = recipient

    def delivered(self, path_part: str = "") -> list[Call]:
        """Calls answered with success whose path contains `path_part`."""
        with self._lock:
            return [c for c in self.calls if path_part in c.path and c.status < 300]

    def attempts(self, path_part: str = "") -> list[Call]:
        with self._lock:
            return [c for c in self.calls if path_part in c.path]

    def wait_for(self, check: Callable[[], Any], timeout: float = 15.0) -> Any:
        """Poll until `check()` is truthy; return its value or fail the test."""
        return wait_until(check, timeout, what=f"fake API: condition ({len(self.calls)} calls)")

    def _serve(self, ready: threading.Event) -> None:
        asyncio.set_event_loop(self._loop)
        app = web.Application()
        app.router.add_post("/{tail:.*}", self._record)
        self._runner = web.AppRunner(app)
        self._loop.run_until_complete(self._runner.setup())
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        self._loop.run_until_complete(site.start())
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        ready.set()
        self._loop.run_forever()

    async def _record(self, request: web.Request) -> web.Response:
        form = dict(await request.post()) if request.content_type.endswith("urlencoded") else None
        payload = await request.json() if request.content_type == "application/json" else None
        call = Call(
            path=request.path,
            query=dict(request.query),
            json=payload,
            form={k: str(v) for k, v in form.items()} if form is not None else None,
            authorization=request.headers.get("Authorization"),
            status=0,
        )
        with self._lock:
            failing = self._failures > 0 and self._failure_recipient in (None, call.recipient)
            if failing:
                self._failures -= 1
            call.status = self._failure_status if failing else _success_status(request.path)
            status = call.status
            self.calls.append(call)
        if failing:
            return web.json_response({"error": "unavailable"}, status=status)
        return web.json_response(_success_body(request.path), status=status)


def _success_status(path: str) -> int:
    return 201 if path.endswith("/Messages.json") else 200


def _success_body(path: str) -> dict[str, Any]:
    if path.endswith("/Messages.json"):
        return {"sid": "SM00000000000000000000000000000000", "status": "queued"}
    if path.endswith("/me/messages"):
        return {"recipient_id": "1", "message_id": "m_fake"}
    return {"ok": True, "result": {"message_id": 1}}
