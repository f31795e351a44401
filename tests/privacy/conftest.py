"""Fixtures for the privacy tests: a project domain and the store on SQLite or PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_ADMIN_URL = os.environ.get("BOT_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
TEST_KEY = "test-pseudonym-key"


@pytest.fixture(scope="session")
def domain():
    from rasa.shared.core.domain import Domain

    return Domain.load(str(ROOT / "domain.yml"))


def _postgres_url() -> Iterator[str]:
    """A fresh database on the local PostgreSQL; skipped outside CI when it is not running."""
    import sqlalchemy as sa

    admin = sa.create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        admin.connect().close()
    except sa.exc.OperationalError as error:
        admin.dispose()
        reason = f"PostgreSQL not reachable at {PG_ADMIN_URL}: {str(error).splitlines()[0]}"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true: PostgreSQL tests must run)")
        print(f"\nSKIP: {reason}")
        pytest.skip(reason)
    name = f"nurture_privacy_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(sa.text(f"CREATE DATABASE {name}"))
    try:
        yield sa.engine.make_url(PG_ADMIN_URL).set(database=name).render_as_string(False)
    finally:
        with admin.connect() as connection:
            connection.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"
                ),
                {"n": name},
            )
            connection.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'nurture.db'}"
    else:
        yield from _postgres_url()


@pytest.fixture
def make_store(db_url: str, domain, monkeypatch: pytest.MonkeyPatch):
    """Builds stores on one database (several may share it, like several servers)."""
    from bot.privacy.tracker_store import AnonymisingTrackerStore

    monkeypatch.delenv("BOT_DB_URL", raising=False)
    monkeypatch.delenv("BOT_RETENTION_DAYS", raising=False)
    stores = []

    def build(**kwargs) -> AnonymisingTrackerStore:
        kwargs.setdefault("pseudonym_key", TEST_KEY)
        store = AnonymisingTrackerStore(domain=domain, host=db_url, **kwargs)
        stores.append(store)
        return store

    yield build
    for store in stores:
        store.engine.dispose()
