"""The review app as a real server over SQLite and PostgreSQL: access control, login
limits, CSRF, roles, audit, filters, transcript, dashboard and exports.

The conversations are written by the assistant's own anonymising tracker store, so the app is
tested on what it really reads: pseudonymous ids (`sid`) and redacted text."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
import yaml
from review_support import PASSWORD, Server, csrf_from, login, sid, start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
ALL = {sid("conv-overwhelm"), sid("conv-crisis"), sid("conv-fallback"), sid("conv-harm")}
PAGES = [
    "/attention",
    "/review",
    "/conversations",
    f"/conversations/view?id={sid('conv-crisis')}",
    "/dashboard",
    "/admin/audit",
    "/admin/users",
]


def _listed(html: str) -> set[str]:
    return set(re.findall(r'href="/conversations/view\?id=([^"]+)"', html))


def _audit(server: Server, action: str, actor: str) -> list[sa.engine.Row]:
    engine = sa.create_engine(server.db_url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT * FROM staff_audit WHERE action = :a AND actor = :u ORDER BY id"),
            {"a": action, "u": actor},
        ).all()
    engine.dispose()
    return rows


@pytest.mark.parametrize("path", PAGES)
def test_pages_redirect_to_login_without_a_session(server: Server, path: str) -> None:
    response = requests.get(server.url + path, allow_redirects=False, timeout=10)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("path", ["/export.csv", "/export.jsonl"])
def test_exports_answer_401_without_a_session(server: Server, path: str) -> None:
    response = requests.get(server.url + path, allow_redirects=False, timeout=10)
    assert response.status_code == 401
    assert not any(conversation in response.text for conversation in ALL)


def test_wrong_password_is_refused_without_a_session(server: Server) -> None:
    client, response = login(server.url, "ada", "not-the-password-at-all")
    assert response.status_code == 401
    assert "Wrong name or password" in response.text
    assert "nurture_review_session" not in client.cookies
    unknown_client, unknown = login(server.url, "nobody-here", PASSWORD)
    assert unknown.status_code == 401 and "Wrong name or password" in unknown.text


def test_account_locks_after_repeated_failures_until_an_admin_unlocks_it(
    server: Server, admin: requests.Session
) -> None:
    server.add_user("lola", "reviewer")
    statuses = [login(server.url, "lola", "wrong-password-123")[1].status_code for _ in range(3)]
    assert statuses == [401, 401, 429]  # BOT_REVIEW_MAX_FAILURES=3 in the test server
    _, locked = login(server.url, "lola", PASSWORD)
    assert locked.status_code == 429 and "locked" in locked.text
    users = admin.get(server.url + "/admin/users", timeout=10).text
    lola_id = re.search(
        r'action="/admin/users/(\d+)">\s*<input[^>]*>\s*<input[^>]*'
        r'value="role">\s*<label[^>]*>Role for lola',
        users,
    ).group(1)
    unlocked = admin.post(
        f"{server.url}/admin/users/{lola_id}",
        data={"change": "unlock", "csrf_token": csrf_from(users)},
        timeout=10,
    )
    assert unlocked.status_code == 200 and "Updated lola" in unlocked.text
    assert login(server.url, "lola", PASSWORD)[1].status_code == 303
    assert [row.target for row in _audit(server, "user_change", "ada")][-1] == "lola"


def test_session_cookie_is_httponly_strict_and_ends_at_logout(server: Server) -> None:
    client, response = login(server.url, "rita")
    cookie = response.headers["set-cookie"]
    assert "nurture_review_session=" in cookie and "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "Secure" not in cookie.split(",")[0]  # plain http, BOT_REVIEW_COOKIE_SECURE=auto
    page = client.get(server.url + "/conversations", timeout=10)
    assert page.status_code == 200
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert page.headers["cache-control"] == "no-store"
    old = dict(client.cookies)
    out = client.post(
        server.url + "/logout",
        data={"csrf_token": csrf_from(page.text)},
        allow_redirects=False,
        timeout=10,
    )
    assert out.status_code == 303
    replay = requests.get(
        server.url + "/conversations", cookies=old, allow_redirects=False, timeout=10
    )
    assert replay.status_code == 303  # the old cookie no longer opens anything


def test_posts_without_a_valid_csrf_token_are_refused(
    server: Server, admin: requests.Session
) -> None:
    for data in ({}, {"csrf_token": "forged"}):
        assert admin.post(server.url + "/logout", data=data, timeout=10).status_code == 403
        added = admin.post(
            server.url + "/admin/users",
            data={"name": "mallory", "role": "admin", "password": PASSWORD, **data},
            timeout=10,
        )
        assert added.status_code == 403
    assert "mallory" not in admin.get(server.url + "/admin/users", timeout=10).text
    token = csrf_from(admin.get(server.url + "/conversations", timeout=10).text)
    cross_site = admin.post(
        server.url + "/logout",
        data={"csrf_token": token},
        headers={"Origin": "https://evil.example"},
        timeout=10,
    )
    assert cross_site.status_code == 403
    # Login form: the token must match this browser's pre-login cookie.
    fresh = requests.Session()
    form_token = csrf_from(fresh.get(server.url + "/login", timeout=10).text)
    for data in ({}, {"csrf_token": "forged"}):
        refused = fresh.post(
            server.url + "/login", data={"name": "ada", "password": PASSWORD, **data}, timeout=10
        )
        assert refused.status_code == 403
    no_cookie = requests.post(
        server.url + "/login",
        allow_redirects=False,
        timeout=10,
        data={"name": "ada", "password": PASSWORD, "csrf_token": form_token},
    )
    assert no_cookie.status_code == 403
    # The session still works after the refused requests.
    assert admin.get(server.url + "/conversations", timeout=10).status_code == 200


def _attention_order(html: str) -> list[str]:
    return re.findall(r'href="/conversations/view\?id=([^"]+)"', html)


def test_crises_need_attention_newest_first_until_a_reviewer_marks_them_seen(
    server: Server, reviewer: requests.Session, admin: requests.Session
) -> None:
    page = reviewer.get(server.url + "/attention", timeout=10)
    assert page.status_code == 200
    assert '<meta http-equiv="refresh"' in page.text  # refreshes itself, no script
    assert _attention_order(page.text) == [sid("conv-harm"), sid("conv-crisis")]
    assert "pattern rules: no_way_out" in page.text and "socketio" in page.text
    assert "classifier (confidence 1.00)" in page.text and "<strong>2</strong>" in page.text
    newest = re.findall(r'href="/attention/(\d+)"', page.text)[0]
    form = reviewer.get(server.url + f"/attention/{newest}", timeout=10)
    forged = reviewer.post(
        server.url + f"/attention/{newest}", data={"note": "x"}, timeout=10
    )
    assert forged.status_code == 403
    seen = reviewer.post(
        server.url + f"/attention/{newest}",
        data={"csrf_token": csrf_from(form.text), "note": "Rang the duty safeguarding lead"},
        allow_redirects=False,
        timeout=10,
    )
    assert seen.status_code == 303
    page = reviewer.get(server.url + "/attention", timeout=10)
    assert _attention_order(page.text) == [sid("conv-crisis"), sid("conv-harm")]  # unseen first
    assert "Rang the duty safeguarding lead" in page.text and "<strong>1</strong>" in page.text
    marked = _audit(server, "mark_seen", "rita")[-1]
    assert marked.target == sid("conv-harm")
    assert json.loads(marked.detail)["note"] == "Rang the duty safeguarding lead"
    views = len(_audit(server, "view_attention", "rita"))
    assert views >= 2
    # The page reloads itself every 2 s: a reload showing the same list adds no audit row.
    assert 'content="2; url=/attention?auto=1"' in page.text
    assert reviewer.get(server.url + "/attention?auto=1", timeout=10).status_code == 200
    assert len(_audit(server, "view_attention", "rita")) == views
    reviewer.get(server.url + "/attention", timeout=10)  # a person opening it is always audited
    assert len(_audit(server, "view_attention", "rita")) == views + 1
    assert reviewer.get(server.url + "/attention/999999", timeout=10).status_code == 404


def _review_form(html: str, snippet: str) -> str:
    row = next(r for r in html.split("<tr")[1:] if snippet in r)
    return re.search(r'action="/review/(\d+)"', row).group(1)


def test_unsure_turns_are_reviewed_and_exported_as_training_data_rasa_accepts(
    server: Server, reviewer: requests.Session, admin: requests.Session, tmp_path: Path
) -> None:
    from rasa.shared.core.domain import Domain
    from rasa.shared.nlu.training_data.loading import load_data

    from bot.quality import validate

    page = reviewer.get(server.url + "/review", timeout=10)
    assert page.status_code == 200 and "fallback" in page.text
    assert "&lt;b&gt;asdf&lt;/b&gt;" in page.text  # the stored text, escaped
    turn = _review_form(page.text, "asdf")
    token = csrf_from(page.text)
    refused = reviewer.post(
        server.url + f"/review/{turn}", data={"csrf_token": token, "verdict": "made_up"},
        timeout=10,
    )
    assert refused.status_code == 400
    for verdict in ("out_of_scope", "crisis_self_harm"):  # the later review replaces the first
        saved = reviewer.post(
            server.url + f"/review/{turn}", data={"csrf_token": token, "verdict": verdict},
            allow_redirects=False, timeout=10,
        )
        assert saved.status_code == 303
    assert json.loads(_audit(server, "review_turn", "rita")[-1].detail)["verdict"] == (
        "crisis_self_harm"
    )
    assert reviewer.get(server.url + "/export/reviews/nlu", timeout=10).status_code == 403
    exported = admin.get(server.url + "/export/reviews/nlu", timeout=10)
    assert exported.status_code == 200 and 'version: "3.1"' in exported.text
    path = tmp_path / "reviewed.yml"
    path.write_text(exported.text, encoding="utf-8")
    data = load_data(str(path))
    domain = Domain.load(str(ROOT / "domain.yml"))
    assert [(e.get("intent"), e.get("text")) for e in data.intent_examples] == [
        ("crisis_self_harm", "<b>asdf</b> qwerty")
    ]
    assert {e.get("intent") for e in data.intent_examples} <= set(domain.intents)
    # `rasa data validate` (the project's gate, every warning failing) accepts it with data/.
    assert validate.main([str(ROOT / "data"), str(path)]) == 0
    safety = yaml.safe_load(admin.get(server.url + "/export/reviews/safety", timeout=10).text)
    assert safety == {"crisis": [{"text": "<b>asdf</b> qwerty", "type": "crisis_self_harm"}]}
    messages = yaml.safe_load(admin.get(server.url + "/export/reviews/messages", timeout=10).text)
    assert messages["messages"][0]["was"] == "nlu_fallback"


def test_reviewer_can_view_but_not_export_or_administer(
    server: Server, reviewer: requests.Session
) -> None:
    listing = reviewer.get(server.url + "/conversations", timeout=10)
    assert listing.status_code == 200 and _listed(listing.text) == ALL
    assert "/export.csv" not in listing.text
    for path in ("/export.csv", "/export.jsonl", "/admin/audit", "/admin/users"):
        assert reviewer.get(server.url + path, timeout=10).status_code == 403
    denied = reviewer.post(
        server.url + "/admin/users",
        timeout=10,
        data={
            "name": "rita2",
            "role": "admin",
            "password": PASSWORD,
            "csrf_token": csrf_from(listing.text),
        },
    )
    assert denied.status_code == 403


def test_admin_exports_csv_and_every_export_is_audited(
    server: Server, admin: requests.Session
) -> None:
    response = admin.get(server.url + "/export.csv?crisis=yes", timeout=10)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = {row["conversation"]: row for row in csv.DictReader(io.StringIO(response.text))}
    assert set(rows) == {sid("conv-crisis"), sid("conv-harm")}
    assert rows[sid("conv-crisis")]["channel"] == "socketio"
    assert rows[sid("conv-crisis")]["crisis_intents"] == "crisis_self_harm"
    assert rows[sid("conv-crisis")]["escalated"] == "yes"
    assert rows[sid("conv-crisis")]["resources_offered"] == "uk-emergency-999;samaritans"
    assert rows[sid("conv-harm")]["concerns"] == "concern_low_mood"
    assert rows[sid("conv-harm")]["started"] == "2026-11-05T20:00:00+00:00"
    exported = _audit(server, "export", "ada")[-1]
    detail = json.loads(exported.detail)
    assert exported.target == "csv" and detail["rows"] == 2
    assert detail["filters"] == {"crisis": "yes"}
    assert sorted(detail["conversations"]) == [sid("conv-crisis"), sid("conv-harm")]


def test_admin_exports_json_lines_with_transcripts(server: Server, admin: requests.Session) -> None:
    response = admin.get(server.url + "/export.jsonl", timeout=10)
    assert response.status_code == 200
    records = [json.loads(line) for line in response.text.splitlines()]
    assert {record["conversation"] for record in records} == ALL
    fallback = next(r for r in records if r["conversation"] == sid("conv-fallback"))
    assert fallback["helpful"] == "no" and fallback["fallback_turns"] == 1
    users = [turn for turn in fallback["turns"] if turn["kind"] == "user"]
    assert [(t["intent"], t["confidence"]) for t in users] == [
        ("nlu_fallback", 0.21),
        ("concern_bonding", 0.88),
        ("deny", 0.97),
    ]
    assert any(t["kind"] == "bot" and "didn't quite" in t["text"] for t in fallback["turns"])
    assert _audit(server, "export", "ada")[-1].target == "jsonl"


def test_viewing_is_audited_and_the_log_is_visible_to_admins(
    server: Server, reviewer: requests.Session, admin: requests.Session
) -> None:
    reviewer.get(server.url + f"/conversations/view?id={sid('conv-crisis')}", timeout=10)
    reviewer.get(server.url + "/dashboard?from=2026-11-03", timeout=10)
    reviewer.get(server.url + "/conversations?channel=rest", timeout=10)
    assert _audit(server, "view_transcript", "rita")[-1].target == sid("conv-crisis")
    assert json.loads(_audit(server, "view_dashboard", "rita")[-1].detail)["filters"] == {
        "from": "2026-11-03"
    }
    listed = json.loads(_audit(server, "view_list", "rita")[-1].detail)
    assert listed["filters"] == {"channel": "rest"}
    assert sorted(listed["shown"]) == [sid("conv-harm"), sid("conv-overwhelm")]
    assert _audit(server, "login", "rita")
    log = admin.get(server.url + "/admin/audit?action=view_transcript", timeout=10)
    assert log.status_code == 200 and sid("conv-crisis") in log.text and "rita" in log.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ALL),
        ("from=2026-11-03&to=2026-11-03", {sid("conv-crisis"), sid("conv-fallback")}),
        ("from=2026-11-04", {sid("conv-harm")}),
        ("to=2026-11-02", {sid("conv-overwhelm")}),
        ("channel=telegram", {sid("conv-fallback")}),
        ("concern=concern_overwhelm", {sid("conv-overwhelm")}),
        ("concern=concern_low_mood", {sid("conv-harm")}),
        ("crisis=yes", {sid("conv-crisis"), sid("conv-harm")}),
        ("crisis=no", {sid("conv-overwhelm"), sid("conv-fallback")}),
        ("fallback=yes", {sid("conv-fallback")}),
        ("fallback=no", ALL - {sid("conv-fallback")}),
        ("helpful=yes", {sid("conv-overwhelm")}),
        ("helpful=no", {sid("conv-fallback")}),
        ("helpful=unanswered", {sid("conv-crisis"), sid("conv-harm")}),
        ("crisis=yes&channel=rest", {sid("conv-harm")}),
        ("from=not-a-date&crisis=maybe", ALL),  # bad values are ignored, not errors
    ],
)
def test_filters_return_the_right_conversations(
    server: Server, reviewer: requests.Session, query: str, expected: set[str]
) -> None:
    response = reviewer.get(f"{server.url}/conversations?{query}", timeout=10)
    assert response.status_code == 200
    assert _listed(response.text) == expected


def test_transcript_shows_intents_confidences_and_replies_escaped(
    server: Server, reviewer: requests.Session
) -> None:
    page = reviewer.get(f"{server.url}/conversations/view?id={sid('conv-fallback')}",
                        timeout=10).text
    assert "&lt;b&gt;asdf&lt;/b&gt; qwerty" in page and "<b>asdf" not in page
    for intent, confidence in (("nlu_fallback", "0.21"), ("concern_bonding", "0.88")):
        assert re.search(
            rf'class="intent">{intent}</span>\s*<span class="confidence">'
            rf"confidence {confidence}</span>",
            page,
        )
    assert "Sorry, I didn&#39;t quite understand." in page
    assert "action_default_fallback" in page
    assert "signpost_helpful = no" in page
    crisis = reviewer.get(f"{server.url}/conversations/view?id={sid('conv-crisis')}",
                          timeout=10).text
    assert "crisis_self_harm" in crisis and "confidence 1.00" in crisis
    assert "action_escalate_crisis" in crisis and "call 999" in crisis
    missing = reviewer.get(server.url + "/conversations/view?id=nope", timeout=10)
    assert missing.status_code == 404


def _chart_values(html: str, heading: str) -> dict[str, float]:
    section = html.split(f"<h2>{heading}</h2>", 1)[1].split("</section>", 1)[0]
    svg = section.split("<svg", 1)[1].split("</svg>", 1)[0]
    return {
        label: float(value)
        for label, value in re.findall(r'data-label="([^"]+)" data-value="([^"]+)"', svg)
    }


def test_dashboard_renders_svg_charts_with_the_right_counts(
    server: Server, reviewer: requests.Session
) -> None:
    page = reviewer.get(server.url + "/dashboard", timeout=10).text
    assert page.count("<svg") == 10 and "<script" not in page
    assert _chart_values(page, "Conversations per day") == {
        "2026-11-02": 1,
        "2026-11-03": 2,
        "2026-11-04": 0,
        "2026-11-05": 1,
    }
    assert _chart_values(page, "Concerns") == {
        "concern_overwhelm": 1,
        "concern_bonding": 1,
        "concern_low_mood": 1,
    }
    assert _chart_values(page, "Crises") == {"crisis_self_harm": 1, "crisis_harm_baby": 1}
    assert re.search(r'id="tile-escalated">2<', page)
    assert re.search(r'id="tile-conversations">4<', page)
    assert "1 of 8 user turns" in page
    assert _chart_values(page, "Fallback rate")["2026-11-03"] == pytest.approx(0.25)
    resources = _chart_values(page, "Resources offered")
    assert resources["samaritans"] == 2 and resources["parent-infant-foundation"] == 1
    assert _chart_values(page, "Was this helpful?") == {"yes": 1, "no": 1, "not answered": 2}
    one_day = reviewer.get(server.url + "/dashboard?from=2026-11-03&to=2026-11-03", timeout=10)
    assert _chart_values(one_day.text, "Conversations per day") == {"2026-11-03": 2}
    assert re.search(r'id="tile-escalated">1<', one_day.text)


def test_dashboard_shows_the_staff_loop(server: Server, reviewer: requests.Session) -> None:
    # One alert seen and one turn reviewed (the same as the tests above do; repeating is safe).
    queue = reviewer.get(server.url + "/attention", timeout=10).text
    row = next(r for r in queue.split("<tr")[1:] if sid("conv-harm") in r)
    alert_id = re.search(r'href="/attention/(\d+)"', row)  # absent once it has been seen
    token = csrf_from(queue)
    if alert_id:
        reviewer.post(server.url + f"/attention/{alert_id.group(1)}",
                      data={"csrf_token": token, "note": "seen"}, timeout=10)
    turn = _review_form(reviewer.get(server.url + "/review", timeout=10).text, "asdf")
    reviewer.post(server.url + f"/review/{turn}",
                  data={"csrf_token": token, "verdict": "crisis_self_harm"}, timeout=10)
    page = reviewer.get(server.url + "/dashboard", timeout=10).text
    assert _chart_values(page, "Crisis alerts per day") == {"2026-11-03": 1, "2026-11-05": 1}
    assert _chart_values(page, "By type") == {"crisis_self_harm": 1, "crisis_harm_baby": 1}
    assert _chart_values(page, "By what fired") == {"patterns": 1, "classifier": 1}
    assert _chart_values(page, "Unsure turns")["2026-11-03"] == pytest.approx(0.25)
    assert re.search(r'id="tile-unseen">1<', page) and re.search(r'id="tile-reviews">1<', page)
    assert "100% with a wrong intent" in page
    assert re.search(r'id="tile-seen-median">\d+ min<', page)


@contextmanager
def own_server(tmp_path: Path, **env: str) -> Iterator[Server]:
    """A server on its own empty database, so its limits see only this test's attempts."""
    running = start_server(f"sqlite:///{tmp_path / 'own.db'}", **env)
    running.add_user("ivy", "admin")
    try:
        yield running
    finally:
        stop_server(running)


def test_per_ip_rate_limit_covers_every_account(tmp_path: Path) -> None:
    with own_server(tmp_path, BOT_REVIEW_IP_ATTEMPTS="4") as strict:
        statuses = [
            login(strict.url, name, "wrong-password-123")[1].status_code
            for name in ("ivy", "someone", "else", "other")
        ]
        assert statuses == [401, 401, 401, 401]
        _, blocked = login(strict.url, "ivy", PASSWORD)  # fifth attempt from this IP
        assert blocked.status_code == 429 and "Too many login attempts" in blocked.text


def test_cookies_are_secure_when_configured(tmp_path: Path) -> None:
    with own_server(tmp_path, BOT_REVIEW_COOKIE_SECURE="true") as secure:
        prelogin = requests.get(secure.url + "/login", timeout=10).headers["set-cookie"]
        assert "Secure" in prelogin and "HttpOnly" in prelogin and "SameSite=Strict" in prelogin
