"""Swedish and Danish questions, chat abbreviations of countries and roles.

Expected people come from the knowledge's own index (who is in which country, who has which
role), so a test fails when a question in another language is not read as its Norwegian twin.
"""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.language import neighbours
from tests.conftest import DATA


def _named(answer) -> set[str]:
    return {ref.id for ref in answer.people}


def _in(engine: Engine, country: str) -> set[str]:
    return set(engine.index.people_by_country[country])


@pytest.mark.parametrize(
    ("question", "twin"),
    [
        ("Vem jobbar i Sverige?", "Hvem jobber i Sverige?"),
        ("Vilka jobbar inte i Norge?", "Hvem jobber ikke i Norge?"),
        ("Finns det nån från Göteborg i gruppen?", "Finnes det noen fra Göteborg i gruppen?"),
        ("Hvem sidder i Oslo?", "Hvem sitter i Oslo?"),
        ("Er der nogen i gruppen der arbejder i Frankrig?", "Er det noen i gruppen som arbeider i Frankrike?"),
        ("Hvem arbejder på Karolinska, men ikke på CLINTEC?", "Hvem arbeider på Karolinska, men ikke på CLINTEC?"),
    ],
)
def test_swedish_and_danish_questions_answer_as_their_norwegian_twins(engine, question, twin):
    expected = engine.answer(twin)
    assert expected.answered and expected.people  # the twin itself is understood
    answer = engine.answer(question)
    assert _named(answer) == _named(expected)
    assert answer.language == "no"  # answered in Norwegian bokmål, which Swedes and Danes read


def test_a_swedish_word_that_is_norwegian_too_changes_no_norwegian_question():
    """'var' is 'where' in Swedish and 'was' in Norwegian: only a Swedish question reads it as 'hvor'."""
    assert neighbours.read_as_norwegian(["hvem", "var", "leder"]) == ["hvem", "var", "leder"]
    assert neighbours.read_as_norwegian(["var", "jobbar", "hon"])[0] == "hvor"
    assert neighbours.language_of(["hvem", "jobber", "i", "bergen"]) is None
    assert neighbours.language_of(["hvad", "arbejder", "hun", "med"]) == "da"


def test_swedish_follow_ups(engine):
    answer, context = engine.converse("Vem är gruppledare?")
    leader = engine.kb.project.leader
    assert _named(answer) == {leader}
    answer, _ = engine.converse("var jobbar hon?", context)
    assert _named(answer) == {leader}


def test_country_codes_in_capitals_only(engine):
    assert _named(engine.answer("any collabs in DK?")) == _in(engine, "Denmark")
    assert _named(engine.answer("ppl in SE?")) == _in(engine, "Sweden")
    # in lower case they are words: "no" and "se" here are not Norway and Sweden
    assert not (_named(engine.answer("no, who is in Bergen?")) - set(engine.index.people_by_city["Bergen"]))


def test_everyday_names_of_roles():
    speech = Engine.from_directory(DATA / "kb_speech")
    phd = set(speech.index.people_by_role["phd student"])
    for question in (
        "who are the PhDs?",
        "hvem er stipendiatene?",
        "vilka är doktoranderna?",
        "list the PhD candidates",
    ):
        assert _named(speech.answer(question)) == phd, question
    engineers = set(speech.index.people_by_role["engineer"])
    assert _named(speech.answer("Hvem er ingeniørene?")) == engineers


def test_which_with_no_noun_asks_for_people(engine):
    """'Hvilke på OUS jobber ikke på UiO?': "which" followed by a place word asks which people."""
    people = engine.index
    ous = people.people_in_orgs(["ous"]) if "ous" in engine.kb.orgs_by_id else set()
    uio = people.people_in_orgs(["uio"]) if "uio" in engine.kb.orgs_by_id else set()
    assert ous - uio
    assert _named(engine.answer("Hvilke på OUS jobber ikke på UiO?")) == ous - uio


@pytest.mark.parametrize("language", neighbours.LANGUAGES)
def test_each_word_of_a_language_file_is_read_one_way(language):
    """Two lines whose words fold to the same key ('vår' and 'var') would silently overwrite each other."""
    from bot.language.text import keys

    seen: dict[tuple[str, ...], str] = {}
    for line in (neighbours.DATA / f"{language}.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith(("#", "!")):  # "!": markers of the language, read as nothing
            continue
        word, _, norwegian = line.partition(" ")
        assert seen.setdefault(keys(word), norwegian) == norwegian, word


def test_short_typos_are_read_when_one_word_fits(engine):
    """'Olso' (two letters swapped) is Oslo; 'whre' is 'where'; 'Jane' is not Jan: a name one letter
    off is often another name, so short names are corrected only by a swap."""
    oslo = set(engine.index.people_by_city["Oslo"])
    assert _named(engine.answer("who works in Olso")) == oslo
    person = engine.kb.people[-1]
    assert _named(engine.answer(f"whre is {person.name}?")) == {person.id}
    first = person.name.split()[0]
    unknown = engine.answer(f"Who is {first}e Doe?")
    assert not unknown.people


def test_an_abbreviations_full_stop_does_not_end_the_question(engine):
    sweden = _in(engine, "Sweden")
    collaborators = set(engine.index.people_by_role["collaborator"])
    assert _named(engine.answer("collabs excl. SE")) == collaborators - sweden


def test_a_slash_between_two_names_is_either(engine):
    collaborators = set(engine.index.people_by_role["collaborator"])
    either = (_in(engine, "Denmark") | _in(engine, "France")) & collaborators
    assert _named(engine.answer("DK/FR collabs?")) == either


def test_everyday_swedish_and_danish_words_of_the_knowledge(engine):
    sweden = _in(engine, "Sweden")
    collaborators = set(engine.index.people_by_role["collaborator"])
    assert _named(engine.answer("Vilka svenska samarbetspartners har ni?")) == sweden & collaborators
    uio = engine.index.people_in_orgs(["uio"])
    assert _named(engine.answer("Hej! Vilka är anställda vid Universitetet i Oslo?")) == uio


def test_as_opposed_to_leaves_out(engine):
    participants = set(engine.index.people_by_role["participant"])
    answer = engine.answer("Who are the project participants, as opposed to the external collaborators?")
    assert _named(answer) == participants
