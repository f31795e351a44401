"""`make run` starts Rasa with the API token from .env, whatever characters the token holds.

A generated token that began with "-" was read by Rasa's command line as an option
("argument -t/--auth-token: expected one argument"), so about one fresh install in 64 never
started. The token is now passed as `--auth-token=...` and generated in hex.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from rasa.__main__ import create_argument_parser

ROOT = Path(__file__).resolve().parents[2]


def test_a_token_that_starts_with_a_dash_reaches_rasa_as_the_token() -> None:
    parser = create_argument_parser()
    args = parser.parse_args(["run", "--enable-api", "--auth-token=-aB3_x", "-p", "5005"])
    assert args.auth_token == "-aB3_x"


def test_make_run_passes_the_token_in_the_form_rasa_reads() -> None:
    script = (ROOT / "scripts" / "run.sh").read_text(encoding="utf-8")
    rasa_line = next(line for line in script.splitlines() if "rasa run --enable-api" in line)
    assert '--auth-token="$BOT_API_TOKEN"' in rasa_line


def test_a_generated_api_token_never_starts_with_a_dash(tmp_path: Path) -> None:
    for _ in range(5):
        (tmp_path / ".env").unlink(missing_ok=True)
        subprocess.run([str(ROOT / "scripts" / "ensure_env.sh")], cwd=tmp_path, check=True)
        values = dict(line.split("=", 1) for line in (tmp_path / ".env").read_text().splitlines())
        assert re.fullmatch(r"[0-9a-f]{64}", values["BOT_API_TOKEN"])
        assert all(values[key] for key in ("BOT_PSEUDONYM_KEY", "BOT_REVIEW_SECRET"))
