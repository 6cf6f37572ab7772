"""`serve` under a container's limit of 1,024 open files: idle floods, big bodies, logs at DEBUG."""

from __future__ import annotations

import resource
import selectors
import shutil
import socket
import time
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from tests.conftest import KNOWLEDGE
from tests.net_helpers import answers_healthz
from tests.slack_helpers import http_head, raw_exchange
from tests.slack_mock import SlackMock
from tests.test_serve import Served, mention, serving

IDLE_TIMEOUT = 2


@pytest.fixture(scope="module")
def mock() -> Iterator[SlackMock]:
    with SlackMock() as server:
        yield server


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory, mock: SlackMock) -> Iterator[Served]:
    root = tmp_path_factory.mktemp("limited")
    shutil.copytree(KNOWLEDGE, root / "knowledge")
    with serving(
        root / "knowledge", root / "data", mock, files=1024, LOG_LEVEL="DEBUG", BOT_HTTP_IDLE_TIMEOUT=str(IDLE_TIMEOUT)
    ) as running:
        yield running


def _enough_files_for(count: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < count + 200:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 200), hard))


def _wait_all_closed(sockets: list[socket.socket], timeout: float) -> int:
    """Wait until the server has closed each socket; how many it closed."""
    selector = selectors.DefaultSelector()
    for sock in sockets:
        selector.register(sock, selectors.EVENT_READ)
    closed = 0
    deadline = time.monotonic() + timeout
    while closed < len(sockets) and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=0.2):
            try:
                data = key.fileobj.recv(1)
            except OSError:
                data = b""
            if not data:
                selector.unregister(key.fileobj)
                closed += 1
    return closed


def test_1100_idle_connections_neither_starve_health_nor_exhaust_files(served: Served, mock: SlackMock):
    _enough_files_for(1100)
    idle = []
    try:
        for _ in range(1100):
            idle.append(socket.create_connection(("127.0.0.1", served.port), timeout=5))
        # within the image's HEALTHCHECK --timeout (5 s): the test may share the machine with other workers
        assert answers_healthz(served.port, timeout=5), "/healthz answers with 1,100 idle connections open"
        assert mention(served.port, "who is Elin Kure", "Ev0IDLE1") == 200
        assert "Elin Kure" in mock.wait_for("chat.postMessage")[-1]["text"]
        assert _wait_all_closed(idle, timeout=IDLE_TIMEOUT * 5) == 1100, "every idle connection is closed"
    finally:
        for sock in idle:
            sock.close()
    assert answers_healthz(served.port) and served.process.poll() is None
    assert "Too many open files" not in served.log


def test_big_unsigned_bodies_leave_nothing_of_themselves_in_the_log_at_debug(served: Served):
    big = urlencode({"text": "MARKER-FIVE-MB " + "x" * 5_000_000, "user_id": "U0MARKER5"}).encode()
    head = http_head(
        "POST",
        "/slack/events",
        {"Content-Type": "application/x-www-form-urlencoded", "Content-Length": str(len(big))},
    )
    assert raw_exchange(served.port, head, big)[0] == 413
    small = urlencode({"text": "MARKER-SMALL", "user_id": "U0MARKER6"}).encode()
    head = http_head(
        "POST",
        "/slack/events",
        {"Content-Type": "application/x-www-form-urlencoded", "Content-Length": str(len(small))},
    )
    assert raw_exchange(served.port, head, small)[0] == 401
    log = served.log
    for marker in ("MARKER-FIVE-MB", "U0MARKER5", "MARKER-SMALL", "U0MARKER6"):
        assert marker not in log
    assert max(len(line) for line in log.splitlines()) < 2000
    refusals = [line for line in log.splitlines() if "refused a request" in line]
    assert len(refusals) == 2 and "413" in refusals[0] and "not signed" in refusals[1]
