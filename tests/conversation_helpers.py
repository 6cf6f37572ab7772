"""Helpers for tests that hold a conversation with the engine."""

from __future__ import annotations


def names(answer) -> list[str]:
    return sorted(p.name for p in answer.people)


def talk(engine, *turns: str):
    """Answer the turns in one conversation; the answers in order."""
    context = None
    answers = []
    for turn in turns:
        answer, context = engine.converse(turn, context)
        answers.append(answer)
    return answers
