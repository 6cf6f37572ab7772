"""Questions the bot could not answer, and feedback on answers, kept in SQLite for maintainers.

Maintainers read them with `python -m bot report` to learn what to add to the
knowledge. Only the time, the front end, the kind of answer, the text and an optional
reason are kept: never who asked. E-mail addresses and phone numbers are masked,
Slack users stay `<@U…>` ids, rows older than `BOT_UNANSWERED_DAYS` are deleted, and
the file is readable by its owner only.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.answer import Answer
from bot.errors import BotError, ConfigError
from bot.settings import Settings

UNANSWERED = "unanswered"
THUMBS_DOWN = "thumbs_down"
THUMBS_UP = "thumbs_up"
HANDED_OFF = "handed_off"
FEEDBACK_REASON = "feedback_reason"
ERROR = "error"
MAX_STORED_CHARS = 2000
DEFAULT_KEEP_DAYS = 90
PURGE_EVERY_SECONDS = 3600.0

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
_ADDED_COLUMNS = (("kind", "TEXT NOT NULL DEFAULT ''"), ("detail", "TEXT NOT NULL DEFAULT ''"))
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w<@])\+?\d[\d ()./-]{6,}\d(?!\w)")
_YEARS_OR_DATE = re.compile(r"^\d{4}\s*[-–/.]\s*\d{2,4}$|^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")


def _phone(match: re.Match) -> str:
    """A phone number has eight digits or more; '2020-2025' and dates are not phone numbers."""
    found = match.group(0)
    if sum(c.isdigit() for c in found) < 8 or _YEARS_OR_DATE.match(found):
        return found
    return "[phone]"


def mask_personal(text: str) -> str:
    """E-mail addresses and phone numbers masked: the log keeps what was asked, not how to reach people."""
    return _PHONE.sub(_phone, _EMAIL.sub("[e-mail]", text))


@dataclass(frozen=True, slots=True)
class StoredQuestion:
    asked_at: datetime
    front_end: str
    reason: str
    question: str
    kind: str = ""
    detail: str = ""


class UnansweredLog:
    """An append-only SQLite log, safe to write from many threads and processes at once.

    Each thread keeps its own connection (SQLite connections are not shared
    between threads); WAL mode and a busy timeout let a Slack worker pool and
    a terminal session write side by side without losing each other's rows.
    """

    def __init__(self, path: Path, keep_days: int = DEFAULT_KEEP_DAYS) -> None:
        self.path = path
        self.keep_days = keep_days
        self._init_lock = threading.Lock()
        self._ready = False
        self._last_purge = 0.0
        self._local = threading.local()

    def _connect(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            return connection
        if not self._ready:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            create_private(self.path)
        connection = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        connection.execute("PRAGMA busy_timeout = 30000")
        # WAL with synchronous=NORMAL: no fsync per row, and still never a corrupt file.
        connection.execute("PRAGMA synchronous = NORMAL")
        if not self._ready:
            with self._init_lock:
                if not self._ready:
                    connection.execute("PRAGMA journal_mode = WAL")
                    connection.executescript(_SCHEMA)
                    _add_missing_columns(connection)
                    self._forget_old(connection)
                    self._ready = True
        self._local.connection = connection
        return connection

    def _cutoff(self) -> datetime:
        return datetime.now(UTC) - timedelta(days=self.keep_days)

    def _forget_old(self, connection: sqlite3.Connection) -> None:
        connection.execute("DELETE FROM questions WHERE asked_at < ?", (self._cutoff().isoformat(timespec="seconds"),))
        self._last_purge = time.monotonic()

    def add(self, question: str, front_end: str, reason: str = UNANSWERED, kind: str = "", detail: str = "") -> None:
        # Masked before it is cut, so an address at the cut is never kept in part.
        text = mask_personal(" ".join((question or "").split()))[:MAX_STORED_CHARS]
        if not text:
            return
        detail = mask_personal(" ".join((detail or "").split()))[:MAX_STORED_CHARS]
        now = datetime.now(UTC).isoformat(timespec="seconds")
        connection = self._connect()
        connection.execute(
            "INSERT INTO questions (asked_at, front_end, reason, question, kind, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (now, front_end, reason, text, kind, detail),
        )
        if time.monotonic() - self._last_purge > PURGE_EVERY_SECONDS:  # a bot that runs for months forgets on time
            self._forget_old(connection)

    def record(self, answer: Answer, front_end: str, question: str | None = None) -> None:
        """Keep the question if the bot could not answer it (as `question`, when the front end gives a safer form)."""
        if not answer.answered:
            self.add(question or answer.question, front_end, UNANSWERED, answer.kind)

    def since(self, moment: datetime) -> list[StoredQuestion]:
        """Rows since a moment (none older than the retention period), opened read-only: a report never
        migrates or deletes rows. SQLite may leave its -wal and -shm files beside a database in WAL mode."""
        if not self.path.exists():
            return []
        try:
            with contextlib.closing(sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)) as db:
                columns = {row[1] for row in db.execute("PRAGMA table_info(questions)")}
                extra = ", kind, detail" if {"kind", "detail"} <= columns else ", '', ''"
                rows = db.execute(
                    f"SELECT asked_at, front_end, reason, question{extra} FROM questions WHERE asked_at >= ? "
                    "ORDER BY id",
                    (max(moment, self._cutoff()).isoformat(timespec="seconds"),),
                ).fetchall()
        except sqlite3.Error as exc:
            raise BotError(f"cannot read the unanswered log {self.path}: {exc}") from None
        return [StoredQuestion(datetime.fromisoformat(a), f, r, q, k, d) for a, f, r, q, k, d in rows]


def create_private(path: Path) -> None:
    """Create the database file with mode 0600 before SQLite does (it would use the umask, often 0644)."""
    if path.exists():
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
        return
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _add_missing_columns(connection: sqlite3.Connection) -> None:
    """Databases made by an older version gain the newer columns; their rows are kept."""
    have = {row[1] for row in connection.execute("PRAGMA table_info(questions)")}
    for name, declaration in _ADDED_COLUMNS:
        if name not in have:
            connection.execute(f"ALTER TABLE questions ADD COLUMN {name} {declaration}")


def recorder_for(settings: Settings) -> UnansweredLog | None:
    """The log in the configured data directory, or None when `BOT_RECORD_UNANSWERED` is off."""
    if not settings.record_unanswered:
        return None
    if settings.data_dir.exists() and not settings.data_dir.is_dir():
        raise ConfigError(f"the data directory {settings.data_dir} is a file, not a directory")
    return UnansweredLog(settings.unanswered_path, settings.unanswered_days)


def parse_since(text: str) -> timedelta:
    """'30d', '12h', '90m', '2w' as a time span."""
    units = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
    text = (text or "").strip().lower()
    if len(text) < 2 or text[-1] not in units or not text[:-1].isdecimal():
        raise ConfigError(f"--since takes a number and a unit, like 30d, 12h or 2w; got {text!r}")
    return timedelta(**{units[text[-1]]: int(text[:-1])})
