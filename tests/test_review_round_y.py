"""Kinds of failure found by round Y's held-out sets (new writers, and a fourth group's knowledge,
`kb_wind`, whose themes name their leaders in words). Each test failed before its fix; expected
people come from the knowledge itself."""

from __future__ import annotations

import re
import shutil

import pytest
import yaml

from bot.engine import Engine
from bot.language import lexicon
from tests.conftest import DATA, ROOT


@pytest.fixture(scope="module")
def bundled() -> Engine:
    return Engine.from_directory(ROOT / "knowledge")


def _named(answer) -> set[str]:
    return {ref.id for ref in answer.people}


def _noted_leader(engine: Engine, number: int) -> set[str]:
    """Whose note says they lead theme `number`, and whom the theme's summary says it is "Led by"."""
    theme = next(t for t in engine.kb.themes if t.number == number)
    led_by = re.findall(r"Led by ([^.]+)\.", theme.summary or "")
    in_summary = {p.id for p in engine.kb.people for name in led_by if p.name == name.strip()}
    in_notes = {p.id for p in engine.kb.people if p.note and re.search(rf"\bLeads theme {number}\b", p.note)}
    assert not in_summary or not in_notes or in_summary == in_notes, "the knowledge names two leaders"
    return in_summary | in_notes


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


def _people_in_country(engine: Engine, country: str) -> set[str]:
    orgs = {o.id for o in engine.kb.organisations if o.country == country}
    return {p.id for p in engine.kb.people if any(a.org in orgs for a in p.affiliations)}


@pytest.mark.parametrize(
    "question",
    [
        "Hvilke medarbeidere er tilknyttet institusjoner i {country}?",
        "Kan du vennligst oppgi hvilke prosjektmedarbeidere som er tilknyttet institusjoner i {country}?",
    ],
)
def test_staff_at_institutions_in_a_country_are_the_people_there(bundled, question):
    country = next(o.country for o in bundled.kb.organisations if o.country != bundled.kb.organisations[0].country)
    norwegian = lexicon.NORWEGIAN_COUNTRY_NAMES.get(lexicon.canonical_country(country), country)
    answer = bundled.answer(question.format(country=norwegian))
    assert _named(answer) == _people_in_country(bundled, country)


def test_a_list_of_organisations_never_ignores_the_place_asked_about(bundled):
    country = next(o.country for o in bundled.kb.organisations if o.country != bundled.kb.organisations[0].country)
    answer = bundled.answer(f"Which staff are affiliated with institutions in {country}?")
    assert _named(answer) <= _people_in_country(bundled, country)


def test_an_organisation_list_keeps_to_the_country_asked_about(bundled):
    country = next(o.country for o in bundled.kb.organisations if o.country != bundled.kb.organisations[0].country)
    norwegian = lexicon.NORWEGIAN_COUNTRY_NAMES.get(lexicon.canonical_country(country), country)
    answer = bundled.answer(f"Hvilke forskningsassistenter er tilknyttet institusjoner i {norwegian}?")
    assert _named(answer) <= _people_in_country(bundled, country)
    assert {o.id for o in answer.organisations} <= {o.id for o in bundled.kb.organisations if o.country == country}


def _themes_of(engine: Engine, people: set[str]) -> set[int]:
    return {t.number for t in engine.kb.themes if engine.index.people_by_theme.get(t.id, set()) & people}


def test_which_themes_a_place_s_people_are_on_is_their_themes_not_all(wind):
    counts = {o.country for o in wind.kb.organisations}
    country = min(counts, key=lambda c: len(_themes_of(wind, _people_in_country(wind, c))) or 99)
    expected = _themes_of(wind, _people_in_country(wind, country))
    assert 0 < len(expected) < len(wind.kb.themes)
    answer = wind.answer(f"which themes are the colleagues in {country} on?")
    assert {t.number for t in answer.themes} == expected


def test_which_themes_is_she_in_after_a_person_is_her_themes(speech):
    person = next(p for p in speech.kb.people if 0 < len(_themes_of(speech, {p.id})) < len(speech.kb.themes))
    _, context = speech.converse(f"Who is {person.name}?")
    answer, _ = speech.converse("which themes is she in?", context)
    assert {t.number for t in answer.themes} == _themes_of(speech, {person.id})


def test_how_much_money_a_funder_gives_is_the_funding_fact(wind):
    fact = next(f for f in wind.kb.project.facts if "funded by" in f.text)
    funder = re.search(r"funded by the (.+?) through", fact.text).group(1)
    assert fact.text in wind.answer(f"how much money comes from the {funder}?").text
    assert fact.text in wind.answer(f"How much funding does the group get from the {funder}?").text


def test_how_much_with_no_fact_to_say_it_is_still_not_known(wind):
    assert not wind.answer("how much does a coffee cost in the canteen?").answered


