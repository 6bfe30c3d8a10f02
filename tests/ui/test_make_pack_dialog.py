"""Making a pack from the window: tick one's own practices and plans, name the pack,
save; problems are listed in the dialog and nothing is written."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.app import open_library
from desktop_app.storage.paths import default_paths
from desktop_app.ui.make_pack_dialog import MakePackDialog
from tests.storage.test_packs import PLAN, PRACTICE, clip


def own_library() -> None:
    mine = default_paths().practices
    (mine / "media").mkdir(parents=True)
    (mine / "media" / "clip.wav").write_bytes(clip())
    (mine / "pack-one.yaml").write_text("# kept\n" + PRACTICE.format(id="pack-one"))
    (mine / "plan.yaml").write_text(PLAN)


def dialog(qtbot: QtBot) -> MakePackDialog:
    shown = MakePackDialog(open_library(), "en")
    qtbot.addWidget(shown)
    return shown


def test_only_ones_own_files_are_offered_and_save_waits_for_a_choice(qtbot: QtBot) -> None:
    own_library()
    shown = dialog(qtbot)
    rows = [shown.choices.item(r).text() for r in range(shown.choices.count())]
    assert rows == ["Practice pack-one  ·  practice", "First weeks  ·  plan"]
    assert not shown.save_button.isEnabled()
    assert shown.status.text() == "Tick at least one."
    # Space on the focused row ticks it, as in any list of checkboxes.
    shown.choices.setCurrentRow(0)
    qtbot.keyClick(shown.choices, Qt.Key.Key_Space)
    assert shown.status.text() == "Give the pack a title and say who it is from."
    shown.title_field.setText("For Sam")
    shown.author_field.setText("Dr. Test")
    assert shown.save_button.isEnabled()
    assert shown.status.text() == "Chosen: 1 practice"
    shown.tick("first-weeks")
    assert shown.status.text() == "Chosen: 1 practice, 1 plan"


def test_saving_writes_the_pack_with_its_media(qtbot: QtBot, tmp_path: Path) -> None:
    own_library()
    shown = dialog(qtbot)
    shown.tick("pack-one")
    shown.tick("first-weeks")
    shown.title_field.setText("For Sam")
    shown.author_field.setText("Dr. Test")
    out = tmp_path / "for-sam.attunepack"
    assert shown.save_to(out)
    assert shown.manifest is not None and shown.manifest.id == "for-sam"
    with zipfile.ZipFile(out) as archive:
        assert "media/clip.wav" in archive.namelist()
        assert archive.read("practices/pack-one.yaml").startswith(b"# kept\n")


def test_problems_are_listed_and_nothing_is_written(qtbot: QtBot, tmp_path: Path) -> None:
    own_library()
    shown = dialog(qtbot)
    shown.title_field.setText("For Sam")
    shown.author_field.setText("Dr. Test")
    shown.tick("first-weeks")  # its practice, one's own, comes along
    assert shown.status.text() == (
        "Chosen: 1 practice, 1 plan (with what the plan asks for: Practice pack-one)"
    )
    shown.choices.item(0).setCheckState(Qt.CheckState.Unchecked)  # left out after all
    out = tmp_path / "for-sam.attunepack"
    assert not shown.save_to(out)
    assert not out.exists()
    assert not shown.problems.isHidden()
    assert "plan.yaml:7:5: asks for pack-one, which is not chosen" in shown.problems.text()


def test_every_control_has_an_accessible_name_and_description(qtbot: QtBot) -> None:
    own_library()
    shown = dialog(qtbot)
    for kind in (QLabel, QPushButton, QListWidget, QLineEdit):
        for widget in shown.findChildren(kind):
            assert widget.accessibleName(), widget
            assert widget.accessibleDescription(), widget
