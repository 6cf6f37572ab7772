"""Shared by the onboarding tests: a group with steps, a clock a test sets, and Slack payloads."""

from __future__ import annotations

import copy
import os
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.slack_helpers import event, fixture

STEPS = """\
- id: day-one
  day: 0
  text: Read the group's page and say hello in the general channel.
  text_no: Les gruppens side og si hei i den felles kanalen.
  people: [caroline-verbeke]
- id: meet-the-lab
  day: 2
  text: Book a coffee with two people from the lab this week.
- id: first-week
  day: 5
  text: Tell the group leader how your first week went.
  people: [caroline-verbeke]
"""
LEADER_SLACK = "U0CAROLINE"
NEWBIE = "U0NEWBIE1"
NEWBIE_DM = "D0NEWBIE1"
JOINED = datetime(2024, 5, 9, 10, 0, tzinfo=UTC)  # a Thursday; 06:00 in New York
NEW_YORK = {"tz": "America/New_York", "tz_label": "Eastern Daylight Time", "tz_offset": -14400, "locale": "en-US"}


def with_steps(knowledge: Path, steps: str = STEPS) -> Path:
    """The fixture knowledge with onboarding steps, and the leader's Slack id so steps can mention her."""
    (knowledge / "onboarding.yaml").write_text(steps, encoding="utf-8")
    people = knowledge / "people.yaml"
    text = people.read_text(encoding="utf-8")
    people.write_text(
        text.replace("- id: caroline-verbeke\n", f"- id: caroline-verbeke\n  slack: {LEADER_SLACK}\n", 1),
        encoding="utf-8",
    )
    return knowledge


def edit(path: Path, old: str, new: str) -> None:
    """Change a file and move its time on, so the reloader sees a change even within one second."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    later = time.time() + 2
    os.utime(path, (later, later))


class Clock:
    """'Now' for the bot, moved by the test instead of waiting for days."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def __call__(self) -> datetime:
        return self.at


def join(user: str = NEWBIE, event_id: str = "Ev0JOIN01") -> dict[str, Any]:
    body = event("team_join", event_id=event_id)
    body["event"]["user"]["id"] = user
    return body


def left(user: str = NEWBIE, event_id: str = "Ev0CHANGE01") -> dict[str, Any]:
    body = copy.deepcopy(fixture("user_change"))
    body["event"]["user"]["id"] = user
    body["event_id"] = event_id
    return body


def home_opened(user: str = NEWBIE, event_id: str = "Ev0HOME01") -> dict[str, Any]:
    return event("app_home_opened", event_id=event_id, user=user)


def tick(step: str, checked: bool = True, user: str = NEWBIE) -> dict[str, Any]:
    """A click on a step's checkbox in the Home tab, as Slack sends it."""
    payload = copy.deepcopy(fixture("block_actions_home_checkbox"))
    payload["user"]["id"] = user
    action = payload["actions"][0]
    action["action_id"] = "onboarding_check"
    action["block_id"] = f"onboarding_step:{step}"
    option = {"text": {"type": "mrkdwn", "text": "Done"}, "value": step}
    action["selected_options"] = [option] if checked else []
    return payload


def checkboxes(blocks: list[dict[str, Any]]) -> dict[str, bool]:
    """step id -> ticked, from the blocks the bot sent."""
    found = {}
    for block in blocks:
        accessory = block.get("accessory") or {}
        if accessory.get("type") == "checkboxes":
            found[block["block_id"].removeprefix("onboarding_step:")] = bool(accessory.get("initial_options"))
    return found


def epoch(moment: datetime) -> int:
    return int(moment.timestamp())
