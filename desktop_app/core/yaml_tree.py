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
from typing import Any, Final, NamedTuple, TypeAlias

import yaml

from desktop_app.core.model import Pos
from desktop_app.core.problems import InvalidFile, Problem, join

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 100_000
#: The longest number read as a number. Python refuses to turn more than 4,300 digits
#: into an int, and a whole number past about 300 digits cannot become a float; no
#: count, duration or version needs more than a few digits. A longer number is kept as
#: its text: a string where a string is expected, "this number is too long" where a
#: number is.
MAX_NUMBER_LENGTH = 100

Parser: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available


class Scalar(NamedTuple):
    """A scalar with its YAML 1.2 core-schema value and its source text.

    `text` is what the author wrote (for a plain scalar) or the string itself (quoted
    or block scalar); it is what we use wherever a string is expected, so `no`, `on`
    and `1.10` stay exactly as written.
    """

    value: bool | int | float | str | None
    text: str
    plain: bool
    pos: Pos


# Tree nodes are named tuples: tens of thousands are made per library scan, and
# tuples are the cheapest immutable objects to build and to pickle.
class Mapping(NamedTuple):
    items: tuple[tuple[Scalar, Node], ...]
    pos: Pos


class Sequence(NamedTuple):
    items: tuple[Node, ...]
    pos: Pos


Node: TypeAlias = Scalar | Mapping | Sequence


# YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution)
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_MAYBE_NOT_STRING = frozenset("0123456789+-.~nNtTfF")
#: The core schema's null and booleans: looked up, as most words starting with n or t
#: are keys that can be neither.
_NULL_WORDS: Final = frozenset(("~", "null", "Null", "NULL", ""))
_TRUE_WORDS: Final = frozenset(("true", "True", "TRUE"))
_BOOL_WORDS: Final = _TRUE_WORDS | {"false", "False", "FALSE"}

#: Characters no file may hold, raw or escaped: C0 controls but tab and line breaks,
#: DEL and the C1 controls (a terminal obeys them: colours, titles, cursor moves).
#: NEL (U+0085) is a line break to Unicode and to YAML 1.1, and moves no more than one.
_CONTROL = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f"
#: Bidi embeddings, overrides and isolates: invisible, and they reorder what is shown,
#: so a text (or an id) can show other than it reads. Right-to-left texts need none of
#: them; the marks U+200E and U+200F stay allowed.
_DIRECTION = "\u202a-\u202e\u2066-\u2069"
_RAW_FORBIDDEN = re.compile(f"[{_CONTROL}{_DIRECTION}]")
#: In a scalar's value (after escapes): a line break is only ever \n.
_VALUE_FORBIDDEN = re.compile(f"[{_CONTROL}\r{_DIRECTION}]")


def forbidden_character(char: str) -> str:
    """The problem with a character that _RAW_FORBIDDEN or _VALUE_FORBIDDEN found."""
    code = f"U+{ord(char):04X}"
    if "\u202a" <= char <= "\u2069":
        return (
            f"direction control {code} is not allowed "
            "(it can make a text show other than it reads); remove it"
        )
    return f"control character {code} is not allowed; remove it"


def resolve_plain(text: str) -> bool | int | float | str | None:
    """The value of a plain (unquoted) scalar under the YAML 1.2 core schema. A number
    longer than MAX_NUMBER_LENGTH stays text (see `is_long_number`). The first
    character decides which patterns can match at all: a library scan resolves a
    hundred thousand scalars, most of them words or durations such as `4s`."""
    if not text:
        return None
    first = text[0]
    if first not in _MAYBE_NOT_STRING:
        return text  # most scalars are words; skip the patterns
    if len(text) > MAX_NUMBER_LENGTH:
        return text  # never handed to int(): see MAX_NUMBER_LENGTH
    if first in "~nN":  # `note`, `nl`: most are keys
        return None if text in _NULL_WORDS else text
    if first in "tTfF":  # `text`, `times`, `false`
        return text in _TRUE_WORDS if text in _BOOL_WORDS else text
    # A digit, a sign or a dot.
    if first != "0" and text[-1].isalpha() and first.isdigit():
        return text  # `4s`, `10m`: no number ends with a letter unless it starts with 0x
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


