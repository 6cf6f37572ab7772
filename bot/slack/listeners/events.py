"""Events: mentions, direct messages, the Home tab, new members."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App, BoltResponse
from slack_sdk import WebClient

from bot.engine import Engine
from bot.slack import edits
from bot.slack.home import home_view
from bot.slack.onboarding import is_request
from bot.slack.replies import Turn, take_turn
from bot.slack.services import SlackServices
from bot.slack.threads import event_key
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
        take_turn(services, client, _turn(event, context, event.get("thread_ts") or event.get("ts")))

    @app.event("message")
    def on_message(event: dict, client: WebClient, context: dict) -> None:
        """DMs are all for the bot. In a channel, only a thread reply from someone who asked the bot
        there, not addressed to anyone else, and answered only if the bot knows: never other chatter.
        An edit or deletion of a question the bot answered moves its answer along (`bot.slack.edits`)."""
        if event.get("subtype") == "message_changed":
            edits.on_changed(services, client, event, context.get("bot_user_id"))
            return
        if event.get("subtype") == "message_deleted":
            edits.on_deleted(services, client, event.get("channel", ""), event.get("deleted_ts"))
            return
        if event.get("bot_id") or event.get("subtype") not in _PEOPLES_MESSAGES:
            return
        if event.get("channel_type") == "im":
            if is_request(event.get("text", "")) and _send_checklist(services, client, event):
                return
            take_turn(services, client, _turn(event, context, event.get("thread_ts")))
            return
        text = event.get("text") or ""
        if not event.get("thread_ts") or _mentions(text, context.get("bot_user_id")):
            return  # a mention is answered by on_mention; a message outside a thread is not for the bot
        if "<@" in text or not services.threads.talks_with(event_key(event), event.get("user")):
            return  # addressed to someone else, or from someone who is not talking with the bot
        take_turn(services, client, _turn(event, context, event["thread_ts"], passive=True))

    @app.event("app_home_opened")
    def on_home_opened(event: dict, client: WebClient) -> None:
        tab = event.get("tab", "home")
        if tab == "home":
            publish_home(services, client, event["user"])
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
        _welcome(services, client, user["id"])

    @app.event("user_change")
    def on_user_change(event: dict, client: WebClient) -> None:
        """A deactivated member's waiting onboarding messages are deleted (every other change is ignored)."""
        user = event.get("user") or {}
        if user.get("deleted") and user.get("id"):
            services.onboarding.leave(client, user["id"])

    @app.event("member_joined_channel")
    def on_member_joined(event: dict, client: WebClient, context: dict) -> None:
        if services.settings.welcome != "channel" or event.get("user") == context.get("bot_user_id"):
            return
        if not _is_welcome_channel(client, event.get("channel", ""), services.settings.welcome_channels):
            return
        _welcome(services, client, event["user"])


def _welcome(services: SlackServices, client: WebClient, user: str) -> None:
    """The welcome DM; with onboarding steps, with the day-0 steps and the rest scheduled (once)."""
    if not services.onboarding.start(client, lambda: services.engine, user, welcome_message):
        client.chat_postMessage(channel=user, **welcome_message(services.engine))


def publish_home(services: SlackServices, client: WebClient, user: str) -> None:
    """The Home tab, with a new member's onboarding checklist (and their ticks) near the top."""
    engine = services.engine
    client.views_publish(user_id=user, view=home_view(engine, top=services.onboarding.checklist(engine, user)))


def _send_checklist(services: SlackServices, client: WebClient, event: dict) -> bool:
    message = services.onboarding.request_message(services.engine, event.get("user", ""))
    if message is None:
        return False
    client.chat_postMessage(channel=event["channel"], **message)
    return True


def _turn(event: dict, context: dict, thread_ts: str | None, passive: bool = False) -> Turn:
    return Turn(
        channel=event["channel"],
        thread_ts=thread_ts,
        key=event_key(event),
        user=event.get("user"),
        text=event.get("text", ""),
        bot_user=context.get("bot_user_id"),
        passive=passive,
        ts=event.get("ts"),
        channel_type=event.get("channel_type"),
    )


def _mentions(text: str, user: str | None) -> bool:
    """`<@U…>` or `<@U…|label>` of this user in a message's text."""
    return bool(user) and re.search(rf"<@{re.escape(user)}(\|[^>]*)?>", text or "") is not None


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
