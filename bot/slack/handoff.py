"""'Ask a person': a question the bot could not answer goes to people who can.

To the maintainers' channel (`BOT_MAINTAINERS_CHANNEL`) when it is set, else as a
DM to the group leader when the knowledge gives the leader's Slack id. The
question is posted with a link to the conversation, the asker is told where it
went, and the unanswered log keeps it as handed off.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_sdk import WebClient

from bot.slack.markup import escape, mention
from bot.slack.services import SlackServices
from bot.unanswered import HANDED_OFF

log = logging.getLogger("bot.slack")

NOBODY = (
    "I couldn't pass your question on: no maintainers' channel is set up and the knowledge has no Slack "
    "account for the group leader. Please ask in the group's channel."
)


@dataclass(frozen=True)
class Question:
    """The question as it was typed (shown to the person it goes to) and as the log may keep it."""

    shown: str
    kept: str


def _target(services: SlackServices) -> tuple[str, str] | None:
    """(where to post, how to name it to the asker), or None when there is nobody to hand to."""
    channel = services.settings.maintainers_channel
    if channel:
        named = f"<#{channel}>" if channel[:1] in ("C", "G") and channel.isupper() else f"#{escape(channel)}"
        return channel, f"the maintainers' channel {named}"
    leaders = services.engine.leader_slack_ids()
    if leaders:
        return leaders[0], f"the group leader {mention(leaders[0])}"
    return None


def _permalink(client: WebClient, channel: str | None, message_ts: str | None) -> str | None:
    if not channel or not message_ts or channel.startswith("D"):
        return None  # a DM with the bot is the asker's: nobody else could open the link
    try:
        return client.chat_getPermalink(channel=channel, message_ts=message_ts).get("permalink")
    except Exception as exc:  # the question still goes; only the link is missing
        log.warning("could not get a link to the message: %s", exc)
        return None


def hand_off(
    services: SlackServices,
    client: WebClient,
    question: Question,
    asker: str,
    channel: str | None,
    message_ts: str | None,
) -> str:
    """Pass the question on; return what to tell the asker (mrkdwn, safe to post)."""
    target = _target(services)
    if target is None:
        return escape(NOBODY)
    where, named = target
    link = _permalink(client, channel, message_ts)
    lines = [f"{mention(asker)} would like a person to answer a question I couldn't:", f">{escape(question.shown)}"]
    if link:
        lines.append(f"<{link}|See the conversation>")
    else:
        lines.append("(asked privately: reply to them directly)")
    try:
        client.chat_postMessage(channel=where, text="\n".join(lines), unfurl_links=False, unfurl_media=False)
    except Exception:
        log.exception("handing a question off to %s failed", where)
        return escape("Sorry, I couldn't pass your question on just now. Please try again in a moment.")
    services.answers.feedback(question.kept, HANDED_OFF, "unknown")
    return f"I've passed your question on to {named}. Someone will get back to you."
