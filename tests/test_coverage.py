"""How much of a question an answer explains: ordinary words, unknown words, context sentences."""

from __future__ import annotations

from bot.understanding.coverage import coverage
from bot.understanding.parser import parse


def test_context_sentences_weigh_less_than_the_question(engine):
    rambling = parse(
        "My flight lands in Bergen on Monday and the meeting starts on Tuesday. Is there someone I could visit?",
        engine.index,
    )
    asked = parse("who in Bergen plays football", engine.index)
    assert coverage(rambling) > 0.5 > coverage(asked)


def test_an_answer_that_leaves_words_out_names_them(engine):
    answer = engine.answer("For the annual report I need a list of everyone in the group who is based in Norway.")
    assert len(answer.people) == 8
    assert "'annual' and 'report'" in answer.text


def test_words_nothing_explains_stop_an_answer(engine):
    for question in (
        "who in Bergen plays football",
        "What's the wifi password for the lab?",
        "Who is the lab manager?",
    ):
        answer = engine.answer(question)
        assert not answer.people and not answer.answered, question


def test_an_attribute_the_knowledge_lacks_is_said_to_be_unknown(engine):
    answer = engine.answer("What's Elin Kure's email?")
    assert [p.name for p in answer.people] == ["Elin Kure"]
    assert not answer.answered and "e-mail" in answer.headline
    title = engine.answer("what is Verbeke's title?")
    assert "Professor" in title.headline and title.answered


def test_who_works_on_a_theme_names_the_leader_as_the_one_to_ask(engine):
    answer = engine.answer("Who works on metabolomics?")
    assert [t.number for t in answer.themes] == [2]
    assert [p.name for p in answer.people] == ["Caroline S. Verbeke"]
    assert "does not say who works on" in answer.text
