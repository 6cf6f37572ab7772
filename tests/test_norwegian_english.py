"""Norwegian questions about knowledge written in English: a word the knowledge lacks meets a
text's word in its English form (`bot/language/norwegian_english.py`)."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.language.norwegian_english import english_forms
from bot.language.text import keys


def _key(word: str) -> str:
    return keys(word)[0]


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("booker", ("book",)),  # a present tense off its ending, looked up
        ("ansvaret", ("responsible",)),  # a definite form
        ("vêrstasjonane", ("weather", "station")),  # a nynorsk compound, both parts in the list
        ("båttoktet", ("boat", "campaign")),
        ("opptaksstudio", ("recording", "studio")),  # joined by an 's'
    ],
)
def test_a_norwegian_word_is_read_in_english(word, reading):
    assert reading in english_forms(_key(word))


@pytest.mark.parametrize(("word", "begins"), [("koordinerer", "coordin"), ("stasjonar", "station")])
def test_a_shared_word_is_spelled_as_english_begins_it(word, begins):
    assert any(form[0].startswith(begins) for form in english_forms(_key(word)))


@pytest.mark.parametrize("word", ["hvem", "og", "tumorheterogenitet", "Transkribo", "ab"])
def test_a_word_nothing_reads_has_no_english_form(word):
    assert english_forms(_key(word)) == ()


def _noted(engine: Engine, words: str) -> set[str]:
    return {p.id for p in engine.kb.people if p.note and words in p.note}


def test_who_does_a_task_a_note_names_asked_in_norwegian(glacier: Engine):
    expected = _noted(glacier, "boat campaign")
    assert len(expected) == 1
    answer = glacier.answer("hvem koordinerer båttoktet til brefrontene i august?")
    assert {r.id for r in answer.people} == expected


def test_who_books_things_a_note_names_asked_in_norwegian(glacier: Engine):
    expected = _noted(glacier, "rifles")
    assert len(expected) == 1
    answer = glacier.answer("hvem booker rifler og båter i Longyearbyen?")
    assert {r.id for r in answer.people} == expected


def test_how_many_of_a_thing_is_the_fact_not_a_theme_s_card(glacier: Engine):
    fact = next(f for f in glacier.kb.project.facts if "weather stations" in f.text)
    answer = glacier.answer("kor mange værstasjonar har me på Svalbard?")
    assert answer.kind != "theme"
    assert fact.text.split()[3] in answer.text or "12" in answer.text


def test_people_at_two_places_are_theirs_not_a_note_s(speech: Engine):
    def top(org_id: str) -> str:
        return speech.kb.orgs_by_id[org_id].parent or org_id

    expected = {p.id for p in speech.kb.people if {"ntnu", "kth"} <= {top(a.org) for a in p.affiliations}}
    assert len(expected) >= 2
    answer = speech.answer("Who is both at NTNU and at KTH?")
    assert {r.id for r in answer.people} == expected
