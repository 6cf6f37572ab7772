"""The post a question sits under, for "who at <place> works on *this*?".

In Slack, *this* often points at the thread's first message (a paper, a plan, a photo from the
field) or, for a message outside a thread, at what the channel is about (its topic, else its
purpose). The engine reads *this* as that post's themes when it is handed the post's text
(`Engine.converse(about=...)`); this module fetches that text, only when the question points at
something (`points_at_the_post`) and the conversation has nothing it could point at, so an
ordinary question costs no Web API call. A post is fetched once per thread and kept, bounded and
expiring like the threads' contexts: Slack allows some apps one `conversations.replies` a minute.
A post that cannot be read (a missing scope, a rate limit, a deleted post or channel) is answered
without, and the reason is said once per conversation, so a surprising answer is explained.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.answer import NOTE, Answer, Part
from bot.conversations import Conversations
from bot.slack.markup import question_from_slack
from bot.slack.threads import THREAD_TTL_SECONDS
from bot.understanding.followup import Context
from bot.understanding.post_topic import points_at_the_post

log = logging.getLogger("bot.slack")

TOPIC_TTL_SECONDS = 600.0
"""A channel's topic is read again after this long: unlike a thread's first message, people change it."""

# Worth trying again on a later question: Slack was busy or out of reach, not refusing.
_PASSING = ("ratelimited", "unreachable", "internal_error", "fatal_error", "service_unavailable", "request_timeout")

_NOT_READ = {
    "post": (
        "I could not read the post above ({reason}), so I answered for the whole group.",
        "Jeg fikk ikke lest innlegget over ({reason}), så jeg svarte for hele gruppen.",
    ),
    "topic": (
        "I could not read this channel's topic ({reason}), so I answered for the whole group.",
        "Jeg fikk ikke lest kanalens emne ({reason}), så jeg svarte for hele gruppen.",
    ),
}


@dataclass(frozen=True)
class Where:
    """Where a question was asked: its channel, the thread's root (None outside a thread), whether a DM."""

    channel: str
    thread_ts: str | None
    ts: str | None
    direct: bool = False
    group_dm: bool = False

    @property
    def in_thread(self) -> bool:
        return bool(self.thread_ts and self.ts and self.thread_ts != self.ts)


@dataclass(frozen=True)
class Fetched:
    """What a fetch gave: the post's plain text, or why there is none (a Slack error code)."""

    text: str | None = None
    problem: str | None = None
    source: str = "post"  # "post" (a thread's first message) or "topic" (the channel's)


@dataclass(frozen=True)
class About:
    """The post's text for the engine, and a line for the answer when it could not be read."""

    text: str | None = None
    note: tuple[str, str] | None = None
    """(English, Norwegian) line saying why the post was not read; None when read, or already said."""


def nothing_to_point_at(context: Context | None) -> bool:
    """A conversation with nothing *this* could mean: the same test the engine makes before it reads
    the post, made here first so no post is fetched that the engine would not read."""
    return context is None or (context.query is None and not context.people and not context.themes)


