"""Several questions in one message get one answer part each, in order, in one reply."""

from __future__ import annotations

from bot.answering.several import questions_in


def test_two_questions_two_parts_and_the_union_of_their_people(engine):
    bergen = set(engine.index.people_by_city["Bergen"])
    answer = engine.answer("What are the research themes? And who is in Bergen?")
    assert answer.kind == "several"
    assert {t.number for t in answer.themes} == {t.number for t in engine.kb.themes}
    assert {p.id for p in answer.people} == bergen
    titled = [part.title for part in answer.parts if part.title]
    assert titled and "Bergen" in titled[0]  # the second answer under its own headline
    assert {p["id"] for p in answer.to_json()["people"]} == bergen


def test_a_later_fragment_is_read_in_the_light_of_the_first(engine):
    stockholm = set(engine.index.people_by_city["Stockholm"])
    bergen = set(engine.index.people_by_city["Bergen"])
    answer = engine.answer("who works in Stockholm? and in Bergen?")
    assert {p.id for p in answer.people} == stockholm | bergen


def test_what_is_not_a_question_stays_with_the_question_before():
    assert questions_in("who is in Bergen? need names asap, thanks!!") == [
        "who is in Bergen? need names asap, thanks!!"
    ]
    assert questions_in("Does the group use X? Which theme is that?") == ["Does the group use X? Which theme is that?"]
    assert len(questions_in("a? b? c? d?")) == 3


def test_a_question_beside_another_matter_is_one_answer(engine):
    answer = engine.answer("is the printer fixed? also who is our contact in Bergen?")
    assert answer.kind != "several"
    assert {p.id for p in answer.people} == set(engine.index.people_by_city["Bergen"])


def test_a_second_question_after_a_comma_and_and(engine):
    bergen = set(engine.index.people_by_city["Bergen"])
    stavanger = set(engine.index.people_by_city["Stavanger"])
    answer = engine.answer("Hvem jobber i Bergen, og hvem jobber i Stavanger?")
    assert {p.id for p in answer.people} == bergen | stavanger


def test_a_question_about_the_person_just_named_stays_one_question(engine):
    """'Who leads the group, and which hospital department is she in?': 'she' is the leader."""
    answer = engine.answer("Who leads the group, and which hospital department is she in?")
    assert {p.id for p in answer.people} == {engine.kb.project.leader}


def test_a_later_question_of_its_own_is_not_read_as_which_of_them():
    from bot.answering.several import asks_on_its_own

    assert asks_on_its_own("Og hvem jobber ved Samisk høgskole?")
    assert not asks_on_its_own("and which of them are postdocs?")
    assert not asks_on_its_own("which uni?")
