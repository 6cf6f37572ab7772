"""The question-answering engine: a question string in, an `Answer` out.

It reads the question (`parser`), weighs what it found, and picks the one
answer the evidence supports. When the evidence is thin, or the question
names something the knowledge base does not hold (a place or a person it has never
heard of), it says so instead of guessing: a confident wrong answer is worse than none.

Imports nothing from Slack and knows nothing about any one group.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from rapidfuzz import fuzz, process

from bot import compose, lexicon
from bot.answer import Answer
from bot.answering import executor
from bot.answering.describe import describe
from bot.index import FIRST_NAME, ORG, ORG_PART, PERSON, ROLE, SURNAME, Index, build_index
from bot.loader import load_knowledge
from bot.model import KnowledgeBase, Person, Theme
from bot.parser import LAST, Parse, mentions_of, parse, phrase_positions
from bot.people import filter_mentions
from bot.phrases import join, say
from bot.retrieval import best, fact_words, faq_words, note_words, rank, theme_words
from bot.text import keys, stem, stems_meet
from bot.understanding import query as q
from bot.understanding.coverage import coverage, left_out_words, matched_positions, word_importance
from bot.understanding.followup import Context, continue_from
from bot.understanding.reader import ATTRIBUTE_WORDS, read

FAQ_MIN = 0.75
# Attributes of a person no knowledge base holds: asking for one gets the card and a plain "not known".
MISSING_ALWAYS = frozenset({"phone", "age", "office"})
# Words a count can be about: people (by any word for them), themes, organisations, places.
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
    | frozenset().union(*lexicon.ROLE_SYNONYMS.values(), *lexicon.ORG_KIND_WORDS.values())
)


@dataclass(frozen=True, slots=True)
class Selection:
    """The people a query selects, with the query that says why."""

    people: set[str]
    query: q.Query

    @property
    def roles(self) -> list[str]:
        return executor.roles(self.query)

    @property
    def is_empty(self) -> bool:
        return executor.is_everyone(self.query)


class Engine:
    """Answers questions about one knowledge base. Safe to share between threads."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.index: Index = build_index(kb)
        self._theme_docs = [(t, theme_words(t)) for t in kb.themes]
        self._fact_docs = [(f, fact_words(f)) for f in kb.project.facts]
        self._note_docs = [(person, note_words(person.note)) for person in kb.people if person.note]
        self._faq_docs = [(e, faq_words(e)) for e in kb.faq]
        self._consortium_words = _consortium_words(kb)
        self._consortium_stems = tuple((w, stem(w)) for w in sorted(self._consortium_words))
        self._project_name_words = frozenset(keys(kb.project.name)) | frozenset(keys(kb.project.name_no or ""))
        self._role_words = frozenset(w for words in self.index.role_words.values() for w in words)
        self._leader_roles = frozenset(
            role for role, words in self.index.role_words.items() if words & lexicon.LEADER_WORDS
        )

    @classmethod
    def from_directory(cls, directory: Path | str) -> Engine:
        return cls(load_knowledge(directory))

    # -- the decision ------------------------------------------------------------

    def answer(self, question: str, context: Context | None = None) -> Answer:
        """Answer one question (in the light of a conversation's context); never raises for any text."""
        return self.converse(question, context)[0]

    def converse(self, question: str, context: Context | None = None) -> tuple[Answer, Context]:
        """Answer one turn of a conversation and return the context for the next turn.

        A fragment ("and in <city>?", "which of them ...", "where does she work?")
        is read as an operation on the previous turn's query; a full question starts afresh.
        """
        parsed = parse(question or "", self.index)
        parsed.query = read(parsed, self.index)
        trace = _trace(parsed)
        if context is not None:
            merged = continue_from(context, parsed, parsed.query, self.index)
            answer = self._answer_query(parsed, merged) if merged is not None else None
            if merged is not None and answer is not None:
                trace += [f"follow-up of: {context.query.describe() if context.query else '-'}"]
                trace += [f"query: {merged.describe()}", "answer: follow_up"]
                return _with_trace(answer, trace), self._next_context(merged, answer, context)
        trace.append(f"query: {parsed.query.describe()}")
        for step in self._steps():
            result = step(parsed)
            if result is not None:
                answer = _with_trace(result, [*trace, f"answer: {step.__name__.lstrip('_')}"])
                return answer, self._next_context(parsed.query, answer, context)
        answer = _with_trace(self._dont_know(parsed), [*trace, "answer: dont_know"])
        return answer, self._next_context(parsed.query, answer, context)

    def _next_context(self, query: q.Query, answer: Answer, previous: Context | None) -> Context:
        """What the next turn may refer to: this turn's query and what its answer named."""
        if not answer.answered and not answer.people:
            return previous or Context()  # "I don't know" leaves the conversation where it was
        people = tuple(ref.id for ref in answer.people)
        themes = tuple(ref.number for ref in answer.themes)
        if answer.kind in ("person", "leader"):
            query = q.Query(asks=q.PERSON, people=people)
        elif answer.kind in ("theme", "themes") or (answer.kind == "count" and themes and not people):
            query = q.Query(asks=q.THEMES, themes=themes, attribute="people" if people else None)
        elif answer.kind not in ("people", "count"):
            query = q.Query(asks=q.STATEMENT)
        return Context(query=query, people=people, themes=themes, kind=answer.kind)

    def _answer_query(self, p: Parse, query: q.Query) -> Answer | None:
        """Answer a query built from a follow-up: the executor selects, the builders say it."""
        if query.asks in (q.PERSON, q.ATTRIBUTE):
            persons = compose.people_sorted(self.index, set(query.people))
            return self._person_answer(p, persons, 0.9, query.attribute) if persons else None
        if query.asks == q.THEMES and not query.themes:
            return self._themes_or_facts(p, asks_people=query.attribute == "people")
        if query.asks == q.THEMES:
            themes = [t for t in self.kb.themes if t.number in query.themes]
            return self._theme_answer(p, themes, 0.9, asks_people=query.attribute == "people") if themes else None
        if query.asks == q.STATEMENT and query.attribute == "consortium":
            return self._consortium(p, about_it=True)
        if query.asks == q.COUNT and query.counted == "themes":
            return self._count(p)
        selection = Selection(executor.select(query, self.index), query)
        if query.asks == q.COUNT:
            return self._people_count(p, selection)
        return self._people_list(p, selection)

    def _steps(self) -> list[Callable[[Parse], Answer | None]]:
        """The answers to try, most specific evidence first.

        A named person beats a place, a place beats a theme word, a theme word
        beats the project's general description; steps that explain only part
        of a question (unknown words left over) decline, so a later step or
        "I don't know" gets it.
        """
        return [
            self._empty,
            self._faq,
            self._help,
            self._unknown_person,
            self._person,
            self._count,
            self._leader,
            self._theme_by_number,
            self._themes_asked,
            self._person_by_note,
            self._consortium_people,
            self._unknown_place,
            self._people_by_filters,
            self._organisation,
            self._consortium,
            self._themes_or_facts,
            self._project,
            self._organisations,
            self._everyone,
            self._greeting,
        ]

    # -- steps, each returns an answer or None -----------------------------------

    def _empty(self, p: Parse) -> Answer | None:
        if p.tokens:
            return None
        if p.text.strip(" ?!.,;:-"):
            return self._not_known(p, say("dont_know", p.language))  # emoji, symbols only
        return self._help_answer(p, kind="help")

    def _faq(self, p: Parse) -> Answer | None:
        if not self._faq_docs:
            return None
        found = best(rank(p.content + _cue_content(p), self._faq_docs, self.index), FAQ_MIN)
        if not found:
            scored = process.extractOne(
                p.text,
                {e.id: q for e, _ in self._faq_docs for q in e.questions},
                scorer=fuzz.token_set_ratio,
                score_cutoff=90,
            )
            if not scored:
                return None
            entry = next(e for e, _ in self._faq_docs if e.id == scored[2])
            confidence = scored[1] / 100
        else:
            entry, confidence = found[0].item, found[0].score
        return Answer(p.text, "faq", True, entry.answer, confidence=confidence, language=p.language)

    def _help(self, p: Parse) -> Answer | None:
        about_the_bot = p.has("who", "what") and not p.mentions and any(k in lexicon.SELF_WORDS for k in p.keys)
        about_the_bot = about_the_bot and p.cues <= {"who", "what", "greeting"}  # not "can you list the themes"
        if p.help and p.mentions:
            return None  # "what do you know about <a name>?": about that, not about the bot
        asks_about_bot = about_the_bot and not p.unknown and _explains_enough(p)
        return self._help_answer(p, kind="help") if p.help or asks_about_bot else None

    def _greeting(self, p: Parse) -> Answer | None:
        if not p.has("greeting") or p.unknown or p.mentions or not _explains_enough(p):
            return None
        bye = any(k in lexicon.BYE_WORDS for k in p.keys) or bool(phrase_positions(p.keys, lexicon.BYE_PHRASES))
        if bye or any(k in lexicon.THANKS_WORDS for k in p.keys):
            key = "thanks" if any(k in lexicon.THANKS_WORDS for k in p.keys) else "bye"
            return Answer(p.text, "greeting", True, say(key, p.language), confidence=1.0, language=p.language)
        return self._help_answer(p, kind="greeting")

    def _unknown_person(self, p: Parse) -> Answer | None:
        if p.unknown_role and not _people_mentioned(p, strong_only=True):
            return self._not_known(p, say("dont_know_role", p.language, role=p.unknown_role))
        if not p.unknown_name or p.count or _people_mentioned(p, strong_only=True):
            return None
        suggestions = self._similar_people(p.unknown_name, p)
        return self._not_known(p, say("dont_know_person", p.language, name=p.unknown_name), suggestions)

    def _person(self, p: Parse) -> Answer | None:
        if p.count:
            return None
        excluded = set(p.query.excluded) if p.query else set()
        people = {k: v for k, v in _people_mentioned(p, strong_only=False).items() if k not in excluded}
        if not people:
            return None
        if len(people) > 1 and all(m.kind == FIRST_NAME for m in mentions_of(p, FIRST_NAME, SURNAME)):
            names = [self.kb.people_by_id[i].name for i in people]
            return self._not_known(
                p,
                say("did_you_mean", p.language, options=join(names, p.language, "or")),
                tuple(_who_is(n, p.language) for n in names),
            )
        persons = compose.people_sorted(self.index, set(people))
        attribute = p.query.attribute if p.query else None
        leftover = [t for t in p.unknown if not (attribute and t.key in ATTRIBUTE_WORDS.get(attribute, ()))]
        if (leftover or not _explains_enough(p)) and not attribute:
            # "X's favourite food?": about X, but nothing the knowledge holds.
            names = [x.name for x in persons]
            if p.unknown_name:  # "Peter Smith" when the one Smith we know is Anna
                headline = say("dont_know_person", p.language, name=p.unknown_name)
            else:
                headline = say("dont_know_about", p.language, name=join(names, p.language))
            return self._not_known(p, headline, tuple(_who_is(n, p.language) for n in names))
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
        details: list[str] = []
        for person, ref in zip(persons, refs, strict=True):
            details.extend(self._card_lines(person, ref, p.language, with_name=len(refs) > 1 or missing))
        return Answer(
            p.text,
            "person",
            not missing,
            headline,
            tuple(details) + _read_as(p, self.index),
            people=refs,
            confidence=confidence if not missing else min(confidence, 0.5),
            sources=tuple(dict.fromkeys(r.url for r in refs if r.url)),
            suggestions=_uncertain(p, confidence),
            language=p.language,
        )

    def _count(self, p: Parse) -> Answer | None:
        if not p.count or not self._counts_what_it_can(p):
            return None
        if p.has("themes") and not filter_mentions(p):
            count = len(self.kb.themes)
            return Answer(
                p.text,
                "count",
                True,
                say("count_themes", p.language, count=count),
                tuple(compose.theme_line(t, p.language) for t in self.kb.themes),
                themes=tuple(compose.theme_ref(t) for t in self.kb.themes),
                confidence=1.0,
                language=p.language,
            )
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
                tuple(f"{o.name} ({o.city}, {o.country})" for o in orgs),
                organisations=tuple(compose.org_ref(o) for o in orgs),
                confidence=0.9,
                language=p.language,
            )
        if p.unknown_place:
            return self._unknown_place(p)
        return self._people_count(p, self._selection(p))

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
            tuple(compose.person_line(r) for r in refs),
            people=refs,
            confidence=self._selection_confidence(p, selection),
            language=p.language,
        )

    def _counts_what_it_can(self, p: Parse) -> bool:
        """People, themes, organisations and places can be counted; 'how many years' cannot."""
        if not p.counted:
            return True  # "how many are at X", "hvor mange er med"
        named = {k for m in p.mentions for k in p.keys[m.start : m.end]}
        return any(w in _COUNTABLE or w in self._role_words or w in named for w in p.counted)

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

    def _leader(self, p: Parse) -> Answer | None:
        filters = [m for m in filter_mentions(p) if not (m.kind == ROLE and m.targets[0].value in self._leader_roles)]
        if not (p.has("leader") or len(filters) < len(filter_mentions(p))) or filters or p.unknown_place:
            return None
        if (p.unknown or not _explains_enough(p)) and not (p.has("who") or p.has("project")):
            return None
        leaders = [self.kb.people_by_id[self.kb.project.leader]] if self.kb.project.leader else []
        if not leaders:
            leaders = compose.people_sorted(self.index, self.index.people_by_role.get("leader", set()))
        if not leaders:
            return None
        refs = tuple(compose.person_ref(self.kb, person, p.language) for person in leaders)
        details = []
        for person, ref in zip(leaders, refs, strict=True):
            details.extend(self._card_lines(person, ref, p.language, with_name=False))
        return Answer(
            p.text,
            "leader",
            True,
            say("leader", p.language, name=join([r.name for r in refs], p.language)),
            tuple(details),
            people=refs,
            confidence=0.95 if not p.unknown else 0.75,
            sources=tuple(dict.fromkeys(r.url for r in refs if r.url)),
            language=p.language,
        )

    def _theme_by_number(self, p: Parse) -> Answer | None:
        if not p.theme_numbers:
            return None
        last = max((t.number for t in self.kb.themes), default=0)
        wanted = {last if n == LAST else n for n in p.theme_numbers}
        themes = [t for t in self.kb.themes if t.number in wanted]
        if not themes:
            numbers = ", ".join(str(t.number) for t in self.kb.themes)
            return self._not_known(p, f"{say('themes_all', p.language, count=len(self.kb.themes))} {numbers}.")
        return self._theme_answer(p, themes, 1.0)

    def _themes_asked(self, p: Parse) -> Answer | None:
        if not p.has("themes") or (p.mentions and not p.has("who")):
            return None
        # The question is about themes, so a weaker match of its words to one theme still decides.
        matching = best(rank(p.content, self._theme_docs, self.index, word_importance(p)), minimum=0.3)
        if matching:
            return self._theme_answer(p, [s.item for s in matching], matching[0].score)
        if (p.unknown or not _explains_enough(p)) and not p.has("project", "what"):
            return None
        themes = list(self.kb.themes)
        return Answer(
            p.text,
            "themes",
            True,
            say("themes_all", p.language, count=len(themes)),
            tuple(compose.theme_line(t, p.language) for t in themes),
            themes=tuple(compose.theme_ref(t) for t in themes),
            confidence=0.95,
            sources=_source(self.kb.project.url),
            language=p.language,
        )

    def _person_by_note(self, p: Parse) -> Answer | None:
        """'Who leads the national expert group?': a person whose note in the knowledge says so."""
        if not self._note_docs or not (p.has("who") or p.has("leader")) or p.unknown:
            return None
        words = [k for k in p.keys if k not in lexicon.STOPWORDS and k not in lexicon.QUESTION_WORDS]
        found = best(rank(words, self._note_docs, self.index), minimum=0.75, within=0.99)
        if len(found) != 1 or len(found[0].matched) < MIN_NOTE_WORDS:
            return None
        person = found[0].item
        return self._person_answer(p, [person], found[0].score, None)

    def _consortium_people(self, p: Parse) -> Answer | None:
        if not self._mentions_consortium(p) or not p.has("who") or not _explains_enough(p):
            return None
        return self._people_list(p, self._selection(p, consortium=True))

    def _unknown_place(self, p: Parse) -> Answer | None:
        if not p.unknown_place:
            return None
        suggestions = self._similar_places(p.unknown_place, p)
        return self._not_known(p, say("dont_know_place", p.language, place=p.unknown_place), suggestions)

    def _people_by_filters(self, p: Parse) -> Answer | None:
        mentions = filter_mentions(p)
        if p.has("leader") and mentions and not any(m.kind == ROLE for m in mentions):
            return self._leader_elsewhere(p)
        asks_people = p.has("who") or any(m.kind == ROLE for m in mentions) or (p.has("work") and not p.has("what"))
        names_only = not p.unknown and not p.content and not p.has("project", "themes")
        if not (mentions or p.has("abroad") or p.org_kinds):
            return None
        # A bare organisation name (one word, no question) gets the organisation's card, people included.
        bare_org = bool(mentions) and all(m.kind in (ORG, ORG_PART) for m in mentions)
        if p.has("orgs") and not asks_people:
            return None  # "which hospitals?": organisations, not people
        other_words = [k for k in p.content if k not in self._project_name_words]
        if len(p.unknown) >= 2 or (p.unknown and len(other_words) >= 2) or not _explains_enough(p):
            return None  # "who in <city> plays football?": more is asked than a place

        if asks_people or (names_only and not bare_org):
            return self._people_list(p, self._selection(p))
        return None

    def _leader_elsewhere(self, p: Parse) -> Answer:
        """'Who leads at X': the knowledge names one leader; say so rather than list X's people as leaders."""
        selection = self._selection(p)
        leaders = selection.people & self.index.people_by_role.get("leader", set())
        if self.kb.project.leader in selection.people:
            leaders.add(self.kb.project.leader)
        where = self._describe(selection, p.language)
        if leaders:
            return self._people_list(p, Selection(leaders, selection.query))
        others = "Hvem jobber" if p.language == "no" else "Who works"
        return self._not_known(p, say("dont_know_leader", p.language, where=where), (f"{others} {where}?",))

    def _organisation(self, p: Parse) -> Answer | None:
        orgs = [m for m in p.mentions if m.kind in (ORG, ORG_PART)]
        if not orgs or p.unknown or len(orgs) != len(filter_mentions(p)) or not _explains_enough(p):
            return None
        lines: list[str] = []
        refs = []
        people_ids: set[str] = set()
        for mention in orgs:
            for target in mention.targets:
                org = self.kb.orgs_by_id[target.value]
                refs.append(compose.org_ref(org))
                members = self.index.people_in_orgs([org.id])
                people_ids |= members
                names = [x.name for x in compose.people_sorted(self.index, members)]
                lines.append(f"{compose.org_label(self.kb, org)}: {org.city}, {org.country}")
                names_text = join(names, p.language) or say("no_one_listed", p.language)
                lines.append(say("org_people", p.language, names=names_text))
        people = compose.people_sorted(self.index, people_ids)
        return Answer(
            p.text,
            "organisation",
            True,
            lines[0],
            tuple(lines[1:]),
            people=tuple(compose.person_ref(self.kb, x, p.language) for x in people),
            organisations=tuple(refs),
            confidence=0.9 * min(m.score for m in orgs),
            language=p.language,
        )

    def _themes_or_facts(self, p: Parse, asks_people: bool = False) -> Answer | None:
        """The theme or the page's statement that explains most of the question."""
        # The project's own name (say "kelp" for a kelp ecology lab) is the topic of
        # every statement, so it neither finds nor rules one out; theme titles may share its words.
        content = [k for k in p.content if k not in self._project_name_words]
        if not content or p.how_to:
            return None
        importance = word_importance(p)
        about_the_project = {i for i, k in enumerate(p.keys) if k in self._project_name_words}
        themes = best(rank(p.content, self._theme_docs, self.index, importance))
        facts = best(rank(content, self._fact_docs, self.index, importance), within=0.99)[:2]
        asks_why = any(k in lexicon.WHY_WORDS for k in p.keys)  # a reason is a statement, not a theme
        if themes and (not facts or (themes[0].score >= facts[0].score and not asks_why)):
            explained = matched_positions(p, tuple(w for s in themes for w in s.matched)) | about_the_project
            if not _explains_enough(p, explained, with_mentions=False):
                return None
            return self._theme_answer(p, [s.item for s in themes], themes[0].score, asks_people)
        if not facts:
            return None
        explained = matched_positions(p, tuple(w for s in facts for w in s.matched)) | about_the_project
        if not _explains_enough(p, explained, with_mentions=False):
            return None
        lines = tuple(s.item.text for s in facts)
        return Answer(
            p.text,
            "facts",
            True,
            lines[0],
            lines[1:],
            confidence=facts[0].score,
            sources=_source(self.kb.project.url),
            language=p.language,
        )

    def _consortium(self, p: Parse, about_it: bool = False) -> Answer | None:
        """The consortium's card; `about_it` when a follow-up's 'it' is the consortium."""
        consortium = self.kb.project.consortium
        if consortium is None or not (about_it or self._mentions_consortium(p)) or len(p.unknown) > 1:
            return None
        explained = self._consortium_text_positions(p)
        if not _explains_enough(p, explained):
            return None
        facts = best(rank(p.content, self._fact_docs, self.index, word_importance(p)), within=0.99)
        if facts and len(matched_positions(p, facts[0].matched)) > len(explained):
            return None  # a sentence of the page says more of what is asked: see _themes_or_facts
        name = consortium.name
        if consortium.short:
            name = f"{name} ({consortium.short})"
        details = []
        if consortium.name_no:
            details.append(consortium.name_no)
        if consortium.summary:
            details.append(consortium.summary)
        members = [self.kb.orgs_by_id[m] for m in consortium.members if m in self.kb.orgs_by_id]
        if members:
            names = join([m.name for m in members], p.language)
            details.append(say("consortium_members", p.language, names=names))
        return Answer(
            p.text,
            "consortium",
            True,
            name,
            tuple(details),
            organisations=tuple(compose.org_ref(m) for m in members),
            confidence=0.95,
            sources=_source(consortium.url),
            language=p.language,
        )

    def _project(self, p: Parse) -> Answer | None:
        names_topic = bool(p.content) and all(k in self._project_name_words for k in p.content)
        naming = any(k in lexicon.NAMING_WORDS for k in p.keys)
        filters = [m for m in filter_mentions(p) if not (naming and p.keys[m.start] in lexicon.LANGUAGE_WORDS)]
        if not (p.has("project") or names_topic) or p.unknown or filters or p.how_to:
            return None
        if not _explains_enough(p):
            return None
        if p.has("who") and not p.has("what") and not p.content:
            return None  # "who is in the project?": the people, see _everyone
        project = self.kb.project
        name = project.name_no if p.language == "no" and project.name_no else project.name
        other_name = project.name if name != project.name else project.name_no
        details = [say("also_called", p.language, name=other_name)] if other_name else []
        details += [project.summary, say("project_themes", p.language)]
        details += [f"  {compose.theme_line(t, p.language)}" for t in self.kb.themes]
        people = ()
        if project.leader:
            leader = self.kb.people_by_id[project.leader]
            details.append(say("leader_line", p.language, name=leader.name))
            people = (compose.person_ref(self.kb, leader, p.language),)
        return Answer(
            p.text,
            "project",
            True,
            name,
            tuple(details),
            people=people,
            themes=tuple(compose.theme_ref(t) for t in self.kb.themes),
            confidence=0.9,
            sources=_source(project.url),
            language=p.language,
        )

    def _organisations(self, p: Parse) -> Answer | None:
        if not p.has("orgs") or p.unknown or p.how_to or not _explains_enough(p):
            return None
        orgs = [o for o in self._orgs_with_people() if all(self.index.org_kind(o) == k for k in p.org_kinds)]
        lines = []
        named: set[str] = set()
        for org in orgs:
            members = self.index.people_in_orgs([org.id])
            named |= members
            names = [x.name for x in compose.people_sorted(self.index, members)]
            lines.append(f"{org.name} ({org.city}, {org.country}): {join(names, p.language)}")
        return Answer(
            p.text,
            "organisations",
            True,
            say("orgs", p.language, count=len(orgs)),
            tuple(lines),
            people=tuple(compose.person_ref(self.kb, x, p.language) for x in compose.people_sorted(self.index, named)),
            organisations=tuple(compose.org_ref(o) for o in orgs),
            confidence=0.85,
            language=p.language,
        )

    def _everyone(self, p: Parse) -> Answer | None:
        if not p.has("who") or p.unknown or p.mentions or p.how_to or not _explains_enough(p):
            return None
        if not (p.has("project") or any(k in lexicon.EVERYONE_WORDS for k in p.keys)):
            return None  # a bare "who?", "who is it?": nothing says everybody
        selection = self._selection(p)
        return self._people_list(p, selection)

    # -- building answers ----------------------------------------------------------

    def _people_list(self, p: Parse, selection: Selection) -> Answer:
        people = compose.people_sorted(self.index, selection.people)
        where = self._describe(selection, p.language)
        if not people:
            noun = compose.role_noun(selection.roles, 1, p.language) if selection.roles else ""
            who = say("any_role" if noun else "anyone", p.language, role=noun)
            return self._not_known(
                p,
                say("nobody_matches", p.language, who=who, where=where or say("the_group", p.language)),
                (),
            )
        refs = tuple(compose.person_ref(self.kb, person, p.language) for person in people)
        if selection.is_empty:
            headline = say("everyone", p.language, count=len(refs))
        else:
            noun = compose.role_noun(selection.roles, len(refs), p.language)
            headline = say("people_found", p.language, count=len(refs), people=noun, where=where)
            headline = " ".join(headline.split()).replace(" :", ":")
        confidence = self._selection_confidence(p, selection)
        left_out = left_out_words(p)
        if left_out:  # named, never silently dropped
            confidence *= 0.8
        noted = (say("left_out", p.language, words=join([f"'{w}'" for w in left_out], p.language)),) if left_out else ()
        return Answer(
            p.text,
            "people",
            True,
            headline,
            tuple(compose.person_line(r) for r in refs) + _read_as(p, self.index) + noted,
            people=refs,
            confidence=confidence,
            suggestions=_uncertain(p, confidence),
            language=p.language,
        )

    def _theme_answer(self, p: Parse, themes: list[Theme], score: float, asks_people: bool = False) -> Answer:
        """Theme cards; asked who works on one the knowledge does not say, name the leader to ask."""
        details: list[str] = []
        people_ids: set[str] = set()
        asks_people = asks_people or p.has("who")
        unlinked = False
        for theme in themes:
            if len(themes) > 1:
                details.append(compose.theme_line(theme, p.language))
            if theme.summary:
                details.append(theme.summary)
            members = self.index.people_by_theme.get(theme.id, set())
            people_ids |= members
            if members:
                names = [x.name for x in compose.people_sorted(self.index, members)]
                details.append(say("theme_people", p.language, names=join(names, p.language)))
            elif asks_people:
                unlinked = True
        leader = self.kb.people_by_id.get(self.kb.project.leader or "")
        if unlinked:
            details.append(say("theme_no_people", p.language))
            if leader is not None:
                details.append(say("ask_leader", p.language, name=leader.name))
                people_ids.add(leader.id)
        one = len(themes) == 1
        headline = compose.theme_line(themes[0], p.language) if one else say("themes_some", p.language)
        people = compose.people_sorted(self.index, people_ids)
        return Answer(
            p.text,
            "theme",
            True,
            headline,
            tuple(details) + _read_as(p, self.index),
            people=tuple(compose.person_ref(self.kb, x, p.language) for x in people),
            themes=tuple(compose.theme_ref(t) for t in themes),
            confidence=min(1.0, score) * (0.9 if p.corrections else 1.0),
            sources=tuple(dict.fromkeys(t.source for t in themes if t.source)),
            language=p.language,
        )

    def _card_lines(self, person: Person, ref, language: str, with_name: bool) -> list[str]:
        lines = [ref.name] if with_name else []
        role = ref.role if not ref.title else f"{ref.role}; {ref.title}"
        lines.append(role[0].upper() + role[1:])
        lines.extend(ref.affiliations)
        themes = [t for t in self.kb.themes if person.id in self.index.people_by_theme.get(t.id, set())]
        lines.extend(compose.theme_line(t, language) for t in themes)
        if person.note:
            lines.append(person.note)
        if person.email:
            lines.append(person.email)
        return lines

    def _help_answer(self, p: Parse, kind: str) -> Answer:
        project = self.kb.project
        name = project.name_no if p.language == "no" and project.name_no else project.name
        help_text = say("help", p.language, name=name)
        headline = say("greeting", p.language, help=help_text) if kind == "greeting" else help_text
        return Answer(
            p.text,
            kind,
            True,
            headline,
            (say("try", p.language), *(f"  {e}" for e in self.examples(p.language))),
            confidence=1.0,
            language=p.language,
        )

    def _not_known(self, p: Parse, headline: str, suggestions: tuple[str, ...] = ()) -> Answer:
        details = []
        if suggestions:
            details.append(say("did_you_mean", p.language, options=join(list(suggestions), p.language, "or")))
        details.append(say("try", p.language))
        details.extend(f"  {e}" for e in self.examples(p.language))
        return Answer(
            p.text,
            "unknown",
            False,
            headline,
            tuple(details),
            confidence=0.0,
            suggestions=suggestions,
            language=p.language,
        )

    def _dont_know(self, p: Parse) -> Answer:
        suggestions: tuple[str, ...] = ()
        if p.unknown and len(p.tokens) <= 4:
            suggestions = self._similar_people(" ".join(t.original for t in p.unknown), p)
        return self._not_known(p, say("dont_know", p.language), suggestions)

    def examples(self, language: str = "en") -> list[str]:
        """Example questions drawn from this knowledge base, so they always work."""
        kb = self.kb
        cities = list(dict.fromkeys(o.city for o in kb.organisations if self.index.people_by_city.get(o.city)))
        abbreviated = next((o for o in kb.organisations if o.aliases and self.index.people_in_orgs([o.id])), None)
        someone = kb.people[len(kb.people) // 2] if kb.people else None
        examples = []
        if cities:
            examples.append(say("example_city", language, city=cities[min(1, len(cities) - 1)]))
        if abbreviated and language == "en":  # "Hvem er ved UiO?" is not how Norwegians ask
            examples.append(say("example_abbreviation", language, abbreviation=abbreviated.aliases[0]))
        if someone:
            examples.append(say("example_person", language, name=someone.name))
        return examples + [say(key, language) for key in ("example_leader", "example_themes", "example_project")]

    # -- helpers -------------------------------------------------------------------

    def _selection(self, p: Parse, consortium: bool = False) -> Selection:
        """The people the question's typed query selects (the consortium's, when it asks about it)."""
        query = p.query or read(p, self.index)
        if (consortium or (self._mentions_consortium(p) and p.has("who"))) and not query.filters_of(q.CONSORTIUM):
            query = query.with_(filters=(*query.filters, q.Filter(q.CONSORTIUM)))
        return Selection(executor.select(query, self.index), query)

    def _selection_confidence(self, p: Parse, selection: Selection) -> float:
        score = min((m.score for m in filter_mentions(p)), default=0.95)
        if p.unknown:
            score *= 0.8
        return score

    def _describe(self, selection: Selection, language: str) -> str:
        return describe(selection.query, self.index, language)

    def _consortium_text_positions(self, p: Parse) -> set[int]:
        """Words of the question that the consortium's own texts use ('funds' for 'funded')."""
        c = self.kb.project.consortium
        if c is None:
            return set()
        words = {stem(k) for text in (c.name, c.name_no or "", c.short or "", c.summary or "") for k in keys(text)}
        return {
            n for n, k in enumerate(p.keys) if k not in lexicon.STOPWORDS and any(stems_meet(stem(k), w) for w in words)
        }

    def _mentions_consortium(self, p: Parse) -> bool:
        if p.has("consortium"):
            return True
        # a long distinctive word of the consortium's name ("ekspertgruppen") counts twice
        hits = 0
        for k in p.keys:
            if k in lexicon.STOPWORDS:
                continue
            stemmed = stem(k)
            for word, word_stem in self._consortium_stems:
                if k == word or (len(k) >= 6 and stems_meet(stemmed, word_stem)):
                    hits += 2 if len(word) >= 10 else 1
        short = self.kb.project.consortium.short if self.kb.project.consortium else None
        return hits >= 2 or (short is not None and keys(short)[0] in p.keys)

    def _orgs_with_people(self) -> list:
        return [o for o in self.kb.organisations if not o.parent and self.index.people_in_orgs([o.id])]

    def _similar_people(self, name: str, p: Parse) -> tuple[str, ...]:
        """People who share a first name or surname with the asked name, else look alike."""
        sharing = [t.value for m in mentions_of(p, FIRST_NAME, SURNAME) for t in m.targets]
        names = [self.kb.people_by_id[i].name for i in dict.fromkeys(sharing)]
        if not names:
            choices = {x.id: x.name for x in self.kb.people}
            names = [m[0] for m in process.extract(name, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=70)]
        return tuple(_who_is(n, p.language) for n in names[:3])

    def _similar_places(self, place: str, p: Parse) -> tuple[str, ...]:
        names = {o.id: o.name for o in self.kb.organisations}
        names |= {f"city:{c}": c for c in self.index.people_by_city}
        matches = process.extract(place, names, scorer=fuzz.ratio, limit=2, score_cutoff=75)
        word = "Hvem jobber ved" if p.language == "no" else "Who works at"
        return tuple(f"{word} {m[0]}?" for m in matches)


# -- module helpers ------------------------------------------------------------------


def _people_mentioned(p: Parse, strong_only: bool) -> dict[str, float]:
    """Person ids the question names, with how sure the match is.

    A full name is sure; a surname alone nearly so; a first name alone only
    when nothing else is named.
    """
    found: dict[str, float] = {}
    for mention in p.mentions:
        if mention.kind == PERSON:
            weight = 1.0
        elif mention.kind == SURNAME:
            weight = 0.9
        elif mention.kind == FIRST_NAME and not strong_only:
            if len(mention.targets) > 1 and p.mentions and len(p.mentions) > 1:
                continue
            weight = 0.7
        else:
            continue
        for target in mention.targets:
            found[target.value] = max(found.get(target.value, 0.0), weight * mention.score)
    if not strong_only and any(m.kind in (PERSON, SURNAME) for m in p.mentions):
        strong_ids = {t.value for m in p.mentions if m.kind in (PERSON, SURNAME) for t in m.targets}
        found = {k: v for k, v in found.items() if k in strong_ids}
    return found


MIN_NOTE_WORDS = 4
"""A person's note answers a question only when it shares at least this many of its words."""
MIN_EXPLAINED = 0.5
"""An answer must explain at least this share of the question's content words (see coverage.py)."""


def _explains_enough(
    p: Parse, also_explained: set[int] | frozenset[int] = frozenset(), with_mentions: bool = True
) -> bool:
    return coverage(p, also_explained, with_mentions) >= MIN_EXPLAINED


def _consortium_words(kb: KnowledgeBase) -> frozenset[str]:
    consortium = kb.project.consortium
    if consortium is None:
        return frozenset()
    project_words = set(keys(kb.project.name))
    words = set(keys(consortium.name)) | set(keys(consortium.name_no or ""))
    generic = lexicon.STOPWORDS | lexicon.PROJECT_WORDS | lexicon.WHO_WORDS | lexicon.GENERIC_NAME_WORDS
    # long words are distinctive even where a question may use them loosely ("expertise")
    return frozenset(w for w in words - project_words if (w not in generic and len(w) > 3) or len(w) >= 8)


def _cue_content(p: Parse) -> list[str]:
    return [k for k in p.keys if k not in lexicon.STOPWORDS and k not in p.content]


def _read_as(p: Parse, index: Index) -> tuple[str, ...]:
    """'(I read 'Lodnon' as 'London'.)', in the word's own spelling from the knowledge base."""
    if not p.corrections:
        return ()
    pairs = [
        say("read_pair", p.language, original=c.original, corrected=index.spelling.get(c.corrected, c.corrected))
        for c in p.corrections
    ]
    return (say("read_as", p.language, pairs=join(pairs, p.language)),)


def _uncertain(p: Parse, confidence: float) -> tuple[str, ...]:
    """Offer the corrected question when a guess was needed to answer."""
    if confidence >= 0.8 or not p.corrections:
        return ()
    text = p.text
    for correction in p.corrections:
        text = text.replace(correction.original, correction.corrected.capitalize(), 1)
    return (text,) if text != p.text else ()


def _who_is(name: str, language: str) -> str:
    return f"Hvem er {name}?" if language == "no" else f"Who is {name}?"


def _source(url: str | None) -> tuple[str, ...]:
    return (url,) if url else ()


def _trace(p: Parse) -> list[str]:
    lines = [f"language: {p.language}", f"cues: {', '.join(sorted(p.cues)) or '-'}"]
    for c in p.corrections:
        lines.append(f"spelling: '{c.original}' read as '{c.corrected}' ({c.distance} edit(s))")
    for m in p.mentions:
        words = " ".join(t.original for t in p.tokens[m.start : m.end])
        targets = ", ".join(f"{t.kind}:{t.value}" for t in m.targets)
        lines.append(f"'{words}' -> {targets} (score {m.score:.2f})")
    if p.unknown:
        lines.append(f"not understood: {', '.join(t.original for t in p.unknown)}")
    if p.unknown_place:
        lines.append(f"unknown place: {p.unknown_place}")
    if p.unknown_name:
        lines.append(f"unknown name: {p.unknown_name}")
    if p.theme_numbers:
        lines.append(f"theme numbers: {p.theme_numbers}")
    if p.content:
        lines.append(f"content words: {', '.join(p.content)}")
    return lines


def _with_trace(answer: Answer, trace: list[str]) -> Answer:
    return replace(answer, explanation=tuple(trace))
