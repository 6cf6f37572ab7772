"""The Slack app in HTTP mode: signed requests in, exact Web API payloads out (to the mock)."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.slack.blocks import FEEDBACK, SHARE, SHOW_ALL
from bot.unanswered import UnansweredLog
from tests.slack_helpers import action_payload, event, everything_sent, running_bot, slash_command
from tests.slack_mock import BOT_USER_ID


@pytest.fixture
def bot(mock, engine):
    """The listeners finish before the response (process_before_response): once a request is
    answered, everything it causes has been sent, so no test needs to wait to show nothing was."""
    with running_bot(mock, lambda: engine) as running:
        yield running


def text_of(message: dict) -> str:
    return json.dumps(message.get("blocks", []), ensure_ascii=False) + message.get("text", "")


def test_mention_is_answered_in_a_thread_under_the_question(bot, mock):
    status, _ = bot.send_event(event("app_mention"))
    assert status == 200
    [message] = mock.wait_for("chat.postMessage")
    assert message["channel"] == "C0GENERAL"
    assert message["thread_ts"] == "1715000000.000100"
    assert "Anders Molven" in message["text"]
    assert message["blocks"][0]["type"] == "section"
    assert "1 person in Bergen" in message["blocks"][0]["text"]["text"]


def test_mention_inside_a_thread_answers_in_that_thread(bot, mock):
    bot.send_event(event("app_mention", event_id="Ev0THREAD1", thread_ts="1714999999.000001", ts="1715000001.1"))
    [message] = mock.wait_for("chat.postMessage")
    assert message["thread_ts"] == "1714999999.000001"


def test_direct_message_is_answered_in_the_dm(bot, mock):
    bot.send_event(event("message_im"))
    [message] = mock.wait_for("chat.postMessage")
    assert message["channel"] == "D0ALICEDM"
    assert message.get("thread_ts") is None
    assert "Verbeke" in message["text"] and "leder gruppen" in message["text"]


@pytest.mark.parametrize(
    "payload",
    [
        event("message_channel"),
        event("message_im", event_id="Ev0BOT1", bot_id="B0OTHER", user=None),
        event("app_mention", event_id="Ev0BOT2", bot_id="B0OTHER"),
        event("message_im", event_id="Ev0EDIT1", subtype="message_changed"),
    ],
    ids=["channel-without-mention", "bot-dm", "bot-mention", "edited"],
)
def test_what_is_not_for_the_bot_is_ignored(bot, mock, payload):
    status, _ = bot.send_event(payload)
    assert status == 200
    assert mock.of("chat.postMessage") == []


def test_slack_retries_are_answered_once(bot, mock):
    body = event("app_mention", event_id="Ev0RETRY01")
    assert bot.send_event(body)[0] == 200
    assert bot.send_event(body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})[0] == 200
    assert bot.send_event(body, headers={"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_timeout"})[0] == 200
    assert len(mock.of("chat.postMessage")) == 1


@pytest.mark.parametrize(
    "options",
    [{"signed": False}, {"secret": "ffffffffffffffffffffffffffffffff"}, {"timestamp": int(time.time()) - 600}],
    ids=["unsigned", "wrong-secret", "stale"],
)
def test_bad_signatures_get_401(bot, mock, options):
    status, _ = bot.send_event(event("app_mention", event_id="Ev0SIG"), **options)
    assert status == 401
    assert mock.of("chat.postMessage") == []


def test_slash_command_is_acked_and_answered_privately_with_a_share_button(bot, mock):
    started = time.perf_counter()
    status, _ = bot.send_form(slash_command("who is at KI?", mock))
    assert status == 200 and time.perf_counter() - started < 3
    [reply] = [c.body for c in mock.calls if c.path == "/respond/command"]
    assert reply["response_type"] == "ephemeral"
    assert "Matthias Löhr" in reply["text"]
    buttons = [e for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]]
    share = [b for b in buttons if b["action_id"] == SHARE]
    assert share and share[0]["value"] == "who is at KI?"


@pytest.mark.parametrize("text", ["", "help"])
def test_ask_alone_shows_help_with_examples(bot, mock, text):
    bot.send_form(slash_command(text, mock))
    [reply] = [c.body for c in mock.calls if c.path == "/respond/command"]
    assert "You can ask" in reply["text"] and "Who works in" in reply["text"]


def test_share_posts_the_answer_for_everyone_with_the_question_escaped(bot, mock):
    question = "who is at KI <!channel> <@U0EVIL>"
    bot.send_action(action_payload(SHARE, question, mock, ephemeral=True))
    [reply] = [c.body for c in mock.calls if c.path == "/respond/action"]
    assert reply["response_type"] == "in_channel" and reply["delete_original"] is True
    assert "<@U0ALICE01> asked:" in text_of(reply)
    assert "&lt;!channel&gt;" in text_of(reply)
    assert "<!channel>" not in everything_sent(mock) and "<@U0EVIL>" not in everything_sent(mock)


def test_mass_mentions_in_a_question_never_notify(bot, mock):
    bot.send_event(
        event(
            "app_mention",
            event_id="Ev0EVIL1",
            text=f"<@{BOT_USER_ID}> who is &lt;!everyone&gt; at <!here> &lt;@U0EVIL&gt;",
        )
    )
    mock.wait_for("chat.postMessage")
    sent = everything_sent(mock)
    for markup in ("<!everyone>", "<!here>", "<!channel>", "<@U0EVIL>"):
        assert markup not in sent


def test_suggestion_button_answers_that_question_in_the_thread(bot, mock):
    mention = event("app_mention", event_id="Ev0HANSEN", text=f"<@{BOT_USER_ID}> Who is Anders Hansen?")
    bot.send_event(mention)
    [first] = mock.wait_for("chat.postMessage")
    suggestions = [b for b in first["blocks"] if b.get("block_id") == "suggestions"]
    button = suggestions[0]["elements"][0]
    assert button["value"] == "Who is Anders Molven?"
    bot.send_action(action_payload(button["action_id"], button["value"], mock))
    second = mock.wait_for("chat.postMessage", 2)[1]
    assert second["thread_ts"] == "1715000000.000100"
    assert "Anders Molven" in second["text"] and "Participant" in second["text"]


def test_thumbs_down_is_stored_without_who_clicked(mock, engine, tmp_path: Path):
    log = UnansweredLog(tmp_path / "unanswered.sqlite3")
    with running_bot(mock, lambda: engine, recorder=log) as bot:
        value = '{"v": "down", "k": "people", "q": "who is at KI"}'
        bot.send_action(action_payload(FEEDBACK, value, mock))
        [form] = mock.wait_for("views.open")
    assert form["view"]["callback_id"] == "feedback_reason"
    stored = log.since(__import__("datetime").datetime(2000, 1, 1, tzinfo=__import__("datetime").UTC))
    assert [(s.reason, s.question, s.front_end) for s in stored] == [("thumbs_down", "who is at KI", "slack")]
    raw = (tmp_path / "unanswered.sqlite3").read_bytes()
    assert b"U0ALICE01" not in raw


def test_unanswered_mentions_are_stored(mock, engine, tmp_path: Path):
    log = UnansweredLog(tmp_path / "unanswered.sqlite3")
    with running_bot(mock, lambda: engine, recorder=log) as bot:
        bot.send_event(event("app_mention", event_id="Ev0WIFI", text=f"<@{BOT_USER_ID}> what is the wifi password"))
        mock.wait_for("chat.postMessage")
    stored = log.since(__import__("datetime").datetime(2000, 1, 1, tzinfo=__import__("datetime").UTC))
    assert [s.question for s in stored] == ["what is the wifi password"]


def test_long_lists_are_cut_with_a_way_to_see_them_all(mock, tmp_path: Path):
    from tests.test_slack_blocks import big_group

    engine = Engine.from_directory(big_group(tmp_path, 60))
    with running_bot(mock, lambda: engine) as bot:
        bot.send_event(event("app_mention", event_id="Ev0BIG", text=f"<@{BOT_USER_ID}> who works in Bigtown"))
        [message] = mock.wait_for("chat.postMessage")
        assert "…and 45 more." in text_of(message)
        show = [
            e for b in message["blocks"] if b["type"] == "actions" for e in b["elements"] if e["action_id"] == SHOW_ALL
        ]
        bot.send_action(action_payload(SHOW_ALL, show[0]["value"], mock))
        everyone = mock.wait_for("chat.postMessage", 2)[1]
    assert text_of(everyone).count("• *") == 60


def test_home_tab_is_published(bot, mock):
    bot.send_event(event("app_home_opened"))
    [publish] = mock.wait_for("views.publish")
    assert publish["user_id"] == "U0ALICE01"
    view = json.dumps(publish["view"], ensure_ascii=False)
    assert publish["view"]["type"] == "home"
    for expected in (
        "Pancreatic cancer biology and therapeutics",
        "Metabolomics",
        "Group leader",
        "University of Bergen",
        "/ask",
    ):
        assert expected in view
    assert len(publish["view"]["blocks"]) <= 100


def test_new_member_gets_a_welcome_dm(bot, mock):
    bot.send_event(event("team_join"))
    [message] = mock.wait_for("chat.postMessage")
    assert message["channel"] == "U0NEWBIE1"
    welcome = text_of(message)
    assert "Welcome" in welcome and "Whom to talk to" in welcome and "Bergen" in welcome


def test_welcome_can_be_switched_off(mock, engine):
    with running_bot(mock, lambda: engine, welcome="off") as bot:
        bot.send_event(event("team_join"))
    assert mock.of("chat.postMessage") == []


def test_welcome_only_in_configured_channels(mock, engine):
    mock.channel_names["C0PANCREAS"] = "pancreas-group"
    with running_bot(mock, lambda: engine, welcome="channel", welcome_channels=("pancreas-group",)) as bot:
        bot.send_event(event("team_join"))
        bot.send_event(event("member_joined_channel"))
        bot.send_event(event("member_joined_channel", event_id="Ev0OTHER", channel="C0RANDOM"))
    messages = mock.of("chat.postMessage")
    assert [m["channel"] for m in messages] == ["U0NEWBIE1"]


def test_rate_limited_post_is_retried_after_retry_after(bot, mock):
    mock.fail("chat.postMessage", 429, headers={"Retry-After": "1"})
    started = time.perf_counter()
    bot.send_event(event("app_mention", event_id="Ev0LIMIT"))
    calls = mock.wait_for("chat.postMessage", 2)
    assert time.perf_counter() - started >= 1.0
    assert calls[0] == calls[1]


def test_a_slack_timeout_is_retried(mock, engine):
    mock.stall("chat.postMessage", 0.8)
    with running_bot(mock, lambda: engine, api_timeout=0.3, retry_backoff=0) as bot:
        bot.send_event(event("app_mention", event_id="Ev0SLOW"))
        calls = mock.wait_for("chat.postMessage", 2)
    assert calls[0] == calls[1] and "Anders Molven" in calls[1]["text"]


def test_engine_failure_still_gets_a_polite_reply(mock):
    class Broken:
        def answer(self, question):
            raise RuntimeError("boom")

    with running_bot(mock, lambda: Broken()) as bot:
        bot.send_event(event("app_mention", event_id="Ev0BROKEN"))
        [message] = mock.wait_for("chat.postMessage")
    assert "Sorry" in message["text"]


def test_healthz(bot):
    assert bot.get("/healthz") == (200, '{"ok": true}')
    assert bot.get("/nowhere")[0] == 404


def test_concurrent_mentions_each_acked_fast_and_answered_once(mock, engine):
    with running_bot(mock, lambda: engine, process_before_response=False) as bot:

        def send(n: int) -> float:
            started = time.perf_counter()
            status, _ = bot.send_event(event("app_mention", event_id=f"Ev0LOAD{n:03d}", ts=f"1715001000.{n:06d}"))
            assert status == 200
            return time.perf_counter() - started

        with ThreadPoolExecutor(max_workers=10) as pool:
            durations = list(pool.map(send, range(30)))
        messages = mock.wait_for("chat.postMessage", 30)
        bot.finish_background_work()
    assert max(durations) < 3
    assert len(mock.of("chat.postMessage")) == 30
    assert sorted(m["thread_ts"] for m in messages) == sorted(f"1715001000.{n:06d}" for n in range(30))
