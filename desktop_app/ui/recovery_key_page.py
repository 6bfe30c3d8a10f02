"""The recovery key, shown once, right after the journal was locked: large, selectable
text to copy, print or save as a text file, and a tick "I have written it down or
saved it" before Close is enabled. Attune keeps no copy it could show again.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.private_files import write_private
from desktop_app.ui.background import short_reason
from desktop_app.ui.flow_layout import FlowLayout
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label


class RecoveryKeyPage(QWidget):
    """`show_key(text)` fills it in; `done` follows Close, which waits for the tick.
    `journal_folder`: where the journal is, so a key file is not saved beside it."""

    done = Signal()

    def __init__(self, journal_folder: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal_folder = journal_folder
        self._key = ""
        self.setAccessibleName(self.tr("Your recovery key"))
        heading = make_label(self.tr("Your recovery key"), "heading")
        explanation = make_label(
            self.tr(
                "If you forget your passphrase, this key opens your journal. It is shown "
                "only now: write it down, print it or save it, and keep it somewhere safe, "
                "away from this computer. If both the passphrase and this key are lost, "
                "no one can open your journal."
            )
        )
        self.key_label = QLabel()
        self._fit_key_font()
        self.key_label.setWordWrap(True)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.key_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.key_label.setAccessibleName(self.tr("Recovery key"))
        key_card = QFrame()
        key_card.setProperty("role", "card")
        card_layout = QVBoxLayout(key_card)
        card_layout.setContentsMargins(SPACE["m"], SPACE["l"], SPACE["m"], SPACE["l"])
        card_layout.addWidget(self.key_label)

        self.copy_button = self._button(self.tr("&Copy"), self.tr("Copy the key to paste it"))
        self.copy_button.clicked.connect(self.copy)
        self.print_button = self._button(self.tr("&Print…"), self.tr("Print the key on paper"))
        self.print_button.clicked.connect(self._print)
        self.save_button = self._button(
            self.tr("&Save as a text file…"), self.tr("Save the key in a file you choose")
        )
        self.save_button.clicked.connect(self._choose_file)
        self.status = make_label("", "muted")
        self.status.setAccessibleName(self.tr("What happened"))

        self.written_check = QCheckBox(self.tr("I have &written it down or saved it"))
        self.written_check.setAccessibleName(self.tr("I have written it down or saved it"))
        self.written_check.setAccessibleDescription(self.tr("Close is enabled once this is ticked"))
        self.close_button = self._button(self.tr("Close"), self.tr("The key is not shown again"))
        self.close_button.setProperty("role", "primary")
        self.close_button.setEnabled(False)
        self.written_check.toggled.connect(self.close_button.setEnabled)
        self.close_button.clicked.connect(self._close)

        actions = QWidget()  # the buttons wrap onto a second line at a large text size
        actions_layout = FlowLayout(actions)
        for button in (self.copy_button, self.print_button, self.save_button):
            actions_layout.addWidget(button)
        closing = QHBoxLayout()  # the tick on a line of its own: room at a large text size
        closing.addStretch()
        closing.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(SPACE["m"])
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addSpacing(SPACE["s"])
        layout.addWidget(key_card)
        layout.addWidget(actions)
        layout.addWidget(self.status)
        layout.addStretch()
        layout.addWidget(self.written_check)
        layout.addLayout(closing)
        for label in (heading, explanation):
            label.setAccessibleName(label.text())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.FontChange:  # the text size changed
            self._fit_key_font()
        super().changeEvent(event)

    def _fit_key_font(self) -> None:
        """The key in a fixed-width font (no 0 read as O), larger than the text
        around it, following the text size."""
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.font().pointSizeF() * 1.4)
        font.setWeight(QFont.Weight.DemiBold)
        self.key_label.setFont(font)

    def show_key(self, text: str) -> None:
        self._key = text
        self.key_label.setText(text)
        self.key_label.setAccessibleDescription(text)
        self.written_check.setChecked(False)
        self.key_label.setFocus()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self._key)
        self._say(self.tr("Copied. Paste it somewhere safe, then clear your clipboard."))

    def key_file_text(self) -> str:
        """What a saved or printed key says: the key, what it is for, and when."""
        return (
            self.tr(
                "Attune recovery key\n\n%1\n\nThis key opens your Attune journal if you forget "
                "your passphrase. Keep it somewhere safe, away from the computer: not beside "
                "the journal, not in the same synced folder.\nMade on %2.\n"
            )
            .replace("%1", self._key)
            .replace("%2", date.today().isoformat())
        )

    def save_to(self, path: Path) -> bool:
        """Write the key to `path` (private to this account); False, said on the page,
        when it cannot be or should not be written there."""
        if (
            self.journal_folder is not None
            and path.parent.resolve() == self.journal_folder.resolve()
        ):
            self._say(
                self.tr("Not beside the journal: a key there opens it for anyone who copies both.")
            )
            return False
        try:
            write_private(path, self.key_file_text().encode("utf-8"))
        except OSError as error:
            self._say(self.tr("Could not save: %1").replace("%1", short_reason(error)))
            return False
        self._say(
            self.tr("Saved to %1. Keep it somewhere safe, away from this computer.").replace(
                "%1", str(path)
            )
        )
        return True

    def print_to(self, printer: object) -> None:
        """Print the key on `printer` (a QPrinter)."""
        document = QTextDocument()
        document.setPlainText(self.key_file_text())
        document.print_(printer)  # type: ignore[arg-type]

    def _print(self) -> None:
        # Qt's printing module is loaded only when someone prints.
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)
            self._say(self.tr("Sent to the printer."))

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery key"),
            str(Path.home() / "attune-recovery-key.txt"),
        )
        if name:
            self.save_to(Path(name))

    def _close(self) -> None:
        self._key = ""  # kept no longer than shown
        self.key_label.clear()
        self.done.emit()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)

    def _button(self, text: str, description: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").removesuffix("…"))
        button.setAccessibleDescription(description)
        button.setToolTip(description)
        return button
