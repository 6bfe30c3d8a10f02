"""Getting a practice ready to sound: speech prepared, timeline compiled with the real
spoken lengths, samples gathered, mixer made. The GUI, `attune render` and
`attune timeline --speech` all go through `prepare_session`; the GUI lets the speech
past the first seconds be made behind the playing practice."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop_app.audio.bank import PracticeSounds
from desktop_app.audio.behind import SoundBehind
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
#: Playing starts when the speech of this many first seconds is ready.
FIRST_SECONDS: Final = 10.0
#: Real lengths move later phrases: the first seconds are looked at this often at most.
_FIRST_ROUNDS: Final = 3


@dataclass(frozen=True)
class SessionSound:
    timeline: Timeline
    mixer: Mixer
    speech: PreparedSpeech | None
    #: Things a person should know, each said once ("Speech is off: …").
    notices: tuple[str, ...]
    #: The sound still being made for a practice that may already play (`behind`).
    behind: SoundBehind | None = None


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
    """What must be synthesized, in order of need: all speech, or with narration off
    only the spoken breathing cues (`cue: voice`), which are cues rather than narration."""
    wanted = (cue for cue in timeline.sounds if isinstance(cue, SpeechCue))
    return list(
        dict.fromkeys((c.text, c.language) for c in wanted if narration or c.channel == "cue")
    )


def _needed_first(timeline: Timeline, narration: bool) -> list[Phrase]:
    """What playing waits for: the phrases of the first `FIRST_SECONDS`, and every
    spoken breathing cue wherever it comes. Those are a few short words, cut to their
    phase by their length: laid out by an estimate, one could be cut short."""
    first = {
        (cue.text, cue.language)
        for cue in timeline.sounds
        if isinstance(cue, SpeechCue) and (cue.start < FIRST_SECONDS or cue.channel == "cue")
    }
    return [phrase for phrase in spoken_phrases(timeline, narration) if phrase in first]


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
    behind: bool = False,
) -> SessionSound:
    """Everything needed to play or render `practice`. `background` None means the
    practice's own; "none" means none. Raises TimelineError for an impossible length.

    With `behind` (for playing), only the speech of the first `FIRST_SECONDS` is made
    before this returns; the rest, and a noise background, are made on a thread in
    order of need and join the mixer as they come (`SessionSound.behind`). Then
    `speech` is this call's to close: it is closed when the last phrase is made.
    Without it, everything is made first, as a file rendering needs."""
    try:
        sound = _prepare(
            practice,
            _Choice(length, language, narration, background, rate, gains),
            speech,
            sample_cache,
            progress,
            behind,
        )
    except BaseException:
        if behind and speech is not None:
            speech.close()
        raise
    if behind and speech is not None and (sound.behind is None or not sound.behind.phrases):
        speech.close()
    return sound


@dataclass(frozen=True)
class _Choice:
    """How the practice is to sound (prepare_session's arguments of that kind)."""

    length: float | None
    language: str | None
    narration: bool
    background: str | None
    rate: int
    gains: Gains | None


def _prepare(
    practice: Practice,
    choice: _Choice,
    speech: SpeechService | None,
    sample_cache: SampleCache | None,
    progress: Callable[[int, int], None] | None,
    behind: bool,
) -> SessionSound:
    length, language, narration = choice.length, choice.language, choice.narration
    background, rate, gains = choice.background, choice.rate, choice.gains
    clips = clip_lengths(practice)
    estimate = estimate_speech(practice.narration_rate)
    timeline = compile_timeline(
        practice, length, speech_length=estimate, clip_length=clips, language=language
    )
    prepared: PreparedSpeech | None = None
    notices: list[str] = []
    rest: list[Phrase] = []
    if speech is not None:
        phrases = spoken_phrases(timeline, narration)
        if phrases:
            if behind:
                prepared = _speak_first(practice, timeline, phrases, speech, narration, progress)
            else:
                prepared = speech.prepare(phrases, practice.narration_rate, progress)
            if prepared.notice:
                notices.append(prepared.notice)
            if prepared.failures:
                count = len(prepared.failures)
                notices.append(
                    f"{count} phrase{'s' * (count != 1)} could not be spoken and "
                    "will be shown as text only."
                )
            fallback = _calibrated(estimate, prepared) if behind else estimate
            spoken = prepared.speech_length(fallback)
            timeline = _compile_spoken(practice, timeline, spoken, clips, language, notices)
            if behind and prepared.available:
                rest = _unspoken(spoken_phrases(timeline, narration), prepared)
    bank = PracticeSounds(
        rate,
        speech=prepared,
        media_root=practice.media_root,
        background=practice.background if background is None else background,
        cache=sample_cache,
    )
    # A noise background takes a moment to make the first time; it fades in anyway.
    background_behind = behind and bank.background_to_make
    mixer = Mixer(timeline, bank, rate, gains, background=not background_behind)
    notices.extend(bank.notices)
    later = None
    if rest or background_behind:
        later = SoundBehind(
            bank, mixer, speech if rest else None, rest, practice.narration_rate, narration
        )
    return SessionSound(timeline, mixer, prepared, tuple(notices), later)


def _speak_first(
    practice: Practice,
    estimated: Timeline,
    phrases: list[Phrase],
    speech: SpeechService,
    narration: bool,
    progress: Callable[[int, int], None] | None,
) -> PreparedSpeech:
    """What the cache holds, and what playing waits for (`_needed_first`) spoken.
    Their real lengths move what follows a little, so the first seconds are looked at
    again until nothing new falls into them (at most a few rounds)."""
    rate = practice.narration_rate
    prepared = speech.prepare(phrases, rate, speak=False)
    estimate = estimate_speech(rate)
    timeline = estimated
    for _round in range(_FIRST_ROUNDS):
        missing = _unspoken(_needed_first(timeline, narration), prepared)
        if not missing:
            break
        prepared = prepared.joined(speech.prepare(missing, rate, progress))
        if not prepared.available:
            break
        length = prepared.speech_length(_calibrated(estimate, prepared))
        try:
            timeline = compile_timeline(
                practice,
                estimated.length,
                speech_length=length,
                clip_length=clip_lengths(practice),
                language=estimated.language,
            )
        except TimelineError:
            break  # a voice too slow for the length: `_compile_spoken` says so
    return prepared


def _unspoken(phrases: list[Phrase], prepared: PreparedSpeech) -> list[Phrase]:
    """The phrases not yet spoken nor failed, in their order."""
    failed = {(text, language) for text, language, _ in prepared.failures}
    return [p for p in phrases if p[0].strip() and p not in prepared.clips and p not in failed]


def _calibrated(estimate: SpeechLength, prepared: PreparedSpeech) -> SpeechLength:
    """The estimate for phrases not spoken yet, scaled by how the voice's real
    lengths compare with it so far: the layout then moves little when they come."""
    real = guessed = 0.0
    for (text, language), clip in prepared.clips.items():
        real += clip.seconds
        guessed += estimate(text, language)
    if real <= 0.0 or guessed <= 0.0:
        return estimate
    scale = real / guessed

    def length(text: str, language: str) -> float:
        return estimate(text, language) * scale

    return length


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
