"""Turn a question into what it asks for: cues, named things, and words not understood.

The parser does not decide the answer; it records evidence (with scores) that
the engine ranks. Misspelt words are corrected against the knowledge base's
own vocabulary, never against a general dictionary, so a correction always
points at something the bot can talk about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.language import lexicon
from bot.language.ordinary import is_ordinary
from bot.language.text import Token, clean, expand_negations, tokenize
from bot.language.text import keys as keys_of
from bot.understanding.index import (
    CITY,
    COUNTRY,
    FIRST_NAME,
    ORG,
    ORG_PART,
    PERSON,
    PLACE_KINDS,
    REGION,
    ROLE,
    SURNAME,
    TITLE,
    UNIT,
    Index,
    Target,
)

_KIND_PRIORITY = {
    PERSON: 0,
    ORG: 1,
    CITY: 2,
    COUNTRY: 3,
    REGION: 4,
    UNIT: 5,
    ORG_PART: 6,
    TITLE: 7,
    ROLE: 8,
    SURNAME: 9,
    FIRST_NAME: 10,
}
_PERSON_KINDS = frozenset({PERSON, SURNAME, FIRST_NAME})

_CUES: dict[str, frozenset[str]] = {
    "who": lexicon.WHO_WORDS,
    "where": lexicon.WHERE_WORDS,
    "what": lexicon.WHAT_WORDS,
    "work": lexicon.WORK_WORDS,
    "leader": lexicon.LEADER_WORDS,
    "themes": lexicon.THEME_WORDS,
    "project": lexicon.PROJECT_WORDS,
    "consortium": lexicon.CONSORTIUM_WORDS,
    "orgs": lexicon.ORG_LIST_WORDS,
    "abroad": lexicon.ABROAD_WORDS,
    "home": lexicon.HOME_WORDS,
    "greeting": lexicon.GREETING_WORDS,
}
ALL_CUE_WORDS = frozenset().union(*_CUES.values(), *lexicon.ORG_KIND_WORDS.values())
_COMPOUND_HEADS = sorted(
    {w for group in ("leader", "themes", "project", "consortium") for w in _CUES[group] if len(w) >= 4},
    key=len,
    reverse=True,
)
_NORWEGIAN_MARKERS = lexicon.words(
    """
    hvem hva hvor hvilke hvilken hvordan hvorfor er jobber arbeider finnes fins gruppen prosjektet
    handler noen og ikke med fra hos ved paa forskningstemaer temaer leder gruppeleder kan du jeg
    hei takk hallo kven kva kvar kor korleis ikkje eg dei ho jobbar arbeidar tilsett kem ka gruppa
    """
)
_ENGLISH_MARKERS = lexicon.words("who what where which is are the does do works work how many tell about with from")


@dataclass
class Mention:
    """A span of the question that names something in the knowledge base."""

    start: int
    end: int
    targets: list[Target]
    score: float = 1.0

    @property
    def kind(self) -> str:
        return self.targets[0].kind

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS

    @property
    def is_person(self) -> bool:
        return self.kind in _PERSON_KINDS


@dataclass
class Correction:
    original: str
    corrected: str
    distance: int
    position: int


@dataclass
class Parse:
    """Everything the question says, as evidence for the engine."""

    text: str
    tokens: list[Token]
    language: str = "en"
    cues: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    unknown: list[Token] = field(default_factory=list)
    ordinary: list[Token] = field(default_factory=list)
    sentence_starts: frozenset[int] = frozenset()
    asking: frozenset[int] = frozenset()
    read_keys: list[str] = field(default_factory=list)
    """Positions of the words in the sentences that ask the question; the others are context."""
    """Words the knowledge lacks that are ordinary language ('flight', 'Monday'): they may be left out."""
    corrections: list[Correction] = field(default_factory=list)
    theme_numbers: list[int] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    negated: set[int] = field(default_factory=set)
    count: bool = False
    help: bool = False
    how_to: bool = False
    counted: tuple[str, ...] = ()
    unknown_place: str | None = None
    unknown_name: str | None = None
    unknown_role: str | None = None
    org_kinds: set[str] = field(default_factory=set)
    query: Any = None
    """The typed query read from this parse (`bot.understanding.reader`), set by the engine."""

    @property
    def keys(self) -> list[str]:
        """The question's words as read: corrected, translated and compounds reduced to their head."""
        return self.read_keys or [t.key for t in self.tokens]

    @property
    def mixed_case(self) -> bool:
        """Typed with capitals and small letters: then a capital marks a name."""
        return any(c.islower() for c in self.text) and any(c.isupper() for c in self.text)

    def has(self, *cues: str) -> bool:
        return any(c in self.cues for c in cues)


