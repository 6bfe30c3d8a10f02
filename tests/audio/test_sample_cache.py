"""Prepared samples on disk: made once, read back exactly, never trusted blindly."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from desktop_app.audio.bank import PracticeSounds
from desktop_app.audio.sample_cache import SampleCache


def counting_maker(values: list[int]):  # type: ignore[no-untyped-def]
    def make() -> np.ndarray:
        values.append(1)
        return np.linspace(-0.5, 0.5, 1000, dtype=np.float32)

    return make


def test_samples_are_made_once_and_read_back_exactly(tmp_path: Path) -> None:
    made: list[int] = []
    cache = SampleCache(tmp_path / "sounds")
    first = cache.get("key", counting_maker(made))
    second = SampleCache(tmp_path / "sounds").get("key", counting_maker(made))
    assert made == [1] and np.array_equal(first, second) and not second.flags.writeable
    assert (tmp_path / "sounds").stat().st_mode & 0o777 == 0o700


def test_a_damaged_file_is_made_again(tmp_path: Path) -> None:
    made: list[int] = []
    cache = SampleCache(tmp_path)
    cache.get("key", counting_maker(made))
    (stored,) = tmp_path.glob("*.npy")
    stored.write_bytes(b"\x93NUMPY garbage")
    assert cache.get("key", counting_maker(made)).size == 1000 and made == [1, 1]


def test_a_folder_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    made: list[int] = []
    assert SampleCache(blocker / "sounds").get("key", counting_maker(made)).size == 1000


def test_background_loops_come_from_the_cache_the_second_time(tmp_path: Path) -> None:
    cache = SampleCache(tmp_path)
    first = PracticeSounds(48_000, background="rain", cache=cache).background()
    assert first is not None and len(list(tmp_path.glob("*.npy"))) == 1
    again = PracticeSounds(48_000, background="rain", cache=cache).background()
    assert again is not None and np.array_equal(first, again)
