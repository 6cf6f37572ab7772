"""One answer service for every front end: the same logging, storing and apology wherever a question comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.service import APOLOGY, AnswerService
from bot.unanswered import ERROR, UNANSWERED, UnansweredLog
from tests.conftest import KNOWLEDGE


class BrokenEngine(Engine):
    """An engine with a bug: every question raises."""

    def converse(self, question, context=None, explain=False, about=None):  # type: ignore[override]
        raise RuntimeError("a bug in the engine")


def _reasons(log: UnansweredLog) -> list[tuple[str, str, str]]:
    from datetime import UTC, datetime

    return [(q.front_end, q.reason, q.question) for q in log.since(datetime(2000, 1, 1, tzinfo=UTC))]


@pytest.mark.parametrize("front_end", ["ask", "chat", "slack"])
def test_an_engine_crash_is_an_apology_and_is_kept_the_same_way_everywhere(tmp_path: Path, front_end: str):
    log = UnansweredLog(tmp_path / "unanswered.sqlite3")
    broken = BrokenEngine.from_directory(KNOWLEDGE)
    service = AnswerService(broken, front_end, log)
    answer, context = service.converse("who works in Bergen?")
    assert answer.kind == "error" and not answer.answered and answer.text == APOLOGY
    assert context is None
    assert _reasons(log) == [(front_end, ERROR, "who works in Bergen?")]


def test_unanswered_questions_are_kept_and_answered_ones_are_not(tmp_path: Path, engine: Engine):
    log = UnansweredLog(tmp_path / "unanswered.sqlite3")
    service = AnswerService(engine, "ask", log)
    assert service.answer("Who leads the group?").answered
    assert not service.answer("what is the wifi password in the lab?").answered
    assert _reasons(log) == [("ask", UNANSWERED, "what is the wifi password in the lab?")]


def test_storage_trouble_does_not_cost_the_answer(tmp_path: Path, engine: Engine):
    (tmp_path / "blocked").write_text("a file where the database's directory should be")
    service = AnswerService(engine, "ask", UnansweredLog(tmp_path / "blocked" / "unanswered.sqlite3"))
    answer = service.answer("what is the wifi password in the lab?")
    assert answer.kind != "error"


def test_slack_and_the_terminal_use_the_same_service(tmp_path: Path):
    from bot.slack.app import build_app
    from tests.slack_helpers import settings_for
    from tests.slack_mock import SlackMock

    with SlackMock() as mock:
        _app, services = build_app(settings_for(mock), lambda: Engine.from_directory(KNOWLEDGE))
    assert isinstance(services.answers, AnswerService) and services.answers.front_end == "slack"


def test_the_post_a_question_sits_under_reaches_the_engine():
    """Slack hands the thread's first message as `about`: 'this' is read as the post's theme."""
    service = AnswerService(Engine.from_directory(KNOWLEDGE), "slack")
    question = "who in Bergen works on this?"
    plain, _ = service.converse(question)
    under_a_post, _ = service.converse(question, about="New paper on metabolomics and chemosensitivity")
    assert "I read 'this' as theme 2" in under_a_post.text
    assert "I read 'this'" not in plain.text