def test_partners_of_a_country_are_that_country_s_not_every_organisation(wind):
    country = min(
        {o.country for o in wind.kb.organisations if _people_in_country(wind, o.country)},
        key=lambda c: len(_people_in_country(wind, c)),
    )
    adjective = {"Sweden": "Swedish", "Denmark": "Danish", "Germany": "German", "Portugal": "Portuguese"}
    assert country in adjective, "the smallest partner country of the knowledge, said as people say it"
    answer = wind.answer(f"Do we have any {adjective[country]} partners in the project?")
    assert _named(answer) == _people_in_country(wind, country)
    assert {o.id for o in answer.organisations} <= {o.id for o in wind.kb.organisations if o.country == country}


def test_a_dialect_verb_for_leading_asks_for_the_theme_leader(wind):
    assert _named(wind.answer("kem e det som lede tema 5 egentlig")) == _noted_leader(wind, 5)


def _countries_of(engine: Engine, person) -> set[str]:
    return {engine.kb.orgs_by_id[a.org].country for a in person.affiliations if a.org in engine.kb.orgs_by_id}


@pytest.mark.parametrize(
    "question",
    [
        "who's affiliated in two different countries? need it for a report thx",
        "Hvem er tilknyttet institusjoner i flere land?",
        "which people have affiliations in more than one country?",
    ],
)
def test_people_in_more_than_one_country_are_those_with_two_countries(glacier, question):
    expected = {p.id for p in glacier.kb.people if len(_countries_of(glacier, p)) >= 2}
    assert expected and len(expected) < len(glacier.kb.people)
    assert _named(glacier.answer(question)) == expected


def test_where_else_does_he_work_is_about_him_not_the_others(wind):
    def at(city):
        orgs = {o.id for o in wind.kb.organisations if o.city == city}
        return [p for p in wind.kb.people if any(a.org in orgs for a in p.affiliations)]

    def postdocs(city):
        return [p for p in at(city) if p.role == "postdoc"]

    city = next(
        o.city
        for o in wind.kb.organisations
        if len(at(o.city)) >= 3 and len(postdocs(o.city)) == 1 and len(postdocs(o.city)[0].affiliations) > 1
    )
    _, context = wind.converse(f"who's at {city}")
    first, context = wind.converse("which of them is a postdoc", context)
    assert _named(first) == {postdocs(city)[0].id}
    answer, _ = wind.converse("where else does he work", context)
    assert _named(answer) == _named(first)


# Round Z (held out after round Y's fixes): kinds found there.


def test_a_breakdown_word_in_a_context_sentence_does_not_make_the_question_an_aggregate(speech):
    country = next(o.country for o in speech.kb.organisations if 0 < len(_people_in_country(speech, o.country)) < 10)
    question = (
        "Good morning. The faculty is compiling a list of its international collaborations by country for the "
        f"annual report. Could you please tell me which members of the group are based in {country}?"
    )
    assert _named(speech.answer(question)) == _people_in_country(speech, country)


@pytest.mark.parametrize("number", [2, 3])
def test_theme_n_lead_asks_for_the_theme_leader(wind, number):
    assert _named(wind.answer(f"theme {number} lead")) == _noted_leader(wind, number)


def test_words_of_a_topic_after_works_on_are_the_topic_not_words_of_titles(wind):
    theme = next(t for t in wind.kb.themes if "vaker" in t.keywords)
    expected = set(wind.index.people_by_theme[theme.id]) & set(wind.index.people_by_city["Bergen"])
    assert _named(wind.answer("hvem jobber med vind og vaker i Bergen")) == expected


def test_who_maintains_something_only_a_note_names_is_that_person(speech):
    noted = next(p for p in speech.kb.people if p.note and re.match(r"Maintains [A-Z]\w+,", p.note))
    thing = noted.note.split()[1].rstrip(",")
    assert _named(speech.answer(f"Who maintains {thing}?")) == {noted.id}


def test_a_fact_that_names_a_person_names_them_in_the_answer(speech):
    fact = next(f for f in speech.kb.project.facts if "administered by" in f.text)
    named = {p.id for p in speech.kb.people if p.name in fact.text}
    assert len(named) == 1
    answer = speech.answer(
        "Good morning. The IT section has asked me who in the group is responsible for its share of the computing"
        " cluster, as they need a named contact. Who administers the group's GPU allocation?"
    )
    assert _named(answer) == named


def test_a_professor_ii_is_a_title_not_a_name(speech):
    def has(person, title):
        segments = f"{person.title or ''};{person.title_no or ''}".replace(",", ";").split(";")
        return any(s.strip().lower().startswith(title) for s in segments)

    expected = {p.id for p in speech.kb.people if has(p, "professor ii")}
    assert expected
    assert _named(speech.answer("hvem er professor II?")) == expected


@pytest.mark.parametrize("question", ["hvor mange personer er der i gruppen i alt?", "how many people in total?"])
def test_in_total_is_no_place(bundled, question):
    answer = bundled.answer(question)
    assert answer.kind == "count" and answer.headline.startswith(f"{len(bundled.kb.people)} ")


