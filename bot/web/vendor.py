"""The rasa-webchat bundle from web/node_modules, made safe to serve: no third-party font import."""

from __future__ import annotations

import json
import re
from pathlib import Path

WIDGET_PACKAGE = "rasa-webchat"
WIDGET_VERSION = "1.0.1"
BUNDLE = Path("node_modules") / WIDGET_PACKAGE / "lib" / "index.js"

# The widget's stylesheets start with this import; each one would send the parent's IP address
# to a font CDN. The page uses system fonts instead.
_FONT_IMPORT = re.compile(r"@import url\((?:https?:)?//fonts\.googleapis\.com/[^)]*\);?")
_THIRD_PARTY_FONT_HOSTS = ("fonts.googleapis.com", "fonts.gstatic.com")


class VendorError(RuntimeError):
    """The widget bundle is missing, of another version, or still loads third-party fonts."""


def strip_font_imports(source: str) -> str:
    """The bundle without its Google Fonts @import rules; fails if any font host is left."""
    cleaned = _FONT_IMPORT.sub("", source)
    left = [host for host in _THIRD_PARTY_FONT_HOSTS if host in cleaned]
    if left:
        raise VendorError(f"the widget bundle still refers to {', '.join(left)}")
    return cleaned


def load_widget_bundle(web_dir: Path) -> bytes:
    """The installed widget bundle, checked for version and cleaned of font imports."""
    package_json = web_dir / "node_modules" / WIDGET_PACKAGE / "package.json"
    bundle = web_dir / BUNDLE
    if not bundle.is_file():
        raise VendorError(f"{bundle} is missing: run `npm ci --ignore-scripts` in {web_dir}")
    version = _package_version(package_json)
    if version != WIDGET_VERSION:
        raise VendorError(f"{WIDGET_PACKAGE} {version} installed, {WIDGET_VERSION} expected")
    return strip_font_imports(bundle.read_text(encoding="utf-8")).encode("utf-8")


def _package_version(package_json: Path) -> str:
    return str(json.loads(package_json.read_text(encoding="utf-8")).get("version", "?"))
