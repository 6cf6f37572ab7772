"""Slack conversations: follow-ups in threads and DMs, a person when the bot can't answer, feedback.

Every test sends signed requests to the real bolt app over HTTP and reads what reached the
local mock of Slack's Web API. The app runs with process_before_response, so a request
returns only after its listener has finished: "nothing was posted" is checked the moment
the request returns, with no sleep.
"""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.engine import Engine
from bot.slack.blocks import ASK_PERSON, FEEDBACK
from bot.unanswered import FEEDBACK_REASON, HANDED_OFF, THUMBS_DOWN, THUMBS_UP, UnansweredLog
from tests.slack_helpers import action_payload, event, fixture, running_bot
from tests.slack_mock import BOT_USER_ID, SlackMock

LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
THREAD = "1715000000.000100"  # the ts of the app_mention fixture: the thread the bot answers in


@pytest.fixture
def log(tmp_path: Path) -> UnansweredLog:
    return UnansweredLog(tmp_path / "data" / "unanswered.sqlite3")


@pytest.fixture
def bot(mock, engine, log):
    with running_bot(mock, lambda: engine, recorder=log, maintainers_channel="C0MAINTAIN") as running:
        yield running


def posts(mock: SlackMock) -> list[dict[str, Any]]:
    return mock.of("chat.postMessage")


def names_in(message: dict[str, Any]) -> str:
    return json.dumps(message.get("blocks", []), ensure_ascii=False) + message.get("text", "")


def mention(text: str, event_id: str, **changes: Any) -> dict[str, Any]:
    return event("app_mention", event_id=event_id, text=f"<@{BOT_USER_ID}> {text}", **changes)


def reply_in_thread(text: str, event_id: str, ts: str, thread: str = THREAD, **changes: Any) -> dict[str, Any]:
    return event("message_channel", event_id=event_id, text=text, ts=ts, thread_ts=thread, **changes)


def dm(text: str, event_id: str, ts: str) -> dict[str, Any]:
    return event("message_im", event_id=event_id, text=text, ts=ts)


def stored(log: UnansweredLog) -> list[tuple[str, str, str]]:
    return [(s.reason, s.kind, s.question) for s in log.since(LONG_AGO)]


# --- follow-ups in threads ---------------------------------------------------------------------


