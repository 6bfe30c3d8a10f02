"""The samples of one practice: speech files, synthesized bells and tones, clips and
the background, all mono at the output rate. Everything is read before playing,
except what `audio/behind.py` makes while a practice already plays."""

from __future__ import annotations

from pathlib import Path
from typing import Final

import numpy as np

from desktop_app.audio import synth
from desktop_app.audio.apart import run_apart
from desktop_app.audio.clips import Samples, leveled, read_clip
from desktop_app.audio.sample_cache import SampleCache, file_key
from desktop_app.audio.speech import PreparedSpeech
from desktop_app.core.model import NOISE_BACKGROUNDS

#: A noise background is a loop this long: long enough not to be heard repeating.
BACKGROUND_LOOP_SECONDS: Final = 45.0
#: Narration level: espeak speaks at about −20 dBFS RMS with peaks near 0 dBFS; a calm
#: voice sits a little lower, above the breath tones (−26) and the background (−30).
SPEECH_RMS: Final = 10 ** (-23 / 20)
SPEECH_PEAK: Final = 10 ** (-4.5 / 20)
_NOTHING: Final = np.zeros(0, np.float32)  # "could not be read": stored as nothing


class PracticeSounds:
    """A `SoundBank` for one practice. Problems (an unreadable clip, a missing
    background file) are collected in `notices` rather than raised: the practice
    plays on without that sound."""

    def __init__(
        self,
        rate: int,
        *,
        speech: PreparedSpeech | None = None,
        media_root: Path | None = None,
        background: str | None = None,
        cache: SampleCache | None = None,
    ) -> None:
        self.rate = rate
        #: Prepared samples on disk; None makes everything afresh each time.
        self.cache = cache
        self.prepared = speech
        self.media_root = media_root or Path()
        self.background_name = background
        self.notices: list[str] = []

    def speech(self, text: str, language: str) -> Samples | None:
        path = self.prepared.path(text, language) if self.prepared else None
        if path is None:
            return None
        what = f'the spoken "{text[:40]}"'

        def make() -> Samples:
            samples = self._read(path, what, keep=False)  # kept levelled, not as read
            return _NOTHING if samples is None else leveled(samples, SPEECH_RMS, SPEECH_PEAK)

        try:
            key = file_key("speech", path, self.rate, SPEECH_RMS, SPEECH_PEAK)
        except OSError as error:
            self.notices.append(f"{what} could not be played: {error.strerror or error}")
            return None
        samples = self.cache.get(key, make) if self.cache else make()
        return samples if samples.size else None

    def bell(self, sound: str) -> Samples:
        return synth.bell(sound, self.rate)

    def tone(self, phase: str, seconds: float) -> Samples:
        return synth.breath_tone(phase, seconds, self.rate)

    def clip(self, path: str) -> Samples | None:
        return self._read(self.media_root / path, f'the clip "{path}"')

    @property
    def background_to_make(self) -> bool:
        """Whether the background is a noise still to be made (not in the sample cache),
        which takes a while; anything else is read in a moment."""
        name = self.background_name
        if name not in NOISE_BACKGROUNDS:
            return False
        return self.cache is None or not self.cache.holds(self._noise_key(name))

    def background(self, *, apart: bool = False) -> Samples | None:
        """The background loop. `apart`: a noise not in the sample cache yet is made
        and stored there by a child process (`audio/apart.py`), so that a playing app
        stays small; here it is made only if that fails."""
        name = self.background_name
        if not name or name == "none":
            return None
        if name in NOISE_BACKGROUNDS:

            def make() -> Samples:
                return synth.noise(name, BACKGROUND_LOOP_SECONDS, self.rate)

            if self.cache is None:
                return make()
            key = self._noise_key(name)
            if apart and not self.cache.holds(key):
                run_apart(store_noise, self.cache.folder, key, name, self.rate)
            return self.cache.get(key, make)
        return self._read(self.media_root / name, f'the background "{name}"')

    def _noise_key(self, name: str) -> str:
        return file_key("noise", Path(synth.__file__), name, BACKGROUND_LOOP_SECONDS, self.rate)

    def _read(self, path: Path, what: str, *, keep: bool = True) -> Samples | None:
        try:
            return read_clip(path, self.rate, keep=keep)
        except ValueError as error:
            self.notices.append(f"{what} could not be played: {error}")
            return None


def store_noise(folder: Path, key: str, name: str, rate: int) -> None:
    """Make the noise background `name` and store it in the sample cache at `folder`
    (run in a child process by `PracticeSounds.background`)."""
    SampleCache(folder).get(key, lambda: synth.noise(name, BACKGROUND_LOOP_SECONDS, rate))
