"""Check an answer against a question case, the way ../shared/eval/score.py does."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.language.text import fold


def _key(name: str) -> tuple[str, str]:
    words = "".join(c if c.isalnum() else " " for c in fold(name)).split()
    return (words[0], words[-1]) if words else ("", "")


DATA = Path(__file__).resolve().parent / "data"
# Sets written for another group's knowledge name it after their round: t_speech.yaml is on kb_speech.
OTHER_KNOWLEDGE = {"speech": DATA / "kb_speech", "glacier": DATA / "kb_glacier", "wind": DATA / "kb_wind"}


def knowledge_of(path: Path, default: Path) -> Path:
    """The knowledge a blind set was written for: the group its name gives, else `default`."""
    parts = path.stem.split("_")
    return OTHER_KNOWLEDGE.get(parts[1], default) if len(parts) > 1 else default


def load_cases(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def problems(case: dict, answer: dict) -> list[str]:
    found: list[str] = []
    people = sorted(_key(p["name"]) for p in answer["people"])
    themes = sorted(t["number"] for t in answer["themes"])
    if "people" in case and people != sorted(_key(n) for n in case["people"]):
        found.append(f"people {people}")
    if "themes" in case and themes != sorted(case["themes"]):
        found.append(f"themes {themes}")
    text = " ".join("".join(c if c.isalnum() else " " for c in fold(answer["text"])).split())
    for word in case.get("text_has", []):
        if " ".join("".join(c if c.isalnum() else " " for c in fold(str(word))).split()) not in text:
            found.append(f"text lacks {word!r}")
    if case.get("none") and (people or themes):
        found.append("named someone where nobody fits")
    return found
