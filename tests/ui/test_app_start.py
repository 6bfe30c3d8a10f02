"""The window's start through the composition root (app.run_app), in this process: what
it sets going around the first page, with the sound device the only stand-in."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app import app as composition
from desktop_app.audio import output
from desktop_app.ui.main_window import MainWindow


class Silent:
    device_rate = staticmethod(lambda: 16_000)


def test_the_collector_rests_until_the_first_page_is_shown(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, bool] = {}
    before = set(qapp.topLevelWidgets())

    def run_the_start(app: QApplication) -> int:
        (window,) = [
            w for w in app.topLevelWidgets() if w not in before and isinstance(w, MainWindow)
        ]
        qtbot.addWidget(window)
        seen["before the first page"] = gc.isenabled()
        window.build_pages()  # what the first paint sets going
        seen["once it is shown"] = gc.isenabled()
        assert window.screens.currentWidget() is window.pages["library"]
        return 0

    monkeypatch.setattr(output, "SoundOutput", Silent)
    monkeypatch.setattr(QApplication, "exec", run_the_start)
    assert gc.isenabled()
    assert composition.run_app() == 0
    assert seen == {"before the first page": False, "once it is shown": True}
    assert gc.isenabled()


def test_the_collector_works_again_when_the_window_closes_before_its_first_page(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = set(qapp.topLevelWidgets())

    def close_at_once(app: QApplication) -> int:
        for window in app.topLevelWidgets():
            if window not in before and isinstance(window, MainWindow):
                qtbot.addWidget(window)
        assert not gc.isenabled()
        return 0

    monkeypatch.setattr(output, "SoundOutput", Silent)
    monkeypatch.setattr(QApplication, "exec", close_at_once)
    assert composition.run_app() == 0
    assert gc.isenabled()


#: A real start in a new Python until the page landed on is shown (with "journal" as its
#: argument: until one idle turn after the journal opened); then the modules it holds.
#: The window is made as app.run_app makes it, offscreen.
LANDED_MODULES = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_app.app import open_library, settle
from desktop_app.storage.paths import default_paths
from desktop_app.storage.settings import SettingsStore
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.services import Services

class Silent:
    def device_rate(self): return 16_000

app = QApplication(sys.argv[:1])
paths = default_paths()
services = Services(paths=paths, settings_store=SettingsStore(paths.settings), scan=open_library,
                    sink=Silent(), clock=None, device_rate=lambda: 16_000, settle=settle)
window = MainWindow(services)
def report():
    print(*sorted(sys.modules))
    app.exit(0)
def landed():
    assert window.screens.currentWidget() is window.library_view is not None
    if sys.argv[1:] != ["journal"]:
        report()
def journal_opened():
    if window.state.journal is not None:
        QTimer.singleShot(0, report)
window.first_page_shown.connect(landed)
window.state.journal_changed.connect(journal_opened)
window.show()
app.exec()
"""


def landed_modules(home: Path, *, until: str = "landed") -> set[str]:
    environ = {**os.environ, "ATTUNE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", LANDED_MODULES, until],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return set(done.stdout.split())


def test_a_warm_start_lands_on_the_library_without_the_practice_readers(
    _private_home: Path,
) -> None:
    """Once the load cache holds the practices' summaries (the first start writes it),
    the Library's rows and its details pane are made from them, and settling what a
    crash left reads no file either: the YAML reader, the plan and practice readers and
    the timeline load when a practice is opened, not to land."""
    landed_modules(_private_home)  # the first start reads every file and fills the cache
    modules = landed_modules(_private_home)
    assert "desktop_app.ui.library_view" in modules  # it got as far as the Library
    loaded_too_soon = {
        "yaml",
        "desktop_app.core.model",
        "desktop_app.core.plan_loader",
        "desktop_app.core.practice_loader",
        "desktop_app.core.timeline",
    }
    assert modules & loaded_too_soon == set()
    # The journal opens once the page has painted; settling a crash's leftovers (a
    # restore to finish, temporary copies) needs neither the journal nor its SQLite.
    assert modules & {"desktop_app.storage.journal", "sqlcipher3", "sqlite3"} == set()
    # One idle turn after the journal opened (its drafts kept, its answers' types read),
    # the practice model is still not loaded: a practice being opened loads it.
    idle = landed_modules(_private_home, until="journal")
    assert "desktop_app.storage.journal" in idle
    assert "desktop_app.core.model" not in idle
