"""Typed reading of YAML tree values, collecting every problem instead of stopping at one.

Each reading method returns the value, or None after recording a problem, so a loader
can read a whole file and report all its mistakes at once.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterable

from desktop_app.core.durations import parse_duration
from desktop_app.core.model import Extra, Flex, Pos
from desktop_app.core.problems import Problem, Severity, join
from desktop_app.core.text import Text
from desktop_app.core.yaml_tree import Mapping, Node, Scalar, Sequence, is_long_number

#: `\Z`, not `$`: `$` also matches before a final line break, and `rt-nl\n` is no id.
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}\Z")
LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
DURATION_HINT = 'a duration like "4s" or "1m30s"'
#: No practice, pause or length is longer than a day; larger values are typos.
MAX_DURATION = 24 * 3600.0
_SPELLED_DURATION = re.compile(
    r"^(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>h|hours?|hrs?|m|mins?|minutes?|s|secs?|seconds?)\.?$",
    re.IGNORECASE,
)


def describe(node: Node) -> str:
    """How a value is named in 'got …'."""
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    if node.value is None and node.plain:
        return "nothing" if node.text in ("", "~") else node.text
    if len(node.text) > 40:
        return f'"{node.text[:37]}..."'
    return f'"{node.text}"'


class Reader:
    def __init__(self, file: str, language: str = "en") -> None:
        self.file = file
        self.language = language
        self.problems: list[Problem] = []
        #: The codes of translations found valid: a file has a few, used many times.
        self._text_languages: set[str] = set()

    # --- reporting ---------------------------------------------------------------

    def report(
        self, where: Node | Pos, path: str, message: str, severity: Severity = "error"
    ) -> None:
        pos = where if isinstance(where, Pos) else where.pos
        self.problems.append(Problem(self.file, pos, message, path, severity))

    def expected(self, node: Node, path: str, what: str) -> None:
        self.report(node, path, f"expected {what}, got {describe(node)}")

    @property
    def failed(self) -> bool:
        return any(p.is_error for p in self.problems)

    # --- structure ---------------------------------------------------------------

    def mapping(
        self, node: Node, path: str, what: str = "a mapping of keys and values"
    ) -> Mapping | None:
        if isinstance(node, Mapping):
            return node
        self.expected(node, path, what)
        return None

    def sequence(self, node: Node, path: str, what: str = "a list") -> Sequence | None:
        if isinstance(node, Sequence):
            return node
        self.expected(node, path, what)
        return None

    def fields(
        self, node: Mapping, path: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> dict[str, Node]:
        """The known keys of a mapping; unknown keys (other than `x-…`) and missing
        required keys are reported."""
        required = tuple(required)
        known = required + tuple(optional)
        found: dict[str, Node] = {}
        suggested: set[str] = set()
        for key, value in node.items:
            name = key.text
            if name in known:
                found[name] = value
            elif not name.startswith("x-"):
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
                suggested.update(close)
                self.report(key, join(path, name), _unknown_key_message(name, known, close))
        for name in required:
            if name not in found and name not in suggested:  # a typo was already named
                self.report(node, path, f'missing required key "{name}"')
        return found

    def extras(self, node: Mapping) -> tuple[tuple[str, Extra], ...]:
        """The `x-` keys, kept as plain data for tools."""
        return tuple((k.text, plain_data(v)) for k, v in node.items if k.text.startswith("x-"))

    # --- scalars -----------------------------------------------------------------

    def string(self, node: Node, path: str, what: str = "text") -> str | None:
        """A string exactly as written: plain `no`, `on`, `1.10` stay strings."""
        value = _as_string(node)
        if value is None:
            self.expected(node, path, what)
        return value

    def slug(self, node: Node, path: str) -> str | None:
        value = self.string(node, path, "an id")
        if value is None:
            return None
        if not SLUG.match(value):
            fixed = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
            hint = f'; did you mean "{fixed}"?' if SLUG.match(fixed) else ""
            self.report(
                node,
                path,
                f'"{value}" is not a valid id: use lowercase letters, '
                "digits and hyphens, starting with a letter or digit "
                f"(at most 63 characters){hint}",
            )
            return None
        return value

    def language_code(self, node: Node, path: str) -> str | None:
        value = self.string(node, path, 'a language code like "en" or "pt-BR"')
        if value is None:
            return None
        if not LANGUAGE.match(value):
            self.report(node, path, f'expected a language code like "en" or "pt-BR", got "{value}"')
            return None
        return value

    def one_of(self, node: Node, path: str, options: Iterable[str]) -> str | None:
        options = tuple(options)
        value = self.string(node, path, _one_of(options))
        if value is None:
            return None
        if value not in options:
            close = difflib.get_close_matches(value, options, n=1)
            hint = f'; did you mean "{close[0]}"?' if close else ""
            self.report(node, path, f'expected {_one_of(options)}, got "{value}"{hint}')
            return None
        return value

    def boolean(self, node: Node, path: str) -> bool | None:
        if isinstance(node, Scalar) and node.plain and isinstance(node.value, bool):
            return node.value
        self.expected(node, path, "true or false")
        return None

    def not_too_long(self, node: Node, path: str) -> bool:
        """False, after saying so, for a number too long to read (yaml_tree keeps its
        text); and for a number written in digits that is too large for a float."""
        if is_long_number(node):
            self.report(node, path, "this number is too long")
            return False
        if isinstance(node, Scalar) and node.plain and _overflowed(node):
            self.report(node, path, "this number is too large")
            return False
        return True

    def integer(
        self, node: Node, path: str, minimum: int | None = None, maximum: int | None = None
    ) -> int | None:
        if not self.not_too_long(node, path):
            return None
        value = node.value if isinstance(node, Scalar) and node.plain else None
        if isinstance(value, bool) or not isinstance(value, int):
            self.expected(node, path, "a whole number")
            return None
        return value if self._in_range(node, path, value, minimum, maximum) else None

    def number(
        self, node: Node, path: str, minimum: float | None = None, maximum: float | None = None
    ) -> float | None:
        if not self.not_too_long(node, path):
            return None
        value = node.value if isinstance(node, Scalar) and node.plain else None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            self.expected(node, path, "a number")
            return None
        return float(value) if self._in_range(node, path, value, minimum, maximum) else None

    def _in_range(
        self, node: Node, path: str, value: float, minimum: float | None, maximum: float | None
    ) -> bool:
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            low = "" if minimum is None else f"at least {_shown(minimum)}"
            high = "" if maximum is None else f"at most {_shown(maximum)}"
            bounds = " and ".join(b for b in (low, high) if b)
            self.report(node, path, f"expected a number {bounds}, got {_shown(value)}")
            return False
        return True

    def duration(self, node: Node, path: str, allow_zero: bool = False) -> float | None:
        if not self.not_too_long(node, path):
            return None
        seconds = _seconds(node)
        if seconds is None:
            self.not_a_duration(node, path, DURATION_HINT)
            return None
        return self._duration_in_range(node, path, seconds, allow_zero)

    def _duration_in_range(
        self, node: Node, path: str, seconds: float, allow_zero: bool
    ) -> float | None:
        if seconds == 0 and not allow_zero:
            self.report(node, path, "expected a duration greater than zero, got 0")
            return None
        if seconds > MAX_DURATION:
            self.report(node, path, f"expected a duration of at most 24h, got {describe(node)}")
            return None
        return seconds

    def span(self, node: Node, path: str, allow_zero: bool = False) -> float | Flex | None:
        """A fixed duration, `flex`, or `{flex: WEIGHT, min: DURATION}`."""
        if not self.not_too_long(node, path):
            return None
        if isinstance(node, Scalar) and node.text == "flex":
            return Flex()
        if isinstance(node, Mapping):
            keys = self.fields(node, path, ("flex",), ("min",))
            weight = 1.0
            if "flex" in keys:
                read = self.number(keys["flex"], join(path, "flex"))
                if read is not None and read <= 0:
                    self.report(
                        keys["flex"], join(path, "flex"), "the weight must be greater than zero"
                    )
                    read = None
                weight = read if read is not None else weight
            minimum = 0.0
            if "min" in keys:
                minimum = self.duration(keys["min"], join(path, "min"), allow_zero=True) or 0.0
            return Flex(weight, minimum)
        seconds = _seconds(node)
        if seconds is not None:
            return self._duration_in_range(node, path, seconds, allow_zero)
        self.not_a_duration(node, path, f'{DURATION_HINT}, or "flex"', flex=True)
        return None

    def not_a_duration(self, node: Node, path: str, what: str, *, flex: bool = False) -> None:
        """`expected …, got "4 sec"; did you mean "4s"?` (or "flex" for a near miss of it,
        where flex is allowed)."""
        suggestion = _duration_suggestion(node.text) if isinstance(node, Scalar) else None
        if suggestion is None and flex and isinstance(node, Scalar):
            close = difflib.get_close_matches(node.text.strip().lower(), ["flex"], 1, 0.6)
            suggestion = close[0] if close else None
        hint = f'; did you mean "{suggestion}"?' if suggestion else ""
        self.report(node, path, f"expected {what}, got {describe(node)}{hint}")

    def text(self, node: Node, path: str) -> Text | None:
        """A string in the file's language, or a mapping of language code to string
        that includes the file's language."""
        if isinstance(node, Scalar):
            value = self.string(node, path)
            return None if value is None else Text.plain(value, self.language)
        mapping = self.mapping(
            node, path, 'text, or a mapping of languages such as {en: "…", nl: "…"}'
        )
        if mapping is None:
            return None
        pairs: list[tuple[str, str]] = []
        language = self.language
        has_own = False  # a text in the file's language was read
        for key, translated in mapping.items:
            code = key.text
            if code not in self._text_languages:
                if not LANGUAGE.match(code):
                    self.report(key, join(path, code), _not_a_language_message(code, translated))
                    continue
                self._text_languages.add(code)
            # The path is worked out only for a problem: texts are most of a practice.
            read = _as_string(translated)
            if read is None:
                self.string(translated, join(path, code))  # says what is wrong
            else:
                pairs.append((code, read))
                has_own = has_own or code == language
        if not mapping.items:
            self.report(mapping, path, "expected at least one language")
            return None
        if not has_own:
            if not any(k.text == language for k, _ in mapping.items):
                self.report(mapping, path, f'missing the file\'s language "{language}"')
            return None
        return Text(tuple(pairs), language)

    def items(self, node: Node, path: str, what: str = "a list") -> list[tuple[str, Node]]:
        """(path, node) of each list item; [] after reporting when not a list."""
        sequence = self.sequence(node, path, what)
        if sequence is None:
            return []
        return [(join(path, i), item) for i, item in enumerate(sequence.items)]


