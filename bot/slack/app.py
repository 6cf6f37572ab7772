"""Build the bolt App: a WebClient that retries politely, the listeners, an error handler."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from concurrent.futures import Executor
from datetime import datetime
from http.client import RemoteDisconnected
from urllib.error import URLError

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from slack_sdk.http_retry.builtin_interval_calculators import BackoffRetryIntervalCalculator
from slack_sdk.http_retry.jitter import Jitter

from bot.engine import Engine
from bot.onboarding.store import OnboardingStore, utc_now
from bot.service import AnswerService
from bot.settings import Settings
from bot.slack.listeners import register_listeners
from bot.slack.markup import escape
from bot.slack.onboarding import Onboarding
from bot.slack.services import SlackServices
from bot.unanswered import UnansweredLog

log = logging.getLogger("bot.slack")


def web_client(settings: Settings) -> WebClient:
    """slack_sdk's client, retrying on HTTP 429 (after Retry-After) and on dropped connections."""
    options = {"base_url": settings.api_url} if settings.api_url else {}
    return WebClient(
        token=settings.bot_token,
        timeout=settings.api_timeout,  # type: ignore[arg-type]  # urllib takes fractions of a second too
        retry_handlers=[
            ConnectionErrorRetryHandler(
                max_retry_count=2,
                error_types=[URLError, ConnectionResetError, RemoteDisconnected, TimeoutError],
                interval_calculator=BackoffRetryIntervalCalculator(
                    settings.retry_backoff, _Jitter(settings.retry_backoff)
                ),
            ),
            RateLimitErrorRetryHandler(max_retry_count=3),
        ],
        **options,
    )


class _Jitter(Jitter):
    """slack_sdk's random jitter (up to 1 s at its 0.5 s back-off), scaled with the back-off."""

    def __init__(self, backoff: float) -> None:
        self.most = 2 * backoff

    def recalculate(self, duration: float) -> float:
        return duration + random.random() * self.most


def build_app(
    settings: Settings,
    engine: Callable[[], Engine],
    recorder: UnansweredLog | None = None,
    *,
    process_before_response: bool = False,
    listener_executor: Executor | None = None,
    now: Callable[[], datetime] = utc_now,
) -> tuple[App, SlackServices]:
    """The Slack app with every listener registered. Request signing stays on in HTTP mode.

    `listener_executor` runs the listeners when they run after the ack; a test that passes its own
    can wait for every listener to finish (`shutdown(wait=True)`) instead of sleeping. `now` is the
    clock onboarding schedules by: a test fixes it instead of waiting for days.
    """
    app = App(
        client=web_client(settings),
        signing_secret=settings.signing_secret,
        request_verification_enabled=not settings.socket_mode,
        process_before_response=process_before_response,
        logger=logging.getLogger("bot.slack.bolt"),
        listener_executor=listener_executor,  # None: bolt makes its own pool
    )
    store = OnboardingStore(settings.onboarding_path, settings.onboarding_days, now)
    services = SlackServices(
        answers=AnswerService(engine, "slack", recorder), settings=settings, onboarding=Onboarding(store, now)
    )
    register_listeners(app, services)

    @app.error
    def on_error(error: Exception, body: dict) -> None:
        log.error("a Slack listener failed: %s (request type %s)", error, (body or {}).get("type"))

    return app, services


def report_refused_edit(client: WebClient, channel: str | None) -> Callable[[list[str]], None]:
    """A reload error callback that tells the maintainers' channel, when one is configured."""

    def report(problems: list[str]) -> None:
        if not channel:
            return
        lines = "\n".join(f"• {escape(p)}" for p in problems[:20])
        text = f"A knowledge edit was refused; I'm still answering from the last good version.\n{lines}"
        client.chat_postMessage(channel=channel, text=text)

    return report
