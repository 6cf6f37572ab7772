"""'Who at <place> works on *this*?' under a post, through the real app over signed HTTP.

*This* with nothing to point at in the conversation is the thread's first message (read with
`conversations.replies`), or the channel's topic for a question outside a thread
(`conversations.info`). The posts and what they should give come from a blind set written on
another group's knowledge (tests/data/blind/s_glacier_this.yaml). A post that cannot be read is
answered without, and the reason is said once per thread. A question that points at nothing
costs no Web API call at all.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.slack_helpers import event, running_bot
from tests.slack_mock import BOT_USER_ID, SlackMock

DATA = Path(__file__).resolve().parent / "data"
GLACIER = DATA / "kb_glacier"
CASES = yaml.safe_load((DATA / "blind" / "s_glacier_this.yaml").read_text(encoding="utf-8"))
NAMES = [p["name"] for p in yaml.safe_load((GLACIER / "people.yaml").read_text(encoding="utf-8"))]
CHANNEL = "C0GENERAL"
POST = "1715000000.000100"  # the thread's first message: the post the question sits under
FIRST_READ = "I read 'this' as"
NO_THEME = "matches none of the group's themes"
COULD_NOT = "I could not read the post above"


def case(q: str, post_start: str) -> dict[str, Any]:
    return next(c for c in CASES if c["q"] == q and c["post"].startswith(post_start))


@pytest.fixture
def bot(mock, glacier):
    with running_bot(mock, lambda: glacier, knowledge_dir=GLACIER) as running:
        yield running


def shown(message: dict[str, Any]) -> str:
    return json.dumps(message.get("blocks", []), ensure_ascii=False) + "\n" + message.get("text", "")


def named(message: dict[str, Any]) -> set[str]:
    return {name for name in NAMES if name in shown(message)}


def in_thread(text: str, event_id: str, ts: str, thread: str = POST) -> dict[str, Any]:
    return event("app_mention", event_id=event_id, text=f"<@{BOT_USER_ID}> {text}", ts=ts, thread_ts=thread)


def reply(text: str, event_id: str, ts: str, thread: str = POST) -> dict[str, Any]:
    return event("message_channel", event_id=event_id, text=text, ts=ts, thread_ts=thread)


THEME_CASES = [
    case("who in Sweden works on this?", "Photo from Tarfala"),
    case("Hvem i Bergen jobber med dette?", "Ny artikkel"),
    case("who in Copenhagen works on this?", "Sentinel-1"),
    case("who at NSIDC works on that?", "Paper alert"),
]


@pytest.mark.parametrize("one", THEME_CASES, ids=[c["q"] for c in THEME_CASES])
def test_this_in_a_thread_is_the_posts_theme(bot, mock, one):
    mock.post_in(CHANNEL, POST, one["post"])
    bot.send_event(in_thread(one["q"], "Ev0THEME", "1715000100.000001"))
    [answer] = mock.wait_for("chat.postMessage")
    assert named(answer) == set(one["people"]), answer["text"]
    assert "I read 'this' as theme " in answer["text"] or "Jeg leste «dette» som tema " in answer["text"]
    assert answer["thread_ts"] == POST
    [fetch] = mock.of("conversations.replies")
    assert (fetch["channel"], fetch["ts"], fetch["limit"]) == (CHANNEL, POST, "1")


def test_a_post_about_no_theme_gives_the_whole_group_there_and_says_so(bot, mock):
    one = case("who at GFI works on this?", "The coffee machine")
    mock.post_in(CHANNEL, POST, one["post"])
    bot.send_event(in_thread(one["q"], "Ev0NONE", "1715000100.000002"))
    [answer] = mock.wait_for("chat.postMessage")
    assert named(answer) == set(one["people"])
    assert NO_THEME in answer["text"]


def test_the_posts_slack_markup_is_read_as_a_question_is(bot, mock):
    one = case("who in Sweden works on this?", "Photo from Tarfala")
    marked = (
        "*Photo* from <https://example.org/tarfala|Tarfala> :sunny: snow pit dug, _density profile_ done &amp; more"
    )
    mock.post_in(CHANNEL, POST, marked)
    bot.send_event(in_thread(one["q"], "Ev0MARKUP", "1715000100.000003"))
    [answer] = mock.wait_for("chat.postMessage")
    assert named(answer) == set(one["people"]), answer["text"]


def test_the_fixture_knowledge_names_the_leader_to_ask(mock, engine):
    mock.post_in(CHANNEL, POST, "New paper out on the *metabolomics* of chemosensitivity in organoids :tada:")
    with running_bot(mock, lambda: engine) as bot:
        bot.send_event(in_thread("who in Bergen works on this?", "Ev0FIXTURE", "1715000100.000004"))
        [answer] = mock.wait_for("chat.postMessage")
    assert "does not say who works on this theme" in answer["text"]
    assert "Ask the group leader, Caroline S. Verbeke" in answer["text"]
    assert "I read 'this' as theme 2" in answer["text"]
    assert "Molven" not in answer["text"]  # not the people in Bergen, as if the post were not there


def test_outside_a_thread_this_is_the_channels_topic(bot, mock):
    one = case("who in Bergen works on this?", "Stavanger kommune")
    mock.topics[CHANNEL] = {"topic": one["post"], "purpose": "Everything about the group"}
    bot.send_event(event("app_mention", event_id="Ev0TOPIC", text=f"<@{BOT_USER_ID}> {one['q']}"))
    [answer] = mock.wait_for("chat.postMessage")
    assert named(answer) == set(one["people"]), answer["text"]
    assert "I read 'this' as theme 4" in answer["text"]
    assert [c["channel"] for c in mock.of("conversations.info")] == [CHANNEL]
    assert mock.of("conversations.replies") == []


def test_a_channel_without_a_topic_reads_its_purpose(bot, mock):
    one = case("who in Copenhagen works on this?", "The firn core")
    mock.topics[CHANNEL] = {"topic": "", "purpose": one["post"]}
    bot.send_event(event("app_mention", event_id="Ev0PURPOSE", text=f"<@{BOT_USER_ID}> {one['q']}"))
    [answer] = mock.wait_for("chat.postMessage")
    assert named(answer) == set(one["people"]), answer["text"]


# --- when the post cannot be read ----------------------------------------------------------------


def _missing_scope(mock: SlackMock) -> None:
    mock.refuse["conversations.replies"] = "missing_scope"


def _rate_limited(mock: SlackMock) -> None:
    mock.fail("conversations.replies", 429, headers={"Retry-After": "30"})


def _deleted(mock: SlackMock) -> None:
    pass  # the mock knows no post at that ts: Slack's thread_not_found


def _tombstone(mock: SlackMock) -> None:
    mock.post_in(CHANNEL, POST, "This message was deleted.", subtype="tombstone")


def _channel_gone(mock: SlackMock) -> None:
    mock.refuse["conversations.replies"] = "channel_not_found"


FAILURES = [
    ("missing_scope", _missing_scope),
    ("ratelimited", _rate_limited),
    ("thread_not_found", _deleted),
    ("deleted", _tombstone),
    ("channel_not_found", _channel_gone),
]


@pytest.mark.parametrize(("reason", "breaks"), FAILURES, ids=[f[0] for f in FAILURES])
def test_a_post_that_cannot_be_read_is_answered_without_and_the_reason_said_once(bot, mock, reason, breaks):
    breaks(mock)
    bot.send_event(in_thread("who in Sweden works on this?", "Ev0FAIL1", "1715000100.000010"))
    bot.send_event(reply("thanks!", "Ev0FAIL2", "1715000100.000011"))  # ends the conversation: nothing to point at
    bot.send_event(in_thread("who in Sweden works on this?", "Ev0FAIL3", "1715000100.000012"))
    first, _thanks, second = mock.wait_for("chat.postMessage", 3)
    everyone_in_sweden = {"Åsa Lindqvist", "Karin Sjöberg", "Erik Åkesson", "Elin Forsberg"}
    assert named(first) == everyone_in_sweden, first["text"]
    note = f"{COULD_NOT} ({reason}), so I answered for the whole group."
    assert first["text"].count(note) == 1 and note in json.dumps(first["blocks"], ensure_ascii=False)
    assert FIRST_READ not in first["text"]
    assert COULD_NOT not in shown(second)  # said once per thread
    assert named(second) == everyone_in_sweden


def test_a_rate_limited_fetch_does_not_wait_for_retry_after(bot, mock):
    """conversations.replies may allow one call a minute: the answer must not wait that long for the post."""
    mock.fail("conversations.replies", 429, times=5, headers={"Retry-After": "30"})
    bot.send_event(in_thread("who in Sweden works on this?", "Ev0RATE", "1715000100.000020"))
    [answer] = mock.wait_for("chat.postMessage", timeout=5)
    assert f"{COULD_NOT} (ratelimited)" in answer["text"]
    assert len(mock.of("conversations.replies")) == 1


def test_a_channel_topic_that_cannot_be_read_is_said(bot, mock):
    mock.refuse["conversations.info"] = "missing_scope"
    bot.send_event(event("app_mention", event_id="Ev0TOPICX", text=f"<@{BOT_USER_ID}> who in Sweden works on this?"))
    [answer] = mock.wait_for("chat.postMessage")
    assert "I could not read this channel's topic (missing_scope), so I answered for the whole group." in answer["text"]


# --- what is fetched, and how often --------------------------------------------------------------


def test_two_questions_in_one_thread_fetch_the_post_once(bot, mock):
    one = case("who in Sweden works on this?", "Photo from Tarfala")
    mock.post_in(CHANNEL, POST, one["post"])
    bot.send_event(in_thread(one["q"], "Ev0CACHE1", "1715000100.000030"))
    bot.send_event(reply("thanks", "Ev0CACHE2", "1715000100.000031"))
    bot.send_event(in_thread("which PhD students work on this?", "Ev0CACHE3", "1715000100.000032"))
    first, _thanks, second = mock.wait_for("chat.postMessage", 3)
    assert named(first) == set(one["people"])
    assert FIRST_READ in second["text"]
    assert len(mock.of("conversations.replies")) == 1


def test_a_question_that_points_at_nothing_calls_no_web_api(bot, mock):
    mock.post_in(CHANNEL, POST, case("who in Sweden works on this?", "Photo from Tarfala")["post"])
    bot.send_event(in_thread("who works in Sweden?", "Ev0PLAIN1", "1715000100.000040"))
    bot.send_event(event("app_mention", event_id="Ev0PLAIN2", text=f"<@{BOT_USER_ID}> who is at NSIDC?"))
    # "this" after an answer points at that answer, not at the post: no fetch either
    bot.send_event(reply("which of them work on this?", "Ev0PLAIN3", "1715000100.000041"))
    mock.wait_for("chat.postMessage", 3)  # the later, known events are answered: the first was long done
    assert mock.of("conversations.replies") == [] and mock.of("conversations.info") == []


def test_a_dm_thread_reads_its_first_message(bot, mock):
    one = case("who in Copenhagen works on this?", "Sentinel-1")
    mock.post_in("D0ALICEDM", "1715000200.000001", one["post"])
    thread = {"ts": "1715000200.000002", "thread_ts": "1715000200.000001"}
    bot.send_event(event("message_im", event_id="Ev0DMTHREAD", text=one["q"], **thread))
    [answer] = mock.wait_for("chat.postMessage")
    assert named(answer) == set(one["people"]), answer["text"]
    assert [c["channel"] for c in mock.of("conversations.replies")] == ["D0ALICEDM"]


def test_a_dm_outside_a_thread_has_no_post_and_calls_nothing(bot, mock):
    bot.send_event(event("message_im", event_id="Ev0DMTOP", text="who in Sweden works on this?"))
    bot.send_event(event("message_im", event_id="Ev0DMTOP2", text="thanks", ts="1715000300.000001"))
    mock.wait_for("chat.postMessage", 2)
    assert mock.of("conversations.replies") == [] and mock.of("conversations.info") == []


def test_a_question_edited_to_point_at_the_post_is_read_with_it(bot, mock):
    one = case("who in Sweden works on this?", "Photo from Tarfala")
    mock.post_in(CHANNEL, POST, one["post"])
    asked = "1715000100.000050"
    bot.services.clock = lambda: float(asked) + 60  # inside the edit window
    bot.send_event(in_thread("who works in Sweden?", "Ev0EDIT1", asked))
    old = {"type": "message", "user": "U0ALICE01", "text": f"<@{BOT_USER_ID}> who works in Sweden?", "ts": asked}
    new = {**old, "text": f"<@{BOT_USER_ID}> {one['q']}", "thread_ts": POST, "edited": {"user": "U0ALICE01"}}
    body = event("message_channel", event_id="Ev0EDIT2", ts="1715000160.000001", thread_ts=POST)
    body["event"] |= {"subtype": "message_changed", "hidden": True, "message": new, "previous_message": old}
    body["event"].pop("text", None)
    bot.send_event(body)
    [update] = mock.wait_for("chat.update")
    assert named(update) == set(one["people"]), update["text"]
    assert FIRST_READ in update["text"]
