"""'Who at <place> works on this?' under a post: *this* is the post's topic.

In Slack the question often sits in the thread of a post (a paper, a plan, a photo from the field),
and *this*, *that*, *it*, *dette*, *det* point at it. The front end hands the engine the post's text
(the thread's first message, or a channel's topic); this module finds which themes the post is
about (by the themes' titles, keywords and their neighbour-language and misspelt forms, as a
question's topic words are read) and rewrites *this* as those themes, so the question is read with
them as its condition. The answer then says how it read *this*, so a wrong reading is visible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.understanding import topics
from bot.understanding.index import Index
from bot.understanding.parser import parse

# "on this", "with that", "med dette", "på det", "about it", "any postdocs on this?": a topic's place in
# the question ('who wrote this?' asks about the post, not its topic)
_POINTING = re.compile(
    r"\b(?:on|with|about|into|med|på|paa|om|innen)\s+(this|that|it|these|those|dette|det|denne|disse)\b",
    re.IGNORECASE,
)


def points_at_the_post(question: str) -> bool:
    """Whether the question says *this*/*that*/*dette* where a topic should be: cheap, so a front end
    asks it before fetching anything."""
    return bool(_POINTING.search(question or ""))


@dataclass(frozen=True, slots=True)
class PostReading:
    """How *this* was read: the question to answer, and the themes the post is about (none: not a theme)."""

    question: str
    theme_ids: tuple[str, ...]


def themes_of_post(post: str, index: Index) -> tuple[str, ...]:
    """The themes a post is about: the one (or the few tied) that most of its topic words name."""
    parsed = parse(post or "", index)
    parsed.asking = frozenset(range(len(parsed.keys)))  # a post asks nothing: all of it is its topic
    return topics.most_named(topics.theme_spans(parsed, index, set()))


def read_this(question: str, post: str, index: Index) -> PostReading | None:
    """The question with *this* replaced by the post's themes ('theme 2'), or with *this* left out when
    the post is about no theme; None when the question does not point at anything."""
    match = _POINTING.search(question or "")
    if match is None:
        return None
    theme_ids = themes_of_post(post, index)
    numbers = [t.number for t in index.kb.themes if t.id in theme_ids]
    start, end = match.span(1)
    if numbers:
        norwegian = parse(question, index).language == "no"
        theme, either = ("tema", " eller ") if norwegian else ("theme", " or ")
        named = either.join(f"{theme} {n}" for n in numbers)
        return PostReading(question[:start] + named + question[end:], theme_ids)
    rest = re.sub(r"\s+([?.!])", r"\1", question[: match.start()] + question[end:]).strip()  # "on this" goes
    return PostReading(rest or question, ())
