"""The chat page server (bot/web): settings, templates, the cleaned widget bundle, headers."""

from __future__ import annotations

import http.client
import json
import logging
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.web.page import TemplateError, render_embed, render_html
from bot.web.security import content_security_policy
from bot.web.server import serve
from bot.web.settings import WEB_DIR, SettingsError, WebSettings, from_env
from bot.web.vendor import VendorError, load_widget_bundle, strip_font_imports

FONT = "@import url(https://fonts.googleapis.com/css?family=Inter:400,500,700&display=swap);"


def fake_web_dir(root: Path, version: str = "1.0.1") -> Path:
    """web/public as committed, beside a stand-in rasa-webchat package."""
    shutil.copytree(WEB_DIR / "public", root / "public")
    package = root / "node_modules" / "rasa-webchat"
    (package / "lib").mkdir(parents=True)
    (package / "package.json").write_text(json.dumps({"version": version}))
    css = json.dumps(FONT + ".rw-conversation-container{color:red}")
    (package / "lib" / "index.js").write_text(f"window.WebChat={{css:{css}}};")
    return root


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, int]]:
    settings = WebSettings(port=0, web_dir=fake_web_dir(tmp_path), exit_url="http://127.0.0.1:1/x")
    httpd = serve(settings)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[0], httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def request(address: tuple[str, int], method: str, path: str) -> http.client.HTTPResponse:
    conn = http.client.HTTPConnection(*address, timeout=5)
    conn.request(method, path)
    response = conn.getresponse()
    response.body = response.read()  # type: ignore[attr-defined]
    conn.close()
    return response


def test_font_imports_are_stripped_and_nothing_else() -> None:
    source = f'x("{FONT}"),y("{FONT}.rw-a{{}}")'
    assert strip_font_imports(source) == 'x(""),y(".rw-a{}")'


def test_a_font_host_left_in_the_bundle_is_refused() -> None:
    with pytest.raises(VendorError, match="fonts.gstatic.com"):
        strip_font_imports("src:url(https://fonts.gstatic.com/inter.woff2)")


def test_the_widget_bundle_must_be_the_pinned_version(tmp_path: Path) -> None:
    with pytest.raises(VendorError, match="1.0.1 expected"):
        load_widget_bundle(fake_web_dir(tmp_path, version="1.0.0"))


def test_a_missing_bundle_says_how_to_install_it(tmp_path: Path) -> None:
    with pytest.raises(VendorError, match="npm ci"):
        load_widget_bundle(tmp_path)


def test_page_values_are_html_escaped() -> None:
    assert render_html('<a href="{{url}}">', {"url": '"><script>'}) == (
        '<a href="&quot;&gt;&lt;script&gt;">'
    )


def test_an_unknown_placeholder_is_an_error() -> None:
    with pytest.raises(TemplateError, match="nope"):
        render_html("{{ nope }}", {})


def test_embed_defaults_are_a_json_literal() -> None:
    settings = WebSettings(page="hv-hub", region="uk-sct")
    script = render_embed("var DEFAULTS = /*NURTURE_DEFAULTS*/{};", settings)
    literal = script.removeprefix("var DEFAULTS = ").removesuffix(";")
    assert json.loads(literal) == {
        "socketUrl": "http://127.0.0.1:5005",
        "region": "uk-sct",
        "page": "hv-hub",
        "exitUrl": "https://www.bbc.co.uk/weather",
    }


@pytest.mark.parametrize(
    "bad",
    [
        {"region": "uk"},
        {"region": "mars"},
        {"page": "<b>"},
        {"socket_url": "javascript:alert(1)"},
        {"exit_url": "file:///etc/passwd"},
        {"port": 70000},
    ],
)
def test_bad_settings_are_refused(bad: dict) -> None:
    with pytest.raises(SettingsError):
        WebSettings(**bad)


def test_settings_come_from_the_environment() -> None:
    settings = from_env(
        {"BOT_WEB_PORT": "9000", "BOT_REGION": "ie", "BOT_SOCKET_URL": "https://bot.example/"}
    )
    assert (settings.port, settings.region, settings.socket_url) == (9000, "ie", "https://bot.example")
    assert settings.websocket_origin == "wss://bot.example"


def test_the_csp_allows_only_this_origin_and_the_rasa_socket() -> None:
    policy = content_security_policy(WebSettings(socket_url="http://127.0.0.1:5005"))
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'self'"
    assert directives["connect-src"] == "'self' http://127.0.0.1:5005 ws://127.0.0.1:5005"
    assert directives["frame-ancestors"] == "'none'"
    assert "googleapis" not in policy


def test_the_page_is_served_with_security_headers(server: tuple[str, int]) -> None:
    response = request(server, "GET", "/")
    assert response.status == 200
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    page = response.body.decode()  # type: ignore[attr-defined]
    assert "{{" not in page
    assert "automated assistant" in page
    assert 'href="tel:999"' in page
    assert 'data-region="uk-eng"' in page


def test_the_served_widget_has_no_font_import(server: tuple[str, int]) -> None:
    response = request(server, "GET", "/vendor/rasa-webchat.js")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    assert b"googleapis" not in response.body  # type: ignore[attr-defined]
    assert response.headers["Cross-Origin-Resource-Policy"] == "cross-origin"


@pytest.mark.parametrize("path", ["/../pyproject.toml", "/public/index.html", "/node_modules/x"])
def test_only_the_asset_table_is_served(server: tuple[str, int], path: str) -> None:
    response = request(server, "GET", path)
    assert response.status == 404
    assert "Content-Security-Policy" in response.headers


def test_other_methods_are_refused_with_the_same_headers(server: tuple[str, int]) -> None:
    response = request(server, "POST", "/")
    assert response.status == 501
    assert response.headers["X-Frame-Options"] == "DENY"


def test_request_logs_carry_no_client_address(
    server: tuple[str, int], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="bot.web"):
        request(server, "HEAD", "/embed.js")
    assert caplog.messages
    assert all("127.0.0.1" not in message for message in caplog.messages)
