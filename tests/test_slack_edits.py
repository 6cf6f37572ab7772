"""Edited and deleted questions: the answer follows its question, in place, once.

Signed `message` events (subtypes `message_changed`, `message_deleted`) go to the real app over
HTTP; what the mock Web API received is the truth. The app runs with process_before_response,
so when a request returns its listener has finished: "nothing was updated" is read then, after
a later request that did something, never after a sleep.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.slack.answered import EDIT_WINDOW_SECONDS, AnsweredQuestions
from tests.slack_helpers import event, running_bot
from tests.slack_mock import BOT_ID, BOT_USER_ID

QUESTION_TS = "1715000000.000100"  # the app_mention fixture's ts: a channel question and its thread
DM_TS = "1715000100.000200"  # the message_im fixture's ts
SOON = float(QUESTION_TS) + 60  # a minute after the question: well inside the edit window
# The mock numbers its posts: the answer that ends in .000001 is the first one posted, and so on.
RETRY = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}


@pytest.fixture
def bot(mock, engine):
    with running_bot(mock, lambda: engine) as running:
        running.services.clock = lambda: SOON
        yield running


def names_in(message: dict[str, Any]) -> str:
    return json.dumps(message.get("blocks", []), ensure_ascii=False) + message.get("text", "")


def mention(text: str, event_id: str, **changes: Any) -> dict[str, Any]:
    return event("app_mention", event_id=event_id, text=f"<@{BOT_USER_ID}> {text}", **changes)


def edited(
    channel: str, ts: str, before: str, after: str, event_id: str, channel_type: str = "channel", **message: Any
) -> dict[str, Any]:
    """Slack's message_changed: the whole new message and the whole previous one."""
    old = {"type": "message", "user": "U0ALICE01", "text": before, "ts": ts, **message}
    new = {**old, "text": after, "edited": {"user": "U0ALICE01", "ts": f"{SOON:.6f}"}}
    body = event("message_channel", event_id=event_id)
    body["event"] = {
        "type": "message",
        "subtype": "message_changed",
        "hidden": True,
        "channel": channel,
        "channel_type": channel_type,
        "ts": f"{SOON:.6f}",
        "event_ts": f"{SOON:.6f}",
        "message": new,
        "previous_message": old,
    }
    return body


def deleted(channel: str, ts: str, event_id: str, channel_type: str = "channel") -> dict[str, Any]:
    body = event("message_channel", event_id=event_id)
    body["event"] = {
        "type": "message",
        "subtype": "message_deleted",
        "hidden": True,
        "channel": channel,
        "channel_type": channel_type,
        "ts": f"{SOON:.6f}",
        "deleted_ts": ts,
        "event_ts": f"{SOON:.6f}",
        "previous_message": {"type": "message", "user": "U0ALICE01", "text": "…", "ts": ts},
    }
    return body


# --- edits ---------------------------------------------------------------------------------------


