"""Counts: people, themes, organisations, countries and cities."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer import LINES, PEOPLE, STATEMENTS, THEMES, Answer, Part
from bot.answering import compose
from bot.answering.base import AnswerBase, Selection, source
from bot.answering.retrieval import best, rank
from bot.knowledge.model import Person
from bot.language import concepts, lexicon
from bot.language.ordinary import is_ordinary
from bot.language.phrases import join, say
from bot.language.text import keys, stem, stems_meet
from bot.understanding import query as q
from bot.understanding.coverage import matched_positions, word_importance
from bot.understanding.filters import filter_mentions
from bot.understanding.negation import negated_topic
from bot.understanding.parser import Parse

# Words a count can be about: people (by any word for them), themes, organisations, places.
# Words that say someone leads ("runs", "charge") are not what is counted: "how many sequencing runs".
_LEADING_VERBS = concepts.words("counts.leading_verbs")
_COUNTABLE = (
    lexicon.WHO_WORDS
    | lexicon.WORK_WORDS
    | lexicon.THEME_WORDS
    | lexicon.ORG_LIST_WORDS
    | lexicon.COUNTRY_LIST_WORDS
    | lexicon.CITY_LIST_WORDS
    | lexicon.ABROAD_WORDS
    | lexicon.HOME_WORDS
    | lexicon.PLACE_PREPOSITIONS
    | lexicon.PROJECT_WORDS  # "how many in the group ..."
    | lexicon.ANY_ROLE_WORDS
    | lexicon.ANY_ORG_KIND_WORDS
) - _LEADING_VERBS


class CountAnswers(AnswerBase):
    """The steps and builders of this kind of answer, mixed into `bot.engine.Engine`."""

    def _count(self, p: Parse) -> Answer | None:
        if not p.count:
            return None
        stated = self._count_stated(p)
        if stated is not None:
            return stated
        if not self._counts_what_it_can(p):
            return None
        if p.has("themes") and not filter_mentions(p) and not self._counts_theme_people(p):
            return self._theme_count_by_topic(p) or self._theme_count(p)
        wants_places = any(k in lexicon.COUNTRY_LIST_WORDS | lexicon.CITY_LIST_WORDS for k in p.keys)
        if p.has("orgs") and not filter_mentions(p) and not wants_places:
            orgs = self._orgs_with_people()
            consortium = self.kb.project.consortium
            if consortium and self._mentions_consortium(p):
                orgs = [self.kb.orgs_by_id[m] for m in consortium.members if m in self.kb.orgs_by_id]
            for kind in p.org_kinds:
                orgs = [o for o in orgs if self.index.org_kind(o) == kind]
            return Answer(
                p.text,
                "count",
                True,
                say("count_orgs", p.language, count=len(orgs)),
                parts=(Part(LINES, tuple(compose.org_place_line(o, p.language) for o in orgs)),),
                organisations=tuple(compose.org_ref(o) for o in orgs),
                confidence=0.9,
                language=p.language,
            )
        if p.unknown_place:
            return self._unknown_place(p)
        selection = self._selection(p)
        people_words = lexicon.WHO_WORDS | lexicon.EVERYONE_WORDS | self._project_name_words
        rare = [k for k in p.content if not is_ordinary(k) and k not in people_words]
        if selection.is_empty and (any(m.start in p.asking for m in filter_mentions(p)) or rare) and p.content:
            # "ant. A100 gruppa har på IDUN": a count of things a fact may hold, not of everyone
            # "how many PhD positions does it fund?": a role read as a modifier counts no one; a fact may say it
            return self._themes_or_facts(p)
        return self._people_count(p, selection)

    def _counts_theme_people(self, p: Parse) -> bool:
        """'how many people work on theme 3?': people on a theme are counted, not themes."""
        return p.query is not None and p.query.counted != "themes" and bool(p.query.filters_of(q.THEME))

    def _people_count(self, p: Parse, selection: Selection) -> Answer:
        people = compose.people_sorted(self.index, selection.people)
        where = self._describe(selection, p.language) or say("the_group", p.language)
        noun = compose.role_noun(selection.roles, len(people), p.language)
        refs = tuple(compose.person_ref(self.kb, person, p.language) for person in people)
        headline = say("count_people", p.language, count=len(people), people=noun, where=where)
        places = self._count_places(p, people)
        if places:
            headline = places
        return Answer(
            p.text,
            "count",
            True,
            headline,
            parts=(Part(PEOPLE, tuple(compose.person_line(r) for r in refs), people=refs),),
            people=refs,
            confidence=self._selection_confidence(p, selection),
            language=p.language,
        )

    def _theme_count_by_topic(self, p: Parse) -> Answer | None:
        """'How many themes are (not) about <topic>?': the themes the topic's words match (or leave)."""
        if p.mentions:
            return None
        negated = negated_topic(p)
        if negated:
            words = [p.keys[i] for i in negated]
            about = {s.item.number for s in rank(words, self._theme_docs, self.index, translate=p.language != "en")}
            numbers = tuple(t.number for t in self.kb.themes if t.number not in about)
            key, positions = "count_themes_not_about", negated
        else:
            matching = best(
                rank(p.content, self._theme_docs, self.index, word_importance(p), translate=p.language != "en"),
                minimum=0.3,
            )
            numbers = tuple(s.item.number for s in matching)
            key = "count_themes_about"
            positions = sorted(matched_positions(p, tuple(w for s in matching for w in s.matched)))
        if not numbers or not positions or len(numbers) == len(self.kb.themes):
            return None
        answer = self._theme_count(p, numbers)
        span = range(positions[0], positions[-1] + 1)  # "<topic> or <topic>", not words far apart
        topic = " ".join(p.tokens[i].original for i in (span if len(span) <= len(positions) + 1 else positions))
        headline = say(key, p.language, count=len(numbers), total=len(self.kb.themes), topic=topic)
        return replace(answer, headline=headline)

    def _theme_count(self, p: Parse, numbers: tuple[int, ...] = ()) -> Answer:
        """How many themes: all of them, or those the conversation just named."""
        themes = [t for t in self.kb.themes if not numbers or t.number in numbers]
        count = len(themes)
        refs = tuple(compose.theme_ref(t) for t in themes)
        return Answer(
            p.text,
            "count",
            True,
            say("count_themes", p.language, count=count),
            parts=(Part(THEMES, tuple(compose.theme_line(t, p.language) for t in themes), themes=refs),),
            themes=refs,
            confidence=1.0,
            language=p.language,
        )

    def _count_stated(self, p: Parse) -> Answer | None:
        """'How many research groups are in it?': a number the knowledge's own sentences state
        ("nine research groups" in a consortium's summary), said as a number, with the sentence as the evidence."""
        if not p.counted:
            return None
        # the thing counted, by its head noun ("research groups": groups), in English too ("grupper")
        named = {w for w, _ in self._consortium_stems} | {p.keys[i] for i in self._consortium_name_positions(p)}
        nouns = [k for k in p.counted if k not in named]
        if not nouns:
            return None
        head = nouns[0] if len(nouns) == 1 or _apart(p, nouns) else nouns[-1]  # "research groups": groups
        if head in self._countable_here():
            return None  # people, themes and organisations are counted from the knowledge itself
        wanted = {stem(head), stem(lexicon.FIELD_TRANSLATIONS.get(head, head))}
        for text, url in self._statements():
            words = keys(text)
            for n, word in enumerate(words[:-1]):
                if word in lexicon.STOPWORDS:
                    continue  # "to" is two in Norwegian, not in "affiliated to"
                number = int(word) if word.isdecimal() else lexicon.CARDINALS.get(word)
                following = {stem(k) for k in words[n + 1 : n + 4]}  # "nine (research) groups"
                if number and any(stems_meet(w, f) for w in wanted for f in following):
                    sentence = next((s for s in _sentences(text) if word in keys(s)), text)
                    headline = say("count_stated", p.language, count=number)
                    return Answer(
                        p.text,
                        "count",
                        True,
                        headline,
                        parts=(Part(STATEMENTS, (sentence,), source=url),),
                        confidence=0.9,
                        sources=source(url),
                        language=p.language,
                    )
        return None

    def _countable_here(self) -> frozenset[str]:
        return _COUNTABLE - lexicon.PROJECT_WORDS | self._role_words

    def _statements(self) -> list[tuple[str, str | None]]:
        project = self.kb.project
        found = [(f.text, project.url) for f in project.facts]
        if project.consortium and project.consortium.summary:
            found.append((project.consortium.summary, project.consortium.url))
        return found

    def _counts_what_it_can(self, p: Parse) -> bool:
        """People, themes, organisations and places can be counted; 'how many years' cannot."""
        if not p.counted:
            return True  # "how many are at X", "hvor mange er med"
        named = {k for m in p.mentions for k in p.keys[m.start : m.end]}
        roles = self._role_words - _LEADING_VERBS
        return any(w in _COUNTABLE or w in roles or w in named for w in p.counted)

    def _count_places(self, p: Parse, people: list[Person]) -> str | None:
        """'How many countries/cities': count the places of the selected people."""
        wants_countries = any(k in lexicon.COUNTRY_LIST_WORDS for k in p.keys)
        wants_cities = any(k in lexicon.CITY_LIST_WORDS for k in p.keys)
        if not (wants_countries or wants_cities):
            return None
        orgs = [self.kb.orgs_by_id[a.org] for person in people for a in person.affiliations]
        if wants_countries:
            places = list(dict.fromkeys(compose.country_name(o.country, p.language) for o in orgs))
            return say("count_countries", p.language, count=len(places), names=join(places, p.language))
        places = list(dict.fromkeys(o.city for o in orgs))
        return say("count_cities", p.language, count=len(places), names=join(places, p.language))


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;!?])\s+", text) if s.strip()]


def _apart(p: Parse, words: list[str]) -> bool:
    """True when the counted words do not stand together ('how many people are in the group')."""
    keys = p.keys
    positions = [keys.index(w) for w in words[:2] if w in keys]
    return len(positions) == 2 and positions[1] - positions[0] > 1
