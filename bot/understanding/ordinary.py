"""Ordinary language: the words of everyday English and Norwegian, from wordfreq's word lists.

A question's words that the knowledge does not hold are either ordinary language
("my flight lands on Monday") or unknown, name-like words ("organoids", "Xylander").
Ordinary words may be left out of an answer (and are named when they were);
unknown ones stop it or are named in it. Hand-kept stopword lists could not
tell the two apart on questions nobody here wrote; word frequencies can.

wordfreq's "small" lists hold every word with a frequency of at least one in a
million (Zipf 3) in English and in Norwegian bokmål (which covers most nynorsk
and dialect spellings too). They are read straight from the package's data files
(12 ms for both, about 5 MB) instead of through `import wordfreq` (which loads
regex, ftfy and langcodes, another 90 ms), once, on first use.
"""

from __future__ import annotations

import gzip
import importlib.util
import logging
from functools import cache
from pathlib import Path

import msgpack

from bot.text import fold, word_key

log = logging.getLogger(__name__)

LANGUAGES = ("en", "nb")
MIN_ZIPF = 3.0
"""Words at least this frequent (once per million words) are ordinary language."""
VERY_COMMON_ZIPF = 5.4
"""Words this frequent ('thing', 'side', 'next', 'way') say little on their own, and cost half."""


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@cache
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(ordinary words, very common words), keyed as the question's words are (folded, digraphs collapsed)."""
    directory = _data_dir()
    found: set[str] = set()
    common: set[str] = set()
    if directory is None:
        log.warning("wordfreq is not installed: every word the knowledge lacks counts as unknown")
        return frozenset(), frozenset()
    buckets_wanted = round((9 - MIN_ZIPF) * 100)  # the cB format: bucket i holds Zipf 9 - i/100
    very_common = round((9 - VERY_COMMON_ZIPF) * 100)
    for language in LANGUAGES:
        path = directory / f"small_{language}.msgpack.gz"
        try:
            with gzip.open(path) as stream:
                data = msgpack.load(stream, raw=False, strict_map_key=False)
        except (OSError, ValueError, msgpack.ExtraData) as exc:
            log.warning("could not read the word list %s: %s", path, exc)
            continue
        for number, bucket in enumerate(data[1 : buckets_wanted + 2]):
            keys = {word_key(fold(word)) for word in bucket if word.isalpha()}
            found |= keys
            if number <= very_common:
                common |= keys
    return frozenset(found), frozenset(common)


def is_ordinary(key: str) -> bool:
    """True for a frequent word of English or Norwegian, given as a question's word key."""
    return key in _word_lists()[0]


def is_very_common(key: str) -> bool:
    """True for the most frequent words ('thing', 'side', 'way'), which carry little meaning alone."""
    return key in _word_lists()[1]
