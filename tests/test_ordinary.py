"""Ordinary language from wordfreq's lists: what it holds, and its cache."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bot.language import ordinary
from tests.conftest import ROOT


def test_everyday_words_are_ordinary_and_rare_words_are_not():
    for word in ("flight", "monday", "visit", "ikkje", "weather", "lunsj"):
        assert ordinary.is_ordinary(word), word
    for word in ("organoids", "xylander", "gemcitabine"):
        assert not ordinary.is_ordinary(word), word
    assert ordinary.is_very_common("thing") and not ordinary.is_very_common("football")


def _is_ordinary_in_a_fresh_process(cache_home: Path, word: str) -> str:
    code = f"from bot.language.ordinary import is_ordinary; print(is_ordinary({word!r}))"
    env = {"XDG_CACHE_HOME": str(cache_home), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_cache_is_written_once_and_a_broken_one_is_rebuilt(tmp_path: Path):
    assert _is_ordinary_in_a_fresh_process(tmp_path, "flight") == "True"
    cached = list((tmp_path / "research-group-bot").glob("ordinary-words-*.txt"))
    assert len(cached) == 1 and "flight" in cached[0].read_text(encoding="utf-8").split("\n")
    cached[0].write_text("garbage", encoding="utf-8")  # no blank line between the two lists: not a cache
    assert _is_ordinary_in_a_fresh_process(tmp_path, "flight") == "True"
    assert "flight" in cached[0].read_text(encoding="utf-8").split("\n")


def test_an_unwritable_cache_costs_nothing_but_time(tmp_path: Path):
    blocked = tmp_path / "file"
    blocked.write_text("not a directory", encoding="utf-8")
    assert _is_ordinary_in_a_fresh_process(blocked, "flight") == "True"
