"""Read a YAML file into a small tree that remembers where every value stands.

Why not `yaml.safe_load`: it follows YAML 1.1 (`no` becomes False, `1.10` becomes
1.1), lets the last duplicate key win, expands aliases (the "billion laughs") and
recurses once per nesting level. We read the parser's event stream instead and build
the tree ourselves, iteratively, with YAML 1.2 core-schema scalars, source positions
and firm limits, so hostile input fails fast with a clear message.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, TypeAlias

import yaml

from desktop_app.core.model import Pos
from desktop_app.core.problems import InvalidFile, Problem

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 100_000

Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available


@dataclass(frozen=True)
class Scalar:
    """A scalar with its YAML 1.2 core-schema value and its source text.

    `text` is what the author wrote (for a plain scalar) or the string itself (quoted
    or block scalar); it is what we use wherever a string is expected, so `no`, `on`
    and `1.10` stay exactly as written.
    """

    value: bool | int | float | str | None
    text: str
    plain: bool
    pos: Pos


@dataclass(frozen=True)
class Mapping:
    items: tuple[tuple[Scalar, Node], ...]
    pos: Pos


@dataclass(frozen=True)
class Sequence:
    items: tuple[Node, ...]
    pos: Pos


Node: TypeAlias = Scalar | Mapping | Sequence


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


def resolve_plain(text: str) -> bool | int | float | str | None:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema."""
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT10.match(text):
        return int(text)
    if _INT8.match(text):
        return int(text[2:], 8)
    if _INT16.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text


