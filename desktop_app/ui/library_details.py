"""The Library's details pane: the chosen practice to read about, Begin… and Edit….

Its title and kind · lengths · languages line come from the practice's summary; the
rest (description, what to know before starting, credits) from the practice itself,
read from its file when it is chosen. A file that can no longer be read says why.

Its words are the Library's and keep the context "LibraryView" that the catalogue
has them in, hence `QCoreApplication.translate` rather than `self.tr`.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from desktop_app.core.problems import InvalidFile
from desktop_app.core.text import Text, primary_subtag
from desktop_app.ui.browser import DetailsPane
from desktop_app.ui.library_rows import length_words
from desktop_app.ui.library_text import language_name, rich_text
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label, set_names

if TYPE_CHECKING:  # the model and the pack reader load once a practice is shown, not with the page
    from desktop_app.core.library import PracticeEntry
    from desktop_app.core.model import Practice


def _selectable(label: QLabel) -> QLabel:
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class PracticePane(DetailsPane):
    """A practice: title, kind · lengths · languages, summary, description, what to know
    before starting, who made it and where it comes from; Begin… and Edit… (or Adapt
    a copy…, for a practice that is not one's own) under it."""

    def __init__(self, language: str, kinds: dict[str, str]) -> None:
        super().__init__()
        self.language = language
        self._kinds = kinds
        self._shown_id: str | None = None
        set_names(
            self.area,
            QCoreApplication.translate("LibraryView", "Practice details"),
            QCoreApplication.translate(
                "LibraryView", "About the selected practice; use the arrow keys to scroll"
            ),
        )
        self.summary_label = _selectable(make_label(""))
        font = self.summary_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.summary_label.setFont(font)
        self.description_label = _selectable(make_label("", rich=True))
        self.safety_card = QFrame()
        self.safety_card.setProperty("role", "card")
        safety = QVBoxLayout(self.safety_card)
        safety.setContentsMargins(SPACE["m"] + SPACE["xs"], SPACE["m"], SPACE["m"], SPACE["m"])
        safety.setSpacing(SPACE["s"])
        safety.addWidget(
            make_label(QCoreApplication.translate("LibraryView", "Before you start"), "subheading")
        )
        self.safety_label = _selectable(make_label("", rich=True))
        safety.addWidget(self.safety_label)
        self.credits_label = make_label("", "muted")
        self.origin_label = make_label("", "muted")
        facts = QVBoxLayout()
        facts.setSpacing(SPACE["xs"])
        facts.addWidget(self.credits_label)
        facts.addWidget(self.origin_label)
        for widget in (self.summary_label, self.description_label, self.safety_card):
            self.body.addWidget(widget)
        self.body.addLayout(facts)

        self.begin_button = QPushButton(QCoreApplication.translate("LibraryView", "Begin…"))
        self.begin_button.setProperty("role", "primary")
        set_names(
            self.begin_button,
            QCoreApplication.translate("LibraryView", "Begin"),
            QCoreApplication.translate("LibraryView", "Get ready to begin the selected practice"),
        )
        self.begin_button.setMinimumWidth(SPACE["xl"] * 4)
        self.edit_button = QPushButton()
        self.edit_button.setProperty("role", "quiet")
        self._edit_words(own=True)
        self.footer.addWidget(self.begin_button)
        self.footer.addWidget(self.edit_button)
        self.footer.addStretch()

    def show_nothing(self) -> None:
        self._shown_id = None
        self.begin_button.setEnabled(False)
        self.edit_button.setEnabled(False)

    def show_practice(self, entry: PracticeEntry) -> None:
        summary = entry.summary
        language = self.language
        self.title_label.setText(summary.title.get(language))
        kind = self._kinds.get(summary.kind, summary.kind)
        names = ", ".join(dict.fromkeys(language_name(primary_subtag(c)) for c in summary.spoken))
        self.meta_label.setText(" · ".join(p for p in (kind, length_words(summary), names) if p))
        self.summary_label.setText(summary.summary.get(language))
        try:
            practice = entry.item
        except InvalidFile as error:
            self._show_unreadable(error)
        else:
            from desktop_app.core.model import Practice  # loaded by reading the practice

            assert isinstance(practice, Practice)
            self._show_details(practice)
        origin = QCoreApplication.translate("LibraryView", "From: %1")
        self.origin_label.setText(origin.replace("%1", self._origin(entry)))
        if entry.id != self._shown_id:  # the same one, updated: stay where the reader is
            self.area.verticalScrollBar().setValue(0)
        self._shown_id = entry.id
        self.begin_button.setEnabled(True)
        self.edit_button.setEnabled(True)
        self._edit_words(own=entry.source.kind == "user")

    def _show_details(self, practice: Practice) -> None:
        self._set_rich(self.description_label, practice.description)
        self._set_rich(self.safety_label, practice.safety)
        self.safety_card.setVisible(practice.safety is not None)
        credits = []
        if practice.author:
            credits.append(
                QCoreApplication.translate("LibraryView", "By %1").replace("%1", practice.author)
            )
        if practice.license:
            credits.append(
                QCoreApplication.translate("LibraryView", "Licence: %1").replace(
                    "%1", practice.license
                )
            )
        self.credits_label.setText(" · ".join(credits))
        self.credits_label.setVisible(bool(credits))

    def _show_unreadable(self, error: InvalidFile) -> None:
        """The file changed since the library was read and cannot be read now (the
        library is read again when its files change): say so, in place of its text."""
        message = QCoreApplication.translate(
            "LibraryView", "This practice's file has changed and cannot be read now: %1"
        )
        self.description_label.setText(message.replace("%1", error.problems[0].message))
        self.description_label.setVisible(True)
        self.safety_card.setVisible(False)
        self.credits_label.setVisible(False)

    def _edit_words(self, *, own: bool) -> None:
        """Edit… for one's own practice; Adapt a copy… for any other."""
        if own:
            text = QCoreApplication.translate("LibraryView", "Edit…")
            name = QCoreApplication.translate("LibraryView", "Edit")
            description = QCoreApplication.translate(
                "LibraryView", "Open this practice in the editor"
            )
        else:
            text = QCoreApplication.translate("LibraryView", "Adapt a copy…")
            name = QCoreApplication.translate("LibraryView", "Adapt a copy")
            description = QCoreApplication.translate(
                "LibraryView", "Open a copy in the editor, to save among your own practices"
            )
        self.edit_button.setText(text)
        set_names(self.edit_button, name, description)

    def _set_rich(self, label: QLabel, text: Text | None) -> None:
        label.setText(rich_text(text.get(self.language)) if text is not None else "")
        label.setVisible(text is not None)

    def _origin(self, entry: PracticeEntry) -> str:
        source = entry.source
        if source.kind == "built-in":
            return QCoreApplication.translate("LibraryView", "built-in")
        if source.kind == "user":
            return QCoreApplication.translate("LibraryView", "your practices")
        pack = QCoreApplication.translate("LibraryView", "the pack “%1”")
        return pack.replace("%1", self._pack_title(source.root))

    @functools.cache  # noqa: B019 - one pane, a few packs
    def _pack_title(self, folder: Path) -> str:
        """A pack's title as its maker gave it (its folder name if it cannot be read)."""
        from desktop_app.core.plan_loader import load_pack_manifest

        try:
            return load_pack_manifest(folder / "pack.yaml").title.get(self.language)
        except (InvalidFile, OSError):
            return folder.name
