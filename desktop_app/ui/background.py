"""Work off the GUI thread, the one way: `BackgroundRunner`.

A worker only computes: it returns a value or raises, and never touches a widget (the
values it needs are taken on the GUI thread before it starts). Its progress and its
outcome reach the GUI thread through queued signals. Work runs one submission at a
time, in order, on the runner's own thread.

Each submission has a generation number. Only the newest one's progress and outcome
are delivered: a result the person no longer wants (they changed their choices while
it ran) is dropped, and a submission superseded while still queued is not run at all.

A failure is logged with its traceback, for whoever helps, and reported as a short
message for people. `wait()` blocks until the work ends: for closing a window, never
while it is in use.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

#: How a worker tells the GUI how far it is: `progress(done, total)`.
Progress = Callable[[int, int], None]
#: What runs on the worker thread: it may report progress, then returns or raises.
Work = Callable[[Progress], object]


def short_reason(error: Exception) -> str:
    """An error in plain words: an OSError's own ("No space left on device", without
    the number and path), else its message."""
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)


@dataclass(frozen=True)
class _FailureReport:
    log: logging.Logger
    what_failed: str  # the log line, above the traceback
    describe: Callable[[Exception], str]  # the message for people


class _Delivery(QObject):
    """Lives on the GUI thread; workers emit on it, and Qt queues each call across.

    It has no parent: the jobs hold it, so it stays alive for as long as one may still
    emit on it, even when its runner is gone first."""

    progress = Signal(int, int, int)  # generation, done, total
    done = Signal(int, object)  # generation, result
    failed = Signal(int, str)  # generation, message for people

    def __init__(self) -> None:
        super().__init__()
        #: Written on the GUI thread only; read by workers to skip superseded work.
        self.newest = 0


class _Job(QRunnable):
    """One submission; run and then deleted by the pool's thread."""

    def __init__(
        self, generation: int, work: Work, delivery: _Delivery, failure: _FailureReport
    ) -> None:
        super().__init__()
        self._generation = generation
        self._work = work
        self._delivery = delivery
        self._failure = failure

    def run(self) -> None:
        generation, delivery = self._generation, self._delivery
        if generation != delivery.newest:
            return  # superseded before it started: its outcome would be dropped anyway

        def progress(done: int, total: int) -> None:
            delivery.progress.emit(generation, done, total)

        try:
            result = self._work(progress)
        except Exception as error:  # reported on the GUI thread, never lost in a thread
            self._failure.log.exception(self._failure.what_failed)
            delivery.failed.emit(generation, self._failure.describe(error))
        else:
            delivery.done.emit(generation, result)


class BackgroundRunner(QObject):
    """Runs work off the GUI thread and brings back the newest submission's outcome.

    `what_failed` is the line logged (to `log`, the user's own module logger) above a
    failure's traceback; `describe` turns the error into the message `failed` carries.
    """

    progress = Signal(int, int)  # done, total: of the newest submission
    done = Signal(object)  # the newest submission's result
    failed = Signal(str)  # why the newest submission failed, for people

    def __init__(
        self,
        what_failed: str,
        log: logging.Logger,
        parent: QObject | None = None,
        *,
        describe: Callable[[Exception], str] = str,
    ) -> None:
        super().__init__(parent)
        self._failure = _FailureReport(log, what_failed, describe)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._delivery = _Delivery()
        queued = Qt.ConnectionType.QueuedConnection
        self._delivery.progress.connect(self._progressed, queued)
        self._delivery.done.connect(self._done, queued)
        self._delivery.failed.connect(self._failed, queued)
        self._busy = False

    @property
    def generation(self) -> int:
        """The newest submission's number (0 before the first)."""
        return self._delivery.newest

    @property
    def busy(self) -> bool:
        """The newest submission's outcome is still to come."""
        return self._busy

    def submit(self, work: Work) -> int:
        """Run `work(progress)` after any earlier work; returns its generation. Whatever
        was submitted before will deliver nothing more."""
        self._delivery.newest += 1
        self._busy = True
        self._pool.start(_Job(self._delivery.newest, work, self._delivery, self._failure))
        return self._delivery.newest

    def wait(self) -> None:
        """Block until all submitted work has ended. The outcome still arrives through
        the event loop, if it runs again."""
        self._pool.waitForDone()

    def _progressed(self, generation: int, done: int, total: int) -> None:
        if generation == self.generation:
            self.progress.emit(done, total)

    def _done(self, generation: int, result: object) -> None:
        if generation == self.generation:
            self._busy = False
            self.done.emit(result)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self._busy = False
            self.failed.emit(message)
