"""The lock store endpoints.yml selects: Redis from `BOT_REDIS_URL` when set, else in memory.

Why not Rasa's own `type: redis`: it wants host/port/db fields, not a URL, and endpoints.yml's
`${VAR}` substitution fails when the variable is unset, so one endpoints.yml could not serve both
`make run` (no Redis) and a scaled-out deployment.

Why not plain `RedisLockStore`: each of its ticket updates is a read, a change in Python, then a
write. Two servers taking a ticket for the same conversation at once can both read the same lock,
hand out the same ticket and process two messages at the same time, and the SQL tracker store
then loses one server's events (RasaHQ/rasa#9213). Here every update is an optimistic Redis
transaction (WATCH/MULTI/EXEC, retried on conflict), so tickets stay unique across servers.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlsplit

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, InMemoryLockStore, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.scale import speedups

# Every Rasa server imports this module (endpoints.yml's lock_store) before it handles a
# message, so this is where the server's speed-ups are switched on.
speedups.install()

ENV_URL = "BOT_REDIS_URL"
ENV_WORKERS = "SANIC_WORKERS"
MAX_CONFLICT_RETRIES = 100
T = TypeVar("T")


class SharedLockStore(RedisLockStore):
    """Rasa's Redis lock store, configured from a redis:// URL, with atomic ticket updates.

    Constructing it without `BOT_REDIS_URL` (and no `url` in endpoints.yml) gives Rasa's
    in-memory lock store instead, which is right for a single server.
    """

    def __new__(cls, endpoint_config: EndpointConfig | None = None,
                **kwargs: Any) -> SharedLockStore | InMemoryLockStore:  # type: ignore[misc]
        if _redis_url(endpoint_config):
            return super().__new__(cls)
        if int(os.environ.get(ENV_WORKERS, "1") or 1) > 1:
            raise LockError(f"{ENV_WORKERS}>1 needs a shared lock store: set {ENV_URL}.")
        return InMemoryLockStore()

    def __init__(self, endpoint_config: EndpointConfig | None = None, **kwargs: Any) -> None:
        url = _redis_url(endpoint_config) or ""
        parts = urlsplit(url)
        if parts.scheme not in {"redis", "rediss"} or not parts.hostname:
            raise LockError(f"{ENV_URL} must be a redis:// or rediss:// URL")
        options = dict(endpoint_config.kwargs) if endpoint_config else {}
        options.pop("url", None)
        super().__init__(
            host=parts.hostname,
            port=parts.port or 6379,
            db=int(parts.path.lstrip("/") or 0),
            username=parts.username,
            password=parts.password,
            use_ssl=parts.scheme == "rediss",
            key_prefix=options.pop("key_prefix", None),
            **{k: v for k, v in options.items() if k in _PASSTHROUGH},
        )

    # -- atomic versions of every read-modify-write the base class does ----------------------

    def _update(self, conversation_id: str, change: Callable[[TicketLock], T],
                create: bool) -> T | None:
        """Apply `change` to the stored lock inside a WATCH/MULTI/EXEC transaction.

        The lock is deleted when `change` leaves it with no tickets, so a conversation's lock
        never outlives its last message. Returns `change`'s result (None when no lock existed
        and `create` was False).
        """
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            for _ in range(MAX_CONFLICT_RETRIES):
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    if raw is None and not create:
                        pipe.unwatch()
                        return None
                    lock = (TicketLock.from_dict(json.loads(raw)) if raw
                            else self.create_lock(conversation_id))
                    result = change(lock)
                    pipe.multi()
                    if lock.tickets:
                        pipe.set(key, lock.dumps())
                    else:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue
        raise LockError(f"lock for a conversation kept changing ({MAX_CONFLICT_RETRIES} tries)")

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        try:
            ticket = self._update(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime),
                                  create=True)
        except redis.RedisError as error:
            raise LockError(f"Error while acquiring lock: {error}") from error
        assert ticket is not None  # create=True always yields a lock
        return ticket

    def update_lock(self, conversation_id: str) -> None:
        self._update(conversation_id, lambda lock: lock.remove_expired_tickets(), create=False)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._update(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number),
                     create=False)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        # finish_serving deletes the lock once no ticket is left, in the same transaction, so
        # there is no gap in which another server's fresh ticket could be deleted with it.
        self.finish_serving(conversation_id, ticket_number)


_PASSTHROUGH = {"socket_timeout", "ssl_certfile", "ssl_keyfile", "ssl_ca_certs"}


def _redis_url(endpoint_config: EndpointConfig | None) -> str | None:
    """`BOT_REDIS_URL` wins (the environment always does), else `url:` in endpoints.yml."""
    url = os.environ.get(ENV_URL, "").strip()
    if url:
        return url
    return (endpoint_config.url if endpoint_config else None) or None
