"""The README stays true: every command, flag and setting is documented, the Quickstart is CI's."""

from __future__ import annotations

import re

from bot.cli import build_parser
from bot.settings import VARIABLES, settings_table
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands_action():
    return next(a for a in build_parser()._actions if a.dest == "command")


def _commands() -> dict:
    return _commands_action().choices


def test_every_command_and_flag_is_in_the_readme():
    summaries = {a.dest: (a.help or "").strip() for a in _commands_action()._choices_actions}
    for name, sub in _commands().items():
        assert f"python -m bot {name}" in README, name
        assert summaries.get(name), f"{name} has no one-line help in `python -m bot --help`"
        for option in sub._actions:
            for flag in option.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in README, f"{name} {flag}"


def test_the_readme_settings_table_is_the_one_the_code_makes():
    assert settings_table() in README


def test_only_the_settings_module_reads_the_environment():
    """One configuration module: any other module reading a variable would slip past the README's table."""
    for path in (ROOT / "bot").rglob("*.py"):
        if path == ROOT / "bot" / "settings.py":
            continue
        code = path.read_text(encoding="utf-8")
        assert not re.search(r"\bos\.environ\b|from os import[^\n]*\benviron\b|\bgetenv\b", code), path


def test_every_variable_the_settings_read_is_listed():
    """Names outside the VARIABLES list itself: a variable listed but never read would fail here too."""
    code = (ROOT / "bot" / "settings.py").read_text(encoding="utf-8")
    listed = code.split("VARIABLES: tuple[Variable, ...] = (", 1)[1].split("\n)\n", 1)[0]
    read = set(re.findall(r"""["']((?:SLACK|BOT)_[A-Z_]+|PORT|LOG_LEVEL)["']""", code.replace(listed, "")))
    assert read == {v.name for v in VARIABLES}


def test_quickstart_has_two_commands_and_ci_runs_the_second():
    section = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1).strip().splitlines()
    assert len(block) == 2
    assert "bot chat" in block[0] and "pytest" in block[1]
    assert block[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_knowledge_fields_are_documented_for_maintainers():
    from bot.knowledge.fields import FIELDS

    guide = (ROOT / "knowledge" / "README.md").read_text(encoding="utf-8")
    for fields in FIELDS.values():
        for field in fields:
            assert f"`{field}`" in guide, field
