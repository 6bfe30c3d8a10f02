"""What every dialog that saves in the background shows (ui/saving_dialog.py)."""

from __future__ import annotations

import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.report_dialog import ReportDialog


def save_while_held(
    qtbot: QtBot,
    dialog: ExportDialog | ReportDialog,
    out: Path,
    working: threading.Event,
    release: threading.Event,
) -> None:
    """Save to `out` while the test's stand-in holds the worker (it sets `working`,
    then waits for `release`): meanwhile the dialog says so, its buttons are off and
    Escape waits; once released, it closes as saved."""
    try:
        dialog.save(out)
        qtbot.waitUntil(working.is_set)  # the GUI thread goes on meanwhile
        assert dialog.status.text() == "Saving…"
        assert dialog.status.accessibleDescription() == "Saving…"
        assert not dialog.save_button.isEnabled() and not dialog.cancel_button.isEnabled()
        dialog.reject()  # Escape while saving: the file is written first
        assert dialog.isVisible()
    finally:
        release.set()
    with qtbot.waitSignal(dialog.accepted):
        pass
