"""Fixtures for the staff review app: an `events` table written by the assistant's anonymising
tracker store (SQLite and PostgreSQL), and the app started as a real server."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import requests
import sqlalchemy as sa
from review_support import (
    IN_CI,
    PG_HOST,
    PG_PORT,
    Server,
    login,
    pg_reachable,
    save_conversations,
    start_server,
    stop_server,
)


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("review") / "nurture.db"
    save_conversations(f"sqlite:///{path}")
    return f"sqlite:///{path}"


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    """A fresh database on the local PostgreSQL."""
    if not pg_reachable():
        reason = f"PostgreSQL not reachable on {PG_HOST}:{PG_PORT}"
        if IN_CI:
            pytest.fail(f"{reason} (CI=true: these tests must run)")
        pytest.skip(f"{reason}; CI is not 'true', so the PostgreSQL review tests are skipped")
    name = f"nurture_review_test_{uuid.uuid4().hex[:8]}"
    admin = sa.create_engine(
        f"postgresql://postgres@{PG_HOST}:{PG_PORT}/postgres", isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    url = f"postgresql://postgres@{PG_HOST}:{PG_PORT}/{name}"
    save_conversations(url)
    yield url
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def server(request: pytest.FixtureRequest) -> Iterator[Server]:
    """The review app over each backend, with one admin and one reviewer."""
    db_url = request.getfixturevalue(f"{request.param}_url")
    running = start_server(db_url)
    running.add_user("ada", "admin")
    running.add_user("rita", "reviewer")
    yield running
    stop_server(running)


@pytest.fixture
def admin(server: Server) -> requests.Session:
    client, response = login(server.url, "ada")
    assert response.status_code == 303, response.text
    return client


@pytest.fixture
def reviewer(server: Server) -> requests.Session:
    client, response = login(server.url, "rita")
    assert response.status_code == 303, response.text
    return client
