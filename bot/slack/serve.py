"""`python -m bot serve`: Socket Mode when an app token is set, else HTTP with /healthz."""

from __future__ import annotations

import argparse
import json
import logging
import re
import signal
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError

from bot.errors import ConfigError
from bot.health import HEARTBEAT_FILE
from bot.knowledge.reload import KnowledgeSource
from bot.settings import Settings
from bot.slack.app import build_app, report_refused_edit
from bot.unanswered import recorder_for

log = logging.getLogger("bot.serve")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HEARTBEAT_SECONDS = 10


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    """One thread per request, so a slow request never delays another's 3-second ack."""

    daemon_threads = True
    request_queue_size = 128  # the default 5 drops connections when Slack sends a burst


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s %s", self.address_string(), format % args)


def wsgi_app(app: App, healthy: Callable[[], bool]) -> Callable:
    """Slack's endpoint through bolt's WSGI adapter, plus a health check for containers."""
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            ok = healthy()
            start_response("200 OK" if ok else "503 Service Unavailable", [("Content-Type", "application/json")])
            return [json.dumps({"ok": ok}).encode()]
        return slack(environ, start_response)

    return application


def make_http_server(app: App, port: int, healthy: Callable[[], bool], host: str = "0.0.0.0") -> WSGIServer:
    """A threaded HTTP server (port 0 picks a free port; see server.server_port)."""
    return make_server(
        host, port, wsgi_app(app, healthy), server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )


def write_heartbeat(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(str(time.time()), encoding="utf-8")


def heartbeat_loop(handler: SocketModeHandler, path: Path, stop: threading.Event) -> None:
    """Keep a file fresh while the websocket is connected: the container's health check reads it."""
    while not stop.wait(HEARTBEAT_SECONDS):
        try:
            if handler.client.is_connected():
                write_heartbeat(path)
        except Exception as exc:
            log.warning("could not write the heartbeat: %s", exc)


def _connected_app(settings: Settings, source: KnowledgeSource, recorder: object) -> App:
    """Build the app (bolt checks the bot token with auth.test); Slack's refusal becomes one line."""
    where = settings.api_url or "https://slack.com/api/"
    try:
        app, _services = build_app(settings, lambda: source.engine, recorder)  # type: ignore[arg-type]
    except BoltError as exc:
        raise ConfigError(f"SLACK_BOT_TOKEN was not accepted by Slack ({_reason(exc)})") from None
    except OSError as exc:
        raise ConfigError(f"could not reach Slack's Web API at {where}: {exc}") from None
    return app


def _reason(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if response is not None and hasattr(response, "get"):
        return str(response.get("error", exc))
    found = re.search(r"""['"]error['"]: ['"]([^'"]+)['"]""", str(exc))  # bolt puts the response in its text
    return found.group(1) if found else str(exc)


class _Stopped(Exception):
    """SIGTERM arrived: the normal way a container platform stops the bot."""


def _stop_on_sigterm() -> None:
    """Containers stop with SIGTERM: close connections and exit 0."""

    def stop(signum: int, frame: object) -> None:
        raise _Stopped

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)


def run_serve(args: argparse.Namespace) -> int:
    settings = Settings.from_env(slack=True, port=args.port, data_dir=args.data_dir, knowledge_dir=args.knowledge)
    knowledge = settings.knowledge_dir
    source = KnowledgeSource(knowledge)
    recorder = recorder_for(settings)
    app = _connected_app(settings, source, recorder)
    _stop_on_sigterm()
    source.on_error = report_refused_edit(app.client, settings.maintainers_channel)
    source.start()
    kb = source.engine.kb
    log.info("serving %s: %d people, %d themes, from %s", kb.project.name, len(kb.people), len(kb.themes), knowledge)
    if settings.socket_mode:
        handler = SocketModeHandler(app, settings.app_token)
        heartbeat = settings.data_dir / HEARTBEAT_FILE
        stop = threading.Event()
        threading.Thread(target=heartbeat_loop, args=(handler, heartbeat, stop), daemon=True).start()
        log.info("connecting to Slack in Socket Mode")
        try:
            handler.connect()
        except SlackApiError as exc:
            raise ConfigError(f"SLACK_APP_TOKEN was not accepted by Slack ({_reason(exc)})") from None
        write_heartbeat(heartbeat)
        try:
            threading.Event().wait()
        except _Stopped:
            log.info("stopping")
        finally:
            stop.set()
            handler.close()
        return 0
    server = make_http_server(app, settings.port, healthy=lambda: source.engine is not None)
    log.info("HTTP mode: POST %s and GET %s on port %d", EVENTS_PATH, HEALTH_PATH, server.server_port)
    try:
        server.serve_forever()
    except _Stopped:
        log.info("stopping")
    finally:
        server.server_close()
    return 0
