"""Onboarding's pure parts: send times, `check` on onboarding.yaml, and `report onboarding`."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.onboarding.store import OnboardingStore
from bot.onboarding.timing import member_zone, send_time
from tests.onboarding_helpers import Clock, with_steps

OSLO = ZoneInfo("Europe/Oslo")


@pytest.mark.parametrize(
    ("joined", "day", "expected"),
    [
        (datetime(2024, 5, 6, 23, 30, tzinfo=UTC), 1, datetime(2024, 5, 8, 9, tzinfo=OSLO)),  # already Tuesday there
        (datetime(2024, 5, 9, 10, tzinfo=UTC), 1, datetime(2024, 5, 10, 9, tzinfo=OSLO)),  # Friday stays Friday
        (datetime(2024, 5, 9, 10, tzinfo=UTC), 2, datetime(2024, 5, 13, 9, tzinfo=OSLO)),  # Saturday -> Monday
        (datetime(2024, 5, 9, 10, tzinfo=UTC), 3, datetime(2024, 5, 13, 9, tzinfo=OSLO)),  # Sunday -> Monday
        (datetime(2024, 3, 29, 8, tzinfo=UTC), 3, datetime(2024, 4, 1, 9, tzinfo=OSLO)),  # across summer time
    ],
)
def test_send_time_is_nine_local_on_a_workday(joined, day, expected):
    at = send_time(joined, day, OSLO)
    assert at == expected and at.hour == 9 and at.weekday() < 5


def test_summer_time_moves_the_utc_hour_not_the_local_one():
    before = send_time(datetime(2024, 3, 28, 8, tzinfo=UTC), 0, OSLO)  # Thursday, winter time
    after = send_time(datetime(2024, 3, 28, 8, tzinfo=UTC), 4, OSLO)  # Monday, summer time
    assert before.astimezone(UTC).hour == 8 and after.astimezone(UTC).hour == 7


def test_the_zone_falls_back_to_the_offset_then_utc():
    assert member_zone("Europe/Oslo", 3600) == OSLO
    assert member_zone("Not/AZone", -18000) == timezone(timedelta(hours=-5))
    assert member_zone("../../etc/passwd", None) == UTC
    assert member_zone(None, None) == UTC


def test_a_time_without_its_zone_is_refused():
    with pytest.raises(ValueError):
        send_time(datetime(2024, 5, 9, 10), 1, OSLO)


def test_check_names_file_and_line_and_counts_the_steps(knowledge_copy: Path, capsys):
    with_steps(knowledge_copy)
    assert main(["check", "--knowledge", str(knowledge_copy)]) == 0
    assert "3 onboarding steps" in capsys.readouterr().out
    steps = knowledge_copy / "onboarding.yaml"
    steps.write_text(steps.read_text(encoding="utf-8").replace("day: 2", "day: 200"), encoding="utf-8")
    assert main(["check", "--knowledge", str(knowledge_copy)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: onboarding.yaml:7: step 'meet-the-lab': 'day' should be a whole number")
    assert "at most 120 days ahead" in error


def test_check_output_without_steps_is_as_before(capsys):
    assert main(["check"]) == 0
    assert capsys.readouterr().out.rstrip().endswith("FAQ entries")


def test_report_onboarding_lists_recent_members_read_only(
    tmp_path: Path, knowledge_copy: Path, capsys, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("BOT_KNOWLEDGE_DIR", str(with_steps(knowledge_copy)))
    data = tmp_path / "records"
    now = datetime.now(UTC)
    clock = Clock(now - timedelta(days=100))
    store = OnboardingStore(data / "onboarding.sqlite3", keep_days=90, now=clock)
    store.join("U0LONGAGO", clock.at)
    clock.at = now - timedelta(days=10)
    store.join("U0NEWBIE1", clock.at)
    store.set_check("U0NEWBIE1", "day-one", True)
    store.set_check("U0NEWBIE1", "meet-the-lab", True)
    store.set_check("U0NEWBIE1", "a-step-since-removed", True)
    clock.at = now - timedelta(days=3)
    store.join("U0LEAVER1", clock.at)
    clock.at = now
    store.mark_left("U0LEAVER1")
    path = data / "onboarding.sqlite3"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with sqlite3.connect(path) as db:  # the long-ago member is still kept: nothing has written since
        db.execute(
            "INSERT INTO members (user, joined_at) VALUES ('U0OLDROW1', ?)", ((now - timedelta(days=95)).isoformat(),)
        )
    before = {p.name: p.read_bytes() for p in data.iterdir() if not p.name.endswith("-shm")}  # SQLite's own index

    assert main(["report", "onboarding", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "2 member(s) joined in the last 90d:",
        f"  {now - timedelta(days=10):%Y-%m-%d}  U0NEWBIE1  2 of 3 steps checked",
        f"  {now - timedelta(days=3):%Y-%m-%d}  U0LEAVER1  0 of 3 steps checked (left {now:%Y-%m-%d})",
    ]
    assert {p.name: p.read_bytes() for p in data.iterdir() if not p.name.endswith("-shm")} == before, "read-only"

    assert main(["report", "onboarding", "--since", "5d", "--data-dir", str(data)]) == 0
    assert "U0NEWBIE1" not in capsys.readouterr().out


def test_report_onboarding_with_no_records_creates_nothing(tmp_path: Path, capsys):
    data = tmp_path / "empty"
    assert main(["report", "onboarding", "--data-dir", str(data)]) == 0
    assert capsys.readouterr().out.strip() == "No new members in the last 90d."
    assert not data.exists()


def test_report_onboarding_on_a_damaged_file_is_one_line(tmp_path: Path, capsys):
    data = tmp_path / "damaged"
    data.mkdir()
    (data / "onboarding.sqlite3").write_bytes(b"not a database" * 100)
    os.chmod(data / "onboarding.sqlite3", 0o600)
    assert main(["report", "onboarding", "--data-dir", str(data)]) == 1
    error = capsys.readouterr().err
    assert error.startswith("error: cannot read the onboarding records") and error.count("\n") == 1
