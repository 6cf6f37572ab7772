"""Which people a question's filters select: places, units, roles, titles, negations.

Filters of different kinds intersect ("who in <city> works in <department>"); names
of the same kind joined by "and"/"or" are alternatives ("<city> or <city>").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot import lexicon
from bot.index import CITY, COUNTRY, ORG, ORG_PART, REGION, ROLE, TITLE, UNIT, Index
from bot.parser import Mention, Parse

FILTER_KINDS = frozenset({ORG, ORG_PART, CITY, COUNTRY, REGION, UNIT, ROLE, TITLE})
_FAMILY = {ORG: "place", ORG_PART: "place", CITY: "place", COUNTRY: "place", REGION: "place"}
_JOINERS = lexicon.STOPWORDS | lexicon.WHO_WORDS | lexicon.WORK_WORDS | lexicon.PLACE_PREPOSITIONS


@dataclass
class Selection:
    """The people a question selects and the words that describe the selection."""

    people: set[str]
    mentions: list[Mention]
    negated: list[Mention]
    groups: list[list[Mention]] = field(default_factory=list)
    abroad: bool = False
    home: bool = False
    consortium: bool = False
    org_kinds: tuple[str, ...] = ()

    @property
    def roles(self) -> list[str]:
        return [m.targets[0].value for m in self.mentions if m.kind == ROLE]

    @property
    def place_groups(self) -> list[list[Mention]]:
        return [[m for m in group if m.kind != ROLE] for group in self.groups if any(m.kind != ROLE for m in group)]

    @property
    def is_empty(self) -> bool:
        return not (self.mentions or self.negated or self.abroad or self.home or self.consortium or self.org_kinds)


def filter_mentions(parsed: Parse) -> list[Mention]:
    return [m for m in parsed.mentions if m.kind in FILTER_KINDS]


def select(parsed: Parse, index: Index, consortium: bool = False) -> Selection:
    """Apply every filter the question names and return who is left."""
    mentions = filter_mentions(parsed)
    negated = [m for m in mentions if _is_negated(m, parsed)]
    positive = [m for m in mentions if m not in negated]
    people = index.all_people()
    groups = _groups(positive, parsed)
    for group in groups:
        chosen: set[str] = set()
        for mention in group:
            for target in mention.targets:
                chosen |= index.people_for(target)
        people &= chosen
    for mention in negated:
        for target in mention.targets:
            people -= index.people_for(target)
    abroad = parsed.has("abroad") and not negated
    if abroad and index.home_country:
        people -= index.people_by_country.get(index.home_country, set())
    home = parsed.has("home") and not abroad and index.home_country is not None
    if home:
        people &= index.people_by_country.get(index.home_country or "", set())
    if consortium and index.kb.project.consortium:
        people &= index.people_in_orgs(index.kb.project.consortium.members)
    kinds = tuple(sorted(parsed.org_kinds))
    for kind in kinds:
        people &= _people_at_org_kind(index, kind)
    return Selection(people, positive, negated, groups, abroad, home, consortium, kinds)


def _is_negated(mention: Mention, parsed: Parse) -> bool:
    return any(mention.start - 3 <= n < mention.start for n in parsed.negated)


def _groups(mentions: list[Mention], parsed: Parse) -> list[list[Mention]]:
    """Adjacent names of one family joined by 'and'/'or' form one group of alternatives."""
    groups: list[list[Mention]] = []
    keys = parsed.keys
    for mention in mentions:
        if groups:
            last = groups[-1][-1]
            between = keys[last.end : mention.start]
            same_family = _family(last) == _family(mention)
            if (
                same_family
                and between
                and any(k in lexicon.CONJUNCTIONS for k in between)
                and all(k in _JOINERS for k in between)
            ):
                groups[-1].append(mention)
                continue
        groups.append([mention])
    return groups


def _family(mention: Mention) -> str:
    return _FAMILY.get(mention.kind, mention.kind)


def _people_at_org_kind(index: Index, kind: str) -> set[str]:
    return index.people_in_orgs([org.id for org in index.kb.organisations if index.org_kind(org) == kind])
