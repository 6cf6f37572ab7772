"""The typed query: filters with polarity and how they combine, evaluated by the executor."""

from __future__ import annotations

import pytest

from bot.answering.executor import select
from bot.understanding import query as q
from bot.understanding.parser import parse
from bot.understanding.reader import read


def _read(engine, question: str) -> q.Query:
    return read(parse(question, engine.index), engine.index)


def _selected(engine, question: str) -> list[str]:
    return sorted(engine.kb.people_by_id[i].name for i in select(_read(engine, question), engine.index))


@pytest.mark.parametrize(
    "question",
    [
        "Which collaborators don't work in Sweden?",
        "which collaborators arent in Sweden",
        "Which collaborators are not in Sweden?",
        "Kven av samarbeidspartnarane er ikkje i Sverige?",
        "collaborators other than the ones in Sweden",
    ],
)
def test_a_negation_removes_what_it_names(engine, question):
    assert _selected(engine, question) == ["Jérôme Cros", "Lars O. Dragsted", "Marco Del Chiaro"]


def test_a_negated_kind_of_organisation_means_no_affiliation_there(engine):
    for question in ("Who is not at a hospital?", "Who has no hospital affiliation?"):
        names = _selected(engine, question)
        assert "Kjetil Taskén" in names and "Anders Molven" in names
        assert "Caroline S. Verbeke" not in names  # a hospital affiliation besides the university


def test_both_and_requires_every_value_while_or_takes_any(engine):
    both = _read(engine, "Is anyone at both OUS and UiO?")
    assert both.filters_of(q.PLACE)[0].all_of
    assert _selected(engine, "Is anyone at both OUS and UiO?") == ["Caroline S. Verbeke", "Stein Kaasa"]
    assert len(_selected(engine, "Who is at OUS or UiO?")) == 6
    assert _selected(engine, "Is there anyone working in both Sweden and Denmark?") == []


def test_a_negation_runs_on_through_and(engine):
    question = "Apart from the group leader and the international collaborators, who takes part?"
    names = _selected(engine, question)
    assert len(names) == 7 and "Caroline S. Verbeke" not in names and "Jan Borén" not in names


def test_outside_a_continent(engine):
    assert _selected(engine, "Which collaborators are outside Europe?") == ["Marco Del Chiaro"]
    assert _selected(engine, "who do we know in north america") == ["Marco Del Chiaro"]


def test_a_person_named_after_except_is_excluded_not_asked_about(engine):
    query = _read(engine, "Besides Caroline Verbeke, who works at Oslo University Hospital?")
    assert query.excluded == ("caroline-verbeke",) and query.people == ()
    assert len(_selected(engine, "Besides Caroline Verbeke, who works at Oslo University Hospital?")) == 4


def test_every_word_is_accounted_for(engine):
    words = {w.text: w.use for w in _read(engine, "who in Bergen studies organoids").words}
    assert words["Bergen"] == q.UNDERSTOOD
    assert words["organoids"] == q.UNKNOWN_WORD


def test_a_query_survives_a_round_trip_through_json(engine):
    query = _read(engine, "Is anyone at both OUS and UiO but not in Bergen?")
    assert q.Query.from_dict(query.to_dict()) == query
