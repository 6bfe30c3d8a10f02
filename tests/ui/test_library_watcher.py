"""The library watcher: real files in a temporary folder, the real scan on a worker
thread, and the library view following along. Waits are for signals, never sleeps."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from desktop_app.core.library import Library, Source, scan
from desktop_app.ui.library_view import LibraryView
from desktop_app.ui.library_watcher import LibraryWatcher
from tests.helpers import write

WAIT_MS = 5000


def practice(practice_id: str, title: str) -> str:
    return (
        f"attune: practice/1\nid: {practice_id}\ntitle: {title}\nkind: grounding\n"
        "language: en\nsummary: Feet on the floor.\nsteps:\n  - say: Hello.\n"
    )


def scanner(folder: Path) -> Callable[[], Library]:
    return lambda: scan([Source("user", folder, "your practices")])


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "practices"
    path.mkdir()
    write(path, "first.yaml", practice("first", "First"))
    return path


@pytest.fixture
def watcher(folder: Path) -> Iterator[LibraryWatcher]:
    made = LibraryWatcher([folder], scanner(folder))
    yield made
    made.stop()


def titles(library: Library) -> dict[str, str]:
    return {key: entry.item.title.get() for key, entry in library.practices.items()}


def test_a_new_practice_file_shows_up(qtbot: QtBot, folder: Path, watcher: LibraryWatcher) -> None:
    with qtbot.waitSignal(
        watcher.library_changed,
        timeout=WAIT_MS,
        check_params_cb=lambda lib: "second" in lib.practices,
    ) as blocker:
        write(folder, "second.yaml", practice("second", "Second"))
    assert titles(blocker.args[0]) == {"first": "First", "second": "Second"}


def test_a_changed_title_is_updated_even_when_saved_by_renaming(
    qtbot: QtBot, folder: Path, watcher: LibraryWatcher
) -> None:
    def titled(title: str) -> Callable[[Library], bool]:
        return lambda lib: titles(lib).get("first") == title

    with qtbot.waitSignal(
        watcher.library_changed, timeout=WAIT_MS, check_params_cb=titled("Again")
    ):
        write(folder, "first.yaml", practice("first", "Again"))
    # As many editors save: a new file, renamed over the old one. Twice, so the second
    # save is only seen if the watch moved on to the new file.
    for title in ("Renamed once", "Renamed twice"):
        with qtbot.waitSignal(
            watcher.library_changed, timeout=WAIT_MS, check_params_cb=titled(title)
        ):
            write(folder, ".first.yaml.tmp", practice("first", title))
            (folder / ".first.yaml.tmp").replace(folder / "first.yaml")
    assert str(folder / "first.yaml") in watcher.watched()


def test_a_removed_file_is_removed(qtbot: QtBot, folder: Path, watcher: LibraryWatcher) -> None:
    with qtbot.waitSignal(
        watcher.library_changed, timeout=WAIT_MS, check_params_cb=lambda lib: not lib.practices
    ):
        (folder / "first.yaml").unlink()
    assert str(folder / "first.yaml") not in watcher.watched()


def test_practices_in_a_new_subfolder_show_up(
    qtbot: QtBot, folder: Path, watcher: LibraryWatcher
) -> None:
    with qtbot.waitSignal(
        watcher.library_changed,
        timeout=WAIT_MS,
        check_params_cb=lambda lib: "deep" in lib.practices,
    ):
        write(folder / "more" / "deeper", "deep.yaml", practice("deep", "Deep"))
    assert str(folder / "more" / "deeper") in watcher.watched()


def test_a_broken_file_shows_in_the_view_as_a_failure(
    qtbot: QtBot, folder: Path, watcher: LibraryWatcher
) -> None:
    view = LibraryView(scanner(folder)())
    qtbot.addWidget(view)
    view.show()
    watcher.library_changed.connect(view.set_library)
    with qtbot.waitSignal(
        watcher.library_changed, timeout=WAIT_MS, check_params_cb=lambda lib: bool(lib.failures)
    ):
        write(folder, "broken.yaml", "attune: practice/1\nid: broken\n")
    assert view.problems_label.text() == "1 file could not be loaded ·"
    assert view.problems_button.isVisible()

    with qtbot.waitSignal(
        watcher.library_changed,
        timeout=WAIT_MS,
        check_params_cb=lambda lib: "third" in lib.practices,
    ):
        write(folder, "third.yaml", practice("third", "Third"))
    qtbot.waitUntil(lambda: view.visible_ids() == ["first", "third"], timeout=WAIT_MS)


def test_a_missing_folder_is_scanned_once_it_appears(qtbot: QtBot, tmp_path: Path) -> None:
    missing = tmp_path / "later" / "practices"
    watcher = LibraryWatcher([missing], scanner(missing))
    try:
        assert not (tmp_path / "later").exists()  # the watcher creates nothing
        assert watcher.watched() == [str(tmp_path)]
        (tmp_path / "later").mkdir()
        qtbot.waitUntil(lambda: str(tmp_path / "later") in watcher.watched(), timeout=WAIT_MS)
        with qtbot.waitSignal(
            watcher.library_changed,
            timeout=WAIT_MS,
            check_params_cb=lambda lib: "first" in lib.practices,
        ):
            write(missing, "first.yaml", practice("first", "First"))
        assert str(missing) in watcher.watched()
    finally:
        watcher.stop()


def test_unrelated_files_cause_no_scan(folder: Path, watcher: LibraryWatcher) -> None:
    (folder / ".first.yaml.swp").write_text("editor state")
    (folder / "notes.txt").write_text("not a practice")
    watcher._directory_changed(str(folder))  # what the folder's own event leads to
    assert not watcher._timer.isActive()
    write(folder, "second.yaml", practice("second", "Second"))
    watcher._directory_changed(str(folder))
    assert watcher._timer.isActive()


def test_scans_never_overlap_and_a_change_during_one_scans_once_more(
    qtbot: QtBot, folder: Path
) -> None:
    release = threading.Event()
    started = threading.Semaphore(0)
    lock = threading.Lock()
    running = 0
    most = 0
    calls = 0
    real = scanner(folder)

    def slow_scan() -> Library:
        nonlocal running, most, calls
        with lock:
            running += 1
            calls += 1
            most = max(most, running)
        started.release()
        release.wait(WAIT_MS / 1000)
        try:
            return real()
        finally:
            with lock:
                running -= 1

    watcher = LibraryWatcher([folder], slow_scan, debounce_ms=10)
    seen: list[Library] = []
    watcher.library_changed.connect(seen.append)
    try:
        watcher.rescan()
        qtbot.waitUntil(lambda: watcher.scanning, timeout=WAIT_MS)
        assert started.acquire(timeout=WAIT_MS / 1000)
        watcher.rescan()  # a change while the first scan runs
        watcher.rescan()  # and another: still only one more scan
        qtbot.waitUntil(lambda: not watcher._timer.isActive(), timeout=WAIT_MS)
        release.set()
        qtbot.waitUntil(lambda: len(seen) == 2 and not watcher.scanning, timeout=WAIT_MS)
    finally:
        release.set()
        watcher.stop()
    assert calls == 2
    assert most == 1


def test_a_scan_that_raises_is_reported(qtbot: QtBot, folder: Path) -> None:
    def failing() -> Library:
        raise OSError("disk gone")

    watcher = LibraryWatcher([folder], failing, debounce_ms=10)
    try:
        with qtbot.waitSignal(watcher.scan_failed, timeout=WAIT_MS) as blocker:
            watcher.rescan()
        assert blocker.args == ["disk gone"]
    finally:
        watcher.stop()


def test_nothing_is_emitted_after_stop(qtbot: QtBot, folder: Path) -> None:
    gate = threading.Event()
    started = threading.Event()
    real = scanner(folder)

    def gated() -> Library:
        started.set()
        gate.wait(WAIT_MS / 1000)
        return real()

    watcher = LibraryWatcher([folder], gated, debounce_ms=10)
    seen: list[Library] = []
    watcher.library_changed.connect(seen.append)
    watcher.rescan()
    qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
    gate.set()
    watcher.stop()  # waits for the scan; its result is dropped
    assert watcher.watched() == []
    qtbot.wait(0)  # let a queued delivery, if any, arrive
    assert seen == []
