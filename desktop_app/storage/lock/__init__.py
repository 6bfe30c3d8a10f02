"""The journal lock's storage core (issue 16): the journal in SQLCipher under a random
256-bit data key, that key wrapped in a small key file by the passphrase (Argon2id,
AES-GCM) and by a recovery key, Attune's other personal files sealed with the same
key, and the crash-safe conversion between a plain and an encrypted journal.
docs/journal-lock.md describes the design and the file formats. Nothing here imports
Qt.

Import from the modules, each with one job. The package itself imports nothing, so
asking at start whether the lock is on (`state`) loads no cryptography:

- `state`: `lock_state`, `settle`, `database_kind` (from the files alone, no key).
- `errors`: `LockError`, every problem in plain words, with a `kind`.
- `data_key`: `DataKey`, the 256-bit key (never shown in a repr).
- `passphrase`: NFC normalisation and Argon2id (`Argon2Params`, `DEFAULT_PARAMS`).
- `recovery_key`: `RecoveryKey`, shown in groups, typed forgivingly, checked.
- `key_slots`, `key_file`: the two wraps of the data key and the file that holds them.
- `unlocking`: make a key file, unlock, change or reset the passphrase.
- `sealed_files`: the encrypted file format for drafts, answers, recordings and such.
- `sqlcipher`: sqlcipher3 with types; `encrypted_db`: keyed connections.
- `in_place`: one database converted plain ↔ encrypted, crash-safe.
- `switching`: the lock turned on or off over the journal, copies and key file.

The window and the command line use all this through one object,
`storage/journal_files.JournalFiles`; the journal itself opens locked with
`Journal.open(path, key)`.
"""
