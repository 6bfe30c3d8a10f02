"""`attune doctor [--voices]`: what this Attune can and cannot do on this computer, and why.

Written for two readers at once: the person who practises, and whoever helps them.
One item a line, in plain words; what is missing says what that means and how to fix it.

What practising needs (the exit status is 1 when one of these fails): Attune's
folders, the journal (or none yet), the library, and a window. Speech and sound are
reported but not needed: without them a practice shows its words and breathing circle.

Nothing here writes: the journal is opened only when there is one (as the app opens
it at start), the library is read without saving its cache, a folder that is not
there yet is not made, and the doctor keeps no log (it names the log file, for
whoever helps). The window is tried for real, in a child process (a Qt
platform that cannot start aborts its process); speech is asked of the real speech
worker.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import platform
import shlex
import stat
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Final

import desktop_app
from desktop_app.app import measure_clip, no_screen, shown
from desktop_app.cli.common import INVALID, OK, visible
from desktop_app.core.files import read_regular
from desktop_app.storage import autostart
from desktop_app.storage.installation import detect
from desktop_app.storage.paths import HOME_VARIABLE, AppPaths, builtin_dir, default_paths

if TYPE_CHECKING:
    from desktop_app.audio.speech import VoiceInfo

#: Width of the label column.
WIDTH: Final = 14
#: How long the window check and the speech engine get before they count as failed.
WINDOW_TIMEOUT: Final = 15.0
SPEECH_TIMEOUT: Final = 10.0

#: What Qt's xcb platform loads that a bare Debian or Ubuntu lacks (as scripts/_setup.sh).
XCB_PACKAGES: Final = (
    "libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 "
    "libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libx11-xcb1 "
    "libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0"
)

_ENGINES: Final = {
    "pyttsx3-espeak": "espeak-ng",
    "pyttsx3-sapi5": "Windows voices (SAPI5)",
    "pyttsx3-nsss": "macOS voices",
    "pyttsx3-avspeech": "macOS voices",
}


@dataclass
class Item:
    """One line of the report, with what it means and how to fix it when it fails."""

    label: str
    text: str
    works: bool = True
    #: (label, text) lines under this one, indented.
    rows: list[tuple[str, str]] = field(default_factory=list)
    means: str = ""
    fix: str = ""
    #: For the summary, when it fails: "the window cannot open".
    trouble: str = ""

    def lines(self) -> Iterator[str]:
        yield _row(self.label, self.text)
        for label, text in self.rows:
            yield _row(f"  {label}", text)
        if self.means:
            yield _row("", f"what that means: {self.means}")
        if self.fix:
            yield _row("", f"to fix: {self.fix}")


def run(args: argparse.Namespace) -> int:
    if args.voices:
        return _list_voices()
    paths = default_paths()
    window = WindowCheck()  # a child process: runs while the rest is looked at
    try:
        about = _about()
        folders = _folders(paths)
        log = _log(paths)
        journal = _journal(paths)
        library, languages = _library(paths)
        speech = _speech(paths, languages)
        sound = _sound()
        login = _start_at_login()
    finally:
        shown_window = window.result()
    for line in about:
        print(visible(line))
    print()
    for item in (*folders, log, journal, library, shown_window, speech, sound, *login):
        for line in item.lines():
            print(visible(line))
    print()
    needed = [*folders, journal, library, shown_window]
    print(_summary(needed, [speech, sound, *login]))
    return OK if all(item.works for item in needed) else INVALID


# --- start at login --------------------------------------------------------------------


def _start_at_login(entry: Path | None = None) -> list[Item]:
    """On Linux: whether Attune starts at login, and the command its entry runs. An entry
    that runs another command than this Attune's (a moved folder; a venv since removed;
    a built app's entry written before 0.1.0, which ran `attune -m desktop_app.cli`) is
    a problem the person can mend by turning the setting off and on."""
    if not sys.platform.startswith("linux"):
        return []
    target = entry or autostart.autostart_file()
    wanted = autostart.command()
    starts = shlex.join(detect().launch)
    if not autostart.enabled(target):
        return [Item("At login", f"off; when on, it starts: {starts}")]
    try:
        text = read_regular(target).decode("utf-8", errors="replace")
    except OSError as error:
        text = ""
        reason = error.strerror or str(error)
    else:
        reason = ""
    written = [line.removeprefix("Exec=") for line in text.splitlines() if line.startswith("Exec=")]
    if written == [wanted]:
        return [Item("At login", f"on: {starts}")]
    found = reason or (f"its entry starts {written[0]}" if written else "its entry starts nothing")
    return [
        Item(
            "At login",
            f"on, but {found}, which is not this Attune",
            works=False,
            means="Attune may not start when you log in, so plan reminders may not come",
            fix="in Attune's Settings, turn 'Start Attune when I log in' off and on again",
            trouble="start at login needs mending",
        )
    ]


# --- about this Attune ----------------------------------------------------------------


def _about() -> list[str]:
    here = detect()
    python = platform.python_version()
    python += " (inside Attune)" if here.kind != "source" else f" ({sys.executable})"
    return [
        "Attune doctor: what Attune can do on this computer, and why",
        "",
        _row("Version", desktop_app.__version__),
        _row("Python", python),
        _row("Runs from", here.describe()),
        _row("System", _system()),
    ]


def _system() -> str:
    machine = platform.machine()
    if sys.platform.startswith("linux"):
        try:
            name = platform.freedesktop_os_release().get("PRETTY_NAME", "")
        except OSError:
            name = ""
        return ", ".join(part for part in (name, f"Linux {platform.release()}", machine) if part)
    if sys.platform == "darwin":
        return f"macOS {platform.mac_ver()[0]}, {machine}"
    if sys.platform == "win32":
        return f"Windows {platform.release()} ({platform.version()}), {machine}"
    return platform.platform()


# --- folders -------------------------------------------------------------------------


def _folders(paths: AppPaths) -> list[Item]:
    home = os.environ.get(HOME_VARIABLE)
    where = f", all in {home} (from {HOME_VARIABLE})" if home else ""
    items = [Item("Folders", f"where your practices, journal and settings are kept{where}")]
    for name, folder in (("data", paths.data), ("config", paths.config), ("cache", paths.cache)):
        works, text = _folder(folder)
        items.append(
            Item(
                f"  {name}",
                f"{folder}: {text}",
                works,
                fix=""
                if works
                else "make this folder yours and writable, "
                f"or set {HOME_VARIABLE} to a folder that is",
                trouble=f"the {name} folder cannot be used",
            )
        )
    return items


def _folder(folder: Path) -> tuple[bool, str]:
    """Whether Attune can use `folder`, and what it is like, in words."""
    if folder.is_dir():
        parts = ["there"]
        if os.name == "posix":
            mode = stat.S_IMODE(folder.stat().st_mode)
            parts.append(
                f"private ({mode:04o})"
                if not mode & 0o077
                else f"not private ({mode:04o}: others can look inside)"
            )
        writable = os.access(folder, os.W_OK | os.X_OK)
        parts.append("writable" if writable else "NOT writable")
        return writable, ", ".join(parts)
    if folder.exists():
        return False, "this is a file, not a folder"
    parent = folder.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if parent.is_dir() and os.access(parent, os.W_OK | os.X_OK):
        return True, "not made yet (Attune makes it when it needs it)"
    return False, f"not made yet, and it cannot be: {parent} is not writable"


def _log(paths: AppPaths) -> Item:
    """Where Attune writes what it did and the details of errors (storage/logs.py)."""
    from desktop_app.storage.logs import LOG_NAME

    file = paths.logs / LOG_NAME
    return Item("Log", f"{file}" if file.is_file() else f"{file} (not made yet)")


# --- the journal ---------------------------------------------------------------------


def _journal(paths: AppPaths) -> Item:
    from desktop_app.cli.passphrase import NotUnlocked, journal_key
    from desktop_app.storage.journal import Journal, JournalError
    from desktop_app.storage.journal_backups import backups

    path = paths.journal
    if not any(Path(f"{path}{suffix}").exists() for suffix in ("", "-wal")):
        return Item("Journal", "no journal yet: it is made when you finish your first practice")
    try:
        # The same check as every start of the app; a locked journal asks for its
        # passphrase as every command that reads it does.
        journal = Journal.open(path, journal_key(paths))
        try:
            if not journal.pages_checked:  # a locked journal's open leaves it for later
                journal.check_pages()
            count = journal.count()
            locked = "locked, " if not journal.pages_checked else ""
        finally:
            journal.close()
    except NotUnlocked as error:
        return Item(
            "Journal",
            f"locked, and not unlocked: {error}",
            works=False,
            means="practices still play; the journal opens with its passphrase",
            fix="give the journal's passphrase (or put its key file back)",
            trouble="the journal is locked and was not unlocked",
        )
    except JournalError as error:
        fixes = {
            "corrupt": "open Attune: it offers to put back the last daily copy "
            "(the damaged file is kept aside)",
            "newer": "use the newer Attune that last wrote it",
            "locked": "close the other program that has it open, then try again",
            "readonly": f"make {path} and its folder writable for you again",
            "full": "free some space on the disk",
        }
        detail = f" ({error.detail})" if error.detail else ""
        return Item(
            "Journal",
            f"cannot be opened: {error.message}{detail}",
            works=False,
            means="practices still play, but what you answer cannot be kept",
            fix=fixes.get(error.kind, f"see {path}"),
            trouble="the journal cannot be opened",
        )
    copies = len(backups(paths.journal_backups))
    entries = f"{count} {'entry' if count == 1 else 'entries'}"
    daily = f"{copies} daily {'copy' if copies == 1 else 'copies'}"
    return Item("Journal", f"works: {locked}checked and undamaged, {entries}, {daily}; {path}")


# --- the library ---------------------------------------------------------------------


def _library(paths: AppPaths) -> tuple[Item, tuple[str, ...]]:
    """The library as the app reads it (without saving its cache), and the languages
    its practices are written in."""
    from desktop_app.core.library import scan
    from desktop_app.storage.library_sources import library_sources
    from desktop_app.storage.load_cache import LoadCache

    builtin = builtin_dir("practices")
    try:
        library = scan(
            library_sources(paths),
            cache=LoadCache(paths.load_cache),
            measure_clip=measure_clip,
            display=shown,
        )
    except Exception as error:  # whatever it is, the support helper needs to see it
        return Item(
            "Practices",
            f"cannot be read ({type(error).__name__}: {error})",
            works=False,
            fix="run attune list to see more",
            trouble="the practices cannot be read",
        ), ()
    counts = {"built-in": 0, "user": 0, "pack": 0}
    languages: set[str] = set()
    for entry in library.practices.values():
        counts[entry.source.kind] += 1
        summary = entry.summary
        languages.update((summary.language, *summary.title.languages))
    total = sum(counts.values())
    text = (
        f"{total} {'practice' if total == 1 else 'practices'}: {counts['built-in']} built-in, "
        f"{counts['user']} of yours, {counts['pack']} from packs"
    )
    problems = len(library.failures)
    notes = [f"{problems} {'file' if problems == 1 else 'files'} with problems"] * bool(problems)
    warnings = len(library.warnings)
    notes += [f"{warnings} {'warning' if warnings == 1 else 'warnings'}"] * bool(warnings)
    text += "; " + (", ".join(notes) + " (attune list shows them)" if notes else "no problems")
    if counts["built-in"] == 0:
        return Item(
            "Practices",
            text,
            works=False,
            means="the practices that come with Attune are missing",
            fix=f"install Attune again (they were looked for in {builtin})",
            trouble="the practices that come with Attune are missing",
        ), tuple(sorted(languages))
    return Item("Practices", text), tuple(sorted(languages))


# --- the window ----------------------------------------------------------------------


def open_window(log: str, answer: Connection) -> None:
    """In a child process: start Qt with the default platform and say what it found.

    Qt's own messages go to `log` (a platform that cannot start aborts this process,
    after saying why there)."""
    descriptor = os.open(log, os.O_WRONLY | os.O_APPEND)
    os.dup2(descriptor, 2)
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(["attune"])
    screen = app.primaryScreen()
    size = (screen.size().width(), screen.size().height()) if screen is not None else None
    answer.send((app.platformName(), size))
    answer.close()


class WindowCheck:
    """Tries to open Qt in a child process of the spawn context (so it works the same
    in a frozen build, where sys.executable is Attune), with a timeout."""

    def __init__(self, timeout: float = WINDOW_TIMEOUT) -> None:
        self.timeout = timeout
        self._started = time.monotonic()
        handle, self._log = tempfile.mkstemp(prefix="attune-doctor-", suffix=".log")
        os.close(handle)
        context = multiprocessing.get_context("spawn")
        self._answers, sending = context.Pipe(duplex=False)
        self._process = context.Process(
            target=open_window, args=(self._log, sending), name="attune-window", daemon=True
        )
        self._failed_to_start = ""
        try:
            self._process.start()
        except Exception as error:  # no processes here: say so
            self._failed_to_start = f"{type(error).__name__}: {error}"
        finally:
            sending.close()

    def result(self) -> Item:
        try:
            return self._result()
        finally:
            with contextlib.suppress(ValueError):  # never started
                self._process.close()
            self._answers.close()
            Path(self._log).unlink(missing_ok=True)

    def _result(self) -> Item:
        if self._failed_to_start:
            return _no_window(f"it could not be tried ({self._failed_to_start})", "")
        answer: tuple[str, tuple[int, int] | None] | None = None
        left = self.timeout - (time.monotonic() - self._started)
        if self._answers.poll(max(0.0, left)):
            with contextlib.suppress(EOFError, OSError):
                answer = self._answers.recv()
        self._process.join(max(0.0, self.timeout - (time.monotonic() - self._started)))
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
            return _no_window(f"trying took longer than {self.timeout:g} s", "")
        said = Path(self._log).read_text(encoding="utf-8", errors="replace")
        if self._process.exitcode == 0 and answer is not None:
            return _window_opens(*answer)
        return _why_no_window(said, os.environ)


def _window_opens(platform_name: str, size: tuple[int, int] | None) -> Item:
    screen = f", a screen of {size[0]}×{size[1]}" if size else ""
    if platform_name == "offscreen":
        return Item(
            "Window",
            f"opens, but off screen: QT_QPA_PLATFORM is {platform_name}, so nothing is shown",
        )
    return Item("Window", f"works ({platform_name}{screen})")


def _why_no_window(said: str, environ: Mapping[str, str]) -> Item:
    """Why Qt could not start, in words, from what it said and the environment."""
    lines = [line.strip() for line in said.splitlines() if line.strip()]
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if no_screen(environ):
        return _no_window(
            "there is no screen to show it on (DISPLAY and WAYLAND_DISPLAY are not set)",
            "start Attune from the desktop, not from a text console; "
            'over ssh, connect with "ssh -X"',
        )
    unreachable = next((line for line in lines if "could not connect to display" in line), "")
    if unreachable and not chosen:
        display = environ.get("DISPLAY", "")
        return _no_window(
            f"the screen DISPLAY={display} names could not be reached",
            "check that the desktop is running and DISPLAY is right; "
            'over ssh, connect with "ssh -X"',
        )
    qt_says = next(
        (_without_category(line) for line in lines if line.startswith("qt.qpa")),
        lines[-1] if lines else "",
    )
    because = f" ({qt_says})" if qt_says else ""
    if chosen:
        return _no_window(
            f'Qt\'s platform "{chosen}" (from QT_QPA_PLATFORM) could not start{because}',
            "unset QT_QPA_PLATFORM, or set it to a platform this computer has",
        )
    if '"xcb"' in said or "xcb" in qt_says:
        return _no_window(
            f"Qt's xcb platform could not start{because}",
            f"sudo apt install {XCB_PACKAGES}",
        )
    return _no_window(f"Qt could not start{because}", "")


def _without_category(line: str) -> str:
    """`qt.qpa.plugin: Could not load …` -> `Could not load …`."""
    category, _, rest = line.partition(": ")
    return rest if rest and " " not in category else line


def _no_window(reason: str, fix: str) -> Item:
    return Item(
        "Window",
        f"cannot open: {reason}",
        works=False,
        means="Attune's window cannot open here, so practices cannot be played",
        fix=fix,
        trouble="its window cannot open",
    )


# --- speech --------------------------------------------------------------------------


def _speech(paths: AppPaths, languages: Sequence[str]) -> Item:
    from desktop_app.audio.speech import SpeechFailed, SpeechUnavailable, choose_voice
    from desktop_app.core.text import primary_subtag

    try:
        engine, voices = _engine_and_voices()
    except (SpeechUnavailable, SpeechFailed) as error:
        reason = error.reason if isinstance(error, SpeechUnavailable) else str(error)
        return Item(
            "Speech",
            f"not available: {reason}",
            works=False,
            means="practices show their words on screen, without a voice",
            fix=_speech_fix(),
        )
    chosen = _voices_in_settings(paths)
    item = Item(
        "Speech",
        f"works: {_ENGINES.get(engine, engine)} ({engine}), {len(voices)} voices "
        "(attune doctor --voices lists them)",
    )
    names = {voice.id: voice.name for voice in voices}
    for language in languages or ("en", "nl"):
        override = chosen.get(primary_subtag(language))
        voice = choose_voice(voices, language, override)
        if voice is None:
            text = "no voice for this language: the engine's default voice reads it"
        else:
            text = f"speaks with {voice}: {names[voice]}"
            if override and voice == override:
                text += ", your choice in Settings"
            elif override:
                text += f", as your choice in Settings ({override}) is not here"
        item.rows.append((language, text))
    return item


def _engine_and_voices() -> tuple[str, tuple[VoiceInfo, ...]]:
    from desktop_app.audio.speech import SpeechWorker

    with SpeechWorker(SPEECH_TIMEOUT) as worker:
        return worker.engine, worker.voices()


def _voices_in_settings(paths: AppPaths) -> dict[str, str]:
    """The voice chosen per language in Settings, read without touching the file (the
    app's loader sets a broken file aside)."""
    from desktop_app.storage.settings import settings_from_object

    try:
        data = json.loads(read_regular(paths.settings).decode("utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return dict(settings_from_object(data)[0].voices)


def _speech_fix() -> str:
    if sys.platform.startswith("linux"):
        return "install espeak-ng: sudo apt install espeak-ng libespeak-ng1"
    if sys.platform == "win32":
        return "add a voice in Windows Settings → Time & language → Speech"
    return "add a voice in the system's settings for spoken content"


def _list_voices() -> int:
    from desktop_app.audio.speech import SpeechFailed, SpeechUnavailable

    try:
        engine, voices = _engine_and_voices()
    except (SpeechUnavailable, SpeechFailed) as error:
        reason = error.reason if isinstance(error, SpeechUnavailable) else str(error)
        print(visible(f"attune: speech is not available here: {reason}"), file=sys.stderr)
        return INVALID
    print(f"{len(voices)} voices of {_ENGINES.get(engine, engine)} ({engine}), for --voice:")
    print()
    rows = [("id", "languages", "name")]
    rows += [(v.id, ", ".join(v.languages), v.name) for v in sorted(voices, key=lambda v: v.id)]
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    for voice_id, languages, name in rows:
        print(visible(f"{voice_id:<{widths[0]}}  {languages:<{widths[1]}}  {name}".rstrip()))
    return OK


# --- sound ---------------------------------------------------------------------------


def _sound() -> Item:
    means = "practices play in silence; the words and the breathing circle still work"
    with _quiet_stderr():  # PortAudio's back ends talk on stderr while they look
        try:
            import sounddevice
        except OSError:
            return Item(
                "Sound",
                "not available: the sound library (PortAudio) is not installed",
                works=False,
                means=means,
                fix="sudo apt install libportaudio2"
                if sys.platform.startswith("linux")
                else "install Attune again",
            )
        try:
            device = sounddevice.query_devices(kind="output")
        except Exception as error:  # sounddevice.PortAudioError
            from desktop_app.audio.output import _reason

            return Item(
                "Sound",
                f"not available: {_reason(error)}",
                works=False,
                means=means,
                fix="connect speakers or headphones, and check the computer's sound settings",
            )
    rate = int(device["default_samplerate"])
    return Item("Sound", f"works: {device['name']}, {rate} Hz")


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Send what C libraries write to stderr to nowhere, for a moment."""
    try:
        sys.stderr.flush()
        saved = os.dup(2)
    except (OSError, ValueError):  # no real stderr: nothing to quiet
        yield
        return
    try:
        with Path(os.devnull).open("wb") as nowhere:
            os.dup2(nowhere.fileno(), 2)
            yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


# --- the report ----------------------------------------------------------------------


def _row(label: str, text: str) -> str:
    return f"{label:<{WIDTH}}{text}".rstrip()


def _summary(needed: Sequence[Item], optional: Sequence[Item]) -> str:
    """One line: ready for practising or not, and what is missing."""
    failing = [item.trouble or item.label for item in needed if not item.works]
    missing = [item.label.lower() for item in optional if not item.works]
    if failing:
        either = ""
        if missing:
            verb = "is" if len(missing) == 1 else "are"
            either = f" {' and '.join(missing).capitalize()} {verb} not available either."
        return (
            "In short: Attune cannot be used for practising here yet, because "
            f"{'; '.join(failing)}.{either}"
        )
    if missing:
        return f"In short: Attune is ready for practising here, without {' and '.join(missing)}."
    return "In short: everything works; Attune is ready for practising here."
