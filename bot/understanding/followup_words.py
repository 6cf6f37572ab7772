"""The words and small helpers that reading a follow-up shares (`followup.py`, `followup_steps.py`)."""

from __future__ import annotations

from itertools import pairwise

from bot.language import lexicon
from bot.language.text import keys
from bot.understanding import query as q
from bot.understanding.coverage import left_over
from bot.understanding.index import CITY, COUNTRY, ORG
from bot.understanding.only import ONLY_WORDS
from bot.understanding.parser import Parse

_w = lexicon.words

SINGULAR_PRONOUNS = _w("he she him her his hers han hun ho henne hennar hennes hans vedkommende")
PLURAL_PRONOUNS = _w("they them their those these dem dei de deira deres disse")
_NARROWING = _w("them those these dem dei disse desse")
_NARROWING_STARTS = ONLY_WORDS
_FRAGMENT_STARTS = _w("and og also ogsaa ogso plus")
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
_NEXT = _w("next after following neste etter paafolgende")
_PREVIOUS = _w("previous before preceding forrige foregaaende")
_BEFORE_TYPED = frozenset({"før", "foer"})  # "før" folds to "for", which is English for something else
_ELSE = _w("else other others another andre annen anna ellers flere fleire")
_THAT_PLACE = _w("there that same der dit samme det den dette denne")
_THEIR = _w("her his their hennes hans deres hennar deira")
"""'who else works at her hospital?': the institution of the person just named."""
_COUNTRY_WORDS = lexicon.COUNTRY_LIST_WORDS
_INVERT = _w("not ikke ikkje rest remaining resten others andre")
_DOES = _w("does do gjor gjoer gjer er is are")
_FILLER_CONTENT = _w("rest remaining resten others andre")
_REQUESTS = _w("name list show give tell nevn vis gi list")
_EXCLUDING = _w("not except excluding minus unntatt utenom bortsett utanom drop remove fjern dropp")
_IN_ALL = _w("total totalt altogether alt all alle overall")
_WHERE = frozenset({q.PLACE, q.ORG_KIND})
_WHICH = _w("which hvilke hvilken")
_TO_BE = _w("are is er e")
_YES_NO = _w("is does did has er har var is isn does")
_IT = _w("it its this that den det dette dens")
TOPIC_KINDS = frozenset({"consortium"})
"""Answers whose subject a later 'it' refers to."""
_WHICH_ONE = (("which", "one"), ("which", "ones"), ("hvilken", "av"), ("hvilke", "av"), ("kven", "av"), ("kva", "for"))
_ONE = _w("one it that den det that one ones dei")


_BACK_REFERENCES = SINGULAR_PRONOUNS | PLURAL_PRONOUNS | _IT | _THAT_PLACE


def _has_pair(keys: list[str], pairs: tuple[tuple[str, str], ...]) -> bool:
    return any(pair in pairs for pair in pairwise(keys))


def _starts(keys: list[str], words: frozenset[str]) -> bool:
    return bool(keys) and keys[0] in words


_MY = _w("my min mi mitt")
_SELF = _w("jeg eg")
_FROM = _w("from fra")
_SELF_VERBS = _w("work works jobber jobbar arbeider arbeidar study studerer")
_PLACE_OF_ASKER = frozenset({CITY, ORG, "org_part", COUNTRY})


_CONVERSATIONAL = _w(
    """
    meant mean mente meinte sorry actually instead then ok okay exactly da daa nei nope ja jo yes
    beklager unnskyld orsak wait vent oops ops counting generally generelt overall
    further south north east west lenger videre sorover nordover
    """
)


def _left_over(p: Parse) -> list[int]:
    """Content words a follow-up leaves unexplained, the words of talk ('I meant', 'sorry') aside."""
    return [i for i in left_over(p) if p.keys[i] not in _CONVERSATIONAL]


def _narrows(p: Parse) -> bool:
    keys = p.keys
    return any(k in ("of", "av", "among", "blant") for k in keys)


_WORKS_ON = lexicon.WORK_WORDS | lexicon.THEME_WORDS | _w("does do doing research researches forsker forskar")


_DEFINITE_ARTICLES = _w("the den det")


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
_THAT_ONE = _w("den han hun ho")
