"""The journal's files and the lock over them, in one place (issue 16): the journal,
its key file (`journal.key` beside it) and its daily copies, named from `AppPaths`.

The window and the command line both ask `JournalFiles` whether the journal is
locked, settle what a crash left, unlock it, and turn the lock on or off or change
its passphrase, so each is done one way. The journal must be closed while the lock
is turned on or off (`in_place`). docs/journal-lock.md describes the design.

Asking whether the lock is on (`lock_state`, `settle`) loads no cryptography: the
modules that do are imported by the methods that need them.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from desktop_app.storage.journal.errors import DATABASE_OR_OS_ERRORS
from desktop_app.storage.journal_backups import backups
from desktop_app.storage.lock import state
from desktop_app.storage.lock.errors import missing_key_file
from desktop_app.storage.paths import AppPaths

if TYPE_CHECKING:
    from desktop_app.storage.lock.data_key import DataKey
    from desktop_app.storage.lock.passphrase import Argon2Params
    from desktop_app.storage.lock.unlocking import NewKeys


@dataclass(frozen=True)
class Passphrase:
    """A passphrase as typed (never shown in a repr)."""

    text: str = field(repr=False)


@dataclass(frozen=True)
class TypedRecoveryKey:
    """A recovery key as typed (spaces, dashes and small letters allowed)."""

    text: str = field(repr=False)


#: What proves the person may open the journal: its passphrase or its recovery key.
Proof: TypeAlias = Passphrase | TypedRecoveryKey


@dataclass(frozen=True)
class JournalFiles:
    """The journal at `journal`, and its daily copies in `backups_dir`."""

    journal: Path
    backups_dir: Path

    @classmethod
    def of(cls, paths: AppPaths) -> JournalFiles:
        return cls(paths.journal, paths.journal_backups)

    @property
    def key_file(self) -> Path:
        return state.key_file_of(self.journal)

    def lock_state(self) -> state.LockState:
        """ "off", "on" (a passphrase or recovery key opens it; with no journal yet, a
        new one is to be made locked) or "key-file-missing" (nothing opens it until
        the key file is put back). Nothing is written."""
        return state.lock_state(self._locked_files())

    def settle(self) -> list[str]:
        """At start, before the journal is opened: finish what a crash while turning
        the lock on or off left (`state.settle`). One line per thing done."""
        return state.settle(self._locked_files())

    def refuse_missing_key_file(self) -> None:
        """LockError ("missing-key-file", in plain words) when the journal is locked and
        its key file is gone: nothing can unlock it, so nothing need be asked."""
        if self.lock_state() == "key-file-missing":
            raise missing_key_file(self.key_file)

    def unlock(self, proof: Proof) -> DataKey:
        """The journal's data key, for `Journal.open(path, key)`. LockError (nothing
        written) for a wrong passphrase or recovery key, a missing or damaged key
        file. Copies a crash left plain while the lock was turned on are encrypted
        now."""
        from desktop_app.storage.lock.switching import encrypt_plain_copies

        key = self._data_key(proof)
        # Tried again at every unlock; a disk that is full now must not keep the
        # journal locked away.
        with contextlib.suppress(*DATABASE_OR_OS_ERRORS):
            encrypt_plain_copies(backups(self.backups_dir), key)
        return key

    def turn_on(self, passphrase: str, params: Argon2Params | None = None) -> NewKeys:
        """Lock the journal and its copies under `passphrase`; returns the recovery
        key, to be shown once, and the data key that opens the journal now (so the
        window need not unlock it again: Argon2id costs 0.1–0.3 s). LockError
        ("weak-passphrase") for a passphrase that may not be chosen; ValueError when
        the lock is on already; the conversion's own errors (the journal in use
        elsewhere, a full disk) with the journal left plain and the lock off.
        `params`: Argon2id's cost (this Attune's when None; tests give a cheap one)."""
        from desktop_app.storage.lock.passphrase import DEFAULT_PARAMS, check_new_passphrase
        from desktop_app.storage.lock.switching import turn_on

        check_new_passphrase(passphrase)
        try:
            keys = turn_on(self._locked_files(), passphrase, params or DEFAULT_PARAMS)
        except BaseException:
            # The journal still plain (in use, say): its new key file goes again, so
            # the lock is off, as it was.
            self.settle()
            raise
        return keys

    def turn_off(self, proof: Proof | DataKey) -> None:
        """Make the journal and its copies plain again and remove the key file.
        `proof`: what the person typed, or the data key it already gave. LockError
        (nothing written) when `proof` does not unlock it; ValueError when the lock
        is off."""
        from desktop_app.storage.lock.data_key import DataKey
        from desktop_app.storage.lock.switching import turn_off

        if self.lock_state() == "off":
            raise ValueError("the journal is not locked")
        key = proof if isinstance(proof, DataKey) else self._data_key(proof)
        turn_off(self._locked_files(), key)

    def change_passphrase(self, proof: Proof, new: str, params: Argon2Params | None = None) -> None:
        """Wrap the data key under the passphrase `new`, proven by the current one or
        the recovery key; nothing encrypted changes. LockError (nothing written) for
        a wrong proof or a `new` passphrase that may not be chosen."""
        from desktop_app.storage.lock.passphrase import DEFAULT_PARAMS, check_new_passphrase
        from desktop_app.storage.lock.unlocking import change_passphrase, reset_passphrase

        check_new_passphrase(new)
        chosen = params or DEFAULT_PARAMS
        if isinstance(proof, Passphrase):
            change_passphrase(self.key_file, proof.text, new, chosen)
        else:
            reset_passphrase(self.key_file, proof.text, new, chosen)

    def _data_key(self, proof: Proof) -> DataKey:
        from desktop_app.storage.lock.unlocking import (
            unlock_with_passphrase,
            unlock_with_recovery_key,
        )

        if isinstance(proof, Passphrase):
            return unlock_with_passphrase(self.key_file, proof.text)
        return unlock_with_recovery_key(self.key_file, proof.text)

    def _locked_files(self) -> state.LockedFiles:
        return state.LockedFiles(self.journal, self.key_file, tuple(backups(self.backups_dir)))
