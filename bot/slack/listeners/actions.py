"""Button clicks: share an answer, see all people, take a suggestion, rate an answer, ask a person."""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.service import APOLOGY
from bot.slack.blocks import (
    ASK_PERSON,
    FEEDBACK,
    HELPFUL,
    SHARE,
    SHOW_ALL,
    SUGGEST_PREFIX,
    all_people_messages,
    answer_message,
    mrkdwn_message,
    packed_value,
    read_feedback,
    text_message,
    unpacked_value,
)
from bot.slack.handoff import Question, hand_off
from bot.slack.listeners.events import publish_home
from bot.slack.markup import escape, mention
from bot.slack.onboarding import CHECK_ACTION, step_of
from bot.slack.replies import Turn, take_turn
from bot.slack.services import SlackServices
from bot.slack.threads import conversation_key
from bot.unanswered import FEEDBACK_REASON, THUMBS_DOWN, THUMBS_UP

log = logging.getLogger("bot.slack")

REASON_MODAL = "feedback_reason"
REASON_INPUT = "reason"
REASON_BLOCK = "reason_block"
MAX_REASON_CHARS = 1000


def _value(body: dict) -> str:
    return (body.get("actions") or [{}])[0].get("value", "")


def _is_ephemeral(body: dict) -> bool:
    return bool((body.get("container") or {}).get("is_ephemeral"))


def _message_ts(body: dict) -> str:
    return (body.get("message") or {}).get("ts") or (body.get("container") or {}).get("message_ts", "")


def _thread_of(body: dict) -> str | None:
    message = body.get("message") or {}
    return message.get("thread_ts") or message.get("ts")


def _private(respond: Respond, message: dict[str, Any]) -> None:
    respond(response_type="ephemeral", replace_original=False, **message)


def register(app: App, services: SlackServices) -> None:
    @app.action(SHARE)
    def on_share(ack: Ack, body: dict, respond: Respond) -> None:
        ack()
        question = _value(body)
        answer = services.answers.answer(question)
        message = answer_message(answer, feedback=False)
        asked = f"{mention(body['user']['id'])} asked: {escape(question)}"
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
        """A 'Did you mean …?' click is the asker's next turn: in the thread (or DM) it was offered in."""
        ack()
        question = _value(body)
        channel = (body.get("channel") or {}).get("id")
        if _is_ephemeral(body) or not channel:
            _private(respond, answer_message(services.answers.answer(question), ephemeral=_is_ephemeral(body)))
            return
        message = body.get("message") or {}
        direct = channel.startswith("D")
        thread_ts = message.get("thread_ts") if direct else (message.get("thread_ts") or message.get("ts"))
        key = conversation_key(channel, thread_ts, message.get("ts"), direct=direct)
        user = (body.get("user") or {}).get("id")
        take_turn(services, client, Turn(channel, thread_ts, key, user, escape(question)))

    @app.action(FEEDBACK)
    def on_feedback(ack: Ack, body: dict, respond: Respond, client: WebClient) -> None:
        """👍 is kept and thanked; 👎 is kept and opens a small form asking, optionally, what was wrong."""
        ack()
        rated = read_feedback(_value(body))
        if rated is None:
            log.warning("a feedback click with an unreadable value was ignored")
            return
        verdict, kind, question = rated
        user = (body.get("user") or {}).get("id", "")
        if not services.seen.first_time(f"feedback:{_message_ts(body)}:{user}"):
            _private(respond, text_message("Thanks, I already have your rating of this answer."))
            return  # one rating per person and answer, so the report's shares are not skewed by clicks
        if verdict == HELPFUL:
            services.answers.feedback(question, THUMBS_UP, kind)
            _private(respond, text_message("Thanks for the 👍!"))
            return
        try:  # first, while the click's trigger is fresh (Slack gives it 3 seconds)
            client.views_open(trigger_id=body["trigger_id"], view=_reason_modal(kind, question))
        except Exception as exc:  # the 👎 is kept; the form is a courtesy
            log.warning("could not open the feedback form: %s", exc)
            _private(respond, text_message("Thanks: I've noted that this answer did not help."))
        services.answers.feedback(question, THUMBS_DOWN, kind)

    @app.view(REASON_MODAL)
    def on_reason(ack: Ack, view: dict) -> None:
        ack()
        try:
            meta = json.loads(view.get("private_metadata") or "{}")
            kind, question = str(meta["k"])[:40], str(meta["q"])
        except (ValueError, KeyError, TypeError):
            return
        state = (view.get("state") or {}).get("values") or {}
        reason = ((state.get(REASON_BLOCK) or {}).get(REASON_INPUT) or {}).get("value") or ""
        if reason.strip():
            services.answers.feedback(question, FEEDBACK_REASON, kind, reason[:MAX_REASON_CHARS])

    @app.action(CHECK_ACTION)
    def on_onboarding_tick(ack: Ack, body: dict, client: WebClient) -> None:
        """A tick (or untick) of an onboarding step, wherever its checkbox was: kept for the member."""
        ack()
        action = (body.get("actions") or [{}])[0]
        step = step_of(action.get("block_id") or "")
        user = (body.get("user") or {}).get("id", "")
        if step is None or not services.onboarding.tick(user, step, bool(action.get("selected_options"))):
            log.info("an onboarding tick from someone who is not onboarding was not kept")
            return
        if (body.get("view") or {}).get("type") == "home":  # the heading's count of what is done
            publish_home(services, client, user)

    @app.action(ASK_PERSON)
    def on_ask_person(ack: Ack, body: dict, respond: Respond, client: WebClient) -> None:
        ack()
        fields = unpacked_value(_value(body), "q", "s")
        if fields is None:
            log.warning("an Ask a person click with an unreadable value was ignored")
            return
        user = (body.get("user") or {}).get("id", "")
        message_ts = _message_ts(body)
        if not services.seen.first_time(f"handoff:{message_ts or user + fields['s']}"):
            _private(respond, text_message("This question has already been passed on to a person."))
            return
        channel = (body.get("channel") or {}).get("id")
        where = None if _is_ephemeral(body) else message_ts
        note = hand_off(services, client, Question(fields["q"], fields["s"]), user, channel, where)
        _private(respond, mrkdwn_message(note))


def _reason_modal(kind: str, question: str) -> dict[str, Any]:
    """The 👎 form: one optional text field. The question rides along in private_metadata, never shown."""
    return {
        "type": "modal",
        "callback_id": REASON_MODAL,
        "private_metadata": packed_value({"k": kind, "q": question}, limit=3000),
        "title": {"type": "plain_text", "text": "What was wrong?"},
        "submit": {"type": "plain_text", "text": "Send"},
        "close": {"type": "plain_text", "text": "Skip"},
        "blocks": [
            {
                "type": "input",
                "block_id": REASON_BLOCK,
                "optional": True,
                "label": {"type": "plain_text", "text": "Tell the maintainers what was wrong or missing (optional)"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": REASON_INPUT,
                    "multiline": True,
                    "max_length": MAX_REASON_CHARS,
                },
            }
        ],
    }


def _post_near(body: dict, respond: Respond, client: WebClient, message: dict[str, Any]) -> None:
    """In the thread of the clicked message; for a private (ephemeral) answer, privately."""
    try:
        if _is_ephemeral(body) or not body.get("channel"):
            _private(respond, message)
        else:
            client.chat_postMessage(channel=body["channel"]["id"], thread_ts=_thread_of(body), **message)
    except Exception:
        log.exception("posting a button's answer failed")
        _private(respond, text_message(APOLOGY))
