"""The player's preparation (session/sound.py): ready when the first seconds are, the
rest made behind it, and its speech worker gone once that is done."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from desktop_app.audio.mixer import NARRATION
from desktop_app.core.model import Practice
from desktop_app.core.timeline import SpeechCue
from desktop_app.session.choice import SessionChoice
from desktop_app.session.sound import sound_work
from desktop_app.storage.paths import AppPaths
from desktop_app.storage.settings import Settings
from tests.helpers import load_text, practice_with

STEPS = """
- say: Welcome. Let yourself arrive.
- silence: 20s
- say: Now rest for a while.
- silence: flex
"""


def test_the_players_sound_is_ready_with_its_first_seconds_and_the_rest_follows(
    tmp_path: Path,
) -> None:
    practice = load_text(tmp_path, practice_with(STEPS, extra="lengths: [1m]\n"))
    assert isinstance(practice, Practice)
    choice = SessionChoice(practice.id, 60.0, True, None, 1.0, "rain", 0.5, "en")
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "cache")
    seen: list[tuple[int, int]] = []
    sound = sound_work(practice, choice, Settings(), paths, lambda: 48_000)(
        lambda done, total: seen.append((done, total))
    )
    assert sound.speech is not None
    assert set(sound.speech.clips) == {("Welcome. Let yourself arrive.", "en")}
    assert seen[-1] == (1, 1)  # the progress shown is of what Begin waits for
    assert sound.behind is not None and sound.behind.wait(60.0)
    spoken = [c for c in sound.timeline.sounds if isinstance(c, SpeechCue)]
    placed = [p.start for p in sound.mixer.placed if p.channel == NARRATION]
    assert placed == [round(cue.start * 48_000) for cue in spoken]
    assert sound.mixer.loop is not None and sound.mixer.gains.background == 0.5
    assert multiprocessing.active_children() == []  # the speech worker is closed
