"""A Norwegian word read as the English word(s) it may be, for knowledge written in English.

Groups write their notes, facts and FAQ in English, while members ask in Norwegian: "hvem bestiller
<a thing>?" is about the note "Books <the thing> …". Each content word of a Norwegian question that
the knowledge lacks may meet a text's word in one of these forms (see `retrieval.rank`), so a
Norwegian question finds the English sentence that holds its words. Three readings, all from data
or plain spelling:

- a word list (`data/nb_en.txt`), looked up by the word's stem (its Norwegian endings off);
- a compound's two parts, when both are in the list ("snøradaren": snow, radar);
- the spelling of shared words of Latin and Greek origin ("stasjon": station, "koordinerer":
  coordin…, "kalibrering": calibr…), whose English forms the texts' words begin with.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.language.text import keys

DATA = Path(__file__).resolve().parent / "data" / "nb_en.txt"
_ENDINGS = ("ane", "ene", "ar", "er", "en", "et", "te", "a", "e")
"""Endings of Norwegian nouns and verbs (definite, plural, present, past), longest first."""
_LINKS = ("s", "e")
"""The letter that may join a compound's parts ('ablasjon|s|stake')."""
_SPELLINGS = (("sjon", "tion"), ("rkiv", "rchiv"), ("tekn", "techn"), ("logi", "logy"), ("ikk", "ic"), ("isk", "ic"))
"""Norwegian spellings of shared words, as English spells them."""
_MIN_STEM = 3


def stem_no(key: str) -> str:
    """The word without a Norwegian ending, when enough is left ('stasjonane' -> 'stasjon')."""
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            return key[: -len(ending)]
    return key


@cache
def _words() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        norwegian, english = line.split(maxsplit=1)
        for key in keys(norwegian):
            for form in (key, stem_no(key)):
                table[form] = tuple(dict.fromkeys((*table.get(form, ()), *keys(english))))
    return table


def _looked_up(word: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The word's English, by the word or a base form of it ('ansvaret': ansvar, 'kvoter': kvote,
    'bestillinger': bestille)."""
    for candidate in _base_forms(word):
        if candidate in table:
            return table[candidate]
    return ()


def _base_forms(word: str) -> list[str]:
    """The word, then the word with one or two of its endings off, each also with an -e (the
    infinitive, a noun's base form): a word list of base forms meets any form of the word."""
    found = [word]
    for ending in (*_ENDINGS, "ing", "inger"):
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            root = word[: -len(ending)]
            found += [root, root + "e"]
            found += [root[: -len(e)] for e in _ENDINGS if root.endswith(e) and len(root) - len(e) >= _MIN_STEM]
    return found


def in_word_list(key: str) -> bool:
    """Whether the word list reads this word whole (a spelling alone is no reading of the whole word)."""
    return bool(_looked_up(key, _words())) if len(key) >= 4 and key.isalpha() else False


@cache
def english_forms(key: str) -> tuple[tuple[str, ...], ...]:
    """The English readings of a Norwegian word, each the words it is (a compound is two: both must
    meet a text for the whole word to); none when nothing says so."""
    if len(key) < 4 or not key.isalpha():
        return ()
    table = _words()
    found: list[tuple[str, ...]] = [(english,) for english in _looked_up(key, table)]
    if not found:
        parts = _parts(key, table)
        found += [parts] if parts else []
    found += [(spelled,) for spelled in _spelled(stem_no(key))]
    return tuple(dict.fromkeys(f for f in found if f != (key,)))


def _parts(word: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """A compound's head and tail, the surest reading first: both in the list ('verstasjonane':
    weather, station); a head of four letters or more in the list and the tail kept, as it may be
    English already ('snoradaren': snow, radar); the head spelled as English and the tail in the list."""
    splits = []
    for split in range(len(word) - 4, _MIN_STEM - 1, -1):  # the longest head first: 'opptaks|studio'
        head, tail = word[:split], word[split:]
        heads = [head] + [head[: -len(link)] for link in _LINKS if head.endswith(link) and len(head) > _MIN_STEM]
        splits += [(candidate, tail) for candidate in heads]
    for head, tail in splits:
        if _looked_up(head, table) and _looked_up(tail, table):
            return (_looked_up(head, table)[0], _looked_up(tail, table)[0])
    for head, tail in splits:
        if len(head) >= 4 and _looked_up(head, table) and len(tail) >= 5:
            return (_looked_up(head, table)[0], stem_no(tail))
    for head, tail in splits:
        if _spelled(head) and _looked_up(tail, table):
            return (_spelled(head)[0], _looked_up(tail, table)[0])
    return ()


def _spelled(root: str) -> list[str]:
    """'koordiner' -> 'coordin', 'stasjon' -> 'station': a shared word as English begins it."""
    english = root
    for norwegian, spelled in _SPELLINGS:
        english = english.replace(norwegian, spelled)
    if english.startswith("k") and len(english) > 1 and english[1] in "aoulr":
        english = "c" + english[1:]
    for verb in ("erer", "ere", "er", "ering"):
        if english.endswith(verb) and len(english) - len(verb) >= 5:
            english = english[: -len(verb)]
            break
    return [english] if english != root and len(english) >= 5 else []
