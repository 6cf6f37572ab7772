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
import os
from functools import cache
from pathlib import Path

import msgpack

from bot.language.text import fold, word_key

log = logging.getLogger(__name__)

LANGUAGES = ("en", "nb")
MIN_ZIPF = 3.0
"""Words at least this frequent (once per million words) are ordinary language."""
CACHE_FORMAT = 1
VERY_COMMON_ZIPF = 5.4
"""Words this frequent ('thing', 'side', 'next', 'way') say little on their own, and cost half."""


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"


@cache
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(ordinary words, very common words), from the cache when it is there (5 ms instead of 50)."""
    cache_file = _cache_file()
    try:
        ordinary, _, common = cache_file.read_text(encoding="utf-8").partition("\n\n")
        if ordinary and common:
            return frozenset(ordinary.split("\n")), frozenset(common.split("\n"))
    except (OSError, ValueError):
        pass
    ordinary_set, common_set = _read_word_lists()
    if ordinary_set:
        _write_cache(cache_file, ordinary_set, common_set)
    return ordinary_set, common_set


def _cache_file() -> Path:
    """Named after the word lists' size and time, so an upgraded wordfreq is read afresh.

    (Not `importlib.metadata.version`: looking a version up costs 30 ms at every start.)
    """
    from platformdirs import user_cache_dir

    directory = _data_dir()
    stamp = "none"
    if directory is not None:
        try:
            stats = [(directory / f"small_{language}.msgpack.gz").stat() for language in LANGUAGES]
            stamp = "-".join(f"{int(st.st_mtime)}.{st.st_size}" for st in stats)
        except OSError:
            pass
    name = f"ordinary-words-{stamp}-{MIN_ZIPF}-{VERY_COMMON_ZIPF}-{CACHE_FORMAT}.txt"
    return Path(user_cache_dir("research-group-bot", appauthor=False)) / name


def _write_cache(path: Path, ordinary: frozenset[str], common: frozenset[str]) -> None:
    """Written whole and renamed into place, so a reader never sees half a file; failures are harmless."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text("\n".join(sorted(ordinary)) + "\n\n" + "\n".join(sorted(common)), encoding="utf-8")
        os.replace(partial, path)
    except OSError as exc:
        log.debug("could not cache the word lists in %s: %s", path, exc)


def _read_word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Read wordfreq's lists and key their words as the question's words are (folded, digraphs collapsed)."""
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
            # most words are plain ASCII and need no accent folding, which is the slow part
            keys = {word_key(word if word.isascii() else fold(word)) for word in bucket if word.isalpha()}
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
