"""Security headers: a strict CSP, no referrer, no framing, no caching of pages."""

from __future__ import annotations

from bot.web.settings import WebSettings


def content_security_policy(settings: WebSettings) -> str:
    """Only this server's own files; network only to the Rasa socket.io endpoint.

    Styles allow 'unsafe-inline' because the widget injects its stylesheet as <style> elements;
    scripts never run inline. Fonts come from this origin only, so no third-party font CDN.
    """
    connect = " ".join(["'self'", settings.socket_origin, settings.websocket_origin])
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            f"connect-src {connect}",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
            "object-src 'none'",
        ]
    )


def common_headers() -> dict[str, str]:
    """Headers that every response carries, page or asset."""
    return {
        "X-Content-Type-Options": "nosniff",
        # The quick-exit destination (and any linked service) must not learn the chat page URL.
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def page_headers(settings: WebSettings) -> dict[str, str]:
    """Headers for HTML: the CSP, no framing, and nothing left in caches or history snapshots."""
    return {
        **common_headers(),
        "Content-Security-Policy": content_security_policy(settings),
        "X-Frame-Options": "DENY",
        "Cross-Origin-Resource-Policy": "same-origin",
        "Cache-Control": "no-store",
    }


def script_headers() -> dict[str, str]:
    """Headers for scripts and styles, which partner sites load through the embed snippet."""
    return {
        **common_headers(),
        "Cross-Origin-Resource-Policy": "cross-origin",
        "Cache-Control": "no-cache",
    }