def test_abbreviated_roles_are_read_as_the_role(wind):
    associates = {p.id for p in wind.kb.people if p.role == "associate professor"}
    assert associates
    answer = wind.answer("how many assoc profs in total")
    assert answer.kind == "count" and answer.headline.startswith(f"{len(associates)} ")


@pytest.mark.parametrize(
    ("first", "then"), [("who leads theme 3?", "and theme 4?"), ("hvem leder tema 3", "og tema 4")]
)
def test_and_theme_n_after_a_theme_leader_asks_for_that_theme_s_leader(wind, first, then):
    _, context = wind.converse(first)
    answer, context = wind.converse(then, context)
    assert _named(answer) == _noted_leader(wind, 4)
    where, _ = wind.converse("where is he based?", context)
    assert _named(where) == _noted_leader(wind, 4)


def test_a_person_the_knowledge_lacks_named_before_the_question_is_not_everyone(speech):
    assert not any(p.name.endswith("Tangen") for p in speech.kb.people)
    answer = speech.answer(
        "Good morning. I have received a travel claim from a Professor Bjørn Tangen who states that he belongs"
        " to your group. Could you tell me which department he is affiliated with?"
    )
    assert not answer.people and not answer.answered
    assert "Tangen" in answer.text


def test_a_title_word_in_the_plural_finds_the_people_with_that_title(speech):
    holders = {p.id for p in speech.kb.people if (p.title_no or "").startswith("Laboratorieleder")}
    assert len(holders) >= 2
    assert _named(speech.answer("Hvem er laboratorieledere i gruppen?")) == holders


def test_a_note_answers_the_question_sentence_of_a_formal_message(speech):
    noted = next(p for p in speech.kb.people if p.note and re.match(r"Maintains [A-Z]\w+,", p.note))
    thing = noted.note.split()[1].rstrip(",")
    question = (
        f"Good morning. The report on evaluation infrastructure mentions the {thing} benchmark suite, and I would"
        f" like to credit the right person. Who maintains {thing}?"
    )
    assert _named(speech.answer(question)) == {noted.id}


def test_at_the_same_time_means_both_places(glacier):
    people = [p for p in glacier.kb.people if len({a.org for a in p.affiliations}) >= 2]
    first, second = (glacier.kb.orgs_by_id[a.org] for a in people[0].affiliations[:2])
    both = set(glacier.index.people_in_orgs([first.id])) & set(glacier.index.people_in_orgs([second.id]))
    answer = glacier.answer(f"who is at {first.name} and at {second.name} at the same time?")
    assert _named(answer) == both


def test_who_runs_a_thing_a_theme_mentions_is_not_the_theme_s_or_the_group_s_leader(wind):
    answer = wind.answer("who runs the lidar on Utsira")
    assert answer.kind != "leader"  # neither "<group leader> leads the group" nor "<name> leads theme 2"
    assert _named(answer) != {wind.kb.project.leader}


# Findings of a review of this session's change by a helper who did not write it.


def _aalborg_like_thread(wind):
    """A place with three or more people, one postdoc among them who has another affiliation."""

    def at(city):
        orgs = {o.id for o in wind.kb.organisations if o.city == city}
        return [p for p in wind.kb.people if any(a.org in orgs for a in p.affiliations)]

    for city in dict.fromkeys(o.city for o in wind.kb.organisations):
        postdocs = [p for p in at(city) if p.role == "postdoc"]
        if len(at(city)) >= 3 and len(postdocs) == 1 and len(postdocs[0].affiliations) > 1:
            _, context = wind.converse(f"who's at {city}")
            _, context = wind.converse("which of them is a postdoc", context)
            return {p.id for p in at(city)}, postdocs[0], context
    raise AssertionError("no such place in the knowledge")


@pytest.mark.parametrize("question", ["who else works with him?", "who else is there besides him?"])
def test_who_else_besides_him_is_still_the_others(wind, question):
    _, postdoc, context = _aalborg_like_thread(wind)
    answer, _ = wind.converse(question, context)
    assert postdoc.id not in _named(answer)


@pytest.mark.parametrize("question", ["theme 4 members?", "theme 4 people"])
def test_a_theme_s_people_after_a_theme_leader_are_its_people(wind, question):
    _, context = wind.converse("who leads theme 3?")
    answer, _ = wind.converse(question, context)
    theme = next(t for t in wind.kb.themes if t.number == 4)
    assert _named(answer) == set(wind.index.people_by_theme[theme.id])


def _spanning(engine: Engine, at_least: int) -> set[str]:
    return {p.id for p in engine.kb.people if len(_countries_of(engine, p)) >= at_least}


@pytest.mark.parametrize(
    ("question", "at_least"),
    [
        ("who has affiliations in more than two countries?", 3),
        ("who is affiliated in 2 countries?", 2),
        ("who has affiliations in at least two countries?", 2),
        ("kven jobbar i fleire land?", 2),
    ],
)
def test_how_many_countries_a_question_asks_for(glacier, question, at_least):
    answer = glacier.answer(question)
    expected = _spanning(glacier, at_least)
    if expected:
        assert _named(answer) == expected
    else:
        assert not answer.answered and not answer.people


