"""Events: mentions, direct messages, the Home tab, new members."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot.service import APOLOGY
from bot.slack.blocks import answer_message, text_message
from bot.slack.home import home_view
from bot.slack.markup import question_from_slack
from bot.slack.services import SlackServices
from bot.slack.welcome import welcome_message

log = logging.getLogger("bot.slack")


def register(app: App, services: SlackServices) -> None:
    @app.middleware
    def answer_each_event_once(body: dict, next: Any) -> BoltResponse | None:
        """Slack re-sends events on timeouts (X-Slack-Retry-Num); repeats are acknowledged, not answered."""
        event_id = body.get("event_id") if isinstance(body, dict) else None
        if event_id and not services.seen.first_time(event_id):
            log.info("event %s was already answered; ignoring Slack's retry", event_id)
            return BoltResponse(status=200, body="")
        next()
        return None

    @app.event("app_mention")
    def on_mention(event: dict, client: WebClient, context: dict) -> None:
        if event.get("bot_id"):
            return
        thread = event.get("thread_ts") or event.get("ts")
        _reply(services, client, event, context, thread_ts=thread)

    @app.event("message")
    def on_message(event: dict, client: WebClient, context: dict) -> None:
        if event.get("channel_type") != "im" or event.get("bot_id") or event.get("subtype"):
            return  # only people's direct messages; channel chatter without a mention is not for us
        _reply(services, client, event, context, thread_ts=event.get("thread_ts"))

    @app.event("app_home_opened")
    def on_home_opened(event: dict, client: WebClient) -> None:
        if event.get("tab", "home") != "home":
            return
        client.views_publish(user_id=event["user"], view=home_view(services.engine))

    @app.event("team_join")
    def on_team_join(event: dict, client: WebClient) -> None:
        if services.settings.welcome != "team":
            return
        user = event.get("user") or {}
        if user.get("is_bot") or user.get("deleted"):
            return
        client.chat_postMessage(channel=user["id"], **welcome_message(services.engine))

    @app.event("member_joined_channel")
    def on_member_joined(event: dict, client: WebClient, context: dict) -> None:
        if services.settings.welcome != "channel" or event.get("user") == context.get("bot_user_id"):
            return
        if not _is_welcome_channel(client, event.get("channel", ""), services.settings.welcome_channels):
            return
        client.chat_postMessage(channel=event["user"], **welcome_message(services.engine))


def _reply(services: SlackServices, client: WebClient, event: dict, context: dict, thread_ts: str | None) -> None:
    """Answer where the question was asked; if anything fails, say sorry there instead of going silent."""
    channel = event["channel"]
    try:
        question = question_from_slack(event.get("text", ""), context.get("bot_user_id"))
        answer = services.answers.answer(question)
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, **answer_message(answer))
    except Exception:
        log.exception("answering in %s failed", channel)
        try:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, **text_message(APOLOGY))
        except Exception:
            log.exception("even the apology could not be posted in %s", channel)


def _is_welcome_channel(client: WebClient, channel: str, wanted: tuple[str, ...]) -> bool:
    """Channels are configured by id (C0123...) or by name ('general')."""
    if channel in wanted:
        return True
    try:
        name = client.conversations_info(channel=channel)["channel"]["name"]
    except Exception as exc:
        log.warning("could not look up channel %s: %s", channel, exc)
        return False
    return name in wanted
