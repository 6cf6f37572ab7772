"""Kinds of failure found by round Y's held-out sets (new writers, and a fourth group's knowledge,
`kb_wind`, whose themes name their leaders in words). Each test failed before its fix; expected
people come from the knowledge itself."""

from __future__ import annotations

import re

import pytest

from bot.engine import Engine
from tests.conftest import DATA, ROOT


@pytest.fixture(scope="module")
def wind() -> Engine:
    return Engine.from_directory(DATA / "kb_wind")


@pytest.fixture(scope="module")
def glacier() -> Engine:
    return Engine.from_directory(DATA / "kb_glacier")


@pytest.fixture(scope="module")
def speech() -> Engine:
    return Engine.from_directory(DATA / "kb_speech")


@pytest.fixture(scope="module")
def bundled() -> Engine:
    return Engine.from_directory(ROOT / "knowledge")


def _named(answer) -> set[str]:
    return {ref.id for ref in answer.people}


def _noted_leader(engine: Engine, number: int) -> set[str]:
    """Whose note says they lead theme `number`."""
    return {p.id for p in engine.kb.people if p.note and re.search(rf"\bLeads theme {number}\b", p.note)}


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5])
def test_who_leads_a_theme_is_the_theme_leader_not_the_group_leader(wind, number):
    expected = _noted_leader(wind, number)
    assert expected and wind.kb.project.leader not in expected
    assert _named(wind.answer(f"who leads theme {number}?")) == expected
    assert _named(wind.answer(f"Hvem leder tema {number}?")) == expected


def test_a_theme_named_by_its_title_has_its_leader(wind):
    theme = next(t for t in wind.kb.themes if t.number == 3)
    words = theme.title.lower().split()[0]  # the title's first word, as people shorten it
    assert _named(wind.answer(f"who leads the {words} theme")) == _noted_leader(wind, 3)


def test_a_theme_whose_texts_name_no_leader_gets_no_leader(glacier):
    answer = glacier.answer("who leads theme 1?")
    assert glacier.kb.project.leader not in _named(answer)
    assert not answer.answered


def test_who_leads_something_a_note_names_is_that_person(speech):
    noted = next(p for p in speech.kb.people if p.note and "fieldwork" in p.note)
    corpus = re.search(r"the (\w+ Speech Corpus)", noted.note).group(1)
    assert _named(speech.answer(f"who leads fieldwork for {corpus}")) == {noted.id}
