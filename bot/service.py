"""The one way every front end answers: ask the engine, log the question, keep what went unanswered.

The terminal and Slack used to do this each in their own way (one stored an engine crash,
the other did not; their apologies differed). Now both call `AnswerService`, so a
question is logged, stored and apologised for the same way wherever it was asked.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from bot.answer import Answer
from bot.engine import Engine
from bot.observability import log_question
from bot.unanswered import ERROR, UnansweredLog
from bot.understanding.followup import Context

log = logging.getLogger("bot.service")

APOLOGY = "Sorry, something went wrong on my side while answering that. Please try again in a moment."


class AnswerService:
    """Answers questions for one front end; never raises, whatever the engine or the storage does."""

    def __init__(
        self,
        engine: Engine | Callable[[], Engine],
        front_end: str,
        recorder: UnansweredLog | None = None,
    ) -> None:
        # A callable lets the Slack server hand over the live-reloaded engine of the moment.
        self._engine = engine if callable(engine) and not isinstance(engine, Engine) else (lambda: engine)
        self.front_end = front_end
        self.recorder = recorder

    @property
    def engine(self) -> Engine:
        return self._engine()  # type: ignore[return-value]

    def converse(
        self,
        question: str,
        context: Context | None = None,
        explain: bool = False,
        keep_as: str | None = None,
        record: bool = True,
        about: str | None = None,
    ) -> tuple[Answer, Context | None]:
        """The answer and the conversation's new context; a failing engine gives an apology and no context.

        `keep_as` is the form of the question the unanswered log may keep, when the front end has a
        safer one than the text the engine read (Slack keeps `<@U…>` ids, not the names decoded from them).
        With `record=False` an unanswered question is not kept (a thread reply that may not be for the bot).
        `about` is the post the question sits under (a Slack thread's first message, a channel's topic):
        what *this* means when the conversation has nothing else it could mean.
        """
        started = time.perf_counter()
        try:
            answer, new_context = self.engine.converse(question, context, explain, about=about)
        except Exception:
            log.exception("the engine failed on a question")
            answer, new_context = Answer(question, "error", False, APOLOGY), None
        log_question(self.front_end, answer, (time.perf_counter() - started) * 1000)
        if record:
            self._keep(answer, keep_as)
        return answer, new_context

    def answer(self, question: str, keep_as: str | None = None) -> Answer:
        """A question on its own, with no conversation around it."""
        return self.converse(question, keep_as=keep_as)[0]

    def feedback(self, question: str, reason: str, kind: str = "", detail: str = "") -> None:
        """Keep a 👍, a 👎 (with what was wrong, if the asker said) or a hand-off; storage trouble is only logged."""
        if self.recorder is None:
            return
        try:
            self.recorder.add(question, self.front_end, reason, kind, detail)
        except Exception as exc:
            log.warning("could not store feedback in %s: %s", self.recorder.path, exc)

    def _keep(self, answer: Answer, keep_as: str | None) -> None:
        """Store an unanswered question (a crash too, marked as one) so maintainers can see it."""
        if self.recorder is None or answer.answered:
            return
        try:
            if answer.kind == "error":
                self.recorder.add(keep_as or answer.question, self.front_end, ERROR, answer.kind)
            else:
                self.recorder.record(answer, self.front_end, keep_as)
        except Exception as exc:  # storage trouble must not cost the user their answer
            log.warning("could not store an unanswered question in %s: %s", self.recorder.path, exc)
