"""Fixtures: the fake send APIs and the connectors running in a real local server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.channels.registry import enabled_channels

from .fake_api import FakeApi
from .servers import ChannelServer, StubAgent
from .settings import channel_env


@pytest.fixture
def fake_api() -> Iterator[FakeApi]:
    api = FakeApi().start()
    yield api
    api.stop()


@pytest.fixture
def stub_agent() -> StubAgent:
    return StubAgent()


@pytest.fixture
def server(fake_api: FakeApi, stub_agent: StubAgent) -> Iterator[ChannelServer]:
    """All three connectors, configured only through their environment variables."""
    channels = enabled_channels(channel_env(fake_api.base_url))
    running = ChannelServer(channels, stub_agent).start()
    yield running
    running.stop()
