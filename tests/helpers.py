"""Small helpers shared by tests: write real YAML files and load them for real."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import textwrap
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from desktop_app.core import library as library_module
from desktop_app.core.library import Loaded, load_file
from desktop_app.core.problems import InvalidFile

if TYPE_CHECKING:
    import pytest

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


def files_parsed(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """From now on, records which files the library really parses (the real loader
    still runs)."""
    loaded: list[Path] = []

    def recording(path: Path, **kwargs: object) -> Loaded:
        loaded.append(path)
        return load_file(path, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library_module, "load_file", recording)
    return loaded


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


def as_nobody(prefix: str, work: Callable[[Path], object]) -> object:
    """Run `work(folder)` in a forked child that has become the user 'nobody', in a fresh
    folder that nobody owns, and return what it returned (through JSON). Root ignores
    file permissions, so tests of a read-only place run this way as root. A fork, not a
    new process: nobody may not be allowed to start this Python. Skips the test when
    there is no 'nobody'; fails it with the child's traceback when `work` raised."""
    import pwd  # before the fork: nobody may not read this Python's files

    import pytest

    try:
        nobody = pwd.getpwnam("nobody")
    except KeyError:
        pytest.skip("no user 'nobody'")
    folder = Path(tempfile.mkdtemp(prefix=prefix))  # pytest's own folder is root's only
    os.chown(folder, nobody.pw_uid, nobody.pw_gid)
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 1
        try:
            os.close(reader)
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            os.write(writer, json.dumps(work(folder)).encode())
            status = 0
        except BaseException:
            os.write(writer, traceback.format_exc().encode())
        finally:
            os._exit(status)
    os.close(writer)
    try:
        with os.fdopen(reader, "rb") as pipe:
            report = pipe.read().decode()
        _, status = os.waitpid(pid, 0)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert os.waitstatus_to_exitcode(status) == 0, report
    return json.loads(report)


@contextlib.contextmanager
def started_log(level: int | None = None) -> Iterator[Path]:
    """Attune's log in this test's home (storage/logs.py), started as the app starts
    it, and stopped after with any uncaught-error hooks put back."""
    from desktop_app.storage import uncaught
    from desktop_app.storage.logs import start_logging, stop_logging
    from desktop_app.storage.paths import default_paths

    file = start_logging(default_paths(), level)
    assert file is not None
    try:
        yield file
    finally:
        uncaught.uninstall()
        stop_logging()
