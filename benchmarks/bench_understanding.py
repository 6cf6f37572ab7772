"""Score the understanding on question sets: right, confidently wrong, and "I don't know".

    python benchmarks/bench_understanding.py                 # every set in tests/data/blind
    python benchmarks/bench_understanding.py FILE.yaml ...   # these sets (threads when the name says so)
    python benchmarks/bench_understanding.py --failures      # list each failure with its kind

Cases are checked as ../shared/eval/score.py checks them. A failure is "I don't know"
when the bot said it did not know (answered false) and named nobody, and "wrong"
otherwise: a wrong answer given with confidence is worse than an honest "I don't know",
so the two are counted apart. A file whose name contains "threads" holds conversations.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.engine import Engine  # noqa: E402
from tests.cases import knowledge_of, load_cases, problems  # noqa: E402

KNOWLEDGE = ROOT / "tests" / "fixtures" / "knowledge"
BLIND = ROOT / "tests" / "data" / "blind"


def _turns(path: Path) -> list[list[dict]]:
    cases = load_cases(path)
    return cases if "threads" in path.name else [[case] for case in cases]


def score(engine: Engine, path: Path, show: bool) -> tuple[int, int, int]:
    right = wrong = unknown = 0
    for thread in _turns(path):
        context = None
        for case in thread:
            answer, context = engine.converse(str(case["q"]), context)
            found = problems(case, answer.to_json())
            if not found:
                right += 1
                continue
            dont_know = not answer.answered and not answer.people and not answer.themes
            unknown += dont_know
            wrong += not dont_know
            if show:
                label = "IDK  " if dont_know else "WRONG"
                print(f"  {label} {case['q']!r}: {'; '.join(found)} | {answer.headline[:90]!r}")
    return right, wrong, unknown


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--failures", action="store_true", help="list every failure")
    parser.add_argument("--knowledge", type=Path, default=None, help="default: the set's own (tests/cases.py)")
    args = parser.parse_args()
    engines: dict[Path, Engine] = {}
    files = args.files or sorted(p for p in BLIND.glob("*.yaml") if not p.stem.endswith("_this"))
    print(f"{'set':<22} {'turns':>5} {'right':>7} {'wrong':>6} {'I dont know':>12}")
    for path in files:
        knowledge = args.knowledge or knowledge_of(path, KNOWLEDGE)
        engine = engines.setdefault(knowledge, Engine.from_directory(knowledge))
        right, wrong, unknown = score(engine, path, args.failures)
        total = right + wrong + unknown
        print(f"{path.stem:<22} {total:>5} {right / total:>7.1%} {wrong:>6} {unknown:>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
