"""One structured line per question; level from the environment; secrets never logged."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from datetime import datetime

import pytest

from bot.logs import setup_logging
from tests.conftest import ROOT

TOKEN = "xoxb-1234567890-abcdefghijkl"
SECRET = "0123456789abcdef0123456789abcdef"


BASE_FIELDS = {"time", "level", "logger", "message"}


def json_lines(text: str) -> list[dict]:
    """Every line of a log, each parsed as the JSON object it must be."""
    return [json.loads(line) for line in text.splitlines()]


def test_each_question_logs_one_json_line():
    env = {**os.environ, "LOG_LEVEL": "INFO"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--batch"],
        input="who is in Bergen\nwhat is the weather\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    records = json_lines(result.stderr)
    questions = [r for r in records if r.get("event") == "question"]
    assert len(questions) == 2
    first = questions[0]
    assert first.keys() == BASE_FIELDS | {"event", "front_end", "kind", "answered", "confidence", "ms"}
    assert first["logger"] == "bot.questions" and first["level"] == "INFO" and first["message"] == "question"
    assert datetime.fromisoformat(first["time"]).tzinfo is not None
    assert first["front_end"] == "ask" and first["answered"] is True
    assert questions[1]["answered"] is False
    assert "Bergen" not in result.stderr, "the question's text is not logged"


def test_default_terminal_level_keeps_the_chat_clean():
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "who is in Bergen"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.stderr == ""


def test_tokens_and_secrets_never_reach_the_log(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    monkeypatch.setenv("SLACK_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("SLACK_SIGNING_SECRET", SECRET)
    setup_logging("DEBUG")
    log = logging.getLogger("bot.test")
    log.info("calling Slack with %s", TOKEN)
    log.warning("secret is " + SECRET)
    log.error("another token xapp-1-A0-999999 appeared")
    try:
        raise RuntimeError(f"auth failed for {TOKEN}")
    except RuntimeError:
        log.exception("request failed")
    log.warning("refused", extra={"fields": {"detail": f"token {TOKEN}"}})
    err = capsys.readouterr().err
    assert TOKEN not in err and SECRET not in err and "xapp-1-A0-999999" not in err
    assert err.count("[redacted]") >= 5
    records = json_lines(err)  # a traceback too stays inside its one line
    assert len(records) == 5 and all(r.keys() >= BASE_FIELDS for r in records)
    assert "RuntimeError" in records[3]["exception"] and records[4]["detail"] == "token [redacted]"


def test_level_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LOG_LEVEL", "ERROR")
    setup_logging("INFO")
    assert logging.getLogger().level == logging.ERROR
    monkeypatch.setenv("LOG_LEVEL", "nonsense")
    setup_logging("INFO")
    assert logging.getLogger().level == logging.INFO


def test_debug_never_writes_what_people_wrote_through_the_sdks(monkeypatch: pytest.MonkeyPatch, capsys):
    monkeypatch.setenv("LOG_LEVEL", "DEBUG")
    setup_logging("INFO")
    for name in ("slack_sdk.web.base_client", "slack_bolt.App", "bot.slack.bolt"):
        logging.getLogger(name).debug("Sending a request - body: {'text': 'zorblaxsecret question'}")
    logging.getLogger("bot.test").debug("the bot's own debug line")
    err = capsys.readouterr().err
    assert "zorblaxsecret" not in err and "the bot's own debug line" in err