class Posts:
    """The posts questions sit under, fetched once and kept, and the conversations told they could not be."""

    def __init__(self, limit: int = 10_000) -> None:
        self._posts: Conversations[Fetched] = Conversations(limit=limit, ttl=THREAD_TTL_SECONDS)
        self._topics: Conversations[Fetched] = Conversations(limit=limit, ttl=TOPIC_TTL_SECONDS)
        self._told: Conversations[bool] = Conversations(limit=limit, ttl=THREAD_TTL_SECONDS)

    def about(
        self,
        client: WebClient,
        where: Where,
        conversation: str,
        question: str,
        context: Context | None,
        *,
        bot_user: str | None = None,
        people: Mapping[str, str] | None = None,
    ) -> About:
        """The post a question points at, read as a question is read; nothing (and no call) when it points at none."""
        if where.ts is None or not points_at_the_post(question) or not nothing_to_point_at(context):
            return About()  # a click has no post of its own; "this" after an answer is that answer
        if where.in_thread:
            fetched = self._fetch(
                self._posts, f"{where.channel}:{where.thread_ts}", lambda: _first_message(client, where)
            )
        elif not where.direct and not where.group_dm:  # a DM or a group DM has no topic to read
            fetched = self._fetch(self._topics, where.channel, lambda: _channel_topic(client, where.channel))
        else:
            return About()
        if fetched.problem is None:
            text = question_from_slack(fetched.text or "", bot_user, people)
            return About(text=text or None)
        if self._told.get(conversation):
            return About()
        english, norwegian = _NOT_READ[fetched.source]
        return About(note=(english.format(reason=fetched.problem), norwegian.format(reason=fetched.problem)))

    def told(self, conversation: str) -> None:
        """The conversation was told why its post was not read: later answers in it need not repeat it."""
        self._told.put(conversation, True)

    def _fetch(self, store: Conversations[Fetched], key: str, fetch: Any) -> Fetched:
        found = store.get(key)
        if found is not None:
            return found
        fetched: Fetched = fetch()
        if fetched.problem not in _PASSING:  # a refusal stays one; a busy Slack is asked again next time
            store.put(key, fetched)
        return fetched


def with_note(answer: Answer, about: About) -> Answer:
    """The answer with the line saying why the post was not read, in the answer's language."""
    if about.note is None:
        return answer
    line = about.note[1] if answer.language == "no" else about.note[0]
    if answer.parts:
        return replace(answer, parts=(*answer.parts, Part(NOTE, (line,))), details=())
    return replace(answer, details=(*answer.details, line))


def _without_waiting(client: WebClient) -> WebClient:
    """The client without its rate-limit retries: waiting out Retry-After (up to a minute for
    conversations.replies) would hold the answer; it goes out without the post instead."""
    quick = copy.copy(client)
    quick.retry_handlers = [h for h in client.retry_handlers if not isinstance(h, RateLimitErrorRetryHandler)]
    return quick


def _first_message(client: WebClient, where: Where) -> Fetched:
    try:
        response = _without_waiting(client).conversations_replies(channel=where.channel, ts=where.thread_ts, limit=1)
    except Exception as exc:
        return Fetched(problem=_problem(exc))
    messages = response.get("messages") or []
    first = messages[0] if messages else None
    if not first or first.get("ts") != where.thread_ts:
        return Fetched(problem="thread_not_found")
    if first.get("subtype") == "tombstone":  # deleted, its replies kept: Slack's "This message was deleted."
        return Fetched(problem="deleted")
    return Fetched(text=_message_text(first))


def _channel_topic(client: WebClient, channel: str) -> Fetched:
    try:
        found = _without_waiting(client).conversations_info(channel=channel).get("channel") or {}
    except Exception as exc:
        return Fetched(problem=_problem(exc), source="topic")
    topic = (found.get("topic") or {}).get("value") or (found.get("purpose") or {}).get("value") or ""
    return Fetched(text=topic, source="topic")


def _message_text(message: dict[str, Any]) -> str:
    """A message's words: its text, and those of what it shares (a file's title, an attachment's text)."""
    words = [message.get("text") or ""]
    for attachment in message.get("attachments") or []:
        words += [attachment.get(k) or "" for k in ("title", "text")]
    words += [f.get("title") or "" for f in message.get("files") or []]
    return "\n".join(w for w in words if w)


def _problem(exc: Exception) -> str:
    """Slack's error code (missing_scope, ratelimited, thread_not_found, …), for the log and the answer."""
    if isinstance(exc, SlackApiError):
        response = exc.response
        if response is not None and getattr(response, "status_code", 200) == 429:
            code = "ratelimited"
        else:
            code = str((response.get("error") if response is not None else None) or "error")
    else:
        code = "unreachable"
    log.warning("could not read the post a question points at: %s (%s)", code, type(exc).__name__)
    return code
