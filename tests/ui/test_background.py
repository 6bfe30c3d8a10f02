"""The one background runner: work runs off the GUI thread, only the newest
submission's progress and outcome come back, failures are logged with their traceback,
and `wait` holds until the work is done. Waits are for signals and events, never sleeps."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.ui.background import BackgroundRunner, Progress, short_reason

WAIT_S = 5.0
logger = logging.getLogger("desktop_app.ui.test_background")


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[BackgroundRunner]:
    made = BackgroundRunner("Test work failed", logger)
    yield made
    made.wait()


def test_work_runs_off_the_gui_thread_and_its_result_comes_back_on_it(
    qtbot: QtBot, runner: BackgroundRunner
) -> None:
    threads: list[threading.Thread] = []
    received_on: list[threading.Thread] = []
    runner.done.connect(lambda _result: received_on.append(threading.current_thread()))

    def work(progress: Progress) -> str:
        threads.append(threading.current_thread())
        return "computed"

    with qtbot.waitSignal(runner.done, timeout=5000) as done:
        generation = runner.submit(work)
        assert runner.busy
    assert done.args == ["computed"]
    assert generation == runner.generation == 1
    assert not runner.busy
    assert threads and threads[0] is not threading.main_thread()
    assert received_on == [threading.main_thread()]


def test_a_superseded_result_and_its_progress_are_dropped(
    qtbot: QtBot, runner: BackgroundRunner
) -> None:
    started, release = threading.Event(), threading.Event()
    results: list[object] = []
    progress: list[tuple[int, int]] = []
    runner.done.connect(results.append)
    runner.progress.connect(lambda done, total: progress.append((done, total)))

    def older(report: Progress) -> str:
        started.set()
        release.wait(WAIT_S)
        report(1, 9)
        return "older"

    def newer(report: Progress) -> str:
        report(2, 2)
        return "newer"

    runner.submit(older)
    assert started.wait(WAIT_S)
    runner.submit(newer)  # while the older one still runs
    release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)
    assert results == ["newer"]
    assert progress == [(2, 2)]


def test_work_superseded_while_queued_is_not_run(qtbot: QtBot, runner: BackgroundRunner) -> None:
    started, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def first(_report: Progress) -> None:
        started.set()
        release.wait(WAIT_S)
        ran.append("first")

    runner.submit(first)
    assert started.wait(WAIT_S)
    runner.submit(lambda _report: ran.append("second"))  # queued behind the first
    runner.submit(lambda _report: ran.append("third"))
    release.set()
    with qtbot.waitSignal(runner.done, timeout=5000):
        pass
    assert ran == ["first", "third"]


def test_a_failure_is_logged_with_its_traceback_and_reported_by_its_message(
    qtbot: QtBot, runner: BackgroundRunner, log: Path
) -> None:
    def breaks(_report: Progress) -> None:
        raise ValueError("the numbers did not add up")

    results: list[object] = []
    runner.done.connect(results.append)
    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.submit(breaks)
    runner.wait()
    assert failed.args == ["the numbers did not add up"]
    assert results == [] and not runner.busy
    text = log.read_text(encoding="utf-8")
    assert "ERROR desktop_app.ui.test_background: Test work failed\n" in text
    assert "in breaks\n    raise ValueError" in text
    assert "ValueError: the numbers did not add up" in text


def test_a_file_error_can_be_told_in_plain_words(qtbot: QtBot, tmp_path: Path) -> None:
    runner = BackgroundRunner("Reading failed", logger, describe=short_reason)
    with qtbot.waitSignal(runner.failed, timeout=5000) as failed:
        runner.submit(lambda _report: (tmp_path / "missing" / "file").read_bytes())
    runner.wait()
    assert failed.args == ["No such file or directory"]
    assert short_reason(ValueError("plain")) == "plain"


def test_wait_holds_until_running_work_is_done(runner: BackgroundRunner) -> None:
    started, release, finished = threading.Event(), threading.Event(), threading.Event()

    def slow(_report: Progress) -> None:
        started.set()
        release.wait(WAIT_S)
        finished.set()

    runner.submit(slow)
    assert started.wait(WAIT_S)
    threading.Timer(0.05, release.set).start()  # the work ends a little after wait begins
    runner.wait()
    assert finished.is_set()
