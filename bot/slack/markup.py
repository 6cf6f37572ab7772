"""Slack's message markup, both ways.

In: `<@U123> who is <https://x|here>?` becomes `who is here?` (the bot's own
mention removed, links and mentions decoded), then the chat markup every front end
shares (emoji, emphasis, struck-out words, quotes: `bot.language.chat_markup`) is read
as the words meant. Out: text a user typed is escaped (`&`, `<`, `>`), so a question
echoed back can never become `<!channel>` or a mention.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from bot.language.chat_markup import plain_text

_SPECIAL = re.compile(r"<([^<>]*)>")


def question_from_slack(
    text: str,
    bot_user_id: str | None = None,
    people: Mapping[str, str] | None = None,
    *,
    keep_user_ids: bool = False,
) -> str:
    """The plain question in a Slack message.

    `<@U…>` of a person in the knowledge (`people`: Slack id to name) becomes their name, so
    "what does @Anna work on?" asks about Anna; anyone else's mention, `<!here>`, `<!channel>`
    and user groups are who the message is addressed to, not words of the question, and go.
    A link's label stays (it is what the writer wrote); a bare address goes with the chat
    markup. With `keep_user_ids`, user mentions stay `<@U…>` instead: the form the
    unanswered log keeps (see `question_to_keep`).
    """

    def decode(match: re.Match) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if bot_user_id and target == f"@{bot_user_id}":
            return " "
        if target.startswith("@") and keep_user_ids:
            return f"\x00{target[1:]}\x01"
        if people and target.startswith("@") and target[1:] in people:
            return people[target[1:]]
        if target.startswith(("@", "!")):
            return label if target.startswith("!date") else " "
        if target.startswith("#"):
            return f"#{label}" if label else " "
        return label or target.removeprefix("mailto:")

    # Typed text arrives with &, < and > escaped: the control characters left after decoding
    # are the placeholders of kept ids, which must survive html.unescape as themselves.
    decoded = html.unescape(_SPECIAL.sub(decode, (text or "").replace("\x00", "").replace("\x01", "")))
    # Lines stay lines until the chat markup is read: a quote is a line that starts with `>`.
    plain = plain_text(decoded)
    return " ".join(plain.replace("\x00", "<@").replace("\x01", ">").split())


def question_to_keep(text: str, bot_user_id: str | None = None) -> str:
    """The question as the unanswered log keeps it: people stay `<@U…>` ids, never names or labels.

    A name decoded from a mention is personal data the log has no need for; the id is
    enough for a maintainer reading the report inside the workspace.
    """
    return question_from_slack(text, bot_user_id, keep_user_ids=True)


def mention(user_id: str | None, *, in_brackets: bool = False) -> str:
    """`<@U…>` for a Slack user id ('' for none); ` (<@U…>)` after a name with `in_brackets`."""
    if not user_id:
        return ""
    return f" (<@{user_id}>)" if in_brackets else f"<@{user_id}>"


def escape(text: str) -> str:
    """Make user text inert in a Slack message: only &, < and > are control characters."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """A mrkdwn link for a web address; anything else is shown as plain, escaped text.

    A knowledge file's `url: "!channel"` must never become `<!channel|…>` (a notification to
    everyone), nor `@U…` a mention: only http(s) addresses are links, their specials encoded.
    """
    url = (url or "").strip()
    if not url.lower().startswith(("https://", "http://")):
        return escape(f"{label}: {url}" if url else label)
    safe = url.replace("&", "&amp;").replace("<", "%3C").replace(">", "%3E").replace("|", "%7C").replace(" ", "%20")
    return f"<{safe}|{escape(label).replace('|', '/')}>"
