"""`python -m bot serve` in Socket Mode as a real process: connects, answers, keeps its heartbeat, stops."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from bot.health import HEARTBEAT_FILE
from tests.conftest import KNOWLEDGE, ROOT
from tests.net_helpers import stop
from tests.slack_helpers import event
from tests.slack_mock import SlackMock, wait_until
from tests.socket_mode_server import SocketModeServer


def test_serve_in_socket_mode_answers_keeps_a_heartbeat_and_stops_on_sigterm(tmp_path: Path):
    data = tmp_path / "data"
    with SlackMock() as mock:
        server = SocketModeServer()
        mock.socket_url = server.url
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_", "LOG_"))},
            "SLACK_BOT_TOKEN": "xoxb-socket-serve-test",
            "SLACK_APP_TOKEN": "xapp-1-A0001-socketservetest",
            "SLACK_API_URL": mock.api_url,
            "BOT_DATA_DIR": str(data),
        }
        log = tmp_path / "serve.log"
        with log.open("wb") as errors:
            bot = subprocess.Popen(
                [sys.executable, "-m", "bot", "serve", "--knowledge", str(KNOWLEDGE)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        try:
            wait_until(lambda: (data / HEARTBEAT_FILE).exists() or bot.poll() is not None, timeout=30)
            assert bot.poll() is None, log.read_text()
            # The server counts a connection in its own thread, after the handshake the bot's connect() waited on.
            wait_until(lambda: server.connections >= 1, timeout=10)
            assert server.connections == 1 and mock.of("apps.connections.open"), "connected through the Web API's URL"

            health = subprocess.run([sys.executable, "-m", "bot", "healthcheck"], env=env, capture_output=True)
            assert health.returncode == 0, health.stderr

            server.send("env-serve-1", "events_api", event("app_mention", event_id="Ev0SOCKETSERVE"))
            wait_until(lambda: server.acked("env-serve-1"))
            [answer] = mock.wait_for("chat.postMessage")
            assert answer["thread_ts"] == "1715000000.000100" and "Anders Molven" in answer["text"]
        finally:
            server.close()  # first, so the bot's websocket read ends at once
            stop(bot)
    assert bot.returncode == 0, "SIGTERM is a normal stop"
    records = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    messages = [r["message"] for r in records]
    assert "connecting to Slack in Socket Mode" in messages and "stopping" in messages
    assert any(r.get("event") == "question" and r["front_end"] == "slack" for r in records)
    assert not any(secret in log.read_text() for secret in ("xoxb-socket-serve-test", "xapp-1-A0001-socketservetest"))
