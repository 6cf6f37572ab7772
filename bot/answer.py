"""The value every front end renders: what the bot answers, and how sure it is."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer. `people` and `themes` hold exactly what the text names.

    `answered` is False when the bot does not know; front ends then show the
    text (an honest "I don't know" with examples) and log the question.
    `headline` is the first line on its own, for Slack's summary and
    notifications; `details` are the lines after it.
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
            "people": [_compact(asdict(p)) for p in self.people],
            "themes": [_compact(asdict(t)) for t in self.themes],
            "organisations": [asdict(o) for o in self.organisations],
            "confidence": round(self.confidence, 3),
            "suggestions": list(self.suggestions),
            "sources": list(self.sources),
            "language": self.language,
        }
        if explain:
            data["explanation"] = list(self.explanation)
        return data


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in data.items() if v is not None and v != ()}
