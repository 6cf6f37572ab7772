"""'Ask a person': a question the bot could not answer goes to people who can.

To the maintainers' channel (`BOT_MAINTAINERS_CHANNEL`) when it is set, else as a
DM to the group leader when the knowledge gives the leader's Slack id. The
question is posted with a link to the conversation, the asker is told where it
went, and the unanswered log keeps it as handed off.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from bot.slack.markup import escape, mention
from bot.slack.services import SlackServices
from bot.unanswered import HANDED_OFF

log = logging.getLogger("bot.slack")

NOBODY = (
    "I couldn't pass your question on: no maintainers' channel is set up and the knowledge has no Slack "
    "account for the group leader. Please ask in the group's channel."
)


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
    if not channel or not message_ts:
        return None
    try:
        return client.chat_getPermalink(channel=channel, message_ts=message_ts).get("permalink")
    except Exception as exc:  # the question still goes; only the link is missing
        log.warning("could not get a link to the message: %s", exc)
        return None


def hand_off(
    services: SlackServices,
    client: WebClient,
    question: str,
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
    lines = [f"{mention(asker)} asked a question I couldn't answer:", f">{escape(question)}"]
    if link:
        lines.append(f"<{link}|See the conversation>")
    elif not message_ts:
        lines.append("(asked privately, with /ask: reply to them directly)")
    try:
        client.chat_postMessage(channel=where, text="\n".join(lines), unfurl_links=False, unfurl_media=False)
    except Exception:
        log.exception("handing a question off to %s failed", where)
        return escape("Sorry, I couldn't pass your question on just now. Please try again in a moment.")
    services.answers.feedback(question, HANDED_OFF, "unknown")
    return f"I've passed your question on to {named}. Someone will get back to you."
