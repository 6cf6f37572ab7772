"""Slack's message markup, both ways.

In: `<@U123> who is <https://x|here>?` becomes `who is here?` (the bot's own
mention removed, links and mentions decoded). Out: text a user typed is
escaped (`&`, `<`, `>`), so a question echoed back can never become
`<!channel>` or a mention.
"""

from __future__ import annotations

import html
import re

_SPECIAL = re.compile(r"<([^<>]*)>")


def question_from_slack(text: str, bot_user_id: str | None = None) -> str:
    """The plain question in a Slack message."""

    def decode(match: re.Match) -> str:
        inner = match.group(1)
        target, _, label = inner.partition("|")
        if bot_user_id and target == f"@{bot_user_id}":
            return " "
        if target.startswith(("@", "!")):
            if target.startswith("!date"):
                return label
            return label.lstrip("@") if label and target.startswith("@") else ""
        if target.startswith("#"):
            return f"#{label}" if label else ""
        return label or target.removeprefix("mailto:")

    plain = _SPECIAL.sub(decode, text or "")
    plain = html.unescape(plain)
    return " ".join(plain.split())


def escape(text: str) -> str:
    """Make user text inert in a Slack message: only &, < and > are control characters."""
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def link(url: str, label: str) -> str:
    """A mrkdwn link; the label escaped, and the `|` that would end it removed."""
    return f"<{url.replace('>', '%3E').replace('|', '%7C')}|{escape(label).replace('|', '/')}>"
