"""The README stays true: every command, flag and setting is documented, the Quickstart is CI's."""

from __future__ import annotations

import re

from bot.cli import build_parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SETTINGS = [
    "SLACK_BOT_TOKEN",
    "SLACK_APP_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_API_URL",
    "PORT",
    "BOT_KNOWLEDGE_DIR",
    "BOT_DATA_DIR",
    "BOT_RECORD_UNANSWERED",
    "BOT_WELCOME",
    "BOT_WELCOME_CHANNELS",
    "BOT_MAINTAINERS_CHANNEL",
    "LOG_LEVEL",
]


def _commands() -> dict:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return action.choices


def test_every_command_and_flag_is_in_the_readme():
    for name, sub in _commands().items():
        assert f"python -m bot {name}" in README, name
        assert sub.description or sub.format_help(), name
        for option in sub._actions:
            for flag in option.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in README, f"{name} {flag}"


def test_every_setting_the_code_reads_is_in_the_readme():
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "bot").rglob("*.py"))
    read = set(
        re.findall(r"""(?:environ(?:\.get)?\(|env\.get\(|\[)["']((?:SLACK|BOT)_[A-Z_]+|PORT|LOG_LEVEL)["']""", code)
    )
    assert read <= set(SETTINGS), read - set(SETTINGS)
    for setting in SETTINGS:
        assert f"`{setting}`" in README or f"`{setting} " in README, setting


def test_quickstart_has_two_commands_and_ci_runs_the_second():
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert "bot chat" in block[0] and "pytest" in block[1]
    assert block[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_knowledge_fields_are_documented_for_maintainers():
    from bot.knowledge.loader import _FIELDS

    guide = (ROOT / "knowledge" / "README.md").read_text(encoding="utf-8")
    for fields in _FIELDS.values():
        for field in fields:
            assert f"`{field}`" in guide, field
