"""YAML loading that remembers line numbers, so every problem can name its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.errors import KnowledgeError
from bot.knowledge.files import read_regular_file

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict):
    """A mapping from YAML that knows the line (1-based) it starts on, and each key's line."""

    line: int = 0
    key_lines: dict

    def line_of_key(self, key: str) -> int:
        return getattr(self, "key_lines", {}).get(key, self.line)


class LineList(list):
    """A sequence from YAML that knows the line (1-based) it starts on."""

    line: int = 0


class _LineLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader (the C one when present) that tags containers with lines."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
        seen: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key {key!r} appears twice in one entry (first on line {seen[key]})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        mapping = LineDict(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = seen
        return mapping

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LineList:
        sequence = LineList(super().construct_sequence(node, deep=True))
        sequence.line = node.start_mark.line + 1
        return sequence


_LineLoader.add_constructor("tag:yaml.org,2002:map", _LineLoader.construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _LineLoader.construct_sequence)


def load_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error becomes a KnowledgeError naming file and line."""
    return parse_yaml(read_regular_file(path), path.name)


def parse_yaml(data: bytes, name: str) -> Any:
    """Parse the bytes of one YAML file (named for messages); problems become a KnowledgeError."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError([f"{name}: not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        context = exc.context_mark
        if exc.context and context is not None and mark is not None and context.line != mark.line:
            problem += f" ({' '.join(exc.context.split())}, which starts on line {context.line + 1})"
        raise KnowledgeError([f"{name}{line}: YAML syntax error: {problem}"]) from None
    except yaml.YAMLError as exc:
        raise KnowledgeError([f"{name}: YAML syntax error: {' '.join(str(exc).split())}"]) from None


def line_of(value: Any, fallback: int = 0, key: str | None = None) -> int:
    """The line a loaded container (or one of its keys) starts on; the fallback for plain values."""
    if key is not None and isinstance(value, LineDict):
        return value.line_of_key(key) or fallback
    return getattr(value, "line", fallback) or fallback
