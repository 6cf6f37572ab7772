"""Block Kit output: within Slack's limits, escaped, with the buttons people expect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.engine import Engine
from bot.slack.blocks import (
    FEEDBACK,
    HELPFUL,
    MAX_BLOCKS,
    NOT_HELPFUL,
    SHARE,
    SHOW_ALL,
    all_people_messages,
    answer_message,
    read_feedback,
)
from bot.slack.home import home_view
from bot.slack.markup import escape, question_from_slack, question_to_keep
from bot.slack.welcome import welcome_message


def big_group(directory: Path, people: int) -> Path:
    """A made-up group with many people in one town, to push against Block Kit's limits."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "project.yaml").write_text(
        yaml.safe_dump({"name": "Big lab", "summary": "Many people.", "leader": "p0"}), encoding="utf-8"
    )
    orgs = [{"id": f"o{n}", "name": f"Institute {n}", "city": "Bigtown", "country": "Norway"} for n in range(60)]
    (directory / "organisations.yaml").write_text(yaml.safe_dump(orgs), encoding="utf-8")
    persons = [
        {
            "id": f"p{n}",
            "name": f"Person{n:03d} Surname{n:03d}",
            "role": "participant",
            "slack": f"U{n:08d}",
            "affiliations": [{"org": f"o{n % 60}", "unit": "A department with a rather long name " * 3}],
        }
        for n in range(people)
    ]
    (directory / "people.yaml").write_text(yaml.safe_dump(persons), encoding="utf-8")
    return directory


