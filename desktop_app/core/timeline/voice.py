"""Speech and clip lengths, and the words of voice cues, in the display language.

Speech is estimated at `WORDS_PER_MINUTE` when no synthesized length is known; clips
count as taking no time without a media reader. Each length is measured once per
compile (`Voice`), since voice cues and repeats say the same things again.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final, TypeAlias

from desktop_app.core.model import Practice
from desktop_app.core.text import Text, primary_subtag, strip_markup, word_count
from desktop_app.core.timeline.errors import TimelineError
from desktop_app.core.timeline.parts import Phase

#: Speech estimate when no synthesized length is known (formats.md).
WORDS_PER_MINUTE: Final = 150.0

#: The words of `cue: voice`, by primary language subtag; other languages use English.
BREATH_WORDS: Final[Mapping[str, Mapping[Phase, str]]] = {
    "en": {"in": "in", "hold": "hold", "out": "out", "rest": "rest"},
    "nl": {"in": "in", "hold": "vast", "out": "uit", "rest": "rust"},
}
_FALLBACK_WORDS_LANGUAGE: Final = "en"

#: (plain text, language) -> seconds of speech.
SpeechLength: TypeAlias = Callable[[str, str], float]
#: Media path as written in the practice -> seconds.
ClipLength: TypeAlias = Callable[[str], float]


def estimate_speech(rate: float = 1.0) -> SpeechLength:
    """Spoken length estimated at 150 words per minute at rate 1.0 (formats.md)."""
    if not (math.isfinite(rate) and rate > 0):
        raise ValueError(f"narration rate must be a positive number, got {rate}")

    def estimate(text: str, language: str) -> float:
        del language  # the estimate is the same in every language
        return word_count(text) * 60.0 / (WORDS_PER_MINUTE * rate)

    return estimate


def _unknown_clip_length(path: str) -> float:
    del path  # without a media reader, clips count as taking no time
    return 0.0


@dataclass(frozen=True)
class Line:
    """A say/wait text resolved for display and measured for speech."""

    shown: str
    plain: str
    language: str
    seconds: float


@dataclass
class Voice:
    """The display language and the measures, memoised: voice cues and repeats say the
    same things again, and measuring real speech or a clip may be slow."""

    language: str
    speech_length: SpeechLength
    clip_length: ClipLength
    _speech: dict[tuple[str, str], float] = field(default_factory=dict)
    _clips: dict[str, float] = field(default_factory=dict)

    def show(self, text: Text) -> str:
        return text.get(self.language)

    def line(self, text: Text) -> Line:
        language, shown = text.resolve(self.language)
        plain = strip_markup(shown)
        return Line(shown, plain, language, self.speech(plain, language))

    def seconds(self, text: Text) -> float:
        """How long `text` takes to say, as its `line` would."""
        language, shown = text.resolve(self.language)
        return self.speech(strip_markup(shown), language)

    def speech(self, plain: str, language: str) -> float:
        if not plain:
            return 0.0  # nothing to say takes no time, whatever the synthesizer thinks
        key = (plain, language)
        if key not in self._speech:
            self._speech[key] = _seconds(self.speech_length(plain, language), "speech", plain)
        return self._speech[key]

    def clip(self, path: str) -> float:
        if path not in self._clips:
            self._clips[path] = _seconds(self.clip_length(path), "clip", path)
        return self._clips[path]

    def breath_word(self, phase: Phase) -> tuple[str, str]:
        """(word, language) for a phase in the display language, else in English."""
        language = primary_subtag(self.language)
        if language not in BREATH_WORDS:
            language = _FALLBACK_WORDS_LANGUAGE
        return BREATH_WORDS[language][phase], language


def _seconds(value: float, kind: str, name: str) -> float:
    """`value` as seconds; the message names the `kind` of sound and its `name`, worked
    out only when it is needed (a library scan measures every text it reads)."""
    seconds = float(value)
    if not (math.isfinite(seconds) and seconds >= 0):
        raise TimelineError(f"the length of {kind} {name!r} is not a duration: {value}")
    return seconds


def make_voice(
    practice: Practice,
    speech_length: SpeechLength | None,
    clip_length: ClipLength | None,
    language: str | None,
) -> Voice:
    """The voice of one compile: the display `language` (default: the file's), speech
    estimated from the practice's narration rate unless measured, clips of no length
    unless measured."""
    return Voice(
        language=language or practice.language,
        speech_length=speech_length or estimate_speech(practice.narration_rate),
        clip_length=clip_length or _unknown_clip_length,
    )
