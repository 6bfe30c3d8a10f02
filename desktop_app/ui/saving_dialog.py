"""A dialog that writes one file in the background: it says "Saving…" with its
buttons disabled, closes once the file is written, and says why when it could not be."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QPushButton, QWidget

from desktop_app.storage.private_files import write_private
from desktop_app.ui.background import BackgroundRunner, Progress, short_reason


class SavingDialog(QDialog):
    """Subclasses make `format`, `cancel_button`, `save_button` and `status`, then call
    `start_saver`; `save_bytes` writes the file."""

    format: QComboBox
    cancel_button: QPushButton
    save_button: QPushButton
    status: QLabel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved_to: Path | None = None

    def start_saver(self, failure: str, logger: logging.Logger) -> None:
        """`failure` is the log's line when writing fails (its traceback goes below)."""
        self.saver = BackgroundRunner(failure, logger, self, describe=short_reason)
        self.saver.done.connect(self._saved)
        self.saver.failed.connect(self._not_saved)

    def save_bytes(self, path: Path, make: Callable[[], bytes]) -> None:
        """Make the file's bytes and write them privately to `path`, off the GUI thread
        (`make` must only use what it was given, never a widget)."""

        def work(_progress: Progress) -> Path:
            write_private(path, make())
            return path

        self._set_saving(True)
        # The context is named: `self.tr` would look under the subclass's name.
        self.say(QCoreApplication.translate("SavingDialog", "Saving…"))
        self.saver.submit(work)

    def reject(self) -> None:
        # Escape waits while the file is written: closing then would write it unsaid.
        if not self.saver.busy:
            super().reject()

    def say(self, text: str) -> None:
        """The status line, for eyes and for screen readers."""
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    def _set_saving(self, saving: bool) -> None:
        for control in (self.format, self.cancel_button, self.save_button):
            control.setEnabled(not saving)

    def _saved(self, path: Path) -> None:
        self._set_saving(False)
        self.saved_to = path
        self.accept()

    def _not_saved(self, reason: str) -> None:
        self._set_saving(False)
        failed = QCoreApplication.translate("SavingDialog", "Could not save: %1")
        self.say(failed.replace("%1", reason))
