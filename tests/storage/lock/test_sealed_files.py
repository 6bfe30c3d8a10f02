"""Sealed files: one encrypted format for Attune's personal files while the lock is on,
streamed in bounded memory, written in one step; anything wrong is a plain error."""

from __future__ import annotations

import os
import shutil
import stat
import tracemalloc
from pathlib import Path

import pytest

from desktop_app.storage.lock.data_key import DataKey
from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.sealed_files import (
    CHUNK_BYTES,
    HEADER_BYTES,
    TAG_BYTES,
    is_sealed,
    read_sealed,
    sealing,
    unsealed_chunks,
    write_sealed,
)

KEY = DataKey(bytes(range(32)))
PHRASE = "Ik voel me rustig. Спокойно. 平静 😊"


@pytest.mark.parametrize(
    "size", [0, 1, CHUNK_BYTES - 1, CHUNK_BYTES, CHUNK_BYTES + 1, 3 * CHUNK_BYTES + 17]
)
def test_what_is_sealed_reads_back_the_same(tmp_path: Path, size: int) -> None:
    data = os.urandom(size)
    target = tmp_path / "answers.sealed"
    write_sealed(target, KEY, "pending-answers", data)
    assert read_sealed(target, KEY, "pending-answers") == data
    chunks = max(1, -(-size // CHUNK_BYTES))
    assert target.stat().st_size == HEADER_BYTES + size + chunks * TAG_BYTES
    assert is_sealed(target)


def test_nothing_of_the_content_shows_and_two_seals_differ(tmp_path: Path) -> None:
    data = (PHRASE * 50).encode("utf-8")
    write_sealed(tmp_path / "a", KEY, "draft", data)
    write_sealed(tmp_path / "b", KEY, "draft", data)
    a, b = (tmp_path / "a").read_bytes(), (tmp_path / "b").read_bytes()
    assert a != b  # a fresh salt, so a fresh key, every time
    for sealed in (a, b):
        assert PHRASE.encode("utf-8") not in sealed
        assert "rustig".encode("utf-16-le") not in sealed


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_sealed_file_is_private_and_leaves_no_temporary(tmp_path: Path, umask: int) -> None:
    target = tmp_path / "draft.sealed"
    write_sealed(target, KEY, "draft", b"x")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["draft.sealed"]


def test_a_failed_write_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "draft.sealed"
    write_sealed(target, KEY, "draft", b"old")
    with pytest.raises(RuntimeError), sealing(target, KEY, "draft") as writer:
        writer.write(b"new" * CHUNK_BYTES)
        raise RuntimeError("the disk went away")
    assert read_sealed(target, KEY, "draft") == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.sealed"]


def test_a_large_recording_streams_in_bounded_memory(tmp_path: Path) -> None:
    size = 24 * 1024 * 1024
    source = tmp_path / "recording.wav"
    with source.open("wb") as out:
        for _ in range(size // CHUNK_BYTES):
            out.write(os.urandom(CHUNK_BYTES))
    target = tmp_path / "recording.sealed"
    tracemalloc.start()
    try:
        with source.open("rb") as plain, sealing(target, KEY, "recording") as writer:
            shutil.copyfileobj(plain, writer, CHUNK_BYTES)
        _, writing_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        back = tmp_path / "back.wav"
        with back.open("wb") as out:
            for chunk in unsealed_chunks(target, KEY, "recording"):
                out.write(chunk)
        _, reading_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert writing_peak < 2 * 1024 * 1024, writing_peak
    assert reading_peak < 2 * 1024 * 1024, reading_peak
    assert back.read_bytes() == source.read_bytes()


def test_another_purpose_or_key_cannot_read_it(tmp_path: Path) -> None:
    target = tmp_path / "x.sealed"
    write_sealed(target, KEY, "draft", b"a draft")
    with pytest.raises(LockError) as caught:
        read_sealed(target, KEY, "recording")
    assert caught.value.kind == "damaged"
    with pytest.raises(LockError):
        read_sealed(target, DataKey.new(), "draft")


def altered(sealed: bytes) -> dict[str, bytes]:
    """Ways a sealed file of three chunks can be damaged or tampered with."""
    size = CHUNK_BYTES + TAG_BYTES
    header, body = sealed[:HEADER_BYTES], sealed[HEADER_BYTES:]
    first, second, third = body[:size], body[size : 2 * size], body[2 * size :]
    flipped = bytearray(sealed)
    flipped[HEADER_BYTES + size + 100] ^= 0x01
    salt_changed = bytearray(sealed)
    salt_changed[HEADER_BYTES - 1] ^= 0x80
    return {
        "cut in the header": sealed[: HEADER_BYTES - 3],
        "cut after the header": header,
        "cut at a chunk's end": header + first + second,
        "cut inside a chunk": sealed[:-5],
        "the last byte gone": sealed[:-1],
        "a byte flipped": bytes(flipped),
        "the salt changed": bytes(salt_changed),
        "chunks swapped": header + second + first + third,
        "a chunk repeated": header + first + first + second + third,
        "a chunk dropped": header + first + third,
        "bytes added": sealed + b"\x00" * 20,
        "a chunk added": sealed + third,
    }


def test_damage_of_every_kind_is_a_plain_error(tmp_path: Path) -> None:
    target = tmp_path / "x.sealed"
    write_sealed(target, KEY, "backup", os.urandom(2 * CHUNK_BYTES + 1000))
    for name, data in altered(target.read_bytes()).items():
        target.write_bytes(data)
        with pytest.raises(LockError) as caught:
            read_sealed(target, KEY, "backup")
        assert caught.value.kind == "damaged", name
        assert "is damaged (cut short or changed)" in str(caught.value), name


def test_not_a_sealed_file_and_a_newer_one(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("just text, long enough to be a header of some sort")
    assert not is_sealed(plain)
    assert not is_sealed(tmp_path / "none")
    with pytest.raises(LockError) as caught:
        read_sealed(plain, KEY, "draft")
    assert caught.value.kind == "damaged"
    newer = tmp_path / "newer.sealed"
    write_sealed(newer, KEY, "draft", b"x")
    data = bytearray(newer.read_bytes())
    data[8] = 2
    newer.write_bytes(bytes(data))
    with pytest.raises(LockError) as caught:
        read_sealed(newer, KEY, "draft")
    assert caught.value.kind == "newer"


def test_a_damaged_header_cannot_ask_for_huge_chunks(tmp_path: Path) -> None:
    target = tmp_path / "x.sealed"
    write_sealed(target, KEY, "draft", b"x")
    data = bytearray(target.read_bytes())
    data[9] = 40  # 2**40-byte chunks
    target.write_bytes(bytes(data))
    with pytest.raises(LockError, match="damaged"):
        read_sealed(target, KEY, "draft")


def test_the_writer_takes_any_bytes_like_object(tmp_path: Path) -> None:
    target = tmp_path / "x.sealed"
    with sealing(target, KEY, "draft") as writer:
        writer.write(bytearray(b"ab"))
        writer.write(memoryview(b"cd"))
        assert writer.write(b"ef") == 2
    assert read_sealed(target, KEY, "draft") == b"abcdef"
