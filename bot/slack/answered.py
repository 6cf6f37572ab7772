"""Which answer the bot posted for which question, so the answer can follow its question.

Someone who fixes a typo in their question expects the answer to change with it, not a
second answer below the wrong one; someone who deletes a question does not want the
answer left behind, answering nothing. Slack names an edited or deleted message by its
channel and ts, so the bot keeps (channel, question ts) → where its answer is, with what
it needs to answer again: the conversation's context from before the question.

Kept in memory like the conversations (`bot.slack.threads`): bounded, the oldest forgotten
first, and for as long as a conversation; a restart forgets it, and an edit or deletion
after that is left alone. An edit counts only within `EDIT_WINDOW_SECONDS` of the question.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.conversations import Conversations
from bot.slack.threads import THREAD_TTL_SECONDS
from bot.understanding.followup import Context

EDIT_WINDOW_SECONDS = 10 * 60.0
"""An edit this long after the question is left alone: by then people have read the answer, and
a rewritten answer under an old question would surprise them more than a stale one."""


@dataclass(frozen=True)
class Answered:
    """Where a question's answer is, and what answering that question again needs."""

    channel: str
    ts: str
    conversation: str
    """The conversation key (`bot.slack.threads.conversation_key`) the question was asked in."""
    question: str
    """The question as the engine read it: an edit that reads the same changes nothing."""
    user: str | None = None
    before: Context | None = None
    """The conversation's context before the question: an edited follow-up is read in it again."""
    after: Context | None = None
    """The context the answer left: while it is still the conversation's, the edit may replace it."""
    passive: bool = False
    """A thread reply that did not mention the bot: its edit is answered only when the bot knows."""


class AnsweredQuestions:
    """A bounded, expiring map from (channel, question ts) to the `Answered`. Safe between threads."""

    def __init__(
        self, limit: int = 10_000, ttl: float = THREAD_TTL_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._store: Conversations[Answered] = Conversations(limit=limit, ttl=ttl, clock=clock)
        self._lock = threading.Lock()

    def remember(self, channel: str, question_ts: str, answered: Answered) -> None:
        with self._lock:
            self._store.put(_key(channel, question_ts), answered)

    def get(self, channel: str, question_ts: str) -> Answered | None:
        with self._lock:
            return self._store.get(_key(channel, question_ts))

    def take(self, channel: str, question_ts: str) -> Answered | None:
        """The answer, forgotten at once: of two events about one deletion, only the first finds it."""
        with self._lock:
            key = _key(channel, question_ts)
            found = self._store.get(key)
            self._store.put(key, None)
            return found

    def __len__(self) -> int:
        return len(self._store)


def _key(channel: str, ts: str) -> str:
    return f"{channel}:{ts}"
