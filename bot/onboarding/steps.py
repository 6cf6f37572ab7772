"""Reading `onboarding.yaml`: every problem named with file and line, like the other knowledge files.

The steps are written by maintainers who are not programmers, so a mistake (an unknown person,
a repeated id, a negative day) is one line naming where it is, never a traceback, and the bot
keeps serving the last good version when a live edit has one.
"""

from __future__ import annotations

from typing import Any

from bot.knowledge.hints import closest, describe
from bot.knowledge.model import OnboardingStep
from bot.knowledge.yaml_lines import line_of

FILE = "onboarding.yaml"
FIELDS = frozenset({"id", "day", "text", "text_no", "people"})
MAX_DAY = 119
"""Slack schedules a message at most 120 days ahead (chat.scheduleMessage)."""
MAX_TEXT_CHARS = 2900
"""A section's text holds 3000 characters; the people named after the step need the rest."""


def read_steps(raw: Any, person_ids: set[str]) -> tuple[tuple[OnboardingStep, ...], list[str], list[str]]:
    """(steps in order of day, problems, warnings) from the parsed YAML (None when the file is absent)."""
    problems: list[str] = []
    warnings: list[str] = []
    if raw is None:
        return (), problems, warnings
    if not isinstance(raw, list):
        problems.append(f"{FILE}:{line_of(raw, 1)}: should be a list of steps (lines starting with '- ')")
        return (), problems, warnings
    steps: list[OnboardingStep] = []
    seen: dict[str, int] = {}
    for position, node in enumerate(raw, 1):
        label = _label(node, position)
        where = f"{FILE}:{line_of(node, line_of(raw, 1))}: {label}"
        if not isinstance(node, dict):
            problems.append(f"{where}: should be a mapping of fields (id, day, text), not {describe(node)}")
            continue
        for key in node:
            if key not in FIELDS:
                hint = closest(str(key), set(FIELDS))
                guess = f" (did you mean '{hint}'?)" if hint else ""
                warnings.append(f"{where}: unknown field '{key}'{guess}; it is ignored")
        found = len(problems)
        step_id = _text(node, "id", where, problems, required=True)
        if step_id is not None and step_id in seen:
            problems.append(f"{where}: duplicate id '{step_id}' (first used on line {seen[step_id]})")
        elif step_id is not None:
            seen[step_id] = line_of(node)
        day = _day(node, label, problems)
        text = _text(node, "text", where, problems, required=True)
        text_no = _text(node, "text_no", where, problems)
        people = _people(node, f"{FILE}:{line_of(node, 0, 'people')}: {label}", person_ids, problems)
        if len(problems) == found and step_id and text is not None and day is not None:
            steps.append(OnboardingStep(id=step_id, day=day, text=text, text_no=text_no, people=people))
    steps.sort(key=lambda s: s.day)  # stable: steps of one day keep the file's order
    return tuple(steps), problems, warnings


def _label(node: Any, position: int) -> str:
    if isinstance(node, dict) and isinstance(node.get("id"), str):
        return f"step '{node['id']}'"
    return f"step #{position}"


def _text(node: dict, key: str, where: str, problems: list[str], required: bool = False) -> str | None:
    value = node.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            problems.append(f"{where}: missing required field '{key}'")
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        problems.append(f"{where}: field '{key}' should be text, not {describe(value)}")
        return None
    text = str(value).strip()  # mrkdwn: line breaks are kept, they are the maintainer's layout
    if len(text) > MAX_TEXT_CHARS:
        problems.append(f"{where}: field '{key}' is {len(text)} characters; Slack shows at most {MAX_TEXT_CHARS}")
        return None
    return text


def _day(node: dict, label: str, problems: list[str]) -> int | None:
    value = node.get("day")
    where = f"{FILE}:{line_of(node, 0, 'day')}: {label}"
    if value is None:
        problems.append(f"{where}: missing required field 'day' (days after joining; 0 = in the welcome)")
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DAY:
        problems.append(
            f"{where}: 'day' should be a whole number of days after joining, from 0 (in the welcome) "
            f"to {MAX_DAY} (Slack schedules at most 120 days ahead), not {describe(value)}"
        )
        return None
    return value


def _people(node: dict, where: str, person_ids: set[str], problems: list[str]) -> tuple[str, ...]:
    value = node.get("people")
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}: 'people' should be a list of ids from people.yaml, not {describe(value)}")
        return ()
    for person in value:
        if person not in person_ids:
            hint = closest(person, person_ids)
            guess = f" (did you mean '{hint}'?)" if hint else ""
            problems.append(f"{where}: unknown person '{person}'{guess}; use an id from people.yaml")
    return tuple(value)
