"""Turn a question into evidence: cues, named things, and words not understood.

The parser does not decide the answer; it records evidence (with scores) in a
`Parse` (`evidence.py`) that the reader turns into a typed query. Spelling is read
in `spelling.py`, sentences in `sentences.py`, unknown names in `slots.py`.
"""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from bot.language import concepts, lexicon
from bot.language.ordinary import is_ordinary, is_very_common
from bot.language.text import Token, clean, fold, tokenize
from bot.language.text import keys as keys_of
from bot.understanding.cues import ALL_CUE_WORDS, CUES
from bot.understanding.evidence import Correction, Mention, Parse
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
from bot.understanding.lead_in import lead_in, meaningful
from bot.understanding.mention_checks import (
    a_country_code,
    an_everyday_word_as_a_name,
    everyday_word_of_a_name,
    plausible_short_form,
    the_project_named,
    typed_as_name,
)
from bot.understanding.sentences import about_what, asking, polite_frame, with_topic
from bot.understanding.sentences import sentences as split_sentences
from bot.understanding.slots import find_unknown_slots, name_like
from bot.understanding.spelling import corrected_keys
from bot.understanding.theme_numbers import find_theme_numbers

_KIND_PRIORITY = {
    PERSON: 0,
    ORG: 1,
    CITY: 2,
    COUNTRY: 3,
    REGION: 4,
    UNIT: 5,
    ORG_PART: 6,
    ROLE: 7,
    TITLE: 8,
    SURNAME: 9,
    FIRST_NAME: 10,
}
_NORWEGIAN_MARKERS = concepts.words("parser.norwegian_markers")
_ASKERS = concepts.words("parser.askers")
# Leader words that lead only in a phrase: "who is in charge?" asks for the leader, "what does the lab
# charge per hour?" asks a price.
_LEADER_ONLY_AFTER = {"charge": concepts.words("parser.leader_only_after.charge")}
_COUNTED_NOT_LEADING = concepts.words("parser.counted_not_leading")
_ENGLISH_MARKERS = concepts.words("parser.english_markers")


_OF = concepts.words("parser.of")


def parse(question: str, index: Index) -> Parse:
    """Read a question against the knowledge base's index."""
    text = " ".join(clean(question).split())
    tokens = tokenize(text)
    result = Parse(text=text, tokens=tokens)
    if not tokens:
        return result
    sentences = split_sentences(text, tokens)
    result.sentences = sentences
    result.sentence_starts = frozenset(s[0] for s in sentences if s and s[0] >= 0)
    asked = asking(sentences, tokens)
    keys = corrected_keys(tokens, index, result)
    result.read_keys = keys
    result.language = _language(keys)
    result.count = _is_count(keys, result.sentence_starts)
    result.counted = _counted_words(keys) if result.count else ()
    result.help = _is_help(keys)
    result.amount = _has_phrase(keys, lexicon.AMOUNT_PHRASES)
    result.how_to = result.amount or _has_phrase(keys, lexicon.HOW_TO_PHRASES)
    consumed = _find_mentions(tokens, keys, index, result)
    the_project_named(keys, index, result)
    with_evidence = _with_evidence(asked, sentences, keys, consumed, index)
    result.set_aside, asked = asked - with_evidence, with_evidence
    frame = polite_frame(tokens, sentences) | lead_in(
        text, tokens, sentences, meaningful(tokens, keys, consumed, index, result.sentence_starts)
    )
    result.asking = asked - about_what(tokens, sentences) - frame
    result.topic = with_topic(asked, sentences, tokens) - frame
    _read_cues(keys, consumed, result)
    find_theme_numbers(keys, result)
    _find_unknowns(tokens, keys, consumed, index, result)
    _absorb_name_variants(index, result)
    find_unknown_slots(tokens, keys, result)
    return result


# Cue words that say what a question is about (not "who", "works", "anyone": any question has them).
_SUBJECT_CUES = frozenset().union(
    *(CUES[c] for c in ("leader", "themes", "consortium", "orgs", "abroad", "home")), lexicon.ANY_ORG_KIND_WORDS
)


def _with_evidence(
    asked: frozenset[int], sentences: list[list[int]], keys: list[str], named: set[int], index: Index
) -> frozenset[int]:
    """Of several questions in one message, those about something the knowledge holds: in "is the
    printer fixed? also who is our contact in <city>", the printer is another matter. A word of the
    knowledge's own texts (a theme's, a fact's) is evidence too, unless it is everyday language."""

    def is_topic(key: str) -> bool:
        return key in index.vocabulary and len(key) >= 4 and key not in lexicon.STOPWORDS and not is_very_common(key)

    questions = [[i for i in s if i >= 0] for s in sentences]
    questions = [s for s in questions if s and s[0] in asked]
    if len(questions) < 2:
        return asked
    kept = [s for s in questions if any(i in named or keys[i] in _SUBJECT_CUES or is_topic(keys[i]) for i in s)]
    if not kept or len(kept) == len(questions):
        return asked
    return frozenset(i for s in kept for i in s)


