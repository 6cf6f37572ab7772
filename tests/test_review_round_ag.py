"""Kinds of failure found by round AG's held-out sets (a journalist and a formal administrator in
English, terse Norwegian experts, Swedish and Danish partners). Each test failed before its fix;
expected people come from the knowledge itself."""

from __future__ import annotations

import re

import pytest

from bot.engine import Engine
from bot.language.text import keys
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bundled() -> Engine:
    return Engine.from_directory(ROOT / "knowledge")


def _named(answer) -> set[str]:
    return {ref.id for ref in answer.people}


def _theme(engine: Engine, number: int):
    return next(t for t in engine.kb.themes if t.number == number)


def _noted_leader(engine: Engine, number: int) -> set[str]:
    """Whose note says they lead theme `number`, and whom the theme's summary says it is "Led by"."""
    theme = _theme(engine, number)
    led_by = re.findall(r"Led by ([^.]+)\.", theme.summary or "")
    in_summary = {p.id for p in engine.kb.people for name in led_by if p.name == name.strip()}
    in_notes = {p.id for p in engine.kb.people if p.note and re.search(rf"\bLeads theme {number}\b", p.note)}
    return in_summary | in_notes


@pytest.mark.parametrize("group", ["glacier", "speech", "wind"])
@pytest.mark.parametrize(
    "question",
    [
        "Quick background check before my interview tomorrow. In plain words, what does the group study?",
        "Briefly, what does the group work on?",
        "For my readers, in short: what does the group actually research?",
    ],
)
def test_a_lead_in_before_the_question_is_not_what_is_asked(request, group, question):
    engine: Engine = request.getfixturevalue(group)
    assert engine.answer(question).kind == "project"


@pytest.mark.parametrize("group", ["speech", "wind"])
def test_the_project_s_short_name_names_the_project(request, group):
    engine: Engine = request.getfixturevalue(group)
    project = engine.kb.project
    short = re.split(r"\s[-–:]\s", project.name)[0]
    in_brackets = re.search(r"\(([A-Z]{2,})\)", project.summary or "")
    short = in_brackets.group(1) if in_brackets else short
    assert len(short.split()) == 1
    answer = engine.answer(f"Could you briefly summarise what the {short} project works on?")
    assert answer.kind == "project"


def test_who_leads_that_theme_after_people_on_a_theme(wind):
    org = next(o for o in wind.kb.organisations if o.name.startswith("SINTEF") and o.parent is None)
    theme = _theme(wind, 4)
    _, context = wind.converse(f"Who works for {org.name}?")
    answer, context = wind.converse(f"Which of them work on {theme.title.split(' and ')[0].lower()}?", context)
    assert answer.people, "someone at the organisation works on the theme"
    answer, _ = wind.converse("Who leads that theme?", context)
    assert _named(answer) == _noted_leader(wind, 4)


@pytest.mark.parametrize("number", [2, 3, 5])
def test_who_leads_the_work_on_a_theme_s_topic_is_its_leader(wind, number):
    theme = _theme(wind, number)
    topic_no = (theme.title_no or "").split(" og ")[0].lower()
    topic_en = theme.title.split(" and ")[0].lower()
    assert _named(wind.answer(f"Hvem leder arbeidet med {topic_no}?")) == _noted_leader(wind, number)
    assert _named(wind.answer(f"who leads the work on {topic_en}?")) == _noted_leader(wind, number)


def test_who_leads_the_work_on_a_topic_where_no_theme_names_a_leader(bundled):
    theme = _theme(bundled, 3)
    answer = bundled.answer(f"who leads the work on {theme.title.split(' of ')[-1].lower()}?")
    assert not answer.answered and not answer.people, "no leader of the group for a theme's leader"
    assert f" {theme.number}" in answer.headline, "it says which theme it does not know the leader of"


def _org_people(engine: Engine, org_id: str) -> set[str]:
    return {p.id for p in engine.kb.people if any(a.org == org_id for a in p.affiliations)}


