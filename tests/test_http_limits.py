"""Hostile traffic against the real HTTP server on a local port: limits, signatures, replays, bad input."""

from __future__ import annotations

import json
import logging
import os
import selectors
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from bot.knowledge.reload import KnowledgeSource
from bot.slack.blocks import FEEDBACK, SHARE
from bot.unanswered import UnansweredLog
from tests.slack_helpers import (
    action_payload,
    event,
    http_head,
    raw_exchange,
    running_bot,
    signed,
    slash_command,
)
from tests.slack_mock import BOT_USER_ID, wait_until


@pytest.fixture
def bot(mock, engine):
    with running_bot(mock, lambda: engine) as running:
        yield running


def _port(bot) -> int:
    return int(bot.url.rsplit(":", 1)[1])


def _refusals(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if "refused a request" in r.getMessage()]


def test_a_50_mb_body_gets_413_before_it_is_sent(bot, caplog):
    head = http_head("POST", "/slack/events", {"Content-Type": "application/json", "Content-Length": "50000000"})
    with caplog.at_level(logging.INFO):
        status, _ = raw_exchange(_port(bot), head, b'{"type": "event_callback", ' + b" " * 65536)
    assert status == 413, "answered from the Content-Length, with 49.9 MB still unsent"
    assert len(_refusals(caplog)) == 1


def test_a_body_just_under_the_limit_is_still_read_and_checked(bot, caplog):
    body = urlencode({"text": "MARKER-UNDER-LIMIT " + "x" * 900_000, "user_id": "U0ALICE01"}).encode()
    with caplog.at_level(logging.DEBUG):
        status, answer = bot.post(body, "application/x-www-form-urlencoded", signed=False)
    assert status == 401 and json.loads(answer) == {"error": "not signed"}
    [line] = _refusals(caplog)
    assert line.getMessage().endswith(": not signed")
    assert "MARKER-UNDER-LIMIT" not in caplog.text


def test_a_failed_signature_logs_one_line_and_nothing_of_the_request(bot, mock, caplog):
    body = event("app_mention", event_id="Ev0SECRET", text=f"<@{BOT_USER_ID}> MARKER-PRIVATE-QUESTION")
    with caplog.at_level(logging.DEBUG):
        status, _ = bot.send_event(body, secret="ffffffffffffffffffffffffffffffff")
    assert status == 401
    assert [r.getMessage().rsplit(": ", 1)[1] for r in _refusals(caplog)] == ["the signature does not match"]
    assert "MARKER-PRIVATE-QUESTION" not in caplog.text and "U0ALICE01" not in caplog.text
    assert mock.of("chat.postMessage") == []


def test_bolts_own_log_lines_keep_no_body(bot, caplog):
    body = event("app_mention", event_id="Ev0UNKNOWN", type="no_such_event", text="MARKER-UNHANDLED")
    with caplog.at_level(logging.DEBUG):
        status, _ = bot.send_event(body)
    assert status in (200, 404)
    assert "Unhandled request (body not logged)" in caplog.text
    assert "MARKER-UNHANDLED" not in caplog.text


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("content_type", "body", "sign", "status", "reason"),
    [
        ("application/json", b'{"type": "event_callback", "event": ', True, 400, "the body is not valid JSON"),
        ("application/json", b'{"text": "caf\xe9"}', True, 400, "the body is not UTF-8"),
        ("application/json", b'{"text": "caf\xe9"}', False, 401, "not signed"),
        ("application/json", b'{"a": ' + DEEP.encode() + b"}", True, 400, "the body is JSON nested too deeply"),
        ("application/x-www-form-urlencoded", urlencode({"payload": DEEP}).encode(), True, 400, "nested too deeply"),
        ("application/x-www-form-urlencoded", b"payload=%7Bnot+json", True, 400, "the form's payload is not valid"),
        ("application/json", b"[1, 2]", True, 400, "the body is JSON but not an object"),
    ],
    ids=["bad-json", "bad-utf8-signed", "bad-utf8-unsigned", "deep-json", "deep-payload", "bad-payload", "not-object"],
)
def test_malformed_requests_get_400_or_401_and_one_line(bot, caplog, content_type, body, sign, status, reason):
    headers = {"Content-Type": content_type, "Content-Length": str(len(body)), **(signed(body) if sign else {})}
    with caplog.at_level(logging.DEBUG):
        answer = raw_exchange(_port(bot), http_head("POST", "/slack/events", headers), body)
    assert answer[0] == status
    [line] = _refusals(caplog)
    assert reason in line.getMessage()
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"Content-Length": "abc"}, 400),
        ({"Content-Length": "13", "X-Slack-Request-Timestamp": "abc", "X-Slack-Signature": "v0=00"}, 401),
        ({"X-Big": "x" * 70_000}, 431),
    ],
    ids=["content-length-abc", "timestamp-not-a-number", "oversized-header"],
)
def test_malformed_headers_get_4xx_and_one_line(bot, caplog, headers, status):
    with caplog.at_level(logging.DEBUG):
        answer = raw_exchange(_port(bot), http_head("POST", "/slack/events", headers), b'{"type": "x"}')
    assert answer[0] == status
    assert len(_refusals(caplog)) == 1
    assert not [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]