def is_long_number(node: Node) -> bool:
    """Whether `node` is a plain number too long to be read as one."""
    if not isinstance(node, Scalar) or not node.plain:
        return False
    text = node.text
    if len(text) <= MAX_NUMBER_LENGTH or text[0] not in _MAYBE_NOT_STRING:
        return False
    return bool(_INT10.match(text) or _INT8.match(text) or _INT16.match(text) or _FLOAT.match(text))


def _pos(mark: Any) -> Pos:
    return Pos(mark.line + 1, mark.column + 1)


def decode(data: bytes, file: str) -> str:
    """UTF-8 text of a file (a leading BOM is allowed); a clear problem otherwise."""
    if len(data) > MAX_FILE_BYTES:
        raise too_large(file, len(data))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidFile(
            [Problem(file, Pos(1, 1), 'the file is saved as UTF-16 ("Unicode"); save it as UTF-8')]
        )
    if data.startswith(b"PK\x03\x04"):
        raise InvalidFile(
            [
                Problem(
                    file,
                    Pos(1, 1),
                    "this is a zip archive (a pack?), not a "
                    "YAML text file; check the folder the pack was made from",
                )
            ]
        )
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
    forbidden = [
        Problem(file, _text_pos(text, found.start()), forbidden_character(found.group()))
        for found, _ in zip(_RAW_FORBIDDEN.finditer(text), range(200), strict=False)
    ]
    if forbidden:
        raise InvalidFile(forbidden)
    return _TreeBuilder(file).build(text)


def _text_pos(text: str, offset: int) -> Pos:
    line_start = text.rfind("\n", 0, offset) + 1
    return Pos(text.count("\n", 0, offset) + 1, offset - line_start + 1)


