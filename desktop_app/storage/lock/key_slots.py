"""The two wraps of the data key in the key file ("slots"): one under a key derived
from the passphrase (Argon2id), one under a key derived from the recovery key
(HKDF-SHA256: the recovery key has 128 random bits, so a slow derivation adds
nothing). Each is AES-256-GCM with a fresh 96-bit nonce, and its associated data is
the slot's own description (format, version, slot name, derivation and its
parameters, salt), so no parameter can be changed or swapped between slots or files
without the unwrap failing. docs/journal-lock.md has the exact bytes.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass
from typing import Final, Literal

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop_app.storage.lock.data_key import KEY_BYTES, DataKey
from desktop_app.storage.lock.passphrase import (
    ARGON2_VERSION_NUMBER,
    SALT_BYTES,
    Argon2Params,
    derive_wrapping_key,
)
from desktop_app.storage.lock.recovery_key import RecoveryKey

FORMAT: Final = "attune-journal-key"
VERSION: Final = 1
NONCE_BYTES: Final = 12
#: The wrapped key: 32 bytes of key and GCM's 16-byte tag.
WRAPPED_BYTES: Final = KEY_BYTES + 16
_RECOVERY_INFO: Final = b"attune journal key: recovery wrap"


def associated_data(
    slot: Literal["passphrase", "recovery"], description: dict[str, object]
) -> bytes:
    """What each wrap authenticates: canonical JSON (sorted keys, no spaces) of the
    format, version, slot name and the slot's fields other than nonce and wrapped key."""
    bound = {"format": FORMAT, "version": VERSION, "slot": slot, **description}
    return json.dumps(bound, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True)
class PassphraseSlot:
    params: Argon2Params
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    @classmethod
    def wrap(cls, key: DataKey, passphrase: str, params: Argon2Params) -> PassphraseSlot:
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        wrapping = derive_wrapping_key(passphrase, salt, params)
        slot = cls(params, salt, nonce, b"")
        wrapped = AESGCM(wrapping).encrypt(nonce, key.raw, slot.associated_data())
        return cls(params, salt, nonce, wrapped)

    def unwrap(self, passphrase: str) -> DataKey | None:
        """The data key, or None when `passphrase` is not the one it was wrapped with
        (or the slot was changed)."""
        wrapping = derive_wrapping_key(passphrase, self.salt, self.params)
        return _unwrap(wrapping, self.nonce, self.wrapped_key, self.associated_data())

    def description(self) -> dict[str, object]:
        return {
            "kdf": "argon2id",
            "argon2_version": ARGON2_VERSION_NUMBER,
            "time_cost": self.params.time_cost,
            "memory_kib": self.params.memory_kib,
            "parallelism": self.params.parallelism,
            "salt": _text(self.salt),
        }

    def associated_data(self) -> bytes:
        return associated_data("passphrase", self.description())


@dataclass(frozen=True)
class RecoverySlot:
    salt: bytes
    nonce: bytes
    wrapped_key: bytes

    @classmethod
    def wrap(cls, key: DataKey, recovery: RecoveryKey) -> RecoverySlot:
        salt = secrets.token_bytes(SALT_BYTES)
        nonce = secrets.token_bytes(NONCE_BYTES)
        slot = cls(salt, nonce, b"")
        wrapped = AESGCM(slot._wrapping_key(recovery)).encrypt(
            nonce, key.raw, slot.associated_data()
        )
        return cls(salt, nonce, wrapped)

    def unwrap(self, recovery: RecoveryKey) -> DataKey | None:
        """The data key, or None when `recovery` is not the key it was wrapped with."""
        wrapping = self._wrapping_key(recovery)
        return _unwrap(wrapping, self.nonce, self.wrapped_key, self.associated_data())

    def description(self) -> dict[str, object]:
        return {"kdf": "hkdf-sha256", "salt": _text(self.salt)}

    def associated_data(self) -> bytes:
        return associated_data("recovery", self.description())

    def _wrapping_key(self, recovery: RecoveryKey) -> bytes:
        derivation = HKDF(hashes.SHA256(), length=KEY_BYTES, salt=self.salt, info=_RECOVERY_INFO)
        return derivation.derive(recovery.secret)


def _unwrap(wrapping: bytes, nonce: bytes, wrapped: bytes, aad: bytes) -> DataKey | None:
    try:
        return DataKey(AESGCM(wrapping).decrypt(nonce, wrapped, aad))
    except (InvalidTag, ValueError):
        return None


def _text(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")