def test_an_over_long_request_line_gets_414(bot):
    assert raw_exchange(_port(bot), http_head("GET", "/" + "a" * 70_000, {}))[0] == 414


def test_the_same_signed_ask_three_times_is_answered_once(bot, mock):
    body = urlencode(slash_command("who is at KI?", mock)).encode()
    stamp = str(int(time.time()))
    for _ in range(3):
        assert bot.post(body, "application/x-www-form-urlencoded", timestamp=int(stamp))[0] == 200
    assert len([c for c in mock.calls if c.path == "/respond/command"]) == 1


def test_the_same_signed_share_five_times_posts_once(bot, mock):
    payload = action_payload(SHARE, "who is at KI", mock, ephemeral=True)
    stamp = int(time.time())
    for _ in range(5):
        assert bot.send_action(payload, timestamp=stamp)[0] == 200
    assert len([c for c in mock.calls if c.path == "/respond/action"]) == 1


def test_the_same_signed_thumbs_down_twenty_times_is_one_row(mock, engine, tmp_path: Path):
    log = UnansweredLog(tmp_path / "unanswered.sqlite3")
    with running_bot(mock, lambda: engine, recorder=log) as bot:
        payload = action_payload(FEEDBACK, '{"v": "down", "k": "people", "q": "who is at KI"}', mock)
        stamp = int(time.time())
        for _ in range(20):
            assert bot.send_action(payload, timestamp=stamp)[0] == 200
        assert len(mock.of("views.open")) == 1, "one form asking why, not twenty"
    stored = log.since(__import__("datetime").datetime(2000, 1, 1, tzinfo=__import__("datetime").UTC))
    assert len(stored) == 1


def test_the_same_click_signed_again_later_is_acted_on(bot, mock):
    """Two real clicks are two requests with their own timestamps: both count."""
    payload = action_payload(SHARE, "who is at KI", mock, ephemeral=True)
    now = int(time.time())
    bot.send_action(payload, timestamp=now - 1)
    bot.send_action(payload, timestamp=now)
    assert len([c for c in mock.calls if c.path == "/respond/action"]) == 2


@pytest.mark.parametrize(
    ("question", "person"),
    [("who is El\u200bin Ku\u200dre?", "Elin Kure"), ("who is Matthias Lo\u0308hr?", "Matthias Löhr")],
    ids=["zero-width", "decomposed-accent"],
)
def test_a_question_with_invisible_or_decomposed_characters_finds_the_person(bot, mock, question, person):
    bot.send_event(event("app_mention", event_id="Ev0NORM", text=f"<@{BOT_USER_ID}> {question}"))
    [message] = mock.wait_for("chat.postMessage")
    assert person in message["text"]


def test_healthz_is_503_while_the_reloader_is_stuck(mock, engine, knowledge_copy: Path):
    release = threading.Event()
    source = KnowledgeSource(
        knowledge_copy, on_reload=lambda _: release.wait(10), interval=0.02, settle=0, stuck_after=0.3
    )
    with running_bot(mock, lambda: source.engine, healthy=source.healthy) as bot:
        source.start()
        try:
            assert bot.get("/healthz") == (200, '{"ok": true}')
            people = knowledge_copy / "people.yaml"
            people.write_text(people.read_text(encoding="utf-8") + "\n", encoding="utf-8")
            wait_until(lambda: bot.get("/healthz")[0] == 503, timeout=5)
            assert bot.get("/healthz") == (503, '{"ok": false}')
            release.set()
            wait_until(lambda: bot.get("/healthz")[0] == 200, timeout=5)
        finally:
            release.set()
            source.stop()


def _burst(port: int, requests: list[bytes], timeout: float = 20.0) -> list[bytes]:
    """Open one connection per request at once, send them all, and read every answer."""
    selector = selectors.DefaultSelector()
    answers: dict[int, bytes] = {}
    sockets = []
    for index, request in enumerate(requests):
        sock = socket.socket()
        sock.setblocking(False)
        sock.connect_ex(("127.0.0.1", port))
        sockets.append(sock)
        selector.register(sock, selectors.EVENT_WRITE, (index, request))
        answers[index] = b""
    deadline = time.monotonic() + timeout
    open_count = len(requests)
    try:
        while open_count and time.monotonic() < deadline:
            for key, events in selector.select(timeout=0.5):
                index, pending = key.data
                sock = key.fileobj
                if events & selectors.EVENT_WRITE:
                    try:
                        sent = sock.send(pending)
                    except OSError as exc:
                        answers[index] = f"ERROR {exc}".encode()
                        selector.unregister(sock)
                        open_count -= 1
                        continue
                    pending = pending[sent:]
                    selector.modify(sock, selectors.EVENT_WRITE if pending else selectors.EVENT_READ, (index, pending))
                else:
                    try:
                        chunk = sock.recv(65536)
                    except OSError as exc:
                        chunk, answers[index] = b"", answers[index] + f"ERROR {exc}".encode()
                    answers[index] += chunk
                    if not chunk:
                        selector.unregister(sock)
                        open_count -= 1
    finally:
        for sock in sockets:
            sock.close()
    return [answers[i] for i in range(len(requests))]


