"""The journal lock's storage core (issue 16): the journal in SQLCipher under a random
256-bit data key, that key wrapped in a small key file by the passphrase (Argon2id,
AES-GCM) and by a recovery key, Attune's other personal files sealed with the same
key, and the crash-safe conversion between a plain and an encrypted journal.
docs/journal-lock.md describes the design and the file formats.

Modules, one job each (nothing here imports Qt):

- `errors`: `LockError`, every problem in plain words, with a `kind`.
- `data_key`: `DataKey`, the 256-bit key (never shown in a repr).
- `passphrase`: NFC normalisation and Argon2id (`Argon2Params`, `DEFAULT_PARAMS`).
- `recovery_key`: `RecoveryKey`, shown in groups, typed forgivingly, checked.
- `key_slots`, `key_file`: the two wraps of the data key and the file that holds them.
- `unlocking`: make a key file, unlock, change or reset the passphrase.
- `sealed_files`: the encrypted file format for backups, drafts, answers, recordings.
- `sqlcipher`: sqlcipher3 with types; `encrypted_db`: keyed connections.
- `encrypted_backup`: a daily backup of a locked journal, encrypted.
- `in_place`: one database converted plain ↔ encrypted, crash-safe.
- `switching`: the lock turned on or off over the journal, copies and key file.
"""

from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.encrypted_backup import write_encrypted_backup
from desktop_app.storage.lock.encrypted_db import (
    apply_key,
    database_kind,
    open_encrypted,
)
from desktop_app.storage.lock.errors import LockError, LockErrorKind
from desktop_app.storage.lock.in_place import decrypt_in_place, encrypt_in_place
from desktop_app.storage.lock.passphrase import DEFAULT_PARAMS, Argon2Params
from desktop_app.storage.lock.recovery_key import RecoveryKey
from desktop_app.storage.lock.sealed_files import (
    Purpose,
    is_sealed,
    read_sealed,
    sealing,
    unsealed_chunks,
    write_sealed,
)
from desktop_app.storage.lock.switching import (
    LockedFiles,
    LockState,
    encrypt_plain_copies,
    lock_state,
    settle,
    turn_off,
    turn_on,
)
from desktop_app.storage.lock.unlocking import (
    NewKeys,
    change_passphrase,
    reset_passphrase,
    unlock_with_passphrase,
    unlock_with_recovery_key,
)

__all__ = [
    "DEFAULT_PARAMS",
    "Argon2Params",
    "DataKey",
    "LockError",
    "LockErrorKind",
    "LockState",
    "LockedFiles",
    "NewKeys",
    "Purpose",
    "RecoveryKey",
    "apply_key",
    "change_passphrase",
    "database_kind",
    "decrypt_in_place",
    "encrypt_in_place",
    "encrypt_plain_copies",
    "is_sealed",
    "lock_state",
    "open_encrypted",
    "read_sealed",
    "reset_passphrase",
    "sealing",
    "settle",
    "turn_off",
    "turn_on",
    "unlock_with_passphrase",
    "unlock_with_recovery_key",
    "unsealed_chunks",
    "write_encrypted_backup",
    "write_sealed",
]
