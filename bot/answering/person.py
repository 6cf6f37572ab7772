"""One person's card: by name, by a note in the knowledge, or an attribute the knowledge lacks."""

from __future__ import annotations

from bot.answer import Answer
from bot.answering import compose
from bot.answering.base import (
    MIN_NOTE_WORDS,
    AnswerBase,
    explains_enough,
    notes,
    people_mentioned,
    read_as,
    themes_of,
    uncertain,
    who_is,
)
from bot.answering.retrieval import TRANSLATED, best, rank
from bot.knowledge.model import Person
from bot.language import lexicon
from bot.language.ordinary import is_ordinary
from bot.language.phrases import join, say
from bot.language.text import stem
from bot.understanding import query as q
from bot.understanding.cues import ATTRIBUTE_WORDS
from bot.understanding.filters import filter_mentions
from bot.understanding.index import FIRST_NAME, PERSON, SURNAME
from bot.understanding.parser import Parse, mentions_of

MISSING_ALWAYS = frozenset({"phone", "age", "office"})


class PersonAnswers(AnswerBase):
    """The steps and builders of this kind of answer, mixed into `bot.engine.Engine`."""

    def _unknown_person(self, p: Parse) -> Answer | None:
        if p.unknown_role and not people_mentioned(p, strong_only=True):
            return self._not_known(p, say("dont_know_role", p.language, role=p.unknown_role))
        if not p.unknown_name or p.count or people_mentioned(p, strong_only=True):
            return None
        suggestions = self._similar_people(p.unknown_name, p)
        return self._not_known(p, say("dont_know_person", p.language, name=p.unknown_name), suggestions)

    def _person(self, p: Parse) -> Answer | None:
        if p.count:
            return None
        excluded = set(p.query.excluded) if p.query else set()
        people = {k: v for k, v in people_mentioned(p, strong_only=False).items() if k not in excluded}
        if not people:
            return None
        partial = mentions_of(p, FIRST_NAME, SURNAME)
        only_first_names = bool(partial) and all(m.kind == FIRST_NAME for m in partial) and not mentions_of(p, PERSON)
        if len(people) > 1 and only_first_names:  # a first name alone that two people share
            names = [self.kb.people_by_id[i].name for i in people]
            return self._not_known(
                p,
                say("did_you_mean", p.language, options=join(names, p.language, "or")),
                tuple(who_is(n, p.language) for n in names),
            )
        persons = compose.people_sorted(self.index, set(people))
        attribute = p.query.attribute if p.query else None
        leftover = [t for t in p.unknown if not (attribute and t.key in ATTRIBUTE_WORDS.get(attribute, ()))]
        leftover = [t for t in leftover if t.index in p.asking]  # "Who is X? She sent me a <thing>.": context
        if (leftover or not explains_enough(p)) and not attribute:
            # "X's favourite food?": about X, but nothing the knowledge holds.
            names = [x.name for x in persons]
            if p.unknown_name:  # "Peter Smith" when the one Smith we know is Anna
                headline = say("dont_know_person", p.language, name=p.unknown_name)
            else:
                headline = say("dont_know_about", p.language, name=join(names, p.language))
            return self._not_known(p, headline, tuple(who_is(n, p.language) for n in names))
        if p.unknown_name:  # "Peter <surname>" when the one we know is Anna
            return self._not_known(p, say("dont_know_person", p.language, name=p.unknown_name))
        return self._person_answer(p, persons, min(people.values()), attribute)

    def _person_answer(self, p: Parse, persons: list[Person], confidence: float, attribute: str | None) -> Answer:
        """People's cards; an attribute the knowledge lacks ('her phone number') is said to be unknown."""
        refs = tuple(compose.person_ref(self.kb, person, p.language) for person in persons)
        names = join([r.name for r in refs], p.language)
        missing = attribute in MISSING_ALWAYS or (attribute == "email" and not all(r.email for r in refs))
        missing = missing or (attribute == "title" and not all(r.title for r in refs))
        if missing:
            what = say(f"attribute_{attribute}", p.language)
            headline = say("no_attribute", p.language, what=what, name=names)
        elif attribute == "email":
            headline = "; ".join(f"{r.name}: {r.email}" for r in refs)
        elif attribute == "title":
            headline = "; ".join(f"{r.name}: {r.title}" for r in refs)
        else:
            headline = names
        with_name = len(refs) > 1 or missing
        cards = tuple(self._card(person, ref, p.language, with_name) for person, ref in zip(persons, refs, strict=True))
        return Answer(
            p.text,
            "person",
            not missing,
            headline,
            parts=(*cards, *notes(*read_as(p, self.index))),
            people=refs,
            themes=themes_of(cards),
            confidence=confidence if not missing else min(confidence, 0.5),
            sources=tuple(dict.fromkeys(r.url for r in refs if r.url)),
            suggestions=uncertain(p, confidence),
            language=p.language,
        )

    def _person_by_note(self, p: Parse) -> Answer | None:
        """'Who leads <something a note names>?': a person whose note in the knowledge says so."""
        if not self._note_docs or not (p.has("who") or p.has("leader")):
            return None
        # the sentence that asks: "The report mentions <tool>, ... Who maintains <tool>?" asks only the last
        # ("... leads the <topic> theme. Who is that?": a question with no words of its own, the whole message)
        everything = [k for k in p.keys if k not in lexicon.STOPWORDS and k not in lexicon.QUESTION_WORDS]
        asked = [k for i, k in enumerate(p.keys) if i in p.asking and k in everything]
        words = asked or everything
        found = best(rank(words, self._note_docs, self.index, translate=p.language != "en"), minimum=0.75, within=0.99)
        if len(found) != 1:
            return None
        # "Who maintains <a tool only one note names>?": the whole question in one note, a rare word of it
        # a theme's words are the theme's ("who works on <topic>?"), unless the note says more ("maintains")
        on_theme = p.memo.get("theme_positions", frozenset())
        plain = lexicon.WORK_WORDS | lexicon.THEME_WORDS | lexicon.STOPWORDS  # "theme" says nothing more
        beyond = {stem(k) for i, k in enumerate(p.keys) if i not in on_theme and k not in plain and i in p.topic}
        themes = p.query is not None and bool(p.query.themes or p.query.filters_of(q.THEME))
        says_more = not themes or bool(beyond & set(found[0].matched))
        # the whole question in the note: each of its words (a Norwegian one may meet it in English, see rank)
        whole = len(set(found[0].matched)) >= max(2, len({stem(k) for k in words}))
        # a place the note names too is part of what it says ("… the <instruments> on <island>")
        places = {stem(p.keys[i]) for m in filter_mentions(p) for i in range(m.start, m.end)}
        unmatched = places - set(found[0].matched)
        more_than_places = bool(set(found[0].matched) - places)  # "who is at <A> and <B>?": the places answer
        whole = whole and found[0].score >= TRANSLATED - 0.01 and not unmatched and more_than_places and says_more
        rare = any(k.isalpha() and not is_ordinary(k) and stem(k) in found[0].matched for k in words)
        if not says_more:
            return None  # "who works on both <topic> and <topic>?": the themes' people, though a note names them
        if len(found[0].matched) < MIN_NOTE_WORDS:
            if not (whole and rare):
                return None
            facts = rank(words, self._fact_docs, self.index, translate=p.language != "en")
            if facts and facts[0].score >= found[0].score:
                return None  # "who funds <project>?": the project's fact says it, not a note that mentions it
        if any(t.key not in found[0].matched and stem(t.key) not in found[0].matched for t in p.unknown):
            return None  # a word the knowledge does not have, unless the note has it too
        person = found[0].item
        return self._person_answer(p, [person], found[0].score, None)
