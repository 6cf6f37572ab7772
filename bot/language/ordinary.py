"""Ordinary language: the words of everyday English and Norwegian, from wordfreq's word lists.

A question's words that the knowledge does not hold are either ordinary language
("my flight lands on Monday") or unknown, name-like words ("organoids", "Xylander").
Ordinary words may be left out of an answer (and are named when they were);
unknown ones stop it or are named in it. Hand-kept stopword lists could not
tell the two apart on questions nobody here wrote; word frequencies can.

The words are wordfreq's "small" lists for English and Norwegian bokmål (which covers
most nynorsk and dialect spellings too): every word used at least once per million
words (Zipf 3). They ship with the bot as `data/ordinary_words.txt`, keyed as the
question's words are, so the bot needs neither wordfreq (58 MB installed, with regex,
ftfy and langcodes) nor its 50 ms of loading at start-up: reading the file takes 5 ms.
`python -m bot.language.ordinary` rebuilds the file from an installed wordfreq, and a
test checks that the shipped file is what it rebuilds.
"""

from __future__ import annotations

import gzip
import importlib.util
import sys
from functools import cache
from pathlib import Path

from bot.language.text import fold, word_key

LANGUAGES = ("en", "nb")
MIN_ZIPF = 3.0
"""Words at least this frequent (once per million words) are ordinary language."""
VERY_COMMON_ZIPF = 5.4
"""Words this frequent ('thing', 'side', 'next', 'way') say little on their own, and cost half."""
WORD_FILE = Path(__file__).resolve().parent / "data" / "ordinary_words.txt"
_HEADER = "# ordinary words"


@cache
def _word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """(ordinary words, very common words), read once from the shipped file."""
    text = WORD_FILE.read_text(encoding="utf-8")
    ordinary, _, common = text.partition("\n\n")
    lines = [w for w in ordinary.split("\n") if w and not w.startswith("#")]
    return frozenset(lines), frozenset(w for w in common.split("\n") if w and not w.startswith("#"))


def is_ordinary(key: str) -> bool:
    """True for a frequent word of English or Norwegian, given as a question's word key."""
    return key in _word_lists()[0]


def is_very_common(key: str) -> bool:
    """True for the most frequent words ('thing', 'side', 'way'), which carry little meaning alone."""
    return key in _word_lists()[1]


def build_word_file() -> str:
    """The word file's text, from wordfreq's own data files (the format is its 'cBpack')."""
    import msgpack  # only for rebuilding: wordfreq brings it

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("wordfreq is not installed: pip install wordfreq")
    directory = Path(next(iter(spec.submodule_search_locations))) / "data"
    ordinary: set[str] = set()
    common: set[str] = set()
    buckets_wanted = round((9 - MIN_ZIPF) * 100)  # bucket i holds the words of Zipf 9 - i/100
    very_common = round((9 - VERY_COMMON_ZIPF) * 100)
    for language in LANGUAGES:
        with gzip.open(directory / f"small_{language}.msgpack.gz") as stream:
            data = msgpack.load(stream, raw=False, strict_map_key=False)
        for number, bucket in enumerate(data[1 : buckets_wanted + 2]):
            keys = {word_key(fold(word)) for word in bucket if word.isalpha()}
            ordinary |= keys
            if number <= very_common:
                common |= keys
    header = (
        f"{_HEADER}: wordfreq small lists {', '.join(LANGUAGES)}, Zipf >= {MIN_ZIPF}; then Zipf >= {VERY_COMMON_ZIPF}"
    )
    return "\n".join([header, *sorted(ordinary)]) + "\n\n" + "\n".join(sorted(common)) + "\n"


if __name__ == "__main__":
    WORD_FILE.parent.mkdir(parents=True, exist_ok=True)
    WORD_FILE.write_text(build_word_file(), encoding="utf-8")
    print(f"wrote {WORD_FILE}", file=sys.stderr)
