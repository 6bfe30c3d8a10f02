"""The adherence report in the window: preview first, reflections only when ticked,
saved privately as PDF or Markdown."""

from __future__ import annotations

import shutil
import threading
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QListWidget, QPushButton, QTextBrowser
from pytestqt.qtbot import QtBot

from desktop_app.storage.document import Document
from desktop_app.storage.journal import Journal, SessionEntry
from desktop_app.storage.plans import PlanStore, StoredPlan
from desktop_app.storage.private_files import write_private
from desktop_app.ui import report_dialog, saving_dialog
from desktop_app.ui.pdf import render_pdf
from desktop_app.ui.report_dialog import ReportDialog
from tests.storage.test_report import PLAN, SECRET, session
from tests.ui.saving import save_while_held
from tests.ui.test_pdf import pdf_text


@pytest.fixture
def stored(tmp_path: Path) -> StoredPlan:
    store = PlanStore(tmp_path / "plans", today=lambda: date(2025, 3, 1))
    store.import_plan(PLAN.encode("utf-8"))
    found = store.get("first-weeks")
    assert found is not None
    return found


@pytest.fixture
def entries(tmp_path: Path) -> list[SessionEntry]:
    """A real journal: sessions in the plan's first week, two with written answers."""
    journal = Journal.open(tmp_path / "journal.sqlite3")
    try:
        journal.add_many(
            [
                session(7, before=3, after=6),
                session(8, "scan"),
                session(10, written=SECRET),
                session(11, "scan", written="Warm hands"),
                session(12, "walk"),
            ]
        )
        return journal.entries()
    finally:
        journal.close()


def dialog(qtbot: QtBot, plan: StoredPlan, found: list[SessionEntry]) -> ReportDialog:
    shown = ReportDialog(plan, found, date(2025, 3, 12))
    qtbot.addWidget(shown)
    return shown


def test_reflections_stay_out_until_ticked(
    qtbot: QtBot, stored: StoredPlan, entries: list[SessionEntry], tmp_path: Path
) -> None:
    shown = dialog(qtbot, stored, entries)
    assert shown.reflections.count() == 2
    assert SECRET not in shown.preview.toPlainText()
    assert (
        shown.status.text()
        == f"{shown.report().done} of {shown.report().planned} planned sessions done"
    )
    secret_row = next(row for row in range(2) if SECRET in shown.reflections.item(row).text())
    shown.reflections.item(secret_row).setCheckState(Qt.CheckState.Checked)
    assert SECRET in shown.preview.toPlainText()
    assert "Warm hands" not in shown.preview.toPlainText()
    shown.format.setCurrentIndex(shown.format.findData("md"))
    out = tmp_path / "report.md"
    with qtbot.waitSignal(shown.accepted):
        shown.save(out)
    assert shown.saved_to == out
    text = out.read_text()
    assert SECRET in text and "Warm hands" not in text
    assert out.stat().st_mode & 0o777 == 0o600


def test_the_range_can_be_narrowed(
    qtbot: QtBot, stored: StoredPlan, entries: list[SessionEntry], tmp_path: Path
) -> None:
    shown = dialog(qtbot, stored, entries)
    whole = shown.report().planned
    shown.to_date.setDate(QDate(2025, 3, 9))
    assert shown.report().last == date(2025, 3, 9)
    assert shown.report().planned < whole
    assert shown.reflections.count() == 0  # both written answers came later
    assert shown.reflections.isHidden()
    out = tmp_path / "report.pdf"
    with qtbot.waitSignal(shown.accepted):
        shown.save(out)
    assert shown.saved_to == out
    assert out.read_bytes().startswith(b"%PDF-")


def test_every_control_has_an_accessible_name_and_description(
    qtbot: QtBot, stored: StoredPlan, entries: list[SessionEntry]
) -> None:
    shown = dialog(qtbot, stored, entries)
    for kind in (QLabel, QPushButton, QListWidget, QDateEdit, QComboBox, QTextBrowser):
        for widget in shown.findChildren(kind):
            assert widget.accessibleName(), widget
            assert widget.accessibleDescription(), widget


def test_a_practice_the_library_lacks_is_shown_missing_and_not_counted(
    qtbot: QtBot, stored: StoredPlan, entries: list[SessionEntry]
) -> None:
    shown = ReportDialog(
        stored,
        entries,
        date(2025, 3, 12),
        library_titles={"box": "Box breathing", "scan": "Body scan"},
    )
    qtbot.addWidget(shown)
    # Box daily 7–12 (6) and scan twice a week (4); walk (Mon, Wed, Fri) is not counted.
    assert shown.status.text() == "4 of 10 planned sessions done"
    preview = shown.preview.toPlainText()
    assert "Mindful walk (Mon, Wed, Fri): missing from the library" in preview


def test_the_pdf_is_made_and_written_off_the_gui_thread(
    qtbot: QtBot,
    stored: StoredPlan,
    entries: list[SessionEntry],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The real PDF renderer and writer, the renderer held back until the test has looked."""
    shown = dialog(qtbot, stored, entries)
    shown.open()
    rendering, release = threading.Event(), threading.Event()
    threads: dict[str, threading.Thread] = {}

    def held_pdf(document: Document) -> bytes:
        threads["pdf"] = threading.current_thread()
        rendering.set()
        release.wait(5)
        return render_pdf(document)

    def watched_write(path: Path, data: bytes) -> None:
        threads["write"] = threading.current_thread()
        write_private(path, data)

    monkeypatch.setattr(report_dialog, "render_pdf", held_pdf)
    monkeypatch.setattr(saving_dialog, "write_private", watched_write)
    shown.format.setCurrentIndex(shown.format.findData("pdf"))
    out = tmp_path / "report.pdf"
    save_while_held(qtbot, shown, out, rendering, release)
    assert threading.main_thread() not in threads.values()
    assert threads["pdf"] is threads["write"]
    assert shown.saved_to == out and out.read_bytes().startswith(b"%PDF-")
    assert out.stat().st_mode & 0o777 == 0o600
    if shutil.which("pdftotext"):
        text = pdf_text(out.read_bytes())
        assert "Attune adherence report" in text and "Weeks 1–2 · from Your therapist" in text


def test_a_report_that_cannot_be_written_is_said_and_the_dialog_stays(
    qtbot: QtBot, stored: StoredPlan, entries: list[SessionEntry], tmp_path: Path
) -> None:
    shown = dialog(qtbot, stored, entries)
    shown.format.setCurrentIndex(shown.format.findData("md"))
    with qtbot.waitSignal(shown.saver.failed):
        shown.save(tmp_path / "no such folder" / "report.md")
    assert shown.status.text() == "Could not save: No such file or directory"
    assert shown.save_button.isEnabled() and shown.cancel_button.isEnabled()
    assert shown.saved_to is None
