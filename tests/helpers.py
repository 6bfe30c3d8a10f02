"""Small helpers shared by tests: write real YAML files and load them for real."""

from __future__ import annotations

import textwrap
from pathlib import Path

from desktop_app.core.library import Loaded, load_file
from desktop_app.core.problems import InvalidFile

MINIMAL_PRACTICE = """\
attune: practice/1
id: tiny
title: Tiny
kind: breathing
language: en
summary: A tiny practice.
steps:
  - say: Hello.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def load_text(folder: Path, text: str, name: str = "p.yaml") -> Loaded:
    return load_file(write(folder, name, text), display=name)


def problems_of(folder: Path, text: str, name: str = "p.yaml") -> list[str]:
    """Every problem reported for `text`, as the lines people see; [] when valid."""
    try:
        load_text(folder, text, name)
    except InvalidFile as error:
        return [str(p) for p in error.problems]
    return []


def practice_with(steps: str = "  - say: Hello.\n", extra: str = "") -> str:
    """A valid practice header with the given steps block (indented two spaces)."""
    head = MINIMAL_PRACTICE.split("steps:")[0]
    return head + textwrap.dedent(extra) + "steps:\n" + _indent(steps)


def _indent(block: str) -> str:
    lines = textwrap.dedent(block).strip("\n").splitlines()
    return "".join(f"  {line}\n" if line else "\n" for line in lines)
