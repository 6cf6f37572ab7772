"""The typed query: everything a question asks, as data the executor can evaluate.

A question is read into one `Query`: what is asked (`asks`), the filters on people
with their polarity and how they combine, the people and themes it refers to, and
what became of every word. Follow-ups are operations on the previous query
(`followup.py`), and the executor (`bot.answering.executor`) evaluates a query over
the knowledge, so negation, "both" and "of them" are never special cases in the
answer builders.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

# What a question can ask for.
PEOPLE = "people"
PERSON = "person"
ATTRIBUTE = "attribute"
THEMES = "themes"
COUNT = "count"
STATEMENT = "statement"
LEADER = "leader"
ORGANISATION = "organisation"
HELP = "help"
SMALLTALK = "smalltalk"
UNKNOWN = "unknown"

# The families of filters: alternatives within one family unite, families intersect.
PLACE = "place"
UNIT = "unit"
ROLE = "role"
TITLE = "title"
ORG_KIND = "org_kind"
ABROAD = "abroad"
HOME = "home"
CONSORTIUM = "consortium"
THEME = "theme"

# What became of a word of the question.
UNDERSTOOD = "understood"
ORDINARY = "ordinary"
UNKNOWN_WORD = "unknown"


@dataclass(frozen=True, slots=True)
class Value:
    """One thing a filter names: a kind of the index ('city', 'org', 'role' ...) and its id."""

    kind: str
    id: str


@dataclass(frozen=True, slots=True)
class Filter:
    """A condition on people. `values` are alternatives ("<city> or <city>"), unless
    `all_of` ("both <A> and <B>"). A negated filter removes the people it selects."""

    family: str
    values: tuple[Value, ...] = ()
    negated: bool = False
    all_of: bool = False


@dataclass(frozen=True, slots=True)
class Word:
    """One word of the question and what it was taken for."""

    text: str
    use: str
    meaning: str = ""


@dataclass(frozen=True, slots=True)
class Query:
    """One reading of a question. Small and serialisable: it is also a conversation's context."""

    asks: str
    filters: tuple[Filter, ...] = ()
    people: tuple[str, ...] = ()
    excluded: tuple[str, ...] = ()
    themes: tuple[int, ...] = ()
    attribute: str | None = None
    counted: str | None = None
    within: tuple[str, ...] | None = None
    words: tuple[Word, ...] = field(default=(), compare=False)

    def with_(self, **changes: Any) -> Query:
        return replace(self, **changes)

    def filters_of(self, family: str) -> list[Filter]:
        return [f for f in self.filters if f.family == family]

    def describe(self) -> str:
        """A compact, readable form for --explain."""
        parts = [self.asks]
        if self.attribute:
            parts.append(f"attribute={self.attribute}")
        if self.counted:
            parts.append(f"of={self.counted}")
        for f in self.filters:
            joiner = " & " if f.all_of else " | "
            values = joiner.join(f"{v.kind}:{v.id}" for v in f.values) or "-"
            parts.append(f"{'NOT ' if f.negated else ''}{f.family}({values})")
        if self.people:
            parts.append(f"people={','.join(self.people)}")
        if self.excluded:
            parts.append(f"except={','.join(self.excluded)}")
        if self.themes:
            parts.append(f"themes={','.join(map(str, self.themes))}")
        if self.within is not None:
            parts.append(f"within={len(self.within)} people")
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("words")
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Query:
        filters = tuple(
            Filter(
                f["family"],
                tuple(Value(v["kind"], v["id"]) for v in f.get("values", ())),
                bool(f.get("negated")),
                bool(f.get("all_of")),
            )
            for f in data.get("filters", ())
        )
        within = data.get("within")
        return cls(
            asks=str(data.get("asks", UNKNOWN)),
            filters=filters,
            people=tuple(data.get("people", ())),
            excluded=tuple(data.get("excluded", ())),
            themes=tuple(int(n) for n in data.get("themes", ())),
            attribute=data.get("attribute"),
            counted=data.get("counted"),
            within=tuple(within) if within is not None else None,
        )
