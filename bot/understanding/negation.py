"""Negation: where a 'not', 'except', 'ikke' stands, where it stops, and what it may reach over."""

from __future__ import annotations

from bot.language import concepts, lexicon
from bot.understanding.evidence import Parse

# Words that turn the next named thing into an exclusion.
NEGATIONS = lexicon.NEGATION_WORDS
NEGATION_PAIRS = {
    ("other", "than"),
    ("rather", "than"),
    ("men", "ikke"),
    ("men", "ikkje"),
    ("anywhere", "but"),
    ("opposed", "to"),  # "as opposed to the external collaborators"
    ("contrast", "to"),
}
# Words that may stand between a negation and what it negates, and are negated with it:
# "not the international collaborators" leaves out the collaborators abroad.
NEGATED_ALONG = lexicon.ABROAD_WORDS | lexicon.HOME_WORDS | concepts.words("negation.negated_along")


def negation_positions(keys: list[str]) -> list[int]:
    found = [n for n, k in enumerate(keys) if k in NEGATIONS]
    found += [n + 1 for n in range(len(keys) - 1) if (keys[n], keys[n + 1]) in NEGATION_PAIRS]
    return sorted(found)


# Words after which a question word is a relative one ("those who work in <city>"), not a question's.
_RELATIVE_AFTER = lexicon.WHO_WORDS | concepts.words("negation.relative_after")


def barriers(p: Parse) -> frozenset[int]:
    """Where a negation stops: a new sentence ("I can't remember - who is at <org>?"), and a
    question asked inside the sentence ("I don't know who is at <org>"): the negation is the
    asker's, not the question's."""
    keys = p.keys
    embedded = {
        i
        for i, k in enumerate(keys)
        if k in lexicon.QUESTION_WORDS and i > 0 and keys[i - 1] not in _RELATIVE_AFTER and i not in p.sentence_starts
    }
    return frozenset(p.sentence_starts) | frozenset(embedded)


# What may stand between a negation and the topic it negates: "not about", "ikke handler om", "don't deal with".
_ABOUT = concepts.words("negation.about")


def negated_topic(p: Parse) -> list[int]:
    """The positions of the words a negation turns away from as a topic: 'themes not about <topic>',
    'tema som ikke handler om <topic>', 'themes other than the <topic> ones'. The run of content
    words right after the negation and its filler, within its sentence."""
    keys = p.keys
    negated_at = negation_positions(keys)
    stops = barriers(p) if negated_at else frozenset()
    for n in negated_at:
        position = n + 1
        while position < len(keys) and (keys[position] in lexicon.STOPWORDS or keys[position] in _ABOUT):
            position += 1
        if any(n < b <= position for b in stops):
            continue
        run: list[int] = []
        while position < len(keys) and keys[position] in p.content and keys[position] not in _ABOUT:
            run.append(position)
            position += 1
            following = position + 1  # "not about <topic> or <topic>": the negation goes on
            if run and following < len(keys) and keys[position] in _TOPIC_LIST and keys[following] in p.content:
                position = following
        if run:
            return run
    return []


_TOPIC_LIST = concepts.words("negation.topic_list")
