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


def test_only_time_front_end_and_text_are_kept(tmp_path: Path):
    log = UnansweredLog(tmp_path / "q.sqlite3")
    log.add("  what   is\nthe wifi  ", "slack")
    columns = [row[1] for row in sqlite3.connect(tmp_path / "q.sqlite3").execute("PRAGMA table_info(questions)")]
    assert columns == ["id", "asked_at", "front_end", "reason", "question"]
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
