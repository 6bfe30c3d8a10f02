"""What can go wrong with the journal lock, in plain words.

Every problem reaches callers as a `LockError` whose `kind` says what happened and
whose message says it in words a person can act on; callers show `str(error)` and
never a traceback. A wrong passphrase or recovery key writes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, TypeAlias

LockErrorKind: TypeAlias = Literal[
    "wrong-passphrase",  # the passphrase does not open the key file
    "wrong-recovery-key",  # a well-typed recovery key that does not open the key file
    "mistyped-recovery-key",  # its check does not match: a typo, nothing was tried
    "wrong-key",  # an encrypted file or journal does not open with the key
    "damaged",  # a key file or encrypted file that cannot be read (cut short, changed)
    "newer",  # made by a newer Attune (a format version this one does not know)
    "missing-key-file",  # a locked journal without its key file
    "weak-passphrase",  # a new passphrase that may not be chosen (empty, too short)
]


class LockError(Exception):
    """A problem with the journal lock, said in plain words (`str(error)`)."""

    def __init__(self, kind: LockErrorKind, message: str, *, detail: str = "") -> None:
        super().__init__(message)
        self.kind: LockErrorKind = kind
        self.message = message
        #: The technical cause, for logs (never a secret; may be empty).
        self.detail = detail


def wrong_passphrase() -> LockError:
    return LockError(
        "wrong-passphrase",
        "That passphrase does not unlock your journal. Check it and try again, or use "
        "your recovery key.",
    )


def missing_key_file(path: Path) -> LockError:
    """The journal is locked and its key file `path` is not there."""
    return LockError(
        "missing-key-file",
        "Your journal is locked, but its key file is missing "
        f"({path.name} beside the journal). Put it back from a copy of Attune's "
        "folder to open the journal.",
        detail=str(path),
    )


def damaged(what: str, detail: str) -> LockError:
    """`what` is damaged (cut short or changed), so it cannot be read."""
    return LockError(
        "damaged", f"{what} is damaged (cut short or changed), so it cannot be read.", detail=detail
    )


def newer(what: str, version: int) -> LockError:
    return LockError(
        "newer",
        f"{what} was made by a newer version of Attune (format {version}). It was not "
        "changed. Please use the newer Attune.",
    )
