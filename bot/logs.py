"""Logging set-up: level from the environment, and no secret ever written out."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

from bot.settings import Settings

_TOKEN = re.compile(r"\b(xox[a-z]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+)")


class RedactSecrets(logging.Filter):
    """Replace Slack tokens and the configured secrets in every log record."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = [v for v in secrets if len(v) >= 8]

    def redact(self, text: str) -> str:
        text = _TOKEN.sub("[redacted]", text)
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self.redact(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(default_level: str = "WARNING", settings: Settings | None = None) -> None:
    """Log to stderr at `$LOG_LEVEL` (else the default), the configured secrets redacted."""
    settings = settings or Settings.from_env()
    level_name = (settings.log_level or default_level).upper()
    level = logging.getLevelName(level_name)
    if not isinstance(level, int):
        level = logging.getLevelName(default_level)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(settings.secrets))
    root = logging.getLogger()
    for existing in list(root.handlers):
        if getattr(existing, "_bot_handler", False):
            root.removeHandler(existing)
    handler._bot_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
