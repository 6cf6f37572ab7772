"""The `/ask` slash command: acknowledged at once, answered privately with a Share button."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, Respond

from bot.service import APOLOGY
from bot.slack.blocks import answer_message, text_message
from bot.slack.markup import question_from_slack, question_to_keep
from bot.slack.onboarding import is_request
from bot.slack.services import SlackServices

log = logging.getLogger("bot.slack")


def register(app: App, services: SlackServices) -> None:
    @app.command("/ask")
    def on_ask(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack()  # within Slack's 3 seconds, before any work
        try:
            text = command.get("text", "")
            if is_request(text):
                checklist = services.onboarding.request_message(services.engine, command.get("user_id", ""))
                if checklist is not None:
                    respond(response_type="ephemeral", **checklist)
                    return
            question = question_from_slack(text, people=services.engine.people_by_slack_id())
            kept = question_to_keep(text)
            answer = services.answers.answer(question or "help", keep_as=kept)
            respond(response_type="ephemeral", **answer_message(answer, ephemeral=answer.kind != "help", kept=kept))
        except Exception:
            log.exception("/ask failed")
            respond(response_type="ephemeral", **text_message(APOLOGY))
