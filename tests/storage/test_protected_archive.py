"""The passphrase-protected ZIP (WinZip AES, AE-2): read back by a real external reader,
7-Zip's `7z` (Debian's p7zip-full), with the right and a wrong passphrase, and by a
reader written here from the published specification."""

from __future__ import annotations

import hashlib
import hmac
import os
import shutil
import struct
import subprocess
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.storage.protected_archive import (
    AES_METHOD,
    AUTH_CODE_BYTES,
    SALT_BYTES,
    derive_keys,
    protected_zip,
    winzip_ctr,
)

WHEN = datetime(2026, 12, 7, 21, 30, 14)
SEVEN_ZIP = shutil.which("7z")
# CI installs 7z (scripts/_setup.sh), so there a missing one fails rather than skips.
needs_7z = pytest.mark.skipif(
    SEVEN_ZIP is None and os.environ.get("CI", "") in ("", "false"),
    reason="7z (Debian's p7zip-full) is not installed",
)


class WrongPassphrase(Exception):
    pass


def read_back(archive: bytes, passphrase: str) -> tuple[str, bytes]:
    """The one file in `archive`: its name and content, checked as a reader must."""
    assert archive[:4] == b"PK\x03\x04"
    (_, flags, method, _, _, crc, size, plain_size, name_length, extra_length) = struct.unpack(
        "<HHHHHIIIHH", archive[4:30]
    )
    assert flags & 1 and flags & 0x0800
    assert method == AES_METHOD and crc == 0
    name = archive[30 : 30 + name_length].decode("utf-8")
    extra = archive[30 + name_length : 30 + name_length + extra_length]
    header_id, extra_size, vendor_version, vendor, strength, real_method = struct.unpack(
        "<HHH2sBH", extra
    )
    assert (header_id, extra_size, vendor_version, vendor, strength, real_method) == (
        0x9901,
        7,
        2,
        b"AE",
        3,
        8,
    )
    start = 30 + name_length + extra_length
    data = archive[start : start + size]
    salt, check = data[:SALT_BYTES], data[SALT_BYTES : SALT_BYTES + 2]
    ciphertext, code = data[SALT_BYTES + 2 : -AUTH_CODE_BYTES], data[-AUTH_CODE_BYTES:]
    aes_key, auth_key, expected_check = derive_keys(passphrase, salt)
    if check != expected_check:
        raise WrongPassphrase
    assert hmac.compare_digest(
        code, hmac.new(auth_key, ciphertext, hashlib.sha1).digest()[:AUTH_CODE_BYTES]
    )
    content = zlib.decompress(winzip_ctr(aes_key, ciphertext), -15)
    assert len(content) == plain_size
    return name, content


def seven_zip(archive: Path, passphrase: str, into: Path) -> subprocess.CompletedProcess[str]:
    assert SEVEN_ZIP is not None
    environment = {**os.environ, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [SEVEN_ZIP, "x", "-y", f"-p{passphrase}", f"-o{into}", str(archive)],
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )


def test_round_trip_in_python() -> None:
    content = "# Journal\n\nSpokojno. 平静 😊 Zażółć\n".encode()
    archive = protected_zip("attune-journal.md", content, "correct horse battery", WHEN)
    assert read_back(archive, "correct horse battery") == ("attune-journal.md", content)
    with pytest.raises(WrongPassphrase):
        read_back(archive, "correct horse batterY")


def test_the_content_is_not_in_the_archive_in_the_clear() -> None:
    content = b"a phrase nobody else should read " * 50
    archive = protected_zip("export.csv", content, "passphrase", WHEN)
    assert b"nobody else" not in archive


def test_each_archive_has_its_own_salt() -> None:
    first = protected_zip("a.md", b"same", "same passphrase", WHEN)
    second = protected_zip("a.md", b"same", "same passphrase", WHEN)
    assert first != second


def test_refuses_an_empty_passphrase_and_a_path_for_a_name() -> None:
    with pytest.raises(ValueError, match="empty"):
        protected_zip("a.md", b"x", "", WHEN)
    for name in ("", "../a.md", "folder/a.md", "a\\b.md", ".."):
        with pytest.raises(ValueError, match="plain file name"):
            protected_zip(name, b"x", "passphrase", WHEN)


def test_the_counter_is_little_endian_from_one() -> None:
    # Block n of the key stream is AES(key, n as 16 little-endian bytes), n from 1.
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    key = bytes(range(32))
    zeros = bytes(16 * 3)
    aes = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    expected = b"".join(aes.update(n.to_bytes(16, "little")) for n in (1, 2, 3))
    assert winzip_ctr(key, zeros) == expected
    assert winzip_ctr(key, zeros[:5]) == expected[:5]


@needs_7z
@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("attune-journal.md", "# Journal\n\nSpokojno. 平静 😊 Zażółć\n".encode()),
        ("attune-report.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 300),
        ("leeg.csv", b""),
    ],
)
def test_7z_opens_it_with_the_passphrase(tmp_path: Path, name: str, content: bytes) -> None:
    archive = tmp_path / "export.zip"
    archive.write_bytes(protected_zip(name, content, "een lange zin om te onthouden", WHEN))
    out = tmp_path / "out"
    result = seven_zip(archive, "een lange zin om te onthouden", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [p.name for p in out.iterdir()] == [name]
    assert (out / name).read_bytes() == content


@needs_7z
def test_7z_refuses_a_wrong_passphrase(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    archive.write_bytes(protected_zip("a.md", b"private words", "the right one", WHEN))
    out = tmp_path / "out"
    result = seven_zip(archive, "the wrong one", out)
    assert result.returncode != 0
    assert "Wrong password" in result.stdout + result.stderr
    assert not (out / "a.md").exists() or (out / "a.md").read_bytes() != b"private words"


@needs_7z
def test_7z_lists_aes_256(tmp_path: Path) -> None:
    assert SEVEN_ZIP is not None
    archive = tmp_path / "export.zip"
    archive.write_bytes(protected_zip("a.md", b"words", "passphrase", WHEN))
    listing = subprocess.run(
        [SEVEN_ZIP, "l", "-slt", "-pwrong", str(archive)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert "Method = AES-256 Deflate" in listing
    assert "Encrypted = +" in listing


passphrases = st.text(
    st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda text: not text.startswith("-"))


@settings(max_examples=60)
@given(content=st.binary(max_size=70_000), passphrase=passphrases)
def test_property_round_trip_in_python(content: bytes, passphrase: str) -> None:
    archive = protected_zip("export.json", content, passphrase, WHEN)
    assert read_back(archive, passphrase) == ("export.json", content)


@needs_7z
@settings(max_examples=12)
@given(
    content=st.binary(max_size=20_000),
    passphrase=passphrases.filter(lambda text: text.isprintable() and "\x00" not in text),
)
def test_property_7z_reads_what_was_written(
    tmp_path_factory: pytest.TempPathFactory, content: bytes, passphrase: str
) -> None:
    folder = tmp_path_factory.mktemp("archive")
    archive = folder / "export.zip"
    archive.write_bytes(protected_zip("export.json", content, passphrase, WHEN))
    result = seven_zip(archive, passphrase, folder / "out")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (folder / "out" / "export.json").read_bytes() == content
