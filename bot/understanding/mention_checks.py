"""Checks on a phrase the index found in a question, before it counts as naming something: a country
code in capitals, an everyday word of an organisation's name, the project's own name, a short form."""

from __future__ import annotations

from bot.language import concepts, lexicon
from bot.language.ordinary import is_ordinary
from bot.language.text import Token
from bot.understanding.evidence import Parse
from bot.understanding.index import FIRST_NAME, ORG_PART, SURNAME, TITLE, UNIT, Index
from bot.understanding.project_name import project_name_positions

_ARTICLES = concepts.words("mention_checks.articles")
_BOTH = concepts.words("filters.both")
_NEGATIONS = lexicon.NEGATION_WORDS | {
    short for short, full in lexicon.ABBREVIATIONS.items() if full in lexicon.NEGATION_WORDS
}
"""'excl. NO': a negation, or its short form, before a code."""


def a_country_code(tokens: list[Token], position: int) -> bool:
    """'anyone in DK?', 'DK/FR collabs': a code typed in capitals, in a message that is not in capitals
    ('WHO IS IN <CITY>?'); a code that is also a word ('NO wait', 'IS') only after a place word."""
    if not tokens[position].is_upper:
        return False
    letters = [c for t in tokens for c in t.original if c.isalpha()]
    if sum(c.isupper() for c in letters) >= 0.6 * len(letters):
        return False
    if tokens[position].key in _WORD_CODES:  # "in NO", "and DE", "excl. NO", "both NO and DE"
        before = lexicon.PLACE_PREPOSITIONS | lexicon.CONJUNCTIONS | _NEGATIONS | _BOTH
        return position > 0 and tokens[position - 1].key in before
    return True


_WORD_CODES = frozenset({"no", "is", "de"})


def everyday_word_of_a_name(key: str, targets: tuple, tokens: list[Token], keys: list[str], start: int) -> bool:
    """'research' of '<X> Centre for Climate Research', 'office' of '<Y> Meteorological Office': an
    everyday word that is only part of an organisation's name names it when typed as a name
    (capitalised in a mixed-case question) or after a place word ('at', 'from'), not in "research on
    permafrost" or "coffee near the office"."""
    if not all(t.kind == ORG_PART for t in targets) or not is_ordinary(key):
        return False
    token = tokens[start]
    originals = "".join(t.original for t in tokens)
    mixed = any(c.islower() for c in originals) and any(c.isupper() for c in originals)
    if token.is_upper or (mixed and start > 0 and token.original[:1].isupper()):
        return False
    # "at the Icelandic Met Office": a place word before the name's other words
    for position in range(start - 1, max(-1, start - 5), -1):
        if keys[position] in _AT_A_NAME:
            return False
        if keys[position] in lexicon.STOPWORDS and keys[position] not in _ARTICLES:
            break
    return True


_AT_A_NAME = concepts.words("mention_checks.at_a_name")


def the_project_named(keys: list[str], index: Index, result: Parse) -> None:
    """'Who leads the <project's name> group?': the name's words name the project, not the departments
    or titles that share them."""
    named = project_name_positions(keys, index)
    if not named:
        return
    result.mentions = [
        m for m in result.mentions if not (m.kind in (ORG_PART, UNIT, TITLE) and set(range(m.start, m.end)) <= named)
    ]
    result.memo["project_name"] = named


def typed_as_name(token: Token, tokens: list[Token], position: int) -> bool:
    """'US' or 'the States' (a country), not 'us' or 'states' (ordinary words)."""
    if token.is_upper or (token.original[:1].isupper() and position > 0):
        return True
    return position > 0 and tokens[position - 1].key == "the" and token.original[:1].isupper()


def an_everyday_word_as_a_name(key: str, targets: tuple, token: Token) -> bool:
    """'hvem andre er på <org>?': 'andre' (others) is a word; as a name ('André') it is typed with a capital."""
    if key not in _EVERYDAY_WORDS or token.original[:1].isupper():
        return False  # the cheap checks first: a common first name has thousands of targets
    return all(t.kind in (FIRST_NAME, SURNAME) for t in targets)


_EVERYDAY_WORDS = lexicon.STOPWORDS | concepts.words("reader.others")


def plausible_short_form(phrase: tuple[str, ...], span: list[Token]) -> bool:
    """A one-letter alias counts only when typed as a capital; two letters ("AB", "ab") always, unless they
    are an everyday word too ("HI" for a university, "Hi!" a greeting): then only in capitals."""
    if len(phrase) == 1 and len(phrase[0]) <= 3 and phrase[0] in lexicon.STOPWORDS | lexicon.GREETING_WORDS:
        return span[0].is_upper
    if len(phrase) == 1 and len(phrase[0]) <= 2:
        return span[0].is_upper or span[0].original[:1].isupper() or len(phrase[0]) == 2
    return True
