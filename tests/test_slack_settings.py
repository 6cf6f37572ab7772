"""Missing or malformed Slack settings: one line naming the variable and its form, non-zero exit."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from bot.errors import ConfigError
from bot.settings import Settings
from bot.slack.manifest import AGENT_SCOPES, BOT_EVENTS, BOT_SCOPES, manifest, manifest_yaml
from tests.conftest import ROOT

SECRET = "0123456789abcdef0123456789abcdef"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "SLACK_BOT_TOKEN is not set: it should be a bot token starting with xoxb-"),
        (
            {"SLACK_BOT_TOKEN": "xoxp-user-token"},
            "SLACK_BOT_TOKEN is malformed: it should be a bot token starting with xoxb-",
        ),
        ({"SLACK_BOT_TOKEN": "xoxb-1-2"}, "set SLACK_APP_TOKEN (xapp-..., for Socket Mode) or SLACK_SIGNING_SECRET"),
        ({"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_APP_TOKEN": "xoxb-wrong"}, "SLACK_APP_TOKEN is malformed"),
        ({"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": "not-hex!"}, "SLACK_SIGNING_SECRET is malformed"),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": SECRET, "PORT": "http"},
            "PORT should be a port number",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": "slack.com"},
            "SLACK_API_URL",
        ),
        (
            {"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": SECRET, "BOT_WELCOME": "channel"},
            "BOT_WELCOME_CHANNELS",
        ),
    ],
)
def test_bad_settings_are_named(env, message):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(env, slack=True)
    assert message in str(caught.value)


@pytest.mark.parametrize(
    ("name", "value", "secret_part"),
    [
        ("SLACK_SIGNING_SECRET", "zzzz-very-secret-value", "zzzz"),
        ("SLACK_BOT_TOKEN", "xoxp-real-user-token", "xoxp"),
        ("SLACK_APP_TOKEN", "xoxb-wrong-kind", "xoxb-w"),
        ("SLACK_API_URL", "https://proxyuser:hunter2@proxy.example/api/", "hunter2"),
        ("SLACK_API_URL", "proxyuser:hunter2@proxy.example", "hunter2"),
    ],
)
def test_secret_material_is_never_echoed(name: str, value: str, secret_part: str):
    env = {"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": SECRET, name: value}
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(env, slack=True)
    assert name in str(caught.value)
    assert secret_part not in str(caught.value)


def test_modes():
    socket = Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_APP_TOKEN": "xapp-1-A-2"}, slack=True)
    http = Settings.from_env(
        {"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": SECRET, "PORT": "8080"}, slack=True
    )
    assert socket.socket_mode and not http.socket_mode and http.port == 8080


def test_serve_without_tokens_says_which_variable_and_exits_non_zero():
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "serve"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "error: SLACK_BOT_TOKEN is not set: it should be a bot token starting with xoxb-"


def test_manifest_file_is_what_the_command_prints():
    assert (ROOT / "manifest.yml").read_text(encoding="utf-8") == manifest_yaml()


def test_manifest_has_what_the_bot_uses():
    socket = manifest()
    assert socket["settings"]["socket_mode_enabled"] is True
    assert socket["settings"]["event_subscriptions"]["bot_events"] == BOT_EVENTS
    assert socket["features"]["slash_commands"][0]["command"] == "/ask"
    assert socket["features"]["app_home"]["home_tab_enabled"] and socket["features"]["app_home"]["messages_tab_enabled"]
    assert {"app_mentions:read", "chat:write", "commands", "im:history", "users:read"} <= set(
        socket["oauth_config"]["scopes"]["bot"]
    )
    http = manifest("https://bot.example.org")
    assert http["settings"]["socket_mode_enabled"] is False
    assert http["settings"]["event_subscriptions"]["request_url"] == "https://bot.example.org/slack/events"
    assert http["settings"]["interactivity"]["request_url"] == "https://bot.example.org/slack/events"


def test_manifest_asks_for_thread_follow_ups_and_the_agent_view_only_when_set():
    plain = manifest()
    assert {"message.channels", "message.groups"} <= set(plain["settings"]["event_subscriptions"]["bot_events"])
    assert {"channels:history", "groups:history"} <= set(plain["oauth_config"]["scopes"]["bot"])
    assert "agent_view" not in plain["features"] and "assistant:write" not in plain["oauth_config"]["scopes"]["bot"]
    agent = manifest(agent_view=True)
    assert "agent_view" in agent["features"] and "assistant:write" in agent["oauth_config"]["scopes"]["bot"]


def test_manifest_has_what_edited_and_deleted_questions_need():
    """They arrive as message subtypes on the message.* subscriptions; chat:write updates and deletes the answer."""
    plain = manifest()
    events, scopes = plain["settings"]["event_subscriptions"]["bot_events"], plain["oauth_config"]["scopes"]["bot"]
    for event, scope in (
        ("message.im", "im:history"),
        ("message.channels", "channels:history"),
        ("message.groups", "groups:history"),
    ):
        assert event in events and scope in scopes
    assert "chat:write" in scopes


def test_the_readme_says_why_each_event_and_scope_is_asked_for():
    setup = (ROOT / "README.md").read_text(encoding="utf-8").split("### Setting it up in Slack", 1)[1]
    table = setup.split("| why |", 1)[1].split("\n\n", 1)[0]
    rows = [line.split("|") for line in table.splitlines() if line.startswith("| `")]
    reasons = {cells[1].strip(): cells[2].strip() for cells in rows}
    for name in (*BOT_EVENTS, *BOT_SCOPES, *AGENT_SCOPES, "connections:write"):
        assert len(reasons.get(f"`{name}`", "")) > 10, f"{name} has no reason in the README"


def test_manifest_header_quotes_the_whole_command():
    header = manifest_yaml(http_url="https://bot.example.org").splitlines()[1]
    assert header == "# Made by `python -m bot manifest --http URL`."
    assert (
        manifest_yaml(agent_view=True).splitlines()[1] == "# Made by `python -m bot manifest` with BOT_AGENT_VIEW=on."
    )


def test_the_manifest_command_follows_the_agent_view_setting():
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_"))}
    run = subprocess.run(
        [sys.executable, "-m", "bot", "manifest"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=base | {"BOT_AGENT_VIEW": "on"},
    )
    assert "assistant:write" in run.stdout and "agent_view" in run.stdout


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"BOT_AGENT_VIEW": "maybe"}, "BOT_AGENT_VIEW should be on or off"),
        ({"BOT_UNANSWERED_DAYS": "0"}, "BOT_UNANSWERED_DAYS should be a whole number of at least 1"),
        ({"BOT_UNANSWERED_DAYS": "ninety"}, "BOT_UNANSWERED_DAYS should be a whole number"),
        ({"BOT_RECORD_UNANSWERED": "perhaps"}, "BOT_RECORD_UNANSWERED should be on or off"),
    ],
)
def test_bad_general_settings_are_named(env, message):
    with pytest.raises(ConfigError) as caught:
        Settings.from_env(env)
    assert message in str(caught.value)


def test_general_settings_are_read():
    settings = Settings.from_env({"BOT_AGENT_VIEW": "on", "BOT_UNANSWERED_DAYS": "30", "BOT_RECORD_UNANSWERED": "off"})
    assert settings.agent_view and settings.unanswered_days == 30 and not settings.record_unanswered


def _serve(env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "BOT_"))}
    return subprocess.run(
        [sys.executable, "-m", "bot", "serve"], capture_output=True, text=True, cwd=ROOT, env=base | env, timeout=60
    )


def test_a_token_slack_refuses_is_one_line_not_a_traceback():
    from tests.slack_mock import SlackMock

    with SlackMock() as mock:
        mock.refuse["auth.test"] = "invalid_auth"
        result = _serve({"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": mock.api_url})
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == "error: SLACK_BOT_TOKEN was not accepted by Slack (invalid_auth)"
    assert "Traceback" not in result.stderr


def test_an_app_token_slack_refuses_is_one_line():
    from tests.slack_mock import SlackMock

    with SlackMock() as mock:
        mock.refuse["apps.connections.open"] = "invalid_auth"
        env = {"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_APP_TOKEN": "xapp-1-A-2", "SLACK_API_URL": mock.api_url}
        result = _serve(env)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == "error: SLACK_APP_TOKEN was not accepted by Slack (invalid_auth)"
    assert "Traceback" not in result.stderr


def test_an_unreachable_slack_is_one_line():
    result = _serve(
        {"SLACK_BOT_TOKEN": "xoxb-1-2", "SLACK_SIGNING_SECRET": SECRET, "SLACK_API_URL": "http://127.0.0.1:9/api/"}
    )
    assert result.returncode == 2
    assert "could not reach Slack's Web API at http://127.0.0.1:9/api/" in result.stderr
    assert "Traceback" not in result.stderr


def test_manifest_asks_for_what_reading_the_post_above_needs():
    """'who works on this?' reads a thread's first message (conversations.replies: the *:history scopes,
    group DMs included) or a channel's topic (conversations.info: channels:read, groups:read)."""
    scopes = set(manifest()["oauth_config"]["scopes"]["bot"])
    assert {"channels:history", "groups:history", "im:history", "mpim:history"} <= scopes
    assert {"channels:read", "groups:read"} <= scopes
    setup = (ROOT / "README.md").read_text(encoding="utf-8").split("### Setting it up in Slack", 1)[1]
    for scope in ("channels:history", "groups:history", "im:history", "mpim:history", "channels:read", "groups:read"):
        row = next(line for line in setup.splitlines() if line.startswith(f"| `{scope}` |"))
        assert "this" in row, f"the README does not say {scope} is for reading the post 'this' points at"
