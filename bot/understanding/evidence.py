"""What a question says, as evidence: named things, corrections, cue words, unknown words.

`Parse` is the parser's output (`parser.py`); the reader (`reader.py`) turns it into a typed query.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.language.text import Token
from bot.understanding.index import FIRST_NAME, PERSON, SURNAME, Target

PERSON_KINDS = frozenset({PERSON, SURNAME, FIRST_NAME})
"""Mentions that name a person: a whole name, a surname, or a first name alone."""


@dataclass
class Mention:
    """A span of the question that names something in the knowledge base."""

    start: int
    end: int
    targets: list[Target]
    score: float = 1.0

    @property
    def kind(self) -> str:
        return self.targets[0].kind


@dataclass
class Correction:
    original: str
    corrected: str
    distance: int
    position: int


@dataclass
class Parse:
    """Everything the question says, as evidence for the engine."""

    text: str
    tokens: list[Token]
    language: str = "en"
    cues: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    unknown: list[Token] = field(default_factory=list)
    ordinary: list[Token] = field(default_factory=list)
    """Words the knowledge lacks that are ordinary language ('flight', 'Monday'): they may be left out."""
    sentence_starts: frozenset[int] = frozenset()
    asking: frozenset[int] = frozenset()
    """Positions of the words in the sentences that ask the question; the others are context."""
    set_aside: frozenset[int] = frozenset()
    """Positions of the questions of a message about other matters ("is the printer fixed?"): named as left out."""
    topic: frozenset[int] = frozenset()
    """The asking sentences, with the one before them when they ask only "who can I talk to?"."""
    read_keys: list[str] = field(default_factory=list)
    sentences: list[list[int]] = field(default_factory=list)
    """The token positions of each sentence (with a negative end mark where it ended in one)."""
    corrections: list[Correction] = field(default_factory=list)
    theme_numbers: list[int] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    count: bool = False
    help: bool = False
    how_to: bool = False
    amount: bool = False
    """'how much': only the FAQ or a fact of the project can say (`how_to` is set too)."""
    counted: tuple[str, ...] = ()
    unknown_place: str | None = None
    unknown_name: str | None = None
    unknown_role: str | None = None
    org_kinds: set[str] = field(default_factory=set)
    memo: dict[str, Any] = field(default_factory=dict)
    """What the answer builders worked out about this question once, for the others to reuse."""
    query: Any = None
    """The typed query read from this parse (`bot.understanding.reader`), set by the engine."""

    @property
    def keys(self) -> list[str]:
        """The question's words as read: corrected, translated and compounds reduced to their head."""
        return self.read_keys or [t.key for t in self.tokens]

    @property
    def mixed_case(self) -> bool:
        """Typed with capitals and small letters: then a capital marks a name."""
        return any(c.islower() for c in self.text) and any(c.isupper() for c in self.text)

    def has(self, *cues: str) -> bool:
        return any(c in self.cues for c in cues)
