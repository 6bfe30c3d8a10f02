"""Turning the lock on and off, and settling what a crash left half done.

The journal, its copies (the daily backups) and the key file change in this order,
so that at every moment the journal is whole and opens with what is on disk:

    on:   key file written → journal encrypted → each copy encrypted
    off:  each copy made plain → journal made plain → key file removed

Each file changes in one step (`in_place`), so a crash leaves one of these states:

- a plain journal with a key file: the lock was being turned on and the journal was
  not converted yet, or it was being turned off and is done but for the key file.
  Every copy is plain then (the order above), so `settle` removes the key file: the
  lock is off, and the recovery key was never shown (it is shown only after `turn_on`
  returns).
- an encrypted journal with a key file and some plain copies: the lock is on; the
  plain copies are encrypted at the next unlock (`encrypt_plain_copies`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TypeAlias

from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.encrypted_db import database_kind
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.in_place import decrypt_in_place, encrypt_in_place
from desktop_app.storage.lock.passphrase import DEFAULT_PARAMS, Argon2Params
from desktop_app.storage.lock.unlocking import NewKeys, new_key_file, unlock_with_passphrase
from desktop_app.storage.private_files import sync_folder

LockState: TypeAlias = Literal["off", "on", "key-file-missing"]


@dataclass(frozen=True)
class LockedFiles:
    """The files the lock concerns: the journal, its key file, and its copies (the
    daily backups; only those there now)."""

    journal: Path
    key_file: Path
    copies: Sequence[Path] = ()


def lock_state(files: LockedFiles) -> LockState:
    """Whether the lock is on, from the files alone (no key needed; nothing written).
    "on" with no journal yet means a new journal must be made encrypted.
    "key-file-missing": an encrypted journal without its key file, which nothing can
    open until the key file is put back."""
    kind = database_kind(files.journal)
    has_key_file = files.key_file.exists()
    if kind == "encrypted":
        return "on" if has_key_file else "key-file-missing"
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


def turn_on(files: LockedFiles, passphrase: str, params: Argon2Params = DEFAULT_PARAMS) -> NewKeys:
    """Encrypt the journal and its copies under a new data key wrapped by
    `passphrase`; returns the keys, whose recovery key must now be shown once.
    ValueError when the lock is on already or the passphrase is empty."""
    if lock_state(files) != "off":
        raise ValueError("the journal is locked already")
    key_file, keys = new_key_file(passphrase, params)
    key_file.write(files.key_file)
    encrypt_in_place(files.journal, keys.data_key)
    encrypt_plain_copies(files.copies, keys.data_key)
    return keys


def encrypt_plain_copies(copies: Iterable[Path], key: DataKey) -> list[Path]:
    """Encrypt every copy still plain (after a crash while the lock was turned on);
    returns those encrypted."""
    return [copy for copy in copies if encrypt_in_place(copy, key)]


def turn_off(files: LockedFiles, passphrase: str) -> None:
    """Make the copies and the journal plain again and remove the key file.
    LockError (nothing written) when the passphrase is wrong."""
    state = lock_state(files)
    if state == "key-file-missing":
        raise LockError(
            "missing-key-file",
            "Your journal is locked, but its key file is missing, so the lock cannot be "
            "turned off.",
        )
    if state == "off":
        raise ValueError("the journal is not locked")
    key = unlock_with_passphrase(files.key_file, passphrase)
    for copy in files.copies:
        decrypt_in_place(copy, key)
    decrypt_in_place(files.journal, key)
    with contextlib.suppress(FileNotFoundError):
        files.key_file.unlink()
    sync_folder(files.key_file.parent)
