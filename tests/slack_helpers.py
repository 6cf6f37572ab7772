"""Run the real Slack app (bolt + our listeners) against the mock API, over real HTTP."""

from __future__ import annotations

import contextlib
import copy
import hashlib
import hmac
import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slack_sdk.signature import SignatureVerifier

from bot.engine import Engine
from bot.settings import Settings
from bot.slack.app import build_app
from bot.slack.http_server import HttpLimits
from bot.slack.serve import make_http_server
from bot.slack.services import SlackServices
from bot.unanswered import UnansweredLog
from tests.slack_mock import BOT_USER_ID, SlackMock

SECRET = "0123456789abcdef0123456789abcdef"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "slack"


def fixture(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


def event(name: str, event_id: str | None = None, **changes: Any) -> dict[str, Any]:
    """A captured event payload with some fields of its `event` changed."""
    body = copy.deepcopy(fixture(name))
    body["event"].update(changes)
    if event_id:
        body["event_id"] = event_id
    return body


def settings_for(mock: SlackMock, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "bot_token": "xoxb-test-token",
        "signing_secret": SECRET,
        "api_url": mock.api_url,
        "knowledge_dir": Path(__file__).resolve().parent / "fixtures" / "knowledge",
        "data_dir": Path("/nonexistent/the-tests-pass-a-recorder"),
    }
    values.update(overrides)
    return Settings(**values)


@dataclass
class RunningBot:
    url: str
    services: SlackServices
    app: Any = None

    listeners: ThreadPoolExecutor | None = None

    def finish_background_work(self) -> None:
        """Wait until bolt's listeners that run after the ack are done: then nothing more will be sent."""
        assert self.listeners is not None
        self.listeners.shutdown(wait=True)

    def post(
        self,
        body: bytes,
        content_type: str,
        *,
        secret: str = SECRET,
        timestamp: int | None = None,
        signed: bool = True,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        request_headers = {"Content-Type": content_type, **(headers or {})}
        if signed:
            signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body.decode("utf-8"))
            request_headers |= {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}
        request = urllib.request.Request(f"{self.url}/slack/events", data=body, headers=request_headers)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def send_event(self, body: dict[str, Any], **options: Any) -> tuple[int, str]:
        return self.post(json.dumps(body).encode(), "application/json", **options)

    def send_form(self, fields: dict[str, str], **options: Any) -> tuple[int, str]:
        return self.post(urlencode(fields).encode(), "application/x-www-form-urlencoded", **options)

    def send_action(self, payload: dict[str, Any], **options: Any) -> tuple[int, str]:
        return self.send_form({"payload": json.dumps(payload)}, **options)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(f"{self.url}{path}", timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def post_signed_mention(base_url: str, text: str, event_id: str, secret: str = SECRET) -> int:
    """A mention, signed as Slack signs it, to a bot running elsewhere (a process, a container)."""
    body = json.dumps(event("app_mention", event_id=event_id, text=f"<@{BOT_USER_ID}> {text}")).encode()
    stamp = str(int(time.time()))
    signature = SignatureVerifier(secret).generate_signature(timestamp=stamp, body=body.decode())
    headers = {"Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}
    request = urllib.request.Request(f"{base_url}/slack/events", data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status


@contextmanager
def running_bot(
    mock: SlackMock,
    engine: Callable[[], Engine],
    *,
    recorder: UnansweredLog | None = None,
    process_before_response: bool = True,
    healthy: Callable[[], bool] = lambda: True,
    limits: HttpLimits | None = None,
    now: Callable[[], datetime] | None = None,
    **settings: Any,
) -> Iterator[RunningBot]:
    listeners = ThreadPoolExecutor(max_workers=5)  # bolt's pool for listeners that run after the ack
    app, services = build_app(
        settings_for(mock, **settings),
        engine,
        recorder,
        process_before_response=process_before_response,
        listener_executor=listeners,
        **({"now": now} if now else {}),
    )
    server = make_http_server(app, 0, healthy, signing_secret=SECRET, host="127.0.0.1", limits=limits)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield RunningBot(f"http://127.0.0.1:{server.port}", services, app, listeners)
    finally:
        server.shutdown()


def action_payload(action_id: str, value: str, mock: SlackMock, ephemeral: bool = False) -> dict[str, Any]:
    payload = fixture("block_actions")
    payload["actions"][0]["action_id"] = action_id
    payload["actions"][0]["value"] = value
    payload["response_url"] = mock.response_url("action")
    payload["container"]["is_ephemeral"] = ephemeral
    if ephemeral:
        payload.pop("message", None)
    return payload


def slash_command(text: str, mock: SlackMock) -> dict[str, str]:
    fields = fixture("slash_command")
    fields["text"] = text
    fields["response_url"] = mock.response_url("command")
    return fields


def everything_sent(mock: SlackMock) -> str:
    """Every text Slack would render from what the bot sent (message text and block texts).

    Button values are left out: Slack never renders them, it hands them back on a click.
    """
    texts: list[str] = []

    def walk(node: Any, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(v, k)
        elif isinstance(node, list):
            for item in node:
                walk(item, key)
        elif isinstance(node, str) and key == "text":
            texts.append(node)

    walk([c.body for c in mock.calls])
    return "\n".join(texts)


def signed(body: bytes, *, secret: str = SECRET, timestamp: str | None = None) -> dict[str, str]:
    """The two headers Slack adds, over the raw bytes (which need not be UTF-8)."""
    stamp = timestamp or str(int(time.time()))
    digest = hmac.new(secret.encode(), b"v0:" + stamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": f"v0={digest}"}


def raw_exchange(port: int, head: bytes, body: bytes = b"", timeout: float = 10.0) -> tuple[int, bytes]:
    """Send bytes exactly as given over a real socket; (status, response body). Status 0: closed without one."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        with contextlib.suppress(OSError):  # the server may answer and close before reading the rest
            sock.sendall(head + body)
        received = b""
        try:
            while chunk := sock.recv(65536):
                received += chunk
        except OSError:
            pass
    if not received.startswith(b"HTTP/"):
        return 0, received
    status = int(received.split(b" ", 2)[1])
    return status, received.partition(b"\r\n\r\n")[2]


def http_head(method: str, path: str, headers: dict[str, str]) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")