def parse(question: str, index: Index) -> Parse:
    """Read a question against the knowledge base's index."""
    text = " ".join(clean(question).split())
    tokens = tokenize(text)
    result = Parse(text=text, tokens=tokens)
    if not tokens:
        return result
    sentences = _sentences(text, tokens)
    result.sentence_starts = frozenset(s[0] for s in sentences if s and s[0] >= 0)
    result.asking = _asking(sentences, tokens)
    keys = _corrected_keys(tokens, index, result)
    result.read_keys = keys
    result.language = _language(keys)
    result.count = _is_count(keys)
    result.counted = _counted_words(keys) if result.count else ()
    result.help = _is_help(keys)
    result.how_to = _has_phrase(keys, lexicon.HOW_TO_PHRASES)
    consumed = _find_mentions(tokens, keys, index, result)
    _read_cues(keys, consumed, result)
    _find_theme_numbers(keys, result)
    _find_unknowns(tokens, keys, consumed, index, result)
    _absorb_name_variants(index, result)
    _find_unknown_slots(tokens, keys, result)
    return result


def _corrected_keys(tokens: list[Token], index: Index, result: Parse) -> list[str]:
    keys = []
    for token in tokens:
        key = token.key
        if not _is_known(key, index) and key not in lexicon.LAST_WORDS:
            compound = _compound_head(key) or index.inflected(key) or _translated(key, index)
            typed_as_name = result.mixed_case and token.original[:1].isupper()
            if not compound and not typed_as_name:
                compound = _known_tail(key, index)
            if compound:
                key = compound
            elif is_ordinary(key) and not typed_as_name:
                pass  # an everyday word is not taken for a misspelt name
            else:
                capitalised = result.mixed_case and token.index > 0 and token.original[:1].isupper()
                hit = index.correct(key, names_only=capitalised)
                if hit:
                    result.corrections.append(Correction(token.original, hit.word, hit.distance, token.index))
                    key = hit.word
        keys.append(key)
    return keys


def _is_known(key: str, index: Index) -> bool:
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


def _translated(key: str, index: Index) -> str | None:
    """A Norwegian field name ('onkologi') as the English word the knowledge base uses."""
    english = lexicon.FIELD_TRANSLATIONS.get(key)
    if english is None:
        return None
    return english if _is_known(english, index) else index.inflected(english)


_DEFINITE_ENDINGS = ("ene", "ane", "et", "en", "a")


def _known_tail(key: str, index: Index) -> str | None:
    """Norwegian compounds end in the word that matters: 'hovud|fokuset' is about 'fokus'.

    Only the knowledge's own words (and general translations) are looked for, five letters
    or more after a head of three or more, so a name is not taken apart.
    """
    if len(key) < 8:
        return None
    forms = [key] + [key[: -len(e)] for e in _DEFINITE_ENDINGS if key.endswith(e) and len(key) - len(e) >= 8]
    for form in forms:
        for start in range(3, len(form) - 4):
            tail = form[start:]
            if tail in index.vocabulary and tail not in lexicon.STOPWORDS:
                return tail
            translated = _translated(tail, index)
            if translated:
                return translated
    return None


def _compound_head(key: str) -> str | None:
    """Norwegian compounds end in the word that matters: "forsknings|temaer", "gruppe|leder"."""
    if len(key) < 7:
        return None
    for head in _COMPOUND_HEADS:
        if key.endswith(head) and len(key) - len(head) >= 3:
            return head
    return None


