"""Shared fixtures: the frozen fixture knowledge, an engine on it, and a private data directory.

Tests run on `tests/fixtures/knowledge`, a frozen copy, so that maintainers can edit the bundled
`knowledge/` without breaking CI; only `test_bundled_knowledge.py` reads the bundled one.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.engine import Engine
from tests.slack_mock import SlackMock

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_KNOWLEDGE = ROOT / "knowledge"
KNOWLEDGE = Path(__file__).resolve().parent / "fixtures" / "knowledge"
DATA = Path(__file__).resolve().parent / "data"
OTHER_GROUP = DATA / "other_group"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test writes to the real per-user data directory."""
    directory = tmp_path / "data"
    monkeypatch.setenv("BOT_DATA_DIR", str(directory))
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BOT_KNOWLEDGE_DIR", str(KNOWLEDGE))  # subprocesses too: never the bundled knowledge
    return directory


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_directory(KNOWLEDGE)


@pytest.fixture(scope="session")
def other_engine() -> Engine:
    return Engine.from_directory(OTHER_GROUP)


# Other groups' knowledge, each written from knowledge/README.md alone (tests/data/kb_*): one engine each
# for the whole run, as the bundled group's.
@pytest.fixture(scope="session")
def glacier() -> Engine:
    return Engine.from_directory(DATA / "kb_glacier")


@pytest.fixture(scope="session")
def speech() -> Engine:
    return Engine.from_directory(DATA / "kb_speech")


@pytest.fixture(scope="session")
def wind() -> Engine:
    return Engine.from_directory(DATA / "kb_wind")


@pytest.fixture
def mock() -> Iterator[SlackMock]:
    """A local mock of Slack's Web API for one test (tests/slack_mock.py)."""
    with SlackMock() as server:
        yield server


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture knowledge, for tests that break it."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target