@pytest.mark.parametrize("more", ["vilka fler", "vilka andra", "vem mer"])
def test_swedish_who_else_after_a_person(bundled, more):
    leader = bundled.kb.project.leader
    org = next(a.org for a in bundled.kb.people_by_id[leader].affiliations)
    short = min(bundled.kb.orgs_by_id[org].all_names, key=len)
    _, context = bundled.converse("vem leder gruppen?")
    _, context = bundled.converse("var jobbar hon?", context)
    answer, _ = bundled.converse(f"{more} är på {short}?", context)
    assert _named(answer) == _org_people(bundled, org) - {leader}


@pytest.mark.parametrize("more", ["nån mer", "någon annan", "anyone more", "noen flere"])
def test_anyone_else_in_a_country_with_nobody_else_names_nobody(bundled, more):
    alone = next(
        p
        for p in bundled.kb.people
        if len({bundled.kb.orgs_by_id[a.org].country for a in p.affiliations}) == 1
        and sum(
            1
            for other in bundled.kb.people
            if {bundled.kb.orgs_by_id[a.org].country for a in other.affiliations}
            & {bundled.kb.orgs_by_id[a.org].country for a in p.affiliations}
        )
        == 1
    )
    country = bundled.kb.orgs_by_id[alone.affiliations[0].org].country
    _, context = bundled.converse(f"vem är {alone.name}?")
    answer, _ = bundled.converse(f"{more} i {country}?", context)
    assert not answer.people


def test_a_capital_at_a_sentence_s_start_is_no_sign_of_a_name(glacier):
    """'Readers are fascinated …': an everyday word that opens a sentence is not corrected into a role."""
    for question in (
        "Readers often ask whether the measurements are public. Where does the group archive its field data?",
        "Readers are fascinated by ancient ice. Who studies old ice?",
    ):
        answer = glacier.answer(question)
        assert glacier.kb.project.leader not in _named(answer), question


def test_who_leads_this_topic_group_is_the_group_s_leader(glacier):
    theme = _theme(glacier, 1)
    word = next(k for k in theme.keywords if " " not in k and k.isalpha() and len(k) > 4).lower()
    answer = glacier.answer(f"I'm writing a feature. Who actually leads this {word} group?")
    assert _named(answer) == {glacier.kb.project.leader}


def test_an_institution_the_knowledge_does_not_have_names_nobody(glacier):
    known_cities = {o.city for o in glacier.kb.organisations}
    assert "Oslo" not in known_cities
    answer = glacier.answer("I'm in touch with scientists at the University of Oslo. Does anyone there work with you?")
    assert not answer.people


@pytest.mark.parametrize("group", ["glacier", "speech", "wind"])
def test_what_should_a_new_member_do_is_not_the_project_s_overview(request, group):
    engine: Engine = request.getfixturevalue(group)
    answer = engine.answer("As new staff start in August, what should a new member of the group do first?")
    assert answer.kind != "project"


def _theme_people(engine: Engine, number: int) -> set[str]:
    return set(engine.index.people_by_theme.get(_theme(engine, number).id, set()))


def test_who_works_on_that_in_a_country_after_a_theme(glacier):
    _, context = glacier.converse("what is theme 3?")
    answer, _ = glacier.converse("Who works on that in Sweden?", context)
    in_sweden = {
        p.id for p in glacier.kb.people if any(glacier.kb.orgs_by_id[a.org].country == "Sweden" for a in p.affiliations)
    }
    expected = _theme_people(glacier, 3) & in_sweden
    assert expected and in_sweden - expected, "the theme narrows the country's people"
    assert _named(answer) == expected


def test_the_research_topic_of_that_candidate_is_the_one_person_s_themes(wind):
    phd = next(
        p
        for p in wind.kb.people
        if p.role == "phd student" and len(p.themes) == 1 and "candidate" in (p.title or "").lower()
    )
    _, context = wind.converse(f"who is {phd.name}?")
    answer, _ = wind.converse("And what is the research topic of that candidate?", context)
    theme = next(t for t in wind.kb.themes if t.id == phd.themes[0])
    assert [t.number for t in answer.themes] == [theme.number]


def test_and_theme_n_after_a_role_on_a_theme_is_that_role_on_theme_n(wind):
    _, context = wind.converse("postdoks på tema 4")
    answer, _ = wind.converse("og tema 3?", context)
    postdocs = wind.index.people_by_role["postdoc"]
    expected = _theme_people(wind, 3) & postdocs
    assert expected and _named(answer) == expected


