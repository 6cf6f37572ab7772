"""What the Slack listeners share: the answer service, the settings, the memory of what was seen."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.engine import Engine
from bot.service import AnswerService
from bot.settings import Settings
from bot.slack.dedupe import SeenEvents
from bot.unanswered import THUMBS_DOWN

log = logging.getLogger("bot.slack")


@dataclass
class SlackServices:
    answers: AnswerService
    settings: Settings
    seen: SeenEvents = field(default_factory=SeenEvents)

    @property
    def engine(self) -> Engine:
        return self.answers.engine

    def thumbs_down(self, question: str) -> None:
        recorder = self.answers.recorder
        if recorder is not None:
            try:
                recorder.add(question, "slack", THUMBS_DOWN)
            except Exception as exc:
                log.warning("could not store feedback: %s", exc)
