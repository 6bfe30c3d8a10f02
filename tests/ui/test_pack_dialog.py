"""Installing a pack from the window: a preview first, Install or Replace, and a calm
refusal for a hostile or broken pack."""

from __future__ import annotations

import zipfile
from pathlib import Path

from PySide6.QtWidgets import QLabel, QListWidget, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.storage.packs import build_pack, import_pack, list_packs
from desktop_app.storage.plans import PlanStore
from desktop_app.ui.pack_dialog import PackDialog, is_pack_file
from tests.storage.test_packs import manifest, pack_folder


def built(root: Path, version: int = 1) -> Path:
    out = root / f"test-pack-{version}.attunepack"
    build_pack(pack_folder(root, "test-pack", version), out)
    return out


def dialog(qtbot: QtBot, tmp_path: Path, pack: Path) -> PackDialog:
    shown = PackDialog(pack, tmp_path / "data" / "packs", tmp_path / "data" / "plans")
    qtbot.addWidget(shown)
    return shown


def items(widget: QListWidget) -> list[str]:
    return [widget.item(row).text() for row in range(widget.count())]


def texts(shown: PackDialog) -> str:
    return "\n".join(label.text() for label in shown.findChildren(QLabel))


def test_the_preview_lists_practices_plans_and_media(qtbot: QtBot, tmp_path: Path) -> None:
    shown = dialog(qtbot, tmp_path, built(tmp_path))
    assert items(shown.practices) == ["Practice pack-one", "Practice pack-two"]
    assert items(shown.plans) == ["First weeks"]
    words = texts(shown)
    assert "A test pack" in words
    assert "from Dr. Test" in words
    assert "Version 1" in words
    assert "Media: 1 files" in shown.media.text()
    assert not shown.install_button.isHidden()
    assert shown.install_button.text() == "Install"


def test_install_installs_the_pack_and_its_plans(qtbot: QtBot, tmp_path: Path) -> None:
    shown = dialog(qtbot, tmp_path, built(tmp_path))
    with qtbot.waitSignal(shown.accepted):
        shown.install_button.click()
    assert shown.result_ is not None
    assert shown.result_.manifest.id == "test-pack"
    assert [m.id for m in list_packs(tmp_path / "data" / "packs")] == ["test-pack"]
    assert [p.plan.id for p in PlanStore(tmp_path / "data" / "plans").plans()] == ["first-weeks"]


def test_a_hostile_archive_is_refused_with_its_reason(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "hostile.attunepack"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("pack.yaml", manifest())
        archive.writestr("../evil.yaml", "evil")
    shown = dialog(qtbot, tmp_path, path)
    assert shown.refusal is not None and "outside the archive root" in shown.refusal
    assert "outside the archive root" in texts(shown)
    assert shown.install_button.isHidden()
    assert shown.cancel_button.text() == "Close"
    assert not (tmp_path / "data" / "packs").exists()


def test_a_file_that_is_not_a_zip_is_refused(qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "broken.attunepack"
    path.write_bytes(b"not a zip")
    shown = dialog(qtbot, tmp_path, path)
    assert "not a pack" in texts(shown)
    assert shown.install_button.isHidden()


def test_an_invalid_practice_shows_its_problems_and_no_install(
    qtbot: QtBot, tmp_path: Path
) -> None:
    good = built(tmp_path)
    path = tmp_path / "invalid.attunepack"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(path, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "practices/pack-two.yaml":
                data = data.replace(b"kind: breathing", b"kind: juggling")
            out.writestr(info, data)
    shown = dialog(qtbot, tmp_path, path)
    assert shown.problems is not None
    lines = shown.problems.text().splitlines()
    assert lines and all(line.startswith("practices/pack-two.yaml:") for line in lines)
    assert lines[0].split(":")[1].isdigit() and lines[0].split(":")[2].isdigit()
    assert shown.problems.property("role") == "warning"
    assert shown.install_button.isHidden()


def test_reinstalling_the_same_version_needs_replace(qtbot: QtBot, tmp_path: Path) -> None:
    pack = built(tmp_path)
    packs = tmp_path / "data" / "packs"
    import_pack(pack, packs)
    shown = dialog(qtbot, tmp_path, pack)
    assert shown.install_button.text() == "Replace"
    assert "Version 1 is already installed. Replacing it" in shown.version.text()
    with qtbot.waitSignal(shown.accepted):
        shown.install_button.click()
    assert shown.result_ is not None and shown.result_.replaced_version == 1


def test_a_newer_version_installs_over_the_old(qtbot: QtBot, tmp_path: Path) -> None:
    import_pack(built(tmp_path, 1), tmp_path / "data" / "packs")
    shown = dialog(qtbot, tmp_path, built(tmp_path, 2))
    assert shown.install_button.text() == "Install"
    assert "installed: version 1" in shown.version.text()
    with qtbot.waitSignal(shown.accepted):
        shown.install_button.click()
    assert [m.version for m in list_packs(tmp_path / "data" / "packs")] == [2]


def test_a_refusal_on_install_is_shown_and_the_dialog_stays(qtbot: QtBot, tmp_path: Path) -> None:
    pack = built(tmp_path)
    shown = dialog(qtbot, tmp_path, pack)
    import_pack(built(tmp_path, 2), tmp_path / "data" / "packs")  # installed meanwhile
    shown.install_button.click()
    assert shown.result_ is None
    assert "already installed" in shown.status.text()
    assert shown.result() == 0


def test_plans_that_cannot_be_added_are_said_and_the_pack_stays_installed(
    qtbot: QtBot, tmp_path: Path
) -> None:
    shown = dialog(qtbot, tmp_path, built(tmp_path))
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "plans").write_text("a file where the plans folder goes")
    shown.install_button.click()
    assert shown.result() == 0  # not closed: the person reads why
    assert shown.status.text().startswith(
        "The pack is installed, but its plans could not be added: "
    )
    assert [m.id for m in list_packs(tmp_path / "data" / "packs")] == ["test-pack"]
    assert shown.install_button.isHidden()
    assert shown.cancel_button.text() == "Close"


def test_every_control_has_an_accessible_name_and_description(qtbot: QtBot, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.attunepack"
    with zipfile.ZipFile(hostile, "w") as archive:
        archive.writestr("../evil.yaml", "evil")
    for pack in (built(tmp_path), hostile):
        shown = dialog(qtbot, tmp_path, pack)
        for kind in (QLabel, QPushButton, QListWidget):
            for widget in shown.findChildren(kind):
                assert widget.accessibleName(), widget
                assert widget.accessibleDescription(), widget


def test_pack_files_are_known_by_their_suffix(tmp_path: Path) -> None:
    assert is_pack_file(tmp_path / "calm.attunepack")
    assert is_pack_file("CALM.ATTUNEPACK")
    assert not is_pack_file(tmp_path / "plan.yaml")
