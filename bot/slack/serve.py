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

from slack_bolt import App
from slack_bolt.adapter.socket_mode import SocketModeHandler
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.error import BoltError
from slack_sdk.errors import SlackApiError

from bot.errors import ConfigError
from bot.health import HEARTBEAT_FILE
from bot.knowledge.last_good import LastGood
from bot.knowledge.reload import KnowledgeSource
from bot.settings import Settings
from bot.slack.app import build_app, report_refused_edit
from bot.slack.guard import SlackRequestGuard, keep_bodies_out_of_bolt_logs
from bot.slack.http_server import HttpLimits, HttpServer
from bot.slack.onboarding import reload_hook
from bot.slack.services import SlackServices
from bot.unanswered import recorder_for

log = logging.getLogger("bot.serve")

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
HEARTBEAT_SECONDS = 10


def wsgi_app(app: App, healthy: Callable[[], bool], signing_secret: str, max_body_bytes: int) -> Callable:
    """Slack's endpoint (guarded, then bolt's WSGI adapter), plus a health check for containers."""
    keep_bodies_out_of_bolt_logs(app.logger.name, "slack_bolt.RequestVerification", "slack_bolt.App")
    slack = SlackRequestGuard(
        SlackRequestHandler(app, path=EVENTS_PATH), signing_secret, max_body_bytes=max_body_bytes, path=EVENTS_PATH
    )

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == HEALTH_PATH and environ.get("REQUEST_METHOD") in ("GET", "HEAD"):
            ok = healthy()
            start_response("200 OK" if ok else "503 Service Unavailable", [("Content-Type", "application/json")])
            return [json.dumps({"ok": ok}).encode()]
        return slack(environ, start_response)

    return application


def make_http_server(
    app: App,
    port: int,
    healthy: Callable[[], bool],
    *,
    signing_secret: str,
    host: str = "0.0.0.0",
    limits: HttpLimits | None = None,
) -> HttpServer:
    """The HTTP server with its limits (port 0 picks a free port; see server.port)."""
    limits = limits or HttpLimits()
    return HttpServer(wsgi_app(app, healthy, signing_secret, limits.max_body_bytes), port, host, limits)


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


def _connected_app(settings: Settings, source: KnowledgeSource, recorder: object) -> tuple[App, SlackServices]:
    """Build the app (bolt checks the bot token with auth.test); Slack's refusal becomes one line."""
    where = settings.api_url or "https://slack.com/api/"
    try:
        app, services = build_app(settings, lambda: source.engine, recorder)  # type: ignore[arg-type]
    except BoltError as exc:
        raise ConfigError(f"SLACK_BOT_TOKEN was not accepted by Slack ({_reason(exc)})") from None
    except OSError as exc:
        raise ConfigError(f"could not reach Slack's Web API at {where}: {exc}") from None
    return app, services


def _reason(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if response is not None and hasattr(response, "get"):
        return str(response.get("error", exc))
    found = re.search(r"""['"]error['"]: ['"]([^'"]+)['"]""", str(exc))  # bolt puts the response in its text
    return found.group(1) if found else str(exc)


class _Stopped(SystemExit):
    """SIGTERM arrived: the normal way a container platform stops the bot.

    A SystemExit, because waitress's loop swallows any other exception raised inside a
    connection's handler (it re-raises only SystemExit, KeyboardInterrupt and its ExitNow):
    a SIGTERM that landed there was lost, and the process ran on until killed."""


def _stop_on_sigterm() -> None:
    """Containers stop with SIGTERM: close connections and exit 0."""

    def stop(signum: int, frame: object) -> None:
        raise _Stopped

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop)


def run_serve(args: argparse.Namespace) -> int:
    settings = Settings.from_env(slack=True, port=args.port, data_dir=args.data_dir, knowledge_dir=args.knowledge)
    knowledge = settings.knowledge_dir
    source = KnowledgeSource(knowledge, last_good=LastGood(settings.data_dir))
    recorder = recorder_for(settings)
    app, services = _connected_app(settings, source, recorder)
    _stop_on_sigterm()
    source.on_error = report_refused_edit(app.client, settings.maintainers_channel)
    catch_up = reload_hook(app.client, services.onboarding, lambda: source.engine)
    source.on_reload = catch_up
    # An edit made while the bot was stopped: bring the waiting steps up to date, in the background.
    threading.Thread(target=catch_up, name="onboarding-catch-up", daemon=True).start()
    if source.started_from_last_good:  # tell the maintainers too: the folder still needs fixing
        try:
            source.on_error(source.last_problems)
        except Exception as exc:
            log.warning("could not tell the maintainers' channel about the refused knowledge: %s", exc)
    source.start()
    kb = source.engine.kb
    origin = f"the last good copy of {knowledge}" if source.started_from_last_good else str(knowledge)
    log.info("serving %s: %d people, %d themes, from %s", kb.project.name, len(kb.people), len(kb.themes), origin)
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
    limits = HttpLimits(
        max_body_bytes=settings.http_max_body_bytes,
        idle_timeout=settings.http_idle_timeout,
        max_connections=settings.http_max_connections,
    )
    server = make_http_server(
        app, settings.port, source.healthy, signing_secret=settings.signing_secret or "", limits=limits
    )
    log.info("HTTP mode: POST %s and GET %s on port %d", EVENTS_PATH, HEALTH_PATH, server.port)
    try:
        server.serve_forever()
    except _Stopped:
        log.info("stopping")
    finally:
        server.close()
    return 0
