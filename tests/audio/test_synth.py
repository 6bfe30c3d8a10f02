"""The synthesized sounds, measured: lengths, levels, edges, spectra, loops, seeds."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.audio import synth
from desktop_app.audio.synth import BELLS, LEVELS, NOISES, bell, breath_tone, noise

RATE = 48000
Floats = npt.NDArray[np.float64]


# --- measuring -------------------------------------------------------------------------


def as64(x: npt.NDArray[np.float32]) -> Floats:
    return np.asarray(x, dtype=np.float64)


def dbfs(value: float) -> float:
    return 20.0 * math.log10(value)


def rms(x: Floats) -> float:
    return float(np.sqrt(np.mean(x**2)))


def power_spectrum(x: Floats, rate: int = RATE) -> tuple[Floats, Floats]:
    freqs = np.fft.rfftfreq(x.size, 1.0 / rate)
    return np.asarray(freqs, dtype=np.float64), np.abs(np.fft.rfft(x)) ** 2


def centroid(x: Floats) -> float:
    freqs, power = power_spectrum(x)
    return float(np.sum(freqs * power) / np.sum(power))


def energy_below(x: Floats, share: float) -> float:
    """The frequency under which `share` of the energy lies."""
    freqs, power = power_spectrum(x)
    cumulative = np.cumsum(power) / np.sum(power)
    return float(freqs[np.searchsorted(cumulative, share)])


def band(x: Floats, low: float, high: float, rate: int = RATE) -> Floats:
    """Brick-wall band-pass (circular; fine for measuring)."""
    freqs = np.fft.rfftfreq(x.size, 1.0 / rate)
    spectrum = np.fft.rfft(x)
    spectrum[(freqs < low) | (freqs >= high)] = 0.0
    return np.fft.irfft(spectrum, x.size)


def window_levels(x: Floats, seconds: float, rate: int = RATE) -> Floats:
    """RMS in dBFS over consecutive windows."""
    size = round(seconds * rate)
    count = x.size // size
    frames = x[: count * size].reshape(count, size)
    return np.asarray(20.0 * np.log10(np.sqrt(np.mean(frames**2, axis=1)) + 1e-15))


def welch_psd(x: Floats, size: int = 8192) -> tuple[Floats, Floats]:
    """Power spectral density averaged over half-overlapping Hann windows."""
    hop = size // 2
    starts = range(0, x.size - size + 1, hop)
    window = np.hanning(size)
    frames = np.stack([x[s : s + size] * window for s in starts])
    psd = np.mean(np.abs(np.fft.rfft(frames, axis=1)) ** 2, axis=0)
    return np.asarray(np.fft.rfftfreq(size, 1.0 / RATE), dtype=np.float64), np.asarray(psd)


def slope_db_per_octave(x: Floats, low: float = 100.0, high: float = 5000.0) -> float:
    """Least-squares slope of third-octave band PSD levels against octaves."""
    freqs, psd = welch_psd(x)
    centres = low * 2.0 ** (np.arange(0, math.log2(high / low) * 3 + 1e-9) / 3.0)
    levels = [
        10.0
        * math.log10(float(np.mean(psd[(freqs >= c * 2 ** -(1 / 6)) & (freqs < c * 2 ** (1 / 6))])))
        for c in centres
    ]
    slope, _ = np.polyfit(np.log2(centres), levels, 1)
    return float(slope)


def band_energy(x: Floats, low: float, high: float) -> float:
    freqs, power = power_spectrum(x)
    return float(np.sum(power[(freqs >= low) & (freqs < high)]))


def zero_crossing_pitch(x: Floats, rate: int = RATE) -> float:
    """Hz from sign changes. Exact for the breath tone: sin φ + a·sin 2φ = sin φ·(1 + 2a·cos φ)
    has the zeros of sin φ alone when 2a < 1."""
    crossings = int(np.count_nonzero(x[:-1] * x[1:] < 0))
    return crossings / 2.0 / (x.size / rate)


def k_weighted_loudness(x: Floats) -> float:
    """Loudness in the manner of ITU-R BS.1770 (its K-weighting: a 38 Hz high-pass and a
    +4 dB shelf above ~1.5 kHz, applied in the frequency domain; no gating)."""
    freqs = np.maximum(np.fft.rfftfreq(x.size, 1.0 / RATE), 1e-3)
    high_pass = 1.0 / np.sqrt(1.0 + (38.0 / freqs) ** 4)
    shelf = np.sqrt((1.0 + (freqs / 1500.0) ** 2 * 10**0.4) / (1.0 + (freqs / 1500.0) ** 2))
    weighted = np.fft.irfft(np.fft.rfft(x) * high_pass * shelf, x.size)
    return -0.691 + 10.0 * math.log10(float(np.mean(weighted**2)))


def crest(x: Floats) -> float:
    return float(np.max(np.abs(x)) / rms(x))


def kurtosis(x: Floats) -> float:
    centred = x - np.mean(x)
    return float(np.mean(centred**4) / np.mean(centred**2) ** 2)


# --- the module ------------------------------------------------------------------------


def test_public_names() -> None:
    assert BELLS == ("bowl", "chime", "gong", "wood")
    assert NOISES == ("pink-noise", "brown-noise", "rain")
    assert set(LEVELS) == {
        "bell_peak_dbfs",
        "breath_rms_dbfs",
        "pink-noise_rms_dbfs",
        "brown-noise_rms_dbfs",
        "rain_rms_dbfs",
    }
    assert 10 ** (LEVELS["bell_peak_dbfs"] / 20) <= 0.5


def test_importing_synth_loads_no_qt_sound_device_or_database() -> None:
    probe = (
        "import sys, desktop_app.audio.synth\n"
        "print(','.join(m for m in ('PySide6', 'sounddevice', 'sqlite3') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""


# --- bells -----------------------------------------------------------------------------


@pytest.mark.parametrize("sound", BELLS)
def test_a_bell_is_a_cached_read_only_float32_strike(sound: str) -> None:
    x = bell(sound)
    assert x.dtype == np.float32
    assert x.ndim == 1
    assert bell(sound) is x
    assert bell(sound, RATE) is x
    assert not x.flags.writeable
    with pytest.raises(ValueError, match="read-only"):
        x[0] = 1.0


@pytest.mark.parametrize(
    ("sound", "shortest", "longest"),
    [("bowl", 8.0, 12.5), ("chime", 3.0, 8.0), ("gong", 8.0, 12.5), ("wood", 0.1, 0.5)],
)
def test_bell_lengths(sound: str, shortest: float, longest: float) -> None:
    assert shortest * RATE <= bell(sound).size < longest * RATE


@pytest.mark.parametrize("sound", BELLS)
def test_a_bell_peaks_at_minus_6_dbfs(sound: str) -> None:
    x = as64(bell(sound))
    peak = float(np.max(np.abs(x)))
    assert peak <= 0.5
    assert abs(dbfs(peak) - LEVELS["bell_peak_dbfs"]) < 0.1
    assert np.all(np.isfinite(x))


@pytest.mark.parametrize("sound", BELLS)
def test_a_bell_starts_with_a_short_ramp_and_ends_on_zero(sound: str) -> None:
    x = as64(bell(sound))
    peak = float(np.max(np.abs(x)))
    assert abs(x[0]) < 1e-3
    assert abs(x[-1]) < 1e-3
    # Within the first half millisecond the ramp holds it far below the peak …
    assert np.max(np.abs(x[: RATE // 2000])) < 0.15 * peak
    # … yet it is sounding within 5 ms: a strike, not a swell.
    assert np.max(np.abs(x[: RATE // 200])) > 0.1 * peak
    # The last 10 ms are silent to the ear.
    assert np.max(np.abs(x[-RATE // 100 :])) < 1e-4


def click_ratio(x: Floats, bandwidth: float, window: int = 240) -> float:
    """Bernstein: a signal band-limited to B moves at most 2πB·peak per second. Per 5 ms
    window, the largest step over what the window's own peak allows; a click is
    broadband, so it breaks the bound (ratio > 1), loudest where the sound is quiet."""
    count = (x.size - 1) // window
    steps = np.abs(np.diff(x))[: count * window].reshape(count, window).max(axis=1)
    ends = np.abs(x[: count * window + 1])
    peaks = np.maximum(
        ends[:-1].reshape(count, window).max(axis=1), ends[1:].reshape(count, window).max(axis=1)
    )
    allowed = peaks * 2.0 * math.pi * bandwidth / RATE
    return float(np.max(steps / np.maximum(allowed, 1e-12)))


@pytest.mark.parametrize("sound", BELLS)
def test_a_bell_never_jumps_faster_than_its_spectrum_allows(sound: str) -> None:
    x = as64(bell(sound))
    assert click_ratio(x, energy_below(x, 0.999)) < 1.0


@pytest.mark.parametrize(("at", "size"), [(0.1, 0.15), (6.0, 0.003), (10.9, 1e-4)])
def test_the_click_measure_hears_a_click(at: float, size: float) -> None:
    x = as64(bell("bowl")).copy()
    bandwidth = energy_below(x, 0.999)
    x[round(at * RATE)] += size
    assert click_ratio(x, bandwidth) > 1.0


def test_the_bowl_has_a_strong_fundamental_between_200_and_300_hz() -> None:
    freqs, power = power_spectrum(as64(bell("bowl")))
    assert 200.0 <= freqs[np.argmax(power)] <= 300.0


def test_the_bowls_partials_are_inharmonic() -> None:
    x = as64(bell("bowl"))
    freqs, power = power_spectrum(x)
    fundamental = float(freqs[np.argmax(power)])
    above = freqs > 1.5 * fundamental
    overtone = float(freqs[above][np.argmax(power[above])])
    ratio = overtone / fundamental
    assert abs(ratio - round(ratio)) > 0.15, ratio


def test_the_bowl_beats_slowly() -> None:
    """The fundamental is a near-degenerate pair: its level swells and dips around a
    straight exponential decay, more than a steady tone would."""
    x = as64(bell("bowl"))
    levels = window_levels(band(x, 200.0, 260.0), 0.05)[10:120]  # 0.5 s … 6 s
    t = np.arange(levels.size)
    trend = np.polyval(np.polyfit(t, levels, 1), t)
    assert float(np.std(levels - trend)) > 1.5
    assert float(np.polyfit(t, levels, 1)[0]) < 0  # and it decays


def test_chime_is_brighter_and_gong_darker_than_the_bowl() -> None:
    bowl = centroid(as64(bell("bowl")))
    assert centroid(as64(bell("chime"))) > 2 * bowl
    assert centroid(as64(bell("gong"))) < bowl
    freqs, power = power_spectrum(as64(bell("gong")))
    assert freqs[np.argmax(power)] < 150.0


def test_the_gong_blooms() -> None:
    """Its upper modes swell after the strike: the share of energy above 400 Hz grows
    from the first 50 ms to its height half a second or more later."""
    x = as64(bell("gong"))
    upper = window_levels(band(x, 400.0, 24000.0), 0.05)
    lower = window_levels(band(x, 0.0, 400.0), 0.05)
    share = upper - lower
    assert int(np.argmax(share[:60])) >= 10
    assert float(np.max(share[:60]) - share[0]) > 3.0


@pytest.mark.parametrize("sound", ["bowl", "chime", "gong"])
def test_bells_ring_down(sound: str) -> None:
    levels = window_levels(as64(bell(sound)), 0.25)
    assert levels[-3] < np.max(levels) - 40.0


def test_wood_is_a_short_knock() -> None:
    x = as64(bell("wood"))
    assert x.size < 0.5 * RATE
    energy = np.cumsum(x**2) / np.sum(x**2)
    assert energy[round(0.25 * RATE)] > 0.99
    assert energy[round(0.05 * RATE)] > 0.5


def test_bells_at_another_rate() -> None:
    x = as64(bell("chime", 16000))
    assert x.size == round(bell("chime").size / 3)
    assert float(np.max(np.abs(x))) <= 0.5
    freqs, power = power_spectrum(x, 16000)
    assert 1000 < freqs[np.argmax(power)] < 1100


def test_bells_are_the_same_every_time() -> None:
    first = [np.array(bell(s)) for s in BELLS]
    synth.clear_caches()
    for sound, before in zip(BELLS, first, strict=True):
        assert np.array_equal(bell(sound), before)


@pytest.mark.parametrize("bad", ["Bowl", "", "pink-noise"])
def test_unknown_bells_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="unknown bell"):
        bell(bad)


@pytest.mark.parametrize("rate", [0, -48000, 999, 44100.5, True, "48000", None])
def test_odd_rates_are_refused(rate: object) -> None:
    with pytest.raises(ValueError, match="rate"):
        bell("bowl", rate)  # type: ignore[arg-type]


def test_a_device_rate_given_as_a_float_or_numpy_int_is_the_same_rate() -> None:
    """sounddevice reports 48000.0; numpy code hands out np.int64."""
    x = bell("wood")
    assert bell("wood", 48000.0) is x  # type: ignore[arg-type]
    assert bell("wood", np.int64(48000)) is x  # type: ignore[arg-type]
    assert breath_tone("in", 1.0, 48000.0) is breath_tone("in", 1.0)  # type: ignore[arg-type]
    assert noise("rain", 1.0, np.int32(48000), np.int64(3)) is noise("rain", 1.0, seed=3)  # type: ignore[arg-type]


# --- breath tones ----------------------------------------------------------------------


@given(
    phase=st.sampled_from(synth.PHASES),
    duration=st.floats(min_value=0.05, max_value=20.0),
    rate=st.sampled_from([16000, 22050, 44100, 48000]),
)
def test_breath_tones_have_the_exact_length_and_stay_in_range(
    phase: str, duration: float, rate: int
) -> None:
    x = as64(breath_tone(phase, duration, rate))
    assert x.size == round(duration * rate)
    assert np.all(np.isfinite(x))
    assert float(np.max(np.abs(x))) <= 1.0
    assert abs(x[0]) < 1e-3
    assert abs(x[-1]) < 1e-3
    if phase in ("hold", "rest"):
        assert not np.any(x)
    else:
        peak = float(np.max(np.abs(x)))
        assert peak > 0
        # No step anywhere: a 330 Hz tone with its second harmonic (a = 0.16) moves
        # at most 2π·330·(1 + 2a)·amplitude per second, and the peak is ≥ 0.84·amplitude.
        bound = peak / 0.84 * 2.0 * math.pi * 330.0 * 1.32 / rate
        assert float(np.max(np.abs(np.diff(x)))) <= bound


@pytest.mark.parametrize("duration", [0.5, 4.0, 12.0])
def test_the_in_breath_rises_and_the_out_breath_falls(duration: float) -> None:
    quarter = round(duration * RATE / 4)
    rising = as64(breath_tone("in", duration))
    falling = as64(breath_tone("out", duration))
    low, high = zero_crossing_pitch(rising[:quarter]), zero_crossing_pitch(rising[-quarter:])
    assert 180.0 <= low < high <= 330.0
    assert high / low > 1.1
    low, high = zero_crossing_pitch(falling[-quarter:]), zero_crossing_pitch(falling[:quarter])
    assert 180.0 <= low < high <= 330.0
    assert high / low > 1.1


def test_the_breath_tone_is_warm_a_sine_with_a_little_second_harmonic() -> None:
    x = as64(breath_tone("in", 4.0))
    freqs, power = power_spectrum(x)
    fundamental = band_energy(x, 150.0, 340.0)
    second = band_energy(x, 340.0, 700.0)
    above = band_energy(x, 700.0, 24000.0)
    assert -22.0 < 10 * math.log10(second / fundamental) < -10.0
    assert 10 * math.log10(above / fundamental) < -60.0
    assert 180.0 <= freqs[np.argmax(power)] <= 330.0


@pytest.mark.parametrize("phase", ["in", "out"])
@pytest.mark.parametrize("duration", [2.0, 4.0, 8.0])
def test_breath_tones_sound_at_minus_26_dbfs(phase: str, duration: float) -> None:
    x = as64(breath_tone(phase, duration))
    steady = x[round(0.4 * x.size) : round(0.6 * x.size)]
    assert abs(dbfs(rms(steady)) - LEVELS["breath_rms_dbfs"]) < 3.0
    sounding = x[np.flatnonzero(x)[0] : np.flatnonzero(x)[-1] + 1]
    assert abs(dbfs(rms(sounding)) - LEVELS["breath_rms_dbfs"]) < 3.0


@pytest.mark.parametrize(("duration", "at_least"), [(0.05, 0.02), (1.0, 0.2), (4.0, 0.8)])
def test_breath_tones_fade_in_and_out(duration: float, at_least: float) -> None:
    """The fade is ≥ 20 ms and longer for longer phases: over its first half the tone
    stays under half its full level."""
    x = as64(breath_tone("in", duration))
    peak = float(np.max(np.abs(x)))
    half = round(at_least / 2 * RATE)
    assert float(np.max(np.abs(x[:half]))) < 0.55 * peak
    assert float(np.max(np.abs(x[-half:]))) < 0.55 * peak


def test_a_breathing_cycle_has_no_click_at_any_boundary() -> None:
    cycle = np.concatenate(
        [
            as64(breath_tone(phase, seconds))
            for phase, seconds in [("in", 4.0), ("hold", 2.0), ("out", 6.0), ("rest", 1.0)] * 2
        ]
    )
    peak = float(np.max(np.abs(cycle)))
    bound = peak / 0.84 * 2.0 * math.pi * 330.0 * 1.32 / RATE
    assert float(np.max(np.abs(np.diff(cycle)))) <= bound
    in_then_out = np.concatenate([as64(breath_tone("in", 4.0)), as64(breath_tone("out", 4.0))])
    assert float(np.max(np.abs(np.diff(in_then_out)))) <= bound


@pytest.mark.parametrize("phase", ["hold", "rest"])
def test_hold_and_rest_are_silent(phase: str) -> None:
    x = breath_tone(phase, 3.0)
    assert x.size == 3 * RATE
    assert not np.any(x)


def test_breath_tones_are_cached_and_read_only() -> None:
    x = breath_tone("in", 4.0)
    assert breath_tone("in", 4.0) is x
    assert not x.flags.writeable
    assert x.dtype == np.float32
    assert breath_tone("out", 0.0).size == 0
    assert not np.any(breath_tone("in", 1 / RATE))


@pytest.mark.parametrize(
    ("phase", "duration"), [("inhale", 4.0), ("", 1.0), ("in", -1.0), ("in", math.nan)]
)
def test_bad_breath_tones_are_refused(phase: str, duration: float) -> None:
    with pytest.raises(ValueError, match=r"phase|duration"):
        breath_tone(phase, duration)


# --- noise -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def noises() -> dict[str, Floats]:
    return {kind: as64(noise(kind, 30.0)) for kind in NOISES}


@pytest.mark.parametrize("kind", NOISES)
def test_noise_length_type_and_level(kind: str, noises: dict[str, Floats]) -> None:
    x = noise(kind, 30.0)
    assert x.size == 30 * RATE
    assert x.dtype == np.float32
    assert not x.flags.writeable
    assert noise(kind, 30.0) is x
    measured = dbfs(rms(noises[kind]))
    assert abs(measured - LEVELS[f"{kind}_rms_dbfs"]) < 3.0
    assert abs(measured - -30.0) < 3.0
    assert float(np.max(np.abs(noises[kind]))) < 1.0
    assert abs(float(np.mean(noises[kind]))) < 1e-6


def test_the_backgrounds_are_equally_loud(noises: dict[str, Floats]) -> None:
    loudness = [k_weighted_loudness(noises[kind]) for kind in NOISES]
    assert max(loudness) - min(loudness) < 1.0
    assert all(-33.0 < value < -27.0 for value in loudness)


@pytest.mark.parametrize("kind", NOISES)
def test_noise_starts_and_ends_near_zero(kind: str, noises: dict[str, Floats]) -> None:
    x = noises[kind]
    assert abs(x[0]) < 1e-3
    assert abs(x[-1]) < 1e-3


@pytest.mark.parametrize("kind", NOISES)
def test_noise_loops_without_a_seam(kind: str, noises: dict[str, Floats]) -> None:
    """Looped, the last sample flows into the first as any two neighbours do: the step
    and the bend (second difference) across the seam are ordinary."""
    x = noises[kind]
    steps = np.abs(np.diff(x))
    bends = np.abs(np.diff(x, 2))
    assert abs(x[0] - x[-1]) <= np.percentile(steps, 99)
    assert abs(x[-2] - 2 * x[-1] + x[0]) <= np.percentile(bends, 99)
    assert abs(x[-1] - 2 * x[0] + x[1]) <= np.percentile(bends, 99)
    # Around the seam, the loop is as smooth as anywhere: compare with the middle.
    seam = np.concatenate([x[-RATE // 10 :], x[: RATE // 10]])
    middle = x[x.size // 2 - RATE // 10 : x.size // 2 + RATE // 10]
    assert float(np.max(np.abs(np.diff(seam)))) <= 2.0 * float(np.max(np.abs(np.diff(middle))))


def test_pink_noise_falls_3_db_per_octave(noises: dict[str, Floats]) -> None:
    assert abs(slope_db_per_octave(noises["pink-noise"]) - -3.0) <= 1.0


def test_brown_noise_falls_6_db_per_octave(noises: dict[str, Floats]) -> None:
    assert abs(slope_db_per_octave(noises["brown-noise"]) - -6.0) <= 1.0


@pytest.mark.parametrize("kind", ["brown-noise", "pink-noise"])
def test_no_rumble_below_20_hz(kind: str, noises: dict[str, Floats]) -> None:
    x = noises[kind]
    below = band_energy(x, 0.0, 20.0)
    body = band_energy(x, 40.0, 80.0)
    assert 10 * math.log10(below / body) < -25.0


def test_rain_is_a_bed_with_droplets(noises: dict[str, Floats]) -> None:
    rain, pink = noises["rain"], noises["pink-noise"]
    assert crest(rain) > 1.4 * crest(pink)
    assert kurtosis(rain) > 3.8
    assert abs(kurtosis(pink) - 3.0) < 0.2  # Gaussian
    # Its energy sits in the audible middle, not in rumble or hiss.
    total = band_energy(rain, 0.0, RATE / 2)
    assert band_energy(rain, 250.0, 8000.0) > 0.8 * total
    # And it is not pink noise: a different spectral balance.
    assert abs(slope_db_per_octave(rain, 300.0, 3000.0) - -3.0) > 1.5


def test_rain_swells_gently(noises: dict[str, Floats]) -> None:
    levels = window_levels(noises["rain"], 1.0)
    assert 0.3 < float(np.max(levels) - np.min(levels)) < 6.0


@pytest.mark.parametrize("kind", NOISES)
def test_noise_is_deterministic_by_seed(kind: str) -> None:
    first = np.array(noise(kind, 2.0, seed=7))
    synth.clear_caches()
    assert np.array_equal(noise(kind, 2.0, seed=7), first)
    assert not np.array_equal(noise(kind, 2.0, seed=8), first)


@pytest.mark.parametrize("kind", NOISES)
@pytest.mark.parametrize(("seconds", "rate"), [(0.5, 48000), (1.0, 22050), (3.3, 16000)])
def test_short_noise_and_other_rates(kind: str, seconds: float, rate: int) -> None:
    x = as64(noise(kind, seconds, rate))
    assert x.size == round(seconds * rate)
    assert np.all(np.isfinite(x))
    assert float(np.max(np.abs(x))) < 1.0
    assert abs(dbfs(rms(x)) - LEVELS[f"{kind}_rms_dbfs"]) < 3.0
    assert abs(x[0]) < 1e-3
    assert abs(x[-1]) < 1e-3


@pytest.mark.parametrize(
    ("kind", "seconds", "seed"),
    [("white-noise", 1.0, 0), ("rain", 0.0, 0), ("rain", math.inf, 0), ("rain", 1.0, -1)],
)
def test_bad_noise_is_refused(kind: str, seconds: float, seed: int) -> None:
    with pytest.raises(ValueError, match=r"noise|seconds|seed"):
        noise(kind, seconds, seed=seed)