class _TreeBuilder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.aliases_seen: set[str] = set()  # one message per alias name, not per use

    def problem(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(self.file, pos, message))

    def build(self, text: str) -> Node:
        root: Node | None = None
        loader = Parser(text)
        try:
            root = self._read_events(loader)
        except _Stop:
            pass
        except yaml.MarkedYAMLError as error:
            self.problems.append(_syntax_problem(self.file, error, text))
        except yaml.YAMLError as error:  # unmarked reader errors: very rare
            self.problem(Pos(1, 1), f"invalid YAML: {error}")
        finally:
            loader.dispose()
        if self.problems:
            raise InvalidFile(self.problems)
        if root is None:
            raise InvalidFile([Problem(self.file, Pos(1, 1), "the file is empty")])
        return root

    def _read_events(self, loader: Any) -> Node | None:
        """One pass over the parser's events with an explicit stack (no recursion).
        This is the hot loop of a library scan: it dispatches on exact types, builds
        the named tuples with `tuple.__new__` and adds to the open collection inline;
        the rare cases (limits, anchors, tags, odd keys) go to methods."""
        # Open collections: [is_mapping, pos, items, pending key or None, seen keys]
        stack: list[list[Any]] = []
        root: Node | None = None
        documents = 0
        nodes = 0
        get_event = loader.get_event
        new = tuple.__new__
        problems = self.problems
        limit = MAX_NODES  # nodes allowed so far; see below for the depth
        maybe_not_string = _MAYBE_NOT_STRING
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        while True:
            event = get_event()
            kind = type(event)
            node: Node
            if kind is scalar_event:
                nodes += 1
                if nodes > limit or event.anchor is not None or event.tag is not None:
                    self._unusual_node(event, len(stack), nodes)
                mark = event.start_mark
                value = event.value
                pos = new(Pos, (mark.line + 1, mark.column + 1))
                style = event.style
                if style:  # quoted or block: always a string
                    node = new(Scalar, (value, value, False, pos))
                    if style == '"':  # the one style with escapes (`\e`, `\x1b`)
                        self._check_escaped(value, pos, stack)
                elif value and value[0] not in maybe_not_string:
                    node = new(Scalar, (value, value, True, pos))  # a word: no patterns
                else:
                    node = new(Scalar, (resolve_plain(value), value, True, pos))
            elif kind is mapping_start or kind is sequence_start:
                nodes += 1
                if nodes > limit or event.anchor is not None or event.tag is not None:
                    self._unusual_node(event, len(stack), nodes)
                mark = event.start_mark
                pos = new(Pos, (mark.line + 1, mark.column + 1))
                stack.append([kind is mapping_start, pos, [], None, {}])
                # `limit` folds the depth in: inside MAX_DEPTH collections, any node is
                # one too deep (checked as a node past the limit, then told apart).
                limit = MAX_NODES if len(stack) < MAX_DEPTH else -1
                continue
            elif kind is mapping_end or kind is sequence_end:
                is_mapping, pos, items, _, _ = stack.pop()
                limit = MAX_NODES if len(stack) < MAX_DEPTH else -1
                node = (
                    new(Mapping, (tuple(items), pos))
                    if is_mapping
                    else new(Sequence, (tuple(items), pos))
                )
            elif kind is alias_event:
                node = self._alias(event)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents == 2:
                    self.problem(
                        _pos(event.start_mark),
                        "a file holds one document; remove this '---' and what follows",
                    )
                    return root
                continue
            elif kind is yaml.StreamEndEvent or event is None:
                return root
            else:
                continue
            if not stack:
                root = node
                continue
            parent = stack[-1]
            if not parent[0]:
                parent[2].append(node)
            elif parent[3] is None:
                parent[3] = node if type(node) is Scalar else self._not_a_key(node)
            else:  # the value of the pending key
                key = parent[3]
                parent[3] = None
                seen = parent[4]
                name = key[1]  # its text
                if name in seen:
                    self._duplicate(stack, key, seen[name])
                else:
                    seen[name] = key[3]  # its position
                    parent[2].append((key, node))
            if len(problems) > 200:
                return root

    def _check_escaped(self, value: str, pos: Pos, stack: list[list[Any]]) -> None:
        found = _VALUE_FORBIDDEN.search(value)
        if found is None:
            return
        is_key = bool(stack) and stack[-1][0] and stack[-1][3] is None
        path = "" if is_key else _path(stack)
        self.problems.append(Problem(self.file, pos, forbidden_character(found.group()), path))

    def _alias(self, event: Any) -> Scalar:
        name = str(event.anchor)
        if name not in self.aliases_seen:
            self.aliases_seen.add(name)
            self.problem(
                _pos(event.start_mark),
                f"aliases (*{name}) are not allowed; write the value out in full",
            )
        return Scalar(None, "", True, _pos(event.start_mark))

    def _unusual_node(self, event: Any, depth: int, nodes: int) -> None:
        """A node past a limit (reading stops), or with an anchor or a tag."""
        if depth >= MAX_DEPTH:
            self.problem(
                _pos(event.start_mark), f"nested too deeply (more than {MAX_DEPTH} levels)"
            )
            raise _Stop
        if nodes > MAX_NODES:
            self.problem(
                _pos(event.start_mark), f"too many values (more than {MAX_NODES:,}) for one file"
            )
            raise _Stop
        if event.anchor is not None:
            self.problem(
                _pos(event.start_mark),
                f"anchors (&{event.anchor}) are not allowed; write each value out",
            )
        if event.tag is not None:  # None unless the author wrote a tag (`!x`, `!!str`)
            tag = str(event.tag).replace("tag:yaml.org,2002:", "!!")
            self.problem(
                _pos(event.start_mark), f"tags ({tag}) are not allowed; write the value plainly"
            )

    def _not_a_key(self, node: Node) -> Scalar:
        self.problem(node.pos, "a key must be a plain word, not a list or mapping")
        return Scalar(None, "?", True, node.pos)

    def _duplicate(self, stack: list[list[Any]], key: Scalar, first: Pos) -> None:
        """A key the open mapping already has (its value is left out)."""
        name = key.text
        path = join(_path(stack[:-1]), name)
        message = f'duplicate key "{name}" (first at line {first.line}); each key may appear once'
        self.problems.append(Problem(self.file, key.pos, message, path))


