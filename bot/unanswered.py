"""Questions the bot could not answer, and answers people marked 👎, kept in SQLite.

Maintainers read them with `python -m bot report` to learn what to add to the
knowledge. Only the time, the front end and the text are kept: never who asked.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.answer import Answer
from bot.errors import ConfigError
from bot.settings import Settings

UNANSWERED = "unanswered"
THUMBS_DOWN = "thumbs_down"
ERROR = "error"
MAX_STORED_CHARS = 2000

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY,
    asked_at TEXT NOT NULL,
    front_end TEXT NOT NULL,
    reason TEXT NOT NULL,
    question TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_asked_at ON questions (asked_at);
"""


@dataclass(frozen=True, slots=True)
class StoredQuestion:
    asked_at: datetime
    front_end: str
    reason: str
    question: str


class UnansweredLog:
    """An append-only SQLite log, safe to write from many threads and processes at once.

    Each thread keeps its own connection (SQLite connections are not shared
    between threads); WAL mode and a busy timeout let a Slack worker pool and
    a terminal session write side by side without losing each other's rows.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._init_lock = threading.Lock()
        self._ready = False
        self._local = threading.local()

    def _connect(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            return connection
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 30000")
        # WAL with synchronous=NORMAL: no fsync per row, and still never a corrupt file.
        connection.execute("PRAGMA synchronous = NORMAL")
        if not self._ready:
            with self._init_lock:
                if not self._ready:
                    connection.execute("PRAGMA journal_mode = WAL")
                    connection.executescript(_SCHEMA)
                    self._ready = True
        self._local.connection = connection
        return connection

    def add(self, question: str, front_end: str, reason: str = UNANSWERED) -> None:
        text = " ".join((question or "").split())[:MAX_STORED_CHARS]
        if not text:
            return
        now = datetime.now(UTC).isoformat(timespec="seconds")
        self._connect().execute(
            "INSERT INTO questions (asked_at, front_end, reason, question) VALUES (?, ?, ?, ?)",
            (now, front_end, reason, text),
        )

    def record(self, answer: Answer, front_end: str) -> None:
        """Keep the question if the bot could not answer it."""
        if not answer.answered:
            self.add(answer.question, front_end, UNANSWERED)

    def since(self, moment: datetime) -> list[StoredQuestion]:
        if not self.path.exists():
            return []
        rows = (
            self._connect()
            .execute(
                "SELECT asked_at, front_end, reason, question FROM questions WHERE asked_at >= ? ORDER BY id",
                (moment.isoformat(timespec="seconds"),),
            )
            .fetchall()
        )
        return [StoredQuestion(datetime.fromisoformat(a), f, r, q) for a, f, r, q in rows]


def recorder_for(settings: Settings) -> UnansweredLog | None:
    """The log in the configured data directory, or None when `BOT_RECORD_UNANSWERED` is off."""
    if not settings.record_unanswered:
        return None
    if settings.data_dir.exists() and not settings.data_dir.is_dir():
        raise ConfigError(f"the data directory {settings.data_dir} is a file, not a directory")
    return UnansweredLog(settings.unanswered_path)


def parse_since(text: str) -> timedelta:
    """'30d', '12h', '90m', '2w' as a time span."""
    units = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
    text = (text or "").strip().lower()
    if len(text) < 2 or text[-1] not in units or not text[:-1].isdecimal():
        raise ConfigError(f"--since takes a number and a unit, like 30d, 12h or 2w; got {text!r}")
    return timedelta(**{units[text[-1]]: int(text[:-1])})
