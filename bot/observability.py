"""One JSON log line per question, shared by every front end (bot/logs.py writes it)."""

from __future__ import annotations

import logging

from bot.answer import Answer

log = logging.getLogger("bot.questions")


def log_question(front_end: str, answer: Answer, milliseconds: float) -> None:
    """Front end, kind, answered, confidence and time; never the asker's identity."""
    if not log.isEnabledFor(logging.INFO):
        return
    fields = {
        "event": "question",
        "front_end": front_end,
        "kind": answer.kind,
        "answered": answer.answered,
        "confidence": round(answer.confidence, 3),
        "ms": round(milliseconds, 2),
    }
    log.info("question", extra={"fields": fields})
