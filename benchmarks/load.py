"""Simulated parents: `concurrency` conversations at a time until a fixed number has run.

Closed loop (a parent sends the next message when the reply is in), bounded both by the number
of conversations and by a time budget, so a slow or broken server can never keep it running.
Every fourth parent uses socket.io (the website widget), the rest REST.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from dataclasses import dataclass, field, replace

import aiohttp

from benchmarks.clients import Client, RestClient, SocketIOClient, Turn
from benchmarks.scripts import Script

SOCKETIO_EVERY = 4


@dataclass
class LevelRun:
    """Every turn of one concurrency level, and how long the level took."""

    concurrency: int
    turns: list[Turn] = field(default_factory=list)
    conversations: int = 0
    wall_s: float = 0.0
    stopped_early: bool = False


def _client(index: int, base_url: str, script: Script, http: aiohttp.ClientSession,
            bot: str) -> Client:
    if index % SOCKETIO_EVERY == SOCKETIO_EVERY - 1:
        return SocketIOClient(base_url, script.metadata)
    return RestClient(http, base_url, f"bench-{bot}-{uuid.uuid4().hex}", script.metadata)


async def _conversation(client: Client, messages: list[str], deadline: float,
                        out: list[Turn]) -> bool:
    """Run one conversation; False when it was cut short by the deadline."""
    try:
        await client.start()
    except Exception as error:  # any failure to connect is a failed turn, not a crash
        out.append(Turn(client.transport, 0.0, 0.0, 0, f"connect_{type(error).__name__}"))
        return True
    try:
        for text in messages:
            if time.perf_counter() > deadline:
                return False
            turn = await client.send(text)
            out.append(replace(turn, text=text) if turn.error else turn)
    finally:
        await client.close()
    return True


async def run_level(base_url: str, bot: str, scripts: list[Script], concurrency: int,
                    conversations: int, budget_s: float, seed: int = 42) -> LevelRun:
    """Run `conversations` scripted conversations, `concurrency` at a time."""
    run = LevelRun(concurrency)
    next_index = iter(range(conversations))
    started = time.perf_counter()
    deadline = started + budget_s
    connector = aiohttp.TCPConnector(limit=0)

    async with aiohttp.ClientSession(connector=connector) as http:

        async def parent() -> None:
            for index in next_index:
                if time.perf_counter() > deadline:
                    run.stopped_early = True
                    return
                script = scripts[index % len(scripts)]
                messages = script.messages(random.Random(seed * 100_003 + index))
                client = _client(index, base_url, script, http, bot)
                finished = await _conversation(client, messages, deadline, run.turns)
                run.conversations += 1
                run.stopped_early |= not finished

        await asyncio.gather(*(parent() for _ in range(concurrency)))
    run.wall_s = time.perf_counter() - started
    return run
