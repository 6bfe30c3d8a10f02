"""What can go wrong with the journal file, in plain words.

Every problem reaches callers as a `JournalError` whose `kind` says what happened
("newer", "corrupt", "locked", "readonly", "full", "wrong-key", "other") and whose
message says it in plain words ("full" also for an I/O error while the disk is full;
see `classify`; "wrong-key": a locked journal that its key does not open, or that
was opened without one). The journal's SQLite is sqlcipher3's, whose errors are not
the standard library's classes but carry the same codes: both are told apart here.
Bad arguments (a programming mistake, not a problem with the file: a float answer, a
NaN duration) raise `ValueError`; an unknown entry id raises `KeyError`.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Final, Literal, TypeAlias

from desktop_app.storage.lock import sqlcipher

ErrorKind: TypeAlias = Literal[
    "newer", "corrupt", "locked", "readonly", "full", "wrong-key", "other"
]


class JournalError(Exception):
    """A problem with the journal file, said in plain words (`str(error)`)."""

    def __init__(self, kind: ErrorKind, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.kind: ErrorKind = kind
        self.message = message
        #: The technical cause, for logs (may be empty).
        self.detail = detail


def newer_journal(version: int, ours: int) -> JournalError:
    """The error for a journal of schema `version`, made by a newer Attune."""
    return JournalError(
        "newer",
        f"Your journal was made by a newer version of Attune (schema {version}; this one "
        f"reads {ours}). It was not changed. Please use the newer Attune.",
    )


def damaged_journal(detail: str) -> JournalError:
    """The error for a journal whose file is damaged (`detail`: what is wrong, for logs)."""
    return JournalError(
        "corrupt",
        "Your journal file is damaged, so it could not be opened. Attune did not change it.",
        detail=detail,
    )


def locked_journal() -> JournalError:
    """The error for a locked journal opened without its key."""
    return JournalError(
        "wrong-key",
        "Your journal is locked: it opens with your passphrase or your recovery key.",
        detail="opened without a key",
    )


# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26
_READONLY_ERRNOS: Final = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL_ERRNOS: Final = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


#: What `translated` turns into JournalError: either SQLite library's errors, and the OS's.
DATABASE_OR_OS_ERRORS: Final[tuple[type[Exception], ...]] = (*sqlcipher.ERRORS, OSError)

#: Less free space than this where the journal is, and an I/O error means a full disk.
NEARLY_FULL: Final = 1024 * 1024


def classify(error: BaseException, folder: Path | None = None) -> ErrorKind:
    """The kind of a sqlite3, sqlcipher3 or OS error. Given the journal's `folder`, an
    I/O error there while its disk is (nearly) full is "full": SQLite says SQLITE_FULL only
    where it writes pages, and a plain "disk I/O error" where it cannot grow the
    `-shm` file or sync."""
    kind = _kind(error)
    if kind == "other" and folder is not None and _io_error(error) and _disk_full(folder):
        return "full"
    return kind


def _io_error(error: BaseException) -> bool:
    if isinstance(error, sqlcipher.ERRORS):
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        return code == _SQLITE_IOERR or "disk i/o error" in str(error).lower()
    return isinstance(error, OSError) and error.errno == errno.EIO


def _disk_full(folder: Path) -> bool:
    """Whether the disk of `folder` has (nearly) no room left for this user."""
    try:
        return shutil.disk_usage(folder).free < NEARLY_FULL
    except OSError:
        return False


def _kind(error: BaseException) -> ErrorKind:
    if isinstance(error, sqlcipher.ERRORS):
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        text = str(error).lower()
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "database is locked" in text:
            return "locked"
        if code in (_SQLITE_READONLY, _SQLITE_PERM) or "readonly" in text:
            return "readonly"
        if code == _SQLITE_FULL or "database or disk is full" in text:
            return "full"
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or (
            "malformed" in text or "not a database" in text
        ):
            return "corrupt"
        if code == _SQLITE_CANTOPEN:
            return "readonly"  # the file or its folder may not be written (or read)
        if code == _SQLITE_IOERR and isinstance(error.__cause__, OSError):
            return _kind(error.__cause__)
        return "other"
    if isinstance(error, OSError):
        if error.errno in _READONLY_ERRNOS:
            return "readonly"
        if error.errno in _FULL_ERRNOS:
            return "full"
    return "other"


_MESSAGES: Final[dict[str, str]] = {
    "corrupt": "Your journal file is damaged, so it could not be {doing}.",
    "locked": (
        "Your journal is in use by another program (is Attune open twice?), so it could "
        "not be {doing}. Close the other one and try again."
    ),
    "readonly": (
        "Attune may not write to your journal (the file or its folder is read-only), so "
        "it could not be {doing}."
    ),
    "full": (
        "The disk is full, so your journal could not be {doing}. Nothing was lost: what "
        "was saved before is safe. Free some space and try again."
    ),
    # A save that did not happen: what was being saved is still in the window.
    "full-save": (
        "The disk is full, so your journal could not be {doing}. Nothing was lost: what "
        "was saved before is safe, and what you typed stays on screen until it can be "
        "saved. Free some space and try again."
    ),
    "other": "Your journal could not be {doing} ({detail}).",
}


def cannot_save(kind: ErrorKind, doing: str) -> JournalError:
    """Why a journal opened to read only refuses a save (`kind`: why it could not be
    opened to write: "readonly" or "full")."""
    text = _MESSAGES["full-save" if kind == "full" else kind]
    return JournalError(kind, text.format(doing=doing, detail="opened to read only"))


@contextlib.contextmanager
def translated(doing: str, folder: Path | None = None) -> Iterator[None]:
    """Turn sqlite3, sqlcipher3 and OS errors into JournalError with a plain message
    (`folder`: the journal's, to tell a full disk; see `classify`)."""
    try:
        yield
    except DATABASE_OR_OS_ERRORS as error:
        kind = classify(error, folder)
        detail = str(error) or type(error).__name__
        saving = kind == "full" and doing in ("saved", "changed")
        message = _MESSAGES["full-save" if saving else kind].format(doing=doing, detail=detail)
        raise JournalError(kind, message, detail=detail) from error
