"""While a practice is paused the output stream rests, and wakes on resume.

The sound card is the one edge faked here: a stand-in for the `sounddevice` module
whose stream calls back when the test pulls a block, stops when the callback raises
`CallbackStop`, and can be started again, as PortAudio's does. The practice, engine,
mixer, player and `SoundOutput` are real.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from desktop_app.audio.live import FADE_SECONDS, LivePlayer, Transport, transport_of
from desktop_app.audio.output import SoundOutput
from desktop_app.audio.session import prepare_session
from desktop_app.core.clock import ManualClock
from desktop_app.core.engine import SessionEngine
from desktop_app.core.model import Practice
from tests.helpers import load_text, practice_with

RATE = 48_000
BLOCK = 480  # 10 ms


#: The stream's time info: every block is heard at once.
AT_ONCE = types.SimpleNamespace(outputBufferDacTime=0.0, currentTime=0.0)


class CallbackStop(Exception):
    pass


class FakeStream:
    """Plays only when pulled; `calls` counts the callbacks it made."""

    def __init__(
        self,
        *,
        callback: Callable[..., None],
        finished_callback: Callable[[], None],
        **settings: Any,
    ) -> None:
        self.callback = callback
        self.finished_callback = finished_callback
        self.active = False
        self.calls = 0
        self.starts = 0
        #: Like a real card, ask for a block as soon as the stream starts.
        self.asks_at_once = False
        self.played: list[np.ndarray] = []

    def start(self) -> None:
        assert not self.active, "PortAudio starts only a stopped stream"
        self.active = True
        self.starts += 1
        if self.asks_at_once:
            self.pull(1)

    def stop(self) -> None:
        self.active = False

    def abort(self) -> None:
        self.active = False

    def close(self) -> None:
        self.active = False

    def pull(self, blocks: int) -> None:
        """The card asks for `blocks` blocks, while the stream is active."""
        for _ in range(blocks):
            if not self.active:
                return
            out = np.zeros((BLOCK, 2), np.float32)
            self.calls += 1
            try:
                self.callback(out, BLOCK, AT_ONCE, None)
            except CallbackStop:
                self.played.append(out[:, 0].copy())  # the last block still plays
                self.active = False
                self.finished_callback()
                return
            self.played.append(out[:, 0].copy())


class Streams(list[FakeStream]):
    """The streams opened so far; `asks_at_once` for those opened from now on."""

    asks_at_once = False


@pytest.fixture
def streams(monkeypatch: pytest.MonkeyPatch) -> Streams:
    made = Streams()

    def output_stream(**settings: Any) -> FakeStream:
        stream = FakeStream(**settings)
        stream.asks_at_once = made.asks_at_once
        made.append(stream)
        return stream

    fake = types.SimpleNamespace(OutputStream=output_stream, CallbackStop=CallbackStop)
    monkeypatch.setitem(sys.modules, "sounddevice", fake)
    return made


def breathing(tmp_path: Path) -> Practice:
    practice = load_text(tmp_path, practice_with("- breathe: {in: 4s, out: 4s, cycles: 3}\n"))
    assert isinstance(practice, Practice)
    return practice


class Playing:
    def __init__(self, tmp_path: Path) -> None:
        self.sound = prepare_session(breathing(tmp_path), rate=RATE)
        self.clock = ManualClock(100.0)
        self.engine = SessionEngine(self.sound.timeline, self.clock)
        self.player = LivePlayer(self.sound.mixer, self.clock, self.transport())
        self.notices: list[str] = []
        self.output = SoundOutput(on_notice=self.notices.append)

    def transport(self) -> Transport:
        return transport_of(self.engine.snapshot(), self.sound.timeline, self.clock.now())

    def publish(self) -> None:
        self.player.transport = self.transport()

    def pause(self) -> None:
        self.engine.pause()
        self.publish()

    def resume(self) -> None:
        self.engine.resume()
        self.publish()

    def run(self, stream: FakeStream, blocks: int) -> None:
        """The card pulling in time with the clock, the GUI publishing as it goes."""
        for _ in range(blocks):
            stream.pull(1)
            self.clock.advance(BLOCK / RATE)
            self.publish()


def playing_on_a_stream(tmp_path: Path, streams: list[FakeStream]) -> tuple[Playing, FakeStream]:
    """A practice playing, its output started on the one stream opened."""
    playing = Playing(tmp_path)
    playing.engine.play()
    assert playing.output.start(playing.player)
    (stream,) = streams
    return playing, stream


def test_a_paused_practice_stops_the_stream_after_its_fade(
    tmp_path: Path, streams: list[FakeStream]
) -> None:
    playing, stream = playing_on_a_stream(tmp_path, streams)
    playing.run(stream, 200)
    playing.pause()
    playing.run(stream, 50)
    assert not stream.active and playing.output.resting
    fade_blocks = -(-round(FADE_SECONDS * RATE) // BLOCK)
    assert stream.calls <= 200 + fade_blocks + 1  # no callbacks while paused
    assert stream.played[-1][-1] == 0.0  # the last block played ends the fade, at silence
    calls = stream.calls
    playing.run(stream, 100)  # a second of pause: nothing asks for sound
    assert stream.calls == calls
    assert playing.notices == []  # resting is not a lost device


def test_resume_starts_the_stream_again_and_fades_in_without_a_click(
    tmp_path: Path, streams: list[FakeStream]
) -> None:
    playing, stream = playing_on_a_stream(tmp_path, streams)
    playing.run(stream, 300)
    playing.pause()
    playing.run(stream, 60)
    assert not stream.active
    before = len(stream.played)
    playing.resume()  # the GUI thread's transport wakes the stream
    assert stream.active and not playing.output.resting
    playing.run(stream, 100)
    resumed = np.concatenate(stream.played[before:])
    # From silence, the fade lets each sample grow by at most one fade step of the mix.
    peak = float(np.abs(playing.sound.mixer.render(0.0, 12 * RATE)[:, 0]).max())
    step = 1.0 / round(FADE_SECONDS * RATE)
    first = np.abs(resumed[: round(FADE_SECONDS * RATE)])
    assert np.all(first <= (np.arange(first.size) + 1) * step * peak + 1e-6)
    natural = float(np.abs(np.diff(playing.sound.mixer.render(0.0, 12 * RATE)[:, 0])).max())
    joined = np.concatenate([stream.played[before - 1], resumed])
    assert float(np.abs(np.diff(joined)).max()) <= natural * 1.01
    assert resumed[-BLOCK:].any()  # and it plays on


def test_the_stream_rests_and_wakes_again_and_again(
    tmp_path: Path, streams: list[FakeStream]
) -> None:
    playing, stream = playing_on_a_stream(tmp_path, streams)
    for _ in range(3):
        playing.run(stream, 50)
        playing.pause()
        playing.run(stream, 20)
        assert not stream.active
        playing.resume()
        assert stream.active
    assert len(streams) == 1  # the same stream, started again


def test_a_stopped_output_is_not_woken(tmp_path: Path, streams: list[FakeStream]) -> None:
    playing, stream = playing_on_a_stream(tmp_path, streams)
    playing.run(stream, 20)
    playing.pause()
    playing.run(stream, 20)
    playing.output.stop()
    playing.resume()
    assert not stream.active and playing.player.waker is None


def test_a_practice_begun_plays_from_its_first_block(tmp_path: Path, streams: Streams) -> None:
    from desktop_app.session.run import PracticeRun

    playing = Playing(tmp_path)
    run = PracticeRun(breathing(tmp_path), playing.sound, playing.clock, playing.output)
    streams.asks_at_once = True
    assert run.start() == []
    (stream,) = streams
    stream.pull(9)
    # The first block already found the practice playing: the stream never rested.
    assert stream.active and stream.starts == 1 and stream.calls == 10
    assert np.concatenate(stream.played).any()
