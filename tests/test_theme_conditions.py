"""Themes as conditions on people, in knowledge whose themes list their people.

The expected people are worked out here from the knowledge itself (who is linked to which
theme, who is where, who has which role), never written down, so the tests say what the
answer must be for any such knowledge base, and fail when the engine ignores a condition.
"""

from __future__ import annotations

from bot.engine import Engine
from tests.conftest import DATA

GLACIER = DATA / "kb_glacier"
SPEECH = DATA / "kb_speech"


def _on(engine: Engine, number: int) -> set[str]:
    theme = next(t for t in engine.kb.themes if t.number == number)
    return set(engine.index.people_by_theme[theme.id])


def _in_city(engine: Engine, city: str) -> set[str]:
    return set(engine.index.people_by_city[city])


def _with_role(engine: Engine, role: str) -> set[str]:
    return set(engine.index.people_by_role[role.lower()])


def _named(answer) -> set[str]:
    return {ref.id for ref in answer.people}


def test_a_theme_and_a_city_intersect(glacier):
    expected = _on(glacier, 2) & _in_city(glacier, "Tromsø")
    assert expected and expected != _on(glacier, 2)  # the city narrows the theme
    answer = glacier.answer("who in Tromsø works on tidewater glaciers?")
    assert _named(answer) == expected
    assert "Tromsø" in answer.headline and "theme 2" in answer.headline


def test_a_topic_in_other_words_and_a_role(speech):
    expected = _on(speech, 5) & _with_role(speech, "PhD student")
    assert expected
    assert _named(speech.answer("which PhD students work on speech synthesis?")) == expected


def test_a_role_not_on_a_theme(speech):
    expected = _with_role(speech, "postdoc") - _on(speech, 2)
    assert expected and expected != _with_role(speech, "postdoc")
    assert _named(speech.answer("which postdocs are not on theme 2?")) == expected


def test_both_themes_and_either_theme(glacier):
    numbers = [t.number for t in glacier.kb.themes]
    a, b = next((a, b) for a in numbers for b in numbers if a < b and _on(glacier, a) & _on(glacier, b))
    both = _on(glacier, a) & _on(glacier, b)
    assert _named(glacier.answer(f"who works on both theme {a} and {b}?")) == both
    assert _named(glacier.answer(f"who works on theme {a} and {b} both?")) == both
    either = glacier.answer(f"which postdocs work on theme {a} or theme {b}?")
    assert _named(either) == (_on(glacier, a) | _on(glacier, b)) & _with_role(glacier, "postdoc")


def test_how_many_people_on_a_theme_counts_people_not_themes(glacier):
    members = _on(glacier, 4)
    answer = glacier.answer("how many people work on theme 4?")
    assert answer.kind == "count" and str(len(members)) in answer.headline
    assert _named(answer) == members


def test_what_someone_works_on_fills_the_themes_list(speech):
    person = next(
        p for p in speech.kb.people if any(p.id in members for members in speech.index.people_by_theme.values())
    )
    numbers = {t.number for t in speech.kb.themes if person.id in speech.index.people_by_theme.get(t.id, set())}
    answer = speech.answer(f"what does {person.name} work on?")
    assert _named(answer) == {person.id}
    assert {t.number for t in answer.themes} == numbers


def test_a_theme_word_in_a_department_name_is_the_topic_unless_after_a_place_word(speech):
    """'Sámi' names a theme and a university: 'works on Sámi' is the theme, 'at Sámi ...' the place."""
    on_theme = _on(speech, 4)
    assert _named(speech.answer("who works on Sámi languages?")) == on_theme


def test_the_bundled_knowledge_links_nobody_so_the_leader_is_the_one_to_ask(engine):
    answer = engine.answer("who in Bergen works on theme 2?")
    leader = engine.kb.project.leader
    assert _named(answer) <= {leader, *_in_city(engine, "Bergen")}
    plain = engine.answer("who works on theme 2?")
    assert _named(plain) == {leader}
    assert "does not say" in " ".join(line for part in plain.parts for line in part.text)


def test_follow_ups_narrow_count_and_ask_what_they_work_on(speech):
    members = _on(speech, 3)
    answer, context = speech.converse("who works on theme 3?")
    assert _named(answer) == members
    answer, context = speech.converse("which of them are PhD students?", context)
    narrowed = members & _with_role(speech, "PhD student")
    assert _named(answer) == narrowed
    answer, context = speech.converse("how many is that?", context)
    assert str(len(narrowed)) in answer.headline
    answer, _ = speech.converse("what do they work on?", context)
    expected = {t.number for t in speech.kb.themes if speech.index.people_by_theme[t.id] & narrowed}
    assert {t.number for t in answer.themes} == expected


