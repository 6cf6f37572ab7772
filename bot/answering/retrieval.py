"""Rank themes, project facts and FAQ entries by the words a question shares with them.

A score is the share of the question's content that a text explains, each
word weighted by how rare it is in the knowledge base. Words the knowledge
base has never seen weigh the most, so "what's the weather" finds no fact
just because it says "what".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bot.knowledge.model import Fact, FaqEntry, Theme
from bot.language.norwegian_english import english_forms
from bot.language.ordinary import is_very_common
from bot.language.text import keys, stem, stems_meet
from bot.understanding.index import Index

MIN_COVERAGE = 0.6
TRANSLATED = 0.9
"""A word met in its English form counts this much: the text's own word, where it has it, counts more."""
PART_MATCH = 0.6
"""A question's word that only begins with a text's word (a compound) counts this much of a whole match."""


@dataclass(frozen=True, slots=True)
class Scored:
    item: object
    score: float
    matched: tuple[str, ...]


def theme_words(theme: Theme) -> frozenset[str]:
    text = " ".join([theme.title, theme.title_no or "", *theme.keywords])
    return frozenset(stem(k) for k in keys(text))


def fact_words(fact: Fact) -> frozenset[str]:
    return frozenset(stem(k) for k in keys(fact.text + " " + " ".join(fact.keywords)))


def note_words(note: str) -> frozenset[str]:
    return frozenset(stem(k) for k in keys(note))


def faq_words(entry: FaqEntry) -> frozenset[str]:
    return frozenset(stem(k) for q in entry.questions for k in keys(q))


def rank(
    content: list[str],
    documents: list[tuple[object, frozenset[str]]],
    index: Index,
    importance: dict[str, float] | None = None,
    translate: bool = False,
) -> list[Scored]:
    """Score each document by the idf-weighted share of the question it covers.

    With `translate` (a question not in English), a word the knowledge lacks may meet a text in
    its English form (see `norwegian_english.py`); an English question's "felt" is never "field".

    `importance` scales a word's weight: ordinary words and words outside the
    sentence that asks count less than the rare words of the question itself.
    """
    stems = [stem(k) for k in content]
    if not stems:
        return []
    unseen = index.max_idf
    importance = importance or {}
    weights = [index.idf.get(s, unseen) * importance.get(k, 1.0) for s, k in zip(stems, content, strict=True)]
    total = sum(weights)
    results = []
    # a Norwegian word the knowledge does not have may meet an English text in its English form;
    # a compound's parts must all meet it
    english = [
        ()
        if key in index.vocabulary or not translate
        else tuple(tuple(stem(w) for w in form) for form in english_forms(key))
        for key in content
    ]
    for item, words in documents:
        matched = []
        covered = 0.0
        for word, forms, weight in zip(stems, english, weights, strict=True):
            share = _match(word, words)
            for form in forms if share < 1 else ():
                translated = TRANSLATED * min(_match(part, words) for part in form)  # every part, or none
                share = max(share, translated)  # `matched` keeps the question's own word
            if share:
                covered += weight * share
                matched.append(word)
        if matched:
            results.append(Scored(item, covered / total, tuple(matched)))
    results.sort(key=lambda s: -s.score)
    return results


@lru_cache(maxsize=1 << 16)  # the same words meet the same documents question after question
def _match(word: str, words: frozenset[str]) -> float:
    """1 for the text's word or another form of it ("tissue", "tissues"), PART_MATCH when the
    question's word only begins with it (a compound: "blodprove" has "blod"), else 0."""
    if word in words:
        return 1.0
    if _plural_of_a_rare_word(word, words):
        return 1.0  # a short word and its plural ('<ABC>', '<ABC>s'), too short for a stem
    share = 0.0
    for other in words:
        if stems_meet(word, other):
            if len(word) <= len(other):
                return 1.0
            share = PART_MATCH
    return share


def _plural_of_a_rare_word(word: str, words: frozenset[str]) -> bool:
    """'<ABC>' and '<ABC>s'; never an everyday word and its 's' ('new' and 'news', 'run' and 'runs')."""
    single = word[:-1] if word.endswith("s") else word
    if len(single) < 3 or is_very_common(single):
        return False
    return word + "s" in words or (word.endswith("s") and single in words)


def best(scored: list[Scored], minimum: float = MIN_COVERAGE, within: float = 0.85) -> list[Scored]:
    """The top results, when the best clears the bar; near-ties are kept together."""
    if not scored or scored[0].score < minimum:
        return []
    top = scored[0].score
    return [s for s in scored if s.score >= top * within]
