"""What every kind of answer shares: the engine's state, and the helpers that build answers.

The answering mixins (`talk`, `person`, `people`, `counts`, `themes`, `statements`) each hold the
steps for one kind of answer; `bot.engine.Engine` combines them and decides which step answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.answer import CARD, EXAMPLES, NOTE, SUGGESTIONS, Answer, Part, PersonRef
from bot.answering import compose, executor
from bot.answering.describe import describe
from bot.knowledge.model import KnowledgeBase, Person
from bot.language import concepts, lexicon
from bot.language.phrases import join, say
from bot.language.text import keys, stem, stems_meet
from bot.understanding import query as q
from bot.understanding.coverage import coverage
from bot.understanding.filters import filter_mentions
from bot.understanding.index import FIRST_NAME, PERSON, SURNAME, Index
from bot.understanding.parser import Parse, mentions_of
from bot.understanding.reader import person_mentions, read

MIN_NOTE_WORDS = 4
"""A person's note answers a question only when it shares at least this many of its words."""
MIN_EXPLAINED = 0.5
"""An answer must explain at least this share of the question's content words (see coverage.py)."""


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
        """True when no condition narrows it: the query selects everyone."""
        return executor.is_everyone(self.query)


class AnswerBase:
    """The state the answer builders read: the knowledge, its index and the ranked texts."""

    kb: KnowledgeBase
    index: Index
    _theme_docs: list
    _fact_docs: list
    _faq_docs: list
    _note_docs: list
    _consortium_words: frozenset[str]
    _consortium_stems: tuple[tuple[str, str], ...]
    _project_name_words: frozenset[str]
    _role_words: frozenset[str]
    _leader_roles: frozenset[str]
    _theme_leaders: dict[str, tuple[str, ...]]
    _consortium_keys: dict[str, bool]
    _name_forms: tuple

    def _not_known(self, p: Parse, headline: str, suggestions: tuple[str, ...] = ()) -> Answer:
        parts = []
        if suggestions:  # a front end may offer them as buttons instead: the Part says what they are
            options = join(list(suggestions), p.language, "or")
            parts.append(Part(SUGGESTIONS, (say("did_you_mean", p.language, options=options),)))
        parts.append(Part(NOTE, (say("try", p.language),)))
        parts.append(Part(EXAMPLES, tuple(self.examples(p.language))))
        return Answer(
            p.text,
            "unknown",
            False,
            headline,
            parts=tuple(parts),
            confidence=0.0,
            suggestions=suggestions,
            language=p.language,
        )

    def examples(self, language: str = "en") -> list[str]:
        """Example questions drawn from this knowledge base, so they always work."""
        kb = self.kb
        cities = list(dict.fromkeys(o.city for o in kb.organisations if self.index.people_by_city.get(o.city)))
        abbreviated = next((o for o in kb.organisations if o.aliases and self.index.people_in_orgs([o.id])), None)
        someone = kb.people[len(kb.people) // 2] if kb.people else None
        examples = []
        if cities:
            examples.append(say("example_city", language, city=cities[min(1, len(cities) - 1)]))
        if abbreviated and language == "en":  # "Hvem er ved <abbreviation>?" is not how Norwegians ask
            examples.append(say("example_abbreviation", language, abbreviation=abbreviated.aliases[0]))
        if someone:
            examples.append(say("example_person", language, name=someone.name))
        return examples + [say(key, language) for key in ("example_leader", "example_themes", "example_project")]

    def _card(self, person: Person, ref: PersonRef, language: str, with_name: bool) -> Part:
        """A person's card: role and title, affiliations, themes, note, e-mail; titled with the name
        when the answer holds more than one card (or the headline does not name them)."""
        role = ref.role if not ref.title else f"{ref.role}; {ref.title}"
        lines = [role[0].upper() + role[1:], *ref.affiliations]
        themes = [t for t in self.kb.themes if person.id in self.index.people_by_theme.get(t.id, set())]
        lines.extend(compose.theme_line(t, language) for t in themes)
        if person.note:
            lines.append(person.note)
        if person.email:
            lines.append(person.email)
        refs = tuple(compose.theme_ref(t) for t in themes)
        return Part(CARD, tuple(lines), people=(ref,), themes=refs, title=ref.name if with_name else None)

    def _similar_people(self, name: str, p: Parse) -> tuple[str, ...]:
        """People who share a first name or surname with the asked name, else look alike."""
        sharing = [t.value for m in mentions_of(p, FIRST_NAME, SURNAME) for t in m.targets]
        names = [self.kb.people_by_id[i].name for i in dict.fromkeys(sharing)]
        if not names:
            choices = {x.id: x.name for x in self.kb.people}
            names = [m[0] for m in process.extract(name, choices, scorer=fuzz.WRatio, limit=3, score_cutoff=70)]
        return tuple(who_is(n, p.language) for n in names[:3])

    def _unknown_place(self, p: Parse) -> Answer | None:
        if not p.unknown_place:
            return None
        suggestions = self._similar_places(p.unknown_place, p)
        return self._not_known(p, say("dont_know_place", p.language, place=p.unknown_place), suggestions)

    def _similar_places(self, place: str, p: Parse) -> tuple[str, ...]:
        names = {o.id: o.name for o in self.kb.organisations}
        names |= {f"city:{c}": c for c in self.index.people_by_city}
        matches = process.extract(place, names, scorer=fuzz.ratio, limit=2, score_cutoff=75)
        return tuple(say("who_works_at", p.language, place=m[0]) for m in matches)

    def _theme_is_a_condition(self, p: Parse) -> bool:
        """A theme read as a condition among others ('who in <city> works on <topic>', 'postdocs not on
        theme 2', 'both theme 1 and 3'): people are asked, not the theme's card."""
        query = p.query
        themes = query.filters_of(q.THEME) if query is not None else []
        if not themes:
            return False
        others = len(query.filters) > len(themes) or bool(query.excluded)
        return others or len(themes) > 1 or any(f.negated or f.all_of or len(f.values) > 1 for f in themes)

    def _leader_word_in_a_theme(self, p: Parse) -> bool:
        """'who works on evaluation, bias and responsible language technology?': the leader word is the
        theme's ('responsible'), not a question for the leader."""
        theme_words = p.memo.get("theme_positions", frozenset())
        leading = [i for i, k in enumerate(p.keys) if k in lexicon.LEADER_WORDS]
        return bool(leading) and all(i in theme_words for i in leading)

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

    def _orgs_with_people(self) -> list:
        return [o for o in self.kb.organisations if not o.parent and self.index.people_in_orgs([o.id])]

    def _consortium_name_positions(self, p: Parse) -> set[int]:
        """Words of the question that name the consortium: its short name or words of its name."""
        if "consortium_positions" not in p.memo:  # asked by several kinds of answer: worked out once
            p.memo["consortium_positions"] = frozenset(n for n, k in enumerate(p.keys) if self._consortium_word(k))
        return set(p.memo["consortium_positions"])

    def _consortium_word(self, key: str) -> bool:
        """A word of the consortium's name or its short name (kept per word: questions repeat words)."""
        known = self._consortium_keys.get(key)
        if known is None:
            c = self.kb.project.consortium
            short = keys(c.short)[0] if c is not None and c.short else None
            known = key == short or any(key == w or stems_meet(stem(key), ws) for w, ws in self._consortium_stems)
            if len(self._consortium_keys) < 100_000:  # bounded: any text may be asked
                self._consortium_keys[key] = known
        return known

    def _mentions_consortium(self, p: Parse) -> bool:
        """Whether the question names the consortium (worked out once per question). Words a theme
        condition reads (a consortium named for the research one theme is about) are the theme's."""
        if "consortium" not in p.memo:
            theme_words = p.memo.get("theme_positions", frozenset())
            named = self._consortium_name_positions(p)
            taken_by_theme = bool(named & theme_words) and len(named - theme_words) <= 1
            p.memo["consortium"] = self._names_the_consortium(p) and not taken_by_theme
        return p.memo["consortium"]

    def _names_the_consortium(self, p: Parse) -> bool:
        if p.has("consortium"):
            return True
        if self.kb.project.consortium is not None and p.has("project") and _larger_whole(p):
            return True  # "is the project part of a larger national effort?": what it is part of
        # a long distinctive word of the consortium's name ("ekspertgruppen") counts twice
        hits = 0
        typed = [t.key for t in p.tokens]  # as typed too: "ekspertgruppen" is read as its head "gruppen"
        for n, read_as in enumerate(p.keys):
            if read_as in lexicon.STOPWORDS:
                continue
            for word, word_stem in self._consortium_stems:
                if any(k == word or (len(k) >= 6 and stems_meet(stem(k), word_stem)) for k in {read_as, typed[n]}):
                    hits += 2 if len(word) >= 10 or word in lexicon.NETWORK_WORDS else 1
        short = self.kb.project.consortium.short if self.kb.project.consortium else None
        return hits >= 2 or (short is not None and keys(short)[0] in p.keys)

    def _consortium_text_positions(self, p: Parse) -> set[int]:
        """Words of the question that the consortium's own texts use ('funds' for 'funded')."""
        c = self.kb.project.consortium
        if c is None:
            return set()
        words = {stem(k) for text in (c.name, c.name_no or "", c.short or "", c.summary or "") for k in keys(text)}
        typed = [t.key for t in p.tokens]  # "ekspertgruppen" as typed, not only as its head "gruppen"
        return {
            n
            for n, k in enumerate(p.keys)
            if k not in lexicon.STOPWORDS and any(stems_meet(stem(x), w) for x in (k, typed[n]) for w in words)
        } | _larger_whole(p)


def themes_of(parts: tuple[Part, ...] | list[Part]) -> tuple:
    """The themes an answer's parts name, in order, once: the answer's `themes` list says what its parts show."""
    return tuple(dict.fromkeys(t for part in parts for t in part.themes))


def notes(*lines: str) -> tuple[Part, ...]:
    """A note part of the non-empty lines, or nothing."""
    kept = tuple(line for line in lines if line)
    return (Part(NOTE, kept),) if kept else ()


def people_mentioned(p: Parse, strong_only: bool) -> dict[str, float]:
    """Person ids the question names, with how sure the match is.

    A full name is sure; a surname alone nearly so; a first name alone only
    when nothing else is named.
    """
    found: dict[str, float] = {}
    mentions, _ = person_mentions(p)
    for mention in mentions:
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
    if not strong_only and any(m.kind in (PERSON, SURNAME) for m in mentions):
        strong_ids = {t.value for m in mentions if m.kind in (PERSON, SURNAME) for t in m.targets}
        found = {k: v for k, v in found.items() if k in strong_ids}
    return found


def explains_enough(
    p: Parse, also_explained: set[int] | frozenset[int] = frozenset(), with_mentions: bool = True
) -> bool:
    """Whether a reading explains enough of the question to answer it (see `coverage`)."""
    return coverage(p, also_explained, with_mentions) >= MIN_EXPLAINED


def consortium_words(kb: KnowledgeBase) -> frozenset[str]:
    consortium = kb.project.consortium
    if consortium is None:
        return frozenset()
    project_words = set(keys(kb.project.name))
    words = set(keys(consortium.name)) | set(keys(consortium.name_no or ""))
    generic = lexicon.STOPWORDS | lexicon.PROJECT_WORDS | lexicon.WHO_WORDS | lexicon.GENERIC_NAME_WORDS
    # long words are distinctive even where a question may use them loosely ("expertise")
    long = {w for w in words if len(w) >= 8 and w not in lexicon.PROJECT_WORDS}  # "research" is every group's word
    distinct = {w for w in words - project_words if (w not in generic and len(w) > 3) or w in long}
    return frozenset(distinct | (words & lexicon.NETWORK_WORDS))


def cue_content(p: Parse) -> list[str]:
    return [k for k in p.keys if k not in lexicon.STOPWORDS and k not in p.content]


def read_as(p: Parse, index: Index) -> tuple[str, ...]:
    """'(I read 'Lodnon' as 'London'.)', in the word's own spelling from the knowledge base."""
    if not p.corrections:
        return ()
    pairs = [
        say("read_pair", p.language, original=c.original, corrected=index.spelling.get(c.corrected, c.corrected))
        for c in p.corrections
    ]
    return (say("read_as", p.language, pairs=join(pairs, p.language)),)


def uncertain(p: Parse, confidence: float) -> tuple[str, ...]:
    """Offer the corrected question when a guess was needed to answer."""
    if confidence >= 0.8 or not p.corrections:
        return ()
    text = p.text
    for correction in p.corrections:
        text = text.replace(correction.original, correction.corrected.capitalize(), 1)
    return (text,) if text != p.text else ()


def who_is(name: str, language: str) -> str:
    return f"Hvem er {name}?" if language == "no" else f"Who is {name}?"


def source(url: str | None) -> tuple[str, ...]:
    return (url,) if url else ()


_LARGER = concepts.words("base.larger")


def _larger_whole(p: Parse) -> set[int]:
    """'a larger national effort', 'en større satsing': the whole a project is part of (its consortium),
    the comparative and the noun it goes with."""
    found: set[int] = set()
    for n, key in enumerate(p.keys):
        if key in _LARGER and n in p.asking:
            found.add(n)
            following = next(
                (i for i in range(n + 1, min(n + 4, len(p.keys))) if p.keys[i] not in lexicon.STOPWORDS), None
            )
            if following is not None:
                found.update(range(n + 1, following + 1))
    return found
