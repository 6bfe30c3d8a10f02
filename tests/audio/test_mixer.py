"""The mixer, measured: placement to the sample, levels, limits and block independence."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import numpy as np
import pytest

from desktop_app.audio import synth
from desktop_app.audio.bank import PracticeSounds
from desktop_app.audio.mixer import LIMIT_KNEE, Gains, Mixer, soft_limit
from desktop_app.audio.session import prepare_session
from desktop_app.core.model import Practice
from tests.helpers import load_text, practice_with

RATE = 48_000


def practice_of(tmp_path: Path, steps: str, extra: str = "") -> Practice:
    practice = load_text(tmp_path, practice_with(steps, extra=extra))
    assert isinstance(practice, Practice)
    return practice


def mixer_of(practice: Practice, **kwargs: object) -> Mixer:
    return prepare_session(practice, rate=RATE, **kwargs).mixer  # type: ignore[arg-type]


def test_a_bell_starts_on_its_scheduled_sample(tmp_path: Path) -> None:
    practice = practice_of(tmp_path, "- silence: 12s\n- bell: wood\n- silence: 2s\n")
    mixer = mixer_of(practice)
    onset = round(12.0 * RATE)
    out = mixer.render(11.5, RATE)  # 11.5 s … 12.5 s
    bell = synth.bell("wood", RATE)
    expected = np.zeros(RATE, np.float32)
    first = onset - round(11.5 * RATE)
    expected[first : first + bell.size] = bell[: RATE - first]
    assert np.array_equal(out[:, 0], expected)
    assert np.array_equal(out[:, 0], out[:, 1])
    assert not out[: onset - round(11.5 * RATE)].any()


def test_blocks_of_any_size_give_the_same_samples(tmp_path: Path) -> None:
    practice = practice_of(
        tmp_path,
        "- bell: bowl\n- breathe: {in: 2s, hold: 1s, out: 3s, cycles: 2}\n- bell: {sound: chime, times: 2, gap: 1.3s}\n",
        extra="background: rain\n",
    )
    whole = mixer_of(practice).render(0.0, round(16 * RATE))
    pieces = []
    mixer = mixer_of(practice)
    position = 0
    for size in [1, 479, 480, 4096, 17, 100_000] * 20:
        if position >= whole.shape[0]:
            break
        size = min(size, whole.shape[0] - position)
        block = np.zeros((size, 2), np.float32)
        mixer.render_into(block, position)
        pieces.append(block)
        position += size
    assert np.array_equal(np.concatenate(pieces), whole)


def test_energy_where_sounds_are_scheduled_and_none_in_silence(tmp_path: Path) -> None:
    practice = practice_of(
        tmp_path,
        "- silence: 3s\n- breathe: {in: 4s, out: 4s, cycles: 1}\n- silence: 3s\n- bell: gong\n",
    )
    out = mixer_of(practice).render(0.0, round(16 * RATE))[:, 0]

    def rms(start: float, end: float) -> float:
        part = out[round(start * RATE) : round(end * RATE)]
        return float(np.sqrt(np.mean(part.astype(np.float64) ** 2)))

    assert rms(0.0, 3.0) == 0.0
    assert rms(3.5, 6.5) > 10 ** (-32 / 20)  # the in-breath tone
    assert rms(7.5, 10.5) > 10 ** (-32 / 20)  # the out-breath tone
    assert rms(11.05, 13.95) < 1e-3  # quiet between the breath and the gong
    assert rms(14.0, 16.0) > 10 ** (-35 / 20)


def test_loud_mixes_never_pass_full_scale(tmp_path: Path) -> None:
    practice = practice_of(
        tmp_path, "- bell: {sound: chime, times: 8, gap: 0.01s}\n- silence: 3s\n"
    )
    out = mixer_of(practice, gains=Gains(cues=4.0)).render(0.0, round(3 * RATE))
    assert np.max(np.abs(out)) < 1.0
    assert np.max(np.abs(out)) > LIMIT_KNEE  # it really was pushed into the limiter


def test_the_limiter_leaves_ordinary_levels_bit_exact() -> None:
    signal = np.linspace(-LIMIT_KNEE, LIMIT_KNEE, 1001, dtype=np.float32)
    before = signal.copy()
    soft_limit(signal, np.zeros_like(signal))
    assert np.array_equal(signal, before)
    loud = np.array([-3.0, -1.0, 0.9, 1.0, 50.0], np.float32)
    soft_limit(loud, np.zeros_like(loud))
    assert np.all(np.abs(loud) < 1.0) and np.all(np.diff(loud) > 0)  # order is kept


def test_channel_and_master_gains(tmp_path: Path) -> None:
    practice = practice_of(tmp_path, "- bell: chime\n")
    plain = mixer_of(practice).render(0.0, RATE)
    quiet = mixer_of(practice, gains=Gains(cues=0.5))
    assert np.allclose(quiet.render(0.0, RATE), plain * 0.5, atol=1e-7)
    quiet.gains.cues, quiet.gains.master = 1.0, 0.25
    assert np.allclose(quiet.render(0.0, RATE), plain * 0.25, atol=1e-7)
    quiet.gains.cues = 0.0
    assert not quiet.render(0.0, RATE).any()


def test_the_background_fades_in_loops_and_fades_out(tmp_path: Path) -> None:
    practice = practice_of(tmp_path, "- silence: 100s\n", extra="background: pink-noise\n")
    mixer = mixer_of(practice)
    out = mixer.render(0.0, round(100 * RATE))[:, 0].astype(np.float64)
    loop = synth.noise("pink-noise", 45.0, RATE)
    assert abs(out[0]) < 1e-6
    assert np.sqrt(np.mean(out[: RATE // 2] ** 2)) < 0.3 * np.sqrt(
        np.mean(out[10 * RATE : 11 * RATE] ** 2)
    )
    # In the middle it is the loop itself, wrapping at its end without a seam.
    middle = round(50 * RATE)
    assert np.allclose(out[middle : middle + 1000], loop[middle % loop.size :][:1000], atol=1e-6)
    assert abs(out[-1]) < 1e-3


def test_no_sound_at_all_renders_silence(tmp_path: Path) -> None:
    practice = practice_of(tmp_path, "- silence: 2s\n")
    assert not mixer_of(practice).render(0.0, 2 * RATE).any()


def test_a_hold_limit_lets_tails_ring_but_starts_nothing_new(tmp_path: Path) -> None:
    practice = practice_of(tmp_path, "- bell: bowl\n- bell: chime\n")
    mixer = mixer_of(practice)
    out = np.zeros((RATE, 2), np.float32)
    mixer.render_into(out, round(4 * RATE), limit=round(4 * RATE))  # the chime would start at 4 s
    bowl_tail = synth.bell("bowl", RATE)[4 * RATE : 5 * RATE]
    assert np.array_equal(out[:, 0], bowl_tail)
    mixer.render_into(out, round(4 * RATE), since=round(4 * RATE))
    assert np.array_equal(out[:, 0], synth.bell("chime", RATE)[:RATE])


def test_rendering_a_block_allocates_nothing_block_sized(tmp_path: Path) -> None:
    practice = practice_of(
        tmp_path,
        "- bell: bowl\n- breathe: {in: 3s, out: 3s, cycles: 3}\n",
        extra="background: rain\n",
    )
    mixer = mixer_of(practice)
    block = np.zeros((48_000, 2), np.float32)  # 1 s: any temporary would be ≥ 192 kB
    mixer.render_into(block, 0)
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        for second in range(1, 18):
            mixer.render_into(block, second * 48_000)
        peak = tracemalloc.get_traced_memory()[1] - before
    finally:
        tracemalloc.stop()
    assert peak < 64_000


def test_unreadable_clips_are_a_notice_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "x.wav").write_text("not sound")
    sounds = PracticeSounds(RATE, media_root=tmp_path, background="media/x.wav")
    assert sounds.clip("media/x.wav") is None and sounds.background() is None
    assert (
        len(sounds.notices) == 2
        and 'the clip "media/x.wav" could not be played' in sounds.notices[0]
    )


@pytest.mark.parametrize("rate", [22_050, 44_100, 48_000])
def test_clips_are_resampled_to_the_output_rate(tmp_path: Path, rate: int) -> None:
    import soundfile

    seconds = 1.5
    t = np.arange(round(seconds * 16_000)) / 16_000
    soundfile.write(
        tmp_path / "tone.wav", (0.5 * np.sin(2 * np.pi * 440 * t)).astype(np.float32), 16_000
    )
    clip = PracticeSounds(rate, media_root=tmp_path).clip("tone.wav")
    assert clip is not None and clip.size == round(seconds * rate)
    spectrum = np.abs(np.fft.rfft(clip))
    assert abs(np.argmax(spectrum) * rate / clip.size - 440) < 2
