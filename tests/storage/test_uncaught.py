"""Errors nothing caught reach the log with their whole traceback, are told once, and
then go to the hook that was there before; the hooks themselves never raise."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from desktop_app.storage import uncaught

#: This test's own thread failures reach pytest's hook after ours, on purpose.
thread_failures_expected = pytest.mark.filterwarnings(
    "ignore::pytest.PytestUnhandledThreadExceptionWarning"
)


def fail_in_a_worker() -> None:
    raise ValueError("the worker's own words")


@thread_failures_expected
def test_a_thread_that_fails_is_logged_with_its_traceback(log: Path) -> None:
    told: list[str] = []
    uncaught.install(told.append)
    thread = threading.Thread(target=fail_in_a_worker, name="attune-test-worker")
    thread.start()
    thread.join()
    text = log.read_text(encoding="utf-8")
    assert (
        "CRITICAL desktop_app.storage.uncaught: Uncaught error in thread attune-test-worker\n"
        in (text)
    )
    assert "Traceback (most recent call last):" in text
    assert 'in fail_in_a_worker\n    raise ValueError("the worker\'s own words")' in text
    assert text.rstrip().endswith("ValueError: the worker's own words")
    assert len(told) == 1 and told[0].startswith("Traceback (most recent call last):")
    assert told[0].rstrip().endswith("ValueError: the worker's own words")


def test_an_uncaught_error_is_logged_then_printed_as_before(
    log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[type[BaseException]] = []
    # Stands for Python's own hook, which prints the traceback on stderr.
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: printed.append(kind))
    uncaught.install()
    try:
        raise RuntimeError("nobody caught this")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert printed == [RuntimeError]
    text = log.read_text(encoding="utf-8")
    assert "CRITICAL desktop_app.storage.uncaught: Uncaught error\nTraceback" in text
    assert text.rstrip().endswith("RuntimeError: nobody caught this")
    uncaught.uninstall()
    assert sys.excepthook is not uncaught._main_hook


def test_ctrl_c_is_no_error(log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    printed: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: printed.append(kind))
    told: list[str] = []
    uncaught.install(told.append)
    sys.excepthook(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert printed == [KeyboardInterrupt]
    assert told == []
    assert "KeyboardInterrupt" not in log.read_text(encoding="utf-8")


def test_a_failure_while_telling_never_raises_nor_recurses(
    log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    printed: list[str] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: printed.append(str(error)))
    calls: list[str] = []

    def tell_badly(details: str) -> None:
        calls.append(details)
        sys.excepthook(OSError, OSError("failed while telling"), None)  # back into the hook
        raise OSError("and then this")

    uncaught.install(tell_badly)
    sys.excepthook(ValueError, ValueError("the first error"), None)
    assert len(calls) == 1, "the hook did not tell twice"
    # The error inside was printed by the previous hook, not reported again.
    assert printed == ["failed while telling", "the first error"]
    text = log.read_text(encoding="utf-8")
    assert "ValueError: the first error" in text
    assert "failed while telling" not in text


def test_a_previous_hook_that_raises_is_contained(
    log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("the previous hook is broken")

    monkeypatch.setattr(sys, "excepthook", broken)
    uncaught.install()
    sys.excepthook(ValueError, ValueError("still logged"), None)  # does not raise
    assert "ValueError: still logged" in log.read_text(encoding="utf-8")


def test_installing_twice_keeps_one_hook_and_the_newest_way_to_tell(log: Path) -> None:
    before = sys.excepthook
    first: list[str] = []
    second: list[str] = []
    uncaught.install(first.append)
    uncaught.install(second.append)
    uncaught._report("Uncaught error", ValueError, ValueError("once"), None)
    assert (first, len(second)) == ([], 1)
    uncaught.uninstall()
    assert sys.excepthook is before
