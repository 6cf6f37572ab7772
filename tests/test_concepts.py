"""The language files: every word list the bot reads by is data, named by its concept, in one file per language."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.engine import Engine
from bot.language import concepts

ROOT = Path(__file__).resolve().parent.parent
BOT = ROOT / "bot"
# Modules whose word lists are of another kind: Swedish and Danish words with the bokmål word each is
# read as (`data/sv.txt`, `data/da.txt`), and the table of countries with their names and codes.
OTHER_TABLES = {"neighbours.py", "countries.py", "concepts.py"}


def _literal_word_lists() -> list[str]:
    found = []
    for path in BOT.rglob("*.py"):
        if path.name in OTHER_TABLES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        aliases = {  # "_w = lexicon.words": a word list under another name
            target.id
            for node in ast.walk(tree)
            if isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr in ("words", "keyed")
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            if isinstance(func, ast.Name) and func.id in aliases and isinstance(node.args[0], ast.Constant):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            literal = isinstance(node.args[0], (ast.Constant, ast.List))
            from_the_files = isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "concepts"
            if name in ("words", "keyed", "_set", "_phrases") and literal and not from_the_files:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_word_list_is_written_in_the_code():
    assert _literal_word_lists() == []


def test_every_concept_the_code_names_is_in_a_language_file_and_every_file_concept_is_read():
    source = "\n".join(p.read_text(encoding="utf-8") for p in BOT.rglob("*.py"))
    named = set(re.findall(r'concepts\.(?:words|phrases)\("([^"]+)"\)', source))
    numbered = set(re.findall(r'concepts\.numbered\("([^"]+)"\)', source))
    in_files = set(concepts.names())
    assert named - in_files == set()
    unread = {n for n in in_files - named if n.rpartition(".")[0] not in numbered}
    assert unread == set()


@pytest.mark.parametrize("language", concepts.LANGUAGES)
def test_each_language_file_reads_with_no_concept_twice(language):
    seen = set()
    for line in (concepts.DATA / f"{language}.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line[0].isspace():
            name = line.partition(":")[0]
            assert name not in seen, name
            seen.add(name)
    assert seen


def test_an_unknown_concept_is_an_error_not_an_empty_list():
    with pytest.raises(KeyError):
        concepts.words("no such concept")
    with pytest.raises(KeyError):
        concepts.phrases("no such concept")


def test_a_concepts_words_are_those_of_every_language():
    texts = concepts._texts()
    for name, by_language in texts.items():
        for text in by_language.values():
            if "phrases" not in name:
                assert concepts.keyed(text) <= concepts.words(name), name


def test_a_word_in_the_nynorsk_file_reads_a_nynorsk_question(tmp_path, monkeypatch):
    """A question word that only the nynorsk file has reads a nynorsk question."""
    engine = Engine.from_directory(ROOT / "knowledge")
    nn_who = sorted(concepts.keyed(concepts._texts()["who_words"]["nn"]))
    assert nn_who, "the nynorsk file names its own words for 'who'"
    question_word = next(w for w in nn_who if w not in concepts.keyed(concepts._texts()["who_words"].get("nb", "")))
    leader = engine.kb.people_by_id[engine.kb.project.leader].name
    answer = engine.answer(f"{question_word} leier gruppa?")
    assert [p.name for p in answer.people] == [leader]
