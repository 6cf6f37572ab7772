"""Onboarding's pure parts: send times, `check` on onboarding.yaml, and `report onboarding`."""

from __future__ import annotations

import os
import re
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.cli import main
from bot.knowledge.loader import load_knowledge
from bot.knowledge.yaml_lines import parse_yaml
from bot.onboarding.steps import read_steps
from bot.onboarding.store import OnboardingStore
from bot.onboarding.timing import member_zone, send_time
from bot.slack.manifest import manifest
from tests.conftest import BUNDLED_KNOWLEDGE, ROOT
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


PEOPLE = {"jane-doe", "caroline-verbeke"}


def _problems(text: str) -> tuple[list[str], list[str]]:
    _steps, problems, warnings = read_steps(parse_yaml(text.encode(), "onboarding.yaml"), PEOPLE)
    return problems, warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- just a sentence\n", "onboarding.yaml:1: step #1: should be a mapping of fields (id, day, text)"),
        ("- id: a\n  text: Hello.\n", "onboarding.yaml:1: step 'a': missing required field 'day'"),
        ("- id: a\n  day: true\n  text: Hello.\n", "onboarding.yaml:2: step 'a': 'day' should be a whole number"),
        ("- id: a\n  day: 1.5\n  text: Hello.\n", "not float 1.5"),
        (
            "- id: a\n  day: 1\n  text: [Hello]\n",
            "onboarding.yaml:1: step 'a': field 'text' should be text, not a list",
        ),
        (
            "- id: a\n  day: 1\n  text: " + "x" * 3000 + "\n",
            "field 'text' is 3000 characters; Slack shows at most 2900",
        ),
        ("- day: 1\n  text: Hello.\n", "onboarding.yaml:1: step #1: missing required field 'id'"),
        ("- id: a\n  day: 1\n  text: Hello.\n  people: {jane: doe}\n", "'people' should be a list of ids"),
        ("- id: a\n  day: 1\n  text: Hello.\n  people: [nobody-at-all]\n", "unknown person 'nobody-at-all'; use"),
    ],
)
def test_each_mistake_in_the_steps_is_one_line_with_its_place(text, expected):
    problems, _ = _problems(text)
    assert any(expected in p for p in problems), problems
    assert all("\n" not in p for p in problems)


def test_unknown_fields_warn_and_a_single_person_may_be_written_alone():
    problems, warnings = _problems("- id: a\n  day: 1\n  txet: Hello.\n  text: Hi.\n  people: jane-doe\n")
    assert problems == []
    assert warnings == ["onboarding.yaml:1: step 'a': unknown field 'txet' (did you mean 'text'?); it is ignored"]


def test_steps_are_in_order_of_day_keeping_the_file_order_within_a_day():
    text = "- {id: c, day: 3, text: C}\n- {id: a, day: 0, text: A}\n- {id: b, day: 3, text: B}\n"
    steps, problems, _ = read_steps(parse_yaml(text.encode(), "onboarding.yaml"), PEOPLE)
    assert problems == [] and [s.id for s in steps] == ["a", "c", "b"]


def test_an_empty_file_means_no_steps(knowledge_copy: Path):
    (knowledge_copy / "onboarding.yaml").write_text("[]\n", encoding="utf-8")
    assert load_knowledge(knowledge_copy).onboarding == ()


def test_the_manifest_asks_for_what_onboarding_uses():
    app = manifest()
    assert "user_change" in app["settings"]["event_subscriptions"]["bot_events"]
    assert {"users:read", "chat:write"} <= set(app["oauth_config"]["scopes"]["bot"])


def test_the_onboarding_modules_know_nothing_of_slack():
    imports = {
        path.name: re.findall(r"^\s*(?:from|import)\s+([\w.]+)", path.read_text(encoding="utf-8"), re.M)
        for path in (ROOT / "bot" / "onboarding").glob("*.py")
    }
    assert "zoneinfo" in imports["timing.py"] and "sqlite3" in imports["store.py"]  # the check reads imports
    assert {
        name: [m for m in found if "slack" in m] for name, found in imports.items() if any("slack" in m for m in found)
    } == {}


def test_the_bundled_steps_use_only_what_the_knowledge_says():
    """Links are the group's own pages, people are the knowledge's: no invented facts."""
    kb = load_knowledge(BUNDLED_KNOWLEDGE)
    assert kb.onboarding and kb.onboarding[0].day == 0
    known = {kb.project.url, kb.project.url_no} | {o.url for o in kb.organisations}
    for step in kb.onboarding:
        for url in re.findall(r"<(https?://[^|>]+)", f"{step.text} {step.text_no or ''}"):
            assert url in known, (step.id, url)
    assert kb.project.leader in {p for s in kb.onboarding for p in s.people}
