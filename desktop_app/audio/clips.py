"""Recorded clips: measuring them (for validation and timelines) and reading them as
mono samples at the output rate."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt
import soundfile

Samples = npt.NDArray[np.float32]

#: Edges of a clip are faded this long, so a recording cut mid-sound never clicks.
EDGE_FADE_SECONDS = 0.005


def clip_seconds(path: Path) -> float:
    """Length of an audio file in seconds; ValueError with a plain reason if unreadable."""
    try:
        info = soundfile.info(str(path))
    except (RuntimeError, soundfile.LibsndfileError, OSError) as error:
        raise ValueError(str(error).strip() or "not a readable audio file") from None
    if info.samplerate <= 0 or info.frames <= 0:
        raise ValueError("the file holds no sound")
    return float(info.frames) / float(info.samplerate)


def read_clip(path: Path, rate: int, *, keep: bool = True) -> Samples:
    """A clip as read-only mono float32 at `rate`; ValueError if it cannot be read.

    Kept by path, modification time and rate: a practice repeats its clips. `keep=False`
    is for what is kept elsewhere (speech, levelled in the sample cache): a long
    practice's phrases would otherwise stay in memory twice."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as error:
        raise ValueError(error.strerror or "cannot read the file") from None
    if not keep:
        return _decoded(str(path), rate)
    return _read_clip(str(path), stamp, rate)


@lru_cache(maxsize=512)
def _read_clip(path: str, stamp: int, rate: int) -> Samples:
    del stamp  # part of the cache key only
    return _decoded(path, rate)


def _decoded(path: str, rate: int) -> Samples:
    try:
        data, source_rate = soundfile.read(path, dtype="float32", always_2d=True)
    except (RuntimeError, soundfile.LibsndfileError, OSError) as error:
        raise ValueError(str(error).strip() or "not a readable audio file") from None
    mono = data.mean(axis=1, dtype=np.float32)
    samples = resample(mono, int(source_rate), rate)
    fade_edges(samples, rate)
    samples.flags.writeable = False
    return samples


def resample(samples: Samples, source_rate: int, rate: int) -> Samples:
    """Band-limited resampling (libsoxr, very high quality), to the exact length the
    rates ask for. Polyphase: fast on any length, where an FFT over the whole clip was
    slow on the prime lengths espeak's clips often have (1.7 s of a 3.7 s cold render)."""
    if source_rate == rate or samples.size == 0:
        return samples.astype(np.float32, copy=True)
    import soxr  # only when a clip needs it: the window starts without it

    length = round(samples.size * rate / source_rate)
    out = soxr.resample(samples.astype(np.float32), source_rate, rate, quality="VHQ")
    if out.size < length:  # soxr's length can differ from the rounded one by a sample
        out = np.concatenate([out, np.zeros(length - out.size, np.float32)])
    return np.ascontiguousarray(out[:length], dtype=np.float32)


def fade_edges(samples: Samples, rate: int) -> None:
    """A short linear fade in and out, in place."""
    fade = min(samples.size // 2, max(1, round(EDGE_FADE_SECONDS * rate)))
    if fade <= 1:
        return
    ramp = np.linspace(0.0, 1.0, fade, dtype=np.float32)
    samples[:fade] *= ramp
    samples[-fade:] *= ramp[::-1]


def leveled(samples: Samples, rms: float, peak: float) -> Samples:
    """A read-only copy at `rms` (linear), lowered further if a peak would pass `peak`."""
    loudness = (
        float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if samples.size else 0.0
    )
    highest = float(np.max(np.abs(samples))) if samples.size else 0.0
    if loudness <= 0.0 or highest <= 0.0:
        return samples
    out = samples * np.float32(min(rms / loudness, peak / highest))
    out.flags.writeable = False
    return out