def _pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def decode(data: bytes, file: str) -> str:
    """UTF-8 text of a file (a leading BOM is allowed); a clear problem otherwise."""
    if len(data) > MAX_FILE_BYTES:
        raise too_large(file, len(data))
    nul = data.find(b"\0")
    if nul >= 0:
        raise InvalidFile(
            [Problem(file, _byte_pos(data, nul), "this is not a text file (it contains NUL bytes)")]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidFile(
            [
                Problem(
                    file,
                    _byte_pos(data, error.start),
                    "the file is not valid UTF-8 text; save it as UTF-8",
                )
            ]
        ) from None
    return text.removeprefix("\ufeff")


def too_large(file: str, size: int) -> InvalidFile:
    size_mb = size / (1024 * 1024)
    limit_mb = MAX_FILE_BYTES // (1024 * 1024)
    return InvalidFile(
        [
            Problem(
                file,
                Pos(1, 1),
                f"file is too large ({size_mb:.1f} MB); "
                f"Attune reads files of at most {limit_mb} MB",
            )
        ]
    )


def _byte_pos(data: bytes, offset: int) -> Pos:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Pos(line, col)


def parse(text: str, file: str) -> Node:
    """Build the tree of a single YAML document, or raise InvalidFile with every
    problem that could be found (a syntax error ends the search)."""
    return _TreeBuilder(file).build(text)


class _TreeBuilder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.nodes = 0
        self.aliases_seen: set[str] = set()  # one message per alias name, not per use

    def problem(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(self.file, pos, message))

    def build(self, text: str) -> Node:
        # A stack of open collections: [kind, pos, items, pending key or None, seen keys]
        stack: list[list[Any]] = []
        root: Node | None = None
        documents = 0
        try:
            for event in yaml.parse(text, Loader=Parser):
                node = self._event(event, stack)
                if isinstance(event, yaml.DocumentStartEvent):
                    documents += 1
                    if documents == 2:
                        self.problem(
                            _pos(event.start_mark),
                            "a file holds one document; remove this '---' and what follows",
                        )
                        break
                if node is None:
                    continue
                if not stack:
                    root = node
                else:
                    self._add(stack[-1], node)
                if len(self.problems) > 200:
                    break
        except _Stop:
            pass
        except yaml.MarkedYAMLError as error:
            self.problems.append(_syntax_problem(self.file, error, text))
        except yaml.YAMLError as error:  # unmarked reader errors: very rare
            self.problem(Pos(1, 1), f"invalid YAML: {error}")
        if self.problems:
            raise InvalidFile(self.problems)
        if root is None:
            raise InvalidFile([Problem(self.file, Pos(1, 1), "the file is empty")])
        return root

    def _event(self, event: Any, stack: list[list[Any]]) -> Node | None:
        """Open or close collections; return a finished node to attach, if any."""
        if isinstance(event, yaml.AliasEvent):
            name = str(event.anchor)
            if name not in self.aliases_seen:
                self.aliases_seen.add(name)
                self.problem(
                    _pos(event.start_mark),
                    f"aliases (*{event.anchor}) are not allowed; write the value out in full",
                )
            return Scalar(None, "", True, _pos(event.start_mark))
        if isinstance(event, yaml.NodeEvent):
            self._check_node_event(event, depth=len(stack))
        if isinstance(event, yaml.ScalarEvent):
            pos = _pos(event.start_mark)
            if not event.style:  # plain: None from PyYAML, "" from libyaml
                return Scalar(resolve_plain(event.value), event.value, True, pos)
            return Scalar(event.value, event.value, False, pos)
        if isinstance(event, yaml.SequenceStartEvent | yaml.MappingStartEvent):
            kind = "seq" if isinstance(event, yaml.SequenceStartEvent) else "map"
            stack.append([kind, _pos(event.start_mark), [], None, {}])
            return None
        if isinstance(event, yaml.SequenceEndEvent | yaml.MappingEndEvent):
            kind, pos, items, _key, _seen = stack.pop()
            if kind == "seq":
                return Sequence(tuple(items), pos)
            return Mapping(tuple(items), pos)
        return None

    def _check_node_event(self, event: Any, depth: int) -> None:
        pos = _pos(event.start_mark)
        self.nodes += 1
        if depth >= MAX_DEPTH:
            self.problem(pos, f"nested too deeply (more than {MAX_DEPTH} levels)")
            raise _Stop
        if self.nodes > MAX_NODES:
            self.problem(pos, f"too many values (more than {MAX_NODES:,}) for one file")
            raise _Stop
        if event.anchor is not None:
            self.problem(pos, f"anchors (&{event.anchor}) are not allowed; write each value out")
        tag = getattr(event, "tag", None)  # None unless the author wrote a tag (`!x`, `!!str`)
        if tag is not None:
            self.problem(pos, f"tags ({tag}) are not allowed; write the value plainly")

    def _add(self, parent: list[Any], node: Node) -> None:
        kind, _, items, key, seen = parent
        if kind == "seq":
            items.append(node)
            return
        if key is None:
            if not isinstance(node, Scalar):
                self.problem(node.pos, "a key must be a plain word, not a list or mapping")
                node = Scalar(None, "?", True, node.pos)
            parent[3] = node
            return
        parent[3] = None
        name = key.text
        if name in seen:
            first: Pos = seen[name]
            self.problem(
                key.pos,
                f"duplicate key {name!r} (first at line {first.line}); each key may appear once",
            )
            return
        seen[name] = key.pos
        items.append((key, node))


class _Stop(Exception):
    """Ends the event loop early once a limit is exceeded."""


def _syntax_problem(file: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    pos = _pos(mark) if mark is not None else Pos(1, 1)
    problem = (error.problem or "invalid YAML").strip()
    if "nesting depth" in problem:
        return Problem(file, pos, f"nested too deeply (more than {MAX_DEPTH} levels)")
    message = f"invalid YAML: {problem}"
    if error.context:
        message += f" ({error.context.strip()})"
    lines = text.splitlines()
    line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
    if "\t" in line[: pos.col]:
        message += "; YAML indents with spaces, not tabs"
    return Problem(file, pos, message)


def load_bytes(data: bytes, file: str) -> Node:
    """Decode and parse a file's bytes; raise InvalidFile with positions on any problem."""
    return parse(decode(data, file), file)
