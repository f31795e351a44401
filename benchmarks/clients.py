"""The two ways a parent reaches the assistant: the REST webhook and the socket.io widget channel.

Each client sends one turn and returns a `Turn` with its latency, so the load runner does not
care which channel it drives. REST latency is the whole turn (the reply list comes back at once).
socket.io streams one `bot_uttered` event per bubble with no end-of-turn marker, so a turn ends
after a quiet spell; its latency is send → last bubble (the quiet spell is not counted) and the
time to the first bubble is kept too.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp
import socketio

TURN_TIMEOUT_S = 30.0
QUIET_S = 0.6


@dataclass(frozen=True)
class Turn:
    """One message and what came back."""

    transport: str
    latency_ms: float
    first_ms: float
    replies: int
    error: str | None = None
    text: str = ""


class Client(Protocol):
    transport: str

    async def start(self) -> None: ...

    async def send(self, text: str) -> Turn: ...

    async def close(self) -> None: ...


class RestClient:
    """POST /webhooks/rest/webhook with one sender id for the whole conversation."""

    transport = "rest"

    def __init__(self, http: aiohttp.ClientSession, base_url: str, sender: str,
                 metadata: dict[str, Any]) -> None:
        self.http, self.url = http, f"{base_url}/webhooks/rest/webhook"
        self.sender, self.metadata = sender, metadata

    async def start(self) -> None:
        return None

    async def send(self, text: str) -> Turn:
        body = {"sender": self.sender, "message": text, "metadata": self.metadata}
        t0 = time.perf_counter()
        try:
            timeout = aiohttp.ClientTimeout(total=TURN_TIMEOUT_S)
            async with self.http.post(self.url, json=body, timeout=timeout) as response:
                payload = await response.json(content_type=None)
                status = response.status
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            ms = (time.perf_counter() - t0) * 1000
            return Turn(self.transport, ms, ms, 0, type(error).__name__)
        ms = (time.perf_counter() - t0) * 1000
        if status != 200 or not isinstance(payload, list):
            return Turn(self.transport, ms, ms, 0, f"http_{status}")
        return Turn(self.transport, ms, ms, len(payload), None if payload else "no_reply")

    async def close(self) -> None:
        return None


class SocketIOClient:
    """The widget's protocol: session_request, then user_uttered → bot_uttered events."""

    transport = "socketio"

    def __init__(self, base_url: str, metadata: dict[str, Any],
                 metadata_key: str = "customData") -> None:
        self.base_url, self.metadata, self.metadata_key = base_url, metadata, metadata_key
        self.session_id = uuid.uuid4().hex
        self.sio = socketio.AsyncClient(reconnection=False)
        # Long-polling, the transport the widget starts on and the one that needs sticky
        # sessions. (The websocket upgrade of python-engineio 4.15 needs aiohttp>=3.10, and
        # Rasa 3.6 pins aiohttp<3.10.)
        self.transports = ["polling"]
        self.inbox: asyncio.Queue[float] = asyncio.Queue()
        self.confirmed = asyncio.Event()
        self.sio.on("bot_uttered", self._on_bot_uttered)
        self.sio.on("session_confirm", self._on_session_confirm)

    async def _on_bot_uttered(self, _data: Any) -> None:
        self.inbox.put_nowait(time.perf_counter())

    async def _on_session_confirm(self, _data: Any) -> None:
        self.confirmed.set()

    async def start(self) -> None:
        connect = self.sio.connect(self.base_url, socketio_path="socket.io",
                                   transports=self.transports, wait_timeout=TURN_TIMEOUT_S)
        await asyncio.wait_for(connect, TURN_TIMEOUT_S + 1)
        await self.sio.emit("session_request", {"session_id": self.session_id})
        await asyncio.wait_for(self.confirmed.wait(), TURN_TIMEOUT_S)

    async def send(self, text: str) -> Turn:
        while not self.inbox.empty():  # late bubbles of the previous turn don't count here
            self.inbox.get_nowait()
        t0 = time.perf_counter()
        data = {"message": text, "session_id": self.session_id, self.metadata_key: self.metadata}
        try:
            await self.sio.emit("user_uttered", data)
            first = await asyncio.wait_for(self.inbox.get(), TURN_TIMEOUT_S)
        except (asyncio.TimeoutError, socketio.exceptions.SocketIOError) as error:
            ms = (time.perf_counter() - t0) * 1000
            return Turn(self.transport, ms, ms, 0, type(error).__name__)
        last, count = first, 1
        while True:
            try:
                last = await asyncio.wait_for(self.inbox.get(), QUIET_S)
                count += 1
            except asyncio.TimeoutError:
                break
        return Turn(self.transport, (last - t0) * 1000, (first - t0) * 1000, count)

    async def close(self) -> None:
        if self.sio.connected:
            await self.sio.disconnect()
