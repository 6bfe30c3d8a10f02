"""From a passphrase to the key that wraps the data key: Argon2id (RFC 9106).

A passphrase is Unicode: it is normalised to NFC before it is encoded as UTF-8, so
"é" typed as one character or as "e" and a combining accent is the same passphrase on
every keyboard and system. Nothing else is changed (no trimming, no case folding).

The cost parameters are kept in the key file beside the salt, so they can be raised
later for new key files while old ones still open. `DEFAULT_PARAMS` was chosen by
measurement (docs/journal-lock.md, bench/bench_lock.py) on the 2-core machine the
project is built on, so unlock stays well under half a second on a slower or busy
computer too.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Final

from argon2.low_level import ARGON2_VERSION, Type, hash_secret_raw

from desktop_app.storage.lock.errors import LockError

#: Bytes of the derived key (AES-256).
DERIVED_BYTES: Final = 32
#: Bytes of the random salt stored beside the parameters.
SALT_BYTES: Final = 16
#: The weakest parameters a key file may ask for: a damaged or hostile file must not
#: turn the derivation into a formality.
_FLOOR_MEMORY_KIB: Final = 8 * 1024
#: The strongest: a hostile file must not make unlocking take minutes or all memory.
_CEILING_MEMORY_KIB: Final = 4 * 1024 * 1024
_CEILING_TIME_COST: Final = 64
#: (Argon2 needs 8 KiB a lane: the memory floor covers the most lanes.)
_CEILING_PARALLELISM: Final = 64


@dataclass(frozen=True)
class Argon2Params:
    """Argon2id's cost: passes over memory, memory in KiB, lanes."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def check(self) -> None:
        """ValueError unless every cost lies within what Attune accepts."""
        if not (1 <= self.time_cost <= _CEILING_TIME_COST):
            raise ValueError(f"Argon2id time cost {self.time_cost} out of range")
        if not (1 <= self.parallelism <= _CEILING_PARALLELISM):
            raise ValueError(f"Argon2id parallelism {self.parallelism} out of range")
        if not (_FLOOR_MEMORY_KIB <= self.memory_kib <= _CEILING_MEMORY_KIB):
            raise ValueError(f"Argon2id memory {self.memory_kib} KiB out of range")


#: 128 MiB, 2 passes, 4 lanes: twice the memory of RFC 9106's second recommended
#: setting (64 MiB, t=3, p=4) for about the same time: 0.11 s here when the machine
#: is idle, 0.25–0.3 s while other work keeps both cores busy.
DEFAULT_PARAMS: Final = Argon2Params(time_cost=2, memory_kib=128 * 1024, parallelism=4)

#: The version of Argon2 itself (0x13, the one in RFC 9106).
ARGON2_VERSION_NUMBER: Final = ARGON2_VERSION


#: The fewest characters (after NFC) a new passphrase may have: NIST SP 800-63B's
#: least for a secret a person chooses. Argon2id makes each guess cost about 0.1 s and
#: 128 MiB, which slows a search of every short word but cannot make one safe.
#: Existing passphrases are never measured: only one being chosen.
MIN_LENGTH: Final = 8


def check_new_passphrase(passphrase: str) -> None:
    """LockError ("weak-passphrase") for a passphrase that may not be chosen: shorter
    than `MIN_LENGTH` characters, only spaces, or not text (a lone surrogate, from
    bytes that were not UTF-8)."""
    text = unicodedata.normalize("NFC", passphrase)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise LockError(
            "weak-passphrase", "That passphrase holds something that is not text."
        ) from None
    if not text.strip():
        message = "A passphrase cannot be empty or only spaces."
    elif len(text) < MIN_LENGTH:
        message = f"A passphrase needs at least {MIN_LENGTH} characters; a few words are best."
    else:
        return
    raise LockError("weak-passphrase", message)


def normalised(passphrase: str) -> bytes:
    """The bytes Argon2id is given: NFC, then UTF-8. ValueError for an empty one."""
    if not passphrase:
        raise ValueError("a passphrase cannot be empty")
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive_wrapping_key(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    """The 256-bit key that wraps the data key, from `passphrase` and `salt`."""
    params.check()
    return hash_secret_raw(
        secret=normalised(passphrase),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=DERIVED_BYTES,
        type=Type.ID,
        version=ARGON2_VERSION_NUMBER,
    )
