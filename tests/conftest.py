"""Shared fixtures: the bundled knowledge, an engine on it, and a private data directory."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
KNOWLEDGE = ROOT / "knowledge"
DATA = Path(__file__).resolve().parent / "data"
OTHER_GROUP = DATA / "other_group"


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test writes to the real per-user data directory."""
    directory = tmp_path / "data"
    monkeypatch.setenv("BOT_DATA_DIR", str(directory))
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "BOT_KNOWLEDGE_DIR"):
        monkeypatch.delenv(name, raising=False)
    return directory


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_directory(KNOWLEDGE)


@pytest.fixture(scope="session")
def other_engine() -> Engine:
    return Engine.from_directory(OTHER_GROUP)


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled knowledge, for tests that break it."""
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    return target
