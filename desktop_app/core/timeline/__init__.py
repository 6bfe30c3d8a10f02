"""The timeline compiler: a practice, a chosen length and real speech lengths become
one flat, timed list of what to show, what to sound and where to wait.

Elastic time (formats.md, "Elastic time and lengths") is resolved here and nowhere else.
The session engine and the mixer only read the result, so what a person sees and what
they hear come from the same numbers. Each module has one part of that job:

- `parts`: what a timeline is made of (`Timeline`, `Segment`, `Hold`, the sound cues).
- `errors`: `TimelineError`, why a practice cannot be laid out.
- `voice`: speech and clip lengths, measured once each; the words of voice cues.
- `measure`: the steps unrolled and measured; `time_budget` and `layout_size`.
- `elastic`: the chosen length checked, and shared among the elastic parts.
- `layout`: the measured steps laid end to end into segments, sounds and holds.
- `compiler`: `compile_timeline`, which runs them in that order.
"""

from desktop_app.core.timeline.compiler import compile_timeline
from desktop_app.core.timeline.elastic import share_elastic_time
from desktop_app.core.timeline.errors import TimelineError
from desktop_app.core.timeline.measure import (
    MAX_LAYOUT_SIZE,
    PlayedStep,
    TimeBudget,
    layout_size,
    time_budget,
)
from desktop_app.core.timeline.parts import (
    BellCue,
    BreathCycle,
    ClipCue,
    Hold,
    Phase,
    SectionMark,
    Segment,
    SegmentKind,
    SoundCue,
    SpeechCue,
    Timeline,
    ToneCue,
)
from desktop_app.core.timeline.voice import (
    BREATH_WORDS,
    WORDS_PER_MINUTE,
    ClipLength,
    SpeechLength,
    estimate_speech,
)

__all__ = [
    "BREATH_WORDS",
    "MAX_LAYOUT_SIZE",
    "WORDS_PER_MINUTE",
    "BellCue",
    "BreathCycle",
    "ClipCue",
    "ClipLength",
    "Hold",
    "Phase",
    "PlayedStep",
    "SectionMark",
    "Segment",
    "SegmentKind",
    "SoundCue",
    "SpeechCue",
    "SpeechLength",
    "TimeBudget",
    "Timeline",
    "TimelineError",
    "ToneCue",
    "compile_timeline",
    "estimate_speech",
    "layout_size",
    "share_elastic_time",
    "time_budget",
]
