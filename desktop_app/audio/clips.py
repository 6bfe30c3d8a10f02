"""Recorded clips: measuring them (for validation and timelines) and reading them."""

from __future__ import annotations

from pathlib import Path

import soundfile


def clip_seconds(path: Path) -> float:
    """Length of an audio file in seconds; ValueError with a plain reason if unreadable."""
    try:
        info = soundfile.info(str(path))
    except (RuntimeError, soundfile.LibsndfileError, OSError) as error:
        raise ValueError(str(error).strip() or "not a readable audio file") from None
    if info.samplerate <= 0 or info.frames <= 0:
        raise ValueError("the file holds no sound")
    return float(info.frames) / float(info.samplerate)
