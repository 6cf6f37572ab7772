"""One structured line per question; level from the environment; secrets never logged."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest

from bot.logs import setup_logging
from tests.conftest import ROOT

TOKEN = "xoxb-1234567890-abcdefghijkl"
SECRET = "0123456789abcdef0123456789abcdef"


def test_each_question_logs_one_structured_line():
    env = {**os.environ, "LOG_LEVEL": "INFO"}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--batch"],
        input="who is in Bergen\nwhat is the weather\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    )
    lines = [line for line in result.stderr.splitlines() if '"event": "question"' in line]
    assert len(lines) == 2
    first = json.loads(lines[0].split("bot.questions: ", 1)[1])
    assert first.keys() == {"event", "front_end", "kind", "answered", "confidence", "ms"}
    assert first["front_end"] == "ask" and first["answered"] is True
    assert json.loads(lines[1].split("bot.questions: ", 1)[1])["answered"] is False
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
    err = capsys.readouterr().err
    assert TOKEN not in err and SECRET not in err and "xapp-1-A0-999999" not in err
    assert err.count("[redacted]") >= 4


def test_level_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LOG_LEVEL", "ERROR")
    setup_logging("INFO")
    assert logging.getLogger().level == logging.ERROR
    monkeypatch.setenv("LOG_LEVEL", "nonsense")
    setup_logging("INFO")
    assert logging.getLogger().level == logging.INFO
