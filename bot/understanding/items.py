"""What a question names that can filter people, at a span of the question (the filter reader's unit)."""

from __future__ import annotations

from dataclasses import dataclass

from bot.understanding import query as q


@dataclass(frozen=True, slots=True)
class Item:
    """Something a question names that can filter people, at a span of the question."""

    family: str
    values: tuple[q.Value, ...]
    start: int
    end: int
