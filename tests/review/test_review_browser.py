"""Login -> list -> transcript -> dashboard in Debian's headless Chromium, driven by
playwright-core from npm (it never downloads a browser). Screenshots go to results/review/."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from review_support import IN_CI, PASSWORD, ROOT, sid, start_server, stop_server

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
BROWSER_DIR = Path(__file__).with_name("browser")
SHOTS = ROOT / "results" / "review"


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)"
    if not shutil.which("node"):
        return "node is not installed"
    if not (BROWSER_DIR / "node_modules" / "playwright-core").is_dir():
        return f"playwright-core not installed: run `npm ci` in {BROWSER_DIR}"
    return None


@pytest.mark.slow
def test_staff_can_log_in_and_walk_the_pages_in_chromium(sqlite_url: str) -> None:
    missing = _missing()
    if missing:
        if IN_CI:
            pytest.fail(f"{missing} (CI=true: the browser test must run; `make review-deps`)")
        pytest.skip(f"{missing}; CI is not 'true', so the browser test is skipped")
    SHOTS.mkdir(parents=True, exist_ok=True)
    server = start_server(sqlite_url)
    try:
        server.add_user("bea", "reviewer")
        result = subprocess.run(
            ["node", "review_flow.mjs"],
            cwd=BROWSER_DIR,
            env={
                **os.environ,
                "REVIEW_URL": server.url,
                "REVIEW_USER": "bea",
                "REVIEW_PASSWORD": PASSWORD,
                "REVIEW_FALLBACK_ID": sid("conv-fallback"),
                "SCREENSHOT_DIR": str(SHOTS),
                "CHROMIUM": str(CHROMIUM),
            },
            capture_output=True,
            text=True,
            timeout=180,
        )
    finally:
        stop_server(server)
    assert result.returncode == 0, result.stdout + result.stderr
    for name in ("review-list.png", "review-transcript.png", "review-dashboard.png",
                 "review-attention.png", "review-queue.png"):
        assert (SHOTS / name).stat().st_size > 10_000
