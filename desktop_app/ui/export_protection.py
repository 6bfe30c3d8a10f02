"""What the export and report dialogs add when the journal is locked: a calm warning
that the file will not be encrypted, and the offer to save it in a passphrase-
protected archive instead (a ZIP with WinZip AES-256, `storage.protected_archive`,
which the therapist opens with 7-Zip, Keka, The Unarchiver or file-roller).

The archive's passphrase follows the journal's rule (at least `MIN_LENGTH`
characters, typed twice): it protects the same words once they leave the journal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QFrame, QVBoxLayout, QWidget

from desktop_app.storage.protected_archive import protected_zip
from desktop_app.ui.passphrase_fields import NewPassphraseFields
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label


class ExportProtection(QFrame):
    """The warning, the "Protect it with a passphrase" tick, and the passphrase twice
    (shown once ticked)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAccessibleName(self.tr("This file will not be encrypted"))
        warning = make_label(
            self.tr(
                "Your journal is locked, but the file you save will not be: anyone who "
                "gets it can read it. To send it, you can save it in an archive that "
                "opens only with a passphrase (a .zip file that 7-Zip on Windows, Keka "
                "or The Unarchiver on a Mac, or the archive manager on Linux opens; the "
                "tools built into Windows and macOS cannot). Tell the passphrase to the "
                "person who receives it in another way, not in the same message."
            )
        )
        warning.setAccessibleName(warning.text())
        self.protect_check = QCheckBox(self.tr("&Protect the file with a passphrase"))
        self.protect_check.setAccessibleName(self.tr("Protect the file with a passphrase"))
        self.protect_check.setAccessibleDescription(
            self.tr("Save a passphrase-protected .zip archive instead of a plain file")
        )
        self.fields = NewPassphraseFields()
        self.fields.setVisible(False)
        self.protect_check.toggled.connect(self._toggled)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["m"], SPACE["m"], SPACE["m"], SPACE["m"])
        layout.setSpacing(SPACE["s"])
        layout.addWidget(warning)
        layout.addWidget(self.protect_check)
        layout.addWidget(self.fields)

    @property
    def protecting(self) -> bool:
        return self.protect_check.isChecked()

    def problem(self) -> str:
        """Why the file cannot be saved protected yet; "" when it can (or is not)."""
        return self.fields.problem() if self.protecting else ""

    def suggested_name(self, name: str) -> str:
        """The file name to offer: `name`, or an archive named after it."""
        return f"{Path(name).stem}.zip" if self.protecting else name

    def wrap(self, inner_name: str, make: Callable[[], bytes]) -> Callable[[], bytes]:
        """What makes the saved bytes: `make`'s own, or an archive holding them as
        `inner_name`, under the passphrase typed now (taken on the GUI thread)."""
        if not self.protecting:
            return make
        passphrase = self.fields.passphrase
        when = datetime.now()
        return lambda: protected_zip(inner_name, make(), passphrase, when)

    def _toggled(self, on: bool) -> None:
        self.fields.setVisible(on)
        if on:
            self.fields.first.setFocus()
