"""The machine's PostgreSQL and Redis for the scale tests: reach them, or skip (fail in CI).

CI sets CI=true and must run these tests (CONTRACT.md), so there a missing service is a failure,
not a silent skip.
"""

from __future__ import annotations

import os

import pytest

PG_ADMIN_URL = os.environ.get("BOT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


def unavailable(reason: str) -> None:
    """Skip with the reason, except in CI, where the service must be there."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {reason}")
    pytest.skip(reason)


def require_redis(db: int) -> object:
    """A client on Redis database `db`, emptied first."""
    import redis

    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=db, socket_timeout=3)
    try:
        client.ping()
    except redis.RedisError as error:
        unavailable(f"Redis unreachable at {REDIS_HOST}:{REDIS_PORT} ({error})")
    client.flushdb()
    return client


def fresh_database(name: str) -> str:
    """Drop and create database `name`; its SQLAlchemy URL."""
    import psycopg2
    from psycopg2 import sql

    try:
        conn = psycopg2.connect(PG_ADMIN_URL, connect_timeout=3)
    except psycopg2.OperationalError as error:
        unavailable(f"PostgreSQL unreachable at {PG_ADMIN_URL} ({str(error).strip()})")
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cur.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.close()
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def drop_database(name: str) -> None:
    import psycopg2
    from psycopg2 import sql

    conn = psycopg2.connect(PG_ADMIN_URL, connect_timeout=3)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    conn.close()
