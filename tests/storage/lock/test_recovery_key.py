"""The recovery key: groups a person can copy by hand, forgiving input, typos found
before any decryption is tried."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.storage.lock.errors import LockError
from desktop_app.storage.lock.recovery_key import RecoveryKey

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def test_a_new_key_is_eight_groups_of_four_without_confusing_characters() -> None:
    text = RecoveryKey.new().text
    assert re.fullmatch(r"([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}", text), text
    assert not set(text) & set("ILOU")


def test_new_keys_differ_and_hold_128_random_bits() -> None:
    keys = {RecoveryKey.new().secret for _ in range(50)}
    assert len(keys) == 50
    assert all(len(secret) == 16 for secret in keys)


@given(st.binary(min_size=16, max_size=16))
def test_the_text_reads_back_as_the_same_key(secret: bytes) -> None:
    key = RecoveryKey(secret)
    assert RecoveryKey.parse(key.text) == key


def test_spaces_dashes_small_letters_and_look_alikes_are_forgiven() -> None:
    key = RecoveryKey.new()
    typed = " ".join(key.text.replace("-", "")).lower()
    assert RecoveryKey.parse(typed) == key
    assert RecoveryKey.parse(key.text.replace("-", " — ")) == key
    with_look_alikes = key.text.replace("0", "o").replace("1", "l")
    assert RecoveryKey.parse(with_look_alikes) == key


def test_every_single_wrong_character_is_found() -> None:
    key = RecoveryKey.new()
    compact = key.text.replace("-", "")
    for index, char in enumerate(compact):
        for other in ALPHABET:
            if other == char:
                continue
            typo = compact[:index] + other + compact[index + 1 :]
            with pytest.raises(LockError) as caught:
                RecoveryKey.parse(typo)
            assert caught.value.kind == "mistyped-recovery-key"


def test_swapped_neighbours_are_found() -> None:
    key = RecoveryKey.new()
    compact = key.text.replace("-", "")
    for index in range(len(compact) - 1):
        a, b = compact[index], compact[index + 1]
        if a == b:
            continue
        swapped = compact[:index] + b + a + compact[index + 2 :]
        with pytest.raises(LockError, match="typo"):
            RecoveryKey.parse(swapped)


def test_a_short_key_and_foreign_characters_are_said_plainly() -> None:
    text = RecoveryKey.new().text
    with pytest.raises(LockError) as caught:
        RecoveryKey.parse(text[:-5])
    assert "28 letters and digits; a recovery key has 32" in str(caught.value)
    with pytest.raises(LockError) as caught:
        RecoveryKey.parse(text[:-1] + "!")
    assert "characters a recovery key never has (!)" in str(caught.value)
    assert caught.value.kind == "mistyped-recovery-key"


def test_the_key_never_shows_in_its_repr() -> None:
    key = RecoveryKey.new()
    assert key.text not in repr(key)
    assert key.secret.hex() not in repr(key)
