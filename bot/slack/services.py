"""What the Slack listeners share: the answer service, the settings, the conversations, what was seen."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.engine import Engine
from bot.service import AnswerService
from bot.settings import Settings
from bot.slack.answered import AnsweredQuestions
from bot.slack.dedupe import SeenEvents
from bot.slack.onboarding import Onboarding
from bot.slack.posts import Posts
from bot.slack.threads import Threads


@dataclass
class SlackServices:
    answers: AnswerService
    settings: Settings
    onboarding: Onboarding
    seen: SeenEvents = field(default_factory=SeenEvents)
    threads: Threads = field(default_factory=Threads)
    answered: AnsweredQuestions = field(default_factory=AnsweredQuestions)
    posts: Posts = field(default_factory=Posts)
    """The posts questions sit under ("who works on *this*?"), fetched once per thread."""
    clock: Callable[[], float] = time.time
    """Wall-clock seconds, compared with Slack's message ts (the edit window); tests set their own."""

    @property
    def engine(self) -> Engine:
        return self.answers.engine
