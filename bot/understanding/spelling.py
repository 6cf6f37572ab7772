"""Read each word of a question as the knowledge spells it: corrected, translated, or a compound's head.

Misspelt words are corrected against the knowledge base's own vocabulary, never against a
general dictionary, so a correction always points at something the bot can talk about; an
everyday word ("morgen") is never corrected into a name.
"""

from __future__ import annotations

from bot.language import concepts, lexicon, neighbours
from bot.language.norwegian_english import in_word_list
from bot.language.ordinary import is_ordinary
from bot.language.text import Token
from bot.understanding.cues import ALL_CUE_WORDS, CUES
from bot.understanding.evidence import Correction, Parse
from bot.understanding.index import CITY, COUNTRY, FIRST_NAME, ORG, ORG_PART, PERSON, REGION, SURNAME, Index

_COMPOUND_HEADS = sorted(
    # "gruppeleder" is the leader; "labsjef" (a lab manager) is not, so "sjef" heads no compound
    {w for group in ("leader", "themes", "project", "consortium") for w in CUES[group] if len(w) >= 4} - {"sjef"},
    key=len,
    reverse=True,
)


def corrected_keys(tokens: list[Token], index: Index, result: Parse) -> list[str]:
    keys = []
    as_norwegian = neighbours.read_as_norwegian([t.key for t in tokens])  # a Swedish or Danish question
    for token, read_key in zip(tokens, as_norwegian, strict=True):
        key = lexicon.ABBREVIATIONS.get(read_key, read_key)
        if not is_known(key, index) and key not in lexicon.LAST_WORDS:
            whole = _read_in_english(key)  # "vedlikeholder" is "maintains", not a kind of "holder"
            compound = (None if whole else _compound_head(key)) or index.inflected(key)
            compound = compound or _translated(key, index) or _genitive(key, index)
            # a capital that opens a sentence ("Readers often ask …") is no sign of a name
            opens = token.index == 0 or token.index in result.sentence_starts
            typed_as_name = result.mixed_case and token.original[:1].isupper() and not (opens and is_ordinary(key))
            if not compound and not typed_as_name and not whole:
                compound = _known_tail(key, index)
            if compound:
                key = compound
            elif is_ordinary(key) and not typed_as_name:
                pass  # an everyday word is not taken for a misspelt name
            else:
                capitalised = result.mixed_case and token.index > 0 and token.original[:1].isupper()
                # a short word typed with a capital, even first ('Ivar Larsen?'), may be a name: only a swap
                following = tokens[token.index + 1].original[:1] if token.index + 1 < len(tokens) else ""
                short_name = len(key) < 5 and token.original[:1].isupper() and following.isupper()
                hit = index.correct(key, names_only=capitalised or short_name)
                if hit and capitalised and _in_an_unknown_name(tokens, token.index, index, result):
                    hit = hit if not index.names_only_places(hit.word) else None
                if hit:
                    result.corrections.append(Correction(token.original, hit.word, hit.distance, token.index))
                    key = hit.word
        keys.append(key)
    return _more_as_else(keys)


_MORE_MEANS_ELSE = concepts.family("more_means_else")
"""'anyone more in <country>?', 'nån mer …?': after 'anyone' or 'who', 'more' asks for others, as 'else' does."""


_MORE_WORDS = frozenset(phrase[-1] for phrases in _MORE_MEANS_ELSE.values() for phrase in phrases)


def _read_in_english(key: str) -> bool:
    """A Norwegian word the word list reads whole (see `norwegian_english.py`): no compound to take apart."""
    return in_word_list(key)


def _more_as_else(keys: list[str]) -> list[str]:
    for i, key in enumerate(keys):
        if key not in _MORE_WORDS:
            continue
        for word, phrases in _MORE_MEANS_ELSE.items():
            if any(tuple(keys[i - len(phrase) + 1 : i + 1]) == phrase for phrase in phrases if i >= len(phrase) - 1):
                keys[i] = word
                break
    return keys


def _in_an_unknown_name(tokens: list[Token], position: int, index: Index, result: Parse) -> bool:
    """'Ola Nordmann', or a known first name and 'Nordmann': a capitalised word next to another capitalised word that
    the knowledge does not know, or that is only someone's first name, is part of a name the
    knowledge lacks, not a misspelt place ('nordmenn')."""
    for neighbour in (position - 1, position + 1):
        if not 0 <= neighbour < len(tokens):
            continue
        other = tokens[neighbour]
        if not other.original[:1].isupper():
            continue
        key = lexicon.ABBREVIATIONS.get(other.key, other.key)
        if neighbour == position - 1 and _is_first_name(key, index):
            return True  # a first name, then a capitalised word: a surname, known or not, never a place
        if neighbour not in result.sentence_starts and not is_known(key, index):
            return True
    return False