def test_affiliated_to_organisations_is_not_two_organisations(glacier):
    answer = glacier.answer("who is affiliated to organisations in Sweden?")
    assert _named(answer) == _people_in_country(glacier, "Sweden")


# Round AA (held out after round Z's fixes and the review's): kinds found there.


def test_who_is_the_leader_for_a_theme_is_the_theme_leader(wind):
    title_word = next(t for t in wind.kb.themes if t.number == 3).title.split()[0].lower()
    assert _named(wind.answer(f"who is the leader for the {title_word} theme?")) == _noted_leader(wind, 3)


def test_who_leads_the_third_one_after_the_themes_is_that_theme_s_leader(wind):
    _, context = wind.converse("what are the research themes?")
    answer, _ = wind.converse("who leads the third one?", context)
    assert _named(answer) == _noted_leader(wind, 3)


@pytest.mark.parametrize("question", ["what does the group research, in short?", "what is the group doing, in brief?"])
def test_in_short_is_no_place(bundled, question):
    answer = bundled.answer(question)
    assert answer.answered and "short" not in answer.headline and "brief" not in answer.headline


def test_a_greeting_before_a_question_answers_the_question(bundled):
    leader = bundled.kb.people_by_id[bundled.kb.project.leader]
    assert _named(bundled.answer("hey :wave: who is running this group?")) == {leader.id}


def test_nynorsk_e_is_is_not_the_email_address(speech):
    person = next(p for p in speech.kb.people if p.email)
    assert person.email not in speech.answer(f"kem e {person.name}?").headline
    assert person.email in speech.answer(f"hva er e-posten til {person.name}?").text


def test_a_word_of_a_word_concept_must_be_one_word(tmp_path, monkeypatch):
    from bot.language import concepts

    for language in concepts.LANGUAGES:
        (tmp_path / f"{language}.txt").write_text("", encoding="utf-8")
    (tmp_path / "en.txt").write_text("test.email: mail e-mail\n    # an indented comment\n", encoding="utf-8")
    monkeypatch.setattr(concepts, "DATA", tmp_path)
    concepts._texts.cache_clear()
    concepts.words.cache_clear()
    try:
        with pytest.raises(ValueError, match="e-mail"):
            concepts.words("test.email")
        assert "comment" not in concepts._texts()["test.email"]["en"]
    finally:
        monkeypatch.undo()
        concepts._texts.cache_clear()
        concepts.words.cache_clear()


def _edited(tmp_path, group: str, edit) -> Engine:
    """A copy of a group's knowledge whose themes and people `edit(themes, people)` has changed."""
    shutil.copytree(DATA / group, tmp_path / "kb")
    files = {name: tmp_path / "kb" / f"{name}.yaml" for name in ("themes", "people")}
    loaded = {name: yaml.safe_load(path.read_text(encoding="utf-8")) for name, path in files.items()}
    edit(loaded["themes"], loaded["people"])
    for name, path in files.items():
        path.write_text(yaml.safe_dump(loaded[name], allow_unicode=True), encoding="utf-8")
    return Engine.from_directory(tmp_path / "kb")


def test_theme_leaders_named_after_a_title_or_by_another_word_for_theme(tmp_path):
    themes = yaml.safe_load((DATA / "kb_wind" / "themes.yaml").read_text(encoding="utf-8"))
    people = yaml.safe_load((DATA / "kb_wind" / "people.yaml").read_text(encoding="utf-8"))
    first, second = themes[0], themes[1]
    person = next(
        p for p in people if p["id"] not in first["people"] and not str(p.get("note", "")).startswith("Leads")
    )
    first["summary"] = first["summary"].split(" Led by ")[0] + f" Led by Dr. {person['name']}."
    noted = next(p["id"] for p in people if str(p.get("note", "")).startswith(f"Leads theme {second['number']} "))

    def edit(themes, people):
        themes[0]["summary"] = first["summary"]
        for p in people:  # the note that said "Leads theme 2" now says it in other words
            if p["id"] == noted:
                p["note"] = f"Leads subproject {second['number']} of the group."

    engine = _edited(tmp_path, "kb_wind", edit)
    assert person["id"] in _named(engine.answer(f"who leads theme {first['number']}?"))
    assert noted in _named(engine.answer(f"who leads theme {second['number']}?"))


def test_who_are_the_theme_leaders_names_each_theme_s_leader(wind):
    answer = wind.answer("who are the theme leaders?")
    expected = set().union(*(_noted_leader(wind, t.number) for t in wind.kb.themes))
    assert _named(answer) == expected


def test_who_leads_a_theme_that_does_not_exist_is_not_the_group_leader(wind):
    answer = wind.answer("who leads theme 9?")
    assert wind.kb.project.leader not in _named(answer)
    assert not answer.answered


def test_nordic_partner_institutions_are_the_nordic_ones(bundled):
    answer = bundled.answer("which institutions in the Nordic countries are in the group?")
    assert answer.answered
    nordic = {o.id for o in bundled._orgs_with_people() if lexicon.country_region(o.country) == "nordic"}
    assert {o.id for o in answer.organisations} == nordic


