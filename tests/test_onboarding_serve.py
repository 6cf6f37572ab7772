"""Onboarding in `python -m bot serve` as a real process: ticks survive a restart, and an edit of
onboarding.yaml reschedules, whether made while it runs (live reload) or while it was stopped."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
import urllib.parse
import urllib.request
from pathlib import Path

from slack_sdk.signature import SignatureVerifier

from tests.onboarding_helpers import NEWBIE, checkboxes, edit, home_opened, join, tick, with_steps
from tests.slack_helpers import SECRET
from tests.slack_mock import SlackMock, wait_until
from tests.test_serve import serving


def _post(port: int, body: bytes, content_type: str) -> int:
    """Signed as Slack signs it, to the bot's own process."""
    stamp = str(int(time.time()))
    signature = SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body.decode())
    headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": signature}
    request = urllib.request.Request(f"http://127.0.0.1:{port}/slack/events", data=body, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def send_event(port: int, body: dict) -> int:
    return _post(port, json.dumps(body).encode(), "application/json")


def send_action(port: int, payload: dict) -> int:
    return _post(
        port, urllib.parse.urlencode({"payload": json.dumps(payload)}).encode(), "application/x-www-form-urlencoded"
    )


def kept_ids(data: Path) -> set[str]:
    """The scheduled message ids the bot keeps, read as `report` reads: read-only."""
    uri = f"{(data / 'onboarding.sqlite3').resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
        return {row[0] for row in db.execute("SELECT message_id FROM scheduled")}


def test_ticks_survive_a_restart_and_edits_reschedule(knowledge_copy: Path, tmp_path: Path):
    knowledge = with_steps(knowledge_copy)
    data = tmp_path / "data"
    with SlackMock() as mock:
        with serving(knowledge, data, mock) as served:
            assert send_event(served.port, join()) == 200
            wait_until(lambda: len(mock.of("chat.scheduleMessage")) == 2)
            assert send_action(served.port, tick("meet-the-lab")) == 200
            wait_until(lambda: len(mock.of("views.publish")) == 1)  # the Home tab, republished after the tick

            edit(knowledge / "onboarding.yaml", "Book a coffee with two", "Book a coffee with three")
            wait_until(lambda: len(mock.of("chat.scheduleMessage")) == 3)
            assert len(mock.of("chat.deleteScheduledMessage")) == 1
            assert "three people" in mock.of("chat.scheduleMessage")[2]["text"]
            wait_until(lambda: kept_ids(data) == set(mock.waiting))  # the bot has stored what Slack holds

        edit(knowledge / "onboarding.yaml", "how your first week went", "how your first week has been")
        with serving(knowledge, data, mock) as restarted:
            wait_until(lambda: len(mock.of("chat.scheduleMessage")) == 4)  # caught up at start
            sent = [(c.method, c.body.get("text") or c.body.get("scheduled_message_id")) for c in mock.calls]
            assert "has been" in mock.of("chat.scheduleMessage")[3]["text"], (sent, restarted.log)
            assert len(mock.of("chat.deleteScheduledMessage")) == 2
            assert len(mock.waiting) == 2
            assert send_event(restarted.port, home_opened()) == 200
            wait_until(lambda: len(mock.of("views.publish")) == 2)
        home = mock.of("views.publish")[-1]
        assert home["user_id"] == NEWBIE
        assert checkboxes(home["view"]["blocks"]) == {"day-one": False, "meet-the-lab": True, "first-week": False}
        assert len(mock.of("chat.postMessage")) == 1, "the welcome once, never again on a restart"
