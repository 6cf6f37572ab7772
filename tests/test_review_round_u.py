"""Findings of a review of this round's understanding by a helper who did not write it: each test
failed before its fix. Expected people come from the knowledge itself."""

from __future__ import annotations

from bot.engine import Engine


def _named(answer) -> set[str]:
    return {ref.id for ref in answer.people}


def _on(engine: Engine, number: int) -> set[str]:
    theme = next(t for t in engine.kb.themes if t.number == number)
    return set(engine.index.people_by_theme[theme.id])


def test_a_message_in_capitals_has_no_country_codes(glacier):
    bergen = set(glacier.index.people_by_city["Bergen"])
    assert _named(glacier.answer("WHO IS IN BERGEN?")) == bergen
    assert "Italy" not in glacier.answer("Who handles IT support in Bergen?").text


def test_an_everyday_word_of_a_keyword_phrase_is_no_theme_alone(glacier):
    countries = {o.country for o in glacier.kb.organisations if glacier.index.people_in_orgs([o.id])}
    answer = glacier.answer("Hvor mange land er med?")
    assert str(len(countries)) in answer.text
    assert not glacier.answer("Which postdocs are at the front desk today?").people


def test_a_country_word_is_a_place_not_also_a_theme(speech):
    norway = set(speech.index.people_by_country["Norway"])
    phd = set(speech.index.people_by_role["phd student"])
    assert _named(speech.answer("Which Norwegian PhD students are in the group?")) == norway & phd


def test_the_consortiums_name_does_not_narrow_a_theme(glacier):
    theme = next(t for t in glacier.kb.themes if "havnivå" in " ".join([t.title_no or "", *t.keywords]).lower())
    assert _named(glacier.answer("Hvem forsker på havnivå?")) == _on(glacier, theme.number)


def test_an_emoji_between_words_keeps_one_question(glacier):
    theme = next(t for t in glacier.kb.themes if t.number == 2)
    word = theme.keywords[0]
    expected = _on(glacier, 2) & set(glacier.index.people_by_city["Bergen"])
    assert _named(glacier.answer(f"who in Bergen 🇳🇴 works on {word}?")) == expected


def test_which_with_a_verb_after_a_first_question_keeps_its_role(glacier):
    postdocs = set(glacier.index.people_by_role["postdoc"])
    tromso = set(glacier.index.people_by_city["Tromsø"])
    bergen = set(glacier.index.people_by_city["Bergen"])
    answer = glacier.answer("Which postdocs work in Bergen, and which work in Tromsø?")
    assert _named(answer) == postdocs & (bergen | tromso)


def test_a_dummy_det_does_not_join_two_questions(glacier):
    answer = glacier.answer("Hvem leder gruppen? Hvor mange er det i Bergen?")
    assert glacier.kb.project.leader in _named(answer)
    assert str(len(glacier.index.people_by_city["Bergen"])) in answer.text


def test_a_topic_nobody_wrote_down_after_does_is_not_dropped(glacier):
    for question in ("Who in Tromsø does permafrost research?", "Which PhD students work on calving and permafrost?"):
        answer = glacier.answer(question)
        assert not answer.people, question


def test_this_at_the_end_of_any_question_is_not_the_post(glacier):
    post = "New paper out on calving at the glacier front."
    answer, _ = glacier.converse("Who wrote this?", None, about=post)
    assert "'this'" not in answer.text and not answer.people


def test_a_post_about_no_theme_never_claims_an_answer_it_did_not_give(glacier):
    answer, _ = glacier.converse("who works on this?", None, about="🙂")
    assert "answered for the whole group" not in answer.text or answer.answered


def test_a_capitalised_first_name_is_not_read_as_a_question_word(glacier):
    answer = glacier.answer("Ivar Larsen?")
    assert answer.language == "en" or "kvar" not in " ".join(answer.explanation)
    assert not any("read as 'kvar'" in line for line in answer.explanation)


