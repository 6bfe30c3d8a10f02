"""Whether the lock is on, from the files alone: no key, no cryptography loaded, so
Attune can ask at every start before it decides to show the unlock screen.

The journal, its copies (the daily backups) and the key file change in this order
(`switching`), so that at every moment the journal is whole and opens with what is
on disk:

    on:   key file written → journal encrypted → each copy encrypted
    off:  each copy made plain → journal made plain → key file removed

Each file changes in one step (`in_place`), so a crash leaves one of these states:

- a plain journal with a key file: the lock was being turned on and the journal was
  not converted yet, or it was being turned off and is done but for the key file.
  Every copy is plain then (the order above), so `settle` removes the key file: the
  lock is off, and the recovery key was never shown (`switching.turn_on` hands it
  back only once it has finished).
- an encrypted journal with a key file and some plain copies: the lock is on; the
  plain copies are encrypted at the next unlock (`switching.encrypt_plain_copies`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal, TypeAlias

from desktop_app.storage.private_files import sync_folder

#: The first 16 bytes of every plain SQLite database; an encrypted one starts with
#: its random salt instead.
PLAIN_HEADER: Final = b"SQLite format 3\x00"

DatabaseKind: TypeAlias = Literal["missing", "empty", "plain", "encrypted"]
LockState: TypeAlias = Literal["off", "on", "key-file-missing"]


def key_file_of(journal: Path) -> Path:
    """The key file of the journal at `journal`: beside it, `journal.key` for
    `journal.sqlite3`."""
    return journal.with_suffix(".key")


@dataclass(frozen=True)
class LockedFiles:
    """The files the lock concerns: the journal, its key file, and its copies (the
    daily backups; only those there now)."""

    journal: Path
    key_file: Path
    copies: Sequence[Path] = ()


def database_kind(path: Path) -> DatabaseKind:
    """What is at `path`, from its first bytes (no key needed): no file, an empty one
    (SQLite takes it for a new database), a plain SQLite database, or anything else,
    which only SQLCipher with the right key can tell from noise."""
    try:
        with path.open("rb") as handle:
            start = handle.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return "missing"
    if not start:
        return "empty"
    return "plain" if start == PLAIN_HEADER else "encrypted"


#: SQLCipher's pages (4 KiB, as the plain journal's): an encrypted journal is whole pages.
_PAGE: Final = 4096
#: Of 256 byte values, how many a first page of ciphertext shows at the least: 4 KiB of
#: random bytes show about 255; text or a damaged header over zeros, far fewer.
_CIPHERTEXT_VALUES: Final = 200


def looks_encrypted(path: Path) -> bool:
    """Whether the file at `path` is like an encrypted journal without its key: whole
    pages, the first of them as varied as ciphertext. Without the key nothing can
    be sure; this tells a journal locked elsewhere from text or a damaged file."""
    try:
        with path.open("rb") as handle:
            first = handle.read(_PAGE)
            size = path.stat().st_size
    except OSError:
        return False
    return size % _PAGE == 0 and len(first) == _PAGE and len(set(first)) >= _CIPHERTEXT_VALUES


def lock_state(files: LockedFiles) -> LockState:
    """Whether the lock is on (nothing written). "on" with no journal yet means a new
    journal must be made encrypted. "key-file-missing": an encrypted journal without
    its key file, which nothing can open until the key file is put back. Without a
    key file, a journal that does not look encrypted (`looks_encrypted`) is "off":
    a damaged plain journal, which the journal's own checks say is damaged."""
    kind = database_kind(files.journal)
    has_key_file = files.key_file.exists()
    if kind == "encrypted":
        if has_key_file:
            return "on"
        return "key-file-missing" if looks_encrypted(files.journal) else "off"
    if kind == "plain":
        return "off"
    return "on" if has_key_file else "off"


def settle(files: LockedFiles) -> list[str]:
    """After a crash, before the journal is opened: a key file beside a plain journal
    is removed (see the module's notes). One line per thing done; never raises."""
    if database_kind(files.journal) != "plain" or not files.key_file.exists():
        return []
    if any(database_kind(copy) == "encrypted" for copy in files.copies):
        return []  # not a state the order above leaves: keep the key that opens them
    try:
        files.key_file.unlink()
    except OSError:
        return []
    sync_folder(files.key_file.parent)
    return [f"removed {files.key_file} (the lock was not on)"]
