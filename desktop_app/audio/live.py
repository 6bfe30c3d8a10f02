"""Live playback: the mixer's blocks, kept in step with the session clock.

The GUI thread owns the session engine. After every control action, and on its
repaint timer, it publishes a `Transport`: where the practice is, at what clock time,
and whether it is moving. The audio thread reads the latest one (a single attribute,
swapped whole) and renders blocks from its own sample cursor. The cursor follows the
session clock, never the device's appetite:

- running ahead of the clock (an unpaced null device) → silence, cursor held;
- falling behind or told of a skip/seek → fade out, jump, fade in;
- paused → fade out over about 30 ms, then silence, and `resting`: the device may stop
  asking for blocks until a sounding transport wakes it (`waker`), fading in again;
- waiting at a `wait`/`ask` → sounds already ringing ring on, nothing new starts,
  and the background flows on.

`LivePlayer.fill` is what the device callback calls; it allocates nothing once its
buffers have grown to the block size, reads no files and takes no locks.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import numpy as np

from desktop_app.audio.mixer import Block, Mixer
from desktop_app.core.clock import Clock
from desktop_app.core.engine import PlayState, Snapshot
from desktop_app.core.timeline import Timeline

FADE_SECONDS: Final = 0.03
#: How far sound may drift from the clock before it is moved back in step.
TOLERANCE_SECONDS: Final = 0.08


@dataclass(frozen=True)
class Transport:
    """What the audio thread needs to know of the session, at clock time `at`."""

    state: PlayState
    position: float
    at: float
    #: Where sound must stop starting new things: the pending hold, or the end.
    limit: float
    revision: int

    @property
    def moving(self) -> bool:
        return self.state is PlayState.PLAYING

    @property
    def sounding(self) -> bool:
        """Waiting and finishing still sound: tails ring on, the background flows."""
        return self.state in (PlayState.PLAYING, PlayState.WAITING, PlayState.FINISHED)


def transport_of(snapshot: Snapshot, timeline: Timeline, at: float) -> Transport:
    """The transport for an engine snapshot taken at clock time `at`."""
    limit = timeline.total
    pending = [h.at for h in timeline.holds if h.at >= snapshot.position - 1e-9]
    if snapshot.waiting is not None:
        limit = snapshot.waiting.at
    elif pending and snapshot.state is not PlayState.FINISHED:
        limit = min(limit, pending[0])
    return Transport(snapshot.state, snapshot.position, at, limit, snapshot.revision)


class LivePlayer:
    def __init__(self, mixer: Mixer, clock: Clock, transport: Transport) -> None:
        self.mixer = mixer
        self.clock = clock
        self.rate = mixer.rate
        #: Called (on the GUI thread) when a sounding transport comes while resting; the
        #: output sets it when it lets its stream rest.
        self.waker: Callable[[], None] | None = None
        self._transport = transport
        self.cursor = round(transport.position * self.rate)
        self.background_cursor = 0
        self.since = self.cursor
        self.level = 0.0  # the fade envelope, 0..1
        self._revision = transport.revision
        self._jump_to: int | None = None
        self._fade_step = 1.0 / max(1, round(FADE_SECONDS * self.rate))
        self._tolerance = round(TOLERANCE_SECONDS * self.rate)
        self._ramp = np.zeros(0, np.float32)
        self._envelope = np.zeros(0, np.float32)

    @property
    def transport(self) -> Transport:
        """Replaced whole by the GUI thread; read once per block by the audio thread."""
        return self._transport

    @transport.setter
    def transport(self, transport: Transport) -> None:
        self._transport = transport
        waker = self.waker
        if waker is not None and transport.sounding:
            waker()

    @property
    def resting(self) -> bool:
        """Silent, faded out and not to sound: no block needs mixing until woken."""
        return self.level == 0.0 and not self._transport.sounding

    def fill(self, out: Block, latency: float = 0.0) -> None:
        """Fill one device block. `latency`: seconds until this block is heard."""
        transport = self.transport
        frames = out.shape[0]
        target = self._target(transport, latency)
        self._notice_jumps(transport, target)
        if transport.moving and self._jump_to is None and self.cursor - target > self._tolerance:
            out.fill(0.0)  # the device wants sound faster than time passes: hold back
            return
        wanted = 0.0 if self._jump_to is not None or not transport.sounding else 1.0
        if self.level == 0.0 and self._jump_to is not None:
            self.cursor = self.since = self._jump_to
            self._jump_to = None
            wanted = 1.0 if transport.sounding else 0.0
        if self.level == 0.0 and wanted == 0.0:
            out.fill(0.0)
            return
        limit = round(transport.limit * self.rate)
        self.mixer.render_into(
            out, self.cursor, background_at=self.background_cursor, limit=limit, since=self.since
        )
        self._apply_fade(out, wanted)
        self.cursor += frames
        self.background_cursor += frames

    def _target(self, transport: Transport, latency: float) -> int:
        seconds = transport.position
        if transport.moving:
            seconds = min(transport.limit, seconds + self.clock.now() - transport.at + latency)
        return round(seconds * self.rate)

    def _notice_jumps(self, transport: Transport, target: int) -> None:
        """A control action that moved the position, or a cursor that fell behind.

        After a skip, sound starts exactly where the person skipped to (a bell on that
        step's first sample is heard whole), a fade's length after the picture."""
        if transport.revision != self._revision:
            self._revision = transport.revision
            if abs(self.cursor - target) > self._tolerance:
                self._jump_to = round(transport.position * self.rate)
        elif self._jump_to is None and transport.moving and target - self.cursor > self._tolerance:
            self._jump_to = target

    def _apply_fade(self, out: Block, wanted: float) -> None:
        frames = out.shape[0]
        if self.level == wanted:
            if wanted < 1.0:
                out *= wanted
            return
        if self._ramp.size < frames:
            self._ramp = np.arange(1, frames + 1, dtype=np.float32)
            self._envelope = np.zeros(frames, np.float32)
        step = self._fade_step if wanted > self.level else -self._fade_step
        envelope = self._envelope[:frames]
        np.multiply(self._ramp[:frames], step, out=envelope)
        np.add(envelope, self.level, out=envelope)
        np.clip(envelope, 0.0, 1.0, out=envelope)
        out *= envelope[:, None]
        self.level = float(envelope[-1])
