"""Socket Mode end to end: a real local websocket server plays Slack's, envelopes in, acks out."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.slack.app import build_app
from tests.slack_helpers import event, fixture, settings_for
from tests.slack_mock import SlackMock, wait_until
from tests.socket_mode_server import SocketModeServer


def close_promptly(handler: SocketModeHandler) -> None:
    """`handler.close()` without its idle waits (about 1 s in slack_sdk's message queue).

    The caller closes the server first, so the client's read ends at once instead of after its
    3-second receive timeout; the queue's reader is woken with `None`, which it skips.
    """
    closing = threading.Thread(target=handler.close)
    closing.start()
    while closing.is_alive():
        handler.client.enqueue_message(None)  # type: ignore[arg-type]
        closing.join(0.01)


@pytest.fixture
def socket_bot(engine):
    with SlackMock() as mock:
        server = SocketModeServer()
        mock.socket_url = server.url
        settings = settings_for(mock, signing_secret=None, app_token="xapp-1-A0001-test")
        listeners = ThreadPoolExecutor(max_workers=5)
        app, _ = build_app(settings, lambda: engine, listener_executor=listeners)
        handler = SocketModeHandler(app, settings.app_token)
        handler.connect()
        wait_until(lambda: server.connections >= 1)
        try:
            yield mock, server, listeners
        finally:
            server.close()
            close_promptly(handler)
            listeners.shutdown()


def test_mention_over_socket_mode_is_acked_and_answered(socket_bot):
    mock, server, _ = socket_bot
    started = time.perf_counter()
    server.send("env-1", "events_api", event("app_mention"))
    wait_until(lambda: server.acked("env-1"))
    assert time.perf_counter() - started < 3
    [message] = mock.wait_for("chat.postMessage")
    assert message["thread_ts"] == "1715000000.000100" and "Anders Molven" in message["text"]
    assert mock.of("apps.connections.open"), "the socket URL came from the (mock) Web API"


def test_socket_mode_retries_are_acked_but_answered_once(socket_bot):
    mock, server, listeners = socket_bot
    body = event("app_mention", event_id="Ev0SOCKETRETRY")
    server.send("env-a", "events_api", body)
    server.send("env-b", "events_api", body, retry_attempt=1)
    wait_until(lambda: server.acked("env-a") and server.acked("env-b"))
    listeners.shutdown(wait=True)  # bolt hands a listener its work before the ack: every one has now finished
    assert len(mock.of("chat.postMessage")) == 1


def test_slash_command_over_socket_mode(socket_bot):
    mock, server, _ = socket_bot
    command = fixture("slash_command") | {"response_url": mock.response_url("socket-command"), "text": "theme 3"}
    server.send("env-cmd", "slash_commands", command)
    wait_until(lambda: server.acked("env-cmd"))
    wait_until(lambda: any(c.path == "/respond/socket-command" for c in mock.calls))
    [reply] = [c.body for c in mock.calls if c.path == "/respond/socket-command"]
    assert reply["response_type"] == "ephemeral" and "neoadjuvant" in reply["text"]
