"""HTTP mode's server: waitress, with limits on request size, idle time and open connections.

The standard library's server gave each connection a thread and never closed
an idle one: 1,100 idle connections ran the process out of files. waitress
(pure Python, no compiled parts) reads requests on one select loop, so an idle
connection costs a file and no thread; it closes connections idle longer than
`idle_timeout`, refuses bodies over `max_body_bytes` from the Content-Length
alone (413, without reading them) and caps open connections. Two things are
added here: at the cap the longest-idle connection is closed to make room
(otherwise a flood of idle connections would keep /healthz waiting in the
listen queue until they time out), and an over-long request line gets 414.
"""

from __future__ import annotations

import logging
import resource
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.parser import HTTPRequestParser
from waitress.server import TcpWSGIServer
from waitress.task import ErrorTask
from waitress.utilities import BadRequest

log = logging.getLogger("bot.serve")

MAX_REQUEST_LINE = 8 * 1024  # over it: 414 (Slack's path is /slack/events)
RESERVED_FILES = 64  # for the listening socket, the Slack client, the logs, SQLite, the knowledge


@dataclass(frozen=True)
class HttpLimits:
    """What one HTTP request and one connection may take. Slack's payloads are a few kilobytes."""

    max_body_bytes: int = 1_000_000
    idle_timeout: int = 15  # seconds a connection may send nothing before it is closed
    max_connections: int = 1000  # lowered to fit the process's limit of open files
    threads: int = 8  # requests handled at once; the listeners' slow work runs after the ack
    backlog: int = 2048  # connections the kernel queues before the server accepts them
    max_header_bytes: int = 64 * 1024  # over it: 431


def connection_cap(wanted: int) -> int:
    """`wanted`, lowered so that every connection and the rest of the process fit the open-file limit."""
    soft, _hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or wanted <= soft - RESERVED_FILES:
        return wanted
    cap = max(1, soft - RESERVED_FILES)
    log.warning("at most %d connections: the process may open %d files (ulimit -n)", cap, soft)
    return cap


class RequestURITooLong(BadRequest):
    code = 414
    reason = "URI Too Long"


class _Parser(HTTPRequestParser):
    """waitress's parser, with the standard library's 414 for a request line that never ends."""

    def received(self, data: bytes) -> int:
        if self.body_rcv is None and not self.completed and b"\n" not in self.header_plus:
            end = data.find(b"\n")
            line = len(self.header_plus) + (len(data) if end < 0 else end)
            if line > MAX_REQUEST_LINE:
                self.parse_header(b"GET / HTTP/1.0\r\n")
                self.error = RequestURITooLong(f"a request line over {MAX_REQUEST_LINE} bytes")
                self.completed = True
                return len(data)
        return super().received(data)


class _LoggedErrorTask(ErrorTask):
    """waitress answers a request it cannot parse by itself; one log line says why (never the body)."""

    def execute(self) -> None:
        error = self.request.error
        detail = f" ({error.body})" if error.body else ""
        log.warning("refused a request from %s: %d %s%s", self.channel.addr[0], error.code, error.reason, detail)
        super().execute()


class _Channel(HTTPChannel):
    parser_class = _Parser
    error_task_class = _LoggedErrorTask


class _Server(TcpWSGIServer):
    """waitress's TCP server that, at the connection cap, closes the longest-idle connection."""

    channel_class = _Channel

    def readable(self) -> bool:
        now = time.time()
        if now >= self.next_channel_cleanup:
            self.next_channel_cleanup = now + self.adj.cleanup_interval
            self.maintenance(now)
        if not self.accepting:
            return False
        if len(self.active_channels) < self.adj.connection_limit:
            return True
        open_channels = [c for c in self.active_channels.values() if not c.will_close]
        if len(open_channels) < self.adj.connection_limit:
            return True
        idle = [c for c in open_channels if not c.requests and not c.total_outbufs_len]
        if not idle:
            return False  # every connection is busy: new ones wait in the listen queue
        min(idle, key=lambda c: c.last_activity).will_close = True
        return True


class HttpServer:
    """Serve a WSGI application until `shutdown()` (from another thread) or `close()`."""

    def __init__(
        self, application: Callable, port: int, host: str = "0.0.0.0", limits: HttpLimits | None = None
    ) -> None:
        limits = limits or HttpLimits()
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # a queue in a burst is normal, not a warning
        adjustments = Adjustments(
            host=host,
            port=port,
            threads=limits.threads,
            backlog=limits.backlog,
            connection_limit=connection_cap(limits.max_connections),
            channel_timeout=limits.idle_timeout,
            cleanup_interval=max(1, min(10, limits.idle_timeout // 2)),
            max_request_body_size=limits.max_body_bytes,
            max_request_header_size=limits.max_header_bytes,
            asyncore_use_poll=True,  # select() fails past 1,024 open files
            expose_tracebacks=False,
        )
        self._map: dict = {}
        self._server = _Server(application, map=self._map, adj=adjustments)
        self._stopping = threading.Event()
        self._stopped = threading.Event()
        self.port = int(self._server.effective_port)  # waitress keeps it as text

    def serve_forever(self) -> None:
        try:
            while not self._stopping.is_set():
                wasyncore.loop(timeout=1.0, map=self._map, use_poll=True, count=1)
        finally:
            self._stopped.set()

    def shutdown(self) -> None:
        """Stop the loop (it wakes at once) and close everything: tests tear down in milliseconds."""
        self._stopping.set()
        self._server.pull_trigger()
        self._stopped.wait(5)
        self.close()

    def close(self) -> None:
        self._stopping.set()
        self._server.task_dispatcher.shutdown(timeout=2)
        wasyncore.close_all(self._map)
