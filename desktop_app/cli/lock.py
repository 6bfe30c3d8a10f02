"""`attune lock`, `attune unlock` and `attune change-passphrase`: the journal lock from
the command line, through the same `JournalFiles` as the window.

Passphrases are read by `passphrase` (no echo at a terminal; lines of standard input
otherwise). A wrong passphrase or recovery key is one plain line and exit status 1,
and nothing is written. Attune must be closed while the lock is turned on or off.
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.common import INVALID, OK, visible
from desktop_app.cli.passphrase import (
    SecretNotGiven,
    read_new_passphrase,
    read_proof,
)
from desktop_app.storage.journal.errors import DATABASE_OR_OS_ERRORS, classify
from desktop_app.storage.journal_files import JournalFiles
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.paths import default_paths

#: Said before a passphrase is chosen, so the person knows what they agree to.
_ABOUT_THE_LOCK = """\
Locking encrypts your journal and its daily copies on this computer. Attune will ask
for your passphrase to open them. You will also get a recovery key, shown once: it
opens the journal if you forget the passphrase. If you lose both, no one can open
your journal again, not even Attune's makers.
"""


def run(args: argparse.Namespace) -> int:
    files = JournalFiles.of(default_paths())
    files.settle()
    try:
        if args.command == "lock":
            return _lock(files)
        if args.command == "unlock":
            return _unlock(files, args.recovery_key)
        return _change_passphrase(files, args.recovery_key)
    except (LockError, SecretNotGiven) as error:
        return _refused(str(error))


def _lock(files: JournalFiles) -> int:
    if files.lock_state() != "off":
        return _refused("your journal is locked already")
    print(_ABOUT_THE_LOCK, file=sys.stderr)
    passphrase = read_new_passphrase()
    try:
        recovery_key = files.turn_on(passphrase).recovery_key
    except DATABASE_OR_OS_ERRORS as error:
        return _refused(f"{_in_use(error)}; your journal was not locked and is as it was")
    print("Your journal is locked.")
    print()
    print("Your recovery key (write it down or print it, and keep it apart from this")
    print("computer; it is shown only now):")
    print()
    print(f"    {recovery_key.text}")
    print()
    print("It opens your journal if you forget your passphrase:")
    print("attune change-passphrase --recovery-key sets a new one with it.")
    print("If both the passphrase and the recovery key are lost, so is the journal.")
    return OK


def _unlock(files: JournalFiles, recovery_key: bool) -> int:
    if files.lock_state() == "off":
        return _refused("your journal is not locked")
    files.refuse_missing_key_file()
    proof = read_proof(recovery_key)
    try:
        files.turn_off(proof)
    except DATABASE_OR_OS_ERRORS as error:
        return _refused(f"{_in_use(error)}; your journal is still locked and whole")
    print("Your journal is no longer locked: it and its daily copies are plain files again.")
    return OK


def _change_passphrase(files: JournalFiles, recovery_key: bool) -> int:
    if files.lock_state() == "off":
        return _refused("your journal is not locked, so it has no passphrase to change")
    files.refuse_missing_key_file()
    proof = read_proof(recovery_key)
    files.unlock(proof)  # a wrong one is said before a new passphrase is asked for
    new = read_new_passphrase()
    files.change_passphrase(proof, new)
    print("Your passphrase is changed. Your recovery key stays the same.")
    return OK


def _in_use(error: Exception) -> str:
    if classify(error) == "locked":
        return "your journal is in use (is Attune open?): close it and try again"
    return f"your journal could not be changed ({error})"


def _refused(message: str) -> int:
    print(visible(f"attune: {message}"), file=sys.stderr)
    return INVALID
