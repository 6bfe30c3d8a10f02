"""`attune timeline PRACTICE`: when each step happens, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop_app.app import sample_cache, speech_service
from desktop_app.audio.session import clip_lengths, prepare_session
from desktop_app.cli.common import (
    OK,
    UsageError,
    chosen_language,
    chosen_length,
    find_practice,
    visible,
    visible_json,
    visible_lines,
)
from desktop_app.core.durations import format_duration
from desktop_app.core.model import Audio, Bell, Breathe, Practice, Ramp
from desktop_app.core.timeline import Segment, Timeline, TimelineError, compile_timeline


def run(args: argparse.Namespace) -> int:
    practice = find_practice(args.practice)
    length = chosen_length(practice, args)
    language = chosen_language(practice, args)
    try:
        if args.speech:
            with speech_service() as speech:
                session = prepare_session(
                    practice,
                    length=length,
                    language=language,
                    speech=speech,
                    sample_cache=sample_cache(),
                )
            for notice in session.notices:
                print(visible(f"note: {notice}"), file=sys.stderr)
            timeline = session.timeline
        else:
            timeline = compile_timeline(
                practice, length, clip_length=clip_lengths(practice), language=language
            )
    except TimelineError as error:
        raise UsageError(str(error)) from None
    if args.json:
        print(visible_json(json.dumps(timeline_json(timeline), ensure_ascii=False, indent=2)))
    else:
        print(visible_lines(timeline_table(practice, timeline)))
    return OK


def timeline_json(timeline: Timeline) -> dict[str, Any]:
    segments = []
    for segment in timeline.segments:
        item: dict[str, Any] = {
            "start": round(segment.start, 6),
            "end": round(segment.end, 6),
            "kind": segment.kind,
            "step": segment.step,
        }
        if segment.text:
            item["text"] = segment.text
        segments.append(item)
    return {
        "id": timeline.practice_id,
        "length": timeline.length,
        "total": round(timeline.total, 6),
        "segments": segments,
    }


def timeline_table(practice: Practice, timeline: Timeline) -> str:
    """One row per segment; `line` is where its step stands in the file."""
    title = practice.title.get(timeline.language)
    length = (
        format_duration(timeline.length) if timeline.length is not None else "fixed (no lengths)"
    )
    lines = [
        f"{title} ({practice.id}) · length {length} · timed total "
        f"{format_duration(timeline.total)}",
        "",
        f"{'start':>8} {'end':>8}  {'line':>4}  {'kind':<8} what",
    ]
    section = None
    for segment in timeline.segments:
        if segment.section is not None and segment.section != section:
            section = segment.section
            lines.append(f"{'':>8} {'':>8}  {'':>4}  — {timeline.sections[section].title}")
        what = _what(segment)
        if len(what) > 64:
            what = what[:61] + "..."
        lines.append(
            f"{_clock(segment.start):>8} {_clock(segment.end):>8}  {segment.source.pos.line:>4}  "
            f"{segment.kind:<8} {what}"
        )
    return "\n".join(lines)


def _what(segment: Segment) -> str:
    """What a segment shows, or for breathing and bells, what it does."""
    text = " ".join((segment.text or "").split())
    step = segment.source
    if segment.kind == "breathe" and isinstance(step, Breathe):
        phases = [
            f"{name} {_phase(ramp)}"
            for name, ramp in (
                ("in", step.inhale),
                ("hold", step.hold),
                ("out", step.exhale),
                ("rest", step.rest),
            )
            if ramp.start or ramp.end
        ]
        pattern = f"{len(segment.cycles)} × " + " · ".join(phases)
        return f"{pattern}: {text}" if text else pattern
    if segment.kind == "silence" and isinstance(step, Breathe):
        return "quiet after the last whole breath"
    if segment.kind == "bell" and isinstance(step, Bell):
        return step.sound + (f" × {step.times}" if step.times > 1 else "")
    if segment.kind == "audio" and isinstance(step, Audio):
        return f"{step.path}: {text}" if text else step.path
    if segment.kind in ("wait", "ask"):
        return f"{text} (waits)"
    return text


def _phase(ramp: Ramp) -> str:
    if ramp.start == ramp.end:
        return format_duration(ramp.start)
    return f"{format_duration(ramp.start)}→{format_duration(ramp.end)}"


def _clock(seconds: float) -> str:
    minutes, tenths = divmod(round(seconds * 10), 600)  # round first: 59.96 s is 1:00.0
    return f"{minutes}:{tenths / 10:04.1f}"
