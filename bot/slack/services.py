"""What the Slack listeners share: the current engine, the unanswered log, settings."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.answer import Answer
from bot.engine import Engine
from bot.observability import log_question
from bot.slack.dedupe import SeenEvents
from bot.slack.settings import SlackSettings
from bot.unanswered import THUMBS_DOWN, UnansweredLog

log = logging.getLogger("bot.slack")

APOLOGY = "Sorry, something went wrong on my side while answering that. Please try again in a moment."


@dataclass
class SlackServices:
    engine: Callable[[], Engine]
    settings: SlackSettings
    recorder: UnansweredLog | None = None
    seen: SeenEvents = field(default_factory=SeenEvents)

    def answer(self, question: str) -> Answer:
        """The engine's answer; an apology (never silence) if the engine fails."""
        started = time.perf_counter()
        try:
            answer = self.engine().answer(question)
        except Exception:
            log.exception("the engine failed on a question")
            answer = Answer(question, "error", False, APOLOGY)
        log_question("slack", answer, (time.perf_counter() - started) * 1000)
        if self.recorder is not None and answer.kind != "error":
            try:
                self.recorder.record(answer, "slack")
            except Exception as exc:
                log.warning("could not store an unanswered question: %s", exc)
        return answer

    def thumbs_down(self, question: str) -> None:
        if self.recorder is not None:
            try:
                self.recorder.add(question, "slack", THUMBS_DOWN)
            except Exception as exc:
                log.warning("could not store feedback: %s", exc)
