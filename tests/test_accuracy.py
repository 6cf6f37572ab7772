"""Every category of question, in many phrasings: regression tests for the understanding.

The phrasings in tests/data/phrasings.yaml are other words for the categories of
the development set (places, abbreviations, departments, people with typos, the
leader, themes, the project, counts, Norwegian, combined filters, out-of-scope).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cases import load_cases, problems
from tests.conftest import DATA, ROOT

PHRASINGS = load_cases(DATA / "phrasings.yaml")
DEV = ROOT.parent / "shared" / "eval" / "dev.yaml"


@pytest.mark.parametrize("case", PHRASINGS, ids=[c["q"] for c in PHRASINGS])
def test_phrasing(engine, case):
    answer = engine.answer(case["q"]).to_json()
    assert problems(case, answer) == [], answer["text"]


def test_every_category_is_covered():
    tags = {tag for case in PHRASINGS for tag in case.get("tags", [])}
    assert {"place", "abbrev", "dept", "person", "typo", "theme", "leader", "project", "count", "norsk"} <= tags
    assert {"combo", "none"} <= tags


@pytest.mark.skipif(not DEV.exists(), reason="the shared development questions are not beside this checkout")
def test_development_questions(engine):
    cases = load_cases(Path(DEV))
    failures = {}
    for case in cases:
        found = problems(case, engine.answer(str(case["q"])).to_json())
        if found:
            failures[case["q"]] = found
    assert len(failures) <= len(cases) * 0.02, failures


@pytest.mark.parametrize("case", [c for c in PHRASINGS if "none" in c.get("tags", [])], ids=lambda c: c["q"])
def test_out_of_scope_is_not_answered(engine, case):
    answer = engine.answer(case["q"])
    assert not answer.answered
    assert answer.confidence < 0.5
