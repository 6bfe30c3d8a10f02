"""The adherence report from the window: planned against done and before → after for
one plan, with a preview of exactly what will be saved. Written reflections stay out
unless the person ticks each one they want their therapist to read. The file is made
(PDF rendering too) and written off the GUI thread; meanwhile the dialog says it is
saving and its buttons wait."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.storage.journal import SessionEntry
from desktop_app.storage.plans import StoredPlan
from desktop_app.storage.report import (
    AdherenceReport,
    build_report,
    report_range,
    to_document,
    to_markdown,
)
from desktop_app.ui.export_protection import ExportProtection
from desktop_app.ui.pdf import render_pdf
from desktop_app.ui.saving_dialog import SavingDialog
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label

logger = logging.getLogger(__name__)


class ReportDialog(SavingDialog):
    def __init__(
        self,
        stored: StoredPlan,
        entries: list[SessionEntry],
        today: date,
        language: str = "en",
        parent: QWidget | None = None,
        library_titles: Mapping[str, str] | None = None,
        *,
        locked: bool = False,
    ) -> None:
        """`locked`: the journal is locked, so the dialog warns that the report will not
        be encrypted and offers a passphrase-protected archive instead."""
        super().__init__(parent)
        self.stored = stored
        self.entries = entries
        self.language = language
        self.library_titles = library_titles
        title = stored.plan.title.get(language)
        self.setWindowTitle(self.tr("Report on %1").replace("%1", title))
        self.setAccessibleName(self.windowTitle())
        self.setAccessibleDescription(self.tr("What to bring to your next session"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.setSpacing(SPACE["m"])
        heading = self._label(self.windowTitle(), "heading", self.tr("Heading"))
        layout.addWidget(heading)

        first, last = report_range(stored.plan, stored.imported_on, None, None, today)
        dates = QHBoxLayout()
        self.from_date = self._date(first, self.tr("From"), self.tr("The first day to report on"))
        self.to_date = self._date(
            max(first, last), self.tr("To"), self.tr("The last day to report on")
        )
        for text, edit in ((self.tr("&From"), self.from_date), (self.tr("&To"), self.to_date)):
            label = self._label(text, None, edit.accessibleDescription())
            label.setBuddy(edit)
            dates.addWidget(label)
            dates.addWidget(edit)
        dates.addStretch(1)
        layout.addLayout(dates)

        layout.addWidget(
            self._label(
                self.tr(
                    "Your written answers stay private unless you tick them here. "
                    "The preview shows exactly what will be saved."
                ),
                "muted",
                self.tr("About reflections"),
            )
        )
        self.reflections = QListWidget()
        self.reflections.setAccessibleName(self.tr("Reflections to include"))
        self.reflections.setAccessibleDescription(
            self.tr("Space ticks or unticks the one with focus; none is ticked at first")
        )
        self.reflections.itemChanged.connect(self._refresh_preview)
        layout.addWidget(self.reflections, 1)

        self.preview = QTextBrowser()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setAccessibleDescription(self.tr("The report as it will be saved"))
        layout.addWidget(self.preview, 2)
        self.protection = ExportProtection() if locked else None
        if self.protection is not None:
            layout.addWidget(self.protection)

        buttons = QHBoxLayout()
        self.status = self._label("", "muted", self.tr("What happened"))
        buttons.addWidget(self.status, 1)
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF"), "pdf")
        self.format.addItem(self.tr("Markdown"), "md")
        self.format.setAccessibleName(self.tr("Format"))
        self.format.setAccessibleDescription(self.tr("The kind of file to save"))
        buttons.addWidget(self.format)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAccessibleDescription(self.tr("Close without saving"))
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        self.save_button = QPushButton(self.tr("Save…"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setAccessibleDescription(self.tr("Choose where to save the report"))
        self.save_button.clicked.connect(self._choose_file)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self.start_saver("Saving a plan report failed", logger)

        self.from_date.dateChanged.connect(self._rebuild)
        self.to_date.dateChanged.connect(self._rebuild)
        self._full: AdherenceReport | None = None
        self._rebuild()
        self.resize(720, 720)

    # --- the report ---------------------------------------------------------------------

    def report(self) -> AdherenceReport:
        """The report as it will be saved: only the ticked reflections."""
        assert self._full is not None
        ticked = tuple(
            reflection
            for row, reflection in enumerate(self._full.reflections)
            if self.reflections.item(row).checkState() == Qt.CheckState.Checked
        )
        return replace(self._full, reflections=ticked, include_reflections=bool(ticked))

    def save(self, path: Path) -> None:
        """Write the report as previewed to `path` in the chosen format, off the GUI
        thread. The dialog closes once the file is saved, and says why if not."""
        key = self.format.currentData()
        report = self.report()

        def make() -> bytes:
            if key == "pdf":
                return render_pdf(to_document(report))
            return to_markdown(report).encode("utf-8")

        if self.protection is not None:  # the archive holds the report under its own name
            make = self.protection.wrap(f"{path.stem}.{key}", make)
        self.save_bytes(path, make)

    def _rebuild(self) -> None:
        first = self.from_date.date().toPython()
        last = self.to_date.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        self._full = build_report(
            self.stored.plan,
            self.stored.imported_on,
            self.entries,
            first,
            last,
            include_reflections=True,
            language=self.language,
            library_titles=self.library_titles,
        )
        self.reflections.blockSignals(True)
        self.reflections.clear()
        for reflection in self._full.reflections:
            when = f"{reflection.day:%d %b} · {reflection.title}"
            text = f"{when} · {reflection.prompt}\n{reflection.answer}"
            item = QListWidgetItem(text)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.reflections.addItem(item)
        self.reflections.blockSignals(False)
        self.reflections.setVisible(bool(self._full.reflections))
        self._refresh_preview()

    def _refresh_preview(self) -> None:
        report = self.report()
        self.preview.setMarkdown(to_markdown(report))
        self.say(
            self.tr("%1 of %2 planned sessions done")
            .replace("%1", str(report.done))
            .replace("%2", str(report.planned))
        )

    # --- building the form ------------------------------------------------------------

    def _label(self, text: str, role: str | None, description: str) -> QLabel:
        label = make_label(text, role)
        label.setAccessibleName(text or description)
        label.setAccessibleDescription(description)
        return label

    def _date(self, value: date, name: str, description: str) -> QDateEdit:
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        edit.setAccessibleDescription(description)
        return edit

    def _choose_file(self) -> None:
        key = self.format.currentData()
        suggested = f"attune-report-{self.stored.plan.id}.{key}"
        if self.protection is not None:
            if problem := self.protection.problem():
                self.say(problem)
                return
            suggested = self.protection.suggested_name(suggested)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report"), str(Path.home() / suggested)
        )
        if name:
            self.save(Path(name))
