"""The blind question sets as regression data: the understanding must not slide back.

Each set was written by people who never saw the code (tests/data/blind/README.md). The floors
are a little under today's scores, so a change that loses a kind of question fails here, while
the exact numbers are printed by benchmarks/bench_understanding.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cases import load_cases, problems
from tests.conftest import DATA

BLIND = DATA / "blind"
FLOORS = {
    "a_en": 0.95,
    "a_no": 0.95,
    "a_threads": 0.95,
    "b_en": 0.95,
    "b_no": 0.93,
    "b_threads": 0.95,
    "c_mixed": 0.97,
    "c_threads": 0.95,
    "d_mixed": 0.97,
    "d_threads": 0.95,
    "e_mixed": 0.97,
    "e_threads": 0.97,
    "f_mixed": 0.97,
    "f_threads": 0.97,
    "g_mixed": 0.97,
    "g_threads": 0.97,
    "h_threads": 0.95,
    "i_mixed": 0.97,
    "i_threads": 0.95,
    "j_threads": 0.95,
    "k_mixed": 0.95,
    "k_threads": 0.97,
    "l_mixed": 0.95,
    "m_mixed": 0.95,
    "m_threads": 0.97,
    "n_mixed": 0.97,
    "n_threads": 0.97,
    "o_mixed": 0.95,
    "o_threads": 0.97,
    "p_mixed": 0.93,
    "p_threads": 0.95,
    "q_mixed": 0.95,
    "q_threads": 0.93,
    "l_threads": 0.95,
}
WRONG_AT_MOST = 0.03
"""Confidently wrong answers allowed, as a share of a set: an honest "I don't know" is better."""


def _score(engine, path: Path) -> tuple[int, int, int, list[str]]:
    cases = load_cases(path)
    threads = cases if "threads" in path.name else [[case] for case in cases]
    right = wrong = total = 0
    failures = []
    for thread in threads:
        context = None
        for case in thread:
            answer, context = engine.converse(str(case["q"]), context)
            total += 1
            if not problems(case, answer.to_json()):
                right += 1
                continue
            failures.append(str(case["q"]))
            wrong += bool(answer.answered or answer.people or answer.themes)
    return right, wrong, total, failures


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_set_holds_its_floor(engine, name):
    path = BLIND / f"{name}.yaml"
    right, wrong, total, failures = _score(engine, path)
    assert right / total >= FLOORS[name], failures
    assert wrong <= total * WRONG_AT_MOST, failures
