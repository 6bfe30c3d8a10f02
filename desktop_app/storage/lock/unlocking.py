"""What a person does with the key file: make one, unlock with the passphrase or the
recovery key, change the passphrase (the data key is only wrapped again: nothing
encrypted with it changes).

Unlocking only reads: a wrong passphrase or recovery key is a `LockError` and
nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.errors import LockError, wrong_passphrase
from desktop_app.storage.lock.key_file import KeyFile
from desktop_app.storage.lock.key_slots import PassphraseSlot, RecoverySlot
from desktop_app.storage.lock.passphrase import DEFAULT_PARAMS, Argon2Params
from desktop_app.storage.lock.recovery_key import RecoveryKey


@dataclass(frozen=True)
class NewKeys:
    """What making a key file gives: the data key, and the recovery key to show once."""

    data_key: DataKey
    recovery_key: RecoveryKey


def new_key_file(passphrase: str, params: Argon2Params = DEFAULT_PARAMS) -> tuple[KeyFile, NewKeys]:
    """A key file for a fresh data key and recovery key (not written yet)."""
    keys = NewKeys(DataKey.new(), RecoveryKey.new())
    key_file = KeyFile(
        PassphraseSlot.wrap(keys.data_key, passphrase, params),
        RecoverySlot.wrap(keys.data_key, keys.recovery_key),
    )
    return key_file, keys


def unlock_with_passphrase(path: Path, passphrase: str) -> DataKey:
    """The data key; LockError when the passphrase is wrong or the file is missing,
    damaged or newer."""
    slot = KeyFile.read(path).passphrase
    key = slot.unwrap(passphrase) if passphrase else None
    if key is None:
        raise wrong_passphrase()
    return key


def unlock_with_recovery_key(path: Path, typed: str) -> DataKey:
    """The data key from a recovery key as typed; LockError "mistyped-recovery-key"
    (nothing tried) or "wrong-recovery-key"."""
    recovery = RecoveryKey.parse(typed)
    key = KeyFile.read(path).recovery.unwrap(recovery)
    if key is None:
        raise LockError(
            "wrong-recovery-key",
            "That recovery key does not unlock your journal: it belongs to another "
            "journal, or the key file was changed.",
        )
    return key


def change_passphrase(
    path: Path, current: str, new: str, params: Argon2Params = DEFAULT_PARAMS
) -> None:
    """Wrap the data key under `new` in place of `current` (the recovery slot and
    everything encrypted stay as they are), with this Attune's Argon2id cost: a file
    made with a lower one is raised to it."""
    key = unlock_with_passphrase(path, current)
    _rewrap(path, key, new, params)


def reset_passphrase(
    path: Path, recovery_key: str, new: str, params: Argon2Params = DEFAULT_PARAMS
) -> None:
    """A new passphrase for someone who forgot theirs, proven by the recovery key."""
    key = unlock_with_recovery_key(path, recovery_key)
    _rewrap(path, key, new, params)


def _rewrap(path: Path, key: DataKey, new: str, params: Argon2Params) -> None:
    recovery = KeyFile.read(path).recovery
    KeyFile(PassphraseSlot.wrap(key, new, params), recovery).write(path)