def test_forsker_paa_a_topic_is_the_topic_too(wind):
    theme = next(t for t in wind.kb.themes if "vaker" in t.keywords)
    expected = set(wind.index.people_by_theme[theme.id]) & set(wind.index.people_by_city["Bergen"])
    assert _named(wind.answer("hvem forsker på vind og vaker i Bergen")) == expected


def test_a_count_that_is_a_fact_of_the_project_gives_the_fact(wind):
    fact = next(f for f in wind.kb.project.facts if "PhD" in f.text and "funds" in f.text)
    assert fact.text in wind.answer("How many PhD positions does the project fund?").text


@pytest.mark.parametrize(
    "question",
    [
        "Which theme is about zebrafish husbandry?",
        "hvilket tema handler om sebrafiskhold?",
        "vilket tema handlar om zebrafiskar?",
    ],
)
def test_which_theme_is_about_a_topic_nobody_wrote_down_is_not_every_theme(bundled, question):
    answer = bundled.answer(question)
    assert len(answer.themes) < len(bundled.kb.themes)


@pytest.mark.parametrize(
    "question",
    [
        "hei, eg er ny stipendiat her 🙂 kven er leiaren for gruppa?",
        "Hi! I'm a new PhD student here. Who leads the group?",
    ],
)
def test_a_new_member_saying_what_they_are_is_no_condition(glacier, question):
    assert _named(glacier.answer(question)) == {glacier.kb.project.leader}


def test_an_organisation_s_short_form_that_is_an_everyday_word_counts_in_capitals_only(glacier):
    org = glacier.kb.orgs_by_id["hi"]  # an id (and so a short form) that is a greeting too
    there = set(glacier.index.people_in_orgs([org.id]))
    assert _named(glacier.answer("Who is at HI?")) == there
    assert _named(glacier.answer("Hi! Who leads the group?")) == {glacier.kb.project.leader}


@pytest.mark.parametrize("you", ["dokke", "dokker", "dykk", "dere"])
def test_who_do_you_have_in_a_country_in_dialect(speech, you):
    country = next(o.country for o in speech.kb.organisations if o.country == "Finland")
    answer = speech.answer(f"kem har {you} i Finland?")
    assert _named(answer) == _people_in_country(speech, country)


def test_an_institution_the_knowledge_lacks_named_before_there_is_not_every_university(speech):
    assert not any("Bergen" in o.name or o.city == "Bergen" for o in speech.kb.organisations)
    answer = speech.answer(
        "I was told the group has close ties with the University of Bergen. Who are their contacts there?"
    )
    assert not answer.people and not answer.answered


def test_who_else_in_a_place_works_on_that_theme_after_its_leader(wind):
    _, context = wind.converse("Hvem leder tema 2?")
    answer, _ = wind.converse("Hvem andre i Bergen arbeider med det temaet?", context)
    theme = next(t for t in wind.kb.themes if t.number == 2)
    expected = set(wind.index.people_by_theme[theme.id]) & set(wind.index.people_by_city["Bergen"])
    assert _named(answer) == expected - _noted_leader(wind, 2)


def test_the_role_after_one_person_of_that_role_is_that_person(wind):
    _, postdoc, context = _aalborg_like_thread(wind)
    answer, _ = wind.converse("and what is the postdoc working on?", context)
    assert _named(answer) == {postdoc.id}


def test_what_is_the_phd_about_after_one_phd_student_is_her_card(wind):
    city = next(
        c
        for c in dict.fromkeys(o.city for o in wind.kb.organisations)
        if len([p for p in wind.kb.people if p.role == "phd student" and c in _cities_of(wind, p)]) == 1
    )
    _, context = wind.converse(f"who is working in {city}?")
    first, context = wind.converse("which of them is PhD student?", context)
    (student,) = [wind.kb.people_by_id[r.id] for r in first.people]
    answer, _ = wind.converse("and what is the PhD about?", context)
    assert _named(answer) == {student.id}
    assert student.title in answer.text


def _cities_of(engine: Engine, person) -> set[str]:
    return {engine.kb.orgs_by_id[a.org].city for a in person.affiliations if a.org in engine.kb.orgs_by_id}


@pytest.mark.parametrize(
    "question",
    ["hvilke er på {a} men ikke på {b}?", "vilka är på {a} men inte på {b}?", "which are at {a} but not at {b}?"],
)
def test_which_ones_are_at_a_place_asks_for_people(bundled, question):
    a, b = "OUS", "UiO"
    at_a, at_b = set(bundled.index.people_in_orgs(["ous"])), set(bundled.index.people_in_orgs(["uio"]))
    assert at_a - at_b
    assert _named(bundled.answer(question.format(a=a, b=b))) == at_a - at_b


@pytest.mark.parametrize(
    "question", ["kort fråga, vad forskar gruppen på egentligen?", "Kan du kort beskriva vad gruppen forskar på?"]
)
def test_what_the_group_researches_in_swedish(bundled, question):
    answer = bundled.answer(question)
    assert answer.answered and answer.kind == "project"


