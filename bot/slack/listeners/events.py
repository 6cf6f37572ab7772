"""Events: mentions, direct messages, the Home tab, new members."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot.engine import Engine
from bot.service import APOLOGY
from bot.slack.blocks import answer_message, text_message
from bot.slack.home import home_view
from bot.slack.markup import question_from_slack, question_to_keep
from bot.slack.services import SlackServices
from bot.slack.threads import conversation_key
from bot.slack.welcome import welcome_message

log = logging.getLogger("bot.slack")

# Message subtypes that are a person writing: plain messages, replies also sent to the channel, files.
_PEOPLES_MESSAGES = (None, "thread_broadcast", "file_share")


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
        _converse(services, client, event, context, thread_ts=event.get("thread_ts") or event.get("ts"))

    @app.event("message")
    def on_message(event: dict, client: WebClient, context: dict) -> None:
        """DMs are all for the bot; in channels, only the threads it takes part in (never other chatter)."""
        if event.get("bot_id") or event.get("subtype") not in _PEOPLES_MESSAGES:
            return
        if event.get("channel_type") == "im":
            _converse(services, client, event, context, thread_ts=event.get("thread_ts"))
            return
        bot_user = context.get("bot_user_id")
        if not event.get("thread_ts") or (bot_user and f"<@{bot_user}>" in (event.get("text") or "")):
            return  # a mention is answered by on_mention; a message outside a thread is not for the bot
        if services.threads.takes_part(conversation_key(event)):
            _converse(services, client, event, context, thread_ts=event["thread_ts"])

    @app.event("app_home_opened")
    def on_home_opened(event: dict, client: WebClient) -> None:
        tab = event.get("tab", "home")
        if tab == "home":
            client.views_publish(user_id=event["user"], view=home_view(services.engine))
        elif tab == "messages" and services.settings.agent_view and event.get("channel"):
            # Agent apps take prompts for the whole DM (no thread_ts: it would make the call fail silently).
            client.assistant_threads_setSuggestedPrompts(
                channel_id=event["channel"], title="Try asking", prompts=suggested_prompts(services.engine)
            )

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


def _converse(services: SlackServices, client: WebClient, event: dict, context: dict, thread_ts: str | None) -> None:
    """Answer in the light of the conversation so far; if anything fails, say sorry there instead of going silent."""
    channel = event["channel"]
    key = conversation_key(event)
    try:
        bot_user = context.get("bot_user_id")
        text = event.get("text", "")
        question = question_from_slack(text, bot_user, services.engine.people_by_slack_id())
        with services.threads.turn(key):
            answer, new_context = services.answers.converse(
                question, services.threads.context(key), keep_as=question_to_keep(text, bot_user)
            )
            if answer.closes:
                services.threads.end(key)
            else:
                services.threads.remember(key, new_context)
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, **answer_message(answer, ephemeral=False))
    except Exception:
        log.exception("answering in %s failed", channel)
        try:
            client.chat_postMessage(channel=channel, thread_ts=thread_ts, **text_message(APOLOGY))
        except Exception:
            log.exception("even the apology could not be posted in %s", channel)


def suggested_prompts(engine: Engine, limit: int = 4) -> list[dict[str, str]]:
    """Up to four of the engine's example questions, as Slack's suggested prompts (title ≤ 75 characters)."""
    return [{"title": q if len(q) <= 75 else q[:74] + "…", "message": q} for q in engine.examples()[:limit]]


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
