"""The key file: made, read, unlocked by the passphrase or the recovery key, the
passphrase changed by re-wrapping only; everything wrong is a typed error and writes
nothing."""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from pathlib import Path

import pytest

from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.key_file import KeyFile
from desktop_app.storage.lock.passphrase import DEFAULT_PARAMS, Argon2Params, normalised
from desktop_app.storage.lock.unlocking import (
    NewKeys,
    change_passphrase,
    new_key_file,
    reset_passphrase,
    unlock_with_passphrase,
    unlock_with_recovery_key,
)
from tests.storage.lock.journals import FAST, folder_bytes

PASSPHRASE = "Zażółć gęślą jaźń — 平静 😊"


def made(folder: Path, passphrase: str = PASSPHRASE) -> tuple[Path, NewKeys]:
    key_file, keys = new_key_file(passphrase, FAST)
    path = folder / "journal.key"
    key_file.write(path)
    return path, keys


def test_the_passphrase_unlocks_the_data_key(tmp_path: Path) -> None:
    path, keys = made(tmp_path)
    assert unlock_with_passphrase(path, PASSPHRASE) == keys.data_key


def test_the_recovery_key_unlocks_the_same_data_key(tmp_path: Path) -> None:
    path, keys = made(tmp_path)
    typed = keys.recovery_key.text.lower().replace("-", " ")
    assert unlock_with_recovery_key(path, typed) == keys.data_key


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_the_key_file_is_the_owners_alone(tmp_path: Path, umask: int) -> None:
    path, _ = made(tmp_path / "data")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_file_is_small_documented_json_holding_no_key(tmp_path: Path) -> None:
    path, keys = made(tmp_path)
    data = path.read_bytes()
    assert len(data) < 1024
    document = json.loads(data)
    assert document["format"] == "attune-journal-key"
    assert document["version"] == 1
    assert set(document["passphrase"]) == {
        "kdf", "argon2_version", "time_cost", "memory_kib", "parallelism",
        "salt", "nonce", "wrapped_key",
    }  # fmt: skip
    assert document["passphrase"]["kdf"] == "argon2id"
    assert document["passphrase"]["memory_kib"] == FAST.memory_kib
    assert set(document["recovery"]) == {"kdf", "salt", "nonce", "wrapped_key"}
    assert keys.data_key.raw not in data
    assert keys.data_key.raw.hex().encode() not in data
    assert keys.recovery_key.text.encode() not in data


def test_a_wrong_passphrase_is_a_plain_error_and_writes_nothing(tmp_path: Path) -> None:
    path, _ = made(tmp_path)
    before = folder_bytes(tmp_path)
    for wrong in ("wrong", PASSPHRASE + " ", PASSPHRASE.upper(), ""):
        with pytest.raises(LockError) as caught:
            unlock_with_passphrase(path, wrong)
        assert caught.value.kind == "wrong-passphrase"
        assert str(caught.value) == (
            "That passphrase does not unlock your journal. Check it and try again, or use "
            "your recovery key."
        )
    assert folder_bytes(tmp_path) == before


def test_another_journals_recovery_key_is_wrong_and_a_typo_is_caught_first(
    tmp_path: Path,
) -> None:
    path, keys = made(tmp_path)
    _, other = made(tmp_path / "other")
    with pytest.raises(LockError) as caught:
        unlock_with_recovery_key(path, other.recovery_key.text)
    assert caught.value.kind == "wrong-recovery-key"
    typo = (
        "Z" + keys.recovery_key.text[1:]
        if keys.recovery_key.text[0] != "Z"
        else ("Y" + keys.recovery_key.text[1:])
    )
    with pytest.raises(LockError) as caught:
        unlock_with_recovery_key(tmp_path / "no such file", typo)
    assert caught.value.kind == "mistyped-recovery-key"  # before the file is even read


def test_the_passphrase_is_compared_after_nfc_normalisation(tmp_path: Path) -> None:
    composed = "Café crème"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    path, keys = made(tmp_path, composed)
    assert unlock_with_passphrase(path, decomposed) == keys.data_key
    assert normalised(decomposed) == composed.encode("utf-8")


def test_an_empty_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        new_key_file("", FAST)


def test_changing_the_passphrase_rewraps_only(tmp_path: Path) -> None:
    path, keys = made(tmp_path)
    old = json.loads(path.read_bytes())
    change_passphrase(path, PASSPHRASE, "a new one", FAST)
    new = json.loads(path.read_bytes())
    assert new["recovery"] == old["recovery"]  # the recovery key still works as it was
    assert new["passphrase"]["salt"] != old["passphrase"]["salt"]
    assert unlock_with_passphrase(path, "a new one") == keys.data_key
    assert unlock_with_recovery_key(path, keys.recovery_key.text) == keys.data_key
    with pytest.raises(LockError, match="does not unlock"):
        unlock_with_passphrase(path, PASSPHRASE)


def test_changing_needs_the_current_passphrase(tmp_path: Path) -> None:
    path, _ = made(tmp_path)
    before = path.read_bytes()
    with pytest.raises(LockError) as caught:
        change_passphrase(path, "not it", "new", FAST)
    assert caught.value.kind == "wrong-passphrase"
    assert path.read_bytes() == before


def test_the_recovery_key_sets_a_new_passphrase(tmp_path: Path) -> None:
    path, keys = made(tmp_path)
    reset_passphrase(path, keys.recovery_key.text, "remembered now", FAST)
    assert unlock_with_passphrase(path, "remembered now") == keys.data_key