def _language(keys: list[str]) -> str:
    norwegian = sum(k in _NORWEGIAN_MARKERS for k in keys)
    english = sum(k in _ENGLISH_MARKERS for k in keys)
    return "no" if norwegian > english else "en"


def phrase_positions(keys: list[str], phrases: tuple[tuple[str, ...], ...]) -> set[int]:
    found: set[int] = set()
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) == phrase:
                found.update(range(i, i + n))
    return found


def _has_phrase(keys: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    for phrase in phrases:
        n = len(phrase)
        if any(tuple(keys[i : i + n]) == phrase for i in range(len(keys) - n + 1)):
            return True
    return False


_BEFORE_COUNT = frozenset(
    {"the", "total", "s", "what", "whats", "is", "det", "er", "hva", "kva", "og", "and", "in", "i", "from", "fra", "at"}
)


def _is_count(keys: list[str]) -> bool:
    """'how many', 'hvor mange', 'the number of' (but not 'the phone number of')."""
    for phrase in lexicon.COUNT_PHRASES:
        n = len(phrase)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) == phrase and (i == 0 or keys[i - 1] in _BEFORE_COUNT):
                return True
    return False


def _counted_words(keys: list[str]) -> tuple[str, ...]:
    """The words a count asks about: 'how many *research groups*', 'hvor mange *temaer*'."""
    for phrase in lexicon.COUNT_PHRASES:
        n = len(phrase)
        for i in range(len(keys) - n + 1):
            if tuple(keys[i : i + n]) == phrase:
                return tuple(k for k in keys[i + n :] if k not in lexicon.STOPWORDS)[:2]
    return ()


def _is_help(keys: list[str]) -> bool:
    content = [k for k in keys if k not in lexicon.STOPWORDS or k in ("help", "hjelp")]
    if _has_phrase(keys, lexicon.HELP_PHRASES[:2]) and len(content) <= 3:
        return True
    return _has_phrase(keys, lexicon.HELP_PHRASES[2:]) and len(keys) <= 7


def _find_mentions(tokens: list[Token], keys: list[str], index: Index, result: Parse) -> set[int]:
    """Longest phrases first; on one span, the strongest kind of thing wins."""
    merged: dict[tuple[int, int], Mention] = {}
    for start, key in enumerate(keys):
        for phrase, targets in index.phrases.get(key, ()):
            end = start + len(phrase)
            if tuple(keys[start:end]) != phrase:
                continue
            if phrase in lexicon.CASE_SENSITIVE_FORMS and not _typed_as_name(tokens[start], tokens, start):
                continue
            if not _plausible_short_form(phrase, tokens[start:end]):
                continue
            # each phrase is unique in the index, so a span gets each phrase's targets once
            merged[(start, end)] = Mention(start, end, list(targets), _span_score(result, start, end))
    chosen: list[Mention] = []
    taken: set[int] = set()
    for mention in sorted(merged.values(), key=lambda m: (-(m.end - m.start), m.start)):
        if any(i in taken for i in range(mention.start, mention.end)):
            continue
        _keep_strongest_kind(mention, keys)
        chosen.append(mention)
        taken.update(range(mention.start, mention.end))
    result.mentions = sorted(chosen, key=lambda m: m.start)
    return taken


def _typed_as_name(token: Token, tokens: list[Token], position: int) -> bool:
    """'US' or 'the States' (a country), not 'us' or 'states' (ordinary words)."""
    if token.is_upper or (token.original[:1].isupper() and position > 0):
        return True
    return position > 0 and tokens[position - 1].key == "the" and token.original[:1].isupper()


def _plausible_short_form(phrase: tuple[str, ...], span: list[Token]) -> bool:
    """A one-letter alias counts only when typed as a capital; two letters ("KI", "ki") always."""
    if len(phrase) == 1 and len(phrase[0]) <= 2:
        return span[0].is_upper or span[0].original[:1].isupper() or len(phrase[0]) == 2
    return True


def _span_score(result: Parse, start: int, end: int) -> float:
    """A phrase found through corrected spellings is less certain: 0.85 an edit."""
    score = 1.0
    for correction in result.corrections:
        if start <= correction.position < end:
            score *= 0.85**correction.distance
    return score


