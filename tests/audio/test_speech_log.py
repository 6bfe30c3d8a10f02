"""The speech worker's life in the log: started, failed (with the worker's traceback),
stopped, and an engine that will not start. The words spoken are never logged."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.audio.speech import SpeechFailed, SpeechUnavailable, SpeechWorker
from desktop_app.audio.speech_worker import Pyttsx3Synthesizer

#: Words of a practice: spoken, never logged.
PHRASE = "Notice the weight of Zebulon's blanket."
START_TIMEOUT = 60.0  # a busy machine may take a while to spawn Python and load espeak


class EngineThatWillNotStart(Pyttsx3Synthesizer):
    """Made in the worker process (so it lives at the top of a module: spawn imports it)."""

    def __init__(self) -> None:
        raise RuntimeError("no engine in this test")


def test_a_worker_is_logged_starting_failing_and_stopping(log: Path, tmp_path: Path) -> None:
    with SpeechWorker(10.0, start_timeout=START_TIMEOUT) as worker:
        worker.synthesize(PHRASE, None, 175, tmp_path / "spoken.wav")
        with pytest.raises(SpeechFailed):
            worker.synthesize(PHRASE, "no/such-voice", 175, tmp_path / "not.wav")
    text = log.read_text(encoding="utf-8")
    started = [line for line in text.splitlines() if "Speech worker started" in line]
    assert len(started) == 1 and started[0].endswith(", pyttsx3-espeak)")
    assert "WARNING desktop_app.audio.speech: The speech engine failed speaking a phrase: " in text
    assert "EE_INTERNAL_ERROR" in text
    failed = text.split("The speech engine failed speaking a phrase: ", 1)[1]
    assert "\nTraceback (most recent call last):\n" in failed, "the worker's traceback"
    assert "speech_worker.py" in failed
    assert "INFO desktop_app.audio.speech: Speech worker stopped (pid " in text
    assert text.rstrip().endswith("exit code 0)")
    assert "Zebulon" not in text


def test_an_engine_that_will_not_start_is_logged_once_with_its_reason(log: Path) -> None:
    worker = SpeechWorker(10.0, start_timeout=START_TIMEOUT, synthesizer=EngineThatWillNotStart)
    with worker:
        for _ in range(2):
            with pytest.raises(SpeechUnavailable):
                worker.synthesize(PHRASE, None, 175, Path("unused.wav"))
    text = log.read_text(encoding="utf-8")
    off = [line for line in text.splitlines() if "Speech is off" in line]
    assert len(off) == 1, "said once: the second call does not start a worker"
    assert off[0].endswith(
        "WARNING desktop_app.audio.speech: Speech is off: the speech engine did not start "
        "(RuntimeError: no engine in this test)"
    )
    # The worker's own traceback, sent back with its answer, is below that line.
    below = text.split(off[0], 1)[1]
    assert below.startswith("\nTraceback (most recent call last):\n")
    assert 'raise RuntimeError("no engine in this test")' in below
    assert "RuntimeError: no engine in this test" in below
    assert "Zebulon" not in text


def test_a_worker_that_cannot_be_started_is_logged_with_the_reason(
    log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    worker = SpeechWorker(10.0)

    def no_processes(self: object) -> None:
        raise OSError("no processes here")

    monkeypatch.setattr(worker._context.Process, "start", no_processes)  # the edge: the OS
    with worker, pytest.raises(SpeechUnavailable):
        worker.voices()
    text = log.read_text(encoding="utf-8")
    assert "WARNING desktop_app.audio.speech: The speech worker could not start\n" in text
    assert "OSError: no processes here" in text
