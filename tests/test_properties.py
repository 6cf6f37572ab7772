"""Whatever arrives, the engine answers calmly: property tests with hypothesis."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answer import Answer

SLACK_MARKUP = st.sampled_from(
    ["<@U123ABC>", "<!channel>", "<!here|here>", "<#C123|general>", "<https://example.org|a link>", "&lt;&gt;&amp;"]
)
WORDS = st.sampled_from(["who", "is", "in", "Oslo", "theme", "hvem", "how many", "Karolinska", "not", "3", "?"])
QUESTION = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=50),
    st.lists(st.one_of(WORDS, SLACK_MARKUP, st.text(max_size=8)), max_size=30).map(" ".join),
    st.integers(0, 20_000).map(lambda n: "who is in Oslo " * (n // 15)),
)


def _calm(answer: Answer) -> None:
    assert isinstance(answer, Answer)
    assert answer.text.strip()
    assert 0.0 <= answer.confidence <= 1.0
    for person in answer.people:
        assert person.name in answer.text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUESTION)
def test_any_text_gets_a_calm_answer(engine, question):
    _calm(engine.answer(question))


def test_edge_inputs(engine):
    odd_digits = ["𐹨", "theme ²", "theme ٣", "how many ①", "2⁵ themes"]  # digits int() cannot read
    for question in [
        "",
        " \t\n ",
        "?" * 500,
        "🙂" * 1000,
        "\x00\x07\x1b",
        "x" * 10_000,
        "👍 who is in Oslo 👍",
        *odd_digits,
    ]:
        _calm(engine.answer(question))


def test_other_languages_are_not_guessed(engine):
    for question in ["¿Quién trabaja en Madrid?", "谁在奥斯陆工作?", "Wer arbeitet in München?"]:
        answer = engine.answer(question)
        assert answer.people == () and not answer.answered
