"""Getting a practice ready to sound: speech prepared, timeline compiled with the real
spoken lengths, samples gathered, mixer made. The GUI, `attune render` and
`attune timeline --speech` all go through `prepare_session`."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.audio.bank import PracticeSounds
from desktop_app.audio.clips import clip_seconds
from desktop_app.audio.mixer import Gains, Mixer
from desktop_app.audio.sample_cache import SampleCache
from desktop_app.audio.speech import Phrase, PreparedSpeech, SpeechService
from desktop_app.core.durations import format_duration
from desktop_app.core.model import Practice
from desktop_app.core.timeline import (
    ClipLength,
    SpeechCue,
    SpeechLength,
    Timeline,
    TimelineError,
    compile_timeline,
    estimate_speech,
)

DEFAULT_RATE = 48_000


@dataclass(frozen=True)
class SessionSound:
    timeline: Timeline
    mixer: Mixer
    speech: PreparedSpeech | None
    #: Things a person should know, each said once ("Speech is off: …").
    notices: tuple[str, ...]


def clip_lengths(practice: Practice) -> ClipLength:
    """Real clip lengths, relative to the practice's media folder; an unreadable clip
    counts as 0 s (the validator has said why)."""
    root = practice.media_root or Path()

    def length(path: str) -> float:
        try:
            return clip_seconds(root / path)
        except ValueError:
            return 0.0

    return length


def spoken_phrases(timeline: Timeline, narration: bool) -> list[Phrase]:
    """What must be synthesized: all speech, or with narration off only the spoken
    breathing cues (`cue: voice`), which are cues rather than narration."""
    wanted = (cue for cue in timeline.sounds if isinstance(cue, SpeechCue))
    return list(
        dict.fromkeys((c.text, c.language) for c in wanted if narration or c.channel == "cue")
    )


def prepare_session(
    practice: Practice,
    *,
    length: float | None = None,
    language: str | None = None,
    speech: SpeechService | None = None,
    narration: bool = True,
    background: str | None = None,
    rate: int = DEFAULT_RATE,
    gains: Gains | None = None,
    sample_cache: SampleCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> SessionSound:
    """Everything needed to play or render `practice`. `background` None means the
    practice's own; "none" means none. Raises TimelineError for an impossible length."""
    clips = clip_lengths(practice)
    estimate = estimate_speech(practice.narration_rate)
    timeline = compile_timeline(
        practice, length, speech_length=estimate, clip_length=clips, language=language
    )
    prepared: PreparedSpeech | None = None
    notices: list[str] = []
    if speech is not None:
        phrases = spoken_phrases(timeline, narration)
        if phrases:
            prepared = speech.prepare(phrases, practice.narration_rate, progress)
            if prepared.notice:
                notices.append(prepared.notice)
            if prepared.failures:
                count = len(prepared.failures)
                notices.append(
                    f"{count} phrase{'s' * (count != 1)} could not be spoken and "
                    "will be shown as text only."
                )
            timeline = _compile_spoken(
                practice, timeline, prepared.speech_length(estimate), clips, language, notices
            )
    bank = PracticeSounds(
        rate,
        speech=prepared,
        media_root=practice.media_root,
        background=practice.background if background is None else background,
        cache=sample_cache,
    )
    mixer = Mixer(timeline, bank, rate, gains)
    notices.extend(bank.notices)
    return SessionSound(timeline, mixer, prepared, tuple(notices))


def _compile_spoken(
    practice: Practice,
    estimated: Timeline,
    speech_length: SpeechLength,
    clips: ClipLength,
    language: str | None,
    notices: list[str],
) -> Timeline:
    """The timeline with real spoken lengths. A slow voice may need more time than a
    short length leaves: then the practice runs that much longer, and says so, rather
    than refusing to start."""
    length = estimated.length
    try:
        return compile_timeline(
            practice, length, speech_length=speech_length, clip_length=clips, language=language
        )
    except TimelineError as error:
        if error.shortfall is None or length is None:
            raise
        longer = math.ceil((length + error.shortfall) * 10) / 10
        notices.append(
            f"At this speaking pace the voice needs more time than {format_duration(length)}; "
            f"this practice will take {format_duration(longer)}."
        )
        return compile_timeline(
            practice, longer, speech_length=speech_length, clip_length=clips, language=language
        )