@pytest.mark.parametrize(
    ("group", "question"),
    [
        ("bundled", "Ved hvilken institusjon er prosjektet basert?"),
        ("bundled", "Vid vilken institution är projektet förlagt?"),
        ("wind", "Hvem er vertsinstitusjon for prosjektet?"),  # round AD
        ("wind", "Hvilket institut er projektet forankret i?"),
    ],
)
def test_the_project_s_host_asked_in_norwegian_swedish_and_danish(request, group, question):
    engine = request.getfixturevalue(group)
    host = engine.kb.orgs_by_id[engine.kb.project.host]
    answer = engine.answer(question)
    assert answer.answered and (host.name_no or host.name) in answer.headline


# Round AB (the last held-out round): kinds found there.


def test_how_many_phd_ppl_counts_the_phd_students(speech):
    phds = speech.index.people_by_role["phd student"]
    answer = speech.answer("how many phd ppl do we have rn")
    assert answer.kind == "count" and answer.headline.startswith(f"{len(phds)} ")


def test_a_title_word_in_a_context_sentence_is_no_condition(glacier):
    answer = glacier.answer("I'd like to give readers a sense of scale. How many members does the group have?")
    assert answer.kind == "count" and answer.headline.startswith(f"{len(glacier.kb.people)} ")


def test_at_the_same_time_before_two_places_means_both(bundled):
    both = set(bundled.index.people_in_orgs(["uio"])) & set(bundled.index.people_in_orgs(["ous"]))
    answer = bundled.answer("Who is at the same time at the University of Oslo and at Oslo University Hospital?")
    assert _named(answer) == both


def test_people_on_both_of_two_themes_named_by_words(wind):
    one, four = (next(t for t in wind.kb.themes if t.number == n) for n in (1, 4))
    both = set(wind.index.people_by_theme[one.id]) & set(wind.index.people_by_theme[four.id])
    answer = wind.answer("who works on both the floater theme and the monitoring / digital twin theme?")
    assert _named(answer) == both


def test_senior_researchers_are_the_role_in_nynorsk_too(wind):
    seniors = set(wind.index.people_by_role["senior researcher"])
    assert _named(wind.answer("Kven er seniorforskarar i prosjektet?")) == seniors


def test_who_is_on_no_theme_in_nynorsk(wind):
    on_some = set().union(*wind.index.people_by_theme.values())
    expected = {p.id for p in wind.kb.people} - on_some
    assert _named(wind.answer("Kven i prosjektet er ikkje knytte til noko forskingstema?")) == expected


def test_who_else_at_her_institute_is_the_others_there(wind):
    person = next(p for p in wind.kb.people if p.id == "katrin-schafer")
    _, context = wind.converse(f"who is {person.name}?")
    orgs = {a.org for a in person.affiliations}
    there = set(wind.index.people_in_orgs(sorted(orgs))) - {person.id}
    answer, _ = wind.converse("who else is at her institute?", context)
    assert _named(answer) and _named(answer) <= there


def test_does_he_have_another_affiliation_is_about_him(wind):
    person = next(p for p in wind.kb.people if len(p.affiliations) > 1)
    _, context = wind.converse(f"who is {person.name}?")
    answer, _ = wind.converse("does he have another affiliation too?", context)
    assert _named(answer) == {person.id}


def test_who_leads_it_after_a_theme_is_its_leader(wind):
    theme = next(t for t in wind.kb.themes if t.number == 5)
    _, context = wind.converse(f"what is theme {theme.number}?")
    answer, _ = wind.converse("who leads it?", context)
    assert _named(answer) == _noted_leader(wind, 5)


def test_the_phd_students_on_that_theme(wind):
    theme = next(t for t in wind.kb.themes if t.number == 2)
    _, context = wind.converse(f"what is theme {theme.number}?")
    answer, _ = wind.converse("and who are the PhD students on that theme?", context)
    expected = set(wind.index.people_by_theme[theme.id]) & set(wind.index.people_by_role["phd student"])
    assert _named(answer) == expected


def test_responsible_for_a_task_is_not_the_group_leader(glacier):
    answer = glacier.answer("Who is responsible of the field season sign-up?")
    assert _named(answer) != {glacier.kb.project.leader}


@pytest.mark.parametrize(
    ("question", "role"),
    [("Ant. stip. ved {unit}?", "phd student"), ("Masterstud. i gruppa?", "master student")],
)
def test_norwegian_abbreviations_of_roles_and_counts(speech, question, role):
    people = set(speech.index.people_by_role.get(role, set()))
    unit = "IES"
    answer = speech.answer(question.format(unit=unit))
    assert answer.answered
    if question.startswith("Ant."):
        at = set(speech.index.people_in_orgs([o.id for o in speech.kb.organisations if unit in o.aliases]))
        assert answer.kind == "count" and answer.headline.startswith(f"{len(people & at)} ")
    else:
        assert _named(answer) == people