def test_a_role_there_after_where_someone_sits_is_that_role_at_her_place(wind):
    leader = next(iter(_noted_leader(wind, 2)))
    person = wind.kb.people_by_id[leader]
    _, context = wind.converse("hvem leder tema 2?")
    _, context = wind.converse("hvor sitter hun?", context)
    answer, _ = wind.converse("stip. der?", context)

    places = {a.org for a in person.affiliations}  # where she sits: her own department
    expected = {p.id for p in wind.kb.people if p.role == "phd student" and places & {a.org for a in p.affiliations}}
    assert expected and _named(answer) == expected


@pytest.mark.parametrize("separator", [" – ", ": ", ". "])
def test_a_theme_named_in_a_fragment_before_the_question_is_its_condition(wind, separator):
    ntnu = {
        p.id
        for p in wind.kb.people
        if any((wind.kb.orgs_by_id[a.org].parent or a.org) == "ntnu" for a in p.affiliations)
    }
    expected = _theme_people(wind, 3) - ntnu
    assert expected and _theme_people(wind, 3) & ntnu, "the negation leaves some of the theme out"
    assert _named(wind.answer(f"tema 3{separator}hvem er ikke på NTNU?")) == expected


@pytest.mark.parametrize(
    "question",
    [
        "Who is working at the same time in language models and in bias and evaluation?",
        "who works on language models and also on bias and evaluation?",
        "hvem jobber samtidig med språkmodeller og med evaluering og skjevheter?",
    ],
)
def test_two_topics_said_together_are_both_conditions(speech, question):
    expected = _theme_people(speech, 2) & _theme_people(speech, 6)
    assert expected and expected != _theme_people(speech, 6)
    assert _named(speech.answer(question)) == expected


@pytest.mark.parametrize("question", ["what is the salary of a postdoc?", "hva er lønna for en postdok?"])
def test_what_is_asked_of_a_role_is_not_its_people(speech, question):
    assert not speech.answer(question).people


@pytest.mark.parametrize(
    "question", ["hvem er professor hos dere?", "hvem er professor hos jer", "vem är professor hos er?"]
)
def test_at_you_is_the_group_not_an_unknown_place(bundled, question):
    professors = {p.id for p in bundled.kb.people if "professor" in (p.title or "").lower()}
    answer = bundled.answer(question)
    assert answer.answered and _named(answer) and _named(answer) <= professors


@pytest.mark.parametrize(
    "question",
    [
        "Skulle ni kunna tala om vilka som arbetar i Göteborg?",
        "Skulle ni kunna berätta vilka som är knutna till Oslo universitetssjukhus?",
    ],
)
def test_a_formal_swedish_request_is_read(bundled, question):
    assert bundled.answer(question).people


def test_a_short_word_meets_its_plural_in_a_note(glacier):
    """'a DOI' and 'DOIs': too short for a stem, still one word."""
    curator = {p.id for p in glacier.kb.people if p.note and "DOIs" in p.note}
    assert len(curator) == 1
    assert {r.id for r in glacier.answer("who assigns the DOI for the Greenland datasets?").people} == curator


# A review of this round's change found these; each failed before its fix.


def test_who_leads_the_topic_group_without_this_is_the_theme_s_leader(wind):
    theme = _theme(wind, 3)
    acronym = next(w for w in theme.title.split() if w.isupper() and len(w) > 2)
    assert _named(wind.answer(f"who leads the {acronym} group?")) == _noted_leader(wind, 3)


def test_a_lead_in_that_names_an_unknown_place_keeps_it(glacier):
    keyword = next(k for k in _theme(glacier, 3).keywords if k.isalpha() and " " not in k)
    assert not glacier.answer(f"At MIT, who works on {keyword}?").people


def test_there_is_the_known_place_when_the_asker_names_their_own_first(glacier):
    city = "Tromsø"
    in_city = {
        p.id for p in glacier.kb.people if any(glacier.kb.orgs_by_id[a.org].city == city for a in p.affiliations)
    }
    assert in_city
    answer = glacier.answer(f"I'm a student at MIT and will visit {city} in June. Anyone there I could meet?")
    assert _named(answer) == in_city


