"""Knowledge files are read only when they are regular files of a sane size; the error names the file."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge.files import MAX_FILE_BYTES
from bot.knowledge.loader import load_knowledge
from bot.knowledge.reload import KnowledgeSource
from tests.conftest import ROOT


def _finishes(function, timeout: float = 5.0) -> object:
    """Run `function` in a thread; fail (instead of hanging the suite) if it blocks."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(_outcome(function)), daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "blocked reading the knowledge"
    return result[0]


def _outcome(function) -> object:
    try:
        return function()
    except Exception as exc:
        return exc


def test_a_fifo_in_place_of_a_file_is_refused_by_name(knowledge_copy: Path):
    (knowledge_copy / "faq.yaml").unlink()
    os.mkfifo(knowledge_copy / "faq.yaml")
    error = _finishes(lambda: load_knowledge(knowledge_copy))
    assert isinstance(error, KnowledgeError)
    assert error.problems == ["faq.yaml: not a regular file (a FIFO); only regular files are read"]


def test_check_does_not_hang_on_a_fifo(knowledge_copy: Path):
    (knowledge_copy / "faq.yaml").unlink()
    os.mkfifo(knowledge_copy / "faq.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--knowledge", str(knowledge_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 1
    assert "faq.yaml: not a regular file" in done.stderr


def test_the_reloader_refuses_a_fifo_and_keeps_serving(knowledge_copy: Path):
    reported: list[list[str]] = []
    source = KnowledgeSource(knowledge_copy, on_error=reported.append, settle=0)
    (knowledge_copy / "faq.yaml").unlink()
    os.mkfifo(knowledge_copy / "faq.yaml")
    assert _finishes(source.check_now) is False
    assert reported == [["faq.yaml: not a regular file (a FIFO); only regular files are read"]]
    assert source.engine.answer("who is Elin Kure").people[0].name == "Elin Kure"


def test_a_symlink_to_dev_zero_is_refused(knowledge_copy: Path):
    (knowledge_copy / "people.yaml").unlink()
    (knowledge_copy / "people.yaml").symlink_to("/dev/zero")
    error = _finishes(lambda: load_knowledge(knowledge_copy))
    assert isinstance(error, KnowledgeError)
    assert error.problems == ["people.yaml: not a regular file (a character device); only regular files are read"]


def test_a_file_over_the_size_limit_is_refused_without_reading_it(knowledge_copy: Path):
    os.truncate(knowledge_copy / "themes.yaml", MAX_FILE_BYTES + 1)  # sparse: costs no disk
    error = _finishes(lambda: load_knowledge(knowledge_copy))
    assert isinstance(error, KnowledgeError)
    megabytes = MAX_FILE_BYTES // 2**20
    assert error.problems == [f"themes.yaml: larger than the limit of {megabytes} MB; is it the right file?"]


@pytest.mark.parametrize("name", ["people.yaml", "faq.yaml"])
def test_a_symlink_to_a_regular_file_is_still_read(knowledge_copy: Path, tmp_path: Path, name: str):
    real = tmp_path / f"real-{name}"
    (knowledge_copy / name).rename(real)
    (knowledge_copy / name).symlink_to(real)
    assert load_knowledge(knowledge_copy).people
