"""Getting a practice's sound ready off the GUI thread.

Speech synthesis, reading files and making the mixer run on one worker thread (one at
a time: the speech worker process serves one request at a time anyway). Results come
back through signals, tagged with a generation number, so only the newest request's
result is used when the person changes their choices while it runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:  # the sound stack loads with the first preparation, not at start-up
    from desktop_app.audio.session import SessionSound

logger = logging.getLogger(__name__)


class _Signals(QObject):
    progress = Signal(int, int, int)  # generation, done, total
    ready = Signal(int, object)  # generation, SessionSound
    failed = Signal(int, str)  # generation, message for people


class _Job(QRunnable):
    def __init__(
        self,
        generation: int,
        work: Callable[[Callable[[int, int], None]], SessionSound],
        signals: _Signals,
    ) -> None:
        super().__init__()
        self.generation = generation
        self.work = work
        self.signals = signals

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            self.signals.progress.emit(self.generation, done, total)

        try:
            result = self.work(progress)
        except Exception as error:  # reported to the person, never raised in a thread
            logger.exception("Getting a practice's sound ready failed")
            self.signals.failed.emit(self.generation, str(error))
        else:
            self.signals.ready.emit(self.generation, result)


class SoundPreparer(QObject):
    progress = Signal(int, int)  # done, total, of the newest request
    ready = Signal(object)  # SessionSound of the newest request
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.generation = 0
        self.latest: SessionSound | None = None
        self._signals = _Signals(self)
        self._signals.progress.connect(self._progress)
        self._signals.ready.connect(self._ready)
        self._signals.failed.connect(self._failed)

    def prepare(self, work: Callable[[Callable[[int, int], None]], SessionSound]) -> None:
        """Run `work(progress)` on the worker thread; older results are dropped."""
        self.generation += 1
        self.latest = None
        self.pool.start(_Job(self.generation, work, self._signals))

    def busy(self) -> bool:
        return self.latest is None

    def wait(self) -> None:
        self.pool.waitForDone()

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self.generation:
            self.progress.emit(done, total)

    def _ready(self, generation: int, sound: SessionSound) -> None:
        if generation == self.generation:
            self.latest = sound
            self.ready.emit(sound)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.failed.emit(message)
