"""Rendering whole practices with real espeak-ng speech, and measuring the files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile

from desktop_app.audio.render import HOLD_PAUSE_SECONDS, file_format, render_to_file
from desktop_app.audio.session import prepare_session
from desktop_app.audio.speech import SpeechService
from desktop_app.core.model import Practice
from desktop_app.core.timeline import BellCue, SpeechCue, ToneCue
from tests.helpers import load_text, practice_with

RATE = 48_000

STEPS = """
- bell: bowl
- say: Welcome. Let yourself arrive, and notice the breath.
  pause: 2s
- breathe: {in: 4s, hold: 1s, out: 5s, cycles: 2}
- silence: flex
- say: Now rest for a while.
  pause: flex
- silence: 6s
- bell: {sound: chime, times: 2, gap: 3s}
"""


@pytest.fixture
def speech(tmp_path: Path) -> Iterator[SpeechService]:
    with SpeechService(tmp_path / "speech-cache") as service:
        yield service


def practice(tmp_path: Path, steps: str = STEPS, extra: str = "lengths: [2m, 3m]\n") -> Practice:
    loaded = load_text(tmp_path, practice_with(steps, extra=extra))
    assert isinstance(loaded, Practice)
    return loaded


def read(path: Path) -> np.ndarray:
    data, rate = soundfile.read(path, dtype="float32")
    assert rate == RATE and data.shape[1] == 2
    return data[:, 0]


def rms(samples: np.ndarray, start: float, end: float) -> float:
    part = samples[round(start * RATE) : round(end * RATE)].astype(np.float64)
    return float(np.sqrt(np.mean(part**2))) if part.size else 0.0


def test_a_rendered_practice_sounds_where_the_timeline_says(
    tmp_path: Path, speech: SpeechService
) -> None:
    session = prepare_session(practice(tmp_path), length=120.0, speech=speech, rate=RATE)
    assert session.notices == ()
    out = tmp_path / "practice.wav"
    seconds = render_to_file(session.mixer, out)
    samples = read(out)
    timeline = session.timeline

    assert abs(seconds - 120.0) < 1.0 and abs(samples.size / RATE - 120.0) < 1.0
    assert float(np.max(np.abs(samples))) <= 1.0
    spoken = [c for c in timeline.sounds if isinstance(c, SpeechCue)]
    assert len(spoken) == 2
    for cue in spoken:  # real speech, timed by its real length
        assert rms(samples, cue.start + 0.2, cue.start + cue.duration - 0.2) > 10 ** (-40 / 20)
    for tone in (c for c in timeline.sounds if isinstance(c, ToneCue)):
        level = rms(samples, tone.start + 0.5, tone.start + tone.duration - 0.5)
        if tone.phase in ("in", "out"):
            assert level > 10 ** (-35 / 20)
        else:  # quiet on hold and rest
            assert level < 10 ** (-50 / 20)
    silence = next(s for s in timeline.segments if s.kind == "silence" and s.end - s.start == 6.0)
    assert rms(samples, silence.start + 0.5, silence.end) == 0.0  # no background: true quiet
    chime = next(c for c in timeline.sounds if isinstance(c, BellCue) and c.sound == "chime")
    onset = round(chime.start * RATE)
    assert not samples[onset - 200 : onset].any() and np.abs(samples[onset : onset + 200]).max() > 0


def test_speech_lengths_make_the_length_exact(tmp_path: Path, speech: SpeechService) -> None:
    for length in (120.0, 180.0):
        session = prepare_session(practice(tmp_path), length=length, speech=speech, rate=RATE)
        assert abs(session.timeline.total - length) < 1e-6
        spoken = [c for c in session.timeline.sounds if isinstance(c, SpeechCue)]
        assert session.speech is not None
        for cue in spoken:
            assert cue.duration == session.speech.seconds(cue.text, cue.language)


def test_waiting_steps_become_a_short_pause(tmp_path: Path) -> None:
    steps = (
        "- bell: wood\n- wait: Take your time.\n- ask: {id: word, text: One word?}\n- bell: wood\n"
    )
    session = prepare_session(practice(tmp_path, steps, extra=""), rate=RATE)
    out = tmp_path / "holds.flac"
    seconds = render_to_file(session.mixer, out)
    assert seconds == pytest.approx(session.timeline.total + 2 * HOLD_PAUSE_SECONDS, abs=1e-6)
    samples = read(out)
    second_bell = round((session.timeline.total - 4.0 + 2 * HOLD_PAUSE_SECONDS) * RATE)
    assert not samples[second_bell - 1000 : second_bell].any()
    assert np.abs(samples[second_bell : second_bell + 2000]).max() > 0.01


def test_the_background_flows_through_pauses_without_a_seam(tmp_path: Path) -> None:
    steps = "- silence: 5s\n- wait: Continue when ready.\n- silence: 5s\n"
    session = prepare_session(
        practice(tmp_path, steps, extra="background: brown-noise\n"), rate=RATE
    )
    out = tmp_path / "bg.wav"
    render_to_file(session.mixer, out)
    samples = read(out)
    steps_between = np.abs(np.diff(samples[RATE:-RATE]))
    assert steps_between.max() < 0.05  # no click anywhere, pause edges included
    assert rms(samples, 5.0, 8.0) > 10 ** (-40 / 20)


@pytest.mark.parametrize("suffix", [".wav", ".flac", ".ogg"])
def test_every_format_is_written(tmp_path: Path, suffix: str) -> None:
    session = prepare_session(practice(tmp_path, "- bell: chime\n", extra=""), rate=RATE)
    out = tmp_path / f"bell{suffix}"
    render_to_file(session.mixer, out)
    info = soundfile.info(str(out))
    assert info.samplerate == RATE and abs(info.duration - 4.0) < 0.05


def test_other_formats_are_refused_by_name() -> None:
    with pytest.raises(ValueError, match=r'cannot write "\.mp3" files; use \.wav, \.flac or \.ogg'):
        file_format(Path("x.mp3"))


def test_narration_off_keeps_the_spoken_breath_cues(tmp_path: Path, speech: SpeechService) -> None:
    steps = "- say: Hello there.\n- breathe: {in: 3s, out: 3s, cycles: 1, cue: voice}\n"
    session = prepare_session(
        practice(tmp_path, steps, extra=""), speech=speech, narration=False, rate=RATE
    )
    out = session.mixer.render(0.0, round(session.timeline.total * RATE))[:, 0]
    say, breathe = session.timeline.segments[0], session.timeline.segments[1]
    assert rms(out, say.start, say.end) == 0.0
    assert rms(out, breathe.start, breathe.start + 1.0) > 10 ** (-40 / 20)  # "in"


def test_a_slow_voice_lengthens_a_tight_practice_with_a_notice(tmp_path: Path) -> None:
    with SpeechService(tmp_path / "cache", user_rate=0.5) as slow:
        words = "Breathe in slowly, and notice the breath as it leaves you again."
        tight = practice(
            tmp_path, f"- say: {words}\n  pause: 0\n- silence: flex\n", extra="lengths: [6s]\n"
        )
        session = prepare_session(tight, speech=slow, rate=RATE)
    assert session.timeline.total > 6.0 and session.timeline.length == session.timeline.total
    assert any("this practice will take" in notice for notice in session.notices)
