"""Follow-ups: a turn read in the light of its own conversation, and of nothing else."""

from __future__ import annotations

import json

from bot.conversations import Conversations
from bot.understanding.followup import Context
from tests.cli_helpers import run
from tests.conversation_helpers import names, talk


def test_a_fragment_replaces_the_filter_of_its_kind(engine):
    first, second = talk(engine, "who works in Bergen?", "and in Stavanger?")
    assert names(first) == ["Anders Molven"]
    assert names(second) == ["Oddmund Nordgård"]


def test_which_of_them_narrows_the_last_answer(engine):
    _, narrowed, count = talk(
        engine, "who is at the University of Oslo?", "which of them are also at OUS?", "how many is that?"
    )
    assert names(narrowed) == ["Caroline S. Verbeke", "Stein Kaasa"]
    assert "2" in count.text


def test_a_pronoun_refers_to_the_one_person_of_the_last_answer(engine):
    _, where = talk(engine, "who leads the group?", "where does she work?")
    assert names(where) == ["Caroline S. Verbeke"]
    assert "Pathology" in where.text


def test_the_next_theme_and_the_last(engine):
    _, following, last = talk(engine, "what is theme 2?", "and the next one?", "what about the last one?")
    assert [t.number for t in following.themes] == [3]
    assert [t.number for t in last.themes] == [5]


def test_anyone_else_in_that_country_excludes_the_person_asked_about(engine):
    _, _, others = talk(engine, "who is Jan Borén?", "what city is he in?", "anyone else in that country?")
    assert names(others) == ["Matthias Löhr", "Mikael Björnstedt"]


def test_a_full_question_starts_afresh(engine):
    _, themes, weather = talk(
        engine, "who is in Bergen?", "what are the research themes?", "what's the weather in Bergen?"
    )
    assert [t.number for t in themes.themes] == [1, 2, 3, 4, 5]
    assert not weather.people and not weather.answered


def test_the_same_turn_without_its_thread_is_not_a_follow_up(engine):
    alone = engine.answer("and in Stavanger?")
    assert names(alone) == ["Oddmund Nordgård"]  # a place alone is still a place question
    assert not engine.answer("where does she work?").people


def test_context_survives_json(engine):
    _, context = engine.converse("who works at Karolinska?")
    restored = Context.from_dict(json.loads(json.dumps(context.to_dict())))
    assert restored == context
    narrowed, _ = engine.converse("which of them is at CLINTEC?", restored)
    assert names(narrowed) == ["Matthias Löhr"]


def test_conversations_are_bounded_and_expire():
    now = [0.0]
    store = Conversations(limit=2, ttl=10, clock=lambda: now[0])
    store.put("a", Context(people=("x",)))
    store.put("b", Context(people=("y",)))
    store.put("c", Context(people=("z",)))
    assert store.get("a") is None and len(store) == 2
    now[0] = 11
    assert store.get("b") is None


def test_batch_threads_reads_each_turn_in_its_own_thread():
    lines = [
        {"thread": "t1", "q": "who works in Bergen?"},
        {"thread": "t2", "q": "what is theme 1?"},
        {"thread": "t1", "q": "and in Stavanger?"},
        {"thread": "t2", "q": "and the one after it?"},
    ]
    stdin = "\n".join(json.dumps(line) for line in lines) + "\nnot json\n"
    result = run("ask", "--json", "--batch", "--threads", stdin=stdin)
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(answers) == 5
    assert [p["name"] for p in answers[2]["people"]] == ["Oddmund Nordgård"]
    assert [t["number"] for t in answers[3]["themes"]] == [2]
    assert answers[4]["kind"] == "error" and not answers[4]["answered"]


def test_the_rest_turns_the_last_condition_round(engine):
    _, rest = talk(engine, "which collaborators are in Sweden?", "and the rest of the collaborators?")
    assert names(rest) == ["Jérôme Cros", "Lars O. Dragsted", "Marco Del Chiaro"]


def test_both_after_a_question_with_two_places(engine):
    _, both = talk(engine, "hvem er pa OUS men ikke pa UiO?", "og hvem er pa begge?")
    assert names(both) == ["Caroline S. Verbeke", "Stein Kaasa"]


def test_it_is_what_the_last_answer_was_about(engine):
    _, funder, period = talk(engine, "what is KNEP?", "who funds it?", "until when?")
    assert "Norwegian Cancer Society" in funder.text
    assert "2025" in period.text


def test_a_correction_replaces_the_place(engine):
    _, corrected = talk(engine, "who works in Stockholm?", "no, I meant Gothenburg")
    assert names(corrected) == ["Jan Borén"]


def test_a_bare_number_after_a_theme_is_that_theme(engine):
    _, fourth = talk(engine, "what is theme 1?", "and 4?")
    assert [t.number for t in fourth.themes] == [4]
