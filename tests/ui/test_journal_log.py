"""The window's journal in the log: opened, today's copy made, found damaged (kind and
detail), moved aside and restored, opened again; never a word of what it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.storage.paths import default_paths
from tests.ui.test_export_dialog import journal_with_two
from tests.ui.test_main_window import make_window


def messages(log: Path) -> list[str]:
    """What each record of the journal's host and words says, in order."""
    return [
        line.split(": ", 1)[1]
        for line in log.read_text(encoding="utf-8").splitlines()
        if " desktop_app.ui.journal_" in line or " desktop_app.storage.logs: Journal" in line
    ]


def test_opening_a_damaged_journal_and_repairing_it_is_logged(qtbot: QtBot, log: Path) -> None:
    paths = default_paths()
    journal_with_two(paths.journal.parent).close()
    window = make_window(qtbot)
    window.close()
    data = bytearray(paths.journal.read_bytes())
    data[100:4000] = b"\x00garbage" * 487 + b"\x00" * 4
    paths.journal.write_bytes(bytes(data))
    window = make_window(qtbot)
    assert window.journal_host.repair_bar is not None
    restore = next(
        b
        for b in window.journal_host.repair_bar.findChildren(QPushButton)
        if b.text().startswith("Restore the last copy")
    )
    restore.click()
    assert window.state.journal is not None

    said = messages(log)
    copy = next(paths.journal_backups.iterdir()).name
    aside = next(paths.journal.parent.glob("journal.damaged-*.sqlite3")).name
    assert said[:2] == ["Journal opened", f"Today's copy of the journal was made: {copy}"]
    assert said[2].startswith("Journal problem (corrupt): Your journal file is damaged")
    assert said[2].endswith("]"), "with its detail"
    assert said[3:] == [
        f"The damaged journal was moved aside to {aside}",
        f"The journal was restored from {copy}",
        "Journal opened",
    ]
    text = log.read_text(encoding="utf-8")
    assert "about my mother" not in text and "Morning breath" not in text
