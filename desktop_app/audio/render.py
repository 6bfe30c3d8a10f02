"""Rendering a practice to a sound file: exactly what a person would hear.

The file is the mixer's output block by block, the same call live output makes.
Untimed steps (`wait`, `ask`) become a short pause: sounds already ringing ring on,
nothing new starts, and the background flows on. The last second fades out, so a
bell still ringing at the end does not stop with a click.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Final

import numpy as np
import soundfile

from desktop_app.audio.mixer import Block, Mixer

#: The pause a `wait` or `ask` step becomes in a file.
HOLD_PAUSE_SECONDS: Final = 3.0
END_FADE_SECONDS: Final = 1.0
BLOCK_FRAMES: Final = 8192
FORMATS: Final = {".wav": ("WAV", "PCM_16"), ".flac": ("FLAC", "PCM_16"), ".ogg": ("OGG", "VORBIS")}


def file_format(path: Path) -> tuple[str, str]:
    """(format, subtype) for soundfile, by extension; ValueError for others."""
    try:
        return FORMATS[path.suffix.lower()]
    except KeyError:
        kind = f'"{path.suffix}" files' if path.suffix else "a file without an ending"
        raise ValueError(f"cannot write {kind}; use .wav, .flac or .ogg") from None


def hold_samples(mixer: Mixer) -> list[int]:
    """Timeline samples where the file pauses, in order (several holds at one instant
    are one pause each)."""
    return [round(hold.at * mixer.rate) for hold in mixer.timeline.holds]


def rendered_frames(mixer: Mixer) -> int:
    return mixer.end + len(mixer.timeline.holds) * round(HOLD_PAUSE_SECONDS * mixer.rate)


def render_blocks(mixer: Mixer, block: int = BLOCK_FRAMES) -> Iterator[Block]:
    """Yield stereo float32 blocks of the whole rendering, end fade included."""
    total = rendered_frames(mixer)
    fade = min(total, round(END_FADE_SECONDS * mixer.rate))
    pause = round(HOLD_PAUSE_SECONDS * mixer.rate)
    written = 0  # frames of file so far; the background flows on file time
    position = 0  # timeline sample
    since = 0
    for hold in [*hold_samples(mixer), None]:
        end = mixer.end if hold is None else hold
        while position < end:
            frames = min(block, end - position)
            out = np.zeros((frames, 2), np.float32)
            mixer.render_into(out, position, background_at=written, since=since)
            yield _faded(out, written, total, fade)
            position += frames
            written += frames
        if hold is None:
            break
        for done in range(0, pause, block):  # past the hold: tails ring on, nothing starts
            frames = min(block, pause - done)
            out = np.zeros((frames, 2), np.float32)
            mixer.render_into(out, hold + done, background_at=written, limit=hold, since=since)
            yield _faded(out, written, total, fade)
            written += frames
        since = hold


def _faded(out: Block, written: int, total: int, fade: int) -> Block:
    start_of_fade = total - fade
    frames = out.shape[0]
    if written + frames > start_of_fade and fade > 0:
        index = np.arange(written, written + frames)
        gain = np.clip((total - index) / fade, 0.0, 1.0).astype(np.float32)
        out *= gain[:, None]
    return out


def render_to_file(mixer: Mixer, path: Path) -> float:
    """Write the practice to `path` (.wav, .flac or .ogg); returns its length in seconds."""
    kind, subtype = file_format(path)
    frames = 0
    # Opened here, not by libsndfile, so a file that cannot be written is an OSError
    # with its reason (libsndfile says only "System error").
    with (
        path.open("wb") as raw,
        soundfile.SoundFile(
            raw, "w", samplerate=mixer.rate, channels=2, format=kind, subtype=subtype
        ) as out,
    ):
        for block in render_blocks(mixer):
            out.write(block)
            frames += block.shape[0]
    return frames / mixer.rate
