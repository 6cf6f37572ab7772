"""Live reload: good edits are served within seconds, bad ones refused with file and line."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from bot.knowledge.reload import KnowledgeSource
from tests.slack_mock import wait_until


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    # make sure the modification time moves even on coarse file systems
    later = time.time() + 1
    import os

    os.utime(path, (later, later))


def test_a_good_edit_is_served_without_restart(knowledge_copy: Path):
    source = KnowledgeSource(knowledge_copy, interval=0.1)
    assert source.engine.answer("who is Elin Kure").people[0].name == "Elin Kure"
    source.start()
    try:
        _edit(knowledge_copy / "people.yaml", "name: Elin Kure", "name: Elin H. Kure")
        wait_until(lambda: source.engine.answer("who is Elin Kure").people[0].name == "Elin H. Kure", timeout=3)
    finally:
        source.stop()


def test_a_broken_edit_is_refused_and_the_last_good_knowledge_keeps_serving(knowledge_copy: Path, caplog):
    reported: list[list[str]] = []
    source = KnowledgeSource(knowledge_copy, on_error=reported.append, interval=0.1)
    _edit(knowledge_copy / "people.yaml", "  - org: uib", "  - org: uibb")
    with caplog.at_level(logging.ERROR, logger="bot.knowledge.reload"):
        assert source.check_now() is False
    assert [p.name for p in source.engine.answer("who works in Bergen").people] == ["Anders Molven"]
    assert reported and "people.yaml:" in reported[0][0] and "'uibb'" in reported[0][0]
    assert "people.yaml:" in caplog.text and "uibb" in caplog.text
    assert source.check_now() is False, "the same broken edit is reported once"
    assert len(reported) == 1


def test_fixing_the_edit_serves_it(knowledge_copy: Path):
    source = KnowledgeSource(knowledge_copy)
    _edit(knowledge_copy / "themes.yaml", "number: 5", "number: five")
    assert source.check_now() is False
    _edit(knowledge_copy / "themes.yaml", "number: five", "number: 5")
    _edit(knowledge_copy / "themes.yaml", "title: Precision-cut ex vivo culture system", "title: Precision-cut slices")
    assert source.check_now() is True
    assert source.engine.answer("theme 5").themes[0].title == "Precision-cut slices"
