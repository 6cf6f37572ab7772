"""A phrase set off before the question ('In plain words, what …?', 'For my article, who …?'):
the asker's framing, not what is asked, unless a word of it carries meaning of its own."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.language import lexicon
from bot.language.ordinary import is_ordinary, is_very_common
from bot.language.text import Token, expand_negations, fold
from bot.understanding.cues import ALL_CUE_WORDS
from bot.understanding.index import Index
from bot.understanding.negation import NEGATIONS
from bot.understanding.sentences import REQUESTS

_WORDS_AND_COMMAS = re.compile(r"\w+|,")
_WORD = re.compile(r"[^\W_]+")


def commas_after(text: str, tokens: list[Token]) -> frozenset[int]:
    """The positions of the words a comma follows ('In plain words, what ...': 'words')."""
    found: set[int] = set()
    position = 0
    for match in re.finditer(_WORDS_AND_COMMAS, expand_negations(text)):
        word = match.group(0)
        if word == ",":
            if position:
                found.add(position - 1)
            continue
        position += len(_WORD.findall(fold(word)))  # as the tokenizer splits it ('a_b': two tokens)
    return frozenset(found)


def lead_in(
    text: str, tokens: list[Token], sentences: list[list[int]], carries_meaning: Callable[[int], bool]
) -> frozenset[int]:
    """'In plain words, what does the group study?', 'For my article, who leads …?': a phrase set off
    by a comma before the question word is the asker's framing, not what is asked, when none of its
    words carries meaning of its own (`carries_meaning`: a name, a place, a cue such as 'except', a
    topic of the knowledge). 'Besides <city>, who …?' keeps its place."""
    if "," not in text:
        return frozenset()
    commas = commas_after(text, tokens)
    frame: set[int] = set()
    for sentence in sentences:
        words = [i for i in sentence if i >= 0]
        for n, w in enumerate(words[:-1]):
            if w not in commas:
                continue
            after = tokens[words[n + 1]].key
            if after not in lexicon.QUESTION_WORDS and after not in REQUESTS:
                continue  # "Hi Anna, quick question, who …": the comma before the question word
            if not any(carries_meaning(i) for i in words[: n + 1]):
                frame.update(words[: n + 1])
            break
    return frozenset(frame)


def meaningful(
    tokens: list[Token], keys: list[str], named: set[int], index: Index, starts: frozenset[int]
) -> Callable[[int], bool]:
    """Whether the word at a position carries meaning of its own: a name, a cue, a negation, a
    number, a topic of the knowledge's texts, or a name the knowledge lacks ('At MIT, who …?': a
    capitalised word inside the sentence)."""

    def carries(position: int) -> bool:
        key = keys[position]
        if position in named or key in ALL_CUE_WORDS or key in NEGATIONS or key.isdecimal():
            return True
        after_a_preposition = position > 0 and keys[position - 1] in lexicon.PLACE_PREPOSITIONS
        name_like = key not in lexicon.STOPWORDS and (after_a_preposition or not is_ordinary(key))
        if position not in starts and tokens[position].original[:1].isupper() and name_like:
            return True  # "At <Institute>, who …?", "In <City>, who …?": a name the knowledge may lack
        return key in index.vocabulary and key not in lexicon.STOPWORDS and not is_very_common(key)

    return carries
