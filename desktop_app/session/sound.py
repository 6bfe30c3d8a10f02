"""The work that prepares a choice's sound: speech, cues and background, mixed.

It is slow the first time (speech is made), so the ui runs it in the background, and
only the first seconds' speech is waited for: the rest is made behind the practice.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop_app.audio.mixer import Gains
from desktop_app.audio.sample_cache import SampleCache
from desktop_app.audio.session import SessionSound, prepare_session
from desktop_app.audio.speech import SpeechService
from desktop_app.core.model import Practice
from desktop_app.session.choice import SessionChoice
from desktop_app.storage.paths import AppPaths
from desktop_app.storage.settings import Settings

Progress = Callable[[int, int], None]


def sound_work(
    practice: Practice,
    choice: SessionChoice,
    settings: Settings,
    paths: AppPaths,
    device_rate: Callable[[], int],
) -> Callable[[Progress], SessionSound]:
    """The work of preparing `choice`'s sound, to run in the background."""
    gains = Gains(
        narration=settings.volume_voice,
        cues=settings.volume_cues,
        background=choice.background_volume,
    )
    voices = {choice.language.split("-")[0]: choice.voice} if choice.voice else None

    def work(progress: Progress) -> SessionSound:
        # The speech past the first seconds is made behind the playing practice,
        # which closes the service when it is done.
        return prepare_session(
            practice,
            length=choice.length,
            language=choice.language,
            speech=SpeechService(paths.speech_cache, user_rate=choice.rate, voice_overrides=voices),
            narration=choice.narration,
            background=choice.background,
            rate=device_rate(),
            gains=gains,
            sample_cache=SampleCache(paths.sound_cache),
            progress=progress,
            behind=True,
        )

    return work