def test_and_also_between_roles_lists_both(glacier):
    answer = glacier.answer("list the postdocs and also the PhD students in Bergen")
    assert answer.answered and answer.people


def test_what_should_i_know_about_the_group_is_the_overview(glacier):
    assert glacier.answer("What should I know about the group?").kind == "project"


def test_an_english_word_is_not_read_as_norwegian(glacier):
    assert not glacier.answer("Who felt sick on the boat?").answered


def test_who_leads_each_theme_names_every_theme_s_leader(wind):
    expected = set().union(*(_noted_leader(wind, t.number) for t in wind.kb.themes))
    assert _named(wind.answer("who leads each theme?")) == expected
    _, context = wind.converse("who works on theme 3 in Trondheim?")
    assert _named(wind.converse("who leads each theme?", context)[0]) == expected


def test_a_short_keyword_s_plural_names_its_theme(speech):
    theme = next(t for t in speech.kb.themes if any(k.isupper() and len(k) <= 4 for k in t.keywords))
    short = next(k for k in theme.keywords if k.isupper() and len(k) <= 4)
    at_org = speech.index.people_in_orgs(["cmu"])
    expected = at_org & _theme_people(speech, theme.number)
    assert expected
    assert _named(speech.answer(f"anyone @ CMU on {short}s?")) == expected


def test_which_role_is_in_that_theme_after_its_leader(wind):
    _, context = wind.converse("Who leads theme 2?")
    answer, context = wind.converse("And which PhD students are in that theme?", context)
    expected = _theme_people(wind, 2) & wind.index.people_by_role["phd student"]
    assert expected and _named(answer) == expected


def test_a_theme_s_people_asked_after_a_context_sentence_are_not_its_leader(wind):
    theme = _theme(wind, 5)
    answer = wind.answer(
        f"I'm writing about the environmental side of floating wind. Who works on the {theme.title.lower()} theme?"
    )
    assert _named(answer) == _theme_people(wind, 5)


def test_antall_alone_counts_the_last_answer(speech):
    _, context = speech.converse("hvem jobber med tema 3?")
    answer, _ = speech.converse("ant.?", context)
    assert answer.kind == "count" and answer.headline.startswith(f"{len(_theme_people(speech, 3))} ")


def test_single_letters_are_not_chat_spellings(glacier):
    """'who uses R?' (a programming language), 'an RN' (a nurse): single letters are not 'are' or 'now'
    (a review found the first reading confidently wrong)."""
    assert not glacier.answer("who uses R?").answered
    assert not glacier.answer("is there an RN in the group?").answered


