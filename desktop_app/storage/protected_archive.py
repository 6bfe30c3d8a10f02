"""A passphrase-protected ZIP archive of one file, for an export that leaves a locked
journal (issue 16): WinZip's AES encryption, AE-2 with a 256-bit key, so the person's
therapist opens it with 7-Zip, Keka, The Unarchiver, Windows' own 7-Zip or Linux's
file-roller and `7z`, none of which read anything newer.

The format, after the published WinZip AES specification ("AES Encryption Information:
Encryption Specification AE-1 and AE-2"):

- The entry's method is 99 and its extra field 0x9901 names AE-2, vendor "AE", strength
  3 (AES-256) and the real method (8, deflate).
- PBKDF2-HMAC-SHA1 of the passphrase (UTF-8, as 7-Zip and WinZip read it) with a random
  16-byte salt, 1000 iterations, gives 66 bytes: the AES key, the HMAC key and a 2-byte
  passphrase check, in that order.
- The deflated content is encrypted with AES-256 in counter mode whose counter is a
  little-endian 128-bit number starting at 1 (not the big-endian counter of NIST's CTR,
  so the counter blocks are made here and encrypted with AES directly).
- Stored: salt, passphrase check, ciphertext, then the first 10 bytes of HMAC-SHA1 of
  the ciphertext. AE-2 leaves the CRC at 0: the HMAC authenticates the content instead.

The archive's layout (headers, central directory) is not encrypted: the file's name,
size and time show, as in every ZIP. Nothing here imports Qt.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import struct
import zlib
from datetime import datetime
from typing import Final

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

SALT_BYTES: Final = 16  # for AES-256
KEY_BYTES: Final = 32
CHECK_BYTES: Final = 2
AUTH_CODE_BYTES: Final = 10
ITERATIONS: Final = 1000
#: ZIP's method number for WinZip AES, and the extra field that describes it.
AES_METHOD: Final = 99
AES_EXTRA_ID: Final = 0x9901
AE_2: Final = 2
AES_256_STRENGTH: Final = 3
DEFLATE: Final = 8
#: Version needed to extract: 5.1, the first with AES.
VERSION_NEEDED: Final = 51
#: Version made by: Unix (3) << 8 | 6.3, so the external attributes hold file modes.
VERSION_MADE_BY: Final = (3 << 8) | 63
#: General purpose flags: bit 0 encrypted, bit 11 the name is UTF-8.
FLAGS: Final = 0x0001 | 0x0800
#: AES blocks encrypted per call: 64 KiB of key stream at a time.
_BLOCKS_PER_CALL: Final = 4096


def protected_zip(name: str, content: bytes, passphrase: str, when: datetime) -> bytes:
    """A ZIP archive holding `content` as the file `name`, encrypted under
    `passphrase` (AE-2, AES-256). `when` is the file's time as shown in the archive.
    ValueError for an empty passphrase or a name that is not a plain file name."""
    if not passphrase:
        raise ValueError("an archive's passphrase cannot be empty")
    if not name or "/" in name or "\\" in name or name in (".", ".."):
        raise ValueError(f"not a plain file name: {name!r}")
    salt = secrets.token_bytes(SALT_BYTES)
    aes_key, auth_key, check = derive_keys(passphrase, salt)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate, as ZIP stores it
    deflated = compressor.compress(content) + compressor.flush()
    ciphertext = winzip_ctr(aes_key, deflated)
    auth_code = hmac.new(auth_key, ciphertext, hashlib.sha1).digest()[:AUTH_CODE_BYTES]
    data = salt + check + ciphertext + auth_code

    encoded_name = name.encode("utf-8")
    extra = struct.pack("<HHH2sBH", AES_EXTRA_ID, 7, AE_2, b"AE", AES_256_STRENGTH, DEFLATE)
    dos_time, dos_date = _dos_time(when)
    common = struct.pack(
        "<HHHHHIIIHH",
        VERSION_NEEDED,
        FLAGS,
        AES_METHOD,
        dos_time,
        dos_date,
        0,  # CRC-32: left 0 by AE-2
        len(data),
        len(content),
        len(encoded_name),
        len(extra),
    )
    local = b"PK\x03\x04" + common + encoded_name + extra
    central = (
        b"PK\x01\x02"
        + struct.pack("<H", VERSION_MADE_BY)
        + common
        + struct.pack("<HHHII", 0, 0, 0, (0o100600 << 16), 0)  # a private file, at offset 0
        + encoded_name
        + extra
    )
    central_offset = len(local) + len(data)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), central_offset, 0)
    if central_offset > 0xFFFFFFFF or len(content) > 0xFFFFFFFF:
        raise ValueError("an export this large needs ZIP64, which this archive does not write")
    return local + data + central + end


def derive_keys(passphrase: str, salt: bytes) -> tuple[bytes, bytes, bytes]:
    """The AES key, the HMAC key and the 2-byte passphrase check, from `passphrase`."""
    derived = hashlib.pbkdf2_hmac(
        "sha1", passphrase.encode("utf-8"), salt, ITERATIONS, 2 * KEY_BYTES + CHECK_BYTES
    )
    return derived[:KEY_BYTES], derived[KEY_BYTES : 2 * KEY_BYTES], derived[2 * KEY_BYTES :]


def winzip_ctr(key: bytes, data: bytes) -> bytes:
    """`data` XOR the key stream of AES in WinZip's counter mode (a little-endian
    counter from 1); the same call decrypts."""
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # over counter blocks
    out = bytearray()
    block = 16
    blocks = (len(data) + block - 1) // block
    for first in range(0, blocks, _BLOCKS_PER_CALL):
        last = min(first + _BLOCKS_PER_CALL, blocks)
        counters = b"".join((n + 1).to_bytes(block, "little") for n in range(first, last))
        stream = encryptor.update(counters)
        chunk = data[first * block : last * block]
        keystream = int.from_bytes(stream[: len(chunk)], "little")
        out += (int.from_bytes(chunk, "little") ^ keystream).to_bytes(len(chunk), "little")
    return bytes(out)


def _dos_time(when: datetime) -> tuple[int, int]:
    """ZIP's MS-DOS time and date (two-second steps; years 1980 to 2107)."""
    year = min(max(when.year, 1980), 2107)
    time = (when.hour << 11) | (when.minute << 5) | (when.second // 2)
    day = ((year - 1980) << 9) | (when.month << 5) | when.day
    return time, day
