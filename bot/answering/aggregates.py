"""Aggregates: which city has the most people, how many collaborators per country, who has the
most affiliations.

A superlative ("most", "flest") or a break-down ("per country", "by city") groups the people a
question selects (all of them, or its role, place and theme conditions) by city, country,
organisation or theme, and counts each group. The answer lists every group with its count, the
largest first, so a reader sees the tie when there is one instead of an arbitrary winner.
"""

from __future__ import annotations

from collections import Counter

from bot.answer import LINES, Answer, Part
from bot.answering import compose
from bot.answering.base import AnswerBase
from bot.language import concepts, lexicon
from bot.language.phrases import join, say
from bot.understanding.parser import Parse

_MOST = concepts.words("aggregates.most")
_PER = concepts.words("aggregates.per")
_BY = concepts.words("aggregates.by")
_GROUPS: dict[str, frozenset[str]] = {
    "country": lexicon.COUNTRY_LIST_WORDS | concepts.words("aggregates.groups.country"),
    "city": lexicon.CITY_LIST_WORDS | concepts.words("aggregates.groups.city"),
    "org": concepts.words("aggregates.groups.org"),
    "theme": lexicon.THEME_WORDS,
    "affiliations": concepts.words("aggregates.groups.affiliations"),
}


_SEVERAL = concepts.words("aggregates.several")
_BETWEEN = concepts.words("aggregates.between")
_MORE_THAN = concepts.phrases("aggregates.more_than")
_NORWEGIAN_ONLY_NUMBERS = concepts.words("aggregates.norwegian_only_numbers")


def several_asked(p: Parse) -> tuple[str, int] | None:
    """'in two different countries', 'i flere land', 'more than one country', 'at least 3 cities': the
    grouping, and how many of them a person's affiliations must span."""
    keys = p.keys
    for n, key in enumerate(keys):
        group = next((g for g in ("country", "city", "org") if key in _GROUPS[g]), None)
        if group is None or not _asked(p, n):
            continue
        before = tuple(k for k in keys[max(0, n - 5) : n] if k not in _BETWEEN)
        if not before:
            continue
        number = _number(before[-1], p.language)
        if number is not None:
            words = before[:-1]
            if any(words[len(words) - len(ph) :] == ph for ph in _MORE_THAN):
                return group, number + 1  # "more than one country"
            if number >= 2:  # "two countries", "at least 3 cities"
                return group, number
        elif before[-1] in _SEVERAL:
            return group, 2
    return None


def _number(key: str, language: str) -> int | None:
    """'two', '2', Norwegian 'to' (only in a Norwegian question: English 'to' is a preposition)."""
    if key.isdigit():
        return int(key)
    if key in _NORWEGIAN_ONLY_NUMBERS and language != "no":
        return None
    return lexicon.CARDINALS.get(key)


def aggregate_asked(p: Parse) -> str | None:
    """The grouping a question asks for ('city' in "which city has the most people?"), or None."""
    keys = p.keys
    most = any(k in _MOST for n, k in enumerate(keys) if _asked(p, n))
    for n, key in enumerate(keys):
        for group, words in _GROUPS.items():
            if key not in words or not _asked(p, n):
                continue  # "a list of collaborations by country. Who is in <country>?": context, not asked
            before = keys[n - 1] if n else ""
            if before in _PER or before in _BY or (most and group != "affiliations" and _asks_which(keys, n)):
                return group
            if group == "affiliations" and most:
                return group
    return None


def _asked(p: Parse, position: int) -> bool:
    """A word of the sentences that ask (all of them, when none is marked as asking)."""
    return not p.asking or position in p.asking


def _asks_which(keys: list[str], position: int) -> bool:
    """'which city has the most', 'hvilket land har flest': the group word is what is asked."""
    return any(k in lexicon.WHAT_WORDS or k in lexicon.WHERE_WORDS for k in keys[max(0, position - 2) : position])


