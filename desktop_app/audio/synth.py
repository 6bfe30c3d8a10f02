"""Sounds made from numbers: bells, breath tones and noise backgrounds.

Nothing here reads a file, so the app ships no binary sound assets and every sound is
the same on every machine. All results are float32 mono at the rate asked for,
read-only (they may be cached and shared), within [-1, 1], and start and end at zero.

- Bells are *modal*: a sum of exponentially decaying sinusoids at inharmonic ratios,
  the way struck metal and wood ring. Near-degenerate pairs of modes (a round bowl
  is never perfectly round) beat slowly; a gong's upper modes bloom in after the
  strike. The sum of modes is computed block-wise as one complex matrix product,
  so a 12-second gong with a hundred modes takes milliseconds.
- Breath tones are a warm sine (plus a little second harmonic) whose pitch glides
  up on the in-breath and down on the out-breath, with long soft fades.
- Noises are shaped in the frequency domain on a *circular* buffer, so the end flows
  into the start: a background loops with no seam. The buffer is then rotated to a
  quiet zero crossing, so it also starts and ends at (near) zero when played once.

Levels (`LEVELS`) are balanced against each other: bells peak at −6 dBFS, breath
tones sound at −26 dBFS RMS, backgrounds sit around −30 dBFS RMS at gain 1.0
(within 2.5 dB of it, matched in loudness). dBFS here is 20·log10 of the plain
amplitude (a full-scale square wave is 0 dBFS).
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

Audio = npt.NDArray[np.float32]
_Floats = npt.NDArray[np.float64]

BELLS: Final = ("bowl", "chime", "gong", "wood")
NOISES: Final = ("pink-noise", "brown-noise", "rain")
PHASES: Final = ("in", "hold", "out", "rest")

#: Target levels in dBFS (20·log10 of amplitude). Bells are normalized to their
#: peak, breath tones to the RMS of their steady part, noises to their whole RMS.
LEVELS: dict[str, float] = {
    "bell_peak_dbfs": 20.0 * math.log10(0.5),  # −6.02 dBFS: |x| ≤ 0.5
    "breath_rms_dbfs": -26.0,
    # Backgrounds sit around −30 dBFS RMS, nudged so that the three are equally loud
    # (K-weighted as in BS.1770, within 0.3 LU): brown noise's energy lies low, where
    # the ear is least sensitive, rain's in the middle, where it is most.
    "pink-noise_rms_dbfs": -30.0,
    "brown-noise_rms_dbfs": -27.5,
    "rain_rms_dbfs": -31.0,
}

#: The breath tone glides between these (G3 and C4, a perfect fourth).
BREATH_LOW_HZ: Final = 196.0
BREATH_HIGH_HZ: Final = 261.6
#: Second harmonic relative to the fundamental: warmth without buzz (−16 dB).
_BREATH_SECOND: Final = 0.16

#: Modes above this fraction of the rate are left out (no aliasing at low rates).
_MAX_MODE_FRACTION: Final = 0.45
_LN_1000: Final = math.log(1000.0)  # T60 → time constant


def _db_to_amplitude(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def _whole(value: object, what: str, least: int) -> int:
    """`value` as a plain int (numpy integers and whole floats such as a device's
    48000.0 are welcome), or a ValueError naming `what`."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        number = None
    if number is None or isinstance(value, bool) or number < least:
        raise ValueError(f"{what} must be a whole number ≥ {least}, not {value!r}")
    return number


def _check_rate(rate: object) -> int:
    return _whole(rate, "rate (samples per second)", 1000)


def _frozen(samples: _Floats) -> Audio:
    out = np.ascontiguousarray(samples, dtype=np.float32)
    out.flags.writeable = False
    return out


# ---------------------------------------------------------------------------------------
# Bells: modal synthesis


@dataclass(frozen=True)
class _Mode:
    """One ringing mode: amp·e^(−t/τ)·sin(2πft), τ from T60 (seconds to fall 60 dB).

    With `bloom` > 0 the mode swells in as (1 − e^(−t/bloom)) while it decays: the
    slow build-up of a gong's upper modes after the strike.
    """

    freq: float
    amp: float
    t60: float
    bloom: float = 0.0


