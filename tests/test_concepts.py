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
OTHER_TABLES = {"neighbours.py", "countries.py", "concepts.py", "translations.py", "phrases.py"}
"""Tables of another kind: words read as other words (Swedish, Danish, Norwegian field names, abbreviations),
countries with their names and codes, and the bot's own sentences in each language."""


def _language_words(*languages: str) -> frozenset[str]:
    texts = concepts._texts().values()
    return frozenset().union(*(concepts.keyed(t.get(lang, "").replace(",", " ")) for t in texts for lang in languages))


_NORWEGIAN = _language_words("nb", "nn") - _language_words("en")
_ENGLISH = _language_words("en") - _language_words("nb", "nn")


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
            if name in ("words", "_set", "_phrases") and literal and not from_the_files:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if name == "keyed" and literal:  # concepts.keyed("who hvem"): a list under the loader's name
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
        for node in ast.walk(tree):  # {"and", "og"}, ("which", "hvilke"): English and Norwegian words side by side
            if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
                strings = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                if strings & _ENGLISH and strings & _NORWEGIAN:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_word_list_is_written_in_the_code():
    assert _literal_word_lists() == []


def test_every_concept_the_code_names_is_in_a_language_file_and_every_file_concept_is_read():
    source = "\n".join(p.read_text(encoding="utf-8") for p in BOT.rglob("*.py"))
    named = set(re.findall(r'concepts\.(?:words|phrases)\("([^"]+)"\)', source))
    numbered = set(re.findall(r'concepts\.(?:numbered|family)\("([^"]+)"\)', source))
    in_files = set(concepts.names())
    assert named - in_files == set()
    unread = {n for n in in_files - named if n.rpartition(".")[0] not in numbered and n.split(".")[0] not in numbered}
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


def test_every_concept_the_code_reads_loads_from_the_files():
    """Each concept reads as the code reads it: a word concept's items are one word each, a phrase
    concept's phrases are there (an error here is a broken language file, found before a question)."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in BOT.rglob("*.py"))
    for name in set(re.findall(r'concepts\.words\("([^"]+)"\)', source)):
        assert concepts.words(name), name
    for name in set(re.findall(r'concepts\.phrases\("([^"]+)"\)', source)):
        assert concepts.phrases(name), name


def test_a_word_only_the_nynorsk_file_has_is_what_reads_a_nynorsk_question():
    """'kven er leiaren for gruppa?': without the nynorsk file's word for the leader, it is not read."""
    engine = Engine.from_directory(ROOT / "knowledge")
    texts = concepts._texts()["leader_words"]
    nynorsk_only = concepts.keyed(texts["nn"]) - concepts.keyed(texts.get("nb", "") + " " + texts.get("en", ""))
    assert "leiaren" in nynorsk_only
    leader = engine.kb.project.leader
    assert [p.id for p in engine.answer("kven er leiaren for gruppa?").people] == [leader]
    assert leader not in {p.id for p in engine.answer("kven er xqzvren for gruppa?").people}
