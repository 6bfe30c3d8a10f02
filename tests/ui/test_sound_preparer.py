"""SoundPreparer lets go of the sound still made behind a result nobody will play: a
newer request's, or the window's closing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop_app.audio.session import SessionSound, prepare_session
from desktop_app.core.model import Practice
from desktop_app.ui.sound_preparer import SoundPreparer
from tests.audio.held_speech import HELD, WELCOME, held_service
from tests.helpers import load_text, practice_with

STEPS = f"- say: {WELCOME}\n- silence: 15s\n- say: {HELD}\n- silence: flex\n"


def work(tmp_path: Path, gate: Path) -> Callable[[Callable[[int, int], None]], SessionSound]:
    practice = load_text(tmp_path, practice_with(STEPS, extra="lengths: [2m]\n"))
    assert isinstance(practice, Practice)

    def prepare(progress: Callable[[int, int], None]) -> SessionSound:
        return prepare_session(practice, speech=held_service(tmp_path, gate), behind=True)

    return prepare


def test_a_newer_request_and_the_closing_let_go_of_what_is_made_behind(
    qtbot: QtBot, tmp_path: Path
) -> None:
    gate = tmp_path / "gate"  # never opened: the held phrase stays in the worker's hand
    preparer = SoundPreparer()
    with qtbot.waitSignal(preparer.ready, timeout=30_000) as first:
        preparer.prepare(work(tmp_path, gate))
    with qtbot.waitSignal(preparer.ready, timeout=30_000) as second:
        preparer.prepare(work(tmp_path, gate))
    older, newer = first.args[0], second.args[0]
    assert older.behind is not None and newer.behind is not None
    assert older.behind.cancelled and not newer.behind.cancelled
    preparer.wait()  # the window closes
    assert newer.behind.cancelled
    gate.touch()
    assert older.behind.wait(60.0) and newer.behind.wait(60.0)