def test_who_else_works_on_that_leaves_out_the_person_asked_about(glacier):
    person = next(p for p in glacier.kb.people if p.themes)
    theme = next(t for t in glacier.kb.themes if t.id == person.themes[0])
    answer, context = glacier.converse(f"what does {person.name} work on?")
    assert theme.number in {t.number for t in answer.themes}
    answer, _ = glacier.converse("who else works on that?", context)
    on_them = set().union(*(glacier.index.people_by_theme[t.id] for t in glacier.kb.themes if t.id in person.themes))
    assert _named(answer) == on_them - {person.id}


def test_a_keyword_phrase_word_for_word_names_its_theme(speech):
    theme = next(t for t in speech.kb.themes if any(len(k.split("-")) >= 3 for k in t.keywords))
    phrase = next(k for k in theme.keywords if len(k.split("-")) >= 3).replace("-", " ")
    assert _named(speech.answer(f"who's doing the {phrase} stuff here?")) == _on(speech, theme.number)


def test_the_projects_own_name_names_the_project_not_its_departments(speech):
    leader = speech.kb.project.leader
    answer = speech.answer(f"Every feature needs a face. Who leads the {speech.kb.project.name} group?")
    assert _named(answer) == {leader}


def test_that_refers_to_the_topic_of_the_sentence_before(speech):
    theme = next(t for t in speech.kb.themes if t.number == 4)
    topic = theme.keywords[0]
    answer = speech.answer(f"I'm writing a story about {topic}. Who in the group works on that?")
    assert _named(answer) == _on(speech, 4)


def test_a_topic_nobody_wrote_down_is_not_dropped(glacier):
    """'which PhD students work on <unknown>?' never lists all the PhD students."""
    for question in ("which PhD students work on permafrost carbon?", "which postdocs in Bergen work on permafrost?"):
        answer = glacier.answer(question)
        assert not answer.people and not answer.answered, question


def test_a_role_word_used_as_a_verb(speech):
    """'Hvem forsker på <topic>': 'forsker' is 'researches', not the role 'researcher'."""
    theme = next(t for t in speech.kb.themes if t.number == 2)
    topic = next(k for k in theme.keywords if k.startswith("store"))
    assert _named(speech.answer(f"Hvem forsker på {topic}?")) == _on(speech, 2)


def test_a_neighbour_languages_form_of_a_theme_word(glacier):
    """Danish 'massebalance', Swedish 'massbalans' for the Norwegian keyword 'massebalanse'."""
    theme = next(t for t in glacier.kb.themes if "massebalanse" in t.keywords)
    phd = _with_role(glacier, "PhD student")
    assert _named(glacier.answer("vilka doktorander jobbar med massbalans?")) == _on(glacier, theme.number) & phd


def test_this_under_a_post_is_the_posts_theme(glacier):
    post = "Plan for August: CTD casts every hundred metres along the calving front in the fjord."
    theme = next(t for t in glacier.kb.themes if "calving" in " ".join(t.keywords).lower() + t.title.lower())
    expected = _on(glacier, theme.number) & set(glacier.index.people_by_city["Bergen"])
    answer, _ = glacier.converse("who in Bergen works on this?", None, about=post)
    assert _named(answer) == expected
    assert f"theme {theme.number}" in answer.text and "'this'" in answer.text


def test_this_with_a_post_about_no_theme_answers_for_the_whole_group(glacier):
    answer, _ = glacier.converse("who in Bergen works on this?", None, about="The coffee machine is broken again.")
    assert _named(answer) == set(glacier.index.people_by_city["Bergen"])
    assert "matches none" in answer.text


def test_this_refers_to_the_conversation_before_the_post(glacier):
    """With an earlier answer in the conversation, 'this' is that answer's topic, not the post's."""
    _, context = glacier.converse("who works on theme 5?")
    answer, _ = glacier.converse("which postdocs work on this?", context, about="Calving front survey plan.")
    assert "'this'" not in answer.text


def test_that_in_a_question_with_a_place_is_the_topic_before(glacier):
    theme = next(t for t in glacier.kb.themes if t.number == 2)
    expected = _on(glacier, 2) & set(glacier.index.people_by_city["Tromsø"])
    question = f"I'm doing a piece on {theme.keywords[0]} in Svalbard. Is there anyone in Tromsø who studies that?"
    assert _named(glacier.answer(question)) == expected


def test_a_compound_that_shares_only_its_last_word_with_a_theme_is_not_that_theme(speech):
    """'bildegjenkjenning' (image recognition) is not 'talegjenkjenning' (speech recognition): a word is
    never overwritten by another word that only ends like it."""
    answer = speech.answer("Hvem jobber med bildegjenkjenning?")
    assert not answer.people and not answer.answered
