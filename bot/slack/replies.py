"""One turn of a Slack conversation: read the question in its conversation's light, answer, post.

Mentions, DMs, thread follow-ups and clicked suggestions all come here, so each of them
moves the conversation on the same way and a failure is always an apology, never silence.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk import WebClient

from bot.service import APOLOGY
from bot.slack.answered import Answered
from bot.slack.blocks import answer_message, text_message
from bot.slack.markup import question_from_slack, question_to_keep
from bot.slack.posts import Where, with_note
from bot.slack.services import SlackServices

log = logging.getLogger("bot.slack")


@dataclass(frozen=True)
class Turn:
    """Where a message was posted and by whom, and its text in Slack's markup."""

    channel: str
    thread_ts: str | None
    key: str
    user: str | None
    text: str
    bot_user: str | None = None
    passive: bool = False
    """A thread reply that did not mention the bot: answered only when the bot knows the answer."""
    ts: str | None = None
    """The question's own ts, when it is a message (not a click): its answer can follow its edits."""
    channel_type: str | None = None
    """Slack's channel_type of a message event ('im', 'mpim', 'channel', 'group'); mentions carry none."""

    @property
    def where(self) -> Where:
        """Where the post a *this* may point at is: the thread's root, or the channel's topic."""
        direct = self.channel_type == "im" or self.channel.startswith("D")
        return Where(self.channel, self.thread_ts, self.ts, direct=direct, group_dm=self.channel_type == "mpim")


def take_turn(services: SlackServices, client: WebClient, turn: Turn) -> None:
    """Answer and post while holding the conversation, so its answers keep the order of its questions."""
    try:
        # As the engine reads it (a known person's @-mention becomes their name) and as the log keeps it.
        people = services.engine.people_by_slack_id()
        question = question_from_slack(turn.text, turn.bot_user, people)
        kept = question_to_keep(turn.text, turn.bot_user)
        with services.threads.turn(turn.key):
            before = services.threads.context(turn.key)
            about = services.posts.about(
                client, turn.where, turn.key, question, before, bot_user=turn.bot_user, people=people
            )
            answer, context = services.answers.converse(
                question, before, keep_as=kept, record=not turn.passive, about=about.text
            )
            if turn.passive and not answer.answered:
                log.info("a thread reply the bot could not answer was left to the people in the thread")
                return
            if about.note is not None:
                answer = with_note(answer, about)
                services.posts.told(turn.key)
            if answer.closes:
                services.threads.end(turn.key)
            else:
                services.threads.remember(turn.key, context, turn.user)
            posted = client.chat_postMessage(
                channel=turn.channel, thread_ts=turn.thread_ts, **answer_message(answer, kept=kept)
            )
            if turn.ts and posted.get("ts"):
                where = Answered(
                    channel=posted.get("channel") or turn.channel,
                    ts=posted["ts"],
                    conversation=turn.key,
                    question=question,
                    user=turn.user,
                    before=before,
                    after=services.threads.context(turn.key),
                    passive=turn.passive,
                )
                services.answered.remember(turn.channel, turn.ts, where)
    except Exception:
        log.exception("answering in %s failed", turn.channel)
        try:
            client.chat_postMessage(channel=turn.channel, thread_ts=turn.thread_ts, **text_message(APOLOGY))
        except Exception:
            log.exception("even the apology could not be posted in %s", turn.channel)
