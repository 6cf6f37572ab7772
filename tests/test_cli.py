"""The terminal front end, run as a user runs it: a real process, real stdin and stdout."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.cli_helpers import run
from tests.conftest import KNOWLEDGE, ROOT


def test_ask_prints_a_readable_answer():
    result = run("ask", "who", "works", "in", "Bergen?")
    assert result.returncode == 0
    assert "Anders Molven" in result.stdout


def test_ask_json_is_one_object_with_the_contract():
    result = run("ask", "--json", "Who is at KI?")
    data = json.loads(result.stdout)
    assert data["kind"] == "people" and data["answered"] is True
    assert [p["name"] for p in data["people"]] == ["Matthias Löhr", "Mikael Björnstedt"]


def test_batch_answers_every_line_in_order_in_one_process():
    questions = ["who is in Paris", "", "tell me a joke", "theme 3", "x" * 10_000, "🙂🙂🙂"]
    result = run("ask", "--json", "--batch", stdin="\n".join(questions) + "\n")
    lines = result.stdout.splitlines()
    assert result.returncode == 0 and len(lines) == len(questions)
    answers = [json.loads(line) for line in lines]
    assert answers[0]["people"][0]["name"] == "Jérôme Cros"
    assert answers[2]["answered"] is False
    assert answers[3]["themes"][0]["number"] == 3


def test_explain_shows_matches_and_scores():
    result = run("ask", "--explain", "who is at Karolinka")
    assert "'Karolinka' read as 'karolinska'" in result.stdout
    assert "score" in result.stdout


def test_chat_answers_piped_questions():
    result = run("chat", stdin="who leads the group?\nhvem jobber i Bergen?\n")
    assert result.returncode == 0
    assert "Verbeke" in result.stdout and "Molven" in result.stdout


def test_chat_reads_chat_markup_as_the_words_meant():
    """Struck-out words were taken back, emoji and bold are not words: the same reading as in Slack."""
    result = run("chat", stdin="who is in ~Oslo~ Bergen? :wave:\n")
    assert "1 person in Bergen" in result.stdout and "Kure" not in result.stdout
    asked = run("ask", "--json", "who's the *group leader*? 👋🏽")
    assert json.loads(asked.stdout)["people"][0]["name"].endswith("Verbeke")


def test_plain_module_without_tokens_is_the_chat():
    result = run(stdin="Who is at UiB?\n")
    assert result.returncode == 0 and "Anders Molven" in result.stdout


def test_bad_knowledge_directory_is_one_line_not_a_traceback(tmp_path: Path):
    result = run("ask", "--knowledge", str(tmp_path / "missing"), "who?")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_unanswered_questions_are_recorded_and_reported(tmp_path: Path):
    env = {"BOT_DATA_DIR": str(tmp_path)}
    run("ask", "--batch", stdin="what is the wifi password\nWhat is the wifi password?\nwho is in Oslo\n", env=env)
    report = run("report", env=env)
    assert "2 × " in report.stdout and "wifi password" in report.stdout.lower()
    assert "Oslo" not in report.stdout


def test_recording_can_be_switched_off(tmp_path: Path):
    env = {"BOT_DATA_DIR": str(tmp_path), "BOT_RECORD_UNANSWERED": "off"}
    run("ask", "what is the wifi password", env=env)
    assert not (tmp_path / "unanswered.sqlite3").exists()


def test_every_command_has_help():
    from bot.cli import build_parser

    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    for command in commands:
        result = run(command, "--help")
        assert result.returncode == 0 and "usage:" in result.stdout, command


def test_knowledge_flag_serves_another_group():
    other = str(ROOT / "tests" / "data" / "other_group")
    fixture_group = {"BOT_KNOWLEDGE_DIR": str(KNOWLEDGE)}
    result = run("ask", "--knowledge", other, "--json", "who is in Tromsø", env=fixture_group)
    assert [p["name"] for p in json.loads(result.stdout)["people"]] == ["Ingrid Solberg", "Tom Berg"], "the flag wins"
    without_flag = run("ask", "--json", "who is in Tromsø", env=fixture_group)  # nobody there in the fixture group
    assert json.loads(without_flag.stdout)["people"] == []
    bergen = run("ask", "--knowledge", other, "--json", "who is in Bergen", env=fixture_group)
    assert "Anders Molven" not in bergen.stdout, "nothing of the fixture group is served with the flag"


def test_running_from_a_checkout_without_dependencies_says_how_to_install(tmp_path: Path):
    import venv

    venv.create(tmp_path / "bare", with_pip=False)
    result = subprocess.run(
        [str(tmp_path / "bare" / "bin" / "python"), "-m", "bot", "ask", "who?"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "is not installed here" in result.stderr and "pip install -e ." in result.stderr


def test_explain_shows_the_typed_query_and_the_competing_readings():
    result = run("ask", "--explain", "who in Bergen plays football")
    assert "query: people place(city:Bergen)" in result.stdout
    assert "interpretations (share of the question explained):" in result.stdout
    readings = [line for line in result.stdout.splitlines() if line.strip(" [").startswith(("people ", "statement "))]
    assert len(readings) == 2, result.stdout
    assert "answer: dont_know" in result.stdout  # neither explains 'plays football'
