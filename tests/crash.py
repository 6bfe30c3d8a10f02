"""Crash injection: run an operation in a forked child whose N-th write to the file
system kills the process on the spot (`kill=True`, as a crash or power cut would stop
it) or fails with an OSError (`kill=False`, as a full or failing disk would), for
N = 1, 2, ... until the operation runs to its end. After each, the test runs the
recovery and checks that the old state or the new one is there, and no leftovers.

What counts as a write: opening a file for writing (`open`, `Path.open`, `os.open`,
`os.fdopen`), making, renaming, replacing, linking or removing a file or folder
(`os.mkdir`, `os.rename`, `os.replace`, `os.link`, `os.unlink`, `os.rmdir`; `Path`'s
methods, `shutil` and `tempfile` go through these), changing a mode (`os.chmod`,
`os.fchmod`), and syncing (`os.fsync`). Writes SQLite makes in C are not seen, but the
steps around them are.

    for step in crash_steps(operation, prepare=make_old_state, kill=True):
        recover(...)
        assert state() in (old, new), step
"""

from __future__ import annotations

import builtins
import io
import json
import os
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

#: The exit status of a child killed at its N-th write.
KILLED = 86
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_CALLS = (
    "rename",
    "replace",
    "mkdir",
    "rmdir",
    "unlink",
    "remove",
    "link",
    "chmod",
    "fchmod",
    "fsync",
)


@dataclass(frozen=True)
class Step:
    """What happened when the N-th write was made to crash or fail."""

    number: int
    outcome: Literal["done", "killed", "failed"]
    #: The write that was stopped ("os.replace(...)"); None when the operation ended first.
    call: str | None
    #: For "failed": the exception the operation let out (its type and message).
    error: str | None
    #: How many writes the operation made in all (for "done").
    writes: int


class _Injected(OSError):
    pass


def crash_at(operation: Callable[[], object], number: int, *, kill: bool) -> Step:
    """Run `operation` in a forked child in which the `number`-th write kills the
    child (`kill`) or raises OSError (EIO)."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        status = 0
        report: dict[str, Any] = {}
        try:
            os.close(reader)
            counter = _patch(number, kill, writer)
            try:
                operation()
            except BaseException as error:
                report = {"outcome": "failed", "error": f"{type(error).__name__}: {error}"}
            else:
                report = {"outcome": "done", "error": None}
            report["call"] = counter.stopped
            report["writes"] = counter.count
            os.write(writer, json.dumps(report).encode())
        except BaseException:
            os.write(writer, json.dumps({"crash-helper": traceback.format_exc()}).encode())
            status = 1
        finally:
            os._exit(status)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        raw = pipe.read().decode()
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code == KILLED:
        call = raw.removeprefix("killed:") if raw.startswith("killed:") else None
        return Step(number, "killed", call, None, number)
    assert code == 0, raw
    data = json.loads(raw)
    return Step(number, data["outcome"], data["call"], data["error"], data["writes"])


def crash_steps(
    operation: Callable[[], object],
    *,
    prepare: Callable[[], object] = lambda: None,
    kill: bool = True,
    limit: int = 2_000,
) -> Iterator[Step]:
    """`crash_at` for N = 1, 2, ... until the operation runs to its end with no write
    stopped (that last step is yielded too; an operation may also end "done" when it
    got over a failed write). `prepare` makes the state before the operation, in the
    test's process, before each run."""
    for number in range(1, limit + 1):
        prepare()
        step = crash_at(operation, number, kill=kill)
        yield step
        if step.call is None:
            assert step.outcome == "done", step
            return
    raise AssertionError(f"the operation made more than {limit} writes")


@dataclass
class _Counter:
    number: int
    kill: bool
    writer: int
    count: int = 0
    stopped: str | None = None

    def hit(self, name: str, args: tuple[Any, ...]) -> None:
        self.count += 1
        if self.count != self.number:
            return
        shown = ", ".join(repr(a) for a in args[:2])
        self.stopped = f"{name}({shown})"
        if self.kill:
            os.write(self.writer, f"killed:{self.stopped}".encode())
            os._exit(KILLED)
        raise _Injected(5, f"injected failure at write {self.number}: {self.stopped}")


def _patch(number: int, kill: bool, writer: int) -> _Counter:
    counter = _Counter(number, kill, writer)

    def wrap_call(name: str) -> None:
        original = getattr(os, name)

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            counter.hit(f"os.{name}", args)
            return original(*args, **kwargs)

        setattr(os, name, wrapped)

    for name in _CALLS:
        wrap_call(name)

    real_os_open = os.open

    def os_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & _WRITE_FLAGS:
            counter.hit("os.open", (path,))
        return real_os_open(path, flags, *args, **kwargs)

    os.open = os_open

    real_open = io.open

    def io_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if any(letter in mode for letter in "wax+"):
            counter.hit("open", (file, mode))
        return real_open(file, mode, *args, **kwargs)

    io.open = io_open  # type: ignore[assignment]
    builtins.open = io_open  # type: ignore[assignment]
    return counter
