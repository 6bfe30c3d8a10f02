"""The journal's data key: 256 random bits that encrypt the journal, its backups and
Attune's other personal files while the lock is on. It is never written anywhere as
it is, only wrapped (`key_file`), and it never appears in a repr or a log line."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

#: 256 bits, for AES-256 (SQLCipher and AES-GCM alike).
KEY_BYTES: Final = 32


class DataKey:
    """A 256-bit key. Compares in constant time; its repr shows no byte of it."""

    __slots__ = ("_bytes",)

    def __init__(self, raw: bytes) -> None:
        if len(raw) != KEY_BYTES:
            raise ValueError(f"a data key is {KEY_BYTES} bytes, not {len(raw)}")
        self._bytes = bytes(raw)

    @classmethod
    def new(cls) -> DataKey:
        """A fresh key from the operating system's random source."""
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def raw(self) -> bytes:
        return self._bytes

    def sqlcipher_pragma(self) -> str:
        """`PRAGMA key` with the key given raw (`x'…'`), so SQLCipher uses it as it is
        and runs no key derivation of its own: the passphrase's slow derivation was
        done once, by Argon2id, to unwrap this key."""
        return f"PRAGMA key = \"x'{self._bytes.hex()}'\""

    def subkey(self, purpose: bytes, salt: bytes) -> bytes:
        """A 256-bit key for one use (HKDF-SHA256, RFC 5869), so the data key itself
        encrypts nothing but the journal."""
        derivation = HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=purpose)
        return derivation.derive(self._bytes)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DataKey) and hmac.compare_digest(self._bytes, other._bytes)

    def __hash__(self) -> int:
        return hash(hashlib.sha256(b"attune data key id" + self._bytes).digest())

    def __repr__(self) -> str:
        return "DataKey(<hidden>)"
