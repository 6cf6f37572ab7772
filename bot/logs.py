"""Logging set-up: one JSON object a line, level from the settings, and no secret ever written out.

A log collector (Docker, journald, Loki, CloudWatch) reads one JSON object a line without parsing
rules. The formatter is the standard library's, 20 lines: python-json-logger would do the same
and more we do not need, for another package in the image and ~12 ms at every start.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime

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
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            record.fields = {k: self.redact(v) if isinstance(v, str) else v for k, v in fields.items()}
        return True


class JsonLines(logging.Formatter):
    """time, level, logger, message, then the event's own fields (`extra={"fields": {...}}`)."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, "fields", None)
        if isinstance(fields, dict):
            line |= {k: v for k, v in fields.items() if k not in line}  # an event cannot hide the basics
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            line["exception"] = record.exc_text
        if record.stack_info:
            line["stack"] = self.formatStack(record.stack_info)
        return json.dumps(line, ensure_ascii=False, default=str)


SDK_LOGGERS = ("slack_sdk", "slack_bolt", "bot.slack.bolt", "websocket", "waitress")
"""Never below INFO, even at LOG_LEVEL=DEBUG: their debug lines hold request and message bodies."""


def setup_logging(default_level: str = "WARNING", settings: Settings | None = None) -> None:
    """Log to stderr at `$LOG_LEVEL` (else the default), the configured secrets redacted."""
    settings = settings or Settings.from_env()
    level_name = (settings.log_level or default_level).upper()
    level = logging.getLevelName(level_name)
    if not isinstance(level, int):
        level = logging.getLevelName(default_level)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines())
    handler.addFilter(RedactSecrets(settings.secrets))
    root = logging.getLogger()
    for existing in list(root.handlers):
        if getattr(existing, "_bot_handler", False):
            root.removeHandler(existing)
    handler._bot_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    for name in SDK_LOGGERS:  # at DEBUG they write every message sent and received: people's words
        logging.getLogger(name).setLevel(max(level, logging.INFO))
