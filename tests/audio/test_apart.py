"""A noise background made in a child process is the one made here, stored in the
sample cache; without a child it is made here."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import numpy as np
import pytest

from desktop_app.audio import synth
from desktop_app.audio.bank import BACKGROUND_LOOP_SECONDS, PracticeSounds
from desktop_app.audio.sample_cache import SampleCache

RATE = 16_000  # a smaller loop: quicker, and the same code


def test_a_noise_made_apart_is_the_same_and_kept_in_the_cache(tmp_path: Path) -> None:
    cache = SampleCache(tmp_path / "sounds")
    bank = PracticeSounds(RATE, background="rain", cache=cache)
    loop = bank.background(apart=True)
    assert loop is not None and not loop.flags.writeable
    assert np.array_equal(loop, synth.noise("rain", BACKGROUND_LOOP_SECONDS, RATE))
    assert len(list((tmp_path / "sounds").glob("*.npy"))) == 1
    assert multiprocessing.active_children() == []


def test_without_a_child_process_the_noise_is_made_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_processes(method: str) -> object:
        raise OSError("no processes here")

    monkeypatch.setattr(multiprocessing, "get_context", no_processes)
    bank = PracticeSounds(RATE, background="pink-noise", cache=SampleCache(tmp_path / "sounds"))
    loop = bank.background(apart=True)
    assert loop is not None
    assert np.array_equal(loop, synth.noise("pink-noise", BACKGROUND_LOOP_SECONDS, RATE))
