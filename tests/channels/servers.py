"""Run the connectors inside a real Sanic server on a free local port, in a thread.

`StubAgent` stands in for Rasa's Agent in the fast tests: it records what the
connector hands over and answers through the connector's output channel, as
the real agent does. The slow tests use the trained model instead.
"""

from __future__ import annotations

import asyncio
import threading
import uuid
from typing import Any

import requests
from rasa.core.channels.channel import InputChannel, UserMessage, register
from sanic import Sanic


class StubAgent:
    """Records messages and replies with `replies` (Rasa response dicts)."""

    def __init__(self) -> None:
        self.messages: list[UserMessage] = []
        self.replies: list[dict[str, Any]] = [{"text": "Thank you for your message."}]
        self.fail = False

    def is_ready(self) -> bool:
        return True

    async def handle_message(self, message: UserMessage) -> None:
        if self.fail:
            raise RuntimeError("tracker store unavailable")
        self.messages.append(message)
        for reply in self.replies:
            await message.output_channel.send_response(message.sender_id, dict(reply))

    def texts_from(self, sender: str) -> list[str]:
        return [m.text or "" for m in self.messages if m.sender_id == sender]


class ChannelServer:
    """A Sanic app with the given input channels registered the way `rasa run` does it."""

    def __init__(self, channels: list[InputChannel], agent: StubAgent) -> None:
        # Sanic's own switch for running several apps in one process (keeps start-up rewrites
        # of its request path from being applied twice).
        Sanic.test_mode = True
        self.app = Sanic(f"channels_test_{uuid.uuid4().hex}", configure_logging=False)
        register(channels, self.app, route="/webhooks/")
        self.app.ctx.agent = agent
        self.loop = asyncio.new_event_loop()
        self.port = 0
        self._server: Any = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def post(self, path: str, headers: dict[str, str], body: bytes) -> requests.Response:
        return requests.post(self.url(path), data=body, headers=headers, timeout=10)

    def start(self) -> ChannelServer:
        self._server = self.loop.run_until_complete(self._start())
        self.port = self._server.server.sockets[0].getsockname()[1]
        threading.Thread(target=self.loop.run_forever, daemon=True).start()
        return self

    async def _start(self) -> Any:
        server = await self.app.create_server(
            host="127.0.0.1", port=0, return_asyncio_server=True, access_log=False
        )
        await server.startup()
        await server.after_start()
        return server

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._stop(), self.loop).result(20)
        self.loop.call_soon_threadsafe(self.loop.stop)

    async def _stop(self) -> None:
        await self._server.before_stop()
        self._server.close()
        await self._server.wait_closed()
        await self._server.after_stop()
