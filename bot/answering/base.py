"""What every kind of answer shares: the engine's state, and the helpers that build answers.

The answering mixins (`talk`, `person`, `people`, `counts`, `themes`, `statements`) each hold the
steps for one kind of answer; `bot.engine.Engine` combines them and decides which step answers.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot import lexicon
from bot.answering import executor
from bot.index import FIRST_NAME, PERSON, SURNAME, Index
from bot.model import KnowledgeBase
from bot.parser import Parse
from bot.phrases import join, say
from bot.text import keys
from bot.understanding import query as q
from bot.understanding.coverage import coverage

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


def people_mentioned(p: Parse, strong_only: bool) -> dict[str, float]:
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
    return frozenset(w for w in words - project_words if (w not in generic and len(w) > 3) or len(w) >= 8)


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
