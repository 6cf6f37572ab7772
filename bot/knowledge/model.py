"""The knowledge base as plain, immutable values.

The loader builds these from YAML; the index and the engine only read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Affiliation:
    org: str
    unit: str | None = None
    unit_no: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: str
    affiliations: tuple[Affiliation, ...]
    aliases: tuple[str, ...] = ()
    title: str | None = None
    title_no: str | None = None
    themes: tuple[str, ...] = ()
    slack: str | None = None
    email: str | None = None
    url: str | None = None
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    city: str
    country: str
    name_no: str | None = None
    aliases: tuple[str, ...] = ()
    city_aliases: tuple[str, ...] = ()
    parent: str | None = None
    url: str | None = None
    source: str | None = None

    @property
    def all_names(self) -> list[str]:
        """Every name it goes by: official, abbreviations, Norwegian."""
        return [self.name, *self.aliases, *([self.name_no] if self.name_no else [])]


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    number: int
    title: str
    title_no: str | None = None
    summary: str | None = None
    keywords: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Fact:
    text: str
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Consortium:
    name: str
    members: tuple[str, ...]
    name_no: str | None = None
    short: str | None = None
    summary: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Project:
    name: str
    summary: str
    leader: str | None
    name_no: str | None = None
    url: str | None = None
    url_no: str | None = None
    host: str | None = None
    host_unit: str | None = None
    facts: tuple[Fact, ...] = ()
    consortium: Consortium | None = None
    source: str | None = None

    @property
    def short_names(self) -> tuple[str, ...]:
        """What people call the project for short: the name before a dash or colon ('<Short>' of
        '<Short> – <the full name>'), and an abbreviation of the name's initials that the summary
        gives in brackets ('(ABC)' after 'A… B… C…')."""
        found: list[str] = []
        for name in (self.name, self.name_no or ""):
            head = re.split(r"\s[-–—:]\s|:\s", name, maxsplit=1)
            if len(head) == 2 and len(head[0].split()) == 1:
                found.append(head[0].strip())
        initials = "".join(w[0] for w in re.findall(r"\w+", self.name) if w[0].isupper()).upper()
        for short in re.findall(r"\(([A-ZÆØÅ]{2,8})\)", self.summary or ""):
            if short == initials:
                found.append(short)
        return tuple(dict.fromkeys(found))


@dataclass(frozen=True, slots=True)
class FaqEntry:
    id: str
    questions: tuple[str, ...]
    answer: str


@dataclass(frozen=True, slots=True)
class OnboardingStep:
    """One step of a new member's first days (`onboarding.yaml`); day 0 is in the welcome."""

    id: str
    day: int
    text: str
    text_no: str | None = None
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class KnowledgeBase:
    project: Project
    people: tuple[Person, ...]
    organisations: tuple[Organisation, ...]
    themes: tuple[Theme, ...]
    faq: tuple[FaqEntry, ...] = ()
    onboarding: tuple[OnboardingStep, ...] = ()
    warnings: tuple[str, ...] = field(default=(), compare=False)
    people_by_id: dict[str, Person] = field(init=False, repr=False, compare=False)
    orgs_by_id: dict[str, Organisation] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "people_by_id", {p.id: p for p in self.people})
        object.__setattr__(self, "orgs_by_id", {o.id: o for o in self.organisations})
