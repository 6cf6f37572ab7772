"""The words and small helpers that reading a follow-up shares (`followup.py`, `followup_steps.py`)."""

from __future__ import annotations

from itertools import pairwise

from bot.language import concepts, lexicon
from bot.language.text import keys
from bot.understanding import query as q
from bot.understanding.coverage import left_over
from bot.understanding.index import CITY, COUNTRY, ORG
from bot.understanding.only import ONLY_WORDS
from bot.understanding.parser import Parse

SINGULAR_PRONOUNS = concepts.words("followup_words.singular_pronouns")
PLURAL_PRONOUNS = concepts.words("followup_words.plural_pronouns")
_NARROWING = concepts.words("followup_words.narrowing")
_NARROWING_STARTS = ONLY_WORDS
_FRAGMENT_STARTS = concepts.words("followup_words.fragment_starts")
_ABOUT_STARTS = tuple(
    keys(pair)
    for pair in (
        "what about",
        "how about",
        "hva med",
        "kva med",
        "ka med",
        "and what",
        "same question",
        "same for",
        "samme for",
        "samme spørsmål",
    )
)
_CORRECTIONS = (("i", "meant"), ("i", "mean"), ("jeg", "mente"), ("eg", "meinte"), ("eg", "mente"), ("mente", "jeg"))
_NEXT = concepts.words("followup_words.next")
_PREVIOUS = concepts.words("followup_words.previous")
_BEFORE_TYPED = frozenset({"før", "foer"})  # "før" folds to "for", which is English for something else
_ELSE = concepts.words("followup_words.else")
_THAT_PLACE = concepts.words("followup_words.that_place")
_THEIR = concepts.words("followup_words.their")
"""'who else works at her hospital?': the institution of the person just named."""
_COUNTRY_WORDS = lexicon.COUNTRY_LIST_WORDS
_INVERT = concepts.words("followup_words.invert")
_DOES = concepts.words("followup_words.does")
_FILLER_CONTENT = concepts.words("followup_words.filler_content")
_REQUESTS = concepts.words("followup_words.requests")
_EXCLUDING = concepts.words("followup_words.excluding")
_IN_ALL = concepts.words("followup_words.in_all")
_WHERE = frozenset({q.PLACE, q.ORG_KIND})
_WHICH = concepts.words("followup_words.which")
_TO_BE = concepts.words("followup_words.to_be")
_YES_NO = concepts.words("followup_words.yes_no")
_IT = concepts.words("followup_words.it")
TOPIC_KINDS = frozenset({"consortium"})
"""Answers whose subject a later 'it' refers to."""
_WHICH_ONE = (("which", "one"), ("which", "ones"), ("hvilken", "av"), ("hvilke", "av"), ("kven", "av"), ("kva", "for"))
_ONE = concepts.words("followup_words.one")


_BACK_REFERENCES = SINGULAR_PRONOUNS | PLURAL_PRONOUNS | _IT | _THAT_PLACE


_AMONG = concepts.words("followup_words.among")


def _has_pair(keys: list[str], pairs: tuple[tuple[str, str], ...]) -> bool:
    return any(pair in pairs for pair in pairwise(keys))


def _starts(keys: list[str], words: frozenset[str]) -> bool:
    return bool(keys) and keys[0] in words


_MY = concepts.words("followup_words.my")
_SELF = concepts.words("followup_words.self")
_FROM = concepts.words("followup_words.from")
_SELF_VERBS = concepts.words("followup_words.self_verbs")
_PLACE_OF_ASKER = frozenset({CITY, ORG, "org_part", COUNTRY})


_CONVERSATIONAL = concepts.words("followup_words.conversational")


def _left_over(p: Parse) -> list[int]:
    """Content words a follow-up leaves unexplained, the words of talk ('I meant', 'sorry') aside."""
    return [i for i in left_over(p) if p.keys[i] not in _CONVERSATIONAL]


def _narrows(p: Parse) -> bool:
    keys = p.keys
    return any(k in _AMONG for k in keys)


_WORKS_ON = lexicon.WORK_WORDS | lexicon.THEME_WORDS | concepts.words("followup_words.works_on")


_DEFINITE_ARTICLES = concepts.words("followup_words.definite_articles")


def _level(f: q.Filter) -> str:
    """What a condition is about: an institution (or a kind of one), an area, or its own family."""
    if f.family == q.ORG_KIND:
        return "kind"
    if f.family == q.PLACE and all(v.kind in (ORG, "org_part") for v in f.values):
        return "institution"
    if f.family in (q.PLACE, q.ABROAD, q.HOME):
        return "area"
    return f.family


_THE_ONE = (("the", "one"), ("that", "one"), ("the", "person"), ("den", "ene"), ("han", "ene"), ("hun", "ene"))
_THAT_ONE = concepts.words("followup_words.that_one")
