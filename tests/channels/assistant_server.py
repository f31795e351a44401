"""`rasa run` with the trained model and the project's credentials.yml, as a subprocess.

The messaging connectors are switched on only through environment variables
and their send APIs point at a local fake, exactly as in production with a proxy.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parents[2]
MODEL = ROOT / "models" / "nurture.tar.gz"
API_TOKEN = "channels-test-api-token"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def project_endpoints(action_server_url: str) -> str:
    """The project's endpoints.yml (tracker store, lock store), with the given action server."""
    contract = "http://127.0.0.1:5055/webhook"
    source = (ROOT / "endpoints.yml").read_text(encoding="utf-8")
    assert contract in source, f"endpoints.yml no longer names {contract}"
    return source.replace(contract, action_server_url)


class AssistantServer:
    def __init__(self, workdir: Path, action_server_url: str, env: dict[str, str],
                 endpoints_yml: str | None = None) -> None:
        self.workdir = workdir
        self.port = free_port()
        # A private copy: the model file may be replaced by a training run meanwhile.
        self.model = workdir / "nurture.tar.gz"
        shutil.copyfile(MODEL, self.model)
        endpoints = workdir / "endpoints.yml"
        endpoints.write_text(
            endpoints_yml or f'action_endpoint:\n  url: "{action_server_url}"\n'
        )
        self.log = workdir / "rasa.log"
        self._env = {**os.environ, **env, "BOT_API_TOKEN": API_TOKEN}
        self._args = [
            sys.executable, "-m", "rasa", "run",
            "--enable-api", "--auth-token", API_TOKEN,
            "-i", "127.0.0.1", "-p", str(self.port),
            "--model", str(self.model),
            "--endpoints", str(endpoints),
            "--credentials", str(ROOT / "credentials.yml"),
        ]  # fmt: skip
        self._proc: subprocess.Popen[bytes] | None = None

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self, timeout: float = 240) -> AssistantServer:
        with self.log.open("wb") as log:
            self._proc = subprocess.Popen(
                self._args, cwd=ROOT, env=self._env, stdout=log, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"rasa run exited:\n{self.log.read_text()[-3000:]}")
            try:
                status = requests.get(self.url("/status"), params={"token": API_TOKEN}, timeout=2)
                if status.ok and status.json().get("model_file"):
                    return self
            except requests.RequestException:
                pass
            time.sleep(1)
        self.stop()
        raise RuntimeError(f"rasa run did not start:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout=10)

    def post(self, path: str, headers: dict[str, str], body: bytes) -> requests.Response:
        return requests.post(self.url(path), data=body, headers=headers, timeout=60)

    def events(self, sender: str) -> list[dict[str, Any]]:
        reply = requests.get(
            self.url(f"/conversations/{quote(sender, safe=':+')}/tracker"),
            params={"token": API_TOKEN},
            timeout=10,
        )
        reply.raise_for_status()
        return reply.json()["events"]

    def user_texts(self, sender: str) -> list[str]:
        return [e.get("text") or "" for e in self.events(sender) if e["event"] == "user"]

    def bot_messages(self, sender: str) -> list[dict[str, Any]]:
        return [e for e in self.events(sender) if e["event"] == "bot"]
