"""Theme numbers in a question: 'theme 3', 'themes 1 and 2', 'the fifth theme', 'the last theme'."""

from __future__ import annotations

from bot.language import lexicon
from bot.understanding.evidence import Parse

LAST = -1
"""A theme number that means 'the last one': the engine knows how many there are."""


def number_of(key: str) -> int | None:
    """The number a word after 'theme' stands for: '3', 'three', 'third', 'III'."""
    if key.isdecimal() and 0 < int(key) < 100:
        return int(key)
    return lexicon.ORDINALS.get(key) or lexicon.CARDINALS.get(key) or lexicon.ROMAN.get(key)


def find_theme_numbers(keys: list[str], result: Parse) -> None:
    """'theme 3', 'themes 1 and 2', 'theme number three', 'the fifth theme', 'the last theme', 'tema 4'.

    Cardinals before the word ('five themes') are a count, not a number.
    """
    for position, key in enumerate(keys):
        if key not in lexicon.THEME_WORDS:
            continue
        before = keys[max(0, position - 2) : position]
        ordinals = [lexicon.ORDINALS[k] for k in before if k in lexicon.ORDINALS]
        if ordinals:
            result.theme_numbers.append(ordinals[-1])
            continue
        if any(k in lexicon.LAST_WORDS for k in before):
            result.theme_numbers.append(LAST)
            continue
        following = position + 1
        if following < len(keys) and keys[following] in lexicon.NUMBER_WORDS:
            following += 1
        while following < len(keys) and (number := number_of(keys[following])) is not None:
            result.theme_numbers.append(number)
            following += 1
            if following + 1 < len(keys) and keys[following] in lexicon.CONJUNCTIONS:
                following += 1
