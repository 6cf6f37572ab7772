"""Read the fields of one YAML entry, recording a problem instead of raising.

The loader (`loader.py`) collects every problem of a knowledge directory in one go, each naming the
file, the line and the entry; this is the part that reads one field and says what is wrong with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.knowledge.hints import closest, describe
from bot.knowledge.yaml_lines import line_of
from bot.onboarding.steps import FIELDS as STEP_FIELDS

FIELDS = {
    "project": {
        "name",
        "name_no",
        "url",
        "url_no",
        "summary",
        "facts",
        "fact_keywords",
        "leader",
        "consortium",
        "host",
        "host_unit",
        "source",
    },
    "consortium": {"name", "name_no", "short", "summary", "members", "url"},
    "theme": {"id", "number", "title", "title_no", "summary", "keywords", "people", "source"},
    "organisation": {
        "id",
        "name",
        "name_no",
        "aliases",
        "city",
        "city_aliases",
        "country",
        "parent",
        "url",
        "source",
    },
    "person": {
        "id",
        "name",
        "aliases",
        "role",
        "title",
        "title_no",
        "affiliations",
        "themes",
        "slack",
        "email",
        "url",
        "note",
        "source",
    },
    "affiliation": {"org", "unit", "unit_no"},
    "fact": {"text", "keywords"},
    "faq": {"id", "questions", "answer"},
    "onboarding": set(STEP_FIELDS),
}


@dataclass
class Reader:
    """Reads fields from one YAML entry, recording a problem instead of raising."""

    file: str
    problems: list[str]
    warnings: list[str]

    def where(self, node: Any, label: str, fallback: int = 0, key: str | None = None) -> str:
        line = line_of(node, fallback, key)
        return f"{self.file}:{line}: {label}" if line else f"{self.file}: {label}"

    def mapping(self, node: Any, label: str, kind: str, fallback: int = 0) -> dict | None:
        if not isinstance(node, dict):
            self.problems.append(
                f"{self.where(node, label, fallback)}: should be a mapping of fields, not {describe(node)}"
            )
            return None
        for key in node:
            if key not in FIELDS[kind]:
                hint = closest(str(key), FIELDS[kind])
                guess = f" (did you mean '{hint}'?)" if hint else ""
                self.warnings.append(f"{self.where(node, label)}: unknown field '{key}'{guess}; it is ignored")
        return node

    def text(self, node: dict, key: str, label: str, required: bool = False) -> str | None:
        value = node.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.problems.append(f"{self.where(node, label)}: missing required field '{key}'")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.problems.append(f"{self.where(node, label)}: field '{key}' should be text, not {describe(value)}")
            return None
        return " ".join(str(value).split())

    def texts(self, node: dict, key: str, label: str, required: bool = False) -> tuple[str, ...]:
        value = node.get(key)
        if value is None:
            if required:
                self.problems.append(f"{self.where(node, label)}: missing required field '{key}'")
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(
            isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
        ):
            self.problems.append(
                f"{self.where(node, label)}: field '{key}' should be a list of texts, not {describe(value)}"
            )
            return ()
        return tuple(" ".join(str(v).split()) for v in value if str(v).strip())

    def source(self, node: dict, label: str) -> str | None:
        value = self.text(node, "source", label)
        if value is None:
            self.warnings.append(f"{self.where(node, label)}: no 'source' URL; add one so others can check it")
        elif not value.startswith(("http://", "https://")):
            self.warnings.append(f"{self.where(node, label)}: 'source' should be a URL, got {value!r}")
        return value
