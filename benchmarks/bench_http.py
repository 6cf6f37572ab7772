"""HTTP mode under hostile traffic: memory under a 50 MB body, health under an idle flood, a burst of mentions.

    python benchmarks/bench_http.py

Runs `python -m bot serve` as a real process with a limit of 1,024 open files
(as in a container), against the local mock of Slack's Web API, and prints:
the server's peak memory (VmHWM) before and after an unsigned 50 MB body; the
time /healthz takes while 1,100 idle connections are open; 500 signed mentions
sent at once (resets, acknowledgement times, answers); and what waitress
costs at start-up (import time and memory).
"""

from __future__ import annotations

import json
import resource
import selectors
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.slack_helpers import event, http_head, raw_exchange, signed  # noqa: E402
from tests.slack_mock import SlackMock  # noqa: E402
from tests.test_serve import serving  # noqa: E402

IDLE = 1100
MENTIONS = 500


def peak_memory_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def health_seconds(port: int) -> float:
    started = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as response:
        assert response.status == 200
    return time.perf_counter() - started


def big_body(port: int) -> int:
    body = b'{"type": "event_callback", "pad": "' + b"x" * (50 * 2**20) + b'"}'
    head = http_head("POST", "/slack/events", {"Content-Type": "application/json", "Content-Length": str(len(body))})
    return raw_exchange(port, head, body)[0]


def idle_flood(port: int) -> list[float]:
    sockets = []
    times = []
    try:
        for n in range(IDLE):
            sockets.append(socket.create_connection(("127.0.0.1", port), timeout=5))
            if n % 100 == 99:
                times.append(health_seconds(port))
        for _ in range(5):
            times.append(health_seconds(port))
    finally:
        for sock in sockets:
            sock.close()
    return times


def burst(port: int) -> tuple[list[float], int]:
    """Send MENTIONS signed mentions on as many connections at once; (ack seconds each, resets)."""
    selector = selectors.DefaultSelector()
    started: dict[int, float] = {}
    acked: dict[int, float] = {}
    received: dict[int, bytes] = {}
    resets = 0
    for n in range(MENTIONS):
        body = json.dumps(event("app_mention", event_id=f"Ev0BURST{n:04d}", ts=f"1715003000.{n:06d}")).encode()
        headers = {"Content-Type": "application/json", "Content-Length": str(len(body)), **signed(body)}
        sock = socket.socket()
        sock.setblocking(False)
        started[n] = time.perf_counter()
        sock.connect_ex(("127.0.0.1", port))
        selector.register(sock, selectors.EVENT_WRITE, (n, http_head("POST", "/slack/events", headers) + body))
        received[n] = b""
    deadline = time.monotonic() + 60
    while selector.get_map() and time.monotonic() < deadline:
        for key, events in selector.select(timeout=0.5):
            n, pending = key.data
            sock = key.fileobj
            try:
                if events & selectors.EVENT_WRITE:
                    pending = pending[sock.send(pending) :]
                    selector.modify(sock, selectors.EVENT_WRITE if pending else selectors.EVENT_READ, (n, pending))
                    continue
                chunk = sock.recv(65536)
            except ConnectionResetError:
                resets += 1
                chunk = b""
            received[n] += chunk
            if b"\r\n" in received[n] and n not in acked:
                acked[n] = time.perf_counter() - started[n]
            if not chunk:
                selector.unregister(sock)
                sock.close()
    ok = sum(1 for data in received.values() if data.startswith(b"HTTP/1.1 200"))
    assert ok + resets <= MENTIONS
    return [acked[n] for n in sorted(acked)], resets + (MENTIONS - ok - resets)


def waitress_cost() -> tuple[float, float]:
    """(import milliseconds, MB of memory) that waitress adds to a process that has the rest of the bot."""
    code = (
        "import re, time, pathlib, bot.slack.app, bot.slack.guard\n"
        "def rss():\n"
        "    status = pathlib.Path('/proc/self/status').read_text()\n"
        "    return int(re.search(r'VmRSS:\\s+(\\d+)', status).group(1))\n"
        "before = rss()\n"
        "started = time.perf_counter()\n"
        "import bot.slack.http_server\n"
        "took = time.perf_counter() - started\n"
        "print(took * 1000, (rss() - before) / 1024)\n"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT) for _ in range(5)]
    values = [tuple(map(float, r.stdout.split())) for r in runs]
    return statistics.median(v[0] for v in values), statistics.median(v[1] for v in values)


def main() -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))  # the client's side of 1,100 connections
    with tempfile.TemporaryDirectory() as scratch, SlackMock() as mock:
        root = Path(scratch)
        shutil.copytree(ROOT / "knowledge", root / "knowledge")
        with serving(root / "knowledge", root / "data", mock, files=1024, LOG_LEVEL="WARNING") as served:
            pid = served.process.pid
            print("python -m bot serve, HTTP mode, ulimit -n 1024, local mock Web API (2 cores)")
            before = peak_memory_mb(pid)
            status = big_body(served.port)
            after = peak_memory_mb(pid)
            print(f"   50 MB unsigned body: {status}; peak memory {before:.0f} MB before, {after:.0f} MB after")
            print("      (target: at most 200 MB)")
            times = idle_flood(served.port)
            print(
                f"   /healthz with up to {IDLE} idle connections: median {statistics.median(times) * 1000:.0f} ms, "
                f"max {max(times) * 1000:.0f} ms (target < 1000 ms); server alive: {served.process.poll() is None}"
            )
            acks, failed = burst(served.port)
            posted = mock.wait_for("chat.postMessage", MENTIONS, timeout=120)
            time.sleep(0.5)
            posted = mock.of("chat.postMessage")
            threads = {m["thread_ts"] for m in posted}
            once = len(posted) == len(threads) == MENTIONS
            print(
                f"   {MENTIONS} signed mentions at once: {failed} reset or failed; ack median "
                f"{statistics.median(acks) * 1000:.0f} ms, max {max(acks) * 1000:.0f} ms (target < 3000 ms); "
                f"{len(posted)} replies for {len(threads)} questions (each once: {once})"
            )
    milliseconds, megabytes = waitress_cost()
    print(f"   waitress at start-up: {milliseconds:.0f} ms to import, {megabytes:.1f} MB of memory")


if __name__ == "__main__":
    main()