def _path(stack: list[list[Any]]) -> str:
    """The field path of the value being built under the open collections `stack`."""
    path = ""
    for is_mapping, _, items, key, _ in stack:
        path = join(path, key.text if is_mapping and key is not None else len(items))
    return path


class _Stop(Exception):
    """Ends the event loop early once a limit is exceeded."""


def _syntax_problem(file: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    problem = (error.problem or "invalid YAML").strip()
    context = (error.context or "").strip()
    mark = error.problem_mark or error.context_mark
    if "quoted scalar" in context and error.context_mark is not None:
        # The parser notices a missing closing quote only at the end of the file;
        # the place to look is where the quote was opened.
        quote = _char_at(text, error.context_mark) or '"'
        message = f"a quote ({quote}) opened here is never closed"
        return Problem(
            file,
            _pos(error.context_mark),
            message + _apostrophe_advice(quote, text, error.context_mark),
        )
    pos = _pos(mark) if mark is not None else Pos(1, 1)
    if "nesting depth" in problem:
        return Problem(file, pos, f"nested too deeply (more than {MAX_DEPTH} levels)")
    if mark is not None:
        quoting = _quoting_problem(file, problem, context, mark, text)
        if quoting is not None:
            return quoting
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    lines = text.splitlines()
    line = lines[pos.line - 1] if 0 < pos.line <= len(lines) else ""
    if "\t" in line[: pos.col]:
        message += "; YAML indents with spaces, not tabs"
    elif any(hint in problem for hint in _INDENTATION_TROUBLE):
        message += (
            "; check that this line lines up with the lines above it (YAML uses "
            'indentation for structure), and put text containing ": " in quotes'
        )
    return Problem(file, pos, message)


_INDENTATION_TROUBLE = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
)


#: The text before a ": " on its line when that line holds only a key (`    pause`,
#: `  - bell`): the line is indented wrongly rather than the colon sitting in a text.
_KEY_ALONE = re.compile(r"\s*(?:-\s+)*[\w-]+\s*")
#: A value that is one lowercase word before the ": " (`breathe: in: 4s`,
#: `title: en: Calm`) is a key written on the wrong line, not a sentence.
_ONE_KEY_WORD = re.compile(r"[a-z][a-z0-9_-]*")
_EXAMPLE_LENGTH = 60


def _quoting_problem(file: str, problem: str, context: str, mark: Any, text: str) -> Problem | None:
    """The two commonest slips in texts, told as what to write instead:
    a ": " inside an unquoted text, and a text that starts with a quote but goes
    on after the closing one. None when the error is something else."""
    lines = text.splitlines()
    if not 0 <= mark.line < len(lines):
        return None
    if "mapping values are not allowed" in problem:
        return _colon_in_text(file, mark, lines, text)
    if "block" in context and any(hint in problem for hint in _INDENTATION_TROUBLE):
        return _text_after_quote(file, mark, lines, text)
    return None


def _colon_in_text(file: str, mark: Any, lines: list[str], text: str) -> Problem | None:
    line = lines[mark.line]
    if _KEY_ALONE.fullmatch(line[: mark.column]):
        return None  # a key on a line of its own: an indentation mistake
    key, value_mark, value = [None, None, None, *_tokens_before(text, mark)][-3:]
    if not (
        isinstance(value, yaml.ScalarToken)
        and not value.style
        and isinstance(value_mark, yaml.ValueToken)
        and isinstance(key, yaml.ScalarToken)
    ):
        return None
    if _ONE_KEY_WORD.fullmatch(value.value):
        return None  # `breathe: in: 4s`: a mapping on one line, not a text
    parts = [value.value + _without_comment(line[mark.column :])]
    for following in lines[mark.line + 1 :]:  # the text may go on, indented, below
        indent = len(following) - len(following.lstrip(" "))
        rest = following.strip()
        if indent <= key.start_mark.column or not rest or rest.startswith("#"):
            break
        parts.append(_without_comment(rest))
    whole = " ".join(part.strip() for part in parts)
    return Problem(
        file,
        _pos(mark),
        f'text with ": " in it must be in quotes: write {key.value}: "{_example(whole)}"',
    )


