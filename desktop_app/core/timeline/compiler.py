"""`compile_timeline`: a practice laid out at a length, from its measured steps, the
length checked and shared among its elastic parts, and the layout."""

from __future__ import annotations

from desktop_app.core.model import Practice, Section
from desktop_app.core.timeline.elastic import elastic_seconds, share_elastic_time
from desktop_app.core.timeline.errors import TimelineError
from desktop_app.core.timeline.layout import Layout
from desktop_app.core.timeline.measure import (
    MAX_LAYOUT_SIZE,
    Played,
    budget_of,
    layout_size,
    unrolled,
)
from desktop_app.core.timeline.parts import SoundCue, Timeline
from desktop_app.core.timeline.voice import ClipLength, SpeechLength, make_voice


def compile_timeline(
    practice: Practice,
    length: float | None = None,
    *,
    speech_length: SpeechLength | None = None,
    clip_length: ClipLength | None = None,
    language: str | None = None,
) -> Timeline:
    """Lay `practice` out at `length` seconds (default: its first length, or its fixed
    time when it has no lengths) in the display `language` (default: the file's).

    Raises TimelineError when the length cannot hold the fixed parts and the elastic
    minimums, when a practice without elastic parts is asked for another length, or
    when the practice unrolls to more than `MAX_LAYOUT_SIZE` steps and breaths.
    """
    size = layout_size(practice.steps, max((length or 0.0, *practice.lengths)))
    if size > MAX_LAYOUT_SIZE:
        raise TimelineError(
            f'"{practice.id}" is too long to lay out: {size:,} steps and breaths once its '
            f"repeats are unrolled, at most {MAX_LAYOUT_SIZE:,}"
        )
    voice = make_voice(practice, speech_length, clip_length, language)
    chosen, elastic = elastic_seconds(practice, length, budget_of(practice.steps, voice))
    items = unrolled(practice, voice)
    played = [item for item in items if isinstance(item, Played)]
    parts = [item.flex for item in played if item.flex is not None]
    # Without a length (no `lengths`), elastic parts get nothing: the fixed time is the length.
    shares = iter(share_elastic_time(elastic, parts) if chosen is not None else [0.0] * len(parts))

    layout = Layout(voice)
    for item in items:
        if isinstance(item, Section):
            layout.add_section(item)
        else:
            layout.add_step(item, next(shares) if item.flex is not None else 0.0)

    return Timeline(
        practice_id=practice.id,
        language=voice.language,
        length=chosen,
        total=layout.total,
        segments=tuple(layout.segments),
        sections=tuple(layout.sections),
        holds=tuple(layout.holds),
        sounds=tuple(sorted(layout.sounds, key=_cue_start)),
        step_starts=tuple(layout.step_starts),
    )


def _cue_start(cue: SoundCue) -> float:
    return cue.start
