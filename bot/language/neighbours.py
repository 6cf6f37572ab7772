"""Swedish and Danish questions, read as the Norwegian the bot understands.

Partners in Sweden and Denmark write in their own language. Swedish and
Danish share most of their grammar and much of their vocabulary with Norwegian bokmål, so a
word list per language (`data/sv.txt`, `data/da.txt`: each word with the bokmål word it is
read as) carries a question over; everything after it (names, places, negation, follow-ups)
is the Norwegian reading. Answers are given in Norwegian bokmål, which Swedes and Danes read
without effort, and whose names (`name_no`, `title_no`) the knowledge already holds.

A word is translated only in a question that has words of that language of its own (words
that are neither English nor Norwegian, such as "vem", "inte", "hvad", "arbejder"), so a
Swedish word that is a different word in Norwegian ("var": where, was) never changes a
Norwegian question.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.language import lexicon
from bot.language.ordinary import is_ordinary
from bot.language.text import keys as text_keys

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("sv", "da")

# Words that are also everyday Norwegian (bokmål or nynorsk) or English: no sign of the language.
_SHARED = lexicon.words(
    """
    hvem hva hvor hvilke hvilken hvilket er jobber arbeider finnes gruppen leder og ikke med fra hos ved
    jobbar arbeidar forskar forsker forskere kven kva kvar kor ikkje eg dei ho tema temaer vi oss jeg meg
    ni era var vart hen hun han andre anden tak hej hallo leda lede leds titel totalt finns
    """
)


@cache
def _surely(language: str) -> frozenset[str]:
    """Everyday words of the language that a Norwegian or English word list may hold too (Norwegian
    text online quotes Swedish and Danish), yet are never Norwegian: the file's lines that start with "!"."""
    lines = (DATA / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(k for line in lines if line.startswith("!") for k in text_keys(line[1:]))


@cache
def translations(language: str) -> dict[str, str]:
    """The language's words, keyed as a question's words are, with the bokmål key each is read as."""
    found: dict[str, str] = {}
    for line in (DATA / f"{language}.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        word, _, norwegian = line.partition(" ")
        read_as = text_keys(norwegian.strip())
        key = text_keys(word)
        if len(read_as) == 1 and len(key) == 1:
            found[key[0]] = read_as[0]
    return found


@cache
def markers(language: str) -> frozenset[str]:
    """The words that show a question is in this language: its own words, not Norwegian or English ones."""
    return frozenset(
        key
        for key, read_as in translations(language).items()
        if key != read_as
        and len(key) > 2
        and key not in _SHARED
        and key not in lexicon.STOPWORDS
        and not is_ordinary(key)
    ) | _surely(language)


def language_of(question_keys: list[str]) -> str | None:
    """'sv' or 'da' when the question has words of its own in that language, else None."""
    counts = {language: sum(k in markers(language) for k in question_keys) for language in LANGUAGES}
    best = max(LANGUAGES, key=lambda language: counts[language])
    return best if counts[best] else None


def read_as_norwegian(question_keys: list[str]) -> list[str]:
    """The question's words as bokmål, when it is Swedish or Danish; unchanged otherwise."""
    language = language_of(question_keys)
    if language is None:
        return question_keys
    table = translations(language)
    return [table.get(k, k) for k in question_keys]
