"""`attune timeline PRACTICE`: when each step happens, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop_app.app import speech_service
from desktop_app.audio.session import clip_lengths, prepare_session
from desktop_app.cli.common import (
    INVALID,
    OK,
    UsageError,
    chosen_length,
    find_practice,
    print_problems,
)
from desktop_app.core.durations import format_duration
from desktop_app.core.model import Practice
from desktop_app.core.problems import InvalidFile
from desktop_app.core.timeline import Timeline, TimelineError, compile_timeline


def run(args: argparse.Namespace) -> int:
    try:
        practice = find_practice(args.practice)
    except InvalidFile as error:
        print_problems(error.problems)
        return INVALID
    length = chosen_length(practice, args)
    language = args.language or practice.language
    try:
        if args.speech:
            with speech_service() as speech:
                session = prepare_session(practice, length=length, language=language, speech=speech)
            for notice in session.notices:
                print(f"note: {notice}", file=sys.stderr)
            timeline = session.timeline
        else:
            timeline = compile_timeline(
                practice, length, clip_length=clip_lengths(practice), language=language
            )
    except TimelineError as error:
        raise UsageError(str(error)) from None
    if args.json:
        print(json.dumps(timeline_json(timeline), ensure_ascii=False, indent=2))
    else:
        print(timeline_table(practice, timeline))
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
    title = practice.title.get(timeline.language)
    length = format_duration(timeline.length) if timeline.length is not None else "fixed"
    lines = [
        f"{title} ({practice.id}) · length {length} · timed total "
        f"{format_duration(timeline.total)}",
        "",
    ]
    lines.append(f"{'start':>8} {'end':>8}  {'step':>4}  {'kind':<8} text")
    section = None
    for segment in timeline.segments:
        if segment.section is not None and segment.section != section:
            section = segment.section
            lines.append(f"{'':>8} {'':>8}  {'':>4}  — {timeline.sections[section].title}")
        text = " ".join((segment.text or "").split())
        if len(text) > 60:
            text = text[:57] + "..."
        held = " (waits)" if segment.kind in ("wait", "ask") else ""
        lines.append(
            f"{_clock(segment.start):>8} {_clock(segment.end):>8}  {segment.step + 1:>4}  "
            f"{segment.kind:<8} {text}{held}"
        )
    return "\n".join(lines)


def _clock(seconds: float) -> str:
    minutes, secs = divmod(seconds, 60)
    return f"{int(minutes)}:{secs:04.1f}"
