"""Themes read as conditions among a question's filters, and which reading a word shared by a theme
and a place, a unit, a title or a role gets (see `topics.py` for finding the themes)."""

from __future__ import annotations

from bot.language import concepts, lexicon
from bot.language.ordinary import is_ordinary
from bot.understanding import query as q
from bot.understanding import topics
from bot.understanding.index import (
    COUNTRY,
    ORG_PART,
    REGION,
    ROLE,
    TITLE,
    UNIT,
    Index,
)
from bot.understanding.items import Item as _Item
from bot.understanding.negation import NEGATIONS
from bot.understanding.parser import Parse

# A part of an organisation's name, a unit or a title may also be a theme's word (a word in a
# division's name and in a theme's title): unless it stands after a place word ("at", "ved"), it
# is the topic. A country or region word gives way only inside a longer theme phrase ("Nordic languages").
_SOFT_KINDS = frozenset({ORG_PART, UNIT, TITLE})
_PLACE_KINDS_IN_TOPICS = frozenset({COUNTRY, REGION})


def theme_items(p: Parse, index: Index) -> list[_Item]:
    """Themes named in a question that asks for people, as conditions (see `topics.py`)."""
    if not topics.links_people(index):
        return []
    if not topics.asks_for_people(p, {m.kind for m in p.mentions}):
        return []
    soft = _SOFT_KINDS | _PLACE_KINDS_IN_TOPICS
    taken = {i for m in p.mentions if m.kind not in soft for i in range(m.start, m.end)}
    # a country ('Norwegian'), or a name after a place word ('in Greenland'), is a place: a theme may
    # take its words only in a longer phrase of its own ('Norwegian dialects')
    places = {
        i
        for m in p.mentions
        if m.kind in _PLACE_KINDS_IN_TOPICS or (m.start > 0 and p.keys[m.start - 1] in lexicon.PLACE_PREPOSITIONS)
        for i in range(m.start, m.end)
    }
    spans = topics.theme_spans(p, index, taken, places)
    p.memo["theme_positions"] = frozenset(i for s in spans for i in range(s.start, s.end))
    return [_Item(q.THEME, tuple(q.Value(q.THEME, t) for t in s.theme_ids), s.start, s.end) for s in spans]


_WHO = concepts.words("theme_items.who")
_PLACE_WORDS = lexicon.PLACE_PREPOSITIONS
_ON_A_TOPIC = concepts.words("theme_items.on_a_topic")


_VERB_LIKE = concepts.words("theme_items.verb_like")


def a_verb_here(item: _Item, keys: list[str]) -> bool:
    """'Hvem (i gruppen) forsker på <topic>?': a role's or title's word right after "who" or before "on"
    is the verb ("researches on"), not the role."""
    if item.family not in (ROLE, TITLE) or item.end - item.start != 1:
        return False
    on_a_topic = item.end < len(keys) and keys[item.end] in _ON_A_TOPIC
    before_who = item.start > 0 and keys[item.start - 1] in _WHO
    return on_a_topic and (before_who or keys[item.start] in _VERB_LIKE)


_NOT_A_NOUN = NEGATIONS | concepts.words("theme_items.not_a_noun")
_ROLE_NOUNS = frozenset(w for phrases in lexicon.ROLE_PHRASES.values() for p in phrases for w in p.split())


def a_modifier(item: _Item, p: Parse) -> bool:
    """'the partner visit', 'a safety course', 'postdoc positions': a role's or title's word right before
    a noun describes that noun; it asks for nobody."""
    keys = p.keys
    if item.family not in (ROLE, TITLE) or item.end - item.start != 1 or item.end >= len(keys):
        return False
    word, following = keys[item.start], keys[item.end]
    if word.endswith("s") or following in lexicon.STOPWORDS or following in lexicon.WORK_WORDS:
        return False
    if following in _ROLE_NOUNS or following.startswith("student"):  # "PhD-studentene": one role
        return False
    if following in lexicon.WHO_WORDS | lexicon.EVERYONE_WORDS:  # "phd ppl", "postdoc folks": people of the role
        return False
    if following in _NOT_A_NOUN or following.endswith("ed"):  # "the leader excluded", "lederen inkludert"
        return False
    named_next = any(m.start == item.end for m in p.mentions)
    return not named_next and following.isalpha() and following not in lexicon.QUESTION_WORDS and is_ordinary(following)


def topic_rather_than_place(item: _Item, themes: list[_Item], keys: list[str]) -> bool:
    """Whether a theme span overlapping this item reads the item's words as the theme's instead."""
    kinds = {v.kind for v in item.values}
    if kinds == {TITLE} and _in_a_topic_after_works_on(item, themes, keys):
        return True  # "hvem jobber med <ord> og <ord>": one topic, though a title has the word too
    overlapping = [t for t in themes if t.start < item.end and item.start < t.end]
    if not overlapping or not kinds:
        return False
    after_place_word = item.start > 0 and keys[item.start - 1] in lexicon.PLACE_PREPOSITIONS
    inside_a_name = item.end - item.start >= 2 and all(item.start <= t.start and t.end <= item.end for t in overlapping)
    if kinds == {TITLE}:  # "who is the <title>?": the title, unless a theme's phrase says more
        longer = any(t.end - t.start > item.end - item.start for t in overlapping)
        return longer or (item.start > 0 and keys[item.start - 1] in _ON_A_TOPIC - _PLACE_WORDS)
    if kinds <= _SOFT_KINDS:
        return not after_place_word and not inside_a_name  # "the Department of <field> and <field>"
    if kinds <= _PLACE_KINDS_IN_TOPICS:
        return any(t.end - t.start > item.end - item.start for t in overlapping)
    return False


def _in_a_topic_after_works_on(item: _Item, themes: list[_Item], keys: list[str]) -> bool:
    """A word in the list of topics after "works on" ("med <ord> og <ord>"), where a theme is named too."""

    def topic_word(i: int) -> bool:  # "med", "with"; "på" only after a research verb ("forsker på")
        if keys[i] in _ON_A_TOPIC - _PLACE_WORDS:
            return True
        return keys[i] in _ON_A_TOPIC and i > 0 and keys[i - 1] in _VERB_LIKE

    def in_the_list(i: int) -> bool:
        return keys[i] in lexicon.CONJUNCTIONS or keys[i] not in lexicon.STOPWORDS

    start = item.start
    while start > 0 and item.start - start < 4 and not topic_word(start - 1) and in_the_list(start - 1):
        start -= 1
    if start == 0 or not topic_word(start - 1):
        return False
    end = item.end
    while end < len(keys) and end - item.end < 4 and in_the_list(end):
        end += 1
    return any(start <= t.start and t.end <= end for t in themes)


_BOTH_AFTER = concepts.words("theme_items.both_after")


_BOTH_AFTER_PHRASES = concepts.phrases("theme_items.both_after_phrases")


def says_both_after(end: int, keys: list[str]) -> bool:
    """'theme 1 and 4 both?', 'in theme 2 and theme 6 together', '... at the same time?': "both" said
    after the list."""
    if any(k in _BOTH_AFTER for k in keys[end : end + 2]):
        return True
    after = tuple(keys[end : end + 5])
    return any(after[i : i + len(ph)] == ph for ph in _BOTH_AFTER_PHRASES for i in range(len(after)))
