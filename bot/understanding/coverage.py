"""How much of a question an interpretation explains.

Every content word of a question is either explained (it names something in the
knowledge, or it is a cue such as "who", "themes", "how many") or left over.
Left-over ordinary words cost less than unknown ones, and words in the sentence
that asks the question cost more than words in the sentences around it: in
"My flight lands in <city> on Monday. Is there someone I could visit?", the
flight and the Monday are context, while in "who in <city> plays football" the
football is what is asked, and nothing in the knowledge explains it.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.language import concepts, lexicon
from bot.language.ordinary import is_very_common
from bot.language.text import stem
from bot.understanding.cues import ALL_ATTRIBUTE_WORDS
from bot.understanding.negation import NEGATIONS
from bot.understanding.parser import ALL_CUE_WORDS, Parse, phrase_positions
from bot.understanding.sentences import OPENERS

QUESTION_WORDS = lexicon.QUESTION_WORDS
# Verbs and nouns that ask for a person to turn to: they are what a people question is about.
CONTACT_WORDS = concepts.words("coverage.contact_words")
BACKGROUND_WEIGHT = 0.1
"""A left-over word outside the sentence that asks the question counts this much (context, not the question)."""
ORDINARY_COST = 1.0
UNKNOWN_COST = 1.5
VERY_COMMON_FACTOR = 0.5


# Leader words that lead only in a phrase ("in charge"); elsewhere a price or a count is asked.
_ONLY_LEADER_WORDS = concepts.words("coverage.only_leader_words")
_COMPARED = concepts.words("coverage.compared")


def compared_with(p: Parse) -> frozenset[int]:
    """'How deadly is X compared to other cancers?': what X is compared with is context, not what is
    asked (from the comparison word to the end of its sentence)."""
    if "compared" not in p.memo:
        found: set[int] = set()
        for sentence in p.sentences:
            words = [i for i in sentence if i >= 0]
            start = next((i for i in words if p.keys[i] in _COMPARED), None)
            if start is not None:
                found.update(i for i in words if i >= start)
        p.memo["compared"] = frozenset(found)
    return p.memo["compared"]


def sentence_weights(p: Parse) -> list[float]:
    """1 for the words of the sentences that ask, less for the sentences around them and for what
    the question compares with."""
    compared = compared_with(p)
    return [1.0 if i in p.asking and i not in compared else BACKGROUND_WEIGHT for i in range(len(p.tokens))]


def explained_positions(p: Parse, with_mentions: bool = True) -> set[int]:
    """Words the reading accounts for: named things, cue words, numbers, negations.

    A statement from the page does not explain the places and names of a question
    (`with_mentions=False`): "who in <city> plays football" is not about a sentence with "plays".
    """
    explained = {i for m in p.mentions for i in range(m.start, m.end)} if with_mentions else set()
    explained |= phrase_positions(p.keys, lexicon.GREETING_PHRASES + lexicon.BYE_PHRASES)
    explained |= p.memo.get("theme_positions", frozenset())  # themes read as conditions on people
    explained |= p.memo.get("project_name", frozenset())  # the project named by its own name
    leader_unread = not p.has("leader")  # "what does the lab charge?": a leader word not read as one explains nothing
    for position, key in enumerate(p.keys):
        cue = key in ALL_CUE_WORDS or key in CONTACT_WORDS or key in NEGATIONS or key in ALL_ATTRIBUTE_WORDS
        if cue and leader_unread and key in _ONLY_LEADER_WORDS:
            cue = False
        cue = cue or key in lexicon.YOU_THE_GROUP  # "hvor er dere?", "hvem er professor hos dere?": the group
        if cue or key.isdecimal() or key in lexicon.ORDINALS or key in lexicon.CARDINALS:
            explained.add(position)
    return explained


def left_over(p: Parse, also_explained: set[int] | frozenset[int] = frozenset()) -> list[int]:
    """Positions of the content words nothing explains."""
    explained = explained_positions(p) | set(also_explained)
    return [
        i for i, k in enumerate(p.keys) if i not in explained and k not in lexicon.STOPWORDS and k not in QUESTION_WORDS
    ]


def coverage(p: Parse, also_explained: set[int] | frozenset[int] = frozenset(), with_mentions: bool = True) -> float:
    """The weighted share of the question's content words that the reading explains (1 when all)."""
    weights = sentence_weights(p)
    explained = explained_positions(p, with_mentions) | set(also_explained)
    unknown = {t.index for t in p.unknown}
    inside_a_name = {i for m in p.mentions for i in range(m.start + 1, m.end)}  # a name counts once
    total = missing = 0.0
    for position, key in enumerate(p.keys):
        if key in lexicon.STOPWORDS or key in QUESTION_WORDS or position in inside_a_name:
            continue
        if position in explained:
            total += 1.0  # evidence counts wherever it stands: the place is often named in the context
            continue
        cost = weights[position] * (UNKNOWN_COST if position in unknown else ORDINARY_COST)
        if is_very_common(key):
            cost *= VERY_COMMON_FACTOR
        total += cost
        missing += cost
    return 1.0 if total == 0 else 1 - missing / total


