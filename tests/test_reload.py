"""Live reload: good edits are served within seconds, bad ones refused with file and line."""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.errors import KnowledgeError
from bot.knowledge.last_good import LastGood
from bot.knowledge.loader import load_knowledge
from bot.knowledge.reload import KnowledgeSource
from tests.slack_mock import wait_until


def _edit(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    _bump(path)


def _bump(path: Path) -> None:
    """Make sure the modification time moves even on coarse file systems."""
    later = time.time() + 1
    os.utime(path, (later, later))


def test_a_good_edit_is_served_without_restart(knowledge_copy: Path):
    source = KnowledgeSource(knowledge_copy, interval=0.05, settle=0.1)
    assert source.engine.answer("who is Elin Kure").people[0].name == "Elin Kure"
    source.start()
    try:
        _edit(knowledge_copy / "people.yaml", "name: Elin Kure", "name: Elin H. Kure")
        wait_until(lambda: source.engine.answer("who is Elin Kure").people[0].name == "Elin H. Kure", timeout=3)
    finally:
        source.stop()


def test_a_broken_edit_is_refused_and_the_last_good_knowledge_keeps_serving(knowledge_copy: Path, caplog):
    reported: list[list[str]] = []
    source = KnowledgeSource(knowledge_copy, on_error=reported.append, settle=0)
    _edit(knowledge_copy / "people.yaml", "  - org: uib", "  - org: uibb")
    with caplog.at_level(logging.ERROR, logger="bot.knowledge.reload"):
        assert source.check_now() is False
    assert [p.name for p in source.engine.answer("who works in Bergen").people] == ["Anders Molven"]
    assert reported and "people.yaml:" in reported[0][0] and "'uibb'" in reported[0][0]
    assert "people.yaml:" in caplog.text and "uibb" in caplog.text
    assert source.check_now() is False, "the same broken edit is reported once"
    assert len(reported) == 1


def test_fixing_the_edit_serves_it(knowledge_copy: Path):
    source = KnowledgeSource(knowledge_copy, settle=0)
    _edit(knowledge_copy / "themes.yaml", "number: 5", "number: five")
    assert source.check_now() is False
    _edit(knowledge_copy / "themes.yaml", "number: five", "number: 5")
    _edit(knowledge_copy / "themes.yaml", "title: Precision-cut ex vivo culture system", "title: Precision-cut slices")
    assert source.check_now() is True
    assert source.engine.answer("theme 5").themes[0].title == "Precision-cut slices"


def _first_people(text: str, count: int) -> str:
    """The file cut after `count` people: what a reader sees in the middle of a save."""
    starts = [i for i in range(len(text)) if text.startswith("- id:", i)]
    return text[: starts[count]]


def test_a_save_in_two_steps_is_served_only_once_finished(knowledge_copy: Path):
    people = knowledge_copy / "people.yaml"
    full = people.read_text(encoding="utf-8").replace("name: Elin Kure", "name: Elin H. Kure")
    half = _first_people(full, 3)
    people.write_text(half, encoding="utf-8")
    assert len(load_knowledge(knowledge_copy).people) == 3, "the half-written file alone would be accepted"
    people.write_text(full.replace("name: Elin H. Kure", "name: Elin Kure"), encoding="utf-8")

    served: list[Engine] = []
    source = KnowledgeSource(knowledge_copy, on_reload=served.append, interval=0.02, settle=0.6)
    source.start()
    try:
        people.write_text(half, encoding="utf-8")  # step one: truncate and write a part
        _bump(people)
        looked = source.looks
        wait_until(lambda: source.looks >= looked + 3)  # the reloader has seen the half-written file
        people.write_text(full, encoding="utf-8")  # step two, after a pause
        wait_until(lambda: len(served) >= 1)
    finally:
        source.stop()
    assert [len(engine.kb.people) for engine in served] == [14]
    assert source.engine.answer("who is Elin Kure").people[0].name == "Elin H. Kure"


@pytest.mark.parametrize("how", ["vanished", "emptied"])
def test_a_file_that_vanished_or_became_empty_is_refused(knowledge_copy: Path, how: str):
    reported: list[list[str]] = []
    source = KnowledgeSource(knowledge_copy, on_error=reported.append, settle=0)
    themes = knowledge_copy / "themes.yaml"
    if how == "vanished":
        themes.rename(knowledge_copy / "themes.yaml.bak")  # a backup-and-rename save, caught half-way
    else:
        themes.write_bytes(b"")
        _bump(themes)
    assert source.check_now() is False
    assert len(source.engine.kb.themes) == 5
    word = "vanished" if how == "vanished" else "became empty"
    assert reported == [
        [
            f"themes.yaml: {word} since the last good version (a save in progress?); "
            "to empty it on purpose, leave [] in it"
        ]
    ]


def test_an_empty_list_on_purpose_is_served(knowledge_copy: Path):
    source = KnowledgeSource(knowledge_copy, settle=0)
    (knowledge_copy / "faq.yaml").write_text("[]\n", encoding="utf-8")
    _bump(knowledge_copy / "faq.yaml")
    assert source.check_now() is True
    assert source.engine.kb.faq == ()


def test_a_broken_edit_then_a_restart_serves_the_last_good_knowledge(knowledge_copy: Path, tmp_path: Path, caplog):
    kept = LastGood(tmp_path / "data")
    KnowledgeSource(knowledge_copy, last_good=kept)
    _edit(knowledge_copy / "people.yaml", "  - org: uib", "  - org: uibb")
    with pytest.raises(KnowledgeError):
        KnowledgeSource(knowledge_copy)  # without the copy: what a restart did before
    with caplog.at_level(logging.ERROR, logger="bot.knowledge.reload"):
        restarted = KnowledgeSource(knowledge_copy, last_good=kept)
    assert restarted.started_from_last_good
    assert [p.name for p in restarted.engine.answer("who works in Bergen").people] == ["Anders Molven"]
    assert restarted.last_problems and all("'uibb'" in p for p in restarted.last_problems)
    assert "serving the last good version" in caplog.text and "uibb" in caplog.text


def test_the_fixed_folder_replaces_the_last_good_copy(knowledge_copy: Path, tmp_path: Path):
    kept = LastGood(tmp_path / "data")
    KnowledgeSource(knowledge_copy, last_good=kept)
    _edit(knowledge_copy / "people.yaml", "  - org: uib", "  - org: uibb")
    source = KnowledgeSource(knowledge_copy, last_good=kept, settle=0)
    _edit(knowledge_copy / "people.yaml", "  - org: uibb", "  - org: uib")
    _edit(knowledge_copy / "people.yaml", "name: Elin Kure", "name: Elin H. Kure")
    assert source.check_now() is True and not source.started_from_last_good
    again = KnowledgeSource(knowledge_copy, last_good=kept)
    assert again.engine.answer("who is Elin Kure").people[0].name == "Elin H. Kure"


def test_the_last_good_copy_of_another_folder_is_not_used(knowledge_copy: Path, tmp_path: Path):
    kept = LastGood(tmp_path / "data")
    KnowledgeSource(knowledge_copy, last_good=kept)
    other = tmp_path / "other"
    other.mkdir()
    (other / "project.yaml").write_text("name: [broken\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        KnowledgeSource(other, last_good=kept)


def test_an_unwritable_data_directory_only_costs_the_copy(knowledge_copy: Path, tmp_path: Path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("", encoding="utf-8")  # a data directory that cannot be made, even by root
    with caplog.at_level(logging.WARNING):
        source = KnowledgeSource(knowledge_copy, last_good=LastGood(blocked / "data"))
    assert source.engine.kb.people
    assert caplog.text.count("could not keep a copy of the good knowledge") == 1


def test_a_stuck_reloader_makes_the_source_unhealthy(knowledge_copy: Path):
    import threading

    release = threading.Event()
    source = KnowledgeSource(
        knowledge_copy, on_reload=lambda engine: release.wait(10), interval=0.02, settle=0, stuck_after=0.3
    )
    source.start()
    try:
        assert source.healthy()
        _edit(knowledge_copy / "people.yaml", "name: Elin Kure", "name: Elin H. Kure")
        wait_until(lambda: not source.healthy(), timeout=5)
        release.set()
        wait_until(source.healthy, timeout=5)
    finally:
        release.set()
        source.stop()
