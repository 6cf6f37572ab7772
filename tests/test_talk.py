"""Small talk and the FAQ: greetings answered in kind, an FAQ entry found by its question's wording,
and a first name that two people share answered with both, never a guess.

The knowledge is the frozen fixture, copied and given what these need (an FAQ entry, a second
person with an existing first name), so the bundled knowledge is never read.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.answer import EXAMPLES
from bot.engine import Engine

FAQ_ANSWER = "Ring the night bell; the porter lets members in until 22:00."


@pytest.fixture(scope="module")
def extended(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    import shutil

    from tests.conftest import KNOWLEDGE

    target = tmp_path_factory.mktemp("knowledge") / "knowledge"
    shutil.copytree(KNOWLEDGE, target)
    faq = [
        {
            "id": "after-hours",
            "questions": ["How do I get in after hours?", "Hvordan kommer jeg inn etter stengetid?"],
            "answer": FAQ_ANSWER,
        }
    ]
    (target / "faq.yaml").write_text(yaml.safe_dump(faq, allow_unicode=True), encoding="utf-8")
    people = target / "people.yaml"
    second_elin = "- id: elin-nilsen\n  name: Elin Nilsen\n  role: collaborator\n  affiliations:\n    - org: uib\n"
    people.write_text(people.read_text(encoding="utf-8") + second_elin, encoding="utf-8")
    return Engine.from_directory(target)


@pytest.mark.parametrize(
    ("greeting", "language"),
    [
        ("hi", "en"),
        ("Hello!", "en"),
        ("hei", "no"),
        ("god morgen", "no"),
    ],
)
def test_a_greeting_is_answered_with_what_the_bot_can_do(engine: Engine, greeting: str, language: str):
    answer = engine.answer(greeting)
    assert answer.kind == "greeting" and answer.answered
    name = engine.kb.project.name_no if language == "no" else engine.kb.project.name
    assert name and name in answer.text, "in the greeting's language, naming the group's project"
    examples = [part for part in answer.parts if part.kind == EXAMPLES]
    assert examples and len(examples[0].text) >= 3, "a greeting shows questions to try"


@pytest.mark.parametrize(
    "texts",
    [("thanks!", "bye", "takk"), ("thanks!", "bye", "takk", "ha det")],
)
def test_thanks_and_goodbye_are_short_replies_in_the_question_s_language(engine: Engine, texts: tuple[str, ...]):
    replies = {text: engine.answer(text) for text in texts}
    assert all(a.kind == "greeting" and a.answered and not a.parts for a in replies.values()), "no help after thanks"
    assert len({a.text for a in replies.values()}) == len(texts), "thanks and bye differ, and so do the languages"
    assert replies["takk"].language == "no" and replies["thanks!"].language == "en"


def test_a_greeting_with_a_question_answers_the_question(engine: Engine):
    answer = engine.answer("hi, who works in Bergen?")
    assert answer.kind == "people" and [p.name for p in answer.people] == ["Anders Molven"]


def test_a_greeting_with_an_unknown_word_is_not_small_talk(engine: Engine):
    answer = engine.answer("hello football")
    assert answer.kind != "greeting" and not answer.answered


def test_the_faq_is_found_by_its_question_s_words(extended: Engine):
    for asked in ("How do I get in after hours?", "get in after hours", "Hvordan kommer jeg inn etter stengetid?"):
        answer = extended.answer(asked)
        assert answer.kind == "faq" and answer.text == FAQ_ANSWER, asked


def test_the_faq_s_fuzzy_fallback_reads_a_close_wording(extended: Engine):
    """'inside' is no word of the entry, so ranking finds nothing; the whole wording is close enough."""
    answer = extended.answer("How do I get inside after hours?")
    assert answer.kind == "faq" and answer.text == FAQ_ANSWER
    assert 0.9 <= answer.confidence < 1, "found by the wording's closeness, and it says so"
    assert not extended.answer("how do I get in").answered, "a vague wording is not close enough"


@pytest.mark.parametrize("question", ["who is Elin?", "Elin", "where does Elin work?"])
def test_a_first_name_two_people_share_names_both_and_picks_neither(extended: Engine, question: str):
    answer = extended.answer(question)
    assert not answer.answered and not answer.people, "no guess between the two"
    assert "Elin Kure" in answer.text and "Elin Nilsen" in answer.text
    assert {s for s in answer.suggestions if "Elin" in s} == {"Who is Elin Kure?", "Who is Elin Nilsen?"}


def test_a_full_name_is_not_ambiguous_and_the_fixture_alone_has_one_elin(extended: Engine, engine: Engine):
    assert [p.name for p in extended.answer("who is Elin Kure?").people] == ["Elin Kure"]
    assert [p.name for p in extended.answer("who is Elin Nilsen?").people] == ["Elin Nilsen"]
    assert [p.name for p in engine.answer("who is Elin?").people] == ["Elin Kure"]


def test_the_extended_knowledge_is_a_copy(extended: Engine):
    from tests.conftest import KNOWLEDGE

    assert "Elin Nilsen" not in Path(KNOWLEDGE / "people.yaml").read_text(encoding="utf-8")