def _text_after_quote(file: str, mark: Any, lines: list[str], text: str) -> Problem | None:
    tokens = _tokens_before(text, mark)
    quoted = tokens[-1] if tokens else None
    if not (
        isinstance(quoted, yaml.ScalarToken)
        and quoted.style in ('"', "'")
        and quoted.end_mark.line == mark.line
    ):
        return None
    start = quoted.start_mark
    prefix = _key_prefix(tokens[:-1])
    quote = str(quoted.style)
    if start.line < mark.line:
        # The closing quote is lines further on: the quote that opens the text was
        # never meant to be closed (an apostrophe), or its closing one is missing.
        message = f"a quote ({quote}) opened here is only closed on line {mark.line + 1}"
        if quote == "'":
            message += _apostrophe_advice(quote, text, start)
        else:
            message += '; end the text with " on this line'
        return Problem(file, _pos(start), message)
    line = lines[mark.line]
    whole = line[start.column : quoted.end_mark.column] + _without_comment(
        line[quoted.end_mark.column :]
    )
    return Problem(
        file,
        _pos(start),
        "text that starts with a quote must end with it: put the whole text in quotes, "
        f'e.g. {prefix}"{_example(whole.strip())}", or start it with a word',
    )


def _apostrophe_advice(quote: str, text: str, start: Any) -> str:
    """For a text starting with ' that YAML took for a quote (`say: 'tis fine`)."""
    if quote != "'":
        return ""
    lines = text.splitlines()
    rest = _without_comment(lines[start.line][start.column :]).strip()
    prefix = _key_prefix(_tokens_before(text, start))
    return (
        "; if it is an apostrophe, put the whole text in double quotes, "
        f'e.g. {prefix}"{_example(rest)}"'
    )


def _tokens_before(text: str, mark: Any) -> list[Any]:
    """The last few tokens that start before `mark` (scanning stops at an error)."""
    tokens: list[Any] = []
    where = (mark.line, mark.column)
    try:
        for token in yaml.scan(text, Loader=Parser):
            if (token.start_mark.line, token.start_mark.column) >= where:
                break
            tokens.append(token)
            del tokens[:-4]
    except yaml.YAMLError:
        pass
    return tokens


def _key_prefix(tokens: list[Any]) -> str:
    """`say: ` when the tokens end with that key and its colon, else nothing."""
    if (
        len(tokens) >= 2
        and isinstance(tokens[-1], yaml.ValueToken)
        and isinstance(tokens[-2], yaml.ScalarToken)
    ):
        return f"{tokens[-2].value}: "
    return ""


def _without_comment(text: str) -> str:
    """`a text  # a note` → `a text`: what follows " #" on a line is a comment."""
    cut = text.find(" #")
    return text if cut < 0 else text[:cut]


def _example(text: str) -> str:
    """`text` as it goes between double quotes in a message, shortened if long."""
    if len(text) > _EXAMPLE_LENGTH:
        cut = text.rfind(" ", 0, _EXAMPLE_LENGTH)
        text = text[: cut if cut > _EXAMPLE_LENGTH // 2 else _EXAMPLE_LENGTH].rstrip() + "…"
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _char_at(text: str, mark: Any) -> str:
    lines = text.splitlines()
    if 0 <= mark.line < len(lines) and 0 <= mark.column < len(lines[mark.line]):
        return str(lines[mark.line][mark.column])
    return ""


def load_bytes(data: bytes, file: str) -> Node:
    """Decode and parse a file's bytes; raise InvalidFile with positions on any problem."""
    text = decode(data, file)
    if not data.translate(None, _CLEAN_BYTES):
        # No control character and no byte that starts a C1 control or a direction
        # control in UTF-8: nothing to look for character by character (a third of the
        # time the tree takes otherwise, for many a file).
        return _TreeBuilder(file).build(text)
    return parse(text, file)


#: Every byte but the C0 controls (tab and line breaks aside), DEL, and the lead bytes
#: of the C1 controls (0xC2) and of the direction controls (0xE2) in UTF-8.
_CLEAN_BYTES: Final = bytes(
    b for b in range(256) if not (b < 0x20 and b not in b"\t\n\r") and b not in b"\x7f\xc2\xe2"
)