def test_finns_in_english_is_not_swedish(glacier):
    from bot.language import neighbours

    assert neighbours.language_of(["which", "finns", "work", "in", "bergen"]) is None


def test_who_else_in_the_group_after_a_theme_is_not_the_themes_other_people(glacier):
    _, context = glacier.converse("who works on theme 2?")
    answer, _ = glacier.converse("who else works in the group?", context)
    assert "theme 2" not in answer.headline or _named(answer) != _on(glacier, 2)


def test_what_do_they_work_on_names_each_of_them_with_their_themes(glacier):
    copenhagen = set(glacier.index.people_by_city["Copenhagen"])
    _, context = glacier.converse("who is in Copenhagen?")
    answer, _ = glacier.converse("what do they work on?", context)
    assert _named(answer) == {p for p in copenhagen if any(p in m for m in glacier.index.people_by_theme.values())}
    for person in (glacier.kb.people_by_id[p] for p in _named(answer)):
        assert person.name in answer.text


def test_one_answered_question_beside_one_about_nobody_keeps_both_parts(glacier):
    answer = glacier.answer("Who leads the group? Who is Donald Duck?")
    assert glacier.kb.project.leader in _named(answer)
    assert "Donald Duck" in answer.text


# Round V's kinds (scored once as held-out first; each test failed before its fix)


def test_at_the_same_time_between_not_and_what_it_negates(engine):
    ous = engine.index.people_in_orgs(["ous"])
    uio = engine.index.people_in_orgs(["uio"])
    answer = engine.answer("Hvem ved Oslo universitetssykehus er ikke samtidig tilknyttet Universitetet i Oslo?")
    assert _named(answer) == ous - uio


def test_a_compound_topic_nobody_wrote_down_is_not_its_last_word(glacier):
    """'kreftforskning' (cancer research) is not 'forskning': nobody here does it."""
    assert not glacier.answer("hvem jobber med kreftforskning her?").people


def test_which_of_them_work_on_a_topic_narrows_rather_than_lists_their_themes(glacier):
    theme = next(t for t in glacier.kb.themes if t.number == 5)
    _, context = glacier.converse("who is in Copenhagen?")
    answer, _ = glacier.converse(f"and which of them work on {theme.keywords[0]}?", context)
    assert _named(answer) == set(glacier.index.people_by_city["Copenhagen"]) & _on(glacier, 5)


def test_a_title_asked_for_is_the_title_not_the_theme_that_shares_its_word(speech):
    title_word = "logoped"
    titled = set(speech.index.people_by_title.get(title_word, set()))
    assert titled
    assert _named(speech.answer(f"hvem er {title_word}?")) == titled


def test_a_negated_topic_nobody_wrote_down_is_not_dropped(speech):
    assert not speech.answer("Which postdocs do not work on underwater acoustics?").people


# Round W's kinds (scored once as held-out first, then fixed; each test failed before its fix)


def test_trondersk_who_and_lead(speech):
    theme = next(t for t in speech.kb.themes if t.number == 4)
    assert _named(speech.answer("kæm jobbe med samisk?")) == _on(speech, 4), theme.title
    assert _named(speech.answer("kæm leie gruppa?")) == {speech.kb.project.leader}


def test_a_leader_word_inside_a_themes_title_is_the_theme(speech):
    theme = next(t for t in speech.kb.themes if t.number == 6)
    answer = speech.answer(f"Who works on {theme.title.lower()}?")
    assert _named(answer) == _on(speech, 6)


def test_a_role_word_before_a_noun_describes_the_noun(glacier):
    """'the Tromsø partner visit', 'a safety course': the role or title word describes what follows."""
    theme = next(t for t in glacier.kb.themes if t.number == 1)
    tromso = set(glacier.index.people_by_city["Tromsø"])
    question = f"For the Tromsø partner visit, which group members in Tromsø work on {theme.keywords[0]}?"
    assert _named(glacier.answer(question)) == tromso & _on(glacier, 1)
