"""The key file: the data key wrapped twice (passphrase and recovery key), as a
small versioned JSON file written atomically and privately (0600).

    {"format": "attune-journal-key", "version": 1,
     "passphrase": {"kdf": "argon2id", "argon2_version": 19, "time_cost": 3,
                    "memory_kib": 131072, "parallelism": 4, "salt": "<base64>",
                    "nonce": "<base64>", "wrapped_key": "<base64>"},
     "recovery": {"kdf": "hkdf-sha256", "salt": "<base64>", "nonce": "<base64>",
                  "wrapped_key": "<base64>"}}

docs/journal-lock.md is the specification. Reading checks every field (a damaged file
is a `LockError` "damaged", a later version "newer") and never writes.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from desktop_app.storage.lock.errors import damaged, missing_key_file, newer
from desktop_app.storage.lock.key_slots import (
    FORMAT,
    NONCE_BYTES,
    VERSION,
    WRAPPED_BYTES,
    PassphraseSlot,
    RecoverySlot,
)
from desktop_app.storage.lock.passphrase import ARGON2_VERSION_NUMBER, SALT_BYTES, Argon2Params
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import write_private

#: A key file is about 600 bytes; anything much larger is not one.
_MOST_BYTES: Final = 64 * 1024
_WHAT: Final = "Your journal's key file"


@dataclass(frozen=True)
class KeyFile:
    passphrase: PassphraseSlot
    recovery: RecoverySlot

    def to_bytes(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "passphrase": {**self.passphrase.description(), **_sealed(self.passphrase)},
            "recovery": {**self.recovery.description(), **_sealed(self.recovery)},
        }
        return (json.dumps(document, indent=1) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyFile:
        """The key file in `data`; LockError "damaged" or "newer" when it is not one
        this Attune can read."""
        try:
            document = json.loads(data.decode("utf-8"))
            if not isinstance(document, dict) or document.get("format") != FORMAT:
                raise ValueError("not an Attune key file")
            version = document.get("version")
            if not isinstance(version, int) or isinstance(version, bool) or version < 1:
                raise ValueError(f"version {version!r}")
            if version > VERSION:
                raise newer(_WHAT, version)
            return cls(
                _passphrase_slot(document["passphrase"]), _recovery_slot(document["recovery"])
            )
        except (ValueError, KeyError, TypeError, binascii.Error, RecursionError) as error:
            raise damaged(_WHAT, f"{type(error).__name__}: {error}") from None

    def write(self, path: Path) -> None:
        """Write the file in one step (a crash leaves the old one or this), 0600, in a
        private folder (made when missing)."""
        ensure_private_dir(path.parent)
        write_private(path, self.to_bytes())

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        """LockError "missing-key-file" when there is none, "damaged" or "newer"."""
        try:
            with path.open("rb") as handle:
                data = handle.read(_MOST_BYTES + 1)
        except FileNotFoundError:
            raise missing_key_file(path) from None
        if len(data) > _MOST_BYTES:
            raise damaged(_WHAT, f"{len(data)} bytes or more")
        return cls.from_bytes(data)


def _sealed(slot: PassphraseSlot | RecoverySlot) -> dict[str, str]:
    return {
        "nonce": base64.b64encode(slot.nonce).decode("ascii"),
        "wrapped_key": base64.b64encode(slot.wrapped_key).decode("ascii"),
    }


def _passphrase_slot(fields: Any) -> PassphraseSlot:
    if not isinstance(fields, dict) or fields.get("kdf") != "argon2id":
        raise ValueError("the passphrase slot is not Argon2id")
    if fields.get("argon2_version") != ARGON2_VERSION_NUMBER:
        raise ValueError(f"Argon2 version {fields.get('argon2_version')!r}")
    params = Argon2Params(
        _whole(fields, "time_cost"), _whole(fields, "memory_kib"), _whole(fields, "parallelism")
    )
    params.check()
    return PassphraseSlot(params, *_salt_nonce_wrapped(fields))


def _recovery_slot(fields: Any) -> RecoverySlot:
    if not isinstance(fields, dict) or fields.get("kdf") != "hkdf-sha256":
        raise ValueError("the recovery slot is not HKDF-SHA256")
    return RecoverySlot(*_salt_nonce_wrapped(fields))


def _salt_nonce_wrapped(fields: dict[str, Any]) -> tuple[bytes, bytes, bytes]:
    return (
        _decoded(fields, "salt", SALT_BYTES),
        _decoded(fields, "nonce", NONCE_BYTES),
        _decoded(fields, "wrapped_key", WRAPPED_BYTES),
    )


def _whole(fields: dict[str, Any], name: str) -> int:
    value = fields[name]
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"{name} is not a whole number")
    return value


def _decoded(fields: dict[str, Any], name: str, size: int) -> bytes:
    text = fields[name]
    if not isinstance(text, str):
        raise ValueError(f"{name} is not text")
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != size:
        raise ValueError(f"{name} has {len(raw)} bytes, not {size}")
    return raw
