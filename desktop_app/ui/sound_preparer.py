"""Getting a practice's sound ready off the GUI thread.

Speech synthesis, reading files and making the mixer run on a `BackgroundRunner`, one
request at a time (the speech worker process serves one request at a time anyway).
Only the newest request's progress and result come back, so a result is dropped when
the person changes their choices while it is being made. A result is ready to play
when its first seconds are: the rest of its speech is made behind it (audio/behind.py),
until a newer request or the window's closing lets it go, so that choices changed in
quick succession do not leave several speech workers busy at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.ui.background import BackgroundRunner

if TYPE_CHECKING:  # the sound stack loads with the first preparation, not at start-up
    from desktop_app.audio.behind import SoundBehind
    from desktop_app.audio.session import SessionSound

logger = logging.getLogger(__name__)


class SoundPreparer(QObject):
    progress = Signal(int, int)  # done, total, of the newest request
    ready = Signal(object)  # SessionSound of the newest request
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.latest: SessionSound | None = None
        self._requests = 0
        #: Sound still being made behind the results so far (appended on the worker thread).
        self._behind: list[SoundBehind] = []
        self._runner = BackgroundRunner("Getting a practice's sound ready failed", logger, self)
        self._runner.progress.connect(self.progress)
        self._runner.done.connect(self._ready)
        self._runner.failed.connect(self.failed)

    def prepare(self, work: Callable[[Callable[[int, int], None]], SessionSound]) -> None:
        """Run `work(progress)` on the worker thread; older results are dropped, and
        what is still made behind them is let go."""
        self.latest = None
        self._requests += 1
        request = self._requests
        self._let_go()

        def tracked(progress: Callable[[int, int], None]) -> SessionSound:
            sound = work(progress)
            if sound.behind is not None:
                self._behind.append(sound.behind)
                if request != self._requests:  # superseded while it was made
                    sound.behind.cancel()
            return sound

        self._runner.submit(tracked)

    def busy(self) -> bool:
        return self.latest is None

    def wait(self) -> None:
        """For closing the window: the work ends, and nothing more is made behind."""
        self._runner.wait()
        self._let_go()

    def _let_go(self) -> None:
        behind, self._behind = self._behind, []
        for sound in behind:
            sound.cancel()

    def _ready(self, sound: SessionSound) -> None:
        self.latest = sound
        self.ready.emit(sound)
