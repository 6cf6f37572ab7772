"""Ordinary language from wordfreq's lists: what the shipped list holds, and that wordfreq rebuilds it."""

from __future__ import annotations

import pytest

from bot.language import ordinary


def test_everyday_words_are_ordinary_and_rare_words_are_not():
    for word in ("flight", "monday", "visit", "ikkje", "weather", "lunsj"):
        assert ordinary.is_ordinary(word), word
    for word in ("organoids", "xylander", "gemcitabine"):
        assert not ordinary.is_ordinary(word), word
    assert ordinary.is_very_common("thing") and not ordinary.is_very_common("football")


def test_the_shipped_list_is_what_wordfreq_builds():
    pytest.importorskip("wordfreq")
    assert ordinary.WORD_FILE.read_text(encoding="utf-8") == ordinary.build_word_file()
