"""Reading a passphrase or a recovery key on the command line, the same way for every
command: from the terminal without echo (`getpass`), or, when standard input is not
a terminal, one line from it (twice where a new passphrase must be confirmed), so
scripts and tests can give them. The line's end is taken off, nothing else: spaces
count, as they do in the window.

`journal_key` is what every command that reads the journal asks first: nothing for a
plain journal, the passphrase for a locked one.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from desktop_app.storage.journal_files import JournalFiles, Passphrase, Proof, TypedRecoveryKey
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.paths import AppPaths

if TYPE_CHECKING:
    from desktop_app.storage.lock.data_key import DataKey


class SecretNotGiven(Exception):
    """No passphrase could be read, or the two typed differ; said in plain words."""


def read_secret(prompt: str) -> str:
    """One passphrase or recovery key: typed without echo at a terminal, else the next
    line of standard input (UTF-8)."""
    if sys.stdin.isatty():
        import getpass  # only at a terminal: a command given lines loads none of it

        try:
            return getpass.getpass(prompt)
        except EOFError:
            raise SecretNotGiven("nothing was typed") from None
    line = sys.stdin.buffer.readline()
    if not line:
        raise SecretNotGiven(
            f"{prompt.rstrip(': ').lower()} was asked, but standard input had no line left"
        )
    try:
        return line.removesuffix(b"\n").removesuffix(b"\r").decode("utf-8")
    except UnicodeDecodeError:
        raise SecretNotGiven("the line given on standard input is not UTF-8 text") from None


def read_new_passphrase() -> str:
    """A new passphrase, typed twice: SecretNotGiven when the two differ."""
    first = read_secret("New passphrase: ")
    if read_secret("The new passphrase again: ") != first:
        raise SecretNotGiven("the two new passphrases differ; nothing was changed")
    return first


def read_proof(recovery_key: bool) -> Proof:
    """The journal's passphrase, or its recovery key when `recovery_key`."""
    if recovery_key:
        return TypedRecoveryKey(read_secret("Recovery key: "))
    return Passphrase(read_secret("Passphrase of your journal: "))


class NotUnlocked(Exception):
    """The journal is locked and was not unlocked: why, in plain words."""


def journal_key(paths: AppPaths) -> DataKey | None:
    """The data key to open the journal with: None when it is not locked; else its
    passphrase is asked for and unlocks it. What a crash left is settled first, as
    at every start. NotUnlocked for a wrong passphrase, a missing key file or none
    given; nothing is written then."""
    files = JournalFiles.of(paths)
    files.settle()
    if files.lock_state() == "off":
        return None
    try:
        files.refuse_missing_key_file()
        return files.unlock(read_proof(recovery_key=False))
    except (LockError, SecretNotGiven) as error:
        raise NotUnlocked(str(error)) from None
