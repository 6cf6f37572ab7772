"""Text normalisation shared by the knowledge index and the question parser.

Both sides of every comparison go through the same functions, so that
"Sæther", "Saether" and "Sather" (or "Våge", "Vage", "Vaage") meet
in one key however a user types them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "å": "aa",
        "Å": "aa",
        "ß": "ss",
        "đ": "d",
        "ł": "l",
        "œ": "oe",
        "´": "'",
        "’": "'",
        "‘": "'",
    }
)
# Spelling variants of the same letter: Saether/Sæther/Sather, Mueller/Müller/Muller, Vaage/Våge.
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"), ("aa", "a"))
_WORD = re.compile(r"[^\W_]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Invisible characters that split a word for the eye of a regex but not for a reader:
# zero-width space/joiners, soft hyphen, word joiner, byte-order mark.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")
# "don't", "isnt", "won't": English negation glued to its verb, read as "do not".
_IRREGULAR_NEGATIONS = {"wo": "will", "ca": "can", "ai": "is", "sha": "shall"}
_NEGATION_WITH_APOSTROPHE = re.compile(r"\b(\w+?)n['’´`]t\b", re.IGNORECASE)
_NEGATION_WITHOUT_APOSTROPHE = re.compile(
    r"\b(do|does|did|is|are|was|were|has|have|had|could|would|should)nt\b", re.IGNORECASE
)

MAX_QUESTION_CHARS = 2000
"""Longer questions are cut: nobody asks a 10,000-character question on purpose."""


def fold(text: str) -> str:
    """Lower-case, drop accents and spell Nordic letters in ASCII."""
    text = text.translate(_LETTERS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.lower()


def word_key(word: str) -> str:
    """The key a folded word is compared by: digraph spellings collapse to one letter."""
    for long, short in _DIGRAPHS:
        word = word.replace(long, short)
    return word


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a question: its key, its position and how the user wrote it."""

    key: str
    index: int
    original: str

    @property
    def is_upper(self) -> bool:
        """True for words typed in capitals, such as abbreviations ("US", "EU")."""
        return len(self.original) > 1 and self.original.isupper()


def clean(text: str) -> str:
    """Remove control and invisible characters, compose accents (NFC) and cut overlong input."""
    text = _CONTROL.sub(" ", (text or "")[: MAX_QUESTION_CHARS * 2])
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    return text[:MAX_QUESTION_CHARS]


def _negation(match: re.Match[str]) -> str:
    verb = match.group(1)
    return f"{_IRREGULAR_NEGATIONS.get(verb.lower(), verb)} not"


# Abbreviations whose full stop never ends a sentence ("collabs excl. SE", "dept. of oncology"),
# and titles before a name ("St. <name>", "Dr. <name>").
_ABBREVIATION_STOP = re.compile(
    r"\b(excl|incl|dept|depts|approx|avd|ca|vs|ift|bl\.a|evt|inkl|ekskl|mht|osv)\."
    # chat abbreviations that are words' beginnings too ("en postdok."): only before a small letter or a digit
    r"|\b(ant|stip|masterstud|postdok|assoc|profs)\.(?=\s*(?-i:[a-zæøå0-9?]))",
    re.IGNORECASE,
)
_TITLE_STOP = re.compile(r"\b(st|dr|prof|mr|mrs|ms)\.(?=\s+[A-ZÆØÅÄÖ])", re.IGNORECASE)
_PHD = re.compile(r"\bph\.\s?d\b\.?", re.IGNORECASE)
# "DK/FR", "<A>/<B>": either of the two ("w/" for "with" has nothing after the slash)
_SLASH = re.compile(r"(?<=\w{2})/(?=\w{2})")
_AT = re.compile(r"(?<!\S)@\s*(?=\w)")
_NUMBER_OF = re.compile(r"(?<!\S)#\s+(?=\w)")


def expand_negations(text: str) -> str:
    """'doesn't' and 'doesnt' as 'does not', so negation is one word whatever the spelling; '&' as 'and';
    'DK/FR' as 'DK or FR'; the full stop of an abbreviation ('excl.') kept from ending the sentence."""
    text = text.replace(" & ", " and ").replace(" + ", " and ")  # "<A> + <B> overlap, who?"
    text = _NUMBER_OF.sub("number of ", text)  # "# ppl theme 4?" (a channel, "#general", has no space)
    text = _AT.sub("at ", text)  # "anyone @ <org>?", "ppl @<org>": Slack's 'at' (an e-mail address has no space before)
    text = _PHD.sub("phd", text)  # "ph.d.-studerende": a degree, not three sentences
    text = _SLASH.sub(" or ", _TITLE_STOP.sub(r"\1", _ABBREVIATION_STOP.sub(lambda m: m.group(1) or m.group(2), text)))
    text = _NEGATION_WITH_APOSTROPHE.sub(_negation, text)
    return _NEGATION_WITHOUT_APOSTROPHE.sub(lambda m: f"{m.group(1)} not", text)


def tokenize(text: str) -> list[Token]:
    """Split text into tokens, keeping the user's spelling for case-sensitive checks."""
    tokens: list[Token] = []
    for match in re.finditer(r"\w+", expand_negations(clean(text))):
        original = match.group(0)
        for part in _WORD.findall(fold(original)):
            tokens.append(Token(word_key(part), len(tokens), original))
    return tokens


@lru_cache(maxsize=65536)
def keys(text: str) -> tuple[str, ...]:
    """The token keys of a phrase from the knowledge base (cached: the same names recur)."""
    return tuple(t.key for t in tokenize(text))


_SUFFIXES = (
    "ations",
    "ation",
    "ities",
    "ity",
    "ings",
    "ing",
    "ies",
    "ical",
    "ics",
    "ic",
    "ists",
    "ist",
    "al",
    "es",
    "ed",
    "ers",
    "er",
    "s",
    "ene",
    "ane",
    "ene",
    "het",
    "lig",
    "isk",
    "en",
    "et",
    "ar",
    "e",
    "y",
)


@lru_cache(maxsize=65536)
def stem(key: str) -> str:
    """A light English/Norwegian stem: enough to meet plurals and adjective forms.

    Stems are compared with `stems_meet`, which also accepts a shared prefix,
    so "tissue" meets "tissues" and "genomics" meets "genomikk".
    """
    if len(key) <= 4 or key.isdecimal():
        return key
    for suffix in _SUFFIXES:
        if key.endswith(suffix) and len(key) - len(suffix) >= 4:
            return key[: -len(suffix)]
    return key


def stems_meet(a: str, b: str) -> bool:
    """True when two stems are the same word in another form."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and long.startswith(short)
