"""Which Slack conversations the bot takes part in, and each one's context for follow-ups.

A thread the bot has answered in is a conversation with the people who asked it there:
their later messages in that thread are questions to it, read with the thread's
context, until one of them says "thanks" or "stop" or the thread goes quiet. Other
people in the thread are talking to each other until they mention the bot too. A
direct message channel is one conversation, threads in it included. Memory is
bounded (see `bot.conversations`) and holds Slack user ids only, never names.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from bot.conversations import Conversations
from bot.understanding.followup import Context

THREAD_TTL_SECONDS = 6 * 3600.0
"""A channel thread quiet this long is over: later replies there are people talking to each other."""


def conversation_key(channel: str, thread_ts: str | None, ts: str | None, *, direct: bool) -> str:
    """'D123' for everything in a DM; 'C123:1700000000.000100' for a channel thread (its root's ts)."""
    if direct:
        return channel
    return f"{channel}:{thread_ts or ts or ''}"


def event_key(event: dict[str, Any]) -> str:
    direct = event.get("channel_type") == "im"
    return conversation_key(event.get("channel", ""), event.get("thread_ts"), event.get("ts"), direct=direct)


@dataclass(frozen=True)
class Conversation:
    """What one conversation keeps: the engine's context and who is talking with the bot in it."""

    context: Context = field(default_factory=Context)
    askers: frozenset[str] = frozenset()


class Threads:
    """The conversations the bot is in: a thin, Slack-shaped layer over the engine's contexts."""

    def __init__(self, store: Conversations[Conversation] | None = None, stripes: int = 64) -> None:
        self._store: Conversations[Conversation] = store or Conversations(ttl=THREAD_TTL_SECONDS)
        self._locks = [threading.Lock() for _ in range(stripes)]

    def turn(self, key: str) -> threading.Lock:
        """Held while one message of a conversation is answered and posted: two quick messages in a
        thread are read in turn, the second with the first's context, and their answers keep their order."""
        return self._locks[hash(key) % len(self._locks)]

    def context(self, key: str) -> Context | None:
        found = self._store.get(key)
        return found.context if found else None

    def talks_with(self, key: str, user: str | None) -> bool:
        """True when `user` asked the bot something in this conversation, and it has not ended."""
        found = self._store.get(key)
        return found is not None and bool(user) and user in found.askers

    def remember(self, key: str, context: Context | None, user: str | None) -> None:
        """Keep the conversation going with its new context (an empty one if the engine gave none)."""
        found = self._store.get(key)
        askers = (found.askers if found else frozenset()) | ({user} if user else set())
        self._store.put(key, Conversation(context or Context(), frozenset(askers)))

    def end(self, key: str) -> None:
        self._store.put(key, None)

    def __len__(self) -> int:
        return len(self._store)