class AggregateAnswers(AnswerBase):
    """The step and builder of this kind of answer, mixed into `bot.engine.Engine`."""

    def _aggregate(self, p: Parse) -> Answer | None:
        group = aggregate_asked(p)
        if group is None or p.unknown_place:
            return None
        if group == "theme" and not any(self.index.people_by_theme.values()):
            return None  # the knowledge does not say who works on what: the themes answer says so
        if group == "theme" and p.has("leader") and not p.count:
            return None  # "who leads each theme?": the themes' leaders, not their people counted
        selection = self._selection(p)
        people = compose.people_sorted(self.index, selection.people)
        if not people:
            return None
        counts = self._counts(people, group, p.language)
        if not counts:
            return None
        ranked = counts.most_common()
        top = ranked[0][1]
        leaders = [name for name, n in ranked if n == top]
        noun = compose.role_noun(selection.roles, 2, p.language) if selection.roles else say("people_word", p.language)
        names = join(leaders, p.language)
        refs: tuple = ()
        if group == "affiliations":
            headline = say("most_affiliations", p.language, names=names, count=top)
            refs = tuple(compose.person_ref(self.kb, x, p.language) for x in people if x.name in leaders)
        elif any(k in _MOST for n, k in enumerate(p.keys) if _asked(p, n)):  # as `aggregate_asked` read it
            headline = say("most_in", p.language, names=names, count=top, people=noun)
        else:
            group_word = say(f"group_{group}", p.language)
            headline = say("per_group", p.language, people=noun[:1].upper() + noun[1:], group=group_word)
        lines = tuple(f"{name}: {n}" for name, n in ranked)
        return Answer(
            p.text,
            "count",
            True,
            headline,
            parts=(Part(LINES, lines),),
            people=refs,
            confidence=0.9,
            language=p.language,
        )

    def _in_several(self, p: Parse) -> Answer | None:
        """'who is affiliated in two countries?': the people whose affiliations span that many."""
        asked = several_asked(p)
        unknown = [t for t in p.unknown if t.key not in _SEVERAL]  # "fleire": a word of the question
        if asked is None or p.count or p.unknown_place or unknown or not (p.has("who") or p.has("work")):
            return None
        group, at_least = asked
        spans = {}
        for person in compose.people_sorted(self.index, self._selection(p).people):
            groups = self._counts([person], group, p.language, p.org_kinds)
            if len(groups) >= at_least:
                spans[person] = sorted(groups)
        groups_word = say(f"groups_{group}", p.language)
        headline = say("in_several", p.language, count=len(spans), at_least=at_least, groups=groups_word)
        if not spans:
            return self._not_known(p, headline)
        refs = tuple(compose.person_ref(self.kb, x, p.language) for x in spans)
        lines = tuple(f"{x.name}: {join(names, p.language)}" for x, names in spans.items())
        return Answer(
            p.text,
            "people",
            True,
            headline,
            parts=(Part(LINES, lines, people=refs),),
            people=refs,
            confidence=0.9,
            language=p.language,
        )

    def _counts(
        self, people: list, group: str, language: str, kinds: frozenset[str] | set[str] = frozenset()
    ) -> Counter[str]:
        """How many of `people` are in each city, country, organisation or theme (of `kinds` only, when given)."""
        counts: Counter[str] = Counter()
        for person in people:
            if group == "affiliations":
                counts[person.name] = len(person.affiliations)
                continue
            names: set[str] = set()
            for affiliation in person.affiliations:
                org = self.kb.orgs_by_id.get(affiliation.org)
                if org is None or (kinds and self.index.org_kind(org) not in kinds):
                    continue
                if group == "country":
                    names.add(compose.country_name(org.country, language))
                elif group == "city":
                    names.add(org.city)
                elif group == "org":
                    top = self.kb.orgs_by_id.get(org.parent or "", org)
                    names.add(top.name_no if language == "no" and top.name_no else top.name)
            if group == "theme":
                names = {
                    compose.theme_line(t, language)
                    for t in self.kb.themes
                    if person.id in self.index.people_by_theme.get(t.id, set())
                }
            counts.update(names)
        return counts
