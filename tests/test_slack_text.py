"""Slack's text forms through the real app: a signed mention in, the answer the mock Web API got out.

One row per form Slack's text arrives in. Each row's question, stripped of its markup, asks
about one place or person, and the answer must name who that is and nobody the markup would
have dragged in (a struck-out city, a quoted question, a link's words).
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.slack_helpers import event, running_bot
from tests.slack_mock import BOT_USER_ID

BERGEN = "Anders Molven"  # the one person in Bergen in the fixture knowledge
OSLO = ("Kure", "Verbeke", "Taskén")  # some of the people in Oslo
LEADER = "Verbeke"


@pytest.fixture
def bot(mock, engine):
    with running_bot(mock, lambda: engine) as running:
        yield running


def sent(message: dict[str, Any]) -> str:
    return json.dumps(message.get("blocks", []), ensure_ascii=False) + message.get("text", "")


FORMS = [
    # (id, the text after the bot's mention as Slack sends it, must be named, must not be named)
    ("shortcode-skin-tone", "who :wave::skin-tone-3: works in Bergen?", [BERGEN], OSLO),
    ("shortcode-plus-one", "who works in Bergen? :+1:", [BERGEN], OSLO),
    ("shortcode-hyphen", ":male-scientist: who works in Bergen?", [BERGEN], OSLO),
    ("emoji-skin-tone", "who 👋🏽 works in Bergen?", [BERGEN], OSLO),
    ("emoji-zwj", "who works in 👨\u200d🔬 Bergen?", [BERGEN], OSLO),
    ("emoji-variation-selector", "who works in Bergen ❤️?", [BERGEN], OSLO),
    ("emoji-flag", "who works in 🇳🇴 Bergen?", [BERGEN], OSLO),
    # an emoji that ends a sentence still ends it (blind set writers do this)
    ("emoji-ends-a-sentence", "postdoc from Lyon here :wave: is anyone based in Paris?", ["Jérôme Cros"], [BERGEN]),
    ("bold", "who's the *group leader*?", [LEADER], [BERGEN]),
    ("italic", "who works in _Bergen_?", [BERGEN], OSLO),
    ("code", "who works in `Bergen`?", [BERGEN], OSLO),
    ("code-block", "```who works in Bergen?```", [BERGEN], OSLO),
    ("struck-out", "who is in ~Oslo~ Bergen?", [BERGEN], OSLO),
    ("quote", "&gt; who works in Oslo?\nwho works in Bergen?", [BERGEN], OSLO),
    ("someone-not-in-the-knowledge", "<@U0NOBODY1|kari> who works in Bergen?", [BERGEN], OSLO),
    ("someone-not-in-the-knowledge-no-label", "who works in Bergen <@U0NOBODY1>?", [BERGEN], OSLO),
    ("channel", "<#C0GENERAL|general> who works in Bergen?", [BERGEN], OSLO),
    ("here", "<!here> who works in Bergen?", [BERGEN], OSLO),
    ("channel-notification", "<!channel> who works in Bergen?", [BERGEN], OSLO),
    ("user-group", "<!subteam^S0TEAM01|@oncall> who works in Bergen?", [BERGEN], OSLO),
    ("link-with-label", "who is in <https://www.bergen.kommune.no|Bergen>?", [BERGEN], OSLO),
    ("plain-link", "who works in Bergen <https://example.com/some_page?x=1>", [BERGEN], OSLO),
]


@pytest.mark.parametrize(("text", "named", "not_named"), [f[1:] for f in FORMS], ids=[f[0] for f in FORMS])
def test_each_form_of_slack_text_reads_as_its_words(bot, mock, text, named, not_named):
    bot.send_event(event("app_mention", event_id="Ev0FORM", text=f"<@{BOT_USER_ID}> {text}"))
    [answer] = mock.wait_for("chat.postMessage")
    assert answer["metadata"]["event_payload"]["answered"] is True, answer["text"]
    for name in named:
        assert name in sent(answer)
    for name in not_named:
        assert name not in sent(answer), answer["text"]


def test_bold_group_leader_again_names_the_leader(bot, mock):
    bot.send_event(event("app_mention", event_id="Ev0AGAIN", text=f"<@{BOT_USER_ID}> who's the *group leader* again??"))
    [answer] = mock.wait_for("chat.postMessage")
    assert LEADER in sent(answer)


def test_bold_words_read_exactly_as_the_plain_words(bot, mock):
    plain = "who's the group leader again??"
    bot.send_event(event("app_mention", event_id="Ev0PLAIN", text=f"<@{BOT_USER_ID}> {plain}"))
    bot.send_event(event("app_mention", event_id="Ev0BOLD", text=f"<@{BOT_USER_ID}> who's the *group leader* again??"))
    first, second = mock.wait_for("chat.postMessage", 2)
    assert second["text"] == first["text"]
    assert "*" not in second["text"].split("\n")[0]


def test_emoji_between_words_changes_nothing(bot, mock):
    bot.send_event(event("app_mention", event_id="Ev0NOEMOJI", text=f"<@{BOT_USER_ID}> who is in Oslo?"))
    bot.send_event(event("app_mention", event_id="Ev0EMOJI", text=f"<@{BOT_USER_ID}> who :tada: is in 🎉 Oslo? 🙏🏻"))
    first, second = mock.wait_for("chat.postMessage", 2)
    # The feedback buttons carry the question as read (for the log), pauses included; all else is the same.
    shown = [[b for b in m["blocks"] if b.get("block_id") != "feedback"] for m in (first, second)]
    assert second["text"] == first["text"] and shown[1] == shown[0]