def _keep_strongest_kind(mention: Mention, keys: list[str]) -> None:
    after_preposition = mention.start > 0 and (
        keys[mention.start - 1] in lexicon.PLACE_PREPOSITIONS
        or (mention.start > 1 and keys[mention.start - 2] in lexicon.PLACE_PREPOSITIONS)
    )

    def rank(target: Target) -> tuple[int, int]:
        place_first = after_preposition and target.kind in PLACE_KINDS | {UNIT}
        return (0 if place_first else 1, _KIND_PRIORITY.get(target.kind, 99))

    mention.targets.sort(key=rank)
    best = rank(mention.targets[0])
    mention.targets = [t for t in mention.targets if rank(t) == best]


def _read_cues(keys: list[str], consumed: set[int], result: Parse) -> None:
    for position, key in enumerate(keys):
        for cue, words in _CUES.items():
            if key in words and (position not in consumed or cue in ("who", "leader")):
                result.cues.add(cue)
        for kind, words in lexicon.ORG_KIND_WORDS.items():
            if key in words and position not in consumed and not heads_a_name(keys, position, result.mentions):
                result.org_kinds.add(kind)
        if key in lexicon.NEGATION_WORDS:
            result.negated.add(position)
    if _has_phrase(keys, lexicon.GREETING_PHRASES):
        result.cues.add("greeting")
        consumed.update(phrase_positions(keys, lexicon.GREETING_PHRASES))
    if result.count:
        result.cues.add("count")


def heads_a_name(keys: list[str], position: int, mentions: list[Mention]) -> bool:
    """'Institute of <a known unit>': the kind word is part of the name, not a filter of its own.

    'sykehus i <a country>' is not: a hospital in a place is a kind of organisation and a place.
    """
    nxt = position + 1
    if not (nxt + 1 < len(keys) and keys[nxt] in ("of", "for", "i")):
        return False
    return any(m.start == nxt + 1 and m.kind in (UNIT, ORG, ORG_PART) for m in mentions)


LAST = -1
"""A theme number that means 'the last one': the engine knows how many there are."""


def _number(key: str) -> int | None:
    """The number a word after 'theme' stands for: '3', 'three', 'third', 'III'."""
    if key.isdecimal() and 0 < int(key) < 100:
        return int(key)
    return lexicon.ORDINALS.get(key) or lexicon.CARDINALS.get(key) or lexicon.ROMAN.get(key)


def _find_theme_numbers(keys: list[str], result: Parse) -> None:
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
        while following < len(keys) and (number := _number(keys[following])) is not None:
            result.theme_numbers.append(number)
            following += 1
            if following + 1 < len(keys) and keys[following] in lexicon.CONJUNCTIONS:
                following += 1


def _find_unknowns(tokens: list[Token], keys: list[str], consumed: set[int], index: Index, result: Parse) -> None:
    corrected = {c.corrected for c in result.corrections}
    for position, (token, key) in enumerate(zip(tokens, keys, strict=True)):
        if position in consumed:
            continue
        if key in lexicon.STOPWORDS or key in ALL_CUE_WORDS or key in lexicon.GENERIC_NAME_WORDS:
            continue
        if key in lexicon.ORDINALS or key in lexicon.CARDINALS or key in lexicon.NUMBER_WORDS:
            continue
        if key in lexicon.ROMAN and position > 0 and keys[position - 1] in lexicon.THEME_WORDS:
            continue
        if key in lexicon.LAST_WORDS and lexicon.THEME_WORDS & set(keys[position + 1 : position + 3]):
            continue
        if key.isdecimal() and (key in index.vocabulary or int(key) in result.theme_numbers):
            continue
        if key in index.vocabulary or key in corrected:
            result.content.append(key)
            continue
        result.content.append(key)
        if is_ordinary(key):
            result.ordinary.append(token)
        else:
            result.unknown.append(token)


def _name_like(token: Token, result: Parse) -> bool:
    """Typed as a name: in capitals ('NTNU'), or capitalised inside a sentence typed in mixed case."""
    if token.is_upper:
        return True
    capitalised = result.mixed_case and token.original[:1].isupper()
    return capitalised and token.index not in result.sentence_starts