def _as_string(node: Node) -> str | None:
    """A scalar's text exactly as written; None for a list, a mapping, null or blanks."""
    if isinstance(node, Scalar) and node.text.strip() and not (node.plain and node.value is None):
        return node.text
    return None


def _seconds(node: Node) -> float | None:
    """The seconds a scalar gives as a duration (a number, or text such as `4s`)."""
    if not isinstance(node, Scalar) or isinstance(node.value, bool):
        return None
    raw = node.value if node.plain and isinstance(node.value, int | float) else node.text
    return parse_duration(raw)


def _overflowed(node: Scalar) -> bool:
    """A float written in digits (`1e999`) that became infinite, unlike `.inf`."""
    value = node.value
    return (
        isinstance(value, float)
        and math.isinf(value)
        and not node.text.lstrip("+-").startswith(".")
    )


def plain_data(node: Node) -> Extra:
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Sequence):
        return tuple(plain_data(item) for item in node.items)
    return tuple((k.text, plain_data(v)) for k, v in node.items)


def _one_of(options: tuple[str, ...]) -> str:
    quoted = [f'"{o}"' for o in options]
    if len(quoted) == 1:
        return quoted[0]
    return "one of " + ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _unknown_key_message(name: str, known: tuple[str, ...], close: list[str]) -> str:
    if close:
        return f'unknown key; did you mean "{close[0]}"?'
    listed = ", ".join(f'"{k}"' for k in sorted(known))
    return f"unknown key; expected one of {listed} (or a key starting with x-)"


