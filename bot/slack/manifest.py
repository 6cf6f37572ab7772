"""The Slack app manifest (slackapi/manifest-schema v1), for Socket Mode or HTTP request URLs."""

from __future__ import annotations

from typing import Any

import yaml

# Edited and deleted questions need no events of their own: Slack sends them as `message` events
# (subtypes message_changed, message_deleted) on the message.* subscriptions below.
BOT_EVENTS = [
    "app_mention",
    "message.im",  # direct messages; and their edits and deletions
    "message.channels",  # follow-ups in threads the bot answered in (only those are read); edits, deletions
    "message.groups",  # the same in private channels
    "app_home_opened",
    "team_join",
    "member_joined_channel",
    "user_change",  # a deactivated member's waiting onboarding messages are deleted
]
BOT_SCOPES = [
    "app_mentions:read",  # app_mention
    # chat.postMessage, the welcome DM, hand-offs; chat.update and chat.delete of its own answers;
    # onboarding's chat.scheduleMessage and chat.deleteScheduledMessage
    "chat:write",
    "commands",  # /ask
    # The *:history scopes also let conversations.replies read the first message of the thread a question
    # is in, when the question points at it ("who works on this?"); the *:read ones a channel's topic.
    "im:history",  # message.im; the post above a question in a DM thread
    "mpim:history",  # the post above a question in a group DM's thread (no message.mpim: chatter unread)
    "channels:history",  # message.channels: follow-ups in threads, edited and deleted questions; the post above
    "groups:history",  # message.groups: the same in private channels
    "channels:read",  # member_joined_channel, channel names for the welcome; a channel's topic for "this"
    "groups:read",  # member_joined_channel in private channels; their topic for "this"
    "users:read",  # team_join, user_change, users.info (a new member's time zone and language for onboarding)
]
AGENT_SCOPES = ["assistant:write"]  # suggested prompts in the Messages tab (agent view)


def manifest(http_url: str | None = None, name: str = "Group bot", agent_view: bool = False) -> dict[str, Any]:
    """The manifest as a dict; with `http_url`, request URLs on that base instead of Socket Mode.

    `agent_view` (BOT_AGENT_VIEW) adds Slack's agent view and its scope; it is off by default
    because some workspaces' plans lack the feature and would refuse the whole manifest.
    """
    command: dict[str, Any] = {
        "command": "/ask",
        "description": "Ask about the group's people, places and themes",
        "usage_hint": "who leads the group? (or: help)",
        "should_escape": True,  # mentions arrive as <@U…|name>: ids the bot can read and the log keeps
    }
    events: dict[str, Any] = {"bot_events": BOT_EVENTS}
    interactivity: dict[str, Any] = {"is_enabled": True}
    if http_url:
        url = http_url.rstrip("/") + "/slack/events"
        command["url"] = url
        events["request_url"] = url
        interactivity["request_url"] = url
    features: dict[str, Any] = {
        "app_home": {
            "home_tab_enabled": True,
            "messages_tab_enabled": True,
            "messages_tab_read_only_enabled": False,
        },
        "bot_user": {"display_name": name, "always_online": True},
        "slash_commands": [command],
    }
    scopes = list(BOT_SCOPES)
    if agent_view:
        features["agent_view"] = {"agent_description": "Answers questions about the research group."}
        scopes += AGENT_SCOPES
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": name,
            "description": "Answers questions about the research group: who works where, themes, the project.",
            "background_color": "#2c4a6e",
        },
        "features": features,
        "oauth_config": {"scopes": {"bot": scopes}},
        "settings": {
            "event_subscriptions": events,
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": http_url is None,
            "token_rotation_enabled": False,
        },
    }


def manifest_yaml(http_url: str | None = None, agent_view: bool = False) -> str:
    header = "# Slack app manifest: paste it at https://api.slack.com/apps > Create New App > From a manifest.\n"
    command = "python -m bot manifest" + (" --http URL" if http_url else "")
    header += f"# Made by `{command}`" + (" with BOT_AGENT_VIEW=on" if agent_view else "") + ".\n"
    return header + yaml.safe_dump(manifest(http_url, agent_view=agent_view), sort_keys=False, allow_unicode=True)
