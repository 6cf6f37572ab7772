"""The competing readings of a question and how much of it each explains, for `--explain`.

The engine answers with the first kind of answer whose reading explains enough of the
question (`base.MIN_EXPLAINED`); this lists every reading with its share, so a
maintainer can see why one won, and how close the others came.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.answering.base import MIN_EXPLAINED, AnswerBase
from bot.answering.executor import select
from bot.answering.retrieval import best, rank
from bot.language.phrases import say
from bot.understanding.coverage import coverage, matched_positions, word_importance
from bot.understanding.evidence import Parse


@dataclass(frozen=True, slots=True)
class Interpretation:
    name: str
    explains: float
    detail: str
    question: str | None = None
    """The question that asks for this reading alone, to offer as 'Did you mean …?'."""


def interpretations(engine: AnswerBase, p: Parse, details: bool = True) -> list[Interpretation]:
    """Every reading that the question's evidence supports, best explained first.

    Without `details` the people reading is not evaluated (with 10,000 people that alone costs
    a millisecond): only how much each reading explains is needed to find a close second.
    """
    found: list[Interpretation] = []
    query = p.query
    if query is not None and (query.filters or p.has("who")):
        detail = f"{len(select(query, engine.index))} selected by {query.describe()}" if details else ""
        found.append(Interpretation("people", coverage(p), detail))
    if query is not None and query.people:
        names = [engine.kb.people_by_id[i].name for i in query.people if i in engine.kb.people_by_id]
        asked = say("example_person", p.language, name=names[0]) if len(names) == 1 else None
        found.append(Interpretation("person", coverage(p), ", ".join(query.people), asked))
    importance = word_importance(p)
    project = {i for i, k in enumerate(p.keys) if k in engine._project_name_words}
    for name, docs in (("theme", engine._theme_docs), ("statement", engine._fact_docs)):
        ranked = best(rank(p.content, docs, engine.index, importance, translate=p.language != "en"), minimum=0.0)
        if ranked:
            explained = matched_positions(p, ranked[0].matched) | project
            label = getattr(ranked[0].item, "title", None) or getattr(ranked[0].item, "text", "")
            detail = f"{label[:60]} (match {ranked[0].score:.2f})"
            number = getattr(ranked[0].item, "number", None)
            asked = say("theme_question", p.language, number=number) if number is not None else None
            found.append(Interpretation(name, coverage(p, explained, with_mentions=False), detail, asked))
    if engine._mentions_consortium(p):
        explained = engine._consortium_text_positions(p)
        c = engine.kb.project.consortium
        asked = say("what_is", p.language, name=c.short or c.name) if c is not None else None
        found.append(Interpretation("consortium", coverage(p, explained), "the consortium's own text", asked))
    return sorted(found, key=lambda i: -i.explains)


def explain_lines(engine: AnswerBase, p: Parse) -> list[str]:
    lines = ["interpretations (share of the question explained):"]
    lines += [f"  {i.name:<10} {i.explains:.2f}  {i.detail}" for i in interpretations(engine, p)]
    return lines if len(lines) > 1 else []


_READING_OF_KIND = {
    "people": "people",
    "count": "people",
    "person": "person",
    "leader": "person",
    "theme": "theme",
    "themes": "theme",
    "facts": "statement",
    "consortium": "consortium",
}
CLOSE = 0.1
"""A reading within this share of the winner's is a close second, offered as 'Did you mean …?'."""


def close_second(engine: AnswerBase, p: Parse, kind: str) -> str | None:
    """The question of another reading that explains nearly as much of the question, if any."""
    chosen = _READING_OF_KIND.get(kind)
    if chosen is None:
        return None
    if chosen in ("people", "person") and coverage(p) >= 1 - CLOSE:
        return None  # the names and places explain the whole question: nothing comes close
    readings = interpretations(engine, p, details=False)
    winner = next((r for r in readings if r.name == chosen), None)
    if winner is None:
        return None
    floor = max(MIN_EXPLAINED, winner.explains - CLOSE)
    second = next((r for r in readings if r.name != chosen and r.question and r.explains >= floor), None)
    return second.question if second else None
