"""The bot's own exceptions: front ends turn them into one calm line each."""

from __future__ import annotations


class BotError(Exception):
    """Base of every error the bot raises on purpose."""


class KnowledgeError(BotError):
    """The knowledge base cannot be used; `problems` holds one line per problem.

    Each line names the file and line ("people.yaml:12: ..."), so a maintainer
    who is not a programmer can find and fix it.
    """

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


class ConfigError(BotError):
    """A setting (environment variable or flag) is missing or malformed."""
