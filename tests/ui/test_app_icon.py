"""Attune's own icon: a PNG drawn at every hicolor size, kept in step with its SVG, and
used by the window, the windows it opens and the tray."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from desktop_app import app as composition
from desktop_app.audio import output
from desktop_app.core.plan_loader import read_plan
from desktop_app.ui.app_icon import (
    DESKTOP_FILE_NAME,
    SIZES,
    app_icon,
    apply_app_identity,
    icon_dir,
    png_path,
)
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.reminders import ReminderService
from tests.ui.test_main_window import make_window
from tests.ui.test_reminders import PLAN, World

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import icons as script  # noqa: E402

SVGS = sorted(icon_dir().glob("*.svg"))


@pytest.fixture(autouse=True)
def _restore_identity(qapp: QApplication) -> Iterator[None]:
    """The tests share one QApplication: leave its icon and names as they were."""
    icon, desktop, name = qapp.windowIcon(), qapp.desktopFileName(), qapp.applicationName()
    yield
    qapp.setWindowIcon(icon)
    qapp.setDesktopFileName(desktop)
    qapp.setApplicationName(name)


def test_the_icon_has_its_own_pixmap_at_every_hicolor_size(qapp: QApplication) -> None:
    icon = app_icon()
    assert not icon.isNull()
    assert sorted(icon.availableSizes(), key=QSize.width) == [QSize(s, s) for s in SIZES]
    for size in SIZES:
        assert icon.actualSize(QSize(size, size)) == QSize(size, size)
        pixmap = icon.pixmap(size, size)
        assert (pixmap.width(), pixmap.height()) == (size, size)


@pytest.mark.parametrize("size", SIZES)
def test_every_png_is_there_at_exactly_its_size(size: int) -> None:
    image = QImage(str(png_path(size)))
    assert not image.isNull(), f"{png_path(size)} is missing or unreadable"
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()  # round corners on any panel
    corner, centre = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
    assert corner.alpha() == 0 and centre.alpha() == 255


def test_the_svgs_are_valid_and_square(qapp: QApplication) -> None:
    assert [p.name for p in SVGS] == ["attune-small.svg", "attune.svg"]
    for svg in SVGS:
        renderer = QSvgRenderer(str(svg))
        assert renderer.isValid(), svg.name
        box = renderer.viewBoxF()
        assert box.width() == box.height() > 0, svg.name
        assert "<text" not in svg.read_text(encoding="utf-8"), svg.name  # no words in an icon


@pytest.mark.parametrize("size", [16, 24, 64, 256])
def test_the_pngs_are_rendered_from_the_svg_as_it_is_now(qapp: QApplication, size: int) -> None:
    fresh = script.render(script.source_for(size), size)
    committed = QImage(str(png_path(size)))
    difference = script.largest_difference(fresh, committed)
    assert difference <= script.TOLERANCE, (
        f"attune-{size}.png differs from its SVG by {difference}: run scripts/icons.py"
    )


def test_the_check_notices_a_changed_drawing(qapp: QApplication) -> None:
    fresh = script.render(script.source_for(64), 64)
    changed = QImage(fresh)
    changed.fill(0xFF000000)
    assert script.largest_difference(fresh, changed) > script.TOLERANCE
    assert script.largest_difference(fresh, script.render(script.source_for(32), 32)) == 255


def test_apply_app_identity_sets_the_icon_and_the_desktop_entry(qapp: QApplication) -> None:
    qapp.setWindowIcon(QIcon())
    apply_app_identity(qapp)
    assert not qapp.windowIcon().isNull()
    assert qapp.windowIcon().actualSize(QSize(48, 48)) == QSize(48, 48)
    assert qapp.desktopFileName() == DESKTOP_FILE_NAME == "app.attune.Attune"


def test_run_app_gives_its_window_the_icon(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Silent:
        device_rate = staticmethod(lambda: 16_000)

    qapp.setWindowIcon(QIcon())
    monkeypatch.setattr(output, "SoundOutput", Silent)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)  # return at once
    before = set(qapp.topLevelWidgets())
    assert composition.run_app() == 0
    windows = [w for w in qapp.topLevelWidgets() if w not in before and isinstance(w, MainWindow)]
    assert len(windows) == 1
    window = windows[0]
    qtbot.addWidget(window)
    assert qapp.desktopFileName() == DESKTOP_FILE_NAME
    assert not window.windowIcon().isNull()
    assert window.windowIcon().cacheKey() == qapp.windowIcon().cacheKey()


def test_the_editor_window_inherits_the_icon(qapp: QApplication, qtbot: QtBot) -> None:
    apply_app_identity(qapp)
    window = make_window(qtbot)
    editor = window.authoring.open_editor()
    assert editor.isWindow()
    assert not editor.windowIcon().isNull()
    assert editor.windowIcon().cacheKey() == qapp.windowIcon().cacheKey()
    assert window.windowIcon().cacheKey() == qapp.windowIcon().cacheKey()


def tray_of(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[ReminderService, QSystemTrayIcon]:
    """The tray icon the reminder service makes for its first reminder (and the service,
    which owns it: keep it while the tray is used)."""
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda self: None)  # no tray offscreen
    monkeypatch.setattr(QSystemTrayIcon, "showMessage", lambda self, *args: None)
    world = World(read_plan(PLAN, "weeks.yaml"))
    reminders = ReminderService(lambda: world.now, world.items, tmp_path / "r.json", str)
    world.at(8, 0)
    reminders.check()
    tray = reminders.findChild(QSystemTrayIcon)
    assert tray is not None
    return reminders, tray


def test_the_tray_shows_the_app_icon(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    apply_app_identity(qapp)
    reminders, tray = tray_of(tmp_path, monkeypatch)
    assert not tray.icon().isNull()
    assert tray.icon().cacheKey() == qapp.windowIcon().cacheKey()
    reminders.stop()


def test_without_an_app_icon_the_tray_still_shows_attunes(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qapp.setWindowIcon(QIcon())
    reminders, tray = tray_of(tmp_path, monkeypatch)
    assert not tray.icon().isNull()
    assert sorted(tray.icon().availableSizes(), key=QSize.width) == [QSize(s, s) for s in SIZES]
    reminders.stop()
