"""Button clicks: share an answer, see all people, take a suggestion, give feedback."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.service import APOLOGY
from bot.slack.blocks import (
    FEEDBACK_DOWN,
    FEEDBACK_UP,
    SHARE,
    SHOW_ALL,
    SUGGEST_PREFIX,
    all_people_messages,
    answer_message,
    mrkdwn_message,
    text_message,
)
from bot.slack.markup import escape
from bot.slack.services import SlackServices

log = logging.getLogger("bot.slack")


def _value(body: dict) -> str:
    return (body.get("actions") or [{}])[0].get("value", "")


def _is_ephemeral(body: dict) -> bool:
    return bool((body.get("container") or {}).get("is_ephemeral"))


def _thread_of(body: dict) -> str | None:
    message = body.get("message") or {}
    return message.get("thread_ts") or message.get("ts")


def register(app: App, services: SlackServices) -> None:
    @app.action(SHARE)
    def on_share(ack: Ack, body: dict, respond: Respond) -> None:
        ack()
        question = _value(body)
        answer = services.answers.answer(question)
        message = answer_message(answer, feedback=False)
        asked = f"<@{body['user']['id']}> asked: {escape(question)}"
        message["blocks"].insert(0, mrkdwn_message(asked)["blocks"][0])
        respond(response_type="in_channel", delete_original=True, **message)

    @app.action(SHOW_ALL)
    def on_show_all(ack: Ack, body: dict, respond: Respond, client: WebClient) -> None:
        ack()
        answer = services.answers.answer(_value(body))
        for message in all_people_messages(answer):
            _post_near(body, respond, client, message)

    @app.action(re.compile(rf"^{SUGGEST_PREFIX}\d+$"))
    def on_suggestion(ack: Ack, body: dict, respond: Respond, client: WebClient) -> None:
        ack()
        answer = services.answers.answer(_value(body))
        _post_near(body, respond, client, answer_message(answer, ephemeral=_is_ephemeral(body)))

    @app.action(FEEDBACK_UP)
    def on_thumbs_up(ack: Ack, respond: Respond) -> None:
        ack()
        respond(response_type="ephemeral", replace_original=False, **text_message("Thanks for the 👍!"))

    @app.action(FEEDBACK_DOWN)
    def on_thumbs_down(ack: Ack, body: dict, respond: Respond) -> None:
        ack()
        services.thumbs_down(_value(body))
        respond(
            response_type="ephemeral",
            replace_original=False,
            **text_message("Thanks: I've noted that this answer did not help, so the maintainers can improve it."),
        )


def _post_near(body: dict, respond: Respond, client: WebClient, message: dict[str, Any]) -> None:
    """In the thread of the clicked message; for a private (ephemeral) answer, privately."""
    try:
        if _is_ephemeral(body) or not body.get("channel"):
            respond(response_type="ephemeral", replace_original=False, **message)
        else:
            client.chat_postMessage(channel=body["channel"]["id"], thread_ts=_thread_of(body), **message)
    except Exception:
        log.exception("posting a button's answer failed")
        respond(response_type="ephemeral", replace_original=False, **text_message(APOLOGY))
