"""`attune render PRACTICE -o OUT`: what a person would hear, as a sound file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop_app.app import sample_cache, speech_service
from desktop_app.audio.render import file_format, render_to_file
from desktop_app.audio.session import prepare_session
from desktop_app.cli.common import (
    OK,
    UsageError,
    chosen_language,
    chosen_length,
    find_practice,
)
from desktop_app.core.durations import format_duration
from desktop_app.core.model import NOISE_BACKGROUNDS
from desktop_app.core.timeline import TimelineError


def run(args: argparse.Namespace) -> int:
    try:
        file_format(args.output)
    except ValueError as error:
        raise UsageError(f"-o {args.output}: {error}") from None
    if not 0.5 <= args.rate <= 2.0:
        raise UsageError(f"--rate: expected a number from 0.5 to 2.0, got {args.rate:g}")
    background = _background(args.background)
    practice = find_practice(args.practice)
    length = chosen_length(practice, args)
    language = chosen_language(practice, args)
    voices = {language: args.voice} if args.voice else None
    with speech_service(user_rate=args.rate, voice_overrides=voices) as speech:
        try:
            session = prepare_session(
                practice,
                length=length,
                language=language,
                speech=None if args.no_speech else speech,
                sample_cache=sample_cache(),
                background=background,
                progress=_progress,
            )
        except TimelineError as error:
            raise UsageError(str(error)) from None
    for notice in session.notices:
        print(f"note: {notice}", file=sys.stderr)
    try:
        seconds = render_to_file(session.mixer, args.output)
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
    print(f"{format_duration(seconds)} ({seconds:.2f} s) written to {args.output}")
    return OK


def _background(value: str | None) -> str | None:
    """None for the practice's own; a noise name; or a sound file made absolute."""
    if value is None or value == "none" or value in NOISE_BACKGROUNDS:
        return value
    path = Path(value)
    if not path.is_file():
        raise UsageError(
            f"--background: expected none, {', '.join(NOISE_BACKGROUNDS)} or a "
            f'sound file, got "{value}"'
        )
    return str(path.resolve())


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done == total else ""
        print(
            f"\rPreparing the voice: {done} of {total} phrases",
            end=end,
            file=sys.stderr,
            flush=True,
        )