def test_a_change_raises_the_cost_to_this_attunes(tmp_path: Path) -> None:
    path, _ = made(tmp_path)
    stronger = Argon2Params(time_cost=2, memory_kib=16 * 1024, parallelism=2)
    change_passphrase(path, PASSPHRASE, PASSPHRASE, stronger)
    assert KeyFile.read(path).passphrase.params == stronger
    assert json.loads(path.read_bytes())["passphrase"]["memory_kib"] == 16 * 1024


def test_the_default_cost_is_argon2id_128_mib(tmp_path: Path) -> None:
    assert Argon2Params(time_cost=2, memory_kib=131072, parallelism=4) == DEFAULT_PARAMS
    key_file, keys = new_key_file(PASSPHRASE)  # the real cost, once
    assert key_file.passphrase.params == DEFAULT_PARAMS
    assert key_file.passphrase.unwrap(PASSPHRASE) == keys.data_key


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("time_cost", 2),
        ("memory_kib", 16 * 1024),
        ("parallelism", 2),
        ("salt", "AAAAAAAAAAAAAAAAAAAAAA=="),
    ],
)
def test_a_changed_parameter_fails_the_unwrap(tmp_path: Path, field: str, value: object) -> None:
    path, _ = made(tmp_path)
    document = json.loads(path.read_bytes())
    document["passphrase"][field] = value
    path.write_text(json.dumps(document))
    with pytest.raises(LockError) as caught:
        unlock_with_passphrase(path, PASSPHRASE)
    assert caught.value.kind == "wrong-passphrase"


def test_slots_cannot_be_swapped_between_files(tmp_path: Path) -> None:
    path, keys = made(tmp_path)
    other_path, _ = made(tmp_path / "other")
    document = json.loads(path.read_bytes())
    other = json.loads(other_path.read_bytes())
    document["recovery"]["wrapped_key"] = other["recovery"]["wrapped_key"]
    path.write_text(json.dumps(document))
    with pytest.raises(LockError, match="does not unlock"):
        unlock_with_recovery_key(path, keys.recovery_key.text)


def damaged_versions(good: bytes) -> list[bytes]:
    document = json.loads(good)
    hostile = json.loads(good)
    hostile["passphrase"]["memory_kib"] = 64 * 1024 * 1024  # 64 GiB
    short_nonce = json.loads(good)
    short_nonce["passphrase"]["nonce"] = "AAAA"
    no_recovery = dict(document)
    del no_recovery["recovery"]
    not_base64 = json.loads(good)
    not_base64["recovery"]["salt"] = "not base64 ✓"
    return [
        b"",
        good[: len(good) // 2],
        b"\xff\xfe" + good,
        b"[]",
        b'{"format": "something else", "version": 1}',
        json.dumps({**document, "version": "1"}).encode(),
        json.dumps(hostile).encode(),
        json.dumps(short_nonce).encode(),
        json.dumps(no_recovery).encode(),
        json.dumps(not_base64).encode(),
        b"[" * 100_000,
        b" " * 70_000,
    ]


def test_a_damaged_key_file_is_said_plainly(tmp_path: Path) -> None:
    path, _ = made(tmp_path)
    good = path.read_bytes()
    for number, data in enumerate(damaged_versions(good)):
        path.write_bytes(data)
        with pytest.raises(LockError) as caught:
            unlock_with_passphrase(path, PASSPHRASE)
        assert caught.value.kind == "damaged", number
        assert str(caught.value) == (
            "Your journal's key file is damaged (cut short or changed), so it cannot be read."
        )


def test_a_key_file_of_a_newer_attune_says_so(tmp_path: Path) -> None:
    path, _ = made(tmp_path)
    document = json.loads(path.read_bytes())
    path.write_text(json.dumps({**document, "version": 2}))
    with pytest.raises(LockError) as caught:
        unlock_with_passphrase(path, PASSPHRASE)
    assert caught.value.kind == "newer"
    assert "newer version of Attune (format 2)" in str(caught.value)


def test_a_missing_key_file_is_said_plainly(tmp_path: Path) -> None:
    with pytest.raises(LockError) as caught:
        unlock_with_passphrase(tmp_path / "journal.key", PASSPHRASE)
    assert caught.value.kind == "missing-key-file"
    assert "key file is missing (journal.key beside the journal)" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_keys_never_show_in_reprs(tmp_path: Path) -> None:
    _, keys = made(tmp_path)
    shown = repr(keys)
    assert keys.data_key.raw.hex() not in shown
    assert keys.recovery_key.text not in shown
    assert "hidden" in shown


@pytest.mark.parametrize(
    "params",
    [
        Argon2Params(time_cost=0, memory_kib=8192, parallelism=1),
        Argon2Params(time_cost=65, memory_kib=8192, parallelism=1),
        Argon2Params(time_cost=1, memory_kib=8192, parallelism=0),
        Argon2Params(time_cost=1, memory_kib=1024, parallelism=1),
        Argon2Params(time_cost=1, memory_kib=8 * 1024 * 1024, parallelism=1),
        Argon2Params(time_cost=1, memory_kib=8192, parallelism=65),
    ],
)
def test_costs_out_of_range_are_refused(params: Argon2Params) -> None:
    with pytest.raises(ValueError, match="Argon2id"):
        params.check()
