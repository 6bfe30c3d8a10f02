"""Real espeak-ng speech in a real worker process, except that phrases marked "(held)"
wait until a gate file exists: a very slow machine, stood in for at the speech
worker's edge only."""

from __future__ import annotations

import functools
import time
from pathlib import Path

from desktop_app.audio.speech import SpeechService, SpeechWorker
from desktop_app.audio.speech_worker import Pyttsx3Synthesizer

#: Generous: a busy machine starts a worker slowly.
START_TIMEOUT = 30.0
WELCOME = "Welcome. Let yourself arrive."
LATER = "Now rest for a while."
HELD = "This one comes late (held)."


class HeldSynthesizer(Pyttsx3Synthesizer):
    """The real synthesizer, except that a phrase marked "(held)" waits until the
    file `gate` exists."""

    def __init__(self, gate: str) -> None:
        super().__init__()
        self._gate = Path(gate)

    def synthesize(self, text: str, voice: str | None, words_per_minute: int, path: Path) -> None:
        while "(held)" in text and not self._gate.exists():
            time.sleep(0.01)
        super().synthesize(text, voice, words_per_minute, path)


def held_service(tmp_path: Path, gate: Path) -> SpeechService:
    def worker(timeout: float) -> SpeechWorker:
        synthesizer = functools.partial(HeldSynthesizer, str(gate))
        return SpeechWorker(60.0, start_timeout=START_TIMEOUT, synthesizer=synthesizer)

    return SpeechService(tmp_path / "speech", worker_factory=worker)
