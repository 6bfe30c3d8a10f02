"""A calm message when something inside Attune fails that nothing caught.

`ErrorReporter.tell` is what `storage/uncaught.py` calls, on whichever thread failed:
the message is shown on the GUI thread, after the hook has returned. One dialog at a
time: an error while it is open adds its details to it, no second dialog opens.
The dialog says that nothing the person wrote is lost and where the details are (the
log file), and "Copy details" puts the traceback on the clipboard for whoever helps.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import action_button, make_label, set_names


class ErrorDialog(QDialog):
    """The message itself: a heading, one sentence, Copy details and Close."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Something went wrong"))
        set_names(
            self,
            self.tr("Something went wrong"),
            self.tr("A problem inside Attune, and where its details are"),
        )
        heading = make_label(self.tr("Something went wrong inside Attune"), "subheading")
        set_names(heading, heading.text(), self.tr("Heading"))
        if log_file is not None:
            said = self.tr("Nothing you wrote is lost; the details are kept in %1.").replace(
                "%1", str(log_file)
            )
        else:
            said = self.tr("Nothing you wrote is lost; Copy details gives you what happened.")
        self.sentence = make_label(said)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_names(self.sentence, said, self.tr("What this means for you"))
        self.status = make_label("", "muted")
        set_names(self.status, self.tr("Status"), self.tr("Whether the details were copied"))
        self.copy_button = action_button(
            self.tr("Copy details"),
            self.tr("Put what happened on the clipboard, to send to whoever helps you"),
            self.copy_details,
        )
        self.copy_button.setAutoDefault(False)
        self.close_button = action_button(
            self.tr("Close"), self.tr("Close this message"), self.accept, role="primary"
        )
        self.close_button.setDefault(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.setSpacing(SPACE["m"])
        layout.addWidget(heading)
        layout.addWidget(self.sentence)
        layout.addLayout(buttons)
        self.setTabOrder(self.copy_button, self.close_button)
        self.close_button.setFocus()
        self.resize(520, self.sizeHint().height())

    def add(self, details: str) -> None:
        """Another error while this is open: its details join these (once each)."""
        if details not in self.details:
            self.details = f"{self.details}\n{details}"

    def copy_details(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.details)
        copied = self.tr("The details are on the clipboard.")
        self.status.setText(copied)
        self.status.setAccessibleName(copied)


class ErrorReporter(QObject):
    """Shows an `ErrorDialog` over `window` for an error from any thread."""

    _arrived = Signal(str)

    def __init__(self, log_file: Path | None, window: QWidget | None = None) -> None:
        super().__init__(window)
        self.log_file = log_file
        self.window = window
        self.dialog: ErrorDialog | None = None
        # Queued even on the GUI thread: the dialog opens after the failing hook returns.
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def tell(self, details: str) -> None:
        """Safe on any thread (a signal crosses to the GUI thread)."""
        self._arrived.emit(details)

    def _show(self, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(details)
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = ErrorDialog(details, self.log_file, self.window)
        self.dialog.setModal(True)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
