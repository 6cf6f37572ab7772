"""Edited and deleted questions: the bot's answer is rewritten in place, or goes with its question.

Slack sends both as `message` events (subtypes `message_changed` and `message_deleted`) on the
subscriptions the bot already has. Only questions the bot answered are in
`services.answered`, so edits of other people's chatter are never read. Slack's retries are
answered once by the event-id middleware; two events about one deletion find the answer once.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from slack_sdk import WebClient

from bot.slack.answered import EDIT_WINDOW_SECONDS, Answered
from bot.slack.blocks import answer_message
from bot.slack.markup import question_from_slack, question_to_keep
from bot.slack.posts import About, Where, with_note
from bot.slack.services import SlackServices

log = logging.getLogger("bot.slack")

# chat.update takes the message, not the posting options (it would refuse or ignore them).
_POSTING_ONLY = ("unfurl_links", "unfurl_media")


def on_changed(services: SlackServices, client: WebClient, event: dict[str, Any], bot_user: str | None) -> None:
    """An edit of a question the bot answered, within the edit window: the same answer message, answered anew."""
    message = event.get("message") or {}
    channel = event.get("channel", "")
    if message.get("subtype") == "tombstone":  # a question with replies was deleted: its thread stays, marked
        on_deleted(services, client, channel, message.get("ts"))
        return
    ts = message.get("ts") or ""
    first = services.answered.get(channel, ts)
    if first is None:
        return
    if services.clock() - _seconds(ts) > EDIT_WINDOW_SECONDS:
        log.info("an edit of a question older than %d minutes was left alone", EDIT_WINDOW_SECONDS // 60)
        return
    text = message.get("text") or ""
    people = services.engine.people_by_slack_id()
    question = question_from_slack(text, bot_user, people)
    try:
        with services.threads.turn(first.conversation):
            found = services.answered.get(channel, ts)  # again, in turn: two quick edits are answered in order
            if found is None or question == found.question:
                return  # deleted meanwhile; or an unfurl, an emoji added: the question reads as it did
            where = Where(channel, message.get("thread_ts"), ts, direct=event.get("channel_type") == "im")
            about = services.posts.about(
                client, where, found.conversation, question, found.before, bot_user=bot_user, people=people
            )
            _answer_again(services, client, channel, ts, found, question, question_to_keep(text, bot_user), about)
    except Exception:
        log.exception("updating the answer to an edited question in %s failed", channel)


def _answer_again(
    services: SlackServices,
    client: WebClient,
    channel: str,
    ts: str,
    found: Answered,
    question: str,
    kept: str,
    about: About,
) -> None:
    """Read the edited question in the context it was first asked in (and under the post it sits under,
    when it now points at it), and put its answer where the old one is."""
    answer, context = services.answers.converse(
        question, found.before, keep_as=kept, record=not found.passive, about=about.text
    )
    if found.passive and not answer.answered:
        # A thread reply the bot would not have answered: its old answer no longer fits, and no answer is due.
        services.answered.take(channel, ts)
        client.chat_delete(channel=found.channel, ts=found.ts)
        return
    if about.note is not None:
        answer = with_note(answer, about)
        services.posts.told(found.conversation)
    message = {k: v for k, v in answer_message(answer, kept=kept).items() if k not in _POSTING_ONLY}
    client.chat_update(channel=found.channel, ts=found.ts, **message)
    after = found.after
    if services.threads.context(found.conversation) is found.after:  # nobody has asked since: go on from the edit
        if answer.closes:
            services.threads.end(found.conversation)
        else:
            services.threads.remember(found.conversation, context, found.user)
        after = services.threads.context(found.conversation)
    services.answered.remember(channel, ts, replace(found, question=question, after=after))


def on_deleted(services: SlackServices, client: WebClient, channel: str, question_ts: str | None) -> None:
    """A deleted question's answer is deleted too: an answer to nothing only puzzles the channel."""
    found = services.answered.take(channel, question_ts) if question_ts else None
    if found is None:
        return
    try:
        client.chat_delete(channel=found.channel, ts=found.ts)
    except Exception as exc:  # already gone (deleted by hand), or the channel is archived
        log.warning("could not delete the answer to a deleted question in %s: %s", channel, exc)


def _seconds(ts: str) -> float:
    try:
        return float(ts)
    except ValueError:
        return 0.0