def test_the_research_axes_are_the_themes(bundled):
    assert {t.number for t in bundled.answer("What are all the research axes of the group?").themes} == {
        t.number for t in bundled.kb.themes
    }


def test_noregs_is_norway_s(wind):
    fact = next(f for f in wind.kb.project.facts if "funded by" in f.text)
    answer = wind.answer("Kor mykje finansiering har prosjektet fått frå Noregs forskingsråd?")
    assert fact.text in answer.text


@pytest.mark.parametrize("question", ["ngn på Karolinska?", "vilka e på Karolinska?"])
def test_swedish_chat_forms(bundled, question):
    ki = next(o for o in bundled.kb.organisations if "Karolinska" in o.name)
    assert _named(bundled.answer(question)) == set(bundled.index.people_in_orgs([ki.id]))


# Round AC (held out after round AB's fixes): kinds found there.


def test_organising_a_visit_is_no_list_of_organisations(bundled):
    answer = bundled.answer(
        "Good afternoon. I apologise if this is the wrong channel, but I am organising a visit next Friday and"
        " would like to know what the hospital canteen is serving for lunch that day. Many thanks."
    )
    assert not answer.answered and not answer.people and not answer.organisations


def test_no_affiliation_with_a_place_is_a_negation(bundled):
    at_ous, at_uio = set(bundled.index.people_in_orgs(["ous"])), set(bundled.index.people_in_orgs(["uio"]))
    answer = bundled.answer(
        "which members work at Oslo University Hospital but have no affiliation with the University of Oslo?"
    )
    assert _named(answer) == at_ous - at_uio


def test_an_institution_the_knowledge_lacks_in_the_question_is_unknown(bundled):
    answer = bundled.answer(
        "Dear colleagues, we have received an enquiry from the University of Helsinki about possible existing"
        " ties. Could you please tell me whether anyone in the group is affiliated with the University of Helsinki?"
    )
    assert not answer.people and not answer.answered


@pytest.mark.parametrize(
    ("question", "negated"), [("engineers excl. NO", True), ("who has affil in both NO and DE", False)]
)
def test_country_codes_after_a_negation_or_both(glacier, question, negated):
    answer = glacier.answer(question)
    norway, germany = _people_in_country(glacier, "Norway"), _people_in_country(glacier, "Germany")
    if negated:
        engineers = set(glacier.index.people_by_role["engineer"])
        assert _named(answer) == engineers - norway
    else:
        assert _named(answer) == norway & germany


def test_how_many_people_work_on_it_after_a_theme(speech):
    theme = next(t for t in speech.kb.themes if t.number == 3)
    _, context = speech.converse(f"what is theme {theme.number}?")
    answer, _ = speech.converse("How many people are working on it?", context)
    assert answer.kind == "count" and answer.headline.startswith(f"{len(speech.index.people_by_theme[theme.id])} ")


def test_their_theme_after_people(wind):
    _, context = wind.converse("who is in Porto?")
    answer, _ = wind.converse("their theme", context)
    porto = set(wind.index.people_by_city["Porto"])
    assert {t.number for t in answer.themes} == _themes_of(wind, porto)


def test_dear_colleagues_and_summarise_ask_what_the_group_does(bundled):
    answer = bundled.answer(
        "Dear colleagues, I have been asked to write a short paragraph about the group for our hospital's annual"
        " research report, and I would like to describe its work accurately. Could you please summarise what the"
        " group actually researches? Thank you kindly."
    )
    assert answer.kind == "project"  # the group's card (its leader named on it), not a consortium's people


# Round AD (the last held-out round): kinds found there.


def test_swedish_not_tied_to(bundled):
    at_ous, at_uio = set(bundled.index.people_in_orgs(["ous"])), set(bundled.index.people_in_orgs(["uio"]))
    assert _named(bundled.answer("Vilka på Oslo universitetssjukhus är inte knutna till UiO?")) == at_ous - at_uio


def test_the_host_answer_names_the_host_s_short_form_too(wind):
    host = wind.kb.orgs_by_id[wind.kb.project.host]
    short = next(a for a in host.aliases if a.isupper())
    assert short in wind.answer("Which institution hosts the project?").headline


# Findings of a second review (of the changes after the first one), by a helper who did not write them.


def _a_postdoc(speech):
    return next(p for p in speech.kb.people if p.role == "postdoc")


@pytest.mark.parametrize("question", ["what postdocs do we have?", "what other postdocs are there?"])
def test_a_role_s_people_after_one_person_are_still_the_role_s_people(speech, question):
    person = _a_postdoc(speech)
    _, context = speech.converse(f"who is {person.name}?")
    answer, _ = speech.converse(question, context)
    assert len(answer.people) > 1


@pytest.mark.parametrize(
    "question",
    [
        "I am supervising PhD students in Tromsø: who are they?",
        "I'm meeting PhD students in Bergen tomorrow; who are they?",
    ],
)
def test_what_the_asker_does_is_not_what_they_are(glacier, question):
    city = "Tromsø" if "Tromsø" in question else "Bergen"
    phds = set(glacier.index.people_by_role["phd student"]) & set(glacier.index.people_by_city[city])
    assert _named(glacier.answer(question)) == phds


