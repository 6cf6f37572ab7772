"""Several questions in one message: "Do you have a theme on X? And who is in Y?".

Each question (up to `MAX_QUESTIONS`) is answered in turn, the later ones in the light of the
earlier ones (so "who is at A? and at B?" reads the second as a follow-up of the first), and the
answers become the parts of one reply. The reply's `people` and `themes` are the union of its
parts'. When fewer than two of the questions can be answered, the message is read as one
question, as before: a question set beside another matter ("is the printer fixed? also who ...")
is context, not a second answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer import LINES, Answer, Part
from bot.language import concepts

MAX_QUESTIONS = 3
_QUESTION_END = re.compile(r"(?<=\?)\s+(?=\S)")
_QUESTION_WORDS = r"(?:who|what|which|where|when|how|hvem|hva|hvilke|hvilken|hvor|kven|kva|kor|vem|vad|vilka|var|hur)"
# "who leads the group, and how many themes are there?": a second question after a comma and "and"
_AND_ASKS = re.compile(rf"(?<=\w),\s*(?:and|og|och|samt)\s+(?={_QUESTION_WORDS}\b)", re.IGNORECASE)


_REFERS_BACK = re.compile(
    r"\b(that|this|those|these|dette|denne|disse|he|she|him|her|his|they|them|their|han|hun|ho|hen"
    r"|henne|hennes|hans|dei|dem|deira|deres)\b",
    re.IGNORECASE,
)


_WHICH = concepts.words("several.which")


def questions_in(text: str) -> list[str]:
    """The questions of a message, split after each '?' (at most `MAX_QUESTIONS`; more stay in the last).

    What follows the last '?' ("need names asap, thanks!") belongs to the question before it, and a
    question that points back at the one before ("Which theme is that?") is read with it, as one.
    """
    pieces = [piece.strip() for piece in _QUESTION_END.split(text or "") if piece.strip()]
    if len(pieces) > 1 and not pieces[-1].endswith("?"):
        pieces = [*pieces[:-2], f"{pieces[-2]} {pieces[-1]}"]
    pieces = [part.strip() for piece in pieces for part in _AND_ASKS.split(piece) if part.strip()]
    if any(_REFERS_BACK.search(piece) for piece in pieces[1:]):
        return [" ".join(pieces)]
    if len(pieces) <= MAX_QUESTIONS:
        return pieces
    return [*pieces[: MAX_QUESTIONS - 1], " ".join(pieces[MAX_QUESTIONS - 1 :])]


_OWN_QUESTION = re.compile(
    rf"^\W*(?:and|og|och|also|ogs[aå]|so|s[aå])?\W*{_QUESTION_WORDS}\b(?!\s+(?:of|av|af)\s)", re.IGNORECASE
)


_VERBS = concepts.words("several.verbs")


def asks_on_its_own(question: str) -> bool:
    """A later question of a message that opens with its own question word and says what it asks ('And
    who is at <place>?'), not one that refers to the answer before it ('and which of them ...', 'and in
    <city>?', 'which uni?')."""
    match = _OWN_QUESTION.search(question)
    if not match:
        return False
    rest = question[match.end() :].split()
    # "..., and which work in <city>?": 'which' with a verb and no noun of its own asks which of the same
    elliptic = (match.group(0).split() or [""])[-1].lower() in _WHICH and rest[:1] and (rest[0].lower() in _VERBS)
    return len(rest) >= 3 and not elliptic


def _once(refs: list) -> tuple:
    """References by id, each once (the same person may be described in two languages)."""
    return tuple({ref.id: ref for ref in reversed(refs)}[key] for key in dict.fromkeys(ref.id for ref in refs))


def combined(message: str, answers: list[Answer]) -> Answer:
    """One reply of several answers: the first as it is, each later one under its own headline."""
    first, *later = answers
    parts = list(first.parts) or [Part(LINES, first.details)] if first.details else list(first.parts)
    for answer in later:
        own = list(answer.parts) or [Part(LINES, answer.details)]
        parts.append(
            replace(own[0], title=answer.headline) if not own[0].title else Part(LINES, (), title=answer.headline)
        )
        parts.extend(own[1:] if not own[0].title else own)
    return Answer(
        message,
        "several",
        any(a.answered for a in answers),
        first.headline,
        parts=tuple(parts),
        people=_once([p for a in answers for p in a.people]),
        themes=_once([t for a in answers for t in a.themes]),
        organisations=_once([o for a in answers for o in a.organisations]),
        confidence=min(a.confidence for a in answers),
        suggestions=tuple(dict.fromkeys(s for a in answers for s in a.suggestions)),
        sources=tuple(dict.fromkeys(s for a in answers for s in a.sources)),
        language=first.language,
        explanation=tuple(line for n, a in enumerate(answers, 1) for line in (f"question {n}:", *a.explanation)),
    )
