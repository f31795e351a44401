"""PostgreSQL or Redis stopped mid-conversation, then started again, under a real `rasa run`.

The server runs with the project's endpoints.yml (anonymising tracker store on PostgreSQL,
shared lock store on Redis), each on a private server this test can stop. While one is down,
the parent's crisis turn still gets the emergency number within 5 seconds and the conversation
goes on with its context; once it is back, every message of the outage is in the database.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa

from bot.privacy.identity import pseudonymise
from tests.channels.assistant_server import MODEL, AssistantServer, project_endpoints
from tests.channels.fake_api import FakeApi
from tests.channels.settings import channel_env
from tests.resilience.services import PrivatePostgres, PrivateRedis
from tests.resilience.test_action_server_faults import (
    CRISIS,
    TROUBLE,
    assert_crisis_answered,
    rest,
    whatsapp,
    widget,
)

pytestmark = pytest.mark.slow

KEY = "storage-faults-pseudonym-key"
# The 30 s outage, measured once by hand with BOT_TEST_OUTAGE_SECONDS=30; 10 s in make test.
OUTAGE_SECONDS = float(os.environ.get("BOT_TEST_OUTAGE_SECONDS", "10"))


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    work = tmp_path_factory.mktemp("storage")
    postgres = PrivatePostgres().start()
    redis = PrivateRedis(work).start()
    yield {"postgres": postgres, "redis": redis}
    redis.stop()
    postgres.stop()
    postgres.remove()


@pytest.fixture(scope="module")
def rasa(
    action_server_url: str, services: dict[str, Any], send_api: FakeApi,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[AssistantServer]:
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does this).")
    env = {**channel_env(send_api.base_url), "BOT_DB_URL": services["postgres"].url,
           "BOT_REDIS_URL": services["redis"].url, "BOT_PSEUDONYM_KEY": KEY}
    server = AssistantServer(tmp_path_factory.mktemp("rasa-storage"), action_server_url, env,
                             project_endpoints(action_server_url)).start()
    yield server
    server.stop()


def stored_user_messages(url: str, sender: str) -> int:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                sa.text("SELECT count(*) FROM events WHERE sender_id = :s AND type_name = 'user'"),
                {"s": pseudonymise(sender, KEY.encode())},
            ).scalar_one()
    finally:
        engine.dispose()


@pytest.mark.parametrize("service", ["postgres", "redis"])
def test_a_storage_outage_loses_no_crisis_answer_and_no_message(
    rasa: AssistantServer, services: dict[str, Any], send_api: FakeApi, service: str
) -> None:
    sender = f"storage-{uuid.uuid4().hex}"
    rest(rasa, sender, "hi")
    rest(rasa, sender, "I don't feel any bond with my baby")
    stopped_at = time.monotonic()
    services[service].stop()
    try:
        fault = f"{service} stopped"
        assert_crisis_answered(*rest(rasa, sender, CRISIS), fault, "rest")
        assert_crisis_answered(*widget(rasa, CRISIS), fault, "socketio")
        assert_crisis_answered(*whatsapp(rasa, send_api, CRISIS), fault, "whatsapp")
        text, _ = rest(rasa, sender, "I'm safe right now, thank you")
        assert text and TROUBLE not in text, text
        assert "automated assistant" not in text, "the conversation went on, not started again"
        time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - stopped_at)))
    finally:
        services[service].start()
    text, _ = rest(rasa, sender, "I still feel low most days")
    assert text and TROUBLE not in text, text
    # Written with the next turn, or by the store's own retry a few seconds after the restart.
    deadline = time.monotonic() + 20
    while (stored := stored_user_messages(services["postgres"].url, sender)) < 5:
        assert time.monotonic() < deadline, f"{stored} of 5 messages reached the database"
        time.sleep(0.2)
    assert stored == 5