def _duration_suggestion(text: str) -> str | None:
    """`4 sec` → `4s`, `5min` → `5m`: what the author probably meant."""
    match = _SPELLED_DURATION.match(text.strip())
    if match is None:
        return None
    return match.group("number") + match.group("unit")[0].lower()


def _not_a_language_message(key: str, value: Node) -> str:
    message = f'expected a language code like "en" or "nl", got "{key}"'
    if " " in key.strip() and isinstance(value, Scalar) and value.value is None:
        return message + '; a comma inside { } starts a new entry: put the text in "double quotes"'
    if key in _FIELD_NAMES:
        return (
            f'{message}; "{key}" belongs beside the text, not among its translations: '
            "line it up with the key of the text"
        )
    return message


#: Keys that sit beside a text in practice files; found among translations, they were
#: indented one level too deep.
_FIELD_NAMES = frozenset(
    (
        "pause",
        "text",
        "image",
        "note",
        "placeholder",
        "low",
        "high",
        "options",
        "multiple",
        "cue",
        "cycles",
        "for",
        "times",
        "gap",
        "min",
        "max",
        "hold",
        "rest",
        "in",
        "out",
        "id",
    )
)


def _shown(value: float) -> str:
    """A bound or a value in a message: whole numbers of up to 20 digits in full (a bound
    such as 2**63 - 1 reads badly rounded), anything longer as `1e+100`."""
    return str(value) if isinstance(value, int) and abs(value) < 10**20 else f"{value:g}"
