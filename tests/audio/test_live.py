"""Live playback against a fake device: the clock sets the pace, fades never click.

The device is the one edge faked here: a loop that asks for blocks, either in time
with a manual clock (a real card) or as fast as it likes (an unpaced null sink).
Everything else is real: the practice, the engine, the mixer and the player.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from desktop_app.audio.live import FADE_SECONDS, LivePlayer, transport_of
from desktop_app.audio.session import prepare_session
from desktop_app.core.clock import ManualClock
from desktop_app.core.engine import PlayState, SessionEngine
from desktop_app.core.model import Practice
from tests.helpers import load_text, practice_with

RATE = 48_000
BLOCK = 480  # 10 ms


class Session:
    """A practice being played: engine, player and the samples the device received."""

    def __init__(self, tmp_path: Path, steps: str, extra: str = "") -> None:
        practice = load_text(tmp_path, practice_with(steps, extra=extra))
        assert isinstance(practice, Practice)
        self.sound = prepare_session(practice, rate=RATE)
        self.clock = ManualClock(100.0)
        self.engine = SessionEngine(self.sound.timeline, self.clock)
        self.player = LivePlayer(self.sound.mixer, self.clock, self.transport())
        self.heard: list[np.ndarray] = []

    def transport(self):  # type: ignore[no-untyped-def]
        return transport_of(self.engine.snapshot(), self.sound.timeline, self.clock.now())

    def publish(self) -> None:
        """What the GUI thread does after a control action and on its timer."""
        self.player.transport = self.transport()

    def play_blocks(self, count: int, paced: bool = True) -> None:
        for _ in range(count):
            out = np.zeros((BLOCK, 2), np.float32)
            self.player.fill(out)
            self.heard.append(out[:, 0].copy())
            if paced:
                self.clock.advance(BLOCK / RATE)
                if len(self.heard) % 5 == 0:
                    self.publish()

    @property
    def samples(self) -> np.ndarray:
        return np.concatenate(self.heard) if self.heard else np.zeros(0, np.float32)


def largest_step(samples: np.ndarray) -> float:
    return float(np.abs(np.diff(samples)).max())


TONES = "- breathe: {in: 4s, out: 4s, cycles: 3}\n"


def test_paced_playback_is_the_mixers_output(tmp_path: Path) -> None:
    session = Session(tmp_path, TONES)
    session.engine.play()
    session.publish()
    session.play_blocks(300)  # 3 s
    expected = session.sound.mixer.render(0.0, 300 * BLOCK)[:, 0]
    fade = round(FADE_SECONDS * RATE)
    assert np.allclose(session.samples[fade:], expected[fade:], atol=1e-6)


def test_an_unpaced_device_cannot_hurry_the_practice(tmp_path: Path) -> None:
    session = Session(tmp_path, TONES)
    session.engine.play()
    session.publish()
    session.play_blocks(10_000, paced=False)  # 100 s asked for, no time passed
    assert session.player.cursor < 0.1 * RATE + BLOCK
    session.clock.advance(5.0)
    session.publish()
    assert session.engine.position == pytest.approx(5.0)
    session.play_blocks(10, paced=False)
    assert abs(session.player.cursor - 5.0 * RATE) < 0.1 * RATE + 20 * BLOCK


def test_pause_and_resume_fade_without_a_click(tmp_path: Path) -> None:
    session = Session(tmp_path, TONES)
    session.engine.play()
    session.publish()
    session.play_blocks(150)
    natural = largest_step(session.sound.mixer.render(0.0, 12 * RATE)[:, 0])
    session.engine.pause()
    session.publish()
    session.play_blocks(50)
    paused_tail = session.samples[-40 * BLOCK :]
    assert not paused_tail.any()  # silence once the fade is done
    session.engine.resume()
    session.publish()
    session.play_blocks(100)
    assert largest_step(session.samples) <= natural * 1.01
    assert session.engine.state is PlayState.PLAYING


def test_a_skip_moves_the_sound_with_the_picture(tmp_path: Path) -> None:
    steps = "- silence: 10s\n- bell: chime\n- silence: 10s\n"
    session = Session(tmp_path, steps)
    session.engine.play()
    session.publish()
    session.play_blocks(50)
    session.engine.next_step()  # to the chime at 10 s
    session.publish()
    session.play_blocks(20)
    heard = session.samples[50 * BLOCK :]
    first_sound = int(np.flatnonzero(heard)[0])
    assert first_sound <= round(FADE_SECONDS * RATE) + BLOCK  # within a fade of the skip
    assert session.player.cursor == pytest.approx(10 * RATE + 20 * BLOCK, abs=4 * BLOCK)
    chime = session.sound.mixer.render(10.0, 10 * BLOCK)[:, 0]
    onset = first_sound - 1  # a bell's first sample is exactly 0
    assert np.allclose(heard[onset : onset + 10 * BLOCK][-5 * BLOCK :], chime[-5 * BLOCK :])


def test_waiting_lets_sounds_ring_but_starts_nothing_new(tmp_path: Path) -> None:
    steps = "- bell: bowl\n- ask: {id: word, text: A word?}\n- bell: wood\n"
    session = Session(tmp_path, steps)
    session.engine.play()
    session.publish()
    session.play_blocks(600)  # 6 s: at the ask (4 s) and two seconds into the wait
    assert session.engine.state is PlayState.WAITING
    tail = session.samples[round(4.5 * RATE) :]
    assert np.sqrt(np.mean(tail.astype(np.float64) ** 2)) > 1e-3  # the bowl rings on
    wood_heard = session.samples[round(4 * RATE) :]
    wood = session.sound.mixer.render(4.0, RATE)[:, 0]
    assert not np.allclose(wood_heard[:RATE], wood, atol=1e-3)  # the knock has not come
    session.engine.continue_()
    session.publish()
    before = len(session.heard)
    session.play_blocks(40)
    after = np.concatenate(session.heard[before:])
    assert np.abs(after).max() > 0.05  # now the knock comes
    assert largest_step(session.samples) < 0.3


def test_with_nothing_to_play_the_device_gets_silence(tmp_path: Path) -> None:
    session = Session(tmp_path, TONES)
    session.play_blocks(20)  # READY: not started
    assert not session.samples.any() and session.player.cursor == 0
