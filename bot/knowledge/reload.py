"""Live reload: serve the newest knowledge that passes `check`, keep the last good one otherwise.

Polling the folder once a second is enough for "within about 3 seconds" and
needs no file-watching dependency; a handful of stat() calls cost nothing.
Editors and backup tools save in steps (truncate then write, or rename away
then write anew), so a change is read only once the files have stopped
changing for `settle` seconds, and a file that vanished or became empty since
the last good version is refused rather than served as "no themes".
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

from bot.engine import Engine
from bot.errors import KnowledgeError
from bot.knowledge.files import Snapshot
from bot.knowledge.last_good import LastGood
from bot.knowledge.loader import load_knowledge, read_snapshot

log = logging.getLogger("bot.knowledge.reload")

Fingerprint = tuple[tuple[str, int, int], ...]

STUCK_AFTER_SECONDS = 60.0


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


def unfinished_saves(good: Snapshot, new: Snapshot) -> list[str]:
    """Files of the last good version that are now gone or empty: most likely a save still under way."""
    problems = []
    for name, data in good.items():
        if name not in new:
            problems.append(
                f"{name}: vanished since the last good version (a save in progress?); "
                "to empty it on purpose, leave [] in it"
            )
        elif not new[name].strip() and data.strip():
            problems.append(
                f"{name}: became empty since the last good version (a save in progress?); "
                "to empty it on purpose, leave [] in it"
            )
    return problems


class KnowledgeSource:
    """Holds the current Engine. Thread-safe: readers get a whole engine, old or new, never half."""

    def __init__(
        self,
        directory: Path,
        on_error: Callable[[list[str]], None] | None = None,
        on_reload: Callable[[Engine], None] | None = None,
        interval: float = 1.0,
        settle: float = 1.0,
        last_good: LastGood | None = None,
        stuck_after: float = STUCK_AFTER_SECONDS,
    ) -> None:
        self.directory = Path(directory)
        self.on_error = on_error
        self.on_reload = on_reload
        self.interval = interval
        self.settle = settle
        self.last_good = last_good
        self.stuck_after = stuck_after
        self.last_problems: list[str] = []
        self.started_from_last_good = False
        self.looks = 0  # how many times the reloader has looked at the folder
        self._seen = fingerprint(self.directory)
        self._pending: Fingerprint | None = None
        self._pending_since = 0.0
        self._good, self._engine = self._first_knowledge()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._last_look = time.monotonic()

    def _first_knowledge(self) -> tuple[Snapshot, Engine]:
        """The folder's knowledge; after a broken edit, the last good copy with a loud warning."""
        try:
            snapshot = read_snapshot(self.directory)
            engine = Engine(load_knowledge(self.directory, snapshot))
        except KnowledgeError as exc:
            kept = self.last_good.load(self.directory) if self.last_good else None
            if kept is None:
                raise
            snapshot, saved = kept
            try:
                engine = Engine(load_knowledge(self.directory, snapshot))
            except KnowledgeError:
                raise exc from None
            self.last_problems = exc.problems
            self.started_from_last_good = True
            log.error(
                "THE KNOWLEDGE IN %s HAS %d PROBLEM(S); serving the last good version (saved %s) until they are fixed:",
                self.directory,
                len(exc.problems),
                saved,
            )
            for problem in exc.problems:
                log.error("  %s", problem)
            return snapshot, engine
        if self.last_good:
            self.last_good.save(snapshot, self.directory)
        return snapshot, engine

    @property
    def engine(self) -> Engine:
        return self._engine

    def healthy(self) -> bool:
        """False when the reloader has not finished a look at the folder for `stuck_after` seconds (a hung read)."""
        return self._thread is None or time.monotonic() - self._last_look < self.stuck_after

    def check_now(self) -> bool:
        """Reload if the files changed and have settled; True when a new knowledge base is now served."""
        current = fingerprint(self.directory)
        if current == self._seen:
            self._pending = None
            return False
        if self.settle > 0:
            now = time.monotonic()
            if current != self._pending:
                self._pending, self._pending_since = current, now
                return False
            if now - self._pending_since < self.settle:
                return False
        try:
            snapshot = read_snapshot(self.directory)
            problems = unfinished_saves(self._good, snapshot)
        except KnowledgeError as exc:
            snapshot, problems = {}, exc.problems
        if fingerprint(self.directory) != current:
            self._pending = None  # changed while being read: wait for it to settle again
            return False
        self._seen, self._pending = current, None
        engine = None
        if not problems:
            try:
                engine = Engine(load_knowledge(self.directory, snapshot))
            except KnowledgeError as exc:
                problems = exc.problems
        if engine is None:
            self._refuse(problems)
            return False
        self._good, self._engine = snapshot, engine
        self.last_problems = []
        self.started_from_last_good = False
        if self.last_good:
            self.last_good.save(snapshot, self.directory)
        log.info(
            "knowledge reloaded: %d people, %d organisations, %d themes",
            len(engine.kb.people),
            len(engine.kb.organisations),
            len(engine.kb.themes),
        )
        if self.on_reload:
            self.on_reload(engine)
        return True

    def _refuse(self, problems: list[str]) -> None:
        self.last_problems = problems
        for problem in problems:
            log.error("knowledge edit refused, still serving the last good version: %s", problem)
        if self.on_error:
            try:
                self.on_error(problems)
            except Exception:
                log.exception("could not report the refused edit")

    def start(self) -> None:
        if self._thread is None:
            self._last_look = time.monotonic()
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
            self.looks += 1
            self._last_look = time.monotonic()