def test_a_sentence_after_who_is_x_is_context(wind):
    person = wind.kb.people[len(wind.kb.people) // 2]
    answer = wind.answer(f"Hvem er {person.name}? Hun sendte meg en velkomstmelding.")
    assert answer.answered and _named(answer) == {person.id}


def test_w_slash_is_with(bundled):
    ous, uio = bundled.index.people_in_orgs(["ous"]), bundled.index.people_in_orgs(["uio"])
    assert ous - uio and ous & uio
    assert _named(bundled.answer("OUS ppl excl. those w/ UiO affil")) == ous - uio


def test_till_is_until(bundled):
    _, context = bundled.converse("what is KNEP")
    answer, _ = bundled.converse("funded till when?", context)
    until, _ = bundled.converse("funded until when?", context)
    assert answer.answered and answer.headline == until.headline


# Round AI's kinds.


@pytest.mark.parametrize("question", ["kven er temaleiarane?", "hvem er temalederne?"])
def test_a_compound_of_theme_and_leader_asks_for_the_theme_leaders(wind, question):
    expected = set().union(*(_noted_leader(wind, t.number) for t in wind.kb.themes))
    assert _named(wind.answer(question)) == expected


def test_a_place_the_asker_calls_their_own_is_not_a_condition(speech):
    theme = _theme(speech, 3)
    answer = speech.answer(
        "Our faculty of medicine has expressed a keen interest in your research on "
        f"{theme.title.lower()}. Who is involved in that work?"
    )
    assert _named(answer) == _theme_people(speech, 3)


def test_who_leads_the_part_about_a_topic_is_the_theme_leader(wind):
    theme = _theme(wind, 4)
    topic = theme.title.split(" and ")[-1].lower()
    assert _named(wind.answer(f"Who leads the part about {topic}?")) == _noted_leader(wind, 4)


def test_who_runs_a_thing_a_fact_names_is_not_the_group_leader(wind):
    fact = next(f for f in wind.kb.project.facts if "archive" in f.text)
    assert fact
    assert wind.kb.project.leader not in _named(wind.answer("who runs the data archive?"))


def test_which_theme_deals_with_a_word_an_organisation_s_name_shares(speech):
    org_words = {w for o in speech.kb.organisations for w in o.name.split()}

    def own(word: str) -> bool:  # a word of one theme's texts only ('language' is everyone's)
        texts = [" ".join([t.title, t.title_no or "", *t.keywords]) for t in speech.kb.themes]
        return sum(keys(word)[0] in keys(text) for text in texts) == 1

    theme, word = next(
        (t, w) for t in speech.kb.themes for w in t.title.split() if len(w) > 3 and w in org_words and own(w)
    )
    answer = speech.answer(f"Which of your research themes deals with {word}?")
    assert [t.number for t in answer.themes] == [theme.number]


# Round AJ's kinds.


def test_hash_and_a_space_is_number_of(speech):
    answer = speech.answer("# ppl theme 4?")
    assert answer.kind == "count" and answer.headline.startswith(f"{len(_theme_people(speech, 4))} ")


def test_plus_and_overlap_ask_for_people_on_both(speech):
    expected = _theme_people(speech, 1) & _theme_people(speech, 3)
    assert expected and expected != _theme_people(speech, 1)
    first = _theme(speech, 1).keywords[0]
    third = _theme(speech, 3).title.split()[0].lower()
    assert _named(speech.answer(f"{first} + {third} overlap, who?")) == expected


def test_a_compound_whose_tail_is_an_organisation_s_word_is_not_that_organisation(wind):
    org_words = [
        word
        for word, readings in wind.index.phrases.items()
        if len(word) >= 5 and word.isalpha()
        for phrase, targets in readings
        if phrase == (word,) and any(t.kind == "org_part" for t in targets)
    ]
    theme_texts = " ".join(" ".join([t.title, t.title_no or "", *t.keywords]) for t in wind.kb.themes)
    org_words = [w for w in org_words if w not in keys(theme_texts)]  # a theme's word is the theme's
    assert org_words
    for word in org_words:
        assert not wind.answer(f"Hvem i prosjektet arbeider med sol{word}?").people, word


# The second review's findings; each failed before its fix.


def test_our_people_in_a_place_are_the_group_s_there(glacier):
    in_city = set(glacier.index.people_by_city.get("Tromsø", set()))
    assert _named(glacier.answer("I need a list of our people in Tromsø. Who are they?")) == in_city


def test_the_asker_s_institution_is_never_a_reason_to_list_everyone(glacier):
    answer = glacier.answer("Our faculty in Bergen is interested in ice cores. Who works on that?")
    assert len(answer.people) < len(glacier.kb.people)


def test_who_leads_the_group_named_by_the_project_s_own_word(glacier):
    word = next(w for w in glacier.kb.project.name.split() if w.lower().rstrip("s") in ("glacier",))
    answer = glacier.answer(f"who leads the {word.lower().rstrip('s')} group?")
    assert _named(answer) == {glacier.kb.project.leader}


@pytest.mark.parametrize("question", ["hva må jeg ha?", "any news?"])
def test_an_everyday_word_and_its_plural_are_no_match(speech, question):
    assert not speech.answer(question).answered


def test_together_with_an_organisation_is_not_two_themes_at_once(glacier):
    answer = glacier.answer("who works on glaciers together with NPI?")
    assert answer.people


def test_hvem_leder_hvert_tema_names_the_theme_leaders(wind):
    expected = set().union(*(_noted_leader(wind, t.number) for t in wind.kb.themes))
    assert _named(wind.answer("hvem leder hvert tema?")) == expected


def test_what_role_asks_for_those_people(glacier):
    phds_in_bergen = glacier.index.people_by_role["phd student"] & set(glacier.index.people_by_city["Bergen"])
    assert _named(glacier.answer("what PhD students are in Bergen?")) == phds_in_bergen
