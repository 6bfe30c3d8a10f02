"""Exports of a locked journal: the export and report dialogs warn that the file will
not be encrypted and offer a passphrase-protected archive, which holds the export
under its name and opens with 7z (and a reader of the specification)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from desktop_app.storage.journal import Journal
from desktop_app.storage.plans import PlanStore
from desktop_app.ui.export_dialog import ExportDialog
from desktop_app.ui.report_dialog import ReportDialog
from tests.storage.test_protected_archive import WrongPassphrase, read_back, seven_zip
from tests.storage.test_report import PLAN, SECRET, session
from tests.ui.test_export_dialog import journal_with_two

PASSPHRASE = "tell her on the phone"


def test_an_unlocked_journal_is_exported_as_before(qtbot: QtBot, tmp_path: Path) -> None:
    journal = journal_with_two(tmp_path)
    dialog = ExportDialog(journal.entries())
    qtbot.addWidget(dialog)
    journal.close()
    assert dialog.protection is None
    assert not any("will not be" in label.text() for label in dialog.findChildren(QLabel))


def test_a_locked_journal_s_export_warns_and_saves_a_protected_archive(
    qtbot: QtBot, tmp_path: Path
) -> None:
    journal = journal_with_two(tmp_path)
    dialog = ExportDialog(journal.entries(), locked=True)
    qtbot.addWidget(dialog)
    journal.close()
    dialog.show()
    protection = dialog.protection
    assert protection is not None and protection.isVisible()
    warning = " ".join(label.text() for label in protection.findChildren(QLabel))
    assert "the file you save will not be" in warning
    assert not protection.protecting and not protection.fields.isVisible()
    assert protection.suggested_name("attune-journal.md") == "attune-journal.md"

    qtbot.keyClick(protection.protect_check, " ")
    assert protection.protecting and protection.fields.isVisible()
    assert protection.problem() == "Choose a passphrase."
    dialog.choose_file()  # refused before any file is asked for
    assert dialog.status.text() == "Choose a passphrase."
    qtbot.keyClicks(protection.fields.first, PASSPHRASE)
    qtbot.keyClicks(protection.fields.again, PASSPHRASE)
    assert protection.problem() == ""
    assert protection.suggested_name("attune-journal.md") == "attune-journal.zip"

    out = tmp_path / "for-my-therapist.zip"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save(out)
    archive = out.read_bytes()
    assert b"mother" not in archive
    name, content = read_back(archive, PASSPHRASE)
    assert name == "for-my-therapist.md"
    assert "about my mother" in content.decode("utf-8")
    with pytest.raises(WrongPassphrase):
        read_back(archive, "not the one")


@pytest.mark.skipif(shutil.which("7z") is None, reason="7z (Debian's p7zip-full) is not installed")
def test_a_protected_report_opens_with_7z(qtbot: QtBot, tmp_path: Path) -> None:
    store = PlanStore(tmp_path / "plans", today=lambda: date(2025, 3, 1))
    store.import_plan(PLAN.encode("utf-8"))
    plan = store.get("first-weeks")
    assert plan is not None
    journal = Journal.open(tmp_path / "journal.sqlite3")
    journal.add_many([session(7, before=3, after=6), session(10, written=SECRET)])
    found = journal.entries()
    journal.close()
    dialog = ReportDialog(plan, found, date(2025, 3, 12), locked=True)
    qtbot.addWidget(dialog)
    assert dialog.protection is not None
    dialog.protection.protect_check.setChecked(True)
    qtbot.keyClicks(dialog.protection.fields.first, PASSPHRASE)
    qtbot.keyClicks(dialog.protection.fields.again, PASSPHRASE)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    out = tmp_path / "report.zip"
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.save(out)
    result = seven_zip(out, PASSPHRASE, tmp_path / "opened")
    assert result.returncode == 0, result.stdout + result.stderr
    report = (tmp_path / "opened" / "report.md").read_text(encoding="utf-8")
    assert "planned" in report.lower()
    wrong = seven_zip(out, "a wrong passphrase", tmp_path / "not-opened")
    assert wrong.returncode != 0
