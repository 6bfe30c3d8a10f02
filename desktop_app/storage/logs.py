"""Attune's log: standard `logging` into a small private file, for whoever helps.

`start_logging(paths)` sends the records of Attune's loggers (`desktop_app.*`, each
module's `logging.getLogger(__name__)`) and the warnings of the libraries it uses to
`<logs>/attune.log`: five files of 1 MB at most (attune.log, attune.log.1 … .4), UTF-8,
one line a record (time, level, logger, message; a traceback below its line). The
folder is made 0700 and each file 0600 from its first byte, as the journal's are.

What is logged are facts about Attune, never about the person: no answers, journal
text, practice text or search words; ids, counts, kinds of error and file paths are
fine. Starting the log never fails the app: when the folder cannot be written, that is
said once on stderr and nothing is logged (stderr stays as it was otherwise).
"""

from __future__ import annotations

import contextlib
import io
import logging
import os
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from desktop_app.private_fs import make_private_dir
from desktop_app.storage.paths import AppPaths

if TYPE_CHECKING:
    from desktop_app.storage.journal import JournalError

logger = logging.getLogger(__name__)

LOG_NAME: Final = "attune.log"
#: A file is started anew past this size; the older ones are kept as .1 (newest) to .4.
MAX_BYTES: Final = 1_000_000
OLDER_FILES: Final = 4
FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"
#: Attune's own loggers all sit below this one.
APP_LOGGER: Final = "desktop_app"

_POSIX: Final = os.name == "posix"

# Attune's records go where `start_logging` sends them, and nowhere before that: not
# to Python's last resort, which would print warnings on stderr (the doctor keeps no
# log). Every way into Attune (the command line, the window) imports this module first.
logging.getLogger(APP_LOGGER).addHandler(logging.NullHandler())


class PrivateRotatingFileHandler(logging.FileHandler):
    """A file handler that starts its file anew past `max_bytes`, keeping `older_files`
    older ones (`.1` the newest), as `logging.handlers.RotatingFileHandler` does; here
    so that starting the log does not load `logging.handlers` (and with it sockets,
    pickle and queues). Every file is 0600 from its first byte, whatever the umask."""

    def __init__(
        self,
        filename: Path,
        *,
        max_bytes: int,
        older_files: int,
        encoding: str,
    ) -> None:
        self.max_bytes = max_bytes
        self.older_files = older_files
        super().__init__(filename, mode="a", encoding=encoding)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_with(record):
                self._rotate()
            super().emit(record)
        except Exception:
            self.handleError(record)

    def _full_with(self, record: logging.LogRecord) -> bool:
        """Whether `record`'s line would take the file to `max_bytes` (counted in
        characters, as the standard handler counts)."""
        if self.stream is None:
            self.stream = self._open()
        if self.max_bytes <= 0 or not Path(self.baseFilename).is_file():
            return False  # never rotate what is not a regular file (/dev/null)
        self.stream.seek(0, os.SEEK_END)
        return self.stream.tell() + len(f"{self.format(record)}\n") >= self.max_bytes

    def _rotate(self) -> None:
        """attune.log becomes .1, .1 becomes .2 … the oldest is dropped; a new file."""
        if self.stream is not None:
            self.stream.close()
        base = Path(self.baseFilename)
        for older in range(self.older_files - 1, 0, -1):
            kept = base.with_name(f"{base.name}.{older}")
            if kept.exists():
                kept.replace(base.with_name(f"{base.name}.{older + 1}"))
        if self.older_files > 0 and base.exists():
            base.replace(base.with_name(f"{base.name}.1"))
        self.stream = self._open()

    def _open(self) -> io.TextIOWrapper:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        descriptor = os.open(self.baseFilename, flags, 0o600)
        try:
            if _POSIX and stat.S_IMODE(os.fstat(descriptor).st_mode) != 0o600:
                os.fchmod(descriptor, 0o600)  # an older file, or one the umask narrowed
            return open(descriptor, "a", encoding=self.encoding, errors=self.errors)  # noqa: PTH123
        except BaseException:
            os.close(descriptor)
            raise

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        """A record that cannot be written (a full disk) is lost quietly: the log is an
        aid, and what Attune prints stays as it was."""


_handler: PrivateRotatingFileHandler | None = None
_file: Path | None = None
#: The folder whose trouble was said on stderr (said once per folder).
_said_for: Path | None = None


def start_logging(paths: AppPaths, level: int | None = None) -> Path | None:
    """Log to `paths.logs`/attune.log from now on: Attune's records from `level` up
    (INFO unless a level was set before) and other libraries' warnings. Returns the
    file, or None when it cannot be written. Called again for the same folder, it
    keeps the file; for another folder (another ATTUNE_HOME) the log moves there.
    Never raises."""
    global _handler, _file, _said_for
    file = paths.logs / LOG_NAME
    if _handler is None or _file != file:
        stop_logging()
    attune = logging.getLogger(APP_LOGGER)
    if level is not None or attune.level == logging.NOTSET:
        attune.setLevel(logging.INFO if level is None else level)
    if _handler is not None:
        return file
    try:
        make_private_dir(paths.logs)
        handler = PrivateRotatingFileHandler(
            file, max_bytes=MAX_BYTES, older_files=OLDER_FILES, encoding="utf-8"
        )
    except Exception as error:  # a folder that cannot be made or written, whatever the cause
        if _said_for != paths.logs:
            _said_for = paths.logs
            _say(f"attune: no log is kept this time: {_reason(error, paths.logs)}")
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    logging.getLogger().addHandler(handler)  # the root: other libraries' warnings too
    _handler, _file = handler, file
    return file


def stop_logging() -> None:
    """Close the log file and leave logging as it was before `start_logging`."""
    global _handler, _file
    logging.getLogger(APP_LOGGER).setLevel(logging.NOTSET)
    handler, _handler, _file = _handler, None, None
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        with contextlib.suppress(Exception):  # the last lines cannot be written (a full disk)
            handler.close()


def log_journal_error(error: JournalError) -> None:
    """A journal error that was shown or printed: its kind, its words and its detail
    (the technical cause, "for logs"), which name the file, never what is in it."""
    detail = f" [{error.detail}]" if error.detail else ""
    logger.warning("Journal problem (%s): %s%s", error.kind, error.message, detail)


def this_computer() -> str:
    """What the log's first line says about where Attune runs (cheap: no libc probe)."""
    import platform  # here: only the first line of a log needs it

    return (
        f"{platform.system()} {platform.release()} ({platform.machine()}), "
        f"Python {platform.python_version()}"
    )


def log_file() -> Path | None:
    """The file Attune logs to now; None when there is none."""
    return _file


def _reason(error: Exception, folder: Path) -> str:
    if isinstance(error, OSError):
        where = error.filename or folder
        reason = error.strerror or str(error)
        return f"cannot write in {where} ({reason[:1].lower()}{reason[1:]})"
    return f"cannot write in {folder} ({error})"


def _say(line: str) -> None:
    stream = sys.stderr
    if stream is None:  # a windowed app on Windows has no stderr
        return
    with contextlib.suppress(OSError, ValueError):  # a closed or broken stderr
        print(line, file=stream)
