"""The unanswered-question log: SQLite in the data directory, safe under many writers."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.errors import ConfigError
from bot.report import format_report, group_questions
from bot.settings import Settings
from bot.unanswered import THUMBS_DOWN, UnansweredLog, parse_since, recorder_for

LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)


def test_many_threads_writing_at_once_lose_nothing(tmp_path: Path):
    log = UnansweredLog(tmp_path / "q.sqlite3")
    threads_count, per_thread = 16, 50

    def write(n: int) -> None:
        for i in range(per_thread):
            log.add(f"question {n}-{i}", "slack")

    threads = [threading.Thread(target=write, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = log.since(LONG_AGO)
    assert len(stored) == threads_count * per_thread
    assert len({s.question for s in stored}) == threads_count * per_thread


def test_two_logs_on_one_file_share_it(tmp_path: Path):
    first, second = UnansweredLog(tmp_path / "q.sqlite3"), UnansweredLog(tmp_path / "q.sqlite3")
    first.add("from the terminal", "chat")
    second.add("from slack", "slack")
    assert [s.question for s in first.since(LONG_AGO)] == ["from the terminal", "from slack"]


def test_only_time_front_end_text_and_the_kind_of_answer_are_kept(tmp_path: Path):
    log = UnansweredLog(tmp_path / "q.sqlite3")
    log.add("  what   is\nthe wifi  ", "slack")
    columns = [row[1] for row in sqlite3.connect(tmp_path / "q.sqlite3").execute("PRAGMA table_info(questions)")]
    assert columns == ["id", "asked_at", "front_end", "reason", "question", "kind", "detail"]
    assert log.since(LONG_AGO)[0].question == "what is the wifi"


def test_empty_questions_are_not_kept(tmp_path: Path):
    log = UnansweredLog(tmp_path / "q.sqlite3")
    log.add("   ", "chat")
    assert log.since(LONG_AGO) == []


def test_report_groups_similar_questions_most_asked_first(tmp_path: Path):
    log = UnansweredLog(tmp_path / "q.sqlite3")
    for text in ["Where is the lab meeting?", "where is the lab meeting", "Where's the lab meeting?", "wifi password?"]:
        log.add(text, "slack")
    log.add("wifi password", "slack", THUMBS_DOWN)
    groups = group_questions(log.since(LONG_AGO))
    assert [g.count for g in groups] == [3, 2]
    report = format_report(groups, "30d")
    assert report.index("lab meeting") < report.index("wifi")
    assert "1 marked 👎" in report


def test_since_filters_by_time(tmp_path: Path):
    log = UnansweredLog(tmp_path / "q.sqlite3")
    log.add("recent", "chat")
    assert log.since(datetime.now(UTC) + timedelta(minutes=1)) == []


@pytest.mark.parametrize(
    ("text", "span"), [("30d", timedelta(days=30)), ("12h", timedelta(hours=12)), ("2w", timedelta(weeks=2))]
)
def test_since_spans(text, span):
    assert parse_since(text) == span


def test_bad_since_is_a_clear_error():
    with pytest.raises(ConfigError, match="--since takes a number and a unit"):
        parse_since("last week")


def test_data_dir_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BOT_DATA_DIR", str(tmp_path / "from-env"))
    assert recorder_for(Settings.from_env()).path == tmp_path / "from-env" / "unanswered.sqlite3"
    flag = Settings.from_env(data_dir=tmp_path / "flag")
    assert recorder_for(flag).path == tmp_path / "flag" / "unanswered.sqlite3"
    monkeypatch.setenv("BOT_RECORD_UNANSWERED", "false")
    assert recorder_for(Settings.from_env()) is None


def test_rows_older_than_the_retention_period_are_deleted(tmp_path: Path):
    path = tmp_path / "q.sqlite3"
    UnansweredLog(path).add("a fresh question", "chat")
    old = (datetime.now(UTC) - timedelta(days=40)).isoformat(timespec="seconds")
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO questions (asked_at, front_end, reason, question) VALUES (?, 'chat', 'unanswered', 'old')",
            (old,),
        )
    assert [s.question for s in UnansweredLog(path, keep_days=90).since(LONG_AGO)] == ["a fresh question", "old"]
    reopened = UnansweredLog(path, keep_days=30)
    reopened.add("another", "chat")  # opening the log for writing applies the retention period
    assert [s.question for s in reopened.since(LONG_AGO)] == ["a fresh question", "another"]


def test_a_log_made_by_an_older_version_gains_the_new_columns_and_keeps_its_rows(tmp_path: Path):
    path = tmp_path / "q.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE questions (id INTEGER PRIMARY KEY, asked_at TEXT NOT NULL, front_end TEXT NOT NULL,"
            " reason TEXT NOT NULL, question TEXT NOT NULL);"
        )
        now = datetime.now(UTC).isoformat(timespec="seconds")
        db.execute(
            "INSERT INTO questions (asked_at, front_end, reason, question) VALUES (?, 'chat', 'unanswered', 'x')",
            (now,),
        )
    log = UnansweredLog(path)
    assert [(s.question, s.kind) for s in log.since(LONG_AGO)] == [("x", "")]  # read before any write
    log.add("y", "slack", THUMBS_DOWN, kind="people", detail="wrong")
    assert [(s.question, s.kind, s.detail) for s in log.since(LONG_AGO)] == [("x", "", ""), ("y", "people", "wrong")]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("mail ola.n@uio.no please", "mail [e-mail] please"),
        ("call +47 22 11 88 00 now", "call [phone] now"),
        ("ring 99887766", "ring [phone]"),
        ("who works on theme 2 since 2020?", "who works on theme 2 since 2020?"),
        ("funded 2020-2025 or 2020 - 2025?", "funded 2020-2025 or 2020 - 2025?"),
        ("meeting on 2024-05-01 or 01.05.2024", "meeting on 2024-05-01 or 01.05.2024"),
        ("tlf 22 11 88 00", "tlf [phone]"),
        ("ask <@U0123ABCD> about it", "ask <@U0123ABCD> about it"),
    ],
)
def test_addresses_and_phone_numbers_are_masked(tmp_path: Path, typed: str, kept: str):
    log = UnansweredLog(tmp_path / "q.sqlite3")
    log.add(typed, "chat")
    assert log.since(LONG_AGO)[0].question == kept


def test_the_log_file_is_private(tmp_path: Path):
    import stat

    log = UnansweredLog(tmp_path / "q.sqlite3")
    log.add("x", "chat")
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600


def test_report_shows_the_helpful_share_per_kind_and_hand_offs(tmp_path: Path):
    from bot.report import format_report, group_questions, helpfulness
    from bot.unanswered import FEEDBACK_REASON, HANDED_OFF, THUMBS_UP, UNANSWERED

    log = UnansweredLog(tmp_path / "q.sqlite3")
    for _ in range(3):
        log.add("who leads?", "slack", THUMBS_UP, kind="leader")
    log.add("who leads?", "slack", THUMBS_DOWN, kind="leader")
    log.add("who works in Oslo?", "slack", THUMBS_DOWN, kind="people")
    log.add("who works in Oslo?", "slack", FEEDBACK_REASON, kind="people", detail="someone is missing")
    log.add("what is the wifi password?", "slack", UNANSWERED, kind="unknown")
    log.add("what is the wifi password?", "slack", HANDED_OFF, kind="unknown")
    rows = log.since(LONG_AGO)
    assert helpfulness(rows) == {"leader": (3, 4), "people": (0, 1)}
    to_act_on = [r for r in rows if r.reason in (UNANSWERED, THUMBS_DOWN, HANDED_OFF)]
    text = format_report(group_questions(to_act_on), "30d", rows)
    assert "75%  leader  (3 of 4)" in text and "0%  people  (0 of 1)" in text
    assert "1 handed to a person" in text and "someone is missing" in text


def test_report_on_a_broken_log_is_one_line(tmp_path: Path):
    import subprocess
    import sys

    from tests.conftest import ROOT

    (tmp_path / "corrupt").mkdir()
    (tmp_path / "corrupt" / "unanswered.sqlite3").write_bytes(b"this is not a database" * 100)
    (tmp_path / "dir" / "unanswered.sqlite3").mkdir(parents=True)
    for data_dir in (tmp_path / "corrupt", tmp_path / "dir"):
        result = subprocess.run(
            [sys.executable, "-m", "bot", "report", "--data-dir", str(data_dir)],
            capture_output=True,
            text=True,
            cwd=ROOT,
            timeout=60,
        )
        assert result.returncode == 1, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith("error: cannot read the unanswered log")
    assert (tmp_path / "corrupt" / "unanswered.sqlite3").read_bytes() == b"this is not a database" * 100


def test_a_long_running_log_forgets_on_time_and_never_shows_old_rows(tmp_path: Path):
    path = tmp_path / "q.sqlite3"
    log = UnansweredLog(path, keep_days=30)
    log.add("fresh", "slack")
    old = (datetime.now(UTC) - timedelta(days=200)).isoformat(timespec="seconds")
    with sqlite3.connect(path) as db:
        db.execute("INSERT INTO questions (asked_at, front_end, reason, question) VALUES (?, 'x', 'y', 'old')", (old,))
    assert [s.question for s in log.since(LONG_AGO)] == ["fresh"]  # never shown, even before it is deleted
    log._last_purge -= 2 * 3600  # two hours later, in the same process
    log.add("another", "slack")
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM questions WHERE question = 'old'").fetchone() == (0,)


def test_an_address_at_the_length_limit_is_masked_not_cut(tmp_path: Path):
    log = UnansweredLog(tmp_path / "q.sqlite3")
    log.add("please " + "a" * 1979 + " ola.nordmann@uio.no", "slack")
    log.add("please " + "a" * 1985 + " +47 22 11 88 00", "slack")
    kept = [s.question for s in log.since(LONG_AGO)]
    assert all("ola.nordmann" not in q and "+47 22" not in q for q in kept)