def test_a_burst_of_connections_is_queued_not_reset(bot):
    """The listen queue and the connection cap hold a burst: every connection gets its answer."""
    answers = _burst(_port(bot), [http_head("GET", "/healthz", {})] * 300)
    assert [a.split(b"\r\n", 1)[0] for a in answers] == [b"HTTP/1.1 200 OK"] * 300


def test_500_signed_mentions_at_once_are_each_acked_and_answered_once(mock, engine):
    requests = []
    for n in range(500):
        body = json.dumps(event("app_mention", event_id=f"Ev0MANY{n:03d}", ts=f"1715002000.{n:06d}")).encode()
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body)), **signed(body)}
        requests.append(http_head("POST", "/slack/events", headers) + body)
    with running_bot(mock, lambda: engine, process_before_response=False) as bot:
        answers = _burst(_port(bot), requests)
        statuses = [a.split(b"\r\n", 1)[0] for a in answers]
        assert statuses == [b"HTTP/1.1 200 OK"] * 500, {s for s in statuses}
        messages = mock.wait_for("chat.postMessage", 500, timeout=30)
    assert sorted(m["thread_ts"] for m in messages) == sorted(f"1715002000.{n:06d}" for n in range(500))


def test_idle_connections_are_closed_after_the_idle_timeout(mock, engine):
    from bot.slack.http_server import HttpLimits

    with running_bot(mock, lambda: engine, limits=HttpLimits(idle_timeout=1)) as bot:
        idle = [socket.create_connection(("127.0.0.1", _port(bot))) for _ in range(20)]
        try:
            for sock in idle:
                sock.settimeout(10)
            closed = [sock.recv(1) for sock in idle]  # b"" when the server closes it
        finally:
            for sock in idle:
                sock.close()
    assert closed == [b""] * 20


def test_at_the_connection_cap_the_longest_idle_connection_makes_room(mock, engine):
    from bot.slack.http_server import HttpLimits

    with running_bot(mock, lambda: engine, limits=HttpLimits(max_connections=10, idle_timeout=60)) as bot:
        idle = [socket.create_connection(("127.0.0.1", _port(bot))) for _ in range(15)]
        try:
            assert bot.get("/healthz") == (200, '{"ok": true}')
            idle[0].settimeout(10)
            assert idle[0].recv(1) == b"", "the oldest idle connection was closed"
        finally:
            for sock in idle:
                sock.close()


@pytest.mark.parametrize("replacement", ["fifo", "dev-zero"])
def test_a_fifo_or_dev_zero_in_the_knowledge_is_refused_while_serving(mock, knowledge_copy: Path, replacement):
    source = KnowledgeSource(knowledge_copy, interval=0.02, settle=0)
    with running_bot(mock, lambda: source.engine, healthy=source.healthy) as bot:
        source.start()
        try:
            faq = knowledge_copy / "faq.yaml"
            faq.unlink()
            if replacement == "fifo":
                os.mkfifo(faq)
            else:
                faq.symlink_to("/dev/zero")
            wait_until(lambda: any("faq.yaml: not a regular file" in p for p in source.last_problems), timeout=5)
            assert bot.get("/healthz") == (200, '{"ok": true}'), "the reloader is not stuck"
            bot.send_event(event("app_mention", event_id="Ev0FIFO", text=f"<@{BOT_USER_ID}> who is Elin Kure"))
            assert "Elin Kure" in mock.wait_for("chat.postMessage")[0]["text"]
        finally:
            source.stop()


def test_the_limits_are_settings():
    from bot.errors import ConfigError
    from bot.settings import Settings

    settings = Settings.from_env(
        {"BOT_HTTP_MAX_BODY_BYTES": "2048", "BOT_HTTP_IDLE_TIMEOUT": "30", "BOT_HTTP_MAX_CONNECTIONS": "50"}
    )
    assert (settings.http_max_body_bytes, settings.http_idle_timeout, settings.http_max_connections) == (2048, 30, 50)
    defaults = Settings.from_env({})
    assert (defaults.http_max_body_bytes, defaults.http_idle_timeout, defaults.http_max_connections) == (
        1_000_000,
        15,
        1000,
    )
    with pytest.raises(ConfigError, match="BOT_HTTP_IDLE_TIMEOUT should be a whole number"):
        Settings.from_env({"BOT_HTTP_IDLE_TIMEOUT": "soon"})


def test_a_smaller_body_limit_is_kept(mock, engine):
    from bot.slack.http_server import HttpLimits

    with running_bot(mock, lambda: engine, limits=HttpLimits(max_body_bytes=2048)) as bot:
        body = urlencode({"text": "x" * 3000}).encode()
        head = http_head(
            "POST",
            "/slack/events",
            {"Content-Type": "application/x-www-form-urlencoded", "Content-Length": str(len(body))},
        )
        assert raw_exchange(_port(bot), head, body)[0] == 413
        assert bot.send_event(event("app_mention", event_id="Ev0SMALL"))[0] == 200