def _language(keys: list[str]) -> str:
    norwegian = sum(k in _NORWEGIAN_MARKERS for k in keys)
    english = sum(k in _ENGLISH_MARKERS for k in keys)
    return "no" if norwegian > english else "en"


def _occurrences(keys: list[str], phrase: tuple[str, ...]) -> Iterator[int]:
    """Where a phrase starts in the keys, every time it occurs."""
    n = len(phrase)
    return (i for i in range(len(keys) - n + 1) if tuple(keys[i : i + n]) == phrase)


def phrase_positions(keys: list[str], phrases: tuple[tuple[str, ...], ...]) -> set[int]:
    found: set[int] = set()
    for phrase in phrases:
        for i in _occurrences(keys, phrase):
            found.update(range(i, i + len(phrase)))
    return found


def _has_phrase(keys: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    present = set(keys)
    for phrase in phrases:
        if phrase[0] not in present:  # most phrases are ruled out by their first word
            continue
        if next(_occurrences(keys, phrase), None) is not None:
            return True
    return False


_BEFORE_COUNT = concepts.words("parser.before_count")


_HOW = concepts.words("parser.how")
_SALUTATIONS = concepts.phrases("parser.salutation_phrases")
_WHICH_ONES = concepts.words("parser.which_ones")
_COPULAS = concepts.words("parser.copulas")
"""'how many' counts wherever it stands ('and the collaborators, how many are there?')."""


def _is_count(keys: list[str], sentence_starts: frozenset[int] = frozenset()) -> bool:
    """'how many', 'hvor mange', 'the number of' (but not 'the phone number of'), also where a
    sentence starts ("For the report: how many ...")."""
    return any(
        i in sentence_starts or i == 0 or keys[i - 1] in _BEFORE_COUNT or phrase[0] in _HOW
        for phrase in lexicon.COUNT_PHRASES
        for i in _occurrences(keys, phrase)
    )


_COUNT_ENDS = lexicon.PLACE_PREPOSITIONS | concepts.words("parser.count_ends")


def _counted_words(keys: list[str]) -> tuple[str, ...]:
    """The words a count asks about: 'how many *research groups*', 'hvor mange *temaer*'."""
    for phrase in lexicon.COUNT_PHRASES:
        for i in _occurrences(keys, phrase):
            # "how many of the group's people": the group's is whose they are, the people are counted
            rest = keys[i + len(phrase) :]
            # "how many are in the group?": what follows 'are in' is where they are, not what is counted
            end = next((j for j, k in enumerate(rest) if k in _COUNT_ENDS), len(rest))
            rest = rest[:end]
            owners = {j for j in range(len(rest) - 1) if rest[j + 1] == "s" and rest[j] not in lexicon.STOPWORDS}
            return tuple(k for j, k in enumerate(rest) if k not in lexicon.STOPWORDS and j not in owners)[:2]
    return ()


def _is_help(keys: list[str]) -> bool:
    content = [k for k in keys if k not in lexicon.STOPWORDS or k in lexicon.HELP_WORDS]
    if any(k in lexicon.HELP_WORDS for k in keys) and len(content) <= 3:
        return True
    return _has_phrase(keys, lexicon.HELP_PHRASES) and len(keys) <= 7


def _find_mentions(tokens: list[Token], keys: list[str], index: Index, result: Parse) -> set[int]:
    """Longest phrases first; on one span, the strongest kind of thing wins."""
    merged: dict[tuple[int, int], Mention] = {}
    for start, key in enumerate(keys):
        for phrase, targets in index.phrases.get(key, ()):
            end = start + len(phrase)
            if tuple(keys[start:end]) != phrase:
                continue
            if phrase in lexicon.CASE_SENSITIVE_FORMS and not typed_as_name(tokens[start], tokens, start):
                continue
            if phrase in lexicon.CODE_FORMS and not a_country_code(tokens, start):
                continue
            if len(phrase) == 1 and everyday_word_of_a_name(phrase[0], targets, tokens, keys, start):
                continue
            if not plausible_short_form(phrase, tokens[start:end]):
                continue
            if len(phrase) == 1 and an_everyday_word_as_a_name(phrase[0], targets, tokens[start]):
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


def _asks_for_the_leader(keys: list[str], position: int, result: Parse) -> bool:
    """Whether a leader word at `position` asks for the group's leader."""
    key = keys[position]
    before = keys[position - 1] if position > 0 else ""
    if position not in result.asking:
        return False  # "I need a supervisor. Who works on X?": the leader is not asked for
    if before in _ASKERS:
        return False  # "my supervisor asked me to ...": the asker's own, not the group's leader
    if key in _LEADER_ONLY_AFTER and before not in _LEADER_ONLY_AFTER[key]:
        return False  # "what does the lab charge per hour?": a price
    # "how many sequencing runs": what is counted, not who leads
    return not (key in _COUNTED_NOT_LEADING and "many" in keys[max(0, position - 3) : position])


def _read_cues(keys: list[str], consumed: set[int], result: Parse) -> None:
    salutation = phrase_positions(keys, _SALUTATIONS)  # "Dear colleagues, ...": no one asked for
    for position, key in enumerate(keys):
        if position in salutation:
            continue
        for cue, words in CUES.items():
            if key in words and (position not in consumed or cue in ("who", "leader")):
                if cue == "leader" and not _asks_for_the_leader(keys, position, result):
                    continue
                result.cues.add(cue)
        for kind, words in lexicon.ORG_KIND_WORDS.items():
            # "at another institute", "from my university": not a kind of place to filter by
            another = position > 0 and keys[position - 1] in lexicon.ANOTHER_WORDS | _ASKERS
            if (
                key in words
                and position not in consumed
                and not another
                and not heads_a_name(keys, position, result.mentions)
            ):
                result.org_kinds.add(kind)
    for i in range(len(keys) - 2):  # "hvilke er på <place>?", "which are at <place>?": which ones, people
        if keys[i] in _WHICH_ONES and keys[i + 1] in _COPULAS and keys[i + 2] in lexicon.PLACE_PREPOSITIONS:
            result.cues.add("who")
    asked = {keys[i] for i in result.asking}
    if asked & lexicon.YOU_THE_GROUP and asked & lexicon.QUESTION_WORDS:
        result.cues.add("project")  # "hva forsker dere på?", "hvor er dere?": the group, addressed
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
    if not (nxt + 1 < len(keys) and keys[nxt] in _OF):
        return False
    return any(m.start == nxt + 1 and m.kind in (UNIT, ORG, ORG_PART) for m in mentions)


def _find_unknowns(tokens: list[Token], keys: list[str], consumed: set[int], index: Index, result: Parse) -> None:
    corrected = {c.corrected for c in result.corrections}
    for position, (token, key) in enumerate(zip(tokens, keys, strict=True)):
        if position in consumed:
            continue
        if key in lexicon.GENERIC_NAME_WORDS or key in ALL_CUE_WORDS:  # the stopwords among them
            if not (token.original[:1].isupper() and key in lexicon.STOPWORDS):
                continue
            if not _folded_into_a_stopword(token, key, result):
                continue  # "Jane Doe": "Doe" is keyed as "do", but typed as a name it is one
        if key in lexicon.ORDINALS or key in lexicon.CARDINALS or key in lexicon.NUMBER_WORDS:
            continue
        if key in lexicon.ROMAN and position > 0 and keys[position - 1] in lexicon.THEME_WORDS:
            continue
        if key in lexicon.LAST_WORDS and lexicon.THEME_WORDS & set(keys[position + 1 : position + 3]):
            continue
        if key.isdecimal() and int(key) in result.theme_numbers:
            continue
        if key.isdecimal() and key in index.vocabulary:  # "2030": a number the page's statements hold
            result.content.append(key)
            continue
        if key in index.vocabulary or key in corrected:
            result.content.append(key)
            continue
        result.content.append(key)
        if is_ordinary(key):
            result.ordinary.append(token)
        else:
            result.unknown.append(token)


def _folded_into_a_stopword(token: Token, key: str, result: Parse) -> bool:
    """A word typed as a name that is a stopword only by the spelling folding ('Doe' as 'do')."""
    if not token.original[:1].isupper() or len(token.original) == len(key):
        return False  # cheap tests first: only a capitalised word that folding shortened
    typed = fold(token.original)
    return typed != key and typed not in lexicon.STOPWORDS and typed.isalpha() and name_like(token, result)


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


def mentions_of(parse_result: Parse, *kinds: str) -> list[Mention]:
    """The mentions of the given kinds, in question order."""
    return [m for m in parse_result.mentions if m.kind in kinds]


__all__ = [
    "ALL_CUE_WORDS",
    "Correction",
    "Mention",
    "Parse",
    "heads_a_name",
    "mentions_of",
    "parse",
    "phrase_positions",
]
