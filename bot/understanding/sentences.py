"""Split a question into sentences, and find the ones that ask.

In "My flight lands in <city> on Monday. Is there someone I could visit?" the first
sentence is context: its words cost little, and it cannot make an unknown name stop the answer.
"""

from __future__ import annotations

import re

from bot.language import concepts, lexicon
from bot.language.text import Token, expand_negations

# Sentence ends: punctuation, a dash between spaces ("Tell me about X - I'm reviewing a grant"), emoji.
_SENTENCE_PARTS = re.compile(r"[.!?:;]+|\s[-–—]\s|\w+|[\U0001F300-\U0001FAFF\u2600-\u27BF]+")


def sentences(text: str, tokens: list[Token]) -> list[list[int]]:
    """The token positions of each sentence, split at '.', '!', '?', ';', ':', ' - ' and emoji.

    Each sentence that ended in a mark gets a last entry saying how: -1 for '?', -2 otherwise.
    """
    sentences: list[list[int]] = [[]]
    position = 0
    for match in re.finditer(_SENTENCE_PARTS, expand_negations(text)):
        word = match.group(0)
        if not word.strip()[0].isalnum() and word.strip()[0] != "_":
            if sentences[-1]:
                sentences[-1].append(-1 if "?" in word else -2)  # how the sentence ended
                sentences.append([])
            continue
        while position < len(tokens) and tokens[position].original == word:
            sentences[-1].append(position)
            position += 1
    return [s for s in sentences if s]


_NOT_CONTENT = lexicon.STOPWORDS | lexicon.QUESTION_WORDS
REQUESTS = concepts.words("sentences.requests")


def with_topic(asked: frozenset[int], sentences: list[list[int]], tokens: list[Token]) -> frozenset[int]:
    """The asking sentences, and when they hold nothing but question words ("Who can I talk to?"),
    the sentence before them too: that is what the question is about."""
    content = [i for i in asked if tokens[i].key not in _NOT_CONTENT]
    if len(content) > 2 or not asked:
        return asked
    first = min(asked)
    before = [s for s in sentences if s and s[0] >= 0 and s[0] < first]
    return asked | frozenset(i for i in before[-1] if i >= 0) if before else asked


_ASKS_ITSELF = lexicon.QUESTION_WORDS | concepts.words("sentences.whether")
"""A sentence with a question word or 'whether' asks, with or without its '?'."""


def asking(sentences: list[list[int]], tokens: list[Token]) -> frozenset[int]:
    """The sentences with a '?' (and a last one that opens with a question word and no mark: "is the
    freezer fixed? and who do we know in <city>"), else those with a question word, else all of them."""
    asked = [s for s in sentences if s[-1] == -1 or (s[-1] >= 0 and _opens_a_question(s, tokens))]
    if not asked:
        asked = [s for s in sentences if any(i >= 0 and tokens[i].key in _ASKS_ITSELF for i in s)]
    if not asked:  # "Tell me about X - I'm reviewing a grant.": a request asks too
        asked = [s for s in sentences if s[0] >= 0 and tokens[s[0]].key in REQUESTS]
    if not asked:
        asked = sentences
    return frozenset(i for s in asked for i in s if i >= 0)


OPENERS = concepts.words("sentences.openers")


def _opens_a_question(sentence: list[int], tokens: list[Token]) -> bool:
    """'also who is our contact in <city>', 'forresten, hvem jobber i <city>': a question word first,
    after at most two words that join it to what came before."""
    words = [tokens[i].key for i in sentence if i >= 0]
    first = 0
    while first < min(2, len(words)) and words[first] in OPENERS:
        first += 1
    return first < len(words) and words[first] in lexicon.QUESTION_WORDS


_CONTACT = concepts.words("sentences.contact")
_ABOUT = concepts.words("sentences.about")


def about_what(tokens: list[Token], sentences: list[list[int]] | None = None) -> frozenset[int]:
    """'Who could I ask about soil samples?': what the person is to be asked about is context,
    not a condition on who it is (the knowledge cannot say who knows about what).

    It reaches to the end of its own sentence only: in "I was told to ask you about practical
    things: what is the door code?" the question after the colon is still the question."""
    keys = [t.key for t in tokens]
    ends = {i: max(s) + 1 for s in sentences or [] for i in s if i >= 0}
    for n in range(len(keys) - 1):
        if keys[n] in _CONTACT:
            for m in range(n + 1, min(n + 4, len(keys))):
                if keys[m] in _ABOUT:
                    return frozenset(range(m, ends.get(n, len(keys))))
    return frozenset()


_SELF = concepts.words("sentences.self")
"""The asker as the subject: "I would be grateful ...", not "can you tell me ..." (an object)."""
_WHETHER = concepts.words("sentences.whether")
_TOLD = concepts.words("sentences.told")
_EMBEDDED = concepts.words("sentences.embedded")


def polite_frame(tokens: list[Token], sentences: list[list[int]]) -> frozenset[int]:
    """'I should be most grateful if you would inform me which ...', 'Jeg ville sette stor pris på
    om De kunne opplyse meg om hvorvidt ...': the asker's framing before the question they ask is
    not what is asked (from the sentence's start up to 'whether' or the embedded question word)."""
    keys = [t.key for t in tokens]
    frame: set[int] = set()
    for sentence in sentences:
        words = [i for i in sentence if i >= 0]
        for n, w in enumerate(words[1:], start=1):
            marker = keys[w] in _WHETHER or (keys[w] in _EMBEDDED and keys[words[n - 1]] in _TOLD)
            selves = [i for i in words[:n] if keys[i] in _SELF - {"i"} or tokens[i].original == "I"]
            if marker and selves:
                frame.update(words[: n + 1] if keys[w] in _WHETHER else words[:n])
                break
    return frozenset(frame)


_EXISTENTIAL = concepts.words("sentences.existential")


def refers_back(keys: list[str], position: int, sentence_starts: frozenset[int] | set[int]) -> bool:
    """'Anyone there?', 'hvem holder til der?': a 'there' that ends its sentence points back to a
    place; 'is there anyone', 'how many are there' are existential."""
    before = keys[position - 1] if position > 0 else ""
    after = keys[position + 1] if position + 1 < len(keys) else ""
    ends = position + 1 >= len(keys) or position + 1 in sentence_starts
    if keys[position] != "there":
        return ends  # Norwegian says "er det noen" for 'is there anyone': "er der" is where
    return ends and before not in _EXISTENTIAL and after not in _EXISTENTIAL
