"""What the bot keeps about each new member's onboarding, in SQLite in the data directory.

Slack holds the scheduled messages themselves; the bot keeps only what it needs to change or
cancel them (their ids), to schedule once per member however often Slack re-sends `team_join`,
and to show each member's ticks again. Like the unanswered log: the file is readable by its
owner only (0600), a member's rows are deleted `BOT_ONBOARDING_DAYS` after joining (once none
of their messages is still waiting), and `report` opens it read-only.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.errors import BotError
from bot.unanswered import create_private

_SCHEMA = """
CREATE TABLE IF NOT EXISTS members (
    user TEXT PRIMARY KEY,
    joined_at TEXT NOT NULL,
    tz TEXT,
    tz_offset INTEGER,
    lang TEXT NOT NULL DEFAULT 'en',
    channel TEXT,
    left_at TEXT
);
CREATE TABLE IF NOT EXISTS scheduled (
    user TEXT NOT NULL,
    step TEXT NOT NULL,
    message_id TEXT NOT NULL,
    channel TEXT NOT NULL,
    post_at INTEGER NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (user, step)
);
CREATE TABLE IF NOT EXISTS checks (
    user TEXT NOT NULL,
    step TEXT NOT NULL,
    checked_at TEXT NOT NULL,
    PRIMARY KEY (user, step)
);
"""


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Member:
    user: str
    joined_at: datetime
    tz: str | None = None
    tz_offset: int | None = None
    lang: str = "en"
    channel: str | None = None
    left_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Scheduled:
    """A message Slack holds for a member: enough to delete it (`channel`, `message_id`) or see it is stale."""

    user: str
    step: str
    message_id: str
    channel: str
    post_at: int
    digest: str


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _member(row: tuple) -> Member:
    user, joined, tz, offset, lang, channel, left = row
    return Member(
        user, datetime.fromisoformat(joined), tz, offset, lang, channel, datetime.fromisoformat(left) if left else None
    )


_MEMBER_COLUMNS = "user, joined_at, tz, tz_offset, lang, channel, left_at"


class OnboardingStore:
    """One short-lived connection per operation: onboarding changes a few times a day at most, and
    a connection per call is safe from any thread (Slack's listeners, the knowledge reloader)."""

    def __init__(self, path: Path, keep_days: int = 90, now: Callable[[], datetime] = utc_now) -> None:
        self.path = path
        self.keep_days = keep_days
        self.now = now
        self._ready = False
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            if not self._ready:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                create_private(self.path)
        with contextlib.closing(sqlite3.connect(self.path, timeout=30, isolation_level=None)) as db:
            db.execute("PRAGMA busy_timeout = 30000")
            if not self._ready:
                db.execute("PRAGMA journal_mode = WAL")
                db.executescript(_SCHEMA)
                self._ready = True
            yield db

    def exists(self) -> bool:
        """False before the first member joined: reads then need no file (and create none)."""
        return self.path.exists()

    def forget_old(self) -> None:
        """Members who joined more than `keep_days` ago, once none of their messages is still waiting."""
        cutoff = _iso(self.now() - timedelta(days=self.keep_days))
        waiting = int(self.now().timestamp())
        with self._db() as db:
            db.execute(
                "DELETE FROM members WHERE joined_at < ? AND NOT EXISTS "
                "(SELECT 1 FROM scheduled s WHERE s.user = members.user AND s.post_at > ?)",
                (cutoff, waiting),
            )
            db.execute("DELETE FROM scheduled WHERE user NOT IN (SELECT user FROM members)")
            db.execute("DELETE FROM checks WHERE user NOT IN (SELECT user FROM members)")

    def join(self, user: str, joined_at: datetime) -> bool:
        """Register a member; False when they were already registered (a retry, a second event)."""
        self.forget_old()
        with self._db() as db:
            cursor = db.execute(
                "INSERT OR IGNORE INTO members (user, joined_at) VALUES (?, ?)", (user, _iso(joined_at))
            )
            return cursor.rowcount == 1

    def forget(self, user: str) -> None:
        """Undo a registration whose welcome could not be sent, so Slack's retry can try again."""
        with self._db() as db:
            db.execute("DELETE FROM members WHERE user = ?", (user,))

    def update(self, user: str, **fields: object) -> None:
        """Set a member's tz, tz_offset, lang or channel."""
        allowed = {"tz", "tz_offset", "lang", "channel"}
        assert set(fields) <= allowed, fields
        if not fields:
            return
        assignments = ", ".join(f"{name} = ?" for name in fields)
        with self._db() as db:
            db.execute(f"UPDATE members SET {assignments} WHERE user = ?", (*fields.values(), user))

    def member(self, user: str) -> Member | None:
        if not self.exists():
            return None
        with self._db() as db:
            row = db.execute(f"SELECT {_MEMBER_COLUMNS} FROM members WHERE user = ?", (user,)).fetchone()
        return _member(row) if row else None

    def active_members(self) -> list[Member]:
        """Members who have not left, oldest first."""
        if not self.exists():
            return []
        with self._db() as db:
            rows = db.execute(
                f"SELECT {_MEMBER_COLUMNS} FROM members WHERE left_at IS NULL ORDER BY joined_at, user"
            ).fetchall()
        return [_member(row) for row in rows]

    def mark_left(self, user: str) -> None:
        with self._db() as db:
            db.execute("UPDATE members SET left_at = ? WHERE user = ? AND left_at IS NULL", (_iso(self.now()), user))

    def scheduled(self, user: str) -> list[Scheduled]:
        if not self.exists():
            return []
        with self._db() as db:
            rows = db.execute(
                "SELECT user, step, message_id, channel, post_at, digest FROM scheduled "
                "WHERE user = ? ORDER BY post_at",
                (user,),
            ).fetchall()
        return [Scheduled(*row) for row in rows]

    def keep_scheduled(self, item: Scheduled) -> None:
        with self._db() as db:
            db.execute(
                "INSERT OR REPLACE INTO scheduled (user, step, message_id, channel, post_at, digest) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (item.user, item.step, item.message_id, item.channel, item.post_at, item.digest),
            )

    def drop_scheduled(self, user: str, step: str) -> None:
        with self._db() as db:
            db.execute("DELETE FROM scheduled WHERE user = ? AND step = ?", (user, step))

    def checks(self, user: str) -> set[str]:
        if not self.exists():
            return set()
        with self._db() as db:
            return {row[0] for row in db.execute("SELECT step FROM checks WHERE user = ?", (user,))}

    def set_check(self, user: str, step: str, checked: bool) -> bool:
        """Tick or untick a step; False (nothing kept) for someone who is not an onboarding member."""
        if self.member(user) is None:
            return False
        with self._db() as db:
            if checked:
                db.execute(
                    "INSERT OR IGNORE INTO checks (user, step, checked_at) VALUES (?, ?, ?)",
                    (user, step, _iso(self.now())),
                )
            else:
                db.execute("DELETE FROM checks WHERE user = ? AND step = ?", (user, step))
        return True


@dataclass(frozen=True, slots=True)
class Progress:
    member: Member
    checked: frozenset[str]


def read_progress(path: Path, since: datetime, keep_days: int, now: datetime | None = None) -> list[Progress]:
    """Members who joined since a moment (none older than the retention period), with their ticks.

    Opened read-only: a report never creates, migrates or deletes anything."""
    if not path.exists():
        return []
    cutoff = (now or utc_now()) - timedelta(days=keep_days)
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            rows = db.execute(
                f"SELECT {_MEMBER_COLUMNS} FROM members WHERE joined_at >= ? ORDER BY joined_at, user",
                (_iso(max(since, cutoff)),),
            ).fetchall()
            checks: dict[str, set[str]] = {}
            for user, step in db.execute("SELECT user, step FROM checks"):
                checks.setdefault(user, set()).add(step)
    except sqlite3.Error as exc:
        raise BotError(f"cannot read the onboarding records {path}: {exc}") from None
    return [Progress(_member(row), frozenset(checks.get(row[0], ()))) for row in rows]
