"""The staff review web app (Sanic): login, conversation list, transcripts, dashboard,
exports and the admin pages. Every route that shows data writes an audit row.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from sanic import Request, Sanic, response
from sanic.response import HTTPResponse

from bot.names import CONCERN_INTENTS

from . import attention, audit, csrf, loop_stats, review_queue, stats
from .auth import (
    SESSION_COOKIE,
    clear_cookie,
    current,
    load_user,
    login_required,
    safe_next,
    security_headers,
    set_cookie,
)
from .charts import bar_chart, column_chart
from .config import ReviewConfig
from .conversations import conversation, conversations, summaries
from .db import connect
from .export import csv_lines, jsonl_lines
from .filters import KNOWN_CHANNELS, Filters
from .login import Outcome, authenticate
from .render import label, page, resource_names
from .roles import ROLES
from .sessions import end_session, start_session
from .users import UserError, create_user, get_user, list_users, update_user

PAGE_SIZE = 50
STATIC = Path(__file__).with_name("static")
_MESSAGES = {
    Outcome.INVALID: "Wrong name or password.",
    Outcome.LOCKED: "Too many failed attempts: this account is locked for a while. "
    "Try again later or ask an admin to unlock it.",
    Outcome.THROTTLED: "Too many login attempts. Wait a few minutes and try again.",
}
_STATUS = {Outcome.INVALID: 401, Outcome.LOCKED: 429, Outcome.THROTTLED: 429}


def _html(request: Request, template: str, status: int = 200, **context: object) -> HTTPResponse:
    session = current(request)
    body = page(
        template,
        session=session,
        user=session.user if session else None,
        csrf_token=session.csrf_token if session else "",
        path=request.path,
        **context,
    )
    return response.html(body, status=status)


def _int_arg(request: Request, name: str, default: int = 1) -> int:
    try:
        return max(1, int(request.args.get(name, default)))
    except ValueError:
        return default


def _actor(request: Request) -> str:
    session = current(request)
    return session.user.name if session else "-"


def _login_page(request: Request, message: str = "", status: int = 200) -> HTTPResponse:
    config = request.app.ctx.config
    nonce = request.cookies.get(csrf.PRELOGIN_COOKIE) or csrf.new_prelogin_nonce()
    form = request.form if request.method == "POST" and request.form else {}
    resp = _html(
        request,
        "login.html",
        status=status,
        login_token=csrf.prelogin_token(config.secret, nonce),
        next=safe_next(form.get("next") or request.args.get("next")),
        message=message,
        name=form.get("name", ""),
    )
    set_cookie(request, resp, csrf.PRELOGIN_COOKIE, nonce, max_age=3600)
    return resp


async def login_form(request: Request) -> HTTPResponse:
    if current(request):
        return response.redirect(safe_next(request.args.get("next")), status=303)
    return _login_page(request)


async def login_submit(request: Request) -> HTTPResponse:
    app = request.app
    name = (request.form.get("name") or "").strip()
    result = authenticate(
        app.ctx.engine, app.ctx.config, name, request.form.get("password") or "", request.ip
    )
    if result.outcome is not Outcome.OK or result.user is None:
        audit.record(
            app.ctx.engine, name or "-", "login_failed", ip=request.ip, outcome=result.outcome.value
        )
        return _login_page(request, _MESSAGES[result.outcome], _STATUS[result.outcome])
    token = start_session(app.ctx.engine, app.ctx.config, result.user)
    audit.record(app.ctx.engine, result.user.name, "login", ip=request.ip)
    resp = response.redirect(safe_next(request.form.get("next")), status=303)
    set_cookie(request, resp, SESSION_COOKIE, token)
    clear_cookie(request, resp, csrf.PRELOGIN_COOKIE)
    return resp


async def logout(request: Request) -> HTTPResponse:
    session = current(request)
    if session:
        end_session(
            request.app.ctx.engine, request.app.ctx.config, request.cookies.get(SESSION_COOKIE, "")
        )
        audit.record(request.app.ctx.engine, session.user.name, "logout", ip=request.ip)
    resp = response.redirect("/login", status=303)
    clear_cookie(request, resp, SESSION_COOKIE)
    return resp


async def home(request: Request) -> HTTPResponse:
    return response.redirect("/conversations" if current(request) else "/login", status=303)


@login_required()
async def conversation_list(request: Request) -> HTTPResponse:
    filters = Filters.parse({key: request.args.get(key) for key in request.args})
    found = summaries(request.app.ctx.engine, filters)
    pages = max(1, math.ceil(len(found) / PAGE_SIZE))
    number = min(_int_arg(request, "page"), pages)
    shown = found[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    audit.record(
        request.app.ctx.engine,
        _actor(request),
        "view_list",
        ip=request.ip,
        filters=filters.describe(),
        page=number,
        shown=[s.sender_id for s in shown],
    )
    channels = sorted({*KNOWN_CHANNELS, *(s.channel for s in found)})
    return _html(
        request,
        "conversations.html",
        filters=filters,
        found=shown,
        total=len(found),
        page_number=number,
        pages=pages,
        concerns=CONCERN_INTENTS,
        channels=channels,
    )


@login_required()
async def transcript_view(request: Request) -> HTTPResponse:
    sender_id = request.args.get("id") or ""
    found = conversation(request.app.ctx.engine, sender_id) if sender_id else None
    audit.record(
        request.app.ctx.engine,
        _actor(request),
        "view_transcript",
        target=sender_id,
        ip=request.ip,
        found=found is not None,
    )
    if found is None:
        return _html(request, "error.html", status=404, message="No such conversation.")
    return _html(request, "transcript.html", conversation=found)


@login_required()
async def attention_list(request: Request) -> HTTPResponse:
    engine = request.app.ctx.engine
    found = attention.alerts(engine)
    shown = [a.event_id for a in found]
    # The page reloads itself every few seconds: a reload is audited when the list changed.
    last = audit.latest(engine, _actor(request), "view_attention")
    reload = request.args.get("auto") == "1"
    if not reload or last is None or json.loads(last.detail or "{}").get("shown") != shown:
        audit.record(engine, _actor(request), "view_attention", ip=request.ip, shown=shown)
    unseen = sum(1 for a in found if not a.seen)
    refresh = request.app.ctx.config.attention_refresh_seconds
    return _html(request, "attention.html", alerts=found, unseen=unseen, refresh=refresh)


@login_required()
async def attention_item(request: Request, event_id: int) -> HTTPResponse:
    engine = request.app.ctx.engine
    found = attention.alert(engine, event_id)
    marking = request.method == "POST" and found is not None
    note = (request.form.get("note") or "").strip()[: attention.MAX_NOTE] if marking else ""
    if marking:
        found = attention.mark_seen(engine, event_id, _actor(request), note)
    audit.record(
        engine,
        _actor(request),
        "mark_seen" if marking else "view_alert",
        target=found.sender_id if found else "",
        ip=request.ip,
        alert=event_id,
        **({"note": note} if marking else {"found": found is not None}),
    )
    if marking:
        return response.redirect("/attention", status=303)
    if found is None:
        return _html(request, "error.html", status=404, message="No such alert.")
    return _html(request, "alert.html", alert=found)


def _queue(request: Request) -> list[review_queue.QueuedTurn]:
    config = request.app.ctx.config
    return review_queue.queue(
        request.app.ctx.engine, config.unsure_below, config.close_margin, config.sample_percent
    )


@login_required()
async def review_list(request: Request, message: str = "", status: int = 200) -> HTTPResponse:
    found = _queue(request)
    audit.record(
        request.app.ctx.engine, _actor(request), "view_review_queue", ip=request.ip,
        shown=[t.event_id for t in found],
    )
    return _html(
        request,
        "review_queue.html",
        status=status,
        turns=found,
        open_count=sum(1 for t in found if t.verdict is None),
        intents=review_queue.domain_intents(),
        message=message,
    )


@login_required()
async def review_turn(request: Request, event_id: int) -> HTTPResponse:
    engine = request.app.ctx.engine
    verdict = request.form.get("verdict") or ""
    sender = review_queue.record_review(engine, event_id, _actor(request), verdict)
    if sender is None:
        return await review_list(request, "Choose an intent from the list, or fine.", 400)
    audit.record(
        engine, _actor(request), "review_turn", target=sender, ip=request.ip,
        turn=event_id, verdict=verdict,
    )
    return response.redirect("/review", status=303)


EXPORTS = {
    "nlu": (review_queue.nlu_yaml, "nurture-reviewed-nlu.yml"),
    "messages": (review_queue.candidate_messages_yaml, "nurture-candidate-messages.yml"),
    "safety": (review_queue.safety_yaml, "nurture-safety-candidates.yml"),
}


@login_required(role="admin", api=True)
async def export_reviews(request: Request, kind: str) -> HTTPResponse:
    if kind not in EXPORTS:
        return response.text("Unknown export.", status=404)
    build, filename = EXPORTS[kind]
    found = review_queue.corrections(request.app.ctx.engine)
    audit.record(
        request.app.ctx.engine, _actor(request), "export", target=f"reviews-{kind}",
        ip=request.ip, rows=len(found),
    )
    return response.text(
        build(found),
        content_type="application/x-yaml; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@login_required()
async def dashboard(request: Request) -> HTTPResponse:
    filters = Filters.parse({key: request.args.get(key) for key in request.args})
    board = stats.build(summaries(request.app.ctx.engine, filters), filters)
    names = resource_names()
    charts = {
        "per_day": column_chart(
            "Conversations per day", [(d.isoformat(), n) for d, n in board.per_day]
        ),
        "fallback": column_chart(
            "Fallback rate per day (share of user turns not understood)",
            [(d.isoformat(), rate) for d, rate in board.fallback_per_day],
            percent=True,
        ),
        "concerns": bar_chart("Conversations by concern", board.concerns, label=label),
        "crises": bar_chart("Conversations by crisis type", board.crises, label=label),
        "resources": bar_chart(
            "Conversations in which each resource was offered",
            board.resources,
            label=lambda rid: names.get(rid, rid),
        ),
        "helpful": bar_chart("Answers to 'Was this helpful?'", board.helpful),
    }
    config = request.app.ctx.config
    loop = loop_stats.build(request.app.ctx.engine, config.unsure_below, config.close_margin)
    charts.update(
        alerts_per_day=column_chart("Crisis alerts per day", loop.alerts_per_day),
        alerts_by_type=bar_chart("Crisis alerts by type", loop.alerts_by_type, label=label),
        alerts_by_trigger=bar_chart("Crisis alerts by what fired", loop.alerts_by_trigger),
        unsure=column_chart(
            "Unsure or fallback share of user turns per day", loop.unsure_per_day, percent=True
        ),
    )
    audit.record(
        request.app.ctx.engine,
        _actor(request),
        "view_dashboard",
        ip=request.ip,
        filters=filters.describe(),
    )
    return _html(
        request,
        "dashboard.html",
        filters=filters,
        board=board,
        loop=loop,
        charts=charts,
        concerns=CONCERN_INTENTS,
        channels=KNOWN_CHANNELS,
    )


async def _export(request: Request, kind: str) -> HTTPResponse:
    engine = request.app.ctx.engine
    filters = Filters.parse({key: request.args.get(key) for key in request.args})
    found = summaries(engine, filters)
    audit.record(
        engine,
        _actor(request),
        "export",
        target=kind,
        ip=request.ip,
        filters=filters.describe(),
        rows=len(found),
        conversations=[s.sender_id for s in found],
    )
    if kind == "csv":
        chunks, mime = csv_lines(found), "text/csv; charset=utf-8"
    else:
        chunks, mime = jsonl_lines(conversations(engine, filters)), "application/x-ndjson"
    resp = await request.respond(
        content_type=mime,
        headers={
            "Content-Disposition": f'attachment; filename="nurture-conversations.{kind}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
    for chunk in chunks:
        await resp.send(chunk)
    await resp.eof()
    return resp


@login_required(role="admin", api=True)
async def export_csv(request: Request) -> HTTPResponse:
    return await _export(request, "csv")


@login_required(role="admin", api=True)
async def export_jsonl(request: Request) -> HTTPResponse:
    return await _export(request, "jsonl")


@login_required(role="admin")
async def audit_log(request: Request) -> HTTPResponse:
    number = _int_arg(request, "page")
    action = request.args.get("action") or None
    entries = audit.recent(request.app.ctx.engine, PAGE_SIZE + 1, (number - 1) * PAGE_SIZE, action)
    return _html(
        request,
        "audit.html",
        entries=entries[:PAGE_SIZE],
        page_number=number,
        more=len(entries) > PAGE_SIZE,
        action=action or "",
    )


@login_required(role="admin")
async def users_page(request: Request) -> HTTPResponse:
    return _users(request)


def _users(request: Request, message: str = "", status: int = 200) -> HTTPResponse:
    return _html(
        request,
        "users.html",
        status=status,
        users=list_users(request.app.ctx.engine),
        roles=ROLES,
        message=message,
    )


@login_required(role="admin")
async def users_add(request: Request) -> HTTPResponse:
    engine = request.app.ctx.engine
    form = request.form
    try:
        user = create_user(
            engine, form.get("name") or "", form.get("password") or "", form.get("role") or ""
        )
    except UserError as error:
        return _users(request, str(error), status=400)
    audit.record(
        engine, _actor(request), "user_add", target=user.name, ip=request.ip, role=user.role
    )
    return _users(request, f"Added {user.name} ({user.role}).")


@login_required(role="admin")
async def users_change(request: Request, user_id: int) -> HTTPResponse:
    engine = request.app.ctx.engine
    target = get_user(engine, user_id)
    if target is None:
        return _users(request, "No such account.", status=404)
    change = request.form.get("change") or ""
    changes: dict[str, dict[str, object]] = {
        "disable": {"active": False},
        "enable": {"active": True},
        "unlock": {"failed_logins": 0, "locked_until": None},
        "role": {"role": request.form.get("role")},
    }
    values = changes.get(change, {})
    if not values:
        return _users(request, "Unknown change.", status=400)
    session = current(request)
    assert session is not None  # login_required let the request through
    if target.id == session.user.id and change in ("disable", "role"):
        return _users(request, "You cannot disable or demote your own account.", status=400)
    try:
        update_user(engine, user_id, **values)
    except UserError as error:
        return _users(request, str(error), status=400)
    audit.record(
        engine,
        _actor(request),
        "user_change",
        target=target.name,
        ip=request.ip,
        change=change,
        **{k: v for k, v in values.items() if k == "role"},
    )
    return _users(request, f"Updated {target.name}.")


def create_app(config: ReviewConfig, name: str = "nurture_review") -> Sanic:
    """A ready-to-run app; the staff tables are created on start if missing."""
    app = Sanic(name)
    app.config.FALLBACK_ERROR_FORMAT = "text"
    app.config.REQUEST_MAX_SIZE = 64 * 1024  # forms only: nothing large is ever posted
    app.ctx.config = config
    app.ctx.engine = connect(config.db_url)
    app.register_middleware(load_user, "request")
    app.register_middleware(security_headers, "response")
    app.static("/static", str(STATIC), name="static")
    app.add_route(home, "/", methods=["GET"])
    app.add_route(login_form, "/login", methods=["GET"])
    app.add_route(login_submit, "/login", methods=["POST"], name="login_submit")
    app.add_route(logout, "/logout", methods=["POST"])
    app.add_route(conversation_list, "/conversations", methods=["GET"])
    app.add_route(transcript_view, "/conversations/view", methods=["GET"])
    app.add_route(dashboard, "/dashboard", methods=["GET"])
    app.add_route(attention_list, "/attention", methods=["GET"])
    app.add_route(review_list, "/review", methods=["GET"])
    app.add_route(review_turn, "/review/<event_id:int>", methods=["POST"])
    app.add_route(export_reviews, "/export/reviews/<kind:str>", methods=["GET"])
    app.add_route(attention_item, "/attention/<event_id:int>", methods=["GET", "POST"])
    app.add_route(export_csv, "/export.csv", methods=["GET"])
    app.add_route(export_jsonl, "/export.jsonl", methods=["GET"])
    app.add_route(audit_log, "/admin/audit", methods=["GET"])
    app.add_route(users_page, "/admin/users", methods=["GET"])
    app.add_route(users_add, "/admin/users", methods=["POST"], name="users_add")
    app.add_route(users_change, "/admin/users/<user_id:int>", methods=["POST"])
    return app