def test_a_reply_in_the_bots_thread_is_a_follow_up_read_with_that_threads_context(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0T1"))
    bot.send_event(reply_in_thread("which of them are at the hospital?", "Ev0T2", "1715000010.000001"))
    first, second = posts(mock)
    assert second["thread_ts"] == THREAD and second["channel"] == "C0GENERAL"
    assert first["text"].startswith("6 people in Oslo")
    named_second = {n for n in ("Labori", "Mæhle", "Kure", "Kaasa", "Verbeke", "Taskén") if n in names_in(second)}
    assert named_second and "Taskén" not in named_second  # a subset of the first answer, not everyone again
    assert "Molven" not in names_in(second)


def test_a_fresh_question_in_the_thread_is_read_fresh(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0F1"))
    bot.send_event(reply_in_thread("who is Anders Molven?", "Ev0F2", "1715000010.000002"))
    assert "Bergen" in names_in(posts(mock)[1])


def test_other_channel_chatter_is_never_answered(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0C1"))
    # not in a thread; in someone else's thread; from a bot; an edit; the bot's own mention (answered once, below)
    bot.send_event(event("message_channel", event_id="Ev0C2", text="who works in Bergen?", ts="1715000020.1"))
    bot.send_event(reply_in_thread("who works in Bergen?", "Ev0C3", "1715000020.2", thread="1714000000.000001"))
    bot.send_event(reply_in_thread("who works in Bergen?", "Ev0C4", "1715000020.3", bot_id="B0OTHER"))
    bot.send_event(reply_in_thread("who works in Bergen?", "Ev0C5", "1715000020.4", subtype="message_changed"))
    assert len(posts(mock)) == 1


def test_a_mention_inside_the_thread_is_answered_once_not_twice(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0M1"))
    text = f"<@{BOT_USER_ID}> and in Bergen?"
    bot.send_event(mention("and in Bergen?", "Ev0M2", ts="1715000030.1", thread_ts=THREAD))
    bot.send_event(reply_in_thread(text, "Ev0M3", "1715000030.1"))  # Slack's message event for the same post
    assert len(posts(mock)) == 2
    assert "Molven" in names_in(posts(mock)[1])


@pytest.mark.parametrize("closing", ["thanks!", "stop", "takk"])
def test_thanks_or_stop_ends_the_thread(bot, mock, closing):
    bot.send_event(mention("who works in Oslo?", "Ev0E1"))
    bot.send_event(reply_in_thread(closing, "Ev0E2", "1715000040.1"))
    bot.send_event(reply_in_thread("and in Bergen?", "Ev0E3", "1715000040.2"))
    assert len(posts(mock)) == 2  # the answer, one short reply to the closing word, then silence
    assert "Molven" not in names_in(posts(mock)[1])
    bot.send_event(mention("and in Bergen?", "Ev0E4", ts="1715000040.3", thread_ts=THREAD))
    assert len(posts(mock)) == 3  # a new mention starts it again


def test_a_dm_is_one_conversation_and_a_full_new_question_starts_afresh(bot, mock):
    bot.send_event(dm("who works in Bergen?", "Ev0D1", "1715000050.1"))
    bot.send_event(dm("what is his title?", "Ev0D2", "1715000050.2"))
    bot.send_event(dm("who leads the group?", "Ev0D3", "1715000050.3"))
    first, second, third = posts(mock)
    assert "Molven" in names_in(first) and "Molven" in second["text"].split("\n")[0]  # "his" is Molven
    assert "Verbeke" in names_in(third) and "Molven" not in names_in(third)
    assert all(p["channel"] == "D0ALICEDM" and p.get("thread_ts") is None for p in (first, second, third))


def test_threads_are_kept_apart(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0A1"))
    bot.send_event(mention("who works in Sweden?", "Ev0A2", ts="1715000060.000001"))
    bot.send_event(reply_in_thread("how many is that?", "Ev0A3", "1715000060.2", thread="1715000060.000001"))
    assert "3" in posts(mock)[2]["text"] and "6" not in posts(mock)[2]["text"]


def test_a_person_mentioned_by_their_slack_id_is_asked_about(mock, knowledge_copy: Path):
    people = yaml.safe_load((knowledge_copy / "people.yaml").read_text(encoding="utf-8"))
    molven = next(p for p in people if p["name"].endswith("Molven"))
    molven["slack"] = "U0MOLVEN1"
    (knowledge_copy / "people.yaml").write_text(yaml.safe_dump(people, allow_unicode=True), encoding="utf-8")
    engine = Engine.from_directory(knowledge_copy)
    with running_bot(mock, lambda: engine) as bot:
        bot.send_event(mention("where does <@U0MOLVEN1> work?", "Ev0S1"))
    assert "Bergen" in names_in(posts(mock)[0])


# --- answers carry metadata and never unfurl -----------------------------------------------------


def test_answers_carry_their_kind_as_metadata_and_do_not_unfurl(bot, mock):
    bot.send_event(mention("who leads the group?", "Ev0U1"))
    [message] = posts(mock)
    assert message["unfurl_links"] is False and message["unfurl_media"] is False
    assert message["metadata"]["event_type"] == "group_bot_answer"
    assert message["metadata"]["event_payload"]["answered"] is True


# --- a person when the bot can't answer ----------------------------------------------------------


def _unknown_answer(bot, mock) -> dict[str, Any]:
    bot.send_event(mention("what is the wifi password in the lab?", "Ev0H1"))
    [answer] = posts(mock)
    return answer


def _ask_person_button(message: dict[str, Any]) -> dict[str, Any]:
    return next(
        e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"] if e["action_id"] == ASK_PERSON
    )


def _click(bot, mock, button: dict[str, Any], message_ts: str = "1715000200.000300") -> None:
    payload = action_payload(ASK_PERSON, button["value"], mock)
    payload["message"]["ts"] = message_ts
    bot.send_action(payload)


def test_i_dont_know_offers_a_person_and_hands_the_question_to_the_maintainers(bot, mock, log):
    answer = _unknown_answer(bot, mock)
    assert answer["metadata"]["event_payload"]["answered"] is False
    _click(bot, mock, _ask_person_button(answer))
    handed = [p for p in posts(mock) if p["channel"] == "C0MAINTAIN"]
    assert len(handed) == 1
    assert "what is the wifi password in the lab?" in handed[0]["text"] and "<@U0ALICE01>" in handed[0]["text"]
    assert "https://example.slack.com/archives/C0GENERAL/p1715000200000300" in handed[0]["text"]
    told = [c.body for c in mock.calls if c.path == "/respond/action"]
    assert told[-1]["response_type"] == "ephemeral" and "<#C0MAINTAIN>" in told[-1]["text"]
    assert (HANDED_OFF, "unknown", "what is the wifi password in the lab?") in stored(log)


def test_a_second_click_does_not_hand_off_twice(bot, mock, log):
    button = _ask_person_button(_unknown_answer(bot, mock))
    _click(bot, mock, button)
    _click(bot, mock, button)
    assert len([p for p in posts(mock) if p["channel"] == "C0MAINTAIN"]) == 1
    assert [r for r, _, _ in stored(log)].count(HANDED_OFF) == 1


def test_without_a_maintainers_channel_the_leader_gets_a_dm(mock, knowledge_copy: Path):
    people = yaml.safe_load((knowledge_copy / "people.yaml").read_text(encoding="utf-8"))
    next(p for p in people if p.get("role") == "leader")["slack"] = "U0LEADER1"
    (knowledge_copy / "people.yaml").write_text(yaml.safe_dump(people, allow_unicode=True), encoding="utf-8")
    engine = Engine.from_directory(knowledge_copy)
    with running_bot(mock, lambda: engine) as bot:
        _click(bot, mock, _ask_person_button(_unknown_answer(bot, mock)))
    assert [p["channel"] for p in posts(mock)][-1] == "U0LEADER1"
    told = [c.body for c in mock.calls if c.path == "/respond/action"]
    assert "<@U0LEADER1>" in told[-1]["text"]


def test_with_nobody_to_hand_to_the_asker_is_told_so(mock, engine):
    with running_bot(mock, lambda: engine) as bot:
        _click(bot, mock, _ask_person_button(_unknown_answer(bot, mock)))
    assert len(posts(mock)) == 1  # only the answer: nothing was sent anywhere
    told = [c.body for c in mock.calls if c.path == "/respond/action"]
    assert "couldn't pass your question on" in told[-1]["text"]


def test_answers_the_bot_knows_offer_no_hand_off(bot, mock):
    bot.send_event(mention("who leads the group?", "Ev0K1"))
    actions = [e["action_id"] for b in posts(mock)[0]["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert ASK_PERSON not in actions


# --- native feedback -----------------------------------------------------------------------------


def _rating(message: dict[str, Any], which: str) -> str:
    [block] = [b for b in message["blocks"] if b["type"] == "context_actions"]
    return block["elements"][0][f"{which}_button"]["value"]


def _view_submission(view: dict[str, Any], reason: str | None) -> dict[str, Any]:
    values = {"reason_block": {"reason": {"type": "plain_text_input", "value": reason}}}
    payload = fixture("block_actions")
    return {
        "type": "view_submission",
        "team": payload["team"],
        "user": payload["user"],
        "api_app_id": payload["api_app_id"],
        "token": payload["token"],
        "trigger_id": payload["trigger_id"],
        "view": {**view, "id": "V0FEEDBACK", "team_id": "T0001", "state": {"values": values}},
    }


def test_thumbs_up_is_kept_with_the_kind_of_answer(bot, mock, log):
    bot.send_event(mention("who leads the group?", "Ev0R1"))
    bot.send_action(action_payload(FEEDBACK, _rating(posts(mock)[0], "positive"), mock))
    assert stored(log) == [(THUMBS_UP, "leader", "who leads the group?")]
    told = [c.body for c in mock.calls if c.path == "/respond/action"]
    assert told[-1]["response_type"] == "ephemeral"


def test_thumbs_down_opens_a_form_and_the_reason_is_kept(bot, mock, log):
    bot.send_event(mention("who works in Oslo?", "Ev0R2"))
    bot.send_action(action_payload(FEEDBACK, _rating(posts(mock)[0], "negative"), mock))
    [opened] = mock.of("views.open")
    assert opened["view"]["blocks"][0]["optional"] is True
    status, _ = bot.send_form({"payload": json.dumps(_view_submission(opened["view"], "Elin Kure is missing"))})
    assert status == 200
    assert stored(log) == [
        (THUMBS_DOWN, "people", "who works in Oslo?"),
        (FEEDBACK_REASON, "people", "who works in Oslo?"),
    ]
    assert log.since(LONG_AGO)[1].detail == "Elin Kure is missing"


def test_an_empty_form_keeps_the_thumbs_down_only(bot, mock, log):
    bot.send_event(mention("who works in Oslo?", "Ev0R3"))
    bot.send_action(action_payload(FEEDBACK, _rating(posts(mock)[0], "negative"), mock))
    [opened] = mock.of("views.open")
    bot.send_form({"payload": json.dumps(_view_submission(opened["view"], None))})
    assert [r for r, _, _ in stored(log)] == [THUMBS_DOWN]


# --- the Messages tab ----------------------------------------------------------------------------


def test_the_messages_tab_gets_up_to_four_suggested_prompts_with_the_agent_view(mock, engine):
    with running_bot(mock, lambda: engine, agent_view=True) as bot:
        bot.send_event(event("app_home_opened", event_id="Ev0P1", tab="messages", channel="D0ALICEDM"))
    [call] = mock.of("assistant.threads.setSuggestedPrompts")
    prompts = call["prompts"] if isinstance(call["prompts"], list) else json.loads(call["prompts"])
    assert call["channel_id"] == "D0ALICEDM" and "thread_ts" not in call
    assert 1 <= len(prompts) <= 4
    assert [p["message"] for p in prompts] == engine.examples()[: len(prompts)]


def test_without_the_agent_view_the_messages_tab_is_left_alone(bot, mock):
    bot.send_event(event("app_home_opened", event_id="Ev0P2", tab="messages", channel="D0ALICEDM"))
    assert mock.of("assistant.threads.setSuggestedPrompts") == [] and mock.of("views.publish") == []


# --- what the log keeps about people -------------------------------------------------------------


def test_the_log_keeps_mentions_as_ids_and_masks_addresses_and_numbers(bot, mock, log):
    question = "does <@U0BOB0001|bob> know the lab's wifi? mail bob.b@example.org or call +47 22 33 44 55"
    bot.send_event(mention(question, "Ev0L1"))
    [(_, _, kept)] = stored(log)
    assert "<@U0BOB0001>" in kept and "bob " not in kept.replace("bob.b", "")
    assert "example.org" not in kept and "22 33 44 55" not in kept
    assert "[e-mail]" in kept and "[phone]" in kept
    assert stat.S_IMODE(log.path.stat().st_mode) == 0o600


# --- the review's findings: each test failed before its fix ---------------------------------------


def _with_slack_ids(knowledge: Path, ids: dict[str, str]) -> Engine:
    people = yaml.safe_load((knowledge / "people.yaml").read_text(encoding="utf-8"))
    for person in people:
        if person["name"] in ids:
            person["slack"] = ids[person["name"]]
    (knowledge / "people.yaml").write_text(yaml.safe_dump(people, allow_unicode=True), encoding="utf-8")
    return Engine.from_directory(knowledge)


def test_people_talking_to_each_other_in_the_bots_thread_are_left_alone(bot, mock, log):
    bot.send_event(mention("who works in Oslo?", "Ev0X1"))
    bob = {"user": "U0BOB0001"}
    bot.send_event(reply_in_thread("<@U0CAROL01> can you send me your slides from Friday?", "Ev0X2", "1.1", **bob))
    bot.send_event(reply_in_thread("who works in Bergen?", "Ev0X3", "1.2", **bob))  # Bob never asked the bot
    bot.send_event(reply_in_thread("great, see you all on friday at the lab", "Ev0X4", "1.3"))  # the asker, chatting
    assert len(posts(mock)) == 1
    assert stored(log) == []
    bot.send_event(reply_in_thread("and in Bergen?", "Ev0X5", "1.4"))  # the asker, asking: answered
    assert len(posts(mock)) == 2 and "Molven" in names_in(posts(mock)[1])


def test_a_labelled_mention_of_the_bot_in_its_thread_is_answered_once(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0Y1"))
    bot.send_event(mention("and in Bergen?", "Ev0Y2", ts="1715000070.1", thread_ts=THREAD))
    text = f"<@{BOT_USER_ID}|groupbot> and in Bergen?"
    bot.send_event(reply_in_thread(text, "Ev0Y3", "1715000070.1"))
    assert len(posts(mock)) == 2


def test_a_reply_in_a_thread_of_a_dm_continues_the_dm(bot, mock):
    bot.send_event(dm("who works in Bergen?", "Ev0Z1", "1715000080.1"))
    bot.send_event(
        event("message_im", event_id="Ev0Z2", text="where does he work?", ts="1715000080.2", thread_ts="1715000080.1")
    )
    assert "Molven" in posts(mock)[1]["text"].split("\n")[0]


def test_a_clicked_suggestion_moves_the_thread_on(bot, mock):
    bot.send_event(mention("who is Kur?", "Ev0W1"))
    [first] = posts(mock)
    button = next(b for b in first["blocks"] if b.get("block_id") == "suggestions")["elements"][0]
    assert "Kure" in button["value"]
    payload = action_payload(button["action_id"], button["value"], mock)
    payload["message"]["thread_ts"] = THREAD
    bot.send_action(payload)
    bot.send_event(reply_in_thread("where does she work?", "Ev0W2", "1715000090.1"))
    third = posts(mock)[2]
    assert third["thread_ts"] == THREAD and "Kure" in third["text"] and "Oslo" in names_in(third)


def test_a_suggestion_clicked_in_a_dm_stays_in_the_dm(bot, mock):
    bot.send_event(dm("Who is Anders Hansen?", "Ev0V1", "1715000095.1"))
    button = next(b for b in posts(mock)[0]["blocks"] if b.get("block_id") == "suggestions")["elements"][0]
    payload = action_payload(button["action_id"], button["value"], mock)
    payload["channel"] = {"id": "D0ALICEDM", "name": "directmessage"}
    payload["message"].pop("thread_ts")
    payload["message"]["ts"] = "1715000095.2"
    bot.send_action(payload)
    assert posts(mock)[1]["channel"] == "D0ALICEDM" and posts(mock)[1].get("thread_ts") is None


def test_feedback_and_hand_offs_keep_slack_ids_not_names(mock, knowledge_copy: Path, log):
    engine = _with_slack_ids(knowledge_copy, {"Anders Molven": "U0MOLVEN1"})
    with running_bot(mock, lambda: engine, recorder=log, maintainers_channel="C0MAINTAIN") as bot:
        bot.send_event(mention("where does <@U0MOLVEN1|anders> work?", "Ev0I1"))
        bot.send_action(action_payload(FEEDBACK, _rating(posts(mock)[0], "negative"), mock))
        bot.send_event(mention("is <@U0MOLVEN1|anders> on the wifi committee?", "Ev0I2", ts="1715000099.1"))
        _click(bot, mock, _ask_person_button(posts(mock)[1]))
    kept = [question for _, _, question in stored(log)]
    assert kept and all("Molven" not in q and "anders" not in q for q in kept)
    assert all("<@U0MOLVEN1>" in q for q in kept)
    handed = next(p for p in posts(mock) if p["channel"] == "C0MAINTAIN")
    assert "<@U0MOLVEN1" not in handed["text"]  # shown to the maintainers as typed, and never a new mention


def test_a_person_rates_an_answer_once(bot, mock, log):
    bot.send_event(mention("who leads the group?", "Ev0J1"))
    up, down = _rating(posts(mock)[0], "positive"), _rating(posts(mock)[0], "negative")
    for value in (up, up, down, up):
        bot.send_action(action_payload(FEEDBACK, value, mock))
    assert [r for r, _, _ in stored(log)] == [THUMBS_UP]
    assert mock.of("views.open") == []


def test_a_question_is_handed_off_once_whoever_clicks(bot, mock, log):
    button = _ask_person_button(_unknown_answer(bot, mock))
    for clicker in ("U0ALICE01", "U0BOB0001", "U0CAROL01"):
        payload = action_payload(ASK_PERSON, button["value"], mock)
        payload["message"]["ts"] = "1715000200.000300"
        payload["user"]["id"] = clicker
        bot.send_action(payload)
    assert len([p for p in posts(mock) if p["channel"] == "C0MAINTAIN"]) == 1


def test_a_hand_off_from_a_dm_has_no_link_nobody_else_could_open(bot, mock):
    bot.send_event(dm("what is the wifi password in the lab?", "Ev0G1", "1715000300.1"))
    payload = action_payload(ASK_PERSON, _ask_person_button(posts(mock)[0])["value"], mock)
    payload["channel"] = {"id": "D0ALICEDM", "name": "directmessage"}
    bot.send_action(payload)
    handed = next(p for p in posts(mock) if p["channel"] == "C0MAINTAIN")
    assert "archives" not in handed["text"] and "reply to them directly" in handed["text"]


def test_when_posting_the_answer_fails_the_asker_gets_an_apology_there(bot, mock):
    from bot.service import APOLOGY

    mock.fail("chat.postMessage", 500)
    bot.send_event(mention("who works in Oslo?", "Ev0B1"))
    failed, apology = mock.wait_for("chat.postMessage", 2)
    assert "Oslo" in failed["text"]
    assert apology["text"] == APOLOGY and apology["thread_ts"] == THREAD and apology["channel"] == "C0GENERAL"
