"""Broken knowledge gives one clear line per problem, naming file and line; never a traceback."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.errors import KnowledgeError
from bot.knowledge.loader import load_knowledge
from tests.conftest import DATA, KNOWLEDGE, ROOT

BROKEN = sorted((DATA / "broken").glob("*.yaml"))


def _expected(path: Path) -> str:
    first = path.read_bytes().splitlines()[0].decode("utf-8")
    assert first.startswith("# expect: ")
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("broken", BROKEN, ids=[p.stem for p in BROKEN])
def test_each_broken_file_gives_its_clear_error(broken: Path, knowledge_copy: Path):
    target = broken.stem.split("__")[1] + ".yaml"
    shutil.copy(broken, knowledge_copy / target)
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert any(_expected(broken) in problem for problem in caught.value.problems), caught.value.problems
    for problem in caught.value.problems:
        assert "\n" not in problem and "Traceback" not in problem


def test_bundled_knowledge_is_valid_and_sourced():
    kb = load_knowledge(KNOWLEDGE)
    assert len(kb.people) == 14 and len(kb.themes) == 5
    assert kb.warnings == ()
    assert all(p.source and p.source.startswith("https://") for p in kb.people)
    assert [t.number for t in kb.themes] == [1, 2, 3, 4, 5]


def test_every_problem_is_reported_not_just_the_first(knowledge_copy: Path):
    people = knowledge_copy / "people.yaml"
    people.write_text(
        people.read_text(encoding="utf-8").replace("org: ous", "org: ouss").replace("org: uib", "org: uibb"),
        encoding="utf-8",
    )
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(knowledge_copy)
    assert any("'ouss'" in p for p in caught.value.problems)
    assert any("'uibb'" in p for p in caught.value.problems)


def test_missing_source_warns_but_loads(knowledge_copy: Path):
    faq = knowledge_copy / "organisations.yaml"
    faq.write_text(
        faq.read_text(encoding="utf-8") + "- {id: extra, name: Extra Lab, city: Oslo, country: Norway}\n",
        encoding="utf-8",
    )
    kb = load_knowledge(knowledge_copy)
    assert any("extra" in w and "source" in w for w in kb.warnings)


def test_unknown_field_is_a_warning_with_a_hint(knowledge_copy: Path):
    people = knowledge_copy / "people.yaml"
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("  role: participant", "  role: participant\n  emial: x@y.z", 1), encoding="utf-8")
    kb = load_knowledge(knowledge_copy)
    assert any("'emial'" in w and "did you mean 'email'" in w for w in kb.warnings)


def test_missing_directory():
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge("/no/such/dir")
    assert "no such knowledge directory" in caught.value.problems[0]


def test_check_command_exits_non_zero_with_one_line_per_problem(knowledge_copy: Path):
    shutil.copy(DATA / "broken" / "syntax_error__people.yaml", knowledge_copy / "people.yaml")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--knowledge", str(knowledge_copy)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("error: people.yaml:5: YAML syntax error")


def test_check_command_passes_on_the_bundled_knowledge():
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--knowledge", str(KNOWLEDGE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "14 people" in result.stdout


def test_fact_keywords_join_the_fact_they_name(knowledge_copy: Path):
    kb = load_knowledge(knowledge_copy)
    prognosis = next(f for f in kb.project.facts if "prognosis" in f.text)
    assert "poor" in prognosis.keywords


def test_fact_keywords_for_no_fact_warn(knowledge_copy: Path):
    project = knowledge_copy / "project.yaml"
    text = project.read_text(encoding="utf-8")
    project.write_text(text.replace("fact_keywords:\n", "fact_keywords:\n  no such phrase: [x]\n"), encoding="utf-8")
    kb = load_knowledge(knowledge_copy)
    assert any("no fact contains 'no such phrase'" in w for w in kb.warnings)


def test_facts_are_plain_sentences_as_the_contract_says():
    import yaml

    raw = yaml.safe_load((KNOWLEDGE / "project.yaml").read_text(encoding="utf-8"))
    assert raw["facts"] and all(isinstance(f, str) for f in raw["facts"])
