"""Which Slack conversations the bot takes part in, and each one's context for follow-ups.

A thread the bot has answered in is a conversation: later messages there are
questions to it, read with that thread's context, until someone says "thanks" or
"stop" or the thread goes quiet for a day. A direct message channel is one
conversation of its own. Memory is bounded (see `bot.conversations`).
"""

from __future__ import annotations

import threading
from typing import Any

from bot.conversations import Conversations
from bot.understanding.followup import Context


def conversation_key(event: dict[str, Any]) -> str:
    """'C123:1700000000.000100' for a thread; 'D123' for a DM outside any thread."""
    channel = event.get("channel", "")
    thread = event.get("thread_ts")
    if event.get("channel_type") == "im" and not thread:
        return channel
    return f"{channel}:{thread or event.get('ts', '')}"


class Threads:
    """The conversations the bot is in: a thin, Slack-shaped layer over the engine's contexts."""

    def __init__(self, store: Conversations | None = None, stripes: int = 64) -> None:
        self._store = store or Conversations()
        self._locks = [threading.Lock() for _ in range(stripes)]

    def turn(self, key: str) -> threading.Lock:
        """Held while one message of a conversation is answered: two quick messages in a thread are
        read in turn, the second with the first's context, not side by side with the same context."""
        return self._locks[hash(key) % len(self._locks)]

    def context(self, key: str) -> Context | None:
        return self._store.get(key)

    def takes_part(self, key: str) -> bool:
        return self._store.get(key) is not None

    def remember(self, key: str, context: Context | None) -> None:
        """Keep the conversation going with its new context (an empty one if the engine gave none)."""
        self._store.put(key, context or Context())

    def end(self, key: str) -> None:
        self._store.put(key, None)

    def __len__(self) -> int:
        return len(self._store)
