"""Problems found in a file: what went wrong and exactly where."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from desktop_app.core.position import Pos

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One problem, shown as `file:line:col: path: message`."""

    file: str
    pos: Pos
    message: str
    path: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.in_file()}"

    def in_file(self) -> str:
        """`line:col: path: message`: for where the file is already in view."""
        what = f"{self.path}: {self.message}" if self.path else self.message
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.pos.line}:{self.pos.col}: {prefix}{what}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def join(path: str, key: str | int) -> str:
    """Field paths as shown to people (`steps[2].breathe.in`); list items count from 1."""
    if isinstance(key, int):
        return f"{path}[{key + 1}]"
    return f"{path}.{key}" if path else key


class InvalidFile(Exception):
    """A file that could not be loaded; carries every problem found in it."""

    def __init__(self, problems: list[Problem]) -> None:
        # In the order people read a file: by position (files keep the order they came
        # in; the sort is stable, so problems at one place keep theirs).
        first_seen = {name: i for i, name in reversed(list(enumerate(p.file for p in problems)))}
        self.problems = tuple(
            sorted(problems, key=lambda p: (first_seen[p.file], p.pos.line, p.pos.col))
        )
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[InvalidFile], tuple[list[Problem]]]:
        # Exceptions pickle their message by default; keep the problems instead.
        return (InvalidFile, (list(self.problems),))