def _doublet(freq: float, amp: float, t60: float, split: float, bloom: float = 0.0) -> list[_Mode]:
    """A near-degenerate pair `split` Hz apart: they beat slowly, never quite to silence,
    and the weaker one fades a little sooner, so the beating changes as the bell rings."""
    half = split / 2.0
    return [
        _Mode(freq - half, amp * 0.64, t60, bloom),
        _Mode(freq + half, amp * 0.36, t60 * 0.85, bloom),
    ]


def _ring(modes: Sequence[_Mode], frames: int, rate: int) -> _Floats:
    """The sum of all modes over `frames` samples.

    Each mode is Im(c·e^(st)) with s = −1/τ + 2πif. Writing n = k·B + j, the samples
    of block k are Im(Σ_p c_p e^(s_p kB/rate) · e^(s_p j/rate)): a (blocks × modes) by
    (modes × B) complex matrix product, done by BLAS.
    """
    coeffs: list[complex] = []
    poles: list[complex] = []
    for mode in modes:
        if mode.freq <= 0 or mode.freq >= _MAX_MODE_FRACTION * rate:
            continue
        omega = 2.0 * math.pi * mode.freq
        decay = _LN_1000 / mode.t60
        coeffs.append(mode.amp)
        poles.append(complex(-decay, omega))
        if mode.bloom > 0:
            coeffs.append(-mode.amp)
            poles.append(complex(-decay - 1.0 / mode.bloom, omega))
    block = 1024
    blocks = -(-frames // block)
    s = np.array(poles, dtype=np.complex128)
    c = np.array(coeffs, dtype=np.complex128)
    within = np.exp(np.outer(s, np.arange(block) / rate))  # modes × block
    starts = c * np.exp(np.outer(np.arange(blocks) * (block / rate), s))  # blocks × modes
    return np.asarray((starts @ within).imag.reshape(-1)[:frames], dtype=np.float64)


@dataclass(frozen=True)
class _BellVoice:
    modes: tuple[_Mode, ...]
    seconds: float
    attack: float  # raised-cosine ramp at the start
    release: float  # raised-cosine fade to true zero at the end


def _bowl() -> _BellVoice:
    """A singing bowl struck with a soft mallet: strong fundamental at 228 Hz, the
    bowl's inharmonic series (×2.77, ×5.15, ×8.12 …), every mode a slowly beating
    doublet (~1 s beats on the fundamental), upper modes fading sooner."""
    f0 = 228.0
    series = (
        # ratio, amplitude, T60 (s), doublet split (Hz)
        (1.000, 1.000, 12.5, 0.85),
        (2.770, 0.500, 8.0, 1.40),
        (5.150, 0.240, 5.0, 2.10),
        (8.120, 0.110, 3.0, 2.90),
        (11.60, 0.050, 1.9, 3.60),
        (15.55, 0.022, 1.2, 4.40),
    )
    modes = [m for r, a, t, d in series for m in _doublet(f0 * r, a, t, d)]
    # The mallet's touch: a faint, quickly damped knock of unrelated modes.
    modes += [_Mode(f, 0.025, 0.05) for f in (1310.0, 1975.0, 2890.0, 4130.0)]
    return _BellVoice(tuple(modes), seconds=11.0, attack=0.003, release=3.0)


def _chime() -> _BellVoice:
    """A bright metal bar chime at C6 (1046.5 Hz) with the free bar's partials
    (×2.756, ×5.404, ×8.933): higher, brighter and shorter than the bowl."""
    f0 = 1046.5
    series = (
        (1.000, 1.000, 6.5, 0.45),
        (2.756, 0.420, 3.4, 1.20),
        (5.404, 0.190, 1.8, 2.40),
        (8.933, 0.070, 1.0, 3.50),
    )
    modes = [m for r, a, t, d in series for m in _doublet(f0 * r, a, t, d)]
    modes += [_Mode(f, 0.04, 0.025) for f in (3350.0, 6120.0, 7710.0)]
    return _BellVoice(tuple(modes), seconds=7.0, attack=0.002, release=2.0)


def _gong() -> _BellVoice:
    """A low wind gong: an 80 Hz fundamental, a few low modes that sound at once, and
    a dense spread of inharmonic upper modes (to ~3 kHz) that bloom in over 0.2–1.5 s
    after the strike and shimmer as they fade: the gong's slow swell."""
    f0 = 80.0
    modes = _doublet(f0, 1.0, 16.0, 0.35)
    modes += _doublet(f0 * 1.54, 0.45, 13.0, 0.5)
    modes += _doublet(f0 * 2.17, 0.30, 11.0, 0.6)
    modes += _doublet(f0 * 2.73, 0.22, 10.0, 0.7)
    rng = np.random.default_rng(20_240_601)  # fixed: the gong is one instrument
    count = 34
    ratios = np.geomspace(3.3, 36.0, count) * rng.uniform(0.97, 1.03, count)
    amps = 0.35 * (ratios / 3.3) ** -0.9 * rng.lognormal(0.0, 0.3, count)
    for ratio, amp in zip(ratios.tolist(), amps.tolist(), strict=True):
        bloom = 0.2 + 0.35 * math.log2(ratio / 3.3)
        # A blooming mode peaks at about a third of its nominal amplitude: lift it.
        modes += _doublet(f0 * ratio, amp * 2.5, 16.0 * ratio**-0.3, 0.3 + 0.04 * ratio, bloom)
    # The soft beater: a short, low thump.
    modes += [_Mode(f, 0.12, 0.15) for f in (57.0, 131.0)]
    return _BellVoice(tuple(modes), seconds=12.0, attack=0.004, release=3.0)


def _wood() -> _BellVoice:
    """A hollow wooden knock (a temple block): a body mode at 420 Hz, a low cavity
    resonance, a few quickly damped plate modes and a dry click. Over in 0.4 s."""
    modes = [
        _Mode(420.0, 1.00, 0.22),
        _Mode(213.0, 0.35, 0.20),
        _Mode(1012.0, 0.45, 0.12),
        _Mode(1655.0, 0.28, 0.08),
        _Mode(2480.0, 0.14, 0.05),
        _Mode(3910.0, 0.08, 0.012),
        _Mode(5230.0, 0.06, 0.010),
        _Mode(7120.0, 0.04, 0.008),
    ]
    return _BellVoice(tuple(modes), seconds=0.4, attack=0.002, release=0.12)


_VOICES: Final = {"bowl": _bowl, "chime": _chime, "gong": _gong, "wood": _wood}


def _raised_cosine(length: int) -> _Floats:
    """0 → 1 over `length` samples, starting at exactly 0, with zero slope at both ends."""
    return np.asarray(0.5 - 0.5 * np.cos(np.pi * np.arange(length) / length), dtype=np.float64)


def bell(sound: str, rate: int = 48000) -> Audio:
    """One strike of `sound` (one of BELLS) with its whole natural decay.

    Starts at sample 0 with a ramp of a few milliseconds, ends faded to exactly 0,
    peaks at 0.5 (−6 dBFS). Cached; the array is read-only.
    """
    if sound not in BELLS:
        raise ValueError(f"unknown bell {sound!r}; expected one of {', '.join(BELLS)}")
    return _bell(sound, _check_rate(rate))


@functools.lru_cache(maxsize=16)
def _bell(sound: str, rate: int) -> Audio:
    voice = _VOICES[sound]()
    frames = round(voice.seconds * rate)
    samples = _ring(voice.modes, frames, rate)
    attack = max(1, round(voice.attack * rate))
    samples[:attack] *= _raised_cosine(attack)
    release = max(1, round(voice.release * rate))
    samples[-release:] *= _raised_cosine(release)[::-1]  # ends on exactly 0
    samples *= _db_to_amplitude(LEVELS["bell_peak_dbfs"]) / np.max(np.abs(samples))
    # float32 rounding must not lift the peak above 0.5.
    return _frozen(np.clip(samples, -0.5, 0.5))


# ---------------------------------------------------------------------------------------
# Breath tones


def breath_tone(phase: str, duration: float, rate: int = 48000) -> Audio:
    """The pacer's sound for one breathing phase, exactly round(duration·rate) samples.

    "in": a soft tone gliding up from G3 to C4; "out": gliding down from C4 to G3;
    "hold" and "rest": silence. Raised-cosine fades of 20% of the phase (at least
    20 ms, at most 1.5 s) mean consecutive phases never click. Cached; read-only.
    """
    if phase not in PHASES:
        raise ValueError(f"unknown breathing phase {phase!r}; expected one of {', '.join(PHASES)}")
    rate = _check_rate(rate)
    if not math.isfinite(duration) or duration < 0:
        raise ValueError(f"duration must be a finite number of seconds ≥ 0, not {duration!r}")
    return _breath_tone(phase, round(duration * rate), rate)


@functools.lru_cache(maxsize=32)
def _breath_tone(phase: str, frames: int, rate: int) -> Audio:
    if phase in ("hold", "rest") or frames < 2:
        return _frozen(np.zeros(frames))
    start, end = (
        (BREATH_LOW_HZ, BREATH_HIGH_HZ) if phase == "in" else (BREATH_HIGH_HZ, BREATH_LOW_HZ)
    )
    # Pitch glides evenly in log-frequency: f(t) = start·ratio^(t/T); the phase is its
    # exact integral, so there is no accumulated rounding over a long phase.
    span = frames / rate
    ratio = end / start
    t = np.arange(frames) / rate
    angle = 2.0 * np.pi * start * span / math.log(ratio) * (ratio ** (t / span) - 1.0)
    wave = np.sin(angle) + _BREATH_SECOND * np.sin(2.0 * angle)
    # Steady-part RMS at the target: the two sines' powers add.
    amplitude = _db_to_amplitude(LEVELS["breath_rms_dbfs"]) * math.sqrt(
        2.0 / (1.0 + _BREATH_SECOND**2)
    )
    fade = min(max(round(0.02 * rate), round(0.2 * frames)), round(1.5 * rate), frames // 2)
    ramp = _raised_cosine(fade)  # fade ≥ 1: starts and ends on exactly 0
    envelope = np.ones(frames)
    envelope[:fade] = ramp
    envelope[frames - fade :] = ramp[::-1]
    return _frozen(amplitude * envelope * wave)


# ---------------------------------------------------------------------------------------
# Noise backgrounds


def _frequencies(frames: int, rate: int) -> _Floats:
    """The frequency of each bin of a real FFT of `frames` samples."""
    return np.asarray(np.fft.rfftfreq(frames, 1.0 / rate), dtype=np.float64)


def _highpass(freqs: _Floats, corner: float, order: int) -> _Floats:
    """Butterworth magnitude response (applied as a zero-phase circular filter)."""
    with np.errstate(divide="ignore", over="ignore"):
        return np.asarray(1.0 / np.sqrt(1.0 + (corner / freqs) ** (2 * order)), dtype=np.float64)


def _lowpass(freqs: _Floats, corner: float, order: int) -> _Floats:
    return np.asarray(1.0 / np.sqrt(1.0 + (freqs / corner) ** (2 * order)), dtype=np.float64)


def _shaped(rng: np.random.Generator, gain: Callable[[], _Floats], frames: int) -> _Floats:
    """Circular Gaussian noise whose amplitude spectrum is `gain()` (one value for each
    bin of a real FFT of `frames` samples), scaled to RMS 1. The gain is made here and
    let go once applied: a long loop's spectra are large."""
    # Interleaved pairs of standard normals, read as complex numbers: white spectrum.
    spectrum = rng.standard_normal(2 * (frames // 2 + 1)).view(np.complex128)
    spectrum *= gain()
    spectrum[0] = 0.0  # no DC
    samples = np.fft.irfft(spectrum, frames)
    del spectrum
    rms = float(np.sqrt(np.mean(samples**2)))
    if rms > 0:
        samples /= rms
    return samples


def _power_law(freqs: _Floats, exponent: float) -> _Floats:
    """freqs^exponent relative to 1 kHz, with the DC bin set to 0."""
    out = np.zeros_like(freqs)
    out[1:] = (freqs[1:] / 1000.0) ** exponent
    return out


#: Drops made at once (each a few milliseconds of samples).
_DROPS_AT_ONCE: Final = 256


def _droplets(
    rng: np.random.Generator,
    frames: int,
    rate: int,
    *,
    per_second: float,
    freq: tuple[float, float],
    tau: tuple[float, float],
    depth_db: float,
) -> _Floats:
    """Sparse drops on a circular buffer: each a small bubble's "plink", a sine whose
    pitch rises as it decays (the resonance of the air bubble a drop traps), placed
    at random and wrapped around the end so the loop stays seamless. Peak amplitudes
    spread log-uniformly over `depth_db` below 1."""
    count = int(rng.poisson(per_second * frames / rate))
    top = min(freq[1], _MAX_MODE_FRACTION * rate / 1.3)  # room for the upward glide
    length = min(frames, round(5.0 * tau[1] * rate))
    if count == 0 or length < 2 or top <= freq[0]:
        return np.zeros(frames)
    starts = rng.integers(0, frames, count)
    f0 = freq[0] * (top / freq[0]) ** rng.random(count)
    decay = tau[0] * (tau[1] / tau[0]) ** rng.random(count)
    glide = rng.uniform(6.0, 14.0, count)  # relative pitch rise per second
    amp = 10.0 ** (-depth_db * rng.random(count) / 20.0)
    # float32 is plenty for a few milliseconds of tick and halves the work.
    t = (np.arange(length) / rate).astype(np.float32)
    window = (1.0 - np.exp(-t / 0.0004)).astype(np.float32)  # a soft 0.4 ms onset
    tail = length // 4
    window[length - tail :] *= _raised_cosine(tail)[::-1].astype(np.float32)
    rates = (-1.0 / decay).astype(np.float32)
    pitches = (2.0 * np.pi * f0).astype(np.float32)
    glides = (0.5 * glide).astype(np.float32)
    levels = amp.astype(np.float32)
    offsets = np.arange(length)
    mixed = np.zeros(frames)
    # A few hundred drops at a time: all at once, the drops and their places took
    # some 80 MB for 45 s of rain. Added in the same order as all at once (add.at, like
    # bincount, adds one by one), so the sum is the same to the last bit.
    for first in range(0, count, _DROPS_AT_ONCE):
        part = slice(first, first + _DROPS_AT_ONCE)
        drops = np.exp(np.outer(rates[part], t))
        angle = np.outer(pitches[part], t)
        angle *= 1.0 + np.outer(glides[part], t)
        drops *= np.sin(angle)
        drops *= np.outer(levels[part], window)
        where = (starts[part, None] + offsets) % frames
        np.add.at(mixed, where.ravel(), drops.ravel().astype(np.float64))
    return mixed


def _slow_swell(rng: np.random.Generator, frames: int, rate: int, below_hz: float) -> _Floats:
    """A circular, very slow random wave (only bins under `below_hz`), zero mean, std 1;
    all zeros when the buffer is too short to hold any such bin."""
    bins = math.ceil(below_hz * frames / rate)  # bins 1 … bins−1 lie below below_hz
    if bins < 2 or frames < 4:
        return np.zeros(frames)
    spectrum = np.zeros(frames // 2 + 1, dtype=np.complex128)
    spectrum[1:bins] = rng.standard_normal(2 * (bins - 1)).view(np.complex128)
    samples = np.fft.irfft(spectrum, frames)
    del spectrum
    samples /= np.sqrt(np.mean(samples**2))
    return np.asarray(samples, dtype=np.float64)


def _no_rumble(freqs: _Floats) -> _Floats:
    """A steep (16th-order) high-pass at 30 Hz: no DC drift, no sub-20 Hz rumble eating
    headroom and pumping small speakers (below 20 Hz: −34 dB relative to 40–80 Hz in
    brown noise), while 40 Hz is already within 0.05 dB."""
    return _highpass(freqs, 30.0, 8)


def _pink(rng: np.random.Generator, frames: int, rate: int) -> _Floats:
    """−3 dB/octave, without rumble and with a gentle roll-off above 12 kHz, so it
    rushes rather than hisses."""

    def gain() -> _Floats:
        freqs = _frequencies(frames, rate)
        return _power_law(freqs, -0.5) * _no_rumble(freqs) * _lowpass(freqs, 12_000.0, 2)

    return _shaped(rng, gain, frames)


def _brown(rng: np.random.Generator, frames: int, rate: int) -> _Floats:
    """−6 dB/octave, without rumble: the deep warmth of brown noise."""

    def gain() -> _Floats:
        freqs = _frequencies(frames, rate)
        return _power_law(freqs, -1.0) * _no_rumble(freqs)

    return _shaped(rng, gain, frames)


def _rain(rng: np.random.Generator, frames: int, rate: int) -> _Floats:
    """Soft rain: a bed of filtered noise (a wash from 300 Hz to 5 kHz over a low,
    distant body), slowly swelling, with a patter of tiny drops and sparse, nearer
    drops that stand out."""

    def gain() -> _Floats:
        freqs = _frequencies(frames, rate)
        wash = _power_law(freqs, -0.2) * _highpass(freqs, 300.0, 2) * _lowpass(freqs, 5000.0, 2)
        body = 0.25 * _power_law(freqs, -0.8)
        body *= _highpass(freqs, 60.0, 3)
        body *= _lowpass(freqs, 500.0, 2)
        wash += body
        return wash

    bed = _shaped(rng, gain, frames)
    # In place, each part let go as soon as it is added; the same sums as
    # bed · (1 + 0.1 · clip(swell)) + 2.5 · patter + 9 · drops.
    swell = _slow_swell(rng, frames, rate, 0.25)
    np.clip(swell, -2.5, 2.5, out=swell)
    swell *= 0.1
    swell += 1.0
    bed *= swell
    del swell
    patter = _droplets(
        rng, frames, rate, per_second=90.0, freq=(2500.0, 7000.0), tau=(0.001, 0.003), depth_db=30
    )
    patter *= 2.5
    bed += patter
    del patter
    drops = _droplets(
        rng, frames, rate, per_second=5.0, freq=(1200.0, 4000.0), tau=(0.004, 0.012), depth_db=24
    )
    drops *= 9.0
    bed += drops
    return bed


_NOISE_MAKERS: Final = {"pink-noise": _pink, "brown-noise": _brown, "rain": _rain}


def noise(kind: str, seconds: float, rate: int = 48000, seed: int = 0) -> Audio:
    """`seconds` of background `kind` (one of NOISES), seamlessly loopable.

    Built on a circular buffer, so sample −1 flows into sample 0 exactly as any two
    neighbours do; rotated to start at a quiet zero crossing, so it also starts and
    ends near 0. RMS at the kind's level in LEVELS. The same seed gives the same
    samples. Cached; read-only.
    """
    if kind not in NOISES:
        raise ValueError(f"unknown noise {kind!r}; expected one of {', '.join(NOISES)}")
    rate = _check_rate(rate)
    if not math.isfinite(seconds) or seconds <= 0:
        raise ValueError(f"seconds must be a finite number > 0, not {seconds!r}")
    seed = _whole(seed, "seed", 0)
    return _noise(kind, max(1, round(seconds * rate)), rate, seed)


@functools.lru_cache(maxsize=4)
def _noise(kind: str, frames: int, rate: int, seed: int) -> Audio:
    rng = np.random.default_rng([seed, NOISES.index(kind)])
    samples = _NOISE_MAKERS[kind](rng, frames, rate)
    samples -= np.mean(samples)  # the droplets' little DC
    rms = float(np.sqrt(np.mean(samples**2)))
    if rms == 0.0:
        return _frozen(samples)
    samples *= _db_to_amplitude(LEVELS[f"{kind}_rms_dbfs"]) / rms
    samples /= max(1.0, float(np.max(np.abs(samples))) / 0.99)  # never past full scale
    quiet = _quiet_crossing(samples)
    # float32 before the rotation: the same samples, with half the memory to move.
    return _frozen(np.roll(samples.astype(np.float32), -quiet))


def _quiet_crossing(samples: _Floats) -> int:
    """The index k where samples[k−1] and samples[k] are both closest to zero: rotated
    to start at k, a circular buffer starts and ends at its quietest seam."""
    loudness = np.maximum(np.abs(samples), np.abs(np.roll(samples, 1)))
    return int(np.argmin(loudness))


def clear_caches() -> None:
    """Forget every cached sound (for benchmarks)."""
    _bell.cache_clear()
    _breath_tone.cache_clear()
    _noise.cache_clear()
