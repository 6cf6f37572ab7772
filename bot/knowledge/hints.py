"""'Did you mean …?' for ids: shared by every file's checks, so a typo is named the same way everywhere."""

from __future__ import annotations

from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA


def closest(value: str, known: set[str]) -> str | None:
    """The known id a misspelt one was meant to be: a few edits away (swaps count once)."""
    if not known:
        return None
    allowed = max(1, len(value) // 3)
    hit = process.extractOne(value, sorted(known), scorer=OSA.distance, score_cutoff=allowed)
    return hit[0] if hit else None


def describe(value: Any) -> str:
    """What a YAML value is, in words a maintainer reads in a problem: 'a list', 'str 'x''."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"{type(value).__name__} {value!r}"
