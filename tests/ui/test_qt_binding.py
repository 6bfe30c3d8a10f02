"""The Qt binding itself: a regression seen in PySide6 6.12.0 under Python 3.11, where
every signal emit dropped a reference to True until the process aborted."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    ping = Signal()


def test_emitting_signals_keeps_reference_counts_intact() -> None:
    emitter = Emitter()
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.ping.emit()
    assert sys.getrefcount(True) >= before - 10
