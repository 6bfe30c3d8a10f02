"""A practice plays when its first seconds are ready; the rest of its sound is made
behind it (audio/behind.py).

Speech is real espeak-ng in a real worker process. The one stand-in is at the speech
worker's edge (held_speech.py): a synthesizer that holds back phrases marked "(held)"
until the test opens a gate file, as a very slow machine would.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from desktop_app.audio.behind import LATE_SECONDS
from desktop_app.audio.live import LivePlayer, transport_of
from desktop_app.audio.mixer import NARRATION, Mixer, Placed
from desktop_app.audio.sample_cache import SampleCache
from desktop_app.audio.session import FIRST_SECONDS, SessionSound, prepare_session
from desktop_app.core.clock import ManualClock
from desktop_app.core.engine import SessionEngine
from desktop_app.core.model import Practice
from desktop_app.core.timeline import SpeechCue, estimate_speech
from tests.audio.held_speech import HELD, LATER, WELCOME, held_service
from tests.helpers import load_text, practice_with

RATE = 48_000
BLOCK = 480


@pytest.fixture(autouse=True)
def _no_workers_left() -> Iterator[None]:
    yield
    assert multiprocessing.active_children() == []


@pytest.fixture
def gate(tmp_path: Path) -> Path:
    return tmp_path / "gate"


def practice(tmp_path: Path, steps: str, extra: str = "lengths: [2m]\n") -> Practice:
    loaded = load_text(tmp_path, practice_with(steps, extra=extra))
    assert isinstance(loaded, Practice)
    return loaded


def held_behind(tmp_path: Path, gate: Path, the_practice: Practice) -> SessionSound:
    """Ready to play, the rest made behind by speech that holds "(held)" phrases back
    until `gate` is opened."""
    return prepare_session(
        the_practice, speech=held_service(tmp_path, gate), rate=RATE, behind=True
    )


def let_through(gate: Path, sound: SessionSound) -> None:
    """Opens the gate and waits until everything behind is made."""
    gate.touch()
    assert sound.behind is not None and sound.behind.wait(60.0)


def placed_speech(sound: SessionSound) -> list[Placed]:
    return [p for p in sound.mixer.placed if p.channel == NARRATION]


def cues_of(sound: SessionSound, text: str) -> list[SpeechCue]:
    return [c for c in sound.timeline.sounds if isinstance(c, SpeechCue) and c.text == text]


def test_playing_waits_only_for_the_first_seconds_and_the_rest_joins_behind(
    tmp_path: Path, gate: Path
) -> None:
    steps = f"""
    - say: {WELCOME}
    - silence: 15s
    - say: {HELD}
    - silence: flex
    """
    sound = held_behind(tmp_path, gate, practice(tmp_path, steps))
    assert sound.behind is not None and sound.behind.phrases == ((HELD, "en"),)
    (held,) = cues_of(sound, HELD)
    assert held.start > FIRST_SECONDS
    # Playing can start: the welcome is there, the held phrase is not made yet.
    assert [p.start for p in placed_speech(sound)] == [0]
    assert not sound.behind.done
    let_through(gate, sound)
    assert [p.start for p in placed_speech(sound)] == [0, round(held.start * RATE)]
    assert sound.behind.late == []
    out = sound.mixer.render(held.start, RATE)[:, 0]
    assert float(np.abs(out).max()) > 0.01  # it is heard where the timeline says


def test_a_phrase_that_comes_too_late_is_left_out_there_and_heard_where_it_comes_again(
    tmp_path: Path, gate: Path
) -> None:
    steps = f"""
    - say: {WELCOME}
    - silence: 15s
    - say: {HELD}
    - silence: 20s
    - say: {HELD}
    - silence: flex
    """
    sound = held_behind(tmp_path, gate, practice(tmp_path, steps))
    assert sound.behind is not None
    first, again = cues_of(sound, HELD)
    # The practice plays into the held phrase's first place before it is made.
    clock = ManualClock(0.0)
    engine = SessionEngine(sound.timeline, clock)
    engine.play()
    player = LivePlayer(sound.mixer, clock, transport_of(engine.snapshot(), sound.timeline, 0.0))
    heard = []
    while clock.now() < first.start + 0.5:
        out = np.zeros((BLOCK, 2), np.float32)
        player.fill(out)
        heard.append(out[:, 0].copy())
        clock.advance(BLOCK / RATE)
        player.transport = transport_of(engine.snapshot(), sound.timeline, clock.now())
    let_through(gate, sound)
    assert sound.behind.late == [(HELD, "en")]
    # Not cut in half-way where it was late; whole where it comes again.
    assert [p.start for p in placed_speech(sound)] == [0, round(again.start * RATE)]
    samples = np.concatenate(heard)
    start = round(first.start * RATE)
    assert not samples[start:].any()  # silence where it was late (its words still show)


def test_the_first_seconds_are_spoken_before_playing_starts(tmp_path: Path, gate: Path) -> None:
    steps = f"""
    - say: {WELCOME}
    - silence: 2s
    - say: {LATER}
    - silence: 30s
    - say: {HELD}
    - silence: flex
    """
    sound = held_behind(tmp_path, gate, practice(tmp_path, steps))
    assert sound.speech is not None
    assert set(sound.speech.clips) == {(WELCOME, "en"), (LATER, "en")}
    (later,) = cues_of(sound, LATER)
    assert [p.start for p in placed_speech(sound)] == [0, round(later.start * RATE)]
    let_through(gate, sound)


def test_a_warm_cache_leaves_nothing_behind(tmp_path: Path, gate: Path) -> None:
    steps = f"- say: {WELCOME}\n- silence: 20s\n- say: {LATER}\n- silence: flex\n"
    with held_service(tmp_path, gate) as speech:
        everything = prepare_session(practice(tmp_path, steps), speech=speech, rate=RATE)
    warm = held_behind(tmp_path, gate, practice(tmp_path, steps))
    assert warm.behind is None
    assert warm.timeline == everything.timeline
    assert np.array_equal(
        warm.mixer.render(0.0, 30 * RATE), everything.mixer.render(0.0, 30 * RATE)
    )


def test_a_noise_background_joins_behind_and_fades_in(tmp_path: Path) -> None:
    rain = practice(tmp_path, "- silence: flex\n", extra="lengths: [1m]\nbackground: rain\n")
    sound = prepare_session(rain, rate=RATE, behind=True)
    assert sound.behind is not None and sound.behind.wait(60.0)
    made_first = prepare_session(rain, rate=RATE)
    # Joined before any block was rendered: it fades in from LATE_SECONDS on, and after
    # that fade it is the same background as one made first.
    out = sound.mixer.render(0.0, 10 * RATE)[:, 0]
    assert not out[: round(LATE_SECONDS * RATE)].any()
    assert out[round(LATE_SECONDS * RATE) + 1 :].all()
    assert np.array_equal(out[5 * RATE :], made_first.mixer.render(5.0, 5 * RATE)[:, 0])


def test_a_late_background_fades_in_from_where_it_joins(tmp_path: Path) -> None:
    steps = "- silence: flex\n"
    made = prepare_session(practice(tmp_path, steps, extra="lengths: [1m]\nbackground: rain\n"))
    loop = made.mixer.loop
    assert loop is not None
    sound = prepare_session(practice(tmp_path, steps, extra="lengths: [1m]\n"))
    mixer: Mixer = sound.mixer
    heard = [mixer.render(t / 100, BLOCK)[:, 0] for t in range(1000)]  # 10 s, no background
    mixer.join_background(loop, after=BLOCK)
    heard += [mixer.render(10 + t / 100, BLOCK)[:, 0] for t in range(500)]
    samples = np.concatenate(heard)
    join = 1001 * BLOCK
    assert not samples[:join].any()
    fade = round(3.0 * RATE)
    ramp = np.abs(samples[join : join + fade])
    # Each sample at most its share of the fade, so it starts without a step.
    assert np.all(ramp <= (np.arange(fade) + 1) / fade * float(np.abs(loop).max()) + 1e-6)
    assert float(np.abs(samples[join + fade :]).max()) > 0.5 * float(np.abs(loop).max())


def test_a_phrase_not_spoken_yet_is_laid_out_by_the_voice_so_far(
    tmp_path: Path, gate: Path
) -> None:
    steps = f"- say: {WELCOME}\n- silence: 15s\n- say: {HELD}\n- silence: flex\n"
    the_practice = practice(tmp_path, steps)
    sound = held_behind(tmp_path, gate, the_practice)
    assert sound.speech is not None
    (welcome,) = cues_of(sound, WELCOME)
    (held,) = cues_of(sound, HELD)
    estimate = estimate_speech(the_practice.narration_rate)
    spoken = sound.speech.seconds(WELCOME, "en")
    assert spoken is not None and welcome.duration == spoken
    # The estimate, scaled as the welcome's real length compares with its estimate.
    scale = spoken / estimate(WELCOME, "en")
    assert held.duration == pytest.approx(estimate(HELD, "en") * scale)
    let_through(gate, sound)


def test_with_only_the_first_seconds_to_speak_the_worker_is_closed_at_once(
    tmp_path: Path, gate: Path
) -> None:
    steps = f"- say: {WELCOME}\n- silence: flex\n"
    sound = held_behind(tmp_path, gate, practice(tmp_path, steps))
    assert sound.behind is None
    assert multiprocessing.active_children() == []


def test_a_noise_background_in_the_sample_cache_is_there_from_the_start(tmp_path: Path) -> None:
    rain = practice(tmp_path, "- silence: flex\n", extra="lengths: [1m]\nbackground: rain\n")
    cache = SampleCache(tmp_path / "sounds")
    first = prepare_session(rain, rate=RATE, sample_cache=cache, behind=True)
    assert first.behind is not None and first.behind.wait(60.0)
    again = prepare_session(rain, rate=RATE, sample_cache=cache, behind=True)
    assert again.behind is None
    assert again.mixer.loop is not None and first.mixer.loop is not None
    assert np.array_equal(again.mixer.loop, first.mixer.loop)


def test_spoken_breathing_cues_are_made_first_wherever_they_come(
    tmp_path: Path, gate: Path
) -> None:
    steps = f"""
    - say: {WELCOME}
    - silence: 15s
    - breathe: {{in: 3s, out: 3s, cycles: 1, cue: voice}}
    - say: {HELD}
    - silence: flex
    """
    sound = held_behind(tmp_path, gate, practice(tmp_path, steps))
    assert sound.speech is not None
    # Cut to their phase by their length: they are laid out by their real one.
    assert set(sound.speech.clips) == {(WELCOME, "en"), ("in", "en"), ("out", "en")}
    (breathe_in,) = cues_of(sound, "in")
    assert breathe_in.start > FIRST_SECONDS
    assert breathe_in.duration == sound.speech.seconds("in", "en")
    let_through(gate, sound)


def test_cancelled_the_phrase_in_hand_is_finished_and_nothing_more_made(
    tmp_path: Path, gate: Path
) -> None:
    other = "And this one comes later still (held)."
    steps = f"""
    - say: {WELCOME}
    - silence: 15s
    - say: {HELD}
    - silence: 15s
    - say: {other}
    - silence: flex
    """
    sound = held_behind(tmp_path, gate, practice(tmp_path, steps))
    assert sound.behind is not None and sound.behind.phrases == ((HELD, "en"), (other, "en"))
    sound.behind.cancel()
    let_through(gate, sound)
    spoken = [p.start for p in placed_speech(sound)]
    assert len(spoken) <= 2  # the welcome, and the held phrase if it was in hand
    (later,) = cues_of(sound, other)
    assert round(later.start * RATE) not in spoken
    # _no_workers_left: the worker is closed
