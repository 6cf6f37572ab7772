"""The question-answering engine: a question string in, an `Answer` out.

It reads the question (`parser`), weighs what it found, and picks the one
answer the evidence supports. When the evidence is thin, or the question
names something the knowledge base does not hold (a place or a person it has never
heard of), it says so instead of guessing: a confident wrong answer is worse than none.

Imports nothing from Slack and knows nothing about any one group.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from bot.answer import LINES, NOTE, Answer, Part
from bot.answering import compose, executor, leads, several
from bot.answering.aggregates import AggregateAnswers
from bot.answering.base import Selection, consortium_words
from bot.answering.counts import CountAnswers
from bot.answering.interpretations import close_second, explain_lines
from bot.answering.people import PeopleAnswers
from bot.answering.person import PersonAnswers
from bot.answering.retrieval import fact_words, faq_words, note_words, theme_words
from bot.answering.statements import StatementAnswers
from bot.answering.talk import TalkAnswers
from bot.answering.themes import ThemeAnswers
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from bot.language import concepts, lexicon
from bot.language.chat_markup import plain_text
from bot.language.phrases import join, say
from bot.language.text import keys, stem
from bot.understanding import post_topic, topics
from bot.understanding import query as q
from bot.understanding.context import known_only
from bot.understanding.followup import TOPIC_KINDS, Context, asker_places, continue_from
from bot.understanding.index import Index, build_index
from bot.understanding.only import only_here
from bot.understanding.parser import Parse, parse
from bot.understanding.reader import read

_AND = concepts.words("engine.and")
"""'..., and which work in <city>?': a later question that goes on from the first."""


class Engine(TalkAnswers, PersonAnswers, PeopleAnswers, AggregateAnswers, CountAnswers, ThemeAnswers, StatementAnswers):
    """Answers questions about one knowledge base. Safe to share between threads."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.index: Index = build_index(kb)
        self._theme_docs = [(t, theme_words(t)) for t in kb.themes]
        self._fact_docs = [(f, fact_words(f)) for f in kb.project.facts]
        self._note_docs = [(person, note_words(person.note)) for person in kb.people if person.note]
        self._faq_docs = [(e, faq_words(e)) for e in kb.faq]
        self._consortium_words = consortium_words(kb)
        self._consortium_keys: dict[str, bool] = {}
        self._consortium_stems = tuple((w, stem(w)) for w in sorted(self._consortium_words))
        self._project_name_words = frozenset(
            k for name in (kb.project.name, kb.project.name_no or "", *kb.project.short_names) for k in keys(name)
        )
        self._role_words = frozenset(w for words in self.index.role_words.values() for w in words)
        self._theme_leaders = leads.theme_leaders(kb)
        self._name_forms = leads.name_forms(kb)
        self._people_by_slack = {person.slack: person.name for person in kb.people if person.slack}
        self._leader_roles = frozenset(
            role for role, words in self.index.role_words.items() if words & lexicon.LEADER_WORDS
        )

    @classmethod
    def from_directory(cls, directory: Path | str) -> Engine:
        return cls(load_knowledge(directory))

    def leader_slack_ids(self) -> list[str]:
        """The Slack user ids of the group's leader(s), where the knowledge gives them: who gets hand-offs."""
        leaders = [self.kb.people_by_id.get(self.kb.project.leader)] if self.kb.project.leader else []
        if not any(leaders):
            leaders = [self.kb.people_by_id[i] for i in sorted(self.index.people_by_role.get("leader", set()))]
        return [person.slack for person in leaders if person is not None and person.slack]

    def people_by_slack_id(self) -> dict[str, str]:
        """Slack user id to the person's name, so a question mentioning @someone asks about that person."""
        return self._people_by_slack

    def answer(self, question: str, context: Context | None = None) -> Answer:
        """Answer one question (in the light of a conversation's context); never raises for any text."""
        return self.converse(question, context)[0]

    def converse(
        self, question: str, context: Context | None = None, explain: bool = False, about: str | None = None
    ) -> tuple[Answer, Context]:
        """Answer one turn of a conversation and return the context for the next turn.

        A message of several questions gets one answer part for each (see `several.py`). `about` is the
        post the question sits under (a Slack thread's first message): "who works on this?" with nothing
        in the conversation to point at is read as the post's themes (see `post_topic.py`).
        """
        if about and post_topic.points_at_the_post(question) and _nothing_to_point_at(context):
            reading = post_topic.read_this(question, about, self.index)
            if reading is not None:
                answer, later = self.converse(reading.question, context, explain)
                return self._said_how_this_was_read(answer, reading), later
        question = plain_text(question or "")  # Slack's markup and emoji, whichever front end it came through
        questions = several.questions_in(question)
        if len(questions) > 1:
            answers, later = [], context
            for one in questions:
                # "Who are the engineers? And who is at <place>?": a question of its own, not "which of them"
                start = context if answers and several.asks_on_its_own(one) else later
                if answers and keys(one)[:1] != ("and",) and not set(keys(one)[:1]) & _AND and start is later:
                    one = f"and {one}"  # "..., and which work in <city>?": the same asked again, a follow-up
                answer, later = self._converse_one(one, start, explain)
                answers.append(answer)
            # two answered, or one answered beside a specific "I don't know <X>" ("Who is <nobody>?"):
            # a question about another matter ("is the printer fixed?") leaves one answer, as before
            specific = [a for a in answers if a.answered or a.headline != say("dont_know", a.language)]
            if sum(a.answered for a in answers) >= 1 and len(specific) == len(answers):
                return several.combined(question, answers), later
        return self._converse_one(question, context, explain)

    def _converse_one(
        self, question: str, context: Context | None = None, explain: bool = False
    ) -> tuple[Answer, Context]:
        """Answer one question of a conversation and return the context for the next turn.

        A fragment ("and in <city>?", "which of them ...", "where does she work?")
        is read as an operation on the previous turn's query; a full question starts afresh.
        With `explain`, the trace also scores every competing reading (it costs a few ranking passes).
        """
        parsed = parse(question or "", self.index)
        parsed.query = read(parsed, self.index, with_words=explain)
        trace = _trace(parsed)
        if explain:
            uses = " ".join(f"{w.text}={w.meaning or w.use}" for w in parsed.query.words)
            trace += [f"words: {uses}", *explain_lines(self, parsed)]
        if context is not None:
            context = known_only(context, set(self.kb.orgs_by_id), set(self.kb.people_by_id))
            merged = continue_from(context, parsed, parsed.query, self.index)
            answer = self._answer_query(parsed, merged) if merged is not None else None
            if merged is not None and answer is not None:
                trace += [f"follow-up of: {context.query.describe() if context.query else '-'}"]
                trace += [f"query: {merged.describe()}", "answer: follow_up"]
                return _with_trace(answer, trace), self._next_context(merged, answer, context, parsed)
        # A question of its own: "only at <A>" is exclusive (in a follow-up, "only the ones at <A>" narrows).
        parsed.query = parsed.query.with_(filters=only_here(parsed, parsed.query.filters, self.index))
        trace.append(f"query: {parsed.query.describe()}")  # the first reading; the answer below is what won
        for step in self._steps():
            result = step(parsed)
            if result is not None:
                result = self._with_close_second(parsed, result)
                answer = _with_trace(result, [*trace, f"answer: {step.__name__.lstrip('_')}"])
                return answer, self._next_context(parsed.query, answer, context, parsed)
        answer = _with_trace(self._dont_know(parsed), [*trace, "answer: dont_know"])
        return answer, self._next_context(parsed.query, answer, context, parsed)

    def _said_how_this_was_read(self, answer: Answer, reading: post_topic.PostReading) -> Answer:
        """The answer, with a note on what 'this' was read as, so a wrong reading is visible."""
        language = answer.language
        if reading.theme_ids:
            themes = [t for t in self.kb.themes if t.id in reading.theme_ids]
            named = [f"{say('theme_word', language)} {t.number}, {_title(t, language)}" for t in themes]
            note = say("read_this", language, themes=join(named, language, "or"))
        elif answer.answered:
            note = say("this_no_theme", language)
        else:
            note = say("this_no_theme_unanswered", language)
        return replace(answer, question=answer.question, parts=(*answer.parts, Part(NOTE, (note,))), details=())

    def _with_close_second(self, p: Parse, answer: Answer) -> Answer:
        """Offer the question of a reading that explains nearly as much: 'Did you mean: What is theme 2?'."""
        if not answer.answered or answer.suggestions:
            return answer
        second = close_second(self, p, answer.kind)
        if second is None:
            return answer
        return replace(answer, suggestions=(second,))

    def _next_context(self, query: q.Query, answer: Answer, previous: Context | None, p: Parse) -> Context:
        """What the next turn may refer to: this turn's query, what its answer named, where the asker is from."""
        asker = asker_places(p) or (previous.asker if previous else ())
        if not answer.answered and not answer.people:
            return replace(previous or Context(), asker=asker)  # "I don't know" leaves the conversation where it was
        people = tuple(ref.id for ref in answer.people)
        themes = tuple(ref.number for ref in answer.themes)
        if answer.kind == "leader" and themes:
            # "who leads theme 3?" then "and theme 4?": the same asked of another theme
            query = q.Query(asks=q.THEMES, themes=themes, attribute="leader")
        elif answer.kind in ("person", "leader"):
            # "which department is she in at the hospital?" then "and at the university?": the same asked of her
            kinds = tuple(f for f in p.query.filters if _at_an_institution(f))
            asked = query.attribute if query.asks in (q.PERSON, q.ATTRIBUTE) and query.people == people else None
            if asked and kinds:
                query = q.Query(asks=q.ATTRIBUTE, people=people, attribute=asked, filters=kinds)
            else:
                query = q.Query(asks=q.PERSON, people=people)
        elif answer.kind == "theme" and people and self._theme_people_asked(p):
            # "who works on <topic>?" in knowledge that says who: a list of people on the theme, so
            # "which of them are postdocs?" and "how many is that?" narrow and count it
            ids = tuple(q.Value(q.THEME, t.id) for t in self.kb.themes if t.number in themes)
            query = q.Query(asks=q.PEOPLE, filters=(q.Filter(q.THEME, ids),))
        elif answer.kind in ("theme", "themes") or (answer.kind == "count" and themes and not people):
            query = q.Query(asks=q.THEMES, themes=themes, attribute="people" if people else None)
        elif answer.kind not in ("people", "count"):
            query = q.Query(asks=q.STATEMENT)
        kind = answer.kind
        if previous is not None and previous.kind in TOPIC_KINDS and not people and not themes:
            kind = previous.kind  # "how many groups are in it?" keeps "it" for "funded until when?"
        named = tuple(dict.fromkeys([*(previous.named if previous else ()), *people]))[-50:]
        earlier = previous.earlier if previous else None
        if query.asks in (q.PEOPLE, q.COUNT) and query.filters:
            base: q.Query | None = query
            earlier = previous.base if previous else None
        else:
            base = previous.base if previous else None
        return Context(
            query=query, people=people, themes=themes, kind=kind, named=named, base=base, asker=asker, earlier=earlier
        )

    def _their_themes(self, p: Parse, person_ids: tuple[str, ...]) -> Answer | None:
        """'what do they work on?': each of the people just named, with the themes they work on."""
        lines: list[str] = []
        named, themes = [], []
        for person in compose.people_sorted(self.index, set(person_ids)):
            own = [t for t in self.kb.themes if person.id in self.index.people_by_theme.get(t.id, set())]
            if own:
                named.append(person)
                themes += [t for t in own if t not in themes]
                lines.append(f"{person.name}: {join([compose.theme_line(t, p.language) for t in own], p.language)}")
        if not named:
            return None
        refs = tuple(compose.person_ref(self.kb, person, p.language) for person in named)
        return Answer(
            p.text,
            "themes",
            True,
            say("their_themes", p.language),
            parts=(Part(LINES, tuple(lines), people=refs, themes=tuple(compose.theme_ref(t) for t in themes)),),
            people=refs,
            themes=tuple(compose.theme_ref(t) for t in themes),
            confidence=0.9,
            language=p.language,
        )

    def _theme_people_asked(self, p: Parse) -> bool:
        """A question for the people of a theme, in knowledge that links people to themes."""
        return topics.links_people(self.index) and (p.has("who") or p.count)

    def _answer_query(self, p: Parse, query: q.Query) -> Answer | None:
        """Answer a query built from a follow-up: the executor selects, the builders say it."""
        if query.asks in (q.PERSON, q.ATTRIBUTE):  # a context may outlive a knowledge reload: known ids only
            persons = compose.people_sorted(self.index, {i for i in query.people if i in self.kb.people_by_id})
            return self._person_answer(p, persons, 0.9, query.attribute) if persons else None
        if query.asks == q.THEMES and query.attribute == "leader":
            themes = [t for t in self.kb.themes if t.number in query.themes]
            return self._theme_leader_answer(p, themes[0]) if len(themes) == 1 else None
        if query.asks == q.THEMES and query.attribute == "of_people":
            return self._their_themes(p, query.people)
        if query.asks == q.THEMES and not query.themes:
            return self._themes_or_facts(p, asks_people=query.attribute == "people", themes_only=True)
        if query.asks == q.THEMES:
            themes = [t for t in self.kb.themes if t.number in query.themes]
            return self._theme_answer(p, themes, 0.9, asks_people=query.attribute == "people") if themes else None
        if query.asks == q.STATEMENT and query.attribute == "consortium":
            return self._consortium(p, about_it=True)
        if query.asks == q.STATEMENT and query.attribute == "host":
            return self._host_answer(p) if self.kb.project.host in self.kb.orgs_by_id else None
        if query.asks == q.ORGANISATION:
            orgs = [self.kb.orgs_by_id[v.id] for f in query.filters for v in f.values if v.id in self.kb.orgs_by_id]
            return self._organisation_answer(p, orgs, 0.9) if orgs else None
        if query.asks == q.COUNT and query.counted == "themes":
            return self._theme_count(p, query.themes)
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
            self._stop,
            self._faq,
            self._help,
            self._host,
            self._unknown_person,
            self._person,
            self._aggregate,
            self._in_several,
            self._count,
            self._theme_leader,
            self._person_by_note,
            self._leader,
            self._theme_by_number,
            self._themes_asked,
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


def _title(theme, language: str) -> str:
    return theme.title_no if language == "no" and theme.title_no else theme.title


def _nothing_to_point_at(context: Context | None) -> bool:
    """A conversation with nothing in it that 'this' could mean (no earlier answer's people or themes)."""
    return context is None or (context.query is None and not context.people and not context.themes)


def _at_an_institution(f: q.Filter) -> bool:
    """'at the hospital', 'at <org>': where a person's attribute was asked (not an area)."""
    institutions = f.family == q.PLACE and all(v.kind in ("org", "org_part") for v in f.values)
    return not f.negated and (f.family == q.ORG_KIND or institutions)


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