def _sentences(text: str, tokens: list[Token]) -> list[list[int]]:
    """The token positions of each sentence, split at '.', '!', '?', ';' and ':'.

    Each sentence that ended in a mark gets a last entry saying how: -1 for '?', -2 otherwise.
    """
    sentences: list[list[int]] = [[]]
    position = 0
    for match in re.finditer(r"[.!?:;]+|\w+", expand_negations(text)):
        word = match.group(0)
        if not word[0].isalnum() and word[0] != "_":
            if sentences[-1]:
                sentences[-1].append(-1 if "?" in word else -2)  # how the sentence ended
                sentences.append([])
            continue
        while position < len(tokens) and tokens[position].original == word:
            sentences[-1].append(position)
            position += 1
    return [s for s in sentences if s]


def _asking(sentences: list[list[int]], tokens: list[Token]) -> frozenset[int]:
    """The sentences with a '?', else those with a question word, else all of them."""
    asked = [s for s in sentences if s[-1] == -1]
    if not asked:
        asked = [s for s in sentences if any(i >= 0 and tokens[i].key in lexicon.QUESTION_WORDS for i in s)]
    if not asked:
        asked = sentences
    return frozenset(i for s in asked for i in s if i >= 0)


def _absorb_name_variants(index: Index, result: Parse) -> None:
    """'Jon Smith' for John Smith: an unknown word next to a surname, close to that person's first name."""
    for mention in result.mentions:
        if mention.kind != SURNAME or len(mention.targets) != 1:
            continue
        person = index.kb.people_by_id[mention.targets[0].value]
        first = keys_of(person.name)[0]
        for token in [*result.unknown, *result.ordinary]:  # "jones <surname>" is Jonas, not an everyday word
            close = fuzz.ratio(token.key, first) >= 75 or OSA.distance(token.key, first) <= 1  # "eda" for "Ada"
            if token.index == mention.start - 1 and close:
                (result.unknown if token in result.unknown else result.ordinary).remove(token)
                result.content.remove(token.key)
                result.corrections.append(Correction(token.original, first, 1, token.index))
                mention.start = token.index
                mention.score *= 0.85


def _find_unknown_slots(tokens: list[Token], keys: list[str], result: Parse) -> None:
    """Unknown words where a place or a name should be: "at MIT", "who is Jane Doe"."""
    # Frequent words are names too when typed as names ("Per Hansen", "Harvard"), and, in a
    # question typed all in small letters, right after a preposition with no article ("at harvard").
    # Only the sentences that ask: "I'm visiting from <city>. Who works on X?" asks nothing of the city.
    asking = result.asking
    typed_as_names = {t.index for t in result.ordinary if _name_like(t, result)}
    unknown_positions = ({t.index for t in result.unknown} | typed_as_names) & asking
    ordinary_positions = {t.index for t in result.ordinary} & asking
    bare_after_preposition = set() if result.mixed_case else ordinary_positions
    # In mixed case people type names with capitals, so only capitalised words may be names.
    capitalised = {i for i in unknown_positions if tokens[i].original[:1].isupper()}
    names = capitalised if result.mixed_case else unknown_positions
    for mention in result.mentions:
        if mention.kind == FIRST_NAME and mention.end in names:
            result.unknown_name = _span_text(tokens, mention.start, _run_end(mention.end, names))
        if mention.kind in (SURNAME, FIRST_NAME) and mention.start - 1 in names:
            start = mention.start - 1
            while start - 1 in names:
                start -= 1
            result.unknown_name = _span_text(tokens, start, mention.end)
    for position, key in enumerate(keys):
        if key not in lexicon.PLACE_PREPOSITIONS or (key == "i" and result.language != "no"):
            continue
        if position + 1 < len(keys) and keys[position + 1] in _INDEFINITE:
            continue  # "at a conference": a thing, not a named place
        run = _name_run(keys, position + 1, tokens if result.mixed_case else None)
        bare = bool(run) and run[0] == position + 1 and run[0] in bare_after_preposition
        if run and (any(i in unknown_positions for i in run) or bare):
            result.unknown_place = _span_text(tokens, run[0], run[-1] + 1)
            break
    if result.unknown_name is None and result.has("who"):
        for prompt in lexicon.PERSON_PROMPTS:
            n = len(prompt)
            for i in range(len(keys) - n + 1):
                if tuple(keys[i : i + n]) == prompt:
                    nxt = i + n
                    article = False
                    while nxt < len(keys) and keys[nxt] in _ARTICLES_AND_TITLES:
                        article = article or keys[nxt] in ("the", "a", "an", "our", "your", "their")
                        nxt += 1
                    followed_by_place = nxt + 1 >= len(keys) or keys[nxt + 1] in _ROLE_FOLLOWERS
                    bare_role = (
                        not article
                        and nxt in ordinary_positions
                        and keys[nxt] not in _NOT_ROLES
                        and not tokens[nxt].original[:1].isupper()
                        and followed_by_place
                    )
                    if (article and (nxt in unknown_positions or nxt in ordinary_positions)) or bare_role:
                        # "who is the king of ...": a role the knowledge base does not have
                        end = nxt
                        while end < len(keys) and (keys[end] not in lexicon.STOPWORDS or keys[end] in ALL_CUE_WORDS):
                            end += 1
                        result.unknown_role = _span_text(tokens, nxt, end)
                        return
                    if nxt in names:
                        result.unknown_name = _span_text(tokens, nxt, _run_end(nxt, names))
                        return


