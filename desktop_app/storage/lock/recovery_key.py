"""The recovery key: 128 random bits a person writes down or prints, once, to open
the journal when the passphrase is forgotten.

Shown as 32 characters in eight groups of four, `XXXX-XXXX-…`, from Crockford's
base 32 alphabet (digits and capitals without I, L, O and U, so nothing is read as
another character). The 160 bits shown are the 128 secret bits and a 32-bit check (the
start of a SHA-256 of them), so a typo is found before any decryption is tried: one
wrong character in 4 billion slips through.

Typed input is forgiving: spaces, dashes and dots are ignored, small letters are
capitals, and O, I and L are read as 0, 1 and 1.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

from desktop_app.storage.lock.errors import LockError

#: Bytes of the secret part (128 bits).
SECRET_BYTES: Final = 16
_CHECK_BYTES: Final = 4
_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUES: Final = {char: value for value, char in enumerate(_ALPHABET)}
_READ_AS: Final = str.maketrans({"O": "0", "I": "1", "L": "1"})
_IGNORED: Final = frozenset(" -.\t\n\r\u00a0\u2010\u2011\u2012\u2013\u2014")
_CHARACTERS: Final = (SECRET_BYTES + _CHECK_BYTES) * 8 // 5
_GROUP: Final = 4


class RecoveryKey:
    """A recovery key: its secret bytes, and the text a person keeps."""

    __slots__ = ("_secret",)

    def __init__(self, secret: bytes) -> None:
        if len(secret) != SECRET_BYTES:
            raise ValueError(f"a recovery key is {SECRET_BYTES} bytes")
        self._secret = bytes(secret)

    @classmethod
    def new(cls) -> RecoveryKey:
        return cls(secrets.token_bytes(SECRET_BYTES))

    @classmethod
    def parse(cls, typed: str) -> RecoveryKey:
        """The recovery key a person typed; LockError ("mistyped-recovery-key") when a
        character is not one of the key's or its check does not match."""
        text = "".join(c for c in typed if c not in _IGNORED).upper().translate(_READ_AS)
        unknown = sorted({c for c in text if c not in _VALUES})
        if unknown:
            shown = " ".join(unknown)
            raise _mistyped(f"it has characters a recovery key never has ({shown}).")
        if len(text) != _CHARACTERS:
            raise _mistyped(f"it has {len(text)} letters and digits; a recovery key has 32.")
        number = 0
        for char in text:
            number = number << 5 | _VALUES[char]
        raw = number.to_bytes(SECRET_BYTES + _CHECK_BYTES, "big")
        secret, check = raw[:SECRET_BYTES], raw[SECRET_BYTES:]
        if not hmac.compare_digest(check, _check(secret)):
            raise _mistyped("one of its characters is not right.")
        return cls(secret)

    @property
    def secret(self) -> bytes:
        return self._secret

    @property
    def text(self) -> str:
        """The key as shown and printed: eight groups of four, joined by dashes."""
        number = int.from_bytes(self._secret + _check(self._secret), "big")
        chars = [_ALPHABET[number >> (5 * i) & 31] for i in reversed(range(_CHARACTERS))]
        groups = ["".join(chars[i : i + _GROUP]) for i in range(0, _CHARACTERS, _GROUP)]
        return "-".join(groups)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RecoveryKey) and hmac.compare_digest(self._secret, other._secret)

    def __hash__(self) -> int:
        return hash(_check(self._secret))

    def __repr__(self) -> str:
        return "RecoveryKey(<hidden>)"


def _check(secret: bytes) -> bytes:
    return hashlib.sha256(b"attune recovery key check\x00" + secret).digest()[:_CHECK_BYTES]


def _mistyped(why: str) -> LockError:
    return LockError(
        "mistyped-recovery-key",
        f"That recovery key has a typo: {why} Check it against the one you wrote down.",
    )
