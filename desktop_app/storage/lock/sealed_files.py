"""Encrypted files ("sealed"): Attune's personal files other than the journal while
the lock is on (pending answers, recordings, drafts kept beside the journal), in one
format, written in one step and read back in bounded memory.

    header  "ATTUNE-E" (8 bytes), version 1 (1 byte), log2 of the chunk size (1 byte,
            16: 64 KiB), 0 (2 bytes), salt (16 random bytes)        = 28 bytes
    chunks  AES-256-GCM of each 64 KiB of the content (the last one shorter, maybe
            empty), each followed by its 16-byte tag

Each file has its own key, HKDF-SHA256 of the data key with the file's salt and its
purpose ("attune sealed file 1: recording"), so the nonces can count chunks: the
nonce of chunk n is n in 11 bytes, then 1 for the last chunk and 0 for the others
(the STREAM construction). Every chunk's associated data is the header and the
purpose. So a chunk cannot be moved, dropped or repeated, the file cannot be cut
short at a chunk's end, and a draft cannot pass for a recording: each of these is a
`LockError` ("damaged") when read, as is any changed byte.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, Final, Literal, TypeAlias

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.errors import LockError, damaged, newer
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import replacing

#: What a sealed file holds; bound into its key and every chunk.
Purpose: TypeAlias = Literal["backup", "draft", "pending-answers", "recording"]

MAGIC: Final = b"ATTUNE-E"
VERSION: Final = 1
SALT_BYTES: Final = 16
TAG_BYTES: Final = 16
CHUNK_EXPONENT: Final = 16
CHUNK_BYTES: Final = 1 << CHUNK_EXPONENT
HEADER_BYTES: Final = len(MAGIC) + 4 + SALT_BYTES
#: Chunk sizes a reader accepts (4 KiB to 16 MiB), so a damaged header cannot ask for
#: gigabytes of memory.
_EXPONENTS: Final = range(12, 25)
_WHAT: Final = "An encrypted file of your journal's"


def is_sealed(path: Path) -> bool:
    """Whether `path` starts as a sealed file does (no key needed)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


class SealedWriter:
    """Encrypts what is written to it, chunk by chunk, into `out` (see `sealing`)."""

    def __init__(self, out: BinaryIO, key: DataKey, purpose: Purpose) -> None:
        salt = os.urandom(SALT_BYTES)
        header = MAGIC + bytes((VERSION, CHUNK_EXPONENT, 0, 0)) + salt
        self._cipher = _cipher(key, purpose, salt)
        self._associated = header + purpose.encode("ascii")
        self._out = out
        self._buffer = bytearray()
        self._number = 0
        out.write(header)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        self._buffer += data
        while len(self._buffer) > CHUNK_BYTES:  # the last chunk waits for `finish`
            self._emit(bytes(self._buffer[:CHUNK_BYTES]), last=False)
            del self._buffer[:CHUNK_BYTES]
        return len(data)

    def finish(self) -> None:
        self._emit(bytes(self._buffer), last=True)
        self._buffer.clear()

    def _emit(self, plain: bytes, *, last: bool) -> None:
        nonce = _nonce(self._number, last=last)
        self._out.write(self._cipher.encrypt(nonce, plain, self._associated))
        self._number += 1


@contextlib.contextmanager
def sealing(target: Path, key: DataKey, purpose: Purpose) -> Iterator[SealedWriter]:
    """A writer whose content becomes the sealed file `target` when the block ends
    well: written to a private temporary file beside it, synced, renamed over it (a
    crash leaves the old file or the new one); its folder is made, private, when
    missing. Copy a large file in with `shutil.copyfileobj(source, writer)`: memory
    stays at about one chunk."""
    ensure_private_dir(target.parent)
    with replacing(target) as temporary, temporary.open("wb") as out:
        writer = SealedWriter(out, key, purpose)
        yield writer
        writer.finish()


def write_sealed(target: Path, key: DataKey, purpose: Purpose, data: bytes) -> None:
    """`data` sealed into `target`, in one step."""
    with sealing(target, key, purpose) as writer:
        writer.write(data)


def unsealed_chunks(path: Path, key: DataKey, purpose: Purpose) -> Iterator[bytes]:
    """The content of the sealed file `path`, chunk by chunk. Every chunk given has
    been authenticated; a file cut short or changed raises LockError ("damaged") at
    the chunk where that shows, at the latest after the last one, so a caller that
    keeps what it reads must wait for the end before trusting it is whole."""
    with path.open("rb") as handle:
        header = handle.read(HEADER_BYTES)
        cipher, associated, size = _read_header(header, key, purpose)
        number = 0
        block = handle.read(size)
        while True:
            following = handle.read(size) if len(block) == size else b""
            last = not following
            try:
                yield cipher.decrypt(_nonce(number, last=last), block, associated)
            except InvalidTag:
                raise _not_authentic(number, last) from None
            if last:
                return
            block = following
            number += 1


def read_sealed(path: Path, key: DataKey, purpose: Purpose) -> bytes:
    """The whole content of a (small) sealed file."""
    return b"".join(unsealed_chunks(path, key, purpose))


def _read_header(header: bytes, key: DataKey, purpose: Purpose) -> tuple[AESGCM, bytes, int]:
    if len(header) < HEADER_BYTES or not header.startswith(MAGIC):
        raise damaged(_WHAT, "no sealed-file header")
    version, exponent = header[len(MAGIC)], header[len(MAGIC) + 1]
    if version > VERSION:
        raise newer(_WHAT, version)
    if version != VERSION or exponent not in _EXPONENTS:
        raise damaged(_WHAT, f"version {version}, chunk exponent {exponent}")
    salt = header[len(MAGIC) + 4 :]
    associated = header + purpose.encode("ascii")
    return _cipher(key, purpose, salt), associated, (1 << exponent) + TAG_BYTES


def _cipher(key: DataKey, purpose: Purpose, salt: bytes) -> AESGCM:
    return AESGCM(key.subkey(f"attune sealed file {VERSION}: {purpose}".encode("ascii"), salt))


def _nonce(number: int, *, last: bool) -> bytes:
    return number.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def _not_authentic(number: int, last: bool) -> LockError:
    where = "its end is missing or changed" if last else f"part {number + 1} was changed"
    return LockError(
        "damaged",
        "An encrypted file of your journal's is damaged (cut short or changed) or was "
        "encrypted with another key, so it cannot be read.",
        detail=where,
    )
