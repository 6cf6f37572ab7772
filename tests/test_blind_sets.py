"""The blind question sets as regression data: the understanding must not slide back.

Each set was written by people who never saw the code (tests/data/blind/README.md). The floors
are a little under today's scores, so a change that loses a kind of question fails here, while
the exact numbers are printed by benchmarks/bench_understanding.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from tests.cases import knowledge_of, load_cases, problems
from tests.conftest import DATA, KNOWLEDGE

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
    # round R (this round, the bundled knowledge): a heavy Slack user; partners writing Swedish and Danish
    "r_slack": 0.91,
    "r_slack_threads": 0.91,
    "r_svda": 0.92,
    "r_svda_threads": 0.95,
    # round S: two other groups' knowledge, written blind (tests/data/kb_speech, kb_glacier)
    "s_speech": 0.91,
    "s_speech_threads": 0.93,
    "s_glacier": 0.88,
    "s_glacier_threads": 0.97,
    # round T: after S's fixes, new writers on all three knowledge bases
    "t_bundled": 0.96,
    "t_bundled_threads": 0.91,
    "t_speech": 0.83,
    "t_speech_threads": 0.92,
    "t_glacier": 0.78,
    "t_glacier_threads": 0.87,
    # round U: after T's fixes, new writers on all three knowledge bases and in Swedish and Danish
    "u_bundled": 0.96,
    "u_bundled_threads": 0.89,
    "u_svda": 0.95,
    "u_speech": 0.81,
    "u_speech_threads": 0.85,
    "u_glacier": 0.85,
    "u_glacier_threads": 0.82,
    # round V: after U's fixes and the review's, new writers on all three knowledge bases
    "v_bundled": 0.95,
    "v_bundled_threads": 0.9,
    "v_speech": 0.91,
    "v_speech_threads": 0.94,
    "v_glacier": 0.91,
    "v_glacier_threads": 0.94,
    # round W: new writers on the two other groups' knowledge; some kinds fixed after
    "w_speech": 0.95,
    "w_speech_threads": 1.0,
    "w_glacier": 0.82,
    "w_glacier_threads": 0.77,
    # round X (the last, not fixed for): new writers on the two other groups' knowledge
    "x_speech": 0.87,
    "x_speech_threads": 0.8,
    "x_glacier": 0.85,
    "x_glacier_threads": 0.88,
    "y_bundled_a": 0.97,
    "y_bundled_a_threads": 0.99,
    "y_bundled_b": 0.93,
    "y_bundled_b_threads": 0.91,
    "y_glacier_a": 0.97,
    "y_glacier_a_threads": 0.95,
    "y_glacier_b": 0.87,
    "y_glacier_b_threads": 0.92,
    "y_speech_a": 0.83,
    "y_speech_a_threads": 0.84,
    "y_speech_b": 0.95,
    "y_speech_b_threads": 0.99,
    "y_svda": 0.88,
    "y_svda_threads": 0.99,
    "y_wind_a": 0.87,
    "y_wind_a_threads": 0.93,
    "y_wind_b": 0.95,
    "y_wind_b_threads": 0.95,
    "z_bundled": 0.93,
    "z_bundled_threads": 0.96,
    "z_glacier": 0.93,
    "z_glacier_threads": 0.99,
    "z_speech": 0.85,
    "z_speech_threads": 0.87,
    "z_svda": 0.93,
    "z_svda_threads": 0.95,
    "z_wind": 0.91,
    "z_wind_threads": 0.84,
    "aa_bundled": 0.99,
    "aa_bundled_threads": 0.99,
    "aa_glacier": 0.97,
    "aa_glacier_threads": 0.99,
    "aa_speech": 0.87,
    "aa_speech_threads": 0.86,
    "aa_svda": 0.93,
    "aa_svda_threads": 0.95,
    "aa_wind": 0.93,
    "aa_wind_threads": 0.87,
    "ab_bundled": 0.95,
    "ab_bundled_threads": 0.99,
    "ab_glacier": 0.95,
    "ab_glacier_threads": 0.99,
    "ab_speech": 0.83,
    "ab_speech_threads": 0.87,
    "ab_svda": 0.91,
    "ab_svda_threads": 0.94,
    "ab_wind": 0.87,
    "ab_wind_threads": 0.88,
    "ac_bundled": 0.93,
    "ac_bundled_threads": 0.86,
    "ac_glacier": 0.93,
    "ac_glacier_threads": 0.88,
    "ac_speech": 0.85,
    "ac_speech_threads": 0.96,
    "ac_svda": 0.88,
    "ac_svda_threads": 0.94,
    "ac_wind": 0.85,
    "ac_wind_threads": 0.95,
    "ad_bundled": 0.95,
    "ad_bundled_threads": 0.99,
    "ad_glacier": 0.93,
    "ad_glacier_threads": 0.99,
    "ad_speech": 0.79,
    "ad_speech_threads": 0.86,
    "ad_svda": 0.91,
    "ad_svda_threads": 0.99,
    "ad_wind": 0.91,
    "ad_wind_threads": 0.86,
    "ae_bundled": 0.95,
    "ae_bundled_threads": 0.95,
    "ae_glacier": 0.89,
    "ae_glacier_threads": 0.96,
    "ae_speech": 0.87,
    "ae_speech_threads": 0.92,
    "ae_svda": 0.84,
    "ae_svda_threads": 0.99,
    "ae_wind": 0.83,
    "ae_wind_threads": 0.95,
    "af_bundled": 0.97,
    "af_bundled_threads": 0.99,
    "af_glacier": 0.89,
    "af_glacier_threads": 0.99,
    "af_speech": 0.83,
    "af_speech_threads": 0.89,
    "af_svda": 0.86,
    "af_svda_threads": 0.87,
    "af_wind": 0.81,
    "af_wind_threads": 0.91,
    "ag_bundled": 0.95,
    "ag_bundled_threads": 0.99,
    "ag_glacier": 0.81,
    "ag_glacier_threads": 0.83,
    "ag_speech": 0.87,
    "ag_speech_threads": 0.91,
    "ag_svda": 0.97,
    "ag_svda_threads": 0.95,
    "ag_wind": 0.87,
    "ag_wind_threads": 0.83,
    "ah_bundled": 0.95,
    "ah_bundled_threads": 0.96,
    "ah_glacier": 0.89,
    "ah_glacier_threads": 0.99,
    "ah_speech": 0.89,
    "ah_speech_threads": 0.96,
    "ah_svda": 0.97,
    "ah_svda_threads": 0.99,
    "ah_wind": 0.87,
    "ah_wind_threads": 0.75,
    "ai_bundled": 0.99,
    "ai_bundled_threads": 0.96,
    "ai_glacier": 0.89,
    "ai_glacier_threads": 0.96,
    "ai_speech": 0.81,
    "ai_speech_threads": 0.79,
    "ai_svda": 0.91,
    "ai_svda_threads": 0.99,
    "ai_wind": 0.93,
    "ai_wind_threads": 0.91,
    "aj_bundled": 0.89,
    "aj_bundled_threads": 0.87,
    "aj_glacier": 0.83,
    "aj_glacier_threads": 0.99,
    "aj_speech": 0.75,
    "aj_speech_threads": 0.84,
    "aj_svda": 0.86,
    "aj_svda_threads": 0.99,
    "aj_wind": 0.83,
    "aj_wind_threads": 0.91,
}
WRONG_AT_MOST_BUNDLED = 0.03
WRONG_TODAY = {
    "r_slack": 1,
    "r_slack_threads": 0,
    "r_svda": 1,
    "r_svda_threads": 0,
    "s_glacier": 3,
    "s_glacier_threads": 0,
    "s_speech": 3,
    "s_speech_threads": 2,
    "t_bundled": 1,
    "t_bundled_threads": 2,
    "t_glacier": 1,
    "t_glacier_threads": 1,
    "t_speech": 4,
    "t_speech_threads": 1,
    "u_bundled": 0,
    "u_bundled_threads": 1,
    "u_glacier": 5,
    "u_glacier_threads": 3,
    "u_speech": 3,
    "u_speech_threads": 1,
    "u_svda": 1,
    "v_bundled": 2,
    "v_bundled_threads": 1,
    "v_speech": 1,
    "v_speech_threads": 1,
    "v_glacier": 1,
    "v_glacier_threads": 1,
    "w_speech": 0,
    "w_speech_threads": 0,
    "w_glacier": 3,
    "w_glacier_threads": 2,
    "x_speech": 2,
    "x_speech_threads": 4,
    "x_glacier": 0,
    "x_glacier_threads": 1,
    "y_bundled_a": 0,
    "y_bundled_a_threads": 0,
    "y_bundled_b": 2,
    "y_bundled_b_threads": 0,
    "y_glacier_a": 1,
    "y_glacier_a_threads": 0,
    "y_glacier_b": 1,
    "y_glacier_b_threads": 1,
    "y_speech_a": 3,
    "y_speech_a_threads": 2,
    "y_speech_b": 1,
    "y_speech_b_threads": 0,
    "y_svda": 0,
    "y_svda_threads": 0,
    "y_wind_a": 4,
    "y_wind_a_threads": 2,
    "y_wind_b": 0,
    "y_wind_b_threads": 1,
    "z_bundled": 1,
    "z_bundled_threads": 1,
    "z_glacier": 1,
    "z_glacier_threads": 0,
    "z_speech": 2,
    "z_speech_threads": 1,
    "z_svda": 1,
    "z_svda_threads": 0,
    "z_wind": 2,
    "z_wind_threads": 3,
    "aa_bundled": 0,
    "aa_bundled_threads": 0,
    "aa_glacier": 0,
    "aa_glacier_threads": 0,
    "aa_speech": 5,
    "aa_speech_threads": 1,
    "aa_svda": 0,
    "aa_svda_threads": 0,
    "aa_wind": 0,
    "aa_wind_threads": 2,
    "ab_bundled": 1,
    "ab_bundled_threads": 0,
    "ab_glacier": 2,
    "ab_glacier_threads": 0,
    "ab_speech": 3,
    "ab_speech_threads": 2,
    "ab_svda": 1,
    "ab_svda_threads": 0,
    "ab_wind": 0,
    "ab_wind_threads": 0,
    "ac_bundled": 1,
    "ac_bundled_threads": 2,
    "ac_glacier": 1,
    "ac_glacier_threads": 2,
    "ac_speech": 3,
    "ac_speech_threads": 1,
    "ac_svda": 1,
    "ac_svda_threads": 0,
    "ac_wind": 4,
    "ac_wind_threads": 1,
    "ad_bundled": 0,
    "ad_bundled_threads": 0,
    "ad_glacier": 0,
    "ad_glacier_threads": 0,
    "ad_speech": 3,
    "ad_speech_threads": 1,
    "ad_svda": 2,
    "ad_svda_threads": 0,
    "ad_wind": 1,
    "ad_wind_threads": 0,
    "ae_bundled": 2,
    "ae_bundled_threads": 0,
    "ae_glacier": 0,
    "ae_glacier_threads": 0,
    "ae_speech": 3,
    "ae_speech_threads": 1,
    "ae_svda": 3,
    "ae_svda_threads": 0,
    "ae_wind": 3,
    "ae_wind_threads": 1,
    "af_bundled": 1,
    "af_bundled_threads": 0,
    "af_glacier": 0,
    "af_glacier_threads": 0,
    "af_speech": 5,
    "af_speech_threads": 1,
    "af_svda": 3,
    "af_svda_threads": 1,
    "af_wind": 3,
    "af_wind_threads": 2,
    "ag_bundled": 0,
    "ag_bundled_threads": 0,
    "ag_glacier": 4,
    "ag_glacier_threads": 3,
    "ag_speech": 2,
    "ag_speech_threads": 1,
    "ag_svda": 0,
    "ag_svda_threads": 0,
    "ag_wind": 4,
    "ag_wind_threads": 4,
    "ah_bundled": 1,
    "ah_bundled_threads": 0,
    "ah_glacier": 1,
    "ah_glacier_threads": 0,
    "ah_speech": 2,
    "ah_speech_threads": 1,
    "ah_svda": 0,
    "ah_svda_threads": 0,
    "ah_wind": 2,
    "ah_wind_threads": 3,
    "ai_bundled": 0,
    "ai_bundled_threads": 1,
    "ai_glacier": 1,
    "ai_glacier_threads": 1,
    "ai_speech": 2,
    "ai_speech_threads": 3,
    "ai_svda": 1,
    "ai_svda_threads": 0,
    "ai_wind": 1,
    "ai_wind_threads": 2,
    "aj_bundled": 1,
    "aj_bundled_threads": 2,
    "aj_glacier": 2,
    "aj_glacier_threads": 0,
    "aj_speech": 7,
    "aj_speech_threads": 2,
    "aj_svda": 1,
    "aj_svda_threads": 0,
    "aj_wind": 3,
    "aj_wind_threads": 1,
}
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


_ENGINES: dict[Path, Engine] = {}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_set_holds_its_floor(engine, name):
    path = BLIND / f"{name}.yaml"
    knowledge = knowledge_of(path, KNOWLEDGE)
    if knowledge != KNOWLEDGE:
        engine = _ENGINES.setdefault(knowledge, Engine.from_directory(knowledge))
    right, wrong, total, failures = _score(engine, path)
    assert right / total >= FLOORS[name], failures
    if (
        name in WRONG_TODAY
    ):  # rounds R on: no more confidently wrong answers than today (README: How well it understands)
        assert wrong <= WRONG_TODAY[name], failures
    else:  # rounds A-Q were fixed for over many rounds
        assert wrong <= total * WRONG_AT_MOST_BUNDLED, failures


POST_SETS = {"s_glacier_this": 0.9}
"""Threads written blind for "who at <place> works on this?" under a post (issue: Slack "this")."""


@pytest.mark.parametrize("name", sorted(POST_SETS))
def test_this_under_a_post_holds_its_floor(name):
    path = BLIND / f"{name}.yaml"
    engine = Engine.from_directory(knowledge_of(path, KNOWLEDGE))
    right, failures = 0, []
    items = load_cases(path)
    for item in items:
        answer, _ = engine.converse(str(item["q"]), None, about=str(item["post"]))
        if not problems({"people": item["people"]}, answer.to_json()):
            right += 1
            continue
        failures.append(item["q"])
        notes = " ".join(line for part in answer.parts for line in part.text)
        said = ("'this'", "«dette»", "matches none", "passer ikke")
        assert any(s in notes for s in said), (item["q"], notes)  # a miss says how it read 'this'
    assert right / len(items) >= POST_SETS[name], failures
