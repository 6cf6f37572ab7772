"""What each conversation remembers, kept per conversation id with a limit and an expiry.

`ask --batch --threads` keeps an engine `Context` per thread id; Slack keeps one per thread or
DM (`bot.slack.threads`). Old conversations are forgotten: after `ttl` seconds without a turn,
and the least recently used first beyond `limit`, so memory stays bounded however many
threads there are.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

DEFAULT_LIMIT = 10_000
DEFAULT_TTL = 24 * 3600.0


class Conversations(Generic[T]):
    """A bounded, expiring map from conversation id to its context. Safe to share between threads."""

    def __init__(
        self, limit: int = DEFAULT_LIMIT, ttl: float = DEFAULT_TTL, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.ttl = ttl
        self._clock = clock
        self._items: OrderedDict[str, tuple[float, T]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> T | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            stamp, context = item
            if self._clock() - stamp > self.ttl:
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return context

    def put(self, key: str, context: T | None) -> None:
        with self._lock:
            if context is None:
                self._items.pop(key, None)
                return
            self._items[key] = (self._clock(), context)
            self._items.move_to_end(key)
            while len(self._items) > self.limit:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
