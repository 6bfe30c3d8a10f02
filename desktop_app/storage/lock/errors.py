"""What can go wrong with the journal lock, in plain words.

Every problem reaches callers as a `LockError` whose `kind` says what happened and
whose message says it in words a person can act on; callers show `str(error)` and
never a traceback. A wrong passphrase or recovery key writes nothing.
"""

from __future__ import annotations

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
