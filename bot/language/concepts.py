"""The words of each language, by the concept they say: one data file per language.

`data/en.txt`, `data/nb.txt` and `data/nn.txt` hold every word list the bot reads questions by
("who", negation, roles, places, numbers, the words one module looks for), each under the
name of its concept. A concept's words are the union of its lines in every file: a
question is not sorted into one language before it is read ("hvem in <city> works on ...?"
mixes two), and a maintainer adds a word to the file of its language without touching code.
Swedish and Danish are read differently, word by word into bokmål (see `neighbours.py`).

The files are read once, at the first use; a concept name that no file has is an error at
import, so a typo in the code cannot leave a list silently empty.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.language.text import keys, word_key

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "nb", "nn")


def keyed(text: str) -> frozenset[str]:
    """The keys of whitespace-separated words, as questions' words are keyed."""
    found: set[str] = set()
    for word in text.split():
        if word.isascii() and word.isalpha():  # most of them: no need for the tokenizer (start-up time)
            found.add(word_key(word.lower()))
        else:
            found.update(keys(word))
    return frozenset(found)


@cache
def _texts() -> dict[str, dict[str, str]]:
    """Concept name -> language -> its text in that language's file."""
    found: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        name = None
        path = DATA / f"{language}.txt"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                name = None  # a blank line ends a concept: an indented line after it has nothing to go on
                continue
            if line.lstrip().startswith("#"):
                continue
            if line[0].isspace():
                if name is None:
                    raise ValueError(f"{path.name}:{number}: a continued line with no concept before it")
                found[name][language] += " " + line.strip()
                continue
            name, colon, text = line.partition(":")
            if not colon:
                raise ValueError(f"{path.name}:{number}: expected 'concept: words'")
            name = name.strip()
            texts = found.setdefault(name, {})
            if language in texts:
                raise ValueError(f"{path.name}:{number}: concept {name!r} twice")
            texts[language] = text.strip()
    return found


def _text(name: str) -> str:
    texts = _texts().get(name)
    if texts is None:
        raise KeyError(f"no language file has the concept {name!r} (bot/language/data/*.txt)")
    return " ".join(texts.get(language, "") for language in LANGUAGES)


@cache
def words(name: str) -> frozenset[str]:
    """A concept's words in every language, keyed as a question's words are.

    Each word must be one word as a question's words are keyed ("e-post" is two, "e" and "post", and
    "e" is nynorsk for "is"): a phrase belongs in a phrase concept, so this is an error, not a split."""
    for word in _text(name).split():
        if len(keys(word)) > 1:
            raise ValueError(f"concept {name!r}: {word!r} is more than one word; write it as a phrase")
    return keyed(_text(name))


@cache
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """A concept's phrases (comma-separated in the files), English first, each as its words' keys."""
    found: list[tuple[str, ...]] = []
    for language in LANGUAGES:
        for phrase in _texts().get(name, {}).get(language, "").split(","):
            phrase_keys = keys(phrase)
            if phrase_keys and phrase_keys not in found:
                found.append(phrase_keys)
    if name not in _texts():
        raise KeyError(f"no language file has the concept {name!r} (bot/language/data/*.txt)")
    return tuple(found)


def family(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """'academic_roles.postdoc: postdoc, postdocs', ...: each concept `name.X` as X with its phrases."""
    found = {concept.split(".", 1)[1]: phrases(concept) for concept in _texts() if concept.startswith(f"{name}.")}
    if not found:
        raise KeyError(f"no language file has the concepts {name!r}.X (bot/language/data/*.txt)")
    return found


def numbered(name: str) -> dict[str, int]:
    """'ordinal.1: first 1st' ...: each word of the concepts `name.N`, with its number N."""
    found: dict[str, int] = {}
    for concept in _texts():
        stem, _, number = concept.rpartition(".")
        if stem == name and number.isdigit():
            found.update(dict.fromkeys(words(concept), int(number)))
    if not found:
        raise KeyError(f"no language file has the concepts {name!r}.N (bot/language/data/*.txt)")
    return found


def names() -> list[str]:
    """Every concept the language files name (for the tests)."""
    return list(_texts())
