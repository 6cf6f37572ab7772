"""`python -m bot serve` as a real process: HTTP mode, live reload, refused edits reported."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from slack_sdk.signature import SignatureVerifier

from tests.conftest import KNOWLEDGE, ROOT
from tests.slack_helpers import event
from tests.slack_mock import BOT_USER_ID, SlackMock, wait_until

SECRET = "0123456789abcdef0123456789abcdef"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _mention(port: int, text: str, event_id: str) -> int:
    body = json.dumps(event("app_mention", event_id=event_id, text=f"<@{BOT_USER_ID}> {text}")).encode()
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body.decode())
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/slack/events",
        data=body,
        headers={
            "Content-Type": "application/json",
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": signature,
        },
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status


def _touch(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    later = time.time() + 2
    os.utime(path, (later, later))


def test_serve_answers_reloads_good_edits_and_reports_bad_ones(tmp_path: Path):
    knowledge = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, knowledge)
    port = _free_port()
    with SlackMock() as mock:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_"))},
            "SLACK_BOT_TOKEN": "xoxb-serve-test",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": mock.api_url,
            "BOT_MAINTAINERS_CHANNEL": "C0MAINTAIN",
            "BOT_DATA_DIR": str(tmp_path / "data"),
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--knowledge", str(knowledge), "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            wait_until(lambda: _healthy(port), timeout=30)
            assert _mention(port, "who is Elin Kure", "Ev0SERVE1") == 200
            first = mock.wait_for("chat.postMessage", 1)[0]
            assert "Elin Kure" in first["text"]

            _touch(knowledge / "people.yaml", "name: Elin Kure", "name: Elin H. Kure")
            time.sleep(3)  # the bot looks once a second; "within about 3 seconds"
            _mention(port, "who is Elin Kure", "Ev0SERVE2")
            second = mock.wait_for("chat.postMessage", 2)[1]
            assert "Elin H. Kure" in second["text"]

            _touch(knowledge / "people.yaml", "  - org: uib", "  - org: uibb")
            wait_until(lambda: any(m.get("channel") == "C0MAINTAIN" for m in mock.of("chat.postMessage")), 10)
            report = next(m for m in mock.of("chat.postMessage") if m.get("channel") == "C0MAINTAIN")
            assert "people.yaml:" in report["text"] and "uibb" in report["text"]

            _mention(port, "who works in Bergen", "Ev0SERVE3")
            third = [m for m in mock.wait_for("chat.postMessage", 4) if m.get("channel") == "C0GENERAL"][-1]
            assert "Anders Molven" in third["text"], "the last good knowledge keeps serving"
        finally:
            server.terminate()
            _, errors = server.communicate(timeout=10)
    log = errors.decode()
    assert "people.yaml:" in log and "uibb" in log
    assert "xoxb-serve-test" not in log and SECRET not in log
    assert server.returncode == 0, "SIGTERM is a normal stop"


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False