def test_a_title_that_is_no_everyday_word_in_a_sentence_before_still_counts(glacier):
    title = "scientific programmer"
    holders = {p.id for p in glacier.kb.people if title in (p.title or "").lower()}
    assert holders
    answer = glacier.answer("We need a scientific programmer for a code review next month. Who could help?")
    assert _named(answer) == holders


@pytest.mark.parametrize(
    "question", ["Who has no affiliation with UiO?", "Which collaborators have no affiliation with Karolinska?"]
)
def test_no_affiliation_with_any_number_of_words_between(bundled, question):
    org = "uio" if "UiO" in question else next(o.id for o in bundled.kb.organisations if "Karolinska" in o.name)
    named = _named(bundled.answer(question))
    assert named and not named & set(bundled.index.people_in_orgs([org]))


def test_which_organisations_are_not_in_a_country(bundled):
    answer = bundled.answer("which universities are not in Norway?")
    assert answer.organisations and all(bundled.kb.orgs_by_id[o.id].country != "Norway" for o in answer.organisations)


def test_a_name_that_ends_a_sentence_is_not_a_title(tmp_path):
    people = yaml.safe_load((DATA / "kb_glacier" / "people.yaml").read_text(encoding="utf-8"))
    a, b, c = (p["name"] for p in people[1:4])

    def edit(themes, _people):
        themes[0]["summary"] = f"{themes[0].get('summary', '')} Led by {a}. {b} and {c} run the stake network."

    engine = _edited(tmp_path, "kb_glacier", edit)
    number = engine.kb.themes[0].number
    assert {p.name for p in engine.answer(f"who leads theme {number}?").people} == {a}


@pytest.mark.parametrize("question", ["who leads the theme on penguins?", "who leads theme 0?"])
def test_no_theme_named_is_not_every_theme_s_leader(wind, question):
    answer = wind.answer(question)
    assert answer.headline != "The themes' leaders:"


def test_who_leads_the_group_after_a_theme_is_the_group_s_leader(wind):
    _, context = wind.converse("what is theme 2?")
    answer, _ = wind.converse("hvem er det som leder gruppen?", context)
    assert _named(answer) == {wind.kb.project.leader}


def test_who_leads_the_next_one_after_a_theme(wind):
    _, context = wind.converse("what is theme 2?")
    answer, _ = wind.converse("who leads the next one?", context)
    assert _named(answer) == _noted_leader(wind, 3)


def test_how_many_keywords_after_a_theme_is_no_count_of_people(glacier):
    _, context = glacier.converse("what is theme 2?")
    answer, _ = glacier.converse("how many institutions are involved in it?", context)
    assert "people" not in answer.headline and "personer" not in answer.headline


def test_a_new_abbreviation_before_a_new_sentence_ends_it(glacier):
    answer = glacier.answer("Jeg snakket med en postdok. Hvem er i Tromsø?")
    assert _named(answer) == set(glacier.index.people_by_city["Tromsø"])


def test_plural_kind_words_are_no_unknown_institution(bundled):
    assert bundled.answer("Universities and Hospitals in Norway, who is at them?").people


def test_a_greeting_with_whats_up_is_a_hello(bundled):
    assert bundled.answer("Hi, what's up?").kind == "greeting"


def test_norwegian_her_is_here_not_her(glacier):
    answer = glacier.answer("Professor Kari Nordmann holder foredrag på fredag. Hvem jobber her i Bergen?")
    assert _named(answer) == set(glacier.index.people_by_city["Bergen"])


# Round AE (the last held-out round) was not fixed for; a kind found there, after it was scored:


@pytest.mark.parametrize("question", ["Hvilke deltakere kommer fra Danmark?", "Which participants are in Denmark?"])
def test_participants_are_people_where_nobody_has_that_role(wind, question):
    assert "participant" not in wind.index.people_by_role
    assert _named(wind.answer(question)) == _people_in_country(wind, "Denmark")


# Round AF (the last held-out round): kinds fixed after it was scored.


def test_the_project_is_no_title(glacier):
    phds = glacier.index.people_by_role["phd student"]
    answer = glacier.answer("Please confirm the number of PhD students currently in the project.")
    assert answer.kind == "count" and answer.headline.startswith(f"{len(phds)} ")


def test_og_hvem_leder_temaet_after_one_theme(wind):
    _, context = wind.converse("hva er tema 2?")
    answer, _ = wind.converse("og hvem leder temaet?", context)
    assert _named(answer) == _noted_leader(wind, 2)


def test_andre_in_small_letters_is_others_not_a_first_name(glacier):
    andre = next(p for p in glacier.kb.people if p.name.split()[0] in ("André", "Andre"))
    answer = glacier.answer("hvem andre er på bjerknessenteret?")
    assert _named(answer) != {andre.id}