_COPULAS = concepts.words("coverage.copulas")
_TRAILING_VERBS = lexicon.WORK_WORDS | concepts.words("coverage.trailing_verbs")
_AUXILIARIES = concepts.words("coverage.auxiliaries")
_DETERMINERS = concepts.words("coverage.determiners")
_OF = concepts.words("coverage.of")
_NOUN_PHRASE_ENDS = _OF | _COPULAS | QUESTION_WORDS | concepts.words("coverage.noun_phrase_ends")


def thing_asked_of(p: Parse, names_it: Callable[[str], bool], unexplained: set[int]) -> str | None:
    """What the question asks of a thing it names, when nothing explains it: in "When is the
    group's weekly meeting?" and "the password for the wifi in the lab", the group is named but
    the meeting and the wifi are what is asked.

    `names_it` says whether a word names the thing (a genitive 'gruppas' counts, as 'group's'
    does); `unexplained` holds the positions of the words the reading does not explain. The
    words asked about are returned as typed.
    """
    keys = p.keys

    def noun_run(start: int, step: int) -> list[int]:
        run: list[int] = []
        position = start
        while 0 <= position < len(keys) and position in p.asking:
            if keys[position] in _NOUN_PHRASE_ENDS:
                break
            run.append(position)
            position += step
        return run if step > 0 else run[::-1]

    for holder, key in enumerate(keys):
        typed = p.tokens[holder].key
        genitive = not names_it(key) and typed.endswith("s") and names_it(typed[:-1])
        if holder not in p.asking or not (genitive or names_it(key)):
            continue
        after = holder + 1
        possessive = genitive or (after < len(keys) and keys[after] == "s")
        after += 0 if genitive or not possessive else 1
        before = holder - 1
        while before >= 0 and keys[before] in _DETERMINERS:
            before -= 1
        subject = before >= 0 and keys[before] in _COPULAS  # "is the group <X>": the group's X is asked
        doing = before >= 0 and keys[before] in _AUXILIARIES  # "what does the lab <charge>": what it does
        run = noun_run(after, 1) if possessive or subject or doing else []
        while len(run) > 1 and keys[run[-1]] in _TRAILING_VERBS:
            run = run[:-1]  # "where is the lab meeting held?": the meeting is asked
        if run and run[-1] in unexplained:
            return _words(p, run)
        if before >= 1 and keys[before] in _OF and before - 1 in unexplained:  # "the <X> of the group"
            return _words(p, noun_run(before - 1, -1))
    return None


def _words(p: Parse, positions: list[int]) -> str:
    return " ".join(p.tokens[i].original for i in positions)


def left_out_words(p: Parse) -> list[str]:
    """The left-over words of the asking sentence, as the user typed them, to name in an answer."""
    weights = sentence_weights(p)
    unexplained = left_over(p)
    aside = [i for i in unexplained if i in p.set_aside and not is_very_common(p.keys[i]) and p.keys[i].isalpha()]
    asked = [i for i in unexplained if weights[i] == 1.0 and p.keys[i] not in OPENERS]
    return list(dict.fromkeys(p.tokens[i].original for i in sorted({*asked, *aside})))


ORDINARY_IMPORTANCE = 0.2
"""How much an ordinary word weighs when ranking statements, against a rare word's 1."""


def word_importance(p: Parse) -> dict[str, float]:
    """Each content word's weight for ranking statements: rare words of the asking sentence weigh most."""
    topic = (p.topic or p.asking) - compared_with(p)
    weights = [1.0 if i in topic else BACKGROUND_WEIGHT for i in range(len(p.tokens))]
    ordinary = {t.index for t in p.ordinary}
    importance: dict[str, float] = {}
    for position, key in enumerate(p.keys):
        weight = weights[position] * (ORDINARY_IMPORTANCE if position in ordinary else 1.0)
        importance[key] = max(importance.get(key, 0.0), weight)
    return importance


def matched_positions(p: Parse, matched_stems: tuple[str, ...]) -> set[int]:
    """The positions of the question's words that a ranked text matched (by stem)."""
    wanted = set(matched_stems)
    return {i for i, k in enumerate(p.keys) if stem(k) in wanted}
