"""Slack listeners, one module per kind (as in bolt-python's starter template)."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events
from bot.slack.services import SlackServices


def register_listeners(app: App, services: SlackServices) -> None:
    events.register(app, services)
    commands.register(app, services)
    actions.register(app, services)
