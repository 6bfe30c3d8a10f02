"""Exporting from the app: the person unticks entries and answers; only what is ticked
is written, in every format."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.storage.journal import Journal, NewSession, StoredAnswer
from desktop_app.storage.private_files import write_private
from desktop_app.ui import saving_dialog
from desktop_app.ui.export_dialog import ExportDialog
from tests.ui.saving import save_while_held
from tests.ui.test_pdf import pdf_text


def journal_with_two(tmp_path: Path) -> Journal:
    journal = Journal.open(tmp_path / "journal.sqlite3")
    now = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    for title, private in (("Morning breath", "about my mother"), ("Evening check-in", "fine")):
        journal.add(
            NewSession(
                practice_id="p",
                practice_title=title,
                practice_kind="breathing",
                practice_version=1,
                source="built-in",
                language="en",
                started_at=now,
                ended_at=now + dt.timedelta(minutes=5),
                length=300.0,
                practised=300.0,
                completed=True,
                stopped_at_step=None,
                pauses=0,
                grounding_pauses=0,
                answers=(
                    StoredAnswer("settled", "before", "scale", "How settled?", 3, "3 of 10"),
                    StoredAnswer(
                        "noticed", "after", "text", "What did you notice?", private, private
                    ),
                ),
            )
        )
        now += dt.timedelta(hours=10)
    return journal


@pytest.mark.parametrize("key", ["md", "csv", "json", "pdf"])
def test_unticked_answers_and_entries_are_never_written(
    qtbot: QtBot, tmp_path: Path, key: str
) -> None:
    journal = journal_with_two(tmp_path)
    dialog = ExportDialog(journal.entries())
    qtbot.addWidget(dialog)
    first, second = (dialog.tree.topLevelItem(i) for i in range(2))
    assert first is not None and second is not None
    evening = first if "Evening" in first.text(0) else second
    morning = second if evening is first else first
    private = next(
        morning.child(i)
        for i in range(morning.childCount())
        if "mother" in morning.child(i).text(0)
    )
    private.setCheckState(0, Qt.CheckState.Unchecked)
    evening.setCheckState(0, Qt.CheckState.Unchecked)
    assert "mother" not in dialog.preview.toPlainText()
    assert dialog.status.text() == "1 of 2 entries"
    dialog.format.setCurrentIndex(dialog.format.findData(key))
    out = tmp_path / f"export.{key}"
    with qtbot.waitSignal(dialog.accepted):
        dialog.save(out)
    assert dialog.saved_to == out
    assert out.stat().st_mode & 0o777 == 0o600  # private, as the command line writes it
    data = out.read_bytes()
    assert b"mother" not in data and b"Evening check-in" not in data
    if key == "pdf" and shutil.which("pdftotext") is None:
        return
    text = pdf_text(data) if key == "pdf" else data.decode("utf-8")
    assert "mother" not in text and "Evening check-in" not in text
    assert "Morning breath" in text
    journal.close()


def test_the_file_is_written_off_the_gui_thread_while_the_dialog_says_it_is_saving(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The real writer, held back on its worker thread until the test has looked."""
    journal = journal_with_two(tmp_path)
    dialog = ExportDialog(journal.entries())
    qtbot.addWidget(dialog)
    writing, release = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []

    def held_write(path: Path, data: bytes) -> None:
        threads.append(threading.current_thread())
        writing.set()
        release.wait(5)
        write_private(path, data)

    monkeypatch.setattr(saving_dialog, "write_private", held_write)
    dialog.open()
    dialog.format.setCurrentIndex(dialog.format.findData("pdf"))
    out = tmp_path / "export.pdf"
    save_while_held(qtbot, dialog, out, writing, release)
    assert threads[0] is not threading.main_thread()
    assert not dialog.isVisible()
    assert dialog.saved_to == out and out.read_bytes().startswith(b"%PDF-")
    assert out.stat().st_mode & 0o777 == 0o600
    journal.close()


def test_a_file_that_cannot_be_written_is_said_and_the_dialog_stays(
    qtbot: QtBot, tmp_path: Path
) -> None:
    journal = journal_with_two(tmp_path)
    dialog = ExportDialog(journal.entries())
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.saver.failed):
        dialog.save(tmp_path / "no such folder" / "export.md")
    assert dialog.status.text() == "Could not save: No such file or directory"
    assert dialog.save_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert dialog.saved_to is None
    journal.close()
