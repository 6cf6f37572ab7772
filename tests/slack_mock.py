"""A local mock of Slack's Web API (the recipe bolt-python's own tests use).

It listens on port 0, answers the methods the bot calls, and records every
request (path and parsed body) so tests assert the exact payloads sent.
Each posted message gets its own ts, as in Slack, so a test can tell which
message a later `chat.update` or `chat.delete` names. `conversations.replies` answers with
the posts a test put in `posts` (else `thread_not_found`), `conversations.info` with the
topics and purposes in `topics`; `refuse` and `fail` make any method fail on demand.
`response_url` calls land on /respond/... and are recorded the same way.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

BOT_USER_ID = "UBOT0001"
BOT_ID = "BBOT0001"


@dataclass
class Call:
    path: str
    body: dict[str, Any]
    headers: dict[str, str]

    @property
    def method(self) -> str:
        return self.path.rsplit("/", 1)[-1]


@dataclass
class SlackMock:
    """Start with `with SlackMock() as mock:`; point clients at `mock.api_url`."""

    calls: list[Call] = field(default_factory=list)
    failures: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    stalls: dict[str, list[float]] = field(default_factory=dict)
    socket_url: str | None = None
    channel_names: dict[str, str] = field(default_factory=dict)
    refuse: dict[str, str] = field(default_factory=dict)  # method -> Slack error, e.g. invalid_auth
    users: dict[str, dict[str, Any]] = field(default_factory=dict)  # user id -> users.info's profile (tz, locale)
    waiting: dict[str, dict[str, Any]] = field(default_factory=dict)  # scheduled message id -> what is scheduled
    posts: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (channel, ts) -> message
    topics: dict[str, dict[str, str]] = field(default_factory=dict)  # channel -> {"topic": …, "purpose": …}
    _posted: int = 0
    _server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_port}"

    @property
    def api_url(self) -> str:
        return f"{self.url}/api/"

    def response_url(self, name: str = "hook") -> str:
        return f"{self.url}/respond/{name}"

    def fail(self, method: str, status: int, times: int = 1, headers: dict[str, str] | None = None) -> None:
        """Answer the next `times` calls of a method with an HTTP error (e.g. 429 with Retry-After)."""
        self.failures.setdefault(method, []).extend([(status, headers or {})] * times)

    def post_in(self, channel: str, ts: str, text: str, **fields: Any) -> None:
        """A message `conversations.replies` finds as the first message of the thread at `ts`."""
        self.posts[(channel, ts)] = {"type": "message", "user": "U0POSTER1", "text": text, "ts": ts, **fields}

    def stall(self, method: str, seconds: float, times: int = 1) -> None:
        """Answer the next `times` calls of a method only after `seconds` (a slow Slack)."""
        self.stalls.setdefault(method, []).extend([seconds] * times)

    def of(self, method: str) -> list[dict[str, Any]]:
        with self._lock:
            return [c.body for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.of(method)
            if len(found) >= count:
                return found
            time.sleep(0.02)
        raise AssertionError(f"expected {count} call(s) of {method}, got {len(self.of(method))}")

    def _answer(self, method: str, body: dict[str, Any]) -> dict[str, Any]:
        if method in self.refuse:
            return {"ok": False, "error": self.refuse[method]}
        if method == "auth.test":
            return {"ok": True, "user_id": BOT_USER_ID, "bot_id": BOT_ID, "team_id": "T0001", "user": "bot"}
        if method == "apps.connections.open":
            return {"ok": True, "url": self.socket_url}
        if method == "conversations.info":
            channel = body.get("channel", "")
            found: dict[str, Any] = {"id": channel, "name": self.channel_names.get(channel, "random")}
            for kind, value in self.topics.get(channel, {}).items():
                found[kind] = {"value": value, "creator": "U0POSTER1", "last_set": 1715000000}
            return {"ok": True, "channel": found}
        if method == "conversations.replies":
            post = self.posts.get((body.get("channel", ""), str(body.get("ts", ""))))
            if post is None:
                return {"ok": False, "error": "thread_not_found"}
            return {"ok": True, "messages": [post], "has_more": False}
        if method == "chat.getPermalink":
            ts = str(body.get("message_ts", "")).replace(".", "")
            return {
                "ok": True,
                "channel": body.get("channel"),
                "permalink": f"https://example.slack.com/archives/{body.get('channel')}/p{ts}",
            }
        if method == "chat.postMessage":
            with self._lock:
                self._posted += 1
                ts = f"{int(time.time())}.{self._posted:06d}"
            return {"ok": True, "channel": _dm_of(body.get("channel")), "ts": ts, "message": body}
        if method == "chat.update":
            return {"ok": True, "channel": body.get("channel"), "ts": body.get("ts"), "text": body.get("text", "")}
        if method == "chat.delete":
            return {"ok": True, "channel": body.get("channel"), "ts": body.get("ts")}
        if method == "users.info":
            user = str(body.get("user", ""))
            return {"ok": True, "user": {"id": user, **self.users.get(user, {})}}
        if method == "chat.scheduleMessage":
            message_id = f"Q{len(self.of('chat.scheduleMessage')):08d}"
            with self._lock:
                self.waiting[message_id] = body
            channel = _dm_of(body.get("channel"))
            return {"ok": True, "channel": channel, "scheduled_message_id": message_id, "post_at": body.get("post_at")}
        if method == "chat.deleteScheduledMessage":
            with self._lock:
                found = self.waiting.pop(str(body.get("scheduled_message_id")), None)
            return {"ok": True} if found else {"ok": False, "error": "invalid_scheduled_message_id"}
        return {"ok": True}

    def __enter__(self) -> SlackMock:
        mock = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8") if length else ""
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    body = dict(parse_qsl(raw))
                    for key in ("blocks", "view"):
                        if isinstance(body.get(key), str):
                            body[key] = json.loads(body[key])
                path, _, query = self.path.partition("?")  # Web API GET methods (conversations.*) take a query
                body = {**dict(parse_qsl(query)), **body}
                call = Call(path, body, dict(self.headers))
                with mock._lock:
                    mock.calls.append(call)
                    pending = mock.failures.get(call.method) or []
                    failure = pending.pop(0) if pending else None
                    stalls = mock.stalls.get(call.method) or []
                    delay = stalls.pop(0) if stalls else 0
                if delay:
                    time.sleep(delay)
                if failure:
                    status, headers = failure
                    self.send_response(status)
                    for name, value in headers.items():
                        self.send_header(name, value)
                    payload = b'{"ok": false, "error": "ratelimited"}'
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                answer = mock._answer(call.method, body) if call.path.startswith("/api/") else {"ok": True}
                payload = json.dumps(answer).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST

        class Server(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that gave up (timeout test) is not the mock's problem

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.shutdown()
        self._server.server_close()


def _dm_of(channel: object) -> object:
    """Slack answers a message sent to a user id from the DM channel it opened (U0ABC -> D0ABC)."""
    if isinstance(channel, str) and channel[:1] in "UW" and len(channel) > 1:
        return "D" + channel[1:]
    return channel


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError("condition not met in time")
