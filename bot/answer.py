"""The value every front end renders: what the bot answers, and how sure it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person as an answer names them, with what a reader needs to place them."""

    id: str
    name: str
    role: str
    affiliations: tuple[str, ...]
    title: str | None = None
    slack: str | None = None
    email: str | None = None
    url: str | None = None
    city: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class ThemeRef:
    id: str
    number: int
    title: str
    title_no: str | None = None
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class OrgRef:
    id: str
    name: str
    city: str
    country: str


# The kinds of part an answer is made of. Front ends render each kind in their own way and
# never read an answer's text back: the text is only the plain-text rendering.
PEOPLE = "people"
"""A list of people (`people`), one line each."""
CARD = "card"
"""One person's card (`people` holds the one person; `text` the card's lines)."""
THEMES = "themes"
"""Theme cards (`themes`)."""
STATEMENTS = "statements"
"""Sentences from the knowledge (`text`), quoted, with their `source`."""
EXAMPLES = "examples"
"""Questions to try (`text`), after a note that introduces them."""
NOTE = "note"
"""A line that says something about the answer: a rule applied, what was not known, words left out."""
SUGGESTIONS = "suggestions"
"""'Did you mean …?' in words; the answer's `suggestions` hold the questions themselves."""
LINES = "lines"
"""Other lines of plain text (organisations and their people, member lists)."""


@dataclass(frozen=True, slots=True)
class Part:
    """One typed part of an answer. `text` is its plain-text rendering, line by line."""

    kind: str
    text: tuple[str, ...] = ()
    people: tuple[PersonRef, ...] = ()
    themes: tuple[ThemeRef, ...] = ()
    source: str | None = None
    title: str | None = None
    """A heading for the part (a card's person, when the headline does not name them)."""


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer. `people` and `themes` hold exactly what the text names.

    `answered` is False when the bot does not know; front ends then show the
    text (an honest "I don't know" with examples) and log the question.
    `headline` is the first line on its own, for Slack's summary and
    notifications; `parts` are the typed parts after it, and `details` their
    plain-text lines (derived from the parts when the parts are given).
    """

    question: str
    kind: str
    answered: bool
    headline: str
    details: tuple[str, ...] = ()
    people: tuple[PersonRef, ...] = ()
    themes: tuple[ThemeRef, ...] = ()
    organisations: tuple[OrgRef, ...] = ()
    confidence: float = 0.0
    suggestions: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    language: str = "en"
    explanation: tuple[str, ...] = field(default=(), compare=False)
    parts: tuple[Part, ...] = ()
    closes: bool = False
    """The asker ended the conversation ("thanks", "bye", "stop"): a Slack thread stops being read."""

    def __post_init__(self) -> None:
        if self.parts and not self.details:
            lines = [line for part in self.parts for line in _indented(part)]
            object.__setattr__(self, "details", tuple(lines))

    @property
    def text(self) -> str:
        """The whole answer as plain text."""
        return "\n".join([self.headline, *self.details]).strip()

    def to_json(self, explain: bool = False) -> dict[str, Any]:
        """The answer contract of `ask --json`."""
        data: dict[str, Any] = {
            "question": self.question,
            "kind": self.kind,
            "answered": self.answered,
            "text": self.text,
            "people": [_compact(_fields(p)) for p in self.people],
            "themes": [_compact(_fields(t)) for t in self.themes],
            "organisations": [_fields(o) for o in self.organisations],
            "confidence": round(self.confidence, 3),
            "suggestions": list(self.suggestions),
            "sources": list(self.sources),
            "language": self.language,
            "parts": [_part_json(part) for part in self.parts],
            "closes": self.closes,
        }
        if explain:
            data["explanation"] = list(self.explanation)
        return data


def _fields(ref: Any) -> dict[str, Any]:
    """A flat reference as a dict (dataclasses.asdict deep-copies, ten times slower for these)."""
    return {name: getattr(ref, name) for name in ref.__slots__}


def _part_json(part: Part) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": part.kind, "text": list(part.text)}
    if part.people:
        data["people"] = [p.id for p in part.people]
    if part.themes:
        data["themes"] = [t.number for t in part.themes]
    if part.source:
        data["source"] = part.source
    if part.title:
        data["title"] = part.title
    return data


def _indented(part: Part) -> tuple[str, ...]:
    """Examples are items of the note above them, so the text shows them indented."""
    lines = tuple(f"  {line}" for line in part.text) if part.kind == EXAMPLES else part.text
    return (part.title, *lines) if part.title else lines


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in data.items() if v is not None and v != ()}