def _is_first_name(key: str, index: Index) -> bool:
    return any(
        words == (key,) and any(t.kind == FIRST_NAME for t in targets) for words, targets in index.phrases.get(key, ())
    )


def is_known(key: str, index: Index) -> bool:
    return (
        key in lexicon.STOPWORDS
        or key in lexicon.GENERIC_NAME_WORDS
        or key in ALL_CUE_WORDS
        or key in index.vocabulary
        or key in index.phrases
        or key.isdecimal()
        or key in lexicon.ORDINALS
        or key in lexicon.CARDINALS
        or key in lexicon.NUMBER_WORDS
    )


def _genitive(key: str, index: Index) -> str | None:
    """'Kreftsenteret' for a knowledge's 'Kreftsenterets' (and back): a long word with or
    without the genitive 's' is the same word."""
    if len(key) < 8:
        return None
    other = key[:-1] if key.endswith("s") else key + "s"
    return other if other in index.vocabulary else None


def _translated(key: str, index: Index) -> str | None:
    """A Norwegian field name ('onkologi', 'finansieringen') as the English word the knowledge base uses."""
    english = lexicon.FIELD_TRANSLATIONS.get(key)
    if english is None and key.endswith("isk") and len(key) > 7:  # "onkologisk avdeling": of oncology
        english = lexicon.FIELD_TRANSLATIONS.get(key[:-2])
    for ending in lexicon.DEFINITE_ENDINGS:
        if english is None and key.endswith(ending) and len(key) - len(ending) >= 4:
            english = lexicon.FIELD_TRANSLATIONS.get(key[: -len(ending)])
    if english is None:
        return None
    return english if is_known(english, index) else index.inflected(english)


"""Long words of the knowledge are looked up by their last letters, for compounds that share a tail."""


def _known_tail(key: str, index: Index) -> str | None:
    """Norwegian compounds end in the word that matters: 'hovud|fokuset' is about 'fokus'.

    Only the knowledge's own words (and general translations) are looked for, five letters
    or more after a head of three or more, so a name is not taken apart.
    """
    if len(key) < 8:
        return None
    longer = _begins_a_known_word(key, index)
    if longer:
        return longer
    forms = [key] + [key[: -len(e)] for e in lexicon.DEFINITE_ENDINGS if key.endswith(e) and len(key) - len(e) >= 8]
    for form in forms[1:]:  # "kreft i bukspyttkjertelen": the definite form heads the known compound too
        longer = _begins_a_known_word(form, index)
        if longer:
            return longer
    for form in forms:
        for start in range(3, len(form) - 4):
            tail = form[start:]
            if tail in index.vocabulary and tail not in lexicon.STOPWORDS and not _only_a_name(tail, index):
                return tail
            translated = _translated(tail, index)
            if translated:
                return translated
    return None


_NAME_KINDS = frozenset({ORG, ORG_PART, CITY, COUNTRY, REGION, FIRST_NAME, SURNAME, PERSON})


def _only_a_name(word: str, index: Index) -> bool:
    """'<sol>|<word>': a compound whose tail is a word of an organisation's name ('<X> <Word>') is not
    that organisation: names are not the tails of everyday compounds."""
    targets = index.phrases.get(word, ())
    kinds = {t.kind for phrase, ts in targets if phrase == (word,) for t in ts}
    return bool(kinds & _NAME_KINDS)


def _begins_a_known_word(key: str, index: Index) -> str | None:
    """'lungekreft' is the head of a knowledge's 'lungekreftforskning': the same topic."""
    found = sorted(w for w in index.long_words_by_prefix.get(key[:8], ()) if w.startswith(key) and w != key)
    return found[0] if len(found) == 1 else None


def _compound_head(key: str) -> str | None:
    """Norwegian compounds end in the word that matters: "forsknings|temaer", "gruppe|leder"."""
    if len(key) < 7:
        return None
    for head in _COMPOUND_HEADS:
        if key.endswith(head) and len(key) - len(head) >= 3:
            return head
    return None
