"""Turning the lock on and off over the journal, its copies and the key file, in the
order `state` describes (so a crash at any moment leaves the journal whole and
openable with what is on disk), and encrypting the copies a crash left plain.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path

from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.in_place import decrypt_in_place, encrypt_in_place
from desktop_app.storage.lock.passphrase import DEFAULT_PARAMS, Argon2Params
from desktop_app.storage.lock.state import LockedFiles, lock_state
from desktop_app.storage.lock.unlocking import NewKeys, new_key_file
from desktop_app.storage.private_files import sync_folder


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
    returns those encrypted. A damaged copy is left as it is (its check comes before
    anything is written): it must not stop the lock from going on, and the recovery
    key from being shown."""
    encrypted = []
    for copy in copies:
        try:
            if encrypt_in_place(copy, key):
                encrypted.append(copy)
        except LockError as error:
            if error.kind != "damaged":
                raise
    return encrypted


def turn_off(files: LockedFiles, key: DataKey) -> None:
    """Make the copies and the journal plain again and remove the key file. `key` is
    the data key, unlocked by the passphrase or the recovery key (`unlocking`): a
    wrong one was refused there, and nothing was written. LockError
    ("missing-key-file") when the key file is gone, "wrong-key" when `key` does not
    open the journal (nothing written either)."""
    state = lock_state(files)
    if state == "key-file-missing":
        raise LockError(
            "missing-key-file",
            "Your journal is locked, but its key file is missing, so the lock cannot be "
            "turned off.",
        )
    if state == "off":
        raise ValueError("the journal is not locked")
    for copy in files.copies:
        decrypt_in_place(copy, key)
    decrypt_in_place(files.journal, key)
    with contextlib.suppress(FileNotFoundError):
        files.key_file.unlink()
    sync_folder(files.key_file.parent)
