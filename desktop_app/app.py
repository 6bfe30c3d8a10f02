"""Composition root: builds the real services, for the window and the command line."""

from __future__ import annotations

import functools
import gc
import logging
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import desktop_app
from desktop_app.storage.paths import AppPaths, default_paths, ensure_private_dir

if TYPE_CHECKING:  # what the window does not need to show itself loads when first used
    from desktop_app.audio.sample_cache import SampleCache
    from desktop_app.audio.speech import SpeechService
    from desktop_app.core.library import Library
    from desktop_app.core.model import Practice

logger = logging.getLogger(__name__)


def shown(path: Path) -> str:
    """A path as people like to read it: a file of an installed pack as
    `pack ID/plans/x.yaml` and a built-in one as `built-in/x.yaml` (Attune's own folders
    are nobody's to find or edit), else relative to here when it is below here."""
    from desktop_app.storage.paths import builtin_dir

    resolved = path.resolve()
    for root, name in (
        (default_paths().packs, "pack "),
        (builtin_dir("practices"), "built-in/"),
        (Path.cwd(), ""),
    ):
        try:
            inside = resolved.relative_to(root.resolve())
        except ValueError:
            continue
        return f"{name}{inside.as_posix()}" if name else str(inside)
    return str(path)


def measure_clip(path: Path) -> float:
    """A clip's length in seconds (only files not yet in the load cache get here)."""
    from desktop_app.audio.clips import clip_seconds

    return clip_seconds(path)


def open_library() -> Library:
    """The whole library, through the on-disk cache so unchanged files are not re-read."""
    from desktop_app.core.library import scan
    from desktop_app.storage.library_sources import library_sources
    from desktop_app.storage.load_cache import LoadCache

    paths = default_paths()
    cache = LoadCache(paths.load_cache)
    library = scan(library_sources(paths), cache=cache, measure_clip=measure_clip, display=shown)
    cache.save()
    _log_library(library)
    return library


def _log_library(library: Library) -> None:
    """Counts, and the files with problems by name only (their messages may quote them)."""
    logger.info(
        "Library read: %d practices, %d plans, %d files with problems, %d warnings",
        len(library.practices),
        len(library.plans),
        len(library.failures),
        len(library.warnings),
    )
    for failure in library.failures:
        files = sorted({problem.file for problem in failure.problems})
        logger.warning(
            "Library file not loaded: %s (%d problems)", ", ".join(files), len(failure.problems)
        )


def sample_cache() -> SampleCache:
    from desktop_app.audio.sample_cache import SampleCache

    return SampleCache(default_paths().sound_cache)


def speech_service(
    *, user_rate: float = 1.0, voice_overrides: dict[str, str] | None = None
) -> SpeechService:
    """Speech with the cache in the user's cache folder."""
    from desktop_app.audio.speech import SpeechService

    paths = default_paths()
    return SpeechService(paths.speech_cache, user_rate=user_rate, voice_overrides=voice_overrides)


def known_voices() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The voices seen the last time speech ran (the list is cached beside the speech)."""
    from desktop_app.audio.speech_cache import SpeechCache

    voices = SpeechCache(default_paths().speech_cache).load_voices()
    if voices is None:
        return ()
    return tuple((v.id, v.name, tuple(v.languages)) for v in voices.voices)


def settle() -> None:
    """Finish or undo what a crash left half done (storage/recovery.py). The window runs
    it just after its first paint, before it reads the library, plans or journal."""
    from desktop_app.storage.recovery import recover

    recover(default_paths())


@functools.cache
def system_reduces_motion() -> bool:
    """What the system says about motion: asked once, when a practice first opens (the
    question may start a program, which the first paint need not wait for)."""
    from desktop_app.ui.system_prefs import system_reduces_motion as asked

    return asked()


def no_screen(environ: Mapping[str, str] | None = None) -> bool:
    """On Linux, whether there is no screen to open a window on: neither DISPLAY nor
    WAYLAND_DISPLAY is set, and no Qt platform was chosen (QT_QPA_PLATFORM)."""
    env = os.environ if environ is None else environ
    return sys.platform.startswith("linux") and not any(
        env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    )


NO_SCREEN = (
    "attune: there is no screen to open Attune's window on (DISPLAY and WAYLAND_DISPLAY "
    'are not set). Run "attune doctor" to see what works on this computer.'
)


def make_folders(paths: AppPaths) -> str | None:
    """Make Attune's own folders (private), so people find where their own practices
    go. None when done; else what stands in the way, as `cannot write in FOLDER
    (REASON)`: a read-only disk or a folder of another user's. Never raises."""
    for folder in (paths.data, paths.practices, paths.config):
        try:
            ensure_private_dir(folder)
        except OSError as error:
            where = error.filename or folder
            reason = error.strerror or str(error)
            return f"cannot write in {where} ({reason[:1].lower()}{reason[1:]})"
    return None


