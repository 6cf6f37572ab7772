"""Read a parsed question into its typed query.

The parser (`bot.understanding.parser`) finds the evidence: the phrases of the knowledge a
question names, its cue words, its corrections and the words it did not
understand. This module turns that evidence into a `Query`: the filters with
their polarity (`filters.py`), the people and themes referred to, the attribute
asked of a person, what a count is of, and the use of every word.
"""

from __future__ import annotations

from bot.language import concepts, lexicon
from bot.language.ordinary import is_ordinary
from bot.understanding import query as q
from bot.understanding import topics
from bot.understanding.cues import ALL_ATTRIBUTE_WORDS, ALL_CUE_WORDS, ATTRIBUTE_WORDS
from bot.understanding.filters import read_filters
from bot.understanding.index import FIRST_NAME, PERSON, SURNAME, Index
from bot.understanding.negation import NEGATIONS
from bot.understanding.parser import Mention, Parse


def read(p: Parse, index: Index, with_words: bool = True) -> q.Query:
    """The typed query of one parsed question (its `asks` is the reader's first guess).

    `with_words=False` leaves out the use of every word (only `--explain` shows it).
    """
    filters, excluded = read_filters(p, index)
    asked, context_only = person_mentions(p)
    if _asks_for_others(p):  # "I'm in <name>'s group. Who else …?": the context's people are not the answer
        named = {t.value for m in asked for t in m.targets}
        others = [t.value for m in context_only for t in m.targets if t.value not in named]
        excluded = tuple(dict.fromkeys([*excluded, *others]))
    people = _people(p, excluded)
    attribute = _attribute(p)  # also without a name: "which city is that in?" asks it of the last answer
    return q.Query(
        asks=_asks(p, filters, people, attribute),
        filters=filters,
        people=people,
        excluded=excluded,
        themes=tuple(p.theme_numbers),
        attribute=attribute,
        counted=_counted(p, index),
        words=words(p) if with_words else (),
    )


def person_mentions(p: Parse) -> tuple[list[Mention], list[Mention]]:
    """(the person mentions the question is about, those in its context only).

    In "I'm in <name>'s group. Who else from <place> is on this project?" the name is context:
    the question asks for others."""
    persons = [m for m in p.mentions if m.kind in (PERSON, SURNAME, FIRST_NAME)]
    asked = [m for m in persons if m.start in p.asking]
    if asked or len(p.sentences) < 2:
        return (asked or persons), [m for m in persons if m not in asked] if asked else []
    return ([], persons) if _asks_for_others(p) else (persons, [])


def _asks_for_others(p: Parse) -> bool:
    return any(p.keys[i] in _OTHERS for i in p.asking)


_OTHERS = concepts.words("reader.others")


def _people(p: Parse, excluded: tuple[str, ...]) -> tuple[str, ...]:
    """People the question refers to by name, strongest kind of mention first."""
    found: list[str] = []
    mentions, _ = person_mentions(p)
    strong = [m for m in mentions if m.kind in (PERSON, SURNAME)]
    for mention in strong or [m for m in mentions if m.kind == FIRST_NAME and len(m.targets) == 1]:
        found.extend(t.value for t in mention.targets if t.value not in excluded)
    return tuple(dict.fromkeys(found))


def _attribute(p: Parse) -> str | None:
    for position, key in enumerate(p.keys):
        forms = (key, *(key[: -len(e)] for e in lexicon.DEFINITE_ENDINGS if key.endswith(e) and len(key) - len(e) >= 4))
        for attribute, attribute_words in ATTRIBUTE_WORDS.items():
            if any(form in attribute_words for form in forms) and not (
                attribute == "phone" and _is_theme_number(p, position)
            ):
                return attribute
    return None


def _is_theme_number(p: Parse, position: int) -> bool:
    return position > 0 and p.keys[position - 1] in lexicon.THEME_WORDS


def _asks(p: Parse, filters: tuple[q.Filter, ...], people: tuple[str, ...], attribute: str | None) -> str:
    if p.help:
        return q.HELP
    if p.count:
        return q.COUNT
    if people and not filters:
        return q.ATTRIBUTE if attribute else q.PERSON
    if p.theme_numbers or (p.has("themes") and not filters):
        return q.THEMES
    if p.has("leader") and not filters:
        return q.LEADER
    if filters or p.has("who"):
        return q.PEOPLE
    if p.has("greeting"):
        return q.SMALLTALK
    return q.STATEMENT if p.content else q.UNKNOWN


def _counted(p: Parse, index: Index) -> str | None:
    if not p.count:
        return None
    keys = set(p.keys)
    counted = set(p.counted)
    if (p.theme_numbers and topics.links_people(index)) or (
        counted & (lexicon.WHO_WORDS | lexicon.EVERYONE_WORDS) and not counted & lexicon.THEME_WORDS
    ):
        return "people"  # "how many people work on theme 3?": the people are counted, the theme narrows them
    if keys & lexicon.THEME_WORDS:
        return "themes"
    if keys & lexicon.COUNTRY_LIST_WORDS:
        return "countries"
    if keys & lexicon.CITY_LIST_WORDS:
        return "cities"
    if keys & lexicon.ORG_LIST_WORDS:
        return "organisations"
    return "people"


def words(p: Parse) -> tuple[q.Word, ...]:
    """What became of every word: a named thing, a cue, ordinary language, or unknown."""
    meaning: dict[int, str] = {}
    for mention in p.mentions:
        for position in range(mention.start, mention.end):
            meaning[position] = f"{mention.kind}:{mention.targets[0].value}"
    unknown = {t.index for t in p.unknown}
    result = []
    for token, key in zip(p.tokens, p.keys, strict=True):
        if token.index in meaning:
            result.append(q.Word(token.original, q.UNDERSTOOD, meaning[token.index]))
        elif token.index in unknown:
            result.append(q.Word(token.original, q.UNKNOWN_WORD))
        elif key in NEGATIONS:
            result.append(q.Word(token.original, q.UNDERSTOOD, "not"))
        elif key in ALL_CUE_WORDS or key in lexicon.QUESTION_WORDS or key in ALL_ATTRIBUTE_WORDS:
            result.append(q.Word(token.original, q.UNDERSTOOD, f"cue:{key}"))
        elif key in lexicon.STOPWORDS or is_ordinary(key):
            result.append(q.Word(token.original, q.ORDINARY))
        else:  # known to the knowledge's texts (a statement's word)
            result.append(q.Word(token.original, q.UNDERSTOOD, "text"))
    return tuple(result)
