"""Onboarding over Slack: signed requests to the real HTTP app, the mock Web API recording what is sent.

The bot's clock is a `Clock` the test sets, so scheduled times are exact and nobody waits for days.
With process_before_response, a request's answer comes after everything it caused was sent, so
"nothing more was sent" is shown by counting once the request returned, never by sleeping.
"""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.knowledge.reload import KnowledgeSource
from bot.slack.home import home_view
from bot.slack.onboarding import reload_hook
from bot.slack.welcome import welcome_message
from tests.conftest import KNOWLEDGE
from tests.onboarding_helpers import (
    JOINED,
    LEADER_SLACK,
    NEW_YORK,
    NEWBIE,
    NEWBIE_DM,
    Clock,
    checkboxes,
    edit,
    epoch,
    home_opened,
    join,
    left,
    tick,
    with_steps,
)
from tests.slack_helpers import event, running_bot, slash_command
from tests.slack_mock import SlackMock


@pytest.fixture
def group(knowledge_copy: Path) -> Path:
    return with_steps(knowledge_copy)


def scheduled(mock: SlackMock) -> list[tuple[str, int, str]]:
    return [(c["channel"], c["post_at"], c["blocks"][0]["block_id"]) for c in mock.of("chat.scheduleMessage")]


@pytest.mark.parametrize(
    ("joined", "profile", "day_two", "day_five"),
    [
        # Thursday 06:00 in New York: day 2 is a Saturday, so Monday; day 5 is Tuesday; 09:00 EDT is 13:00 UTC.
        (JOINED, NEW_YORK, datetime(2024, 5, 13, 13, tzinfo=UTC), datetime(2024, 5, 14, 13, tzinfo=UTC)),
        # Thursday 20:00 UTC is already Friday 05:00 in Tokyo: day 2 is Sunday, so Monday; day 5 is Wednesday.
        (
            datetime(2024, 5, 9, 20, tzinfo=UTC),
            {"tz": "Asia/Tokyo", "tz_offset": 32400},
            datetime(2024, 5, 13, 0, tzinfo=UTC),
            datetime(2024, 5, 15, 0, tzinfo=UTC),
        ),
        # Friday 03:00 UTC is still Thursday evening in Los Angeles: the member's own date counts.
        (
            datetime(2024, 5, 10, 3, tzinfo=UTC),
            {"tz": "America/Los_Angeles", "tz_offset": -25200},
            datetime(2024, 5, 13, 16, tzinfo=UTC),
            datetime(2024, 5, 14, 16, tzinfo=UTC),
        ),
        # A zone name this machine does not know: the offset (+05:30) is used.
        (
            JOINED,
            {"tz": "Nowhere/Unknown", "tz_offset": 19800},
            datetime(2024, 5, 13, 3, 30, tzinfo=UTC),
            datetime(2024, 5, 14, 3, 30, tzinfo=UTC),
        ),
        # Slack says nothing of the zone: 09:00 UTC.
        (JOINED, {}, datetime(2024, 5, 13, 9, tzinfo=UTC), datetime(2024, 5, 14, 9, tzinfo=UTC)),
    ],
    ids=["new-york", "tokyo-next-day", "los-angeles-day-before", "unknown-zone-offset", "no-zone"],
)
def test_welcome_has_the_day_zero_step_and_later_steps_are_scheduled_at_nine_on_workdays(
    mock, group, tmp_path, joined, profile, day_two, day_five
):
    mock.users[NEWBIE] = profile
    engine = Engine.from_directory(group)
    with running_bot(mock, lambda: engine, data_dir=tmp_path / "data", now=Clock(joined)) as bot:
        assert bot.send_event(join())[0] == 200
    [welcome] = mock.of("chat.postMessage")
    assert welcome["channel"] == NEWBIE
    text = json.dumps(welcome["blocks"], ensure_ascii=False)
    assert "Read the group's page and say hello" in text and f"<@{LEADER_SLACK}>" in text
    assert "Whom to talk to" in text, "the usual welcome is still there"
    assert checkboxes(welcome["blocks"]) == {"day-one": False}
    assert "meet-the-lab" not in text, "later steps come later"
    assert [c["user"] for c in mock.of("users.info")] == [NEWBIE]
    assert scheduled(mock) == [
        (NEWBIE_DM, epoch(day_two), "onboarding_step:meet-the-lab"),
        (NEWBIE_DM, epoch(day_five), "onboarding_step:first-week"),
    ]
    first_week = mock.of("chat.scheduleMessage")[1]
    assert "how your first week went" in first_week["text"] and f"<@{LEADER_SLACK}>" in first_week["text"]


