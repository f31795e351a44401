"""The shared lock store: configuration from BOT_REDIS_URL, and tickets unique across servers."""

from __future__ import annotations

import asyncio
import threading
import uuid

import pytest
from rasa.core.lock_store import InMemoryLockStore, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.scale.lock_store import SharedLockStore
from tests.scale.services import require_redis

REDIS_DB = 14
URL = f"redis://127.0.0.1:6379/{REDIS_DB}"


@pytest.fixture(autouse=True)
def pseudonym_key(monkeypatch):
    monkeypatch.setenv("BOT_PSEUDONYM_KEY", "lock-store-test-key")


def test_without_a_redis_url_the_lock_store_is_in_memory(monkeypatch):
    monkeypatch.delenv("BOT_REDIS_URL", raising=False)
    monkeypatch.delenv("SANIC_WORKERS", raising=False)
    store = SharedLockStore(endpoint_config=EndpointConfig(type="x"))
    assert type(store) is InMemoryLockStore


def test_several_workers_without_redis_are_refused(monkeypatch):
    monkeypatch.delenv("BOT_REDIS_URL", raising=False)
    monkeypatch.setenv("SANIC_WORKERS", "3")
    with pytest.raises(LockError, match="BOT_REDIS_URL"):
        SharedLockStore(endpoint_config=None)


def test_the_url_gives_host_port_db_and_credentials(monkeypatch):
    monkeypatch.setenv("BOT_REDIS_URL", "rediss://bot:s3cret@cache.internal:6380/4")
    store = SharedLockStore(endpoint_config=EndpointConfig(type="x"))
    kwargs = store.red.connection_pool.connection_kwargs
    assert isinstance(store, RedisLockStore)
    assert (kwargs["host"], kwargs["port"], kwargs["db"]) == ("cache.internal", 6380, 4)
    assert (kwargs["username"], kwargs["password"]) == ("bot", "s3cret")
    assert store.red.connection_pool.connection_class.__name__ == "SSLConnection"


def test_a_url_that_is_not_redis_is_refused(monkeypatch):
    monkeypatch.setenv("BOT_REDIS_URL", "http://127.0.0.1:6379")
    with pytest.raises(LockError, match="redis://"):
        SharedLockStore(endpoint_config=None)


@pytest.fixture()
def two_servers(monkeypatch) -> tuple[SharedLockStore, SharedLockStore]:
    require_redis(REDIS_DB)
    monkeypatch.setenv("BOT_REDIS_URL", URL)
    return SharedLockStore(), SharedLockStore()


def test_tickets_taken_at_once_by_two_servers_are_unique(two_servers):
    conversation = f"c-{uuid.uuid4().hex}"
    tickets: list[int] = []
    start = threading.Barrier(16)

    def take(store: SharedLockStore) -> None:
        start.wait()
        for _ in range(10):
            tickets.append(store.issue_ticket(conversation))

    threads = [threading.Thread(target=take, args=(two_servers[i % 2],)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert len(tickets) == 160
    assert len(set(tickets)) == 160, "two messages got the same ticket"


def test_the_lock_is_gone_when_its_last_ticket_is_served(two_servers):
    first, second = two_servers
    conversation = f"c-{uuid.uuid4().hex}"
    a = first.issue_ticket(conversation)
    b = second.issue_ticket(conversation)
    assert first.get_lock(conversation).is_locked(b)
    first.cleanup(conversation, a)
    assert not second.get_lock(conversation).is_locked(b)
    second.cleanup(conversation, b)
    assert first.get_lock(conversation) is None


def test_redis_never_holds_the_raw_sender_id(monkeypatch):
    client = require_redis(REDIS_DB)
    monkeypatch.setenv("BOT_REDIS_URL", URL)
    store = SharedLockStore()
    phone = f"whatsapp:+4477009{uuid.uuid4().int % 10**5:05d}"
    seen: list[bytes] = []

    async def turn() -> None:
        async with store.lock(phone):
            for key in client.keys("*"):
                seen.extend([key, client.get(key) or b""])

    asyncio.run(turn())
    assert seen, "the lock was in Redis while the turn was served"
    digits = phone.split("+")[1].encode()
    assert not any(digits in item for item in seen), seen


def test_an_unreachable_redis_falls_back_to_this_servers_own_locks(monkeypatch):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # nothing listens here once the socket closes
    monkeypatch.setenv("BOT_REDIS_URL", f"redis://127.0.0.1:{port}/0")
    store = SharedLockStore()
    order: list[str] = []

    async def turn(name: str) -> None:
        async with store.lock("one-conversation", wait_time_in_seconds=0.05):
            order.append(f"{name} in")
            await asyncio.sleep(0.1)
            order.append(f"{name} out")

    async def both() -> None:
        await asyncio.gather(turn("first"), turn("second"))

    asyncio.run(both())
    assert order == ["first in", "first out", "second in", "second out"], "still one at a time"
