"""Safe YAML loading that remembers where every value came from.

Config and rule errors must name ``file:line``. PyYAML's composer keeps a start
mark on each node, so we compose the node tree once, build plain Python data from
it, and keep a way back from a pydantic error location (``("sources", 2, "url")``)
to the line of the offending node::

    >>> doc = parse_yaml("a:\\n  - {b: 1}\\n  - {b: x}\\n", "f.yaml")
    >>> doc.data
    {'a': [{'b': 1}, {'b': 'x'}]}
    >>> doc.line(("a", 1, "b"))
    3
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from monitor.errors import ConfigError

#: Aliases multiply a document's size ("billion laughs"); real config never needs many.
MAX_ALIASES = 100
MAX_YAML_BYTES = 1024 * 1024


@dataclass(frozen=True)
class YamlDoc:
    """A YAML document: its data, its node tree and the file name used in errors."""

    name: str
    data: Any
    root: yaml.Node | None

    def line(self, loc: Sequence[str | int]) -> int:
        """1-based line of the deepest node that ``loc`` reaches (1 when none)."""
        node = self.root
        best = node.start_mark.line + 1 if node is not None else 1
        for key in loc:
            if node is None:
                break
            node = _child(node, key)
            if node is not None:
                best = node.start_mark.line + 1
        return best

    def where(self, loc: Sequence[str | int]) -> str:
        return f"{self.name}:{self.line(loc)}"


def _child(node: yaml.Node, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == str(key):
                return v
    elif (
        isinstance(node, yaml.SequenceNode) and isinstance(key, int) and 0 <= key < len(node.value)
    ):
        return node.value[key]
    return None


class _Loader(yaml.SafeLoader):
    """SafeLoader (no Python tags) that refuses alias bombs."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise yaml.YAMLError(f"line {mark.line + 1}: more than {MAX_ALIASES} aliases")
        return super().compose_node(parent, index)


def parse_yaml(text: str, name: str) -> YamlDoc:
    """Parse one YAML document; ConfigError('name:line: message') on a syntax error."""
    if len(text) > MAX_YAML_BYTES:
        raise ConfigError(f"{name}:1: file larger than {MAX_YAML_BYTES // 1024} KB")
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise ConfigError(f"{name}:{line}: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{name}:1: {exc}") from exc
    finally:
        loader.dispose()
    return YamlDoc(name=name, data=data, root=root)


def read_yaml(path: Any) -> YamlDoc:
    """Read and parse a YAML file; errors name the file."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read(MAX_YAML_BYTES + 1)
    except OSError as exc:
        raise ConfigError(f"{path}:1: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}:1: not UTF-8 text") from exc
    return parse_yaml(text, str(path))


def pydantic_problems(doc: YamlDoc, exc: Any, prefix: Sequence[str | int] = ()) -> list[str]:
    """One 'file:line: field: message' line per error of a pydantic ValidationError."""
    out = []
    for err in exc.errors():
        loc = [*prefix, *err["loc"]]
        # Discriminated unions add the tag as a path element; keep only real keys.
        path = ".".join(str(p) for p in err["loc"] if not _is_tag(p))
        msg = err["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
        if err["type"] == "extra_forbidden":
            msg = "unknown field"
        out.append(f"{doc.where(loc)}: {path + ': ' if path else ''}{msg}")
    return out


def _is_tag(part: Any) -> bool:
    return isinstance(part, str) and (part.startswith("function-") or "[" in part)