def test_a_norwegian_member_gets_the_norwegian_text(mock, group, tmp_path):
    mock.users[NEWBIE] = {**NEW_YORK, "locale": "nb-NO"}
    engine = Engine.from_directory(group)
    with running_bot(mock, lambda: engine, data_dir=tmp_path / "data", now=Clock(JOINED)) as bot:
        bot.send_event(join())
    [welcome] = mock.of("chat.postMessage")
    text = json.dumps(welcome["blocks"], ensure_ascii=False)
    assert "Les gruppens side og si hei" in text and "Read the group's page" not in text


def test_one_schedule_per_member_whatever_slack_retries(mock, group, tmp_path):
    mock.users[NEWBIE] = NEW_YORK
    engine = Engine.from_directory(group)
    with running_bot(mock, lambda: engine, data_dir=tmp_path / "data", now=Clock(JOINED)) as bot:
        assert bot.send_event(join())[0] == 200
        retry = {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"}
        assert bot.send_event(join(), headers=retry)[0] == 200
        again = [join(event_id=f"Ev0JOINAGAIN{n}") for n in range(4)]  # the same member, other event ids
        with ThreadPoolExecutor(max_workers=4) as pool:
            statuses = list(pool.map(lambda body: bot.send_event(body, headers=retry)[0], again))
        assert statuses == [200] * 4
    assert len(mock.of("chat.postMessage")) == 1
    assert len(mock.of("chat.scheduleMessage")) == 2
    assert len(mock.waiting) == 2


def test_a_welcome_channel_starts_onboarding_too(mock, group, tmp_path):
    mock.channel_names["C0PANCREAS"] = "newcomers"
    engine = Engine.from_directory(group)
    options = {"welcome": "channel", "welcome_channels": ("newcomers",)}
    with running_bot(mock, lambda: engine, data_dir=tmp_path / "data", now=Clock(JOINED), **options) as bot:
        bot.send_event(event("member_joined_channel"))
        bot.send_event(event("member_joined_channel", event_id="Ev0MEMBER02"))  # left and joined again
    assert [m["channel"] for m in mock.of("chat.postMessage")] == [NEWBIE]
    assert len(mock.of("chat.scheduleMessage")) == 2


def test_the_home_tab_is_a_checklist_and_keeps_ticks(mock, group, tmp_path):
    engine = Engine.from_directory(group)
    data = tmp_path / "data"
    with running_bot(mock, lambda: engine, data_dir=data, now=Clock(JOINED)) as bot:
        bot.send_event(join())
        bot.send_event(home_opened())
        [first] = mock.of("views.publish")
        assert checkboxes(first["view"]["blocks"]) == {"day-one": False, "meet-the-lab": False, "first-week": False}
        assert "(0 of 3 done)" in json.dumps(first["view"])

        assert bot.send_action(tick("meet-the-lab"))[0] == 200
        assert bot.send_action(tick("day-one"))[0] == 200
        assert bot.send_action(tick("day-one", checked=False))[0] == 200
        republished = mock.of("views.publish")[-1]
        assert checkboxes(republished["view"]["blocks"]) == {
            "day-one": False,
            "meet-the-lab": True,
            "first-week": False,
        }
        assert "(1 of 3 done)" in json.dumps(republished["view"])
        assert len(republished["view"]["blocks"]) <= 100

        bot.send_event(home_opened(user="U0ALICE01", event_id="Ev0HOMEALICE"))
        alice = mock.of("views.publish")[-1]
        assert alice["user_id"] == "U0ALICE01" and checkboxes(alice["view"]["blocks"]) == {}, "not onboarding"
        bot.send_action(tick("meet-the-lab", user="U0ALICE01"))
    assert mock.of("views.publish")[-1] == alice, "a tick from someone not onboarding is not kept"
    assert oct((data / "onboarding.sqlite3").stat().st_mode & 0o777) == "0o600"


def test_onboarding_in_a_dm_or_with_ask_shows_the_same_list(mock, group, tmp_path):
    engine = Engine.from_directory(group)
    with running_bot(mock, lambda: engine, data_dir=tmp_path / "data", now=Clock(JOINED)) as bot:
        bot.send_event(join())
        bot.send_action(tick("day-one"))
        bot.send_event(home_opened())
        home = mock.of("views.publish")[-1]["view"]["blocks"]
        bot.send_event(event("message_im", event_id="Ev0DMONB", user=NEWBIE, channel=NEWBIE_DM, text="onboarding"))
        command = slash_command("onboarding", mock)
        command["user_id"] = NEWBIE
        bot.send_form(command)
        bot.send_form(slash_command("Onboarding?", mock))  # from someone who is not onboarding
    dm = mock.of("chat.postMessage")[-1]
    assert dm["channel"] == NEWBIE_DM
    checklist = [b for b in home if b.get("block_id", "").startswith("onboarding_step:")]
    assert [b for b in dm["blocks"] if b.get("block_id", "").startswith("onboarding_step:")] == checklist
    assert checkboxes(dm["blocks"]) == {"day-one": True, "meet-the-lab": False, "first-week": False}
    member, other = [c.body for c in mock.calls if c.path == "/respond/command"]
    assert member["response_type"] == "ephemeral" and member["blocks"] == dm["blocks"]
    assert checkboxes(other["blocks"]) == {}
    assert "_day 2_: Book a coffee" in other["text"] and "_in the welcome_: Read the group's page" in other["text"]


def test_an_edit_of_the_steps_reschedules_what_is_not_yet_sent(mock, group, tmp_path):
    mock.users[NEWBIE] = NEW_YORK
    source = KnowledgeSource(group, settle=0)
    clock = Clock(JOINED)
    with running_bot(mock, lambda: source.engine, data_dir=tmp_path / "data", now=clock) as bot:
        source.on_reload = reload_hook(bot.app.client, bot.services.onboarding, lambda: source.engine)
        bot.send_event(join())
        lab, week = mock.of("chat.scheduleMessage")
        assert (lab["blocks"][0]["block_id"], week["blocks"][0]["block_id"]) == (
            "onboarding_step:meet-the-lab",
            "onboarding_step:first-week",
        )
        lab_id, week_id = mock.waiting  # in the order they were scheduled
        clock.at = datetime(2024, 5, 13, 14, tzinfo=UTC)  # Monday 10:00 in New York: meet-the-lab was sent

        edit(group / "people.yaml", "name: Elin Kure", "name: Elin H. Kure")  # no step changes
        assert source.check_now()
        assert mock.of("chat.deleteScheduledMessage") == [] and len(mock.of("chat.scheduleMessage")) == 2

        steps = group / "onboarding.yaml"
        edit(steps, "Book a coffee with two people", "Book a coffee with three people")
        edit(steps, "how your first week went", "how your first week has been")
        with steps.open("a", encoding="utf-8") as out:
            out.write("- id: papers\n  day: 4\n  text: Read two of the group's papers.\n")  # Monday: past
            out.write("- id: second-week\n  day: 7\n  text: Plan your second week.\n")
        assert source.check_now()
    assert [c["scheduled_message_id"] for c in mock.of("chat.deleteScheduledMessage")] == [week_id]
    assert all(c["channel"] == NEWBIE_DM for c in mock.of("chat.deleteScheduledMessage"))
    assert scheduled(mock)[2:] == [
        (NEWBIE_DM, week["post_at"], "onboarding_step:first-week"),
        (NEWBIE_DM, epoch(datetime(2024, 5, 16, 13, tzinfo=UTC)), "onboarding_step:second-week"),
    ]
    assert "has been" in mock.of("chat.scheduleMessage")[2]["text"]
    assert len(mock.waiting) == 3 and lab_id in mock.waiting and week_id not in mock.waiting
    assert lab["post_at"] < epoch(clock.at) < week["post_at"]


def test_a_member_who_leaves_has_their_waiting_steps_removed(mock, group, tmp_path):
    mock.users[NEWBIE] = NEW_YORK
    source = KnowledgeSource(group, settle=0)
    clock = Clock(JOINED)
    with running_bot(mock, lambda: source.engine, data_dir=tmp_path / "data", now=clock) as bot:
        source.on_reload = reload_hook(bot.app.client, bot.services.onboarding, lambda: source.engine)
        bot.send_event(join())
        assert len(mock.waiting) == 2
        still_here = left(event_id="Ev0STILLHERE")
        still_here["event"]["user"]["deleted"] = False
        assert bot.send_event(still_here)[0] == 200
        assert mock.of("chat.deleteScheduledMessage") == [], "a profile change is not a departure"
        waiting = set(mock.waiting)
        assert bot.send_event(left())[0] == 200
        assert {c["scheduled_message_id"] for c in mock.of("chat.deleteScheduledMessage")} == waiting
        assert mock.waiting == {}
        edit(group / "onboarding.yaml", "Book a coffee", "Have a coffee")
        assert source.check_now()
        bot.send_event(home_opened())
    assert len(mock.of("chat.scheduleMessage")) == 2, "nothing is scheduled again for someone who left"
    assert checkboxes(mock.of("views.publish")[-1]["view"]["blocks"]) == {}


def test_without_onboarding_yaml_everything_is_as_before(mock, engine, tmp_path):
    data = tmp_path / "data"
    with running_bot(mock, lambda: engine, data_dir=data, now=Clock(JOINED)) as bot:
        bot.send_event(join())
        bot.send_event(join(event_id="Ev0JOIN02"))
        bot.send_event(home_opened())
        bot.send_event(left())
        bot.send_event(event("message_im", event_id="Ev0DMONB", user=NEWBIE, channel=NEWBIE_DM, text="onboarding"))
        bot.send_form(slash_command("onboarding", mock))
    welcome = welcome_message(engine)
    posted = mock.of("chat.postMessage")
    assert [(m["channel"], m["text"], m["blocks"]) for m in posted[:2]] == [
        (NEWBIE, welcome["text"], welcome["blocks"])
    ] * 2
    assert mock.of("views.publish")[0]["view"] == home_view(engine)
    assert {c.method for c in mock.calls} <= {"auth.test", "chat.postMessage", "views.publish", "command"}
    assert "checkboxes" not in json.dumps([c.body for c in mock.calls])
    assert not (data / "onboarding.sqlite3").exists()
    assert posted[2]["channel"] == NEWBIE_DM, "'onboarding' in a DM is a question like any other"


def test_fixture_knowledge_has_no_steps():
    """The tests above add steps to a copy; the frozen fixture stays without them."""
    assert not (KNOWLEDGE / "onboarding.yaml").exists()
    assert Engine.from_directory(KNOWLEDGE).kb.onboarding == ()


def test_old_records_expire_after_the_retention_period(mock, group, tmp_path):
    engine = Engine.from_directory(group)
    clock = Clock(JOINED)
    with running_bot(mock, lambda: engine, data_dir=tmp_path / "data", now=clock, onboarding_days=30) as bot:
        bot.send_event(join())
        bot.send_action(tick("day-one"))
        clock.at = JOINED + timedelta(days=31)
        bot.send_event(join(user="U0LATER01", event_id="Ev0JOINLATER"))  # any write forgets the old ones
        assert bot.services.onboarding.member(NEWBIE) is None
        assert bot.services.onboarding.store.checks(NEWBIE) == set()


def test_when_slack_refuses_the_bot_falls_back_and_catches_up(mock, group, tmp_path):
    """No time zone from Slack: 09:00 UTC. A refused schedule is scheduled at the next reload. A
    refused welcome registers nobody, so a later join event for the member tries again."""
    source = KnowledgeSource(group, settle=0)
    clock = Clock(JOINED)
    mock.refuse["users.info"] = "user_not_found"
    mock.refuse["chat.postMessage"] = "channel_not_found"
    with running_bot(mock, lambda: source.engine, data_dir=tmp_path / "data", now=clock) as bot:
        source.on_reload = reload_hook(bot.app.client, bot.services.onboarding, lambda: source.engine)
        bot.send_event(join())
        assert mock.of("chat.scheduleMessage") == [] and bot.services.onboarding.member(NEWBIE) is None
        del mock.refuse["chat.postMessage"]
        mock.refuse["chat.scheduleMessage"] = "restricted_action"
        bot.send_event(join(event_id="Ev0JOIN02"))
        assert len(mock.of("chat.postMessage")) == 2 and mock.waiting == {}
        del mock.refuse["chat.scheduleMessage"]
        edit(group / "people.yaml", "name: Elin Kure", "name: Elin H. Kure")
        assert source.check_now()
    assert scheduled(mock)[-2:] == [
        (NEWBIE_DM, epoch(datetime(2024, 5, 13, 9, tzinfo=UTC)), "onboarding_step:meet-the-lab"),
        (NEWBIE_DM, epoch(datetime(2024, 5, 14, 9, tzinfo=UTC)), "onboarding_step:first-week"),
    ]
    assert len(mock.waiting) == 2


def test_a_departure_after_slack_already_dropped_the_messages_still_clears_the_record(mock, group, tmp_path):
    engine = Engine.from_directory(group)
    with running_bot(mock, lambda: engine, data_dir=tmp_path / "data", now=Clock(JOINED)) as bot:
        bot.send_event(join())
        mock.waiting.clear()  # deleted in Slack by hand: Slack answers invalid_scheduled_message_id
        bot.send_event(left())
        assert len(mock.of("chat.deleteScheduledMessage")) == 2
        assert bot.services.onboarding.store.scheduled(NEWBIE) == []
        assert bot.services.onboarding.member(NEWBIE) is None
        bot.send_event(left(event_id="Ev0CHANGE02"))  # a second deactivation event changes nothing
    assert len(mock.of("chat.deleteScheduledMessage")) == 2


def test_a_tick_under_a_step_message_is_the_same_tick(mock, group, tmp_path):
    engine = Engine.from_directory(group)
    with running_bot(mock, lambda: engine, data_dir=tmp_path / "data", now=Clock(JOINED)) as bot:
        bot.send_event(join())
        payload = tick("first-week")
        payload["container"] = {"type": "message", "message_ts": "1715600000.000100", "channel_id": NEWBIE_DM}
        del payload["view"]
        payload["message"] = {"type": "message", "ts": "1715600000.000100", "blocks": []}
        payload["channel"] = {"id": NEWBIE_DM, "name": "directmessage"}
        assert bot.send_action(payload)[0] == 200
        assert mock.of("views.publish") == [], "a tick in a DM does not touch the Home tab"
        bot.send_event(home_opened())
    assert checkboxes(mock.of("views.publish")[0]["view"]["blocks"])["first-week"] is True


def test_emptying_the_steps_deletes_what_waits_and_welcomes_as_before(mock, group, tmp_path):
    source = KnowledgeSource(group, settle=0)
    with running_bot(mock, lambda: source.engine, data_dir=tmp_path / "data", now=Clock(JOINED)) as bot:
        source.on_reload = reload_hook(bot.app.client, bot.services.onboarding, lambda: source.engine)
        bot.send_event(join())
        assert len(mock.waiting) == 2
        (group / "onboarding.yaml").write_text("[]\n", encoding="utf-8")
        edit(group / "onboarding.yaml", "[]", "[]  # onboarding is off")
        assert source.check_now()
        assert mock.waiting == {} and len(mock.of("chat.deleteScheduledMessage")) == 2
        bot.send_event(join(user="U0LATER01", event_id="Ev0JOINLATER"))
    later = mock.of("chat.postMessage")[-1]
    assert later["channel"] == "U0LATER01" and later["blocks"] == welcome_message(source.engine)["blocks"]
    assert len(mock.of("chat.scheduleMessage")) == 2
