"""The mixer: a timeline's sounds as samples, for any window of time.

Live output and `attune render` both call `Mixer.render_into`, so what a person hears
and what a test measures in a rendered file are the same samples by construction.
Every sound is placed at `round(start × rate)`: a bell at 12.000 s starts at sample
576,000 at 48 kHz. Rendering a block allocates nothing once the scratch buffers have
grown to the block size, reads no files and takes no locks: the samples are prepared
before they are handed to the mixer. Speech made while a practice already plays joins
with `add` (see `audio/behind.py`), which swaps the mixer's sorted list whole.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Final, Protocol

import numpy as np
import numpy.typing as npt

from desktop_app.core.timeline import BellCue, ClipCue, SpeechCue, Timeline, ToneCue

Samples = npt.NDArray[np.float32]
Block = npt.NDArray[np.float32]

NARRATION, CUES, CLIPS = 0, 1, 2
#: Output above this is bent smoothly towards 1.0 and never reaches it.
LIMIT_KNEE: Final = 0.8
_ROOM: Final = (1.0 - LIMIT_KNEE) * 0.999  # so that even float32 rounding stays below 1.0
#: The background fades in at the start of a practice and out at its end.
BACKGROUND_FADE_SECONDS: Final = 3.0
#: A voice cue ("in", "out") that runs past its phase is cut with this fade.
CUT_FADE_SECONDS: Final = 0.015


@dataclass
class Gains:
    """Linear gains per channel and for the whole mix. Plain floats, read by the
    audio thread on every block, so a volume slider takes effect at once."""

    narration: float = 1.0
    cues: float = 1.0
    clips: float = 1.0
    background: float = 1.0
    master: float = 1.0

    def channel(self, channel: int) -> float:
        return (self.narration, self.cues, self.clips)[channel]


class SoundBank(Protocol):
    """Where the mixer gets its samples, all at the mixer's rate, mono, read-only.
    None means "nothing to play" (no speech for this phrase, an unreadable clip)."""

    def speech(self, text: str, language: str) -> Samples | None: ...

    def bell(self, sound: str) -> Samples: ...

    def tone(self, phase: str, seconds: float) -> Samples: ...

    def clip(self, path: str) -> Samples | None: ...

    def background(self) -> Samples | None: ...


@dataclass(frozen=True)
class Placed:
    """One sound at its sample position on the timeline."""

    start: int
    samples: Samples
    channel: int

    @property
    def end(self) -> int:
        return self.start + self.samples.size


class Mixer:
    def __init__(
        self,
        timeline: Timeline,
        bank: SoundBank,
        rate: int,
        gains: Gains | None = None,
        *,
        background: bool = True,
    ) -> None:
        """`background=False` leaves the background loop to `join_background`."""
        self.timeline = timeline
        self.rate = rate
        self.gains = gains or Gains()
        self.end = round(timeline.total * rate)
        self._sounds = _Sounds.of(_place(timeline, bank, rate))
        #: The end of the last block rendered, in timeline samples (read by `add`).
        self.rendered_to = 0
        self.loop = bank.background() if background else None
        #: Background sample from which a loop that joined late fades in (0: from the start).
        self._loop_since = 0
        #: The end of the last block's background, in background samples.
        self.background_rendered_to = 0
        self._fade = max(1, round(BACKGROUND_FADE_SECONDS * rate))
        self._mono = np.zeros(0, np.float32)
        self._scratch = np.zeros(0, np.float32)
        self._ramp = np.zeros(0, np.float32)
        self._envelope = np.zeros(0, np.float32)
        self._distance = np.zeros(0, np.float32)

    @property
    def placed(self) -> tuple[Placed, ...]:
        """Every sound, by start."""
        return self._sounds.placed

    def add(self, placed: list[Placed]) -> None:
        """More sounds, from another thread while the audio thread renders: the sorted
        list is made anew here and swapped in whole, so a block sees it before or after,
        never half made."""
        self._sounds = _Sounds.of([*self._sounds.placed, *placed])

    def join_background(self, loop: Samples | None, after: int = 0) -> None:
        """The background loop, made while the practice already plays: it fades in
        from `after` background samples past the last block rendered."""
        if loop is None:
            return
        self._loop_since = self.background_rendered_to + after
        self.loop = loop  # last: the audio thread sees the loop with its fade

    def render(self, position: float, frames: int) -> Block:
        """`frames` stereo frames from `position` seconds: the pure, simple entry."""
        out = np.zeros((frames, 2), np.float32)
        self.render_into(out, round(position * self.rate))
        return out

    def render_into(
        self,
        out: Block,
        start: int,
        *,
        background_at: int | None = None,
        cues: bool = True,
        limit: int | None = None,
        since: int = 0,
    ) -> None:
        """Fill `out` (frames × 2) with the mix from timeline sample `start`.

        `background_at` places the background loop independently of the timeline
        (live output keeps it flowing while a practice waits); `cues=False` leaves the
        timeline's sounds out; `limit` is a timeline sample past which nothing starts
        to sound (the next hold: what follows must wait for the person); sounds that
        started before `since` are left out (after a jump, the ringing tails of what
        came before are not played again).
        """
        frames = out.shape[0]
        mono, scratch = self._buffers(frames)
        mono.fill(0.0)
        if cues:
            self._add_sounds(
                mono, scratch, start, frames, self.end if limit is None else limit, since
            )
        loop_at = start if background_at is None else background_at
        if self.loop is not None and self.gains.background > 0:
            self._add_background(mono, scratch, start, loop_at, frames)
        self.background_rendered_to = loop_at + frames
        np.multiply(mono, self.gains.master, out=mono)
        soft_limit(mono, scratch)
        out[:, 0] = mono
        out[:, 1] = mono
        self.rendered_to = start + frames

    def _buffers(self, frames: int) -> tuple[Block, Block]:
        if self._mono.size < frames:  # grows once to the largest block, then never again
            self._mono = np.zeros(frames, np.float32)
            self._scratch = np.zeros(frames, np.float32)
            self._ramp = np.arange(frames, dtype=np.float32)
            self._envelope = np.zeros(frames, np.float32)
            self._distance = np.zeros(frames, np.float32)
        return self._mono[:frames], self._scratch[:frames]

    def _add_sounds(
        self, mono: Block, scratch: Block, start: int, frames: int, limit: int, since: int
    ) -> None:
        sounds = self._sounds  # read once: `add` may swap it meanwhile
        stop = min(start + frames, limit)
        first = bisect_left(sounds.starts, max(since, start - sounds.longest))
        last = bisect_left(sounds.starts, stop)
        for placed in sounds.placed[first:last]:
            begin = max(start, placed.start)
            end = min(start + frames, placed.end)
            if end <= begin:
                continue
            source = placed.samples[begin - placed.start : end - placed.start]
            target = mono[begin - start : end - start]
            gained = scratch[: end - begin]
            np.multiply(source, self.gains.channel(placed.channel), out=gained)
            np.add(target, gained, out=target)

    def _add_background(
        self, mono: Block, scratch: Block, start: int, loop_at: int, frames: int
    ) -> None:
        loop = self.loop
        assert loop is not None
        offset = loop_at % loop.size
        written = 0
        while written < frames:  # the loop may wrap inside a block
            take = min(frames - written, loop.size - offset)
            scratch[written : written + take] = loop[offset : offset + take]
            written += take
            offset = 0
        np.multiply(scratch, self._background_envelope(start, loop_at, frames), out=scratch)
        np.add(mono, scratch, out=mono)

    def _background_envelope(self, start: int, loop_at: int, frames: int) -> Block:
        """Background gain per sample: fading in over the practice's first seconds and
        out over its last (and in after a late join). Computed in float32 from small
        exact integers only, so any split of the same samples into blocks gives the
        same envelope, bit for bit."""
        envelope, distance = self._envelope[:frames], self._distance[:frames]
        envelope.fill(1.0)
        since = self._loop_since
        if since and loop_at < since + self._fade:  # background samples since the join
            np.add(self._ramp[:frames], np.float32(loop_at - since), out=distance)
            np.multiply(distance, np.float32(1.0 / self._fade), out=distance)
            np.minimum(envelope, distance, out=envelope)
        if start < self._fade:  # samples since the start: start + i
            np.add(self._ramp[:frames], np.float32(start), out=distance)
            np.multiply(distance, np.float32(1.0 / self._fade), out=distance)
            np.minimum(envelope, distance, out=envelope)
        if start + frames > self.end - self._fade:  # samples until the end: (end - start) - i
            np.subtract(np.float32(self.end - start), self._ramp[:frames], out=distance)
            np.multiply(distance, np.float32(1.0 / self._fade), out=distance)
            np.minimum(envelope, distance, out=envelope)
        np.clip(envelope, 0.0, 1.0, out=envelope)
        np.multiply(envelope, np.float32(self.gains.background), out=envelope)
        return envelope


@dataclass(frozen=True)
class _Sounds:
    """The placed sounds by start, with what a block needs to find its own."""

    placed: tuple[Placed, ...]
    starts: list[int]
    longest: int

    @classmethod
    def of(cls, placed: list[Placed]) -> _Sounds:
        ordered = tuple(sorted(placed, key=lambda p: p.start))
        longest = max((p.samples.size for p in ordered), default=0)
        return cls(ordered, [p.start for p in ordered], longest)


def soft_limit(mono: Block, scratch: Block) -> None:
    """Above the knee, bend the signal smoothly towards ±1.0, in place. Below it the
    signal is untouched, so ordinary levels are bit-exact. Only a block that needs
    limiting allocates (rarely: levels are balanced to stay under the knee)."""
    if not mono.size:
        return
    np.abs(mono, out=scratch)
    if float(scratch.max()) <= LIMIT_KNEE:
        return
    over = scratch > LIMIT_KNEE
    bent = LIMIT_KNEE + _ROOM * np.tanh((scratch[over] - LIMIT_KNEE) / _ROOM)
    mono[over] = np.copysign(bent, mono[over]).astype(np.float32)


def _place(timeline: Timeline, bank: SoundBank, rate: int) -> list[Placed]:
    placed: list[Placed] = []
    for cue in timeline.sounds:
        start = round(cue.start * rate)
        if isinstance(cue, SpeechCue):
            spoken = place_speech(cue, bank.speech(cue.text, cue.language), rate)
            if spoken is not None:
                placed.append(spoken)
        elif isinstance(cue, BellCue):
            placed.append(Placed(start, bank.bell(cue.sound), CUES))
        elif isinstance(cue, ToneCue):
            placed.append(Placed(start, bank.tone(cue.phase, cue.duration), CUES))
        elif isinstance(cue, ClipCue):
            clip = bank.clip(cue.path)
            if clip is not None:
                placed.append(Placed(start, clip, CLIPS))
    return placed


def place_speech(cue: SpeechCue, samples: Samples | None, rate: int) -> Placed | None:
    """A spoken cue at its place; a voice cue ("in", "out") is cut to its phase."""
    if samples is None:
        return None
    if cue.channel == "cue":
        samples = _cut(samples, round(cue.duration * rate), rate)
    channel = NARRATION if cue.channel == "narration" else CUES
    return Placed(round(cue.start * rate), samples, channel)


def _cut(samples: Samples, length: int, rate: int) -> Samples:
    """The first `length` samples, faded out at the cut."""
    if samples.size <= length:
        return samples
    cut = samples[:length].copy()
    fade = min(length, round(CUT_FADE_SECONDS * rate))
    if fade > 0:
        cut[-fade:] *= np.linspace(1.0, 0.0, fade, dtype=np.float32)
    cut.flags.writeable = False
    return cut
