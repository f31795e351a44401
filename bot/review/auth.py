"""Request-level security: who is signed in, role checks, CSRF on every POST, cookies.

Kept apart from the routes so no page can forget a check: the middleware here runs
before every handler.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from functools import wraps
from typing import Any
from urllib.parse import urlencode, urlsplit

from sanic import Request, response
from sanic.response import BaseHTTPResponse, HTTPResponse

from . import csrf
from .sessions import Session, load_session

SESSION_COOKIE = "nurture_review_session"
Handler = Callable[..., Coroutine[Any, Any, HTTPResponse]]


def secure_cookies(request: Request) -> bool:
    mode = request.app.ctx.config.cookie_secure
    return mode in ("true", "1", "yes") or (mode == "auto" and request.scheme == "https")


def set_cookie(
    request: Request, resp: HTTPResponse, name: str, value: str, max_age: int | None = None
) -> None:
    resp.cookies[name] = value
    cookie = resp.cookies[name]
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["path"] = "/"
    if max_age is not None:
        cookie["max-age"] = max_age
    if secure_cookies(request):
        cookie["secure"] = True


def clear_cookie(request: Request, resp: HTTPResponse, name: str) -> None:
    set_cookie(request, resp, name, "", max_age=0)


def current(request: Request) -> Session | None:
    return getattr(request.ctx, "session", None)


def _same_origin(request: Request) -> bool:
    """A browser's Origin header, when sent, must name this host."""
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.host


async def load_user(request: Request) -> HTTPResponse | None:
    """Middleware: attach the session, and refuse any POST without a valid CSRF token."""
    app = request.app
    token = request.cookies.get(SESSION_COOKIE)
    request.ctx.session = load_session(app.ctx.engine, app.ctx.config, token) if token else None
    if request.method != "POST":
        return None
    if not _same_origin(request):
        return response.text("Cross-site request refused.", status=403)
    submitted = request.form.get(csrf.FIELD) if request.form else None
    submitted = submitted or request.headers.get("x-csrf-token")
    if request.path == "/login":
        nonce = request.cookies.get(csrf.PRELOGIN_COOKIE)
        ok = csrf.valid_prelogin(app.ctx.config.secret, nonce, submitted)
    else:
        session = current(request)
        ok = session is not None and csrf.valid_session_token(session.csrf_token, submitted)
    if not ok:
        return response.text("Missing or invalid CSRF token: reload the page.", status=403)
    return None


def _login_redirect(request: Request) -> HTTPResponse:
    target = request.path + (f"?{request.query_string}" if request.query_string else "")
    return response.redirect("/login?" + urlencode({"next": target}), status=303)


def login_required(role: str | None = None, api: bool = False) -> Callable[[Handler], Handler]:
    """Pages redirect to the login form; downloads (`api`) answer 401. Wrong role: 403."""

    def decorate(handler: Handler) -> Handler:
        @wraps(handler)
        async def wrapped(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            session = current(request)
            if session is None:
                if api:
                    return response.text("Login required.", status=401)
                return _login_redirect(request)
            if role == "admin" and not session.user.is_admin:
                return response.text("This needs an admin account.", status=403)
            return await handler(request, *args, **kwargs)

        return wrapped

    return decorate


def safe_next(target: str | None) -> str:
    """Only same-site paths after login, never '//evil.example' or a full URL."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/conversations"


def security_headers(request: Request, resp: BaseHTTPResponse) -> None:
    """Response middleware: a strict CSP (no scripts at all), no caching, no framing."""
    headers = resp.headers
    headers["Content-Security-Policy"] = (
        "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'"
    )
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "same-origin"  # no-referrer would make Origin "null"
    if not request.path.startswith("/static/"):
        headers["Cache-Control"] = "no-store"
    if request.scheme == "https":
        headers["Strict-Transport-Security"] = "max-age=31536000"
