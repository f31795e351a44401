"""The chat page server: `python -m bot.web.server` serves web/ on 127.0.0.1:8080.

Only the fixed asset table is served (no directory listing, no file paths from the URL), with
security headers on every response; request logs carry no client address.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Mapping
from dataclasses import replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from bot.web.assets import TEXT, Asset, build_assets
from bot.web.security import page_headers
from bot.web.settings import SettingsError, WebSettings, from_env
from bot.web.vendor import VendorError

logger = logging.getLogger("bot.web")


def make_handler(
    assets: Mapping[str, Asset], settings: WebSettings
) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to one asset table."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "nurture-web"
        sys_version = ""

        def do_GET(self) -> None:
            self._respond(with_body=True)

        def do_HEAD(self) -> None:
            self._respond(with_body=False)

        def _respond(self, with_body: bool) -> None:
            asset = assets.get(urlsplit(self.path).path)
            if asset is None:
                self._send(HTTPStatus.NOT_FOUND, Asset(b"not found\n", TEXT, {}), with_body)
                return
            self._send(HTTPStatus.OK, asset, with_body)

        def _send(self, status: HTTPStatus, asset: Asset, with_body: bool) -> None:
            self.send_response(status)
            headers = asset.headers or page_headers(settings)
            for name, value in {**headers, "Content-Type": asset.content_type}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(asset.body)))
            self.end_headers()
            if with_body:
                self.wfile.write(asset.body)

        def send_error(
            self, code: int, message: str | None = None, explain: str | None = None
        ) -> None:
            # Other methods (POST, PUT...) and malformed requests: a plain answer, same headers.
            body = f"{code} {message or HTTPStatus(code).phrase}\n".encode()
            self._send(HTTPStatus(code), Asset(body, TEXT, {}), with_body=True)

        def log_message(self, format: str, *args: object) -> None:
            # No client address: parents' IP addresses must not end up in logs.
            logger.info("%s", format % args)

    return Handler


def serve(settings: WebSettings) -> ThreadingHTTPServer:
    """A started-but-not-running server; call serve_forever() on it."""
    handler = make_handler(build_assets(settings), settings)
    server = ThreadingHTTPServer((settings.host, settings.port), handler)
    server.daemon_threads = True
    return server


def _parse_args(argv: list[str] | None) -> WebSettings:
    base = from_env()
    parser = argparse.ArgumentParser(prog="python -m bot.web.server", description=__doc__)
    parser.add_argument("--host", default=base.host)
    parser.add_argument("--port", type=int, default=base.port)
    parser.add_argument("--socket-url", default=base.socket_url, help="the Rasa server")
    parser.add_argument("--region", default=base.region)
    parser.add_argument("--page", default=base.page, help="page name sent as customData.page")
    parser.add_argument("--exit-url", default=base.exit_url, help="the quick-exit destination")
    args = parser.parse_args(argv)
    return replace(
        base,
        host=args.host,
        port=args.port,
        socket_url=args.socket_url.rstrip("/"),
        region=args.region,
        page=args.page,
        exit_url=args.exit_url,
    )


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    try:
        settings = _parse_args(argv)
        server = serve(settings)
    except (SettingsError, VendorError, OSError) as err:
        print(f"chat page server: {err}", file=sys.stderr)
        return 1
    print(f"Chat page on http://{settings.host}:{settings.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
