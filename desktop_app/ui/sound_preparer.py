"""Getting a practice's sound ready off the GUI thread.

Speech synthesis, reading files and making the mixer run on a `BackgroundRunner`, one
request at a time (the speech worker process serves one request at a time anyway).
Only the newest request's progress and result come back, so a result is dropped when
the person changes their choices while it is being made. A result is ready to play
when its first seconds are: the rest of its speech is made behind it (audio/behind.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.ui.background import BackgroundRunner

if TYPE_CHECKING:  # the sound stack loads with the first preparation, not at start-up
    from desktop_app.audio.session import SessionSound

logger = logging.getLogger(__name__)


class SoundPreparer(QObject):
    progress = Signal(int, int)  # done, total, of the newest request
    ready = Signal(object)  # SessionSound of the newest request
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest: SessionSound | None = None
        self._runner = BackgroundRunner("Getting a practice's sound ready failed", logger, self)
        self._runner.progress.connect(self.progress)
        self._runner.done.connect(self._ready)
        self._runner.failed.connect(self.failed)

    def prepare(self, work: Callable[[Callable[[int, int], None]], SessionSound]) -> None:
        """Run `work(progress)` on the worker thread; older results are dropped."""
        self.latest = None
        self._runner.submit(work)

    def busy(self) -> bool:
        return self.latest is None

    def wait(self) -> None:
        self._runner.wait()

    def _ready(self, sound: SessionSound) -> None:
        self.latest = sound
        self.ready.emit(sound)