# "who is <role> at/of <place>": what may follow a role that the knowledge does not have.
_ROLE_FOLLOWERS = lexicon.PLACE_PREPOSITIONS | lexicon.words("of for til")
_NOT_ROLES = lexicon.words("not ikke ikkje also ogsaa only bare berre still fortsatt")
_INDEFINITE = lexicon.words("a an en ei et another some")
_ARTICLES_AND_TITLES = frozenset({"the", "a", "an", "our", "your", "their", "dr", "prof", "professor"})
_NAME_CONNECTORS = frozenset({"of", "for", "i", "de", "du", "la", "and"})
_ORG_KIND_KEYS = frozenset().union(*lexicon.ORG_KIND_WORDS.values())


def _name_run(keys: list[str], start: int, tokens: list[Token] | None = None) -> list[int]:
    """The positions of the name after a preposition: 'the University of X', 'Known-City Unknown Cluster'.

    With `tokens` from a question in mixed case, the name goes on only through capitalised
    words: in "who in Rome likes pizza" the name is "Rome".
    """
    while start < len(keys) and keys[start] in ("the", "a", "an", "den", "det"):
        start += 1
    lowercase_start = tokens is not None and start < len(keys) and not tokens[start].original[:1].isupper()
    if lowercase_start and keys[start] not in lexicon.GENERIC_NAME_WORDS:
        return []  # "i svulsten", "at work": in mixed case, a name starts with a capital
    run: list[int] = []
    position = start
    while position < len(keys):
        key = keys[position]
        if key in lexicon.PLACE_PREPOSITIONS and not (run and key == "i"):
            break
        if key in _NAME_CONNECTORS and run and position + 1 < len(keys):
            following = keys[position + 1]
            if following not in lexicon.STOPWORDS and following not in ALL_CUE_WORDS - _ORG_KIND_KEYS:
                run.append(position)
                position += 1
                continue
        if key in lexicon.STOPWORDS or (key in ALL_CUE_WORDS and key not in _ORG_KIND_KEYS):
            break
        if run and tokens is not None and not tokens[position].original[:1].isupper():
            break
        run.append(position)
        position += 1
    return run


def _run_end(position: int, positions: set[int]) -> int:
    while position in positions:
        position += 1
    return position


def _span_text(tokens: list[Token], start: int, end: int) -> str:
    seen: list[str] = []
    for token in tokens[start:end]:
        if not seen or seen[-1] != token.original:
            seen.append(token.original)
    return " ".join(seen)


def mentions_of(parse_result: Parse, *kinds: str) -> list[Mention]:
    """The mentions of the given kinds, in question order."""
    return [m for m in parse_result.mentions if m.kind in kinds]