def unwritable_notice(problem: str) -> str:
    """The window's words for `make_folders`'s problem."""
    return (
        f"Attune {problem}, so what you do now may not be kept (practices play as "
        "always). Nothing that was there has been changed."
    )


def run_app(practice: Practice | None = None, length: float | None = None) -> int:
    """Open the window; with `practice`, straight on its Before-you-begin screen."""
    if no_screen():  # said plainly, before Qt aborts with a message about xcb libraries
        print(NO_SCREEN, file=sys.stderr)
        return 1
    # The start makes long-lived objects (modules, Qt's enums, the library) and next to
    # no garbage, so the cyclic collector rests until the first page is shown, as it does
    # around other bulk work (core/gc_pause.py): about 6 ms sooner to the first paint.
    gc.disable()
    try:
        return _run_window(practice, length)
    finally:
        gc.enable()


def _run_window(practice: Practice | None, length: float | None) -> int:
    from desktop_app.storage import uncaught
    from desktop_app.storage.logs import start_logging, this_computer

    paths = default_paths()
    log_file = start_logging(paths)  # before Qt: a failing import is logged too
    uncaught.install()
    # Qt is imported here, not at the top, so the command line starts without it.
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion
    from PySide6.QtWidgets import QApplication

    from desktop_app.audio.output import SoundOutput
    from desktop_app.core.clock import MonotonicClock
    from desktop_app.storage.settings import SettingsStore
    from desktop_app.ui.app_icon import apply_app_identity
    from desktop_app.ui.error_dialog import ErrorReporter
    from desktop_app.ui.first_paint import quit_after_first_paint
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.services import Services

    logger.info(
        "Attune %s starts its window: %s, Qt %s (PySide6 %s)",
        desktop_app.__version__,
        this_computer(),
        qVersion(),
        pyside_version,
    )
    unwritable = make_folders(paths)  # said, and the window still opens: nothing is lost
    if unwritable:
        print(f"attune: {unwritable}", file=sys.stderr)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Attune")
    apply_app_identity(app)
    output = SoundOutput()
    services = Services(
        paths=paths,
        settings_store=SettingsStore(paths.settings),
        scan=open_library,
        sink=output,
        clock=MonotonicClock(),
        device_rate=output.device_rate,
        system_reduces_motion=system_reduces_motion,
        load_voices=known_voices,
        settle=settle,
    )
    window = MainWindow(services)
    window.first_page_shown.connect(gc.enable)
    uncaught.install(ErrorReporter(log_file, window).tell)  # a calm message, not a silent fault
    if unwritable:
        window.notice.show_notice(
            " ".join(filter(None, (window.notice.text(), unwritable_notice(unwritable))))
        )
    window.preferences.apply_look()
    quit_after_first_paint(window)  # only with ATTUNE_QUIT_AFTER_FIRST_PAINT=1 (measuring)
    window.show()
    if practice is not None:
        window.build_pages()
        window.open_practice(practice, length)
    status = int(app.exec())
    logger.info("Attune's window closed (exit status %d)", status)
    return status