def test_an_edited_mention_updates_its_answer_in_place(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0ED1"))
    before = f"<@{BOT_USER_ID}> who works in Oslo?"
    bot.send_event(edited("C0GENERAL", QUESTION_TS, before, f"<@{BOT_USER_ID}> who works in Bergen?", "Ev0ED2"))
    [update] = mock.of("chat.update")
    assert len(mock.of("chat.postMessage")) == 1  # no second answer
    assert update["channel"] == "C0GENERAL" and update["ts"].endswith(".000001")  # the first (only) post
    assert "Anders Molven" in names_in(update) and "Kure" not in names_in(update)
    assert update["metadata"]["event_payload"]["answered"] is True


def test_an_edit_is_acted_on_once_whatever_slack_retries(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0ER1"))
    change = edited("C0GENERAL", QUESTION_TS, "who works in Oslo?", "who works in Bergen?", "Ev0ER2")
    for headers in (None, RETRY, {**RETRY, "X-Slack-Retry-Num": "2"}):
        assert bot.send_event(change, headers=headers)[0] == 200
    assert len(mock.of("chat.update")) == 1


def test_an_edit_older_than_ten_minutes_is_left_alone(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0EO1"))
    bot.services.clock = lambda: float(QUESTION_TS) + EDIT_WINDOW_SECONDS + 1
    bot.send_event(edited("C0GENERAL", QUESTION_TS, "who works in Oslo?", "who works in Bergen?", "Ev0EO2"))
    bot.send_event(mention("who leads the group?", "Ev0EO3", ts="1715000500.000001"))  # a later, answered request
    assert len(mock.wait_for("chat.postMessage", 2)) == 2
    assert mock.of("chat.update") == []


def test_an_edit_that_leaves_the_question_as_it_was_does_nothing(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0EU1"))
    text = f"<@{BOT_USER_ID}> who works in Oslo?"
    unfurl = edited("C0GENERAL", QUESTION_TS, text, text, "Ev0EU2", attachments=[{"from_url": "https://x.org"}])
    emoji_only = edited("C0GENERAL", QUESTION_TS, text, text + " :+1:", "Ev0EU3")
    bot.send_event(unfurl)
    bot.send_event(emoji_only)
    bot.send_event(mention("who leads the group?", "Ev0EU4", ts="1715000500.000002"))
    mock.wait_for("chat.postMessage", 2)
    assert mock.of("chat.update") == []


def test_each_edit_is_read_against_the_question_as_last_answered(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0ES1"))
    bergen, sweden = f"<@{BOT_USER_ID}> who works in Bergen?", f"<@{BOT_USER_ID}> who works in Sweden?"
    bot.send_event(edited("C0GENERAL", QUESTION_TS, f"<@{BOT_USER_ID}> who works in Oslo?", bergen, "Ev0ES2"))
    link_preview = edited("C0GENERAL", QUESTION_TS, bergen, bergen, "Ev0ES3", attachments=[{"from_url": "https://x"}])
    bot.send_event(link_preview)  # the edited question, unchanged: nothing to do
    bot.send_event(edited("C0GENERAL", QUESTION_TS, bergen, sweden, "Ev0ES4"))
    first, second = mock.of("chat.update")
    assert "Anders Molven" in names_in(first) and "Anders Molven" not in names_in(second)
    assert second["text"].startswith("3") and first["ts"] == second["ts"]


def test_edits_of_messages_the_bot_never_answered_are_ignored(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0EN1"))
    chatter = edited("C0GENERAL", "1715000300.000001", "lunch?", "who works in Bergen?", "Ev0EN2")
    own = edited("C0GENERAL", "1715000300.000002", "x", "y", "Ev0EN3", bot_id=BOT_ID, user=BOT_USER_ID)
    bot.send_event(chatter)
    bot.send_event(own)
    bot.send_event(mention("who leads the group?", "Ev0EN4", ts="1715000500.000003"))
    mock.wait_for("chat.postMessage", 2)
    assert mock.of("chat.update") == [] and mock.of("chat.delete") == []


def test_an_edited_follow_up_is_reread_with_the_context_it_was_asked_in(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0EF1"))
    reply = event(
        "message_channel",
        event_id="Ev0EF2",
        text="which of them are at the hospital?",
        ts="1715000010.1",
        thread_ts=QUESTION_TS,
    )
    bot.send_event(reply)
    assert mock.wait_for("chat.postMessage", 2)[1]["thread_ts"] == QUESTION_TS
    bot.send_event(
        edited(
            "C0GENERAL",
            "1715000010.1",
            "which of them are at the hospital?",
            "how many is that?",
            "Ev0EF3",
            thread_ts=QUESTION_TS,
        )
    )
    [update] = mock.of("chat.update")
    assert update["ts"].endswith(".000002")  # the follow-up's own answer, not the first one
    assert "6" in update["text"]  # still "of them": the six in Oslo, read with the thread's first question


def test_the_thread_goes_on_from_the_edited_question(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0ET1"))
    bot.send_event(
        edited("C0GENERAL", QUESTION_TS, "who works in Oslo?", f"<@{BOT_USER_ID}> who works in Sweden?", "Ev0ET2")
    )
    bot.send_event(
        event("message_channel", event_id="Ev0ET3", text="how many is that?", ts="1715000020.1", thread_ts=QUESTION_TS)
    )
    follow_up = mock.wait_for("chat.postMessage", 2)[1]
    assert "3" in follow_up["text"] and "6" not in follow_up["text"]


def test_a_thread_reply_edited_into_what_the_bot_cannot_answer_loses_its_answer(bot, mock):
    """A reply that did not mention the bot is answered only when the bot knows: so is its edit."""
    bot.send_event(mention("who works in Oslo?", "Ev0EP1"))
    reply = event("message_channel", event_id="Ev0EP2", text="and in Bergen?", ts="1715000040.1", thread_ts=QUESTION_TS)
    bot.send_event(reply)
    mock.wait_for("chat.postMessage", 2)
    change = edited(
        "C0GENERAL", "1715000040.1", "and in Bergen?", "what's the wifi password?", "Ev0EP3", thread_ts=QUESTION_TS
    )
    bot.send_event(change)
    [delete] = mock.of("chat.delete")
    assert delete["ts"].endswith(".000002") and mock.of("chat.update") == []


def test_an_edited_direct_message_updates_its_answer(bot, mock):
    bot.send_event(event("message_im", event_id="Ev0EDM1", text="who works in Oslo?"))
    bot.send_event(edited("D0ALICEDM", DM_TS, "who works in Oslo?", "who works in Bergen?", "Ev0EDM2", "im"))
    [update] = mock.of("chat.update")
    assert update["channel"] == "D0ALICEDM" and "Anders Molven" in names_in(update)
    assert len(mock.of("chat.postMessage")) == 1


# --- deletions -----------------------------------------------------------------------------------


def test_a_deleted_question_takes_its_answer_with_it_once(bot, mock):
    bot.send_event(event("message_im", event_id="Ev0DD1", text="who works in Oslo?"))
    gone = deleted("D0ALICEDM", DM_TS, "Ev0DD2", "im")
    for headers in (None, RETRY):
        assert bot.send_event(gone, headers=headers)[0] == 200
    again = deleted("D0ALICEDM", DM_TS, "Ev0DD3", "im")  # another event about the same deletion
    bot.send_event(again)
    [delete] = mock.of("chat.delete")
    assert delete["channel"] == "D0ALICEDM" and delete["ts"].endswith(".000001")


def test_a_deleted_thread_follow_up_deletes_only_its_own_answer(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0DF1"))
    reply = event("message_channel", event_id="Ev0DF2", text="and in Bergen?", ts="1715000030.1", thread_ts=QUESTION_TS)
    bot.send_event(reply)
    mock.wait_for("chat.postMessage", 2)
    bot.send_event(deleted("C0GENERAL", "1715000030.1", "Ev0DF3"))
    [delete] = mock.of("chat.delete")
    assert delete["channel"] == "C0GENERAL" and delete["ts"].endswith(".000002")


def test_a_deleted_mention_with_its_thread_left_as_a_tombstone_deletes_the_answer(bot, mock):
    """A question with replies (the bot's answer) leaves a tombstone: Slack sends message_changed, not deleted."""
    bot.send_event(mention("who works in Oslo?", "Ev0DT1"))
    tombstone = edited(
        "C0GENERAL",
        QUESTION_TS,
        f"<@{BOT_USER_ID}> who works in Oslo?",
        "This message was deleted.",
        "Ev0DT2",
        thread_ts=QUESTION_TS,
    )
    tombstone["event"]["message"] |= {"subtype": "tombstone", "user": "USLACKBOT", "hidden": True}
    bot.send_event(tombstone)
    bot.send_event(deleted("C0GENERAL", QUESTION_TS, "Ev0DT3"))  # the tombstone itself goes once the thread is empty
    [delete] = mock.of("chat.delete")
    assert delete["channel"] == "C0GENERAL" and delete["ts"].endswith(".000001")
    assert mock.of("chat.update") == []


def test_deleting_a_message_the_bot_never_answered_deletes_nothing(bot, mock):
    bot.send_event(mention("who works in Oslo?", "Ev0DN1"))
    bot.send_event(deleted("C0GENERAL", "1715000400.000001", "Ev0DN2"))
    bot.send_event(mention("who leads the group?", "Ev0DN3", ts="1715000500.000004"))
    mock.wait_for("chat.postMessage", 2)
    assert mock.of("chat.delete") == []


# --- the memory behind it ------------------------------------------------------------------------


def test_the_memory_of_answers_is_bounded_and_expires():
    now = [0.0]
    memory = AnsweredQuestions(limit=2, ttl=100.0, clock=lambda: now[0])
    for n in range(3):
        memory.remember("C1", f"{n}.0", object())  # type: ignore[arg-type]
    assert memory.get("C1", "0.0") is None and memory.get("C1", "2.0") is not None  # the oldest went first
    now[0] = 101.0
    assert memory.get("C1", "2.0") is None and len(memory) <= 2


def test_an_answer_is_taken_once():
    memory = AnsweredQuestions()
    memory.remember("C1", "1.0", "answer")  # type: ignore[arg-type]
    assert memory.take("C1", "1.0") == "answer"
    assert memory.take("C1", "1.0") is None