def buttons(message: dict) -> list[dict]:
    return [e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"]]


def test_answer_has_fallback_text_summary_and_feedback(engine):
    message = answer_message(engine.answer("who works in Oslo"))
    assert message["text"].startswith("6 people in Oslo")
    assert message["blocks"][0]["text"]["text"] == "*6 people in Oslo:*"
    [rating] = [b for b in message["blocks"] if b["type"] == "context_actions"]
    [element] = rating["elements"]
    assert element["type"] == "feedback_buttons" and element["action_id"] == FEEDBACK
    up = read_feedback(element["positive_button"]["value"])
    down = read_feedback(element["negative_button"]["value"])
    assert up == (HELPFUL, "people", "who works in Oslo") and down == (NOT_HELPFUL, "people", "who works in Oslo")
    assert message["unfurl_links"] is False and message["unfurl_media"] is False
    assert message["metadata"] == {
        "event_type": "group_bot_answer",
        "event_payload": {"kind": "people", "answered": True},
    }


@pytest.mark.parametrize("value", ["", "not json", '{"v": "sideways", "k": "people", "q": "x"}', '{"v": "up"}', "[1]"])
def test_a_forged_feedback_value_is_not_read(value: str):
    assert read_feedback(value) is None


def test_ephemeral_answer_has_a_share_button(engine):
    message = answer_message(engine.answer("who is at KI"), ephemeral=True)
    assert SHARE in {b["action_id"] for b in buttons(message)}


def test_people_with_a_slack_id_are_mentioned(tmp_path: Path):
    engine = Engine.from_directory(big_group(tmp_path / "kb", 3))
    message = answer_message(engine.answer("who works in Bigtown"))
    assert "<@U00000001>" in json.dumps(message["blocks"])


def test_long_lists_stay_within_block_kit_limits(tmp_path: Path):
    engine = Engine.from_directory(big_group(tmp_path / "kb", 400))
    answer = engine.answer("who works in Bigtown")
    message = answer_message(answer, max_people=None)
    assert len(message["blocks"]) <= MAX_BLOCKS
    for block in message["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= 3000
    pages = all_people_messages(answer)
    assert sum(json.dumps(p["blocks"], ensure_ascii=False).count("• *") for p in pages) == 400
    assert all(len(p["blocks"]) <= MAX_BLOCKS for p in pages)


def test_buttons_respect_limits(engine):
    answer = engine.answer("who is " + "x" * 3000)
    for button in buttons(answer_message(answer, ephemeral=True)):
        assert len(button["text"]["text"]) <= 75 and len(button["value"]) <= 2000


def test_incoming_markup_is_decoded():
    assert question_from_slack("<@UBOT> who is at <https://uio.no|UiO>?", "UBOT") == "who is at UiO?"
    assert question_from_slack("<@UBOT>   hvem &amp; hva", "UBOT") == "hvem & hva"
    # Someone not in the knowledge is whom the message is addressed to, not a word of the question.
    assert question_from_slack("ask <@U123|alice> about <#C1|general>", "UBOT") == "ask about #general"
    assert question_from_slack("<!here> who leads?", "UBOT") == "who leads?"
    assert question_from_slack("<!subteam^S1|@oncall> who leads?", "UBOT") == "who leads?"
    assert question_from_slack("who is at <https://uio.no>?", "UBOT") == "who is at ?"
    assert question_from_slack("<@UBOT> &gt; who is in Oslo?\nwho is in ~Oslo~ *Bergen* :wave:", "UBOT") == (
        "who is in Bergen"
    )


def test_the_log_keeps_ids_and_the_words_meant():
    assert question_to_keep("<@UBOT> where is <@U0ANNA1|anna> :wave: ~now~ based?", "UBOT") == (
        "where is <@U0ANNA1> based?"
    )


def test_outgoing_text_is_escaped():
    assert escape("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"


def test_home_view_shows_the_group_at_a_glance(engine):
    view = home_view(engine)
    text = json.dumps(view, ensure_ascii=False)
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    assert "5 research themes" in text and "Stavanger University Hospital" in text and "Caroline S. Verbeke" in text


def test_home_view_of_a_big_group_fits(tmp_path: Path):
    view = home_view(Engine.from_directory(big_group(tmp_path / "kb", 400)))
    assert len(view["blocks"]) <= 100


def test_welcome_names_people_and_examples(engine):
    text = json.dumps(welcome_message(engine), ensure_ascii=False)
    assert "Whom to talk to" in text and "Bergen" in text and "Who works in" in text


def _block_texts(message: dict) -> str:
    return json.dumps(message["blocks"], ensure_ascii=False)


def test_blocks_are_drawn_from_the_typed_parts_never_from_the_text(engine):
    from dataclasses import replace

    answer = engine.answer("Who works in Oslo?")
    tampered = replace(answer, details=("THIS TEXT IS NOT READ",))
    blocks = _block_texts(answer_message(tampered))
    assert "THIS TEXT IS NOT READ" not in blocks
    assert blocks.count("Stein Kaasa") == 1  # one people line each, from the people part


def test_a_card_names_its_person_with_a_mention_and_statements_are_quoted(engine):
    from dataclasses import replace

    from bot.answer import CARD

    answer = engine.answer("What's Elin Kure's phone number?")  # not known: the card is titled
    card = next(part for part in answer.parts if part.kind == CARD)
    person = replace(card.people[0], slack="U0KURE")
    titled = replace(answer, parts=(replace(card, people=(person,)),))
    assert "*Elin Kure* (<@U0KURE>)" in _block_texts(answer_message(titled))
    project = answer_message(engine.answer("What is the project about?"))
    quoted = [
        b["text"]["text"] for b in project["blocks"] if b["type"] == "section" and b["text"]["text"].startswith(">")
    ]
    assert quoted and "stroma" in quoted[0]


def test_examples_are_bullets_and_suggestions_only_buttons(engine):
    answer = engine.answer("Who is Anders Hansen?")
    blocks = answer_message(answer)["blocks"]
    texts = _block_texts({"blocks": blocks})
    assert "• " in texts
    assert "Did you mean" not in texts or any(b["type"] == "actions" for b in blocks)


def test_a_long_theme_summary_stays_within_a_section(knowledge_copy: Path):
    themes = yaml.safe_load((knowledge_copy / "themes.yaml").read_text(encoding="utf-8"))
    themes[0]["summary"] = "Tumour & stroma <interactions> " * 120  # about 3,700 characters, more once escaped
    (knowledge_copy / "themes.yaml").write_text(yaml.safe_dump(themes, allow_unicode=True), encoding="utf-8")
    engine = Engine.from_directory(knowledge_copy)
    for question in ("what are the research themes?", "what does the group work on?"):
        message = answer_message(engine.answer(question))
        assert all(len(b["text"]["text"]) <= 3000 for b in message["blocks"] if b["type"] == "section")


@pytest.mark.parametrize("url", ["!channel", "!here", "@U0SOMEONE", "javascript:alert(1)", "<!everyone>"])
def test_a_knowledge_url_that_is_not_a_web_address_is_never_a_link(url: str):
    from bot.slack.markup import link

    shown = link(url, "source")
    assert "<" not in shown and url.strip("<>") in shown.replace("&lt;", "<").replace("&gt;", ">")


def test_web_addresses_stay_links_with_their_query():
    from bot.slack.markup import link

    assert link("https://example.org/a?b=1&c=2", "source") == "<https://example.org/a?b=1&amp;c=2|source>"


@pytest.mark.parametrize("question", ['what is "' + "\\" * 1600, "å" * 3000, 'a"b' * 900])
def test_feedback_values_stay_readable_at_the_limit(engine, question: str):
    from bot.answer import Answer
    from bot.slack.blocks import feedback_block

    block = feedback_block(Answer(question, "people", True, "x")).to_dict()
    value = block["elements"][0]["positive_button"]["value"]
    assert len(value) <= 2000
    verdict, kind, kept = read_feedback(value)
    assert verdict == HELPFUL and kind == "people" and question.startswith(kept) and len(kept) > 100


def test_buttons_survive_when_a_long_answer_is_cut(tmp_path: Path):
    engine = Engine.from_directory(big_group(tmp_path / "kb", 1000))
    message = answer_message(engine.answer("who works in Bigtown"), max_people=900)  # ~60 sections, then buttons
    assert len(message["blocks"]) == MAX_BLOCKS
    assert message["blocks"][-1]["type"] == "context_actions"  # 👍/👎
    assert SHOW_ALL in {e["action_id"] for e in buttons(message)}  # and the buttons above it


def test_several_themes_are_one_card_each(engine):
    answer = engine.answer("what are the research themes?")
    message = answer_message(answer)
    cards = [b["text"]["text"] for b in message["blocks"][1:] if b["type"] == "section"]
    assert len(answer.themes) >= 2 and len(cards) == len(answer.themes)
    for card, theme in zip(cards, answer.themes, strict=True):
        assert card.startswith(f"*{theme.number}. ") and theme.title in card
