"""Answer each Slack event once: Slack re-sends events it thinks were not received."""

from __future__ import annotations

import threading
from collections import OrderedDict


class SeenEvents:
    """A bounded, thread-safe memory of event ids (one process is enough, see slack-platform.md)."""

    def __init__(self, capacity: int = 10_000) -> None:
        self.capacity = capacity
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        """True the first time an id is seen, False for every repeat."""
        with self._lock:
            if event_id in self._seen:
                self._seen.move_to_end(event_id)
                return False
            self._seen[event_id] = None
            if len(self._seen) > self.capacity:
                self._seen.popitem(last=False)
            return True
