"""Which of a message's named things filter the people asked for: those of the sentence that asks,
not of a question it embeds ("I don't know who is at <org>") or of the context around it."""

from __future__ import annotations

from bot.language import concepts, lexicon
from bot.language.ordinary import is_ordinary
from bot.understanding import query as q
from bot.understanding.items import Item as _Item
from bot.understanding.parser import Parse
from bot.understanding.sentences import refers_back


def where_the_filters_are(p: Parse, items: list[_Item]) -> frozenset[int]:
    """The positions whose filters count: the asking sentences', else the nearest sentence before
    them that names any ("We have Nordic speakers. We'd like people from outside the Nordic
    countries. Who could come?" asks for the second sentence's people)."""
    asked = _embedded_question(p, items)
    if asked:  # "As a professor in <city>, I'd be grateful if you told me which collaborators are at <org>"
        return asked
    there = _there_place(p, items)
    if there:  # "I worked with colleagues at <org>. Which collaborators are there?"
        return p.asking | there
    if any(item.start in p.asking for item in items):
        return p.asking | _theme_fragment_before(p, items)
    if len(p.sentences) < 2:
        return frozenset(range(len(p.tokens)))
    last_asking = max(p.asking, default=len(p.tokens))
    # a title's word in a sentence before the question is most often an everyday one ("I'd like to give a sense
    # of scale."): no condition; a short fragment of title words is one ("harmonic stability - who?")
    short = {i for sentence in p.sentences if len([j for j in sentence if j >= 0]) <= 4 for i in sentence}
    titles = [i for i in items if i.family == q.TITLE]
    beside = {i.start for i in titles for j in titles if j is not i and (j.end == i.start or i.end == j.start)}
    everyday = {  # "a sense of scale"; not "a scientific programmer", two words of one title
        i.start for i in titles if i.end - i.start == 1 and is_ordinary(p.keys[i.start]) and i.start not in beside
    }
    starts = {item.start for item in items if item.start not in everyday or item.start in short}
    for sentence in reversed(p.sentences):
        positions = [i for i in sentence if i >= 0]
        if positions and positions[0] <= last_asking and starts & set(positions):
            return frozenset(positions) | p.asking
    return frozenset(range(len(p.tokens))) if starts else p.asking


_ASKERS = concepts.words("filter_scope.askers")
_INSTITUTION_WORDS = lexicon.GENERIC_NAME_WORDS | lexicon.ANY_ORG_KIND_WORDS


def the_askers_own(p: Parse, items: list[_Item]) -> list[_Item]:
    """'Our faculty of medicine is interested in <topic>. Who works on that?': a place the asker calls
    their own, in a sentence around the question, is where they are, not a condition on the answer."""
    if _there_place(p, items):
        return []  # "I did my postdoc in <city>. Which collaborators work there?": 'there' is that place
    return [item for item in items if item.family in (q.PLACE, q.UNIT) and _an_askers_institution(p, item)]


def _an_askers_institution(p: Parse, item: _Item) -> bool:
    """'our faculty of <X>', 'my department in <city>': the asker's word right before an institution's
    word; 'our people in <city>' and 'our partners in <country>' are the group's, a condition."""
    if item.start in p.asking:
        return False
    for i in range(max(0, item.start - 3), item.start):
        if p.keys[i] in _ASKERS and i + 1 < len(p.keys) and p.keys[i + 1] in _INSTITUTION_WORDS:
            return True
    return False


_FRAGMENT = 3
"""A sentence of this many words or fewer is a fragment ('tema 3 – hvem …?'), no sentence of its own."""


def _theme_fragment_before(p: Parse, items: list[_Item]) -> frozenset[int]:
    """'tema 3 – hvem er ikke på <org>?': a theme named in a fragment just before the question is
    what the question asks within."""
    first = min(p.asking, default=0)
    for sentence in p.sentences:
        positions = [i for i in sentence if i >= 0]
        if not positions or positions[-1] >= first or len(positions) > _FRAGMENT:
            continue
        if positions[-1] + 1 == first and any(i.family == q.THEME and i.start in positions for i in items):
            return frozenset(positions)
    return frozenset()


_TOLD = concepts.words("filter_scope.told")
_EMBEDDED_ASKING = concepts.words("filter_scope.embedded_asking")
_SELF = concepts.words("filter_scope.self")
_ABOUT_IT = concepts.words("filter_scope.about_it")


def _embedded_question(p: Parse, items: list[_Item]) -> frozenset[int]:
    """The positions whose filters count when a sentence about the asker ends in the question it
    asks ('..., I should be grateful if you would inform me which collaborators are at <org>'):
    from that question on. What the asker says of themselves before it is context."""
    keys = p.keys
    for w in range(1, len(keys)):
        told = keys[w - 1] in _TOLD or (w > 1 and keys[w - 1] in _ABOUT_IT and keys[w - 2] in _TOLD)
        if keys[w] not in _EMBEDDED_ASKING or not told or w not in p.asking:
            continue
        sentence = next((s for s in p.sentences if w in s), [])
        before = [i for i in sentence if 0 <= i < w]
        selves = [i for i in before if keys[i] in _SELF - {"i"} or p.tokens[i].original == "I"]
        if not selves or not any(item.start > w for item in items):
            return frozenset()
        return frozenset(i for i in p.asking if i >= w or i not in sentence)
    return frozenset()


def _there_place(p: Parse, items: list[_Item]) -> frozenset[int]:
    """The sentence before the asking one that names the place its 'there' / 'der' refers to."""
    there = [i for i in p.asking if p.keys[i] in lexicon.THERE_WORDS]
    if len(p.sentences) < 2 or not any(refers_back(p.keys, i, p.sentence_starts) for i in there):
        return frozenset()
    if any(item.start in p.asking and item.family == q.PLACE for item in items):
        return frozenset()
    first_asking = min(p.asking, default=0)
    places = {item.start for item in items if item.family == q.PLACE and item.start < first_asking}
    for sentence in reversed(p.sentences):
        positions = [i for i in sentence if i >= 0]
        if positions and places & set(positions):
            return frozenset(positions)
    return frozenset()
