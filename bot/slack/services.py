"""What the Slack listeners share: the answer service, the settings, the conversations, what was seen."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.engine import Engine
from bot.service import AnswerService
from bot.settings import Settings
from bot.slack.dedupe import SeenEvents
from bot.slack.onboarding import Onboarding
from bot.slack.threads import Threads


@dataclass
class SlackServices:
    answers: AnswerService
    settings: Settings
    onboarding: Onboarding
    seen: SeenEvents = field(default_factory=SeenEvents)
    threads: Threads = field(default_factory=Threads)

    @property
    def engine(self) -> Engine:
        return self.answers.engine
