"""Live reload: serve the newest knowledge that passes `check`, keep the last good one otherwise.

Polling the folder once a second is enough for "within about 3 seconds" and
needs no file-watching dependency; a handful of stat() calls cost nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

from bot.engine import Engine
from bot.errors import KnowledgeError
from bot.knowledge.loader import load_knowledge

log = logging.getLogger("bot.knowledge.reload")

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(directory: Path) -> Fingerprint:
    """Names, modification times and sizes of the YAML files: changes when any is edited."""
    entries = []
    for path in sorted(directory.glob("*.y*ml")):
        try:
            stat = path.stat()
        except OSError:
            continue
        entries.append((path.name, stat.st_mtime_ns, stat.st_size))
    return tuple(entries)


class KnowledgeSource:
    """Holds the current Engine. Thread-safe: readers get a whole engine, old or new, never half."""

    def __init__(
        self,
        directory: Path,
        on_error: Callable[[list[str]], None] | None = None,
        on_reload: Callable[[Engine], None] | None = None,
        interval: float = 1.0,
    ) -> None:
        self.directory = Path(directory)
        self.on_error = on_error
        self.on_reload = on_reload
        self.interval = interval
        self._seen = fingerprint(self.directory)
        self._engine = Engine(load_knowledge(self.directory))
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.last_problems: list[str] = []

    @property
    def engine(self) -> Engine:
        return self._engine

    def check_now(self) -> bool:
        """Reload if the files changed; True when a new knowledge base is now served."""
        current = fingerprint(self.directory)
        if current == self._seen:
            return False
        self._seen = current
        try:
            engine = Engine(load_knowledge(self.directory))
        except KnowledgeError as exc:
            self.last_problems = exc.problems
            for problem in exc.problems:
                log.error("knowledge edit refused, still serving the last good version: %s", problem)
            if self.on_error:
                try:
                    self.on_error(exc.problems)
                except Exception:
                    log.exception("could not report the refused edit")
            return False
        self._engine = engine
        self.last_problems = []
        log.info(
            "knowledge reloaded: %d people, %d organisations, %d themes",
            len(engine.kb.people),
            len(engine.kb.organisations),
            len(engine.kb.themes),
        )
        if self.on_reload:
            self.on_reload(engine)
        return True

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="knowledge-reload", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.check_now()
            except Exception:
                log.exception("checking the knowledge folder failed")
