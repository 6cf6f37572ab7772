"""Behaviour of the engine beyond single phrasings: honesty, suggestions, language, contract."""

from __future__ import annotations

import pytest

from bot.engine import Engine


def names(answer) -> list[str]:
    return [p.name for p in answer.people]


def test_unknown_person_sharing_a_first_name_is_not_guessed(engine):
    answer = engine.answer("Who is Anders Hansen?")
    assert not answer.answered and answer.people == ()
    assert "Who is Anders Molven?" in answer.suggestions


def test_a_similar_surname_is_not_a_typo(engine):
    assert engine.answer("Who is Anders Andersen?").people == ()


@pytest.mark.parametrize("question", ["Who is at Harvard?", "who works at Stanford University", "anyone at MIT?"])
def test_unknown_places_are_said_to_be_unknown(engine, question):
    answer = engine.answer(question)
    assert not answer.answered
    assert answer.people == ()
    assert "don't know" in answer.text


def test_a_place_inside_an_unknown_name_is_not_the_place(engine):
    assert engine.answer("who works at Oslo Cancer Cluster").people == ()


def test_known_word_does_not_drag_in_people(engine):
    answer = engine.answer("What's the weather in Oslo?")
    assert not answer.answered and answer.people == ()


def test_dont_know_offers_examples_that_work(engine):
    answer = engine.answer("tell me a joke")
    assert not answer.answered
    examples = [line.strip() for line in answer.details if line.startswith("  ")]
    assert len(examples) >= 3
    for example in examples:
        assert engine.answer(example).answered, example


def test_typos_are_answered_and_explained(engine):
    answer = engine.answer("who is in Bergem")
    assert names(answer) == ["Anders Molven"]
    assert "'Bergem' as 'Bergen'" in answer.text
    assert answer.confidence < 1.0


def test_uncertain_guess_offers_the_corrected_question(engine):
    answer = engine.answer("who is at Karolniksa")  # two letters off
    assert answer.answered
    assert answer.confidence < 0.8
    assert answer.suggestions and "Karolinska" in answer.suggestions[0]


def test_filters_intersect(engine):
    assert names(engine.answer("who in Oslo works in oncology")) == ["Stein Kaasa"]
    assert names(engine.answer("which Karolinska collaborator is at CLINTEC")) == ["Matthias Löhr"]


def test_alternatives_unite(engine):
    assert sorted(names(engine.answer("who works in Bergen or Stavanger"))) == ["Anders Molven", "Oddmund Nordgård"]


def test_negation_removes(engine):
    answer = engine.answer("which collaborators are not in Sweden")
    assert "Jan Borén" not in names(answer) and "Jérôme Cros" in names(answer)


def test_norwegian_question_gets_norwegian_framing(engine):
    answer = engine.answer("Hvem jobber i Sverige?")
    assert answer.language == "no"
    assert answer.headline.startswith("3 personer")


def test_counts_are_digits_with_the_people_named(engine):
    answer = engine.answer("how many collaborators are outside Norway")
    assert answer.kind == "count" and "6" in answer.headline
    assert len(answer.people) == 6


def test_theme_by_ordinal_and_not_by_count(engine):
    assert [t.number for t in engine.answer("what is the fifth theme").themes] == [5]
    assert len(engine.answer("what are the five themes").themes) == 5


def test_leader_card(engine):
    answer = engine.answer("Who leads the group?")
    assert answer.kind == "leader" and names(answer) == ["Caroline S. Verbeke"]
    assert answer.sources


def test_project_facts_are_quoted(engine):
    answer = engine.answer("Why is the prognosis of pancreatic cancer so poor?")
    assert answer.kind == "facts"
    assert "late diagnosis" in answer.text


def test_help_and_empty(engine):
    for question in ["help", "", "   ", "hjelp"]:
        answer = engine.answer(question)
        assert answer.kind == "help" and answer.answered


def test_json_contract(engine):
    data = engine.answer("who is at KI").to_json()
    assert {"question", "kind", "answered", "text", "people", "themes", "confidence", "suggestions"} <= set(data)
    assert data["people"][0].keys() >= {"id", "name"}
    assert 0 <= data["confidence"] <= 1
    theme = engine.answer("theme 2").to_json()["themes"][0]
    assert theme.keys() >= {"id", "number", "title"}


def test_people_and_themes_hold_what_the_text_names(engine):
    questions = ["who works in Oslo", "What are the themes?", "Who is Elin Kure?", "tell me a joke", "which hospitals?"]
    questions += ["What is CLINTEC?", "What is the project about?", "theme 3", "how many in Sweden", "Who leads?"]
    for question in questions:
        answer = engine.answer(question)
        for person in answer.people:
            assert person.name in answer.text
        for theme in answer.themes:
            assert theme.title in answer.text


def test_explanation_names_what_matched(engine):
    answer = engine.answer("who is at Karolinka")
    assert any("Karolinka" in line and "karolinska" in line for line in answer.explanation)
    assert any(line.startswith("answer:") for line in answer.explanation)


def test_another_groups_knowledge_works_unchanged(other_engine: Engine):
    assert names(other_engine.answer("who works in Tromsø")) == ["Ingrid Solberg", "Tom Berg"]
    assert names(other_engine.answer("Who leads the lab?")) == ["Ingrid Solberg"]
    assert names(other_engine.answer("who are the postdocs")) == ["Tom Berg"]
    assert names(other_engine.answer("who works on juvenile fish")) == ["Tom Berg"]
    assert names(other_engine.answer("German collaborators")) == ["Klaus Meyer"]
    assert other_engine.answer("who works in Bergen").people == ()
    assert other_engine.answer("how do I book the boat").kind == "faq"


def test_faq_answers_what_the_group_added(other_engine: Engine):
    answer = other_engine.answer("Hvordan booker jeg båten?")
    assert answer.kind == "faq" and "station manager" in answer.text


def test_an_empty_knowledge_base_answers_calmly(tmp_path):
    (tmp_path / "project.yaml").write_text("name: A new lab\nsummary: Just started.\n", encoding="utf-8")
    (tmp_path / "people.yaml").write_text("", encoding="utf-8")
    (tmp_path / "organisations.yaml").write_text("[]\n", encoding="utf-8")
    engine = Engine.from_directory(tmp_path)
    for question in ["who is in Oslo", "help", "what are the themes", "who leads the group", "how many people", "x"]:
        answer = engine.answer(question)
        assert answer.text and answer.people == ()


def test_norwegian_function_words_are_not_greetings(engine):
    # "det" and "god" were greeting words on their own, so a question with "det" read as small talk.
    answer = engine.answer("Hva er stroma, og hvorfor er det så viktig?")
    assert answer.kind == "facts" and "stroma" in answer.text  # "why" asks for the page's reasons
    assert engine.answer("ha det").kind == "greeting"
    assert engine.answer("god morgen!").kind == "greeting"
    assert engine.answer("tusen takk").kind == "greeting"


@pytest.mark.parametrize("question", ["who is", "Hvem er", "tell me about", "kven er"])
def test_a_question_that_stops_after_its_prompt_is_answered_calmly(engine, question):
    # found by the fuzzing benchmark: the role slot after "who is" read past the last word
    answer = engine.answer(question)
    assert not answer.people
