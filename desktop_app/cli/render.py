"""`attune render PRACTICE -o OUT`: what a person would hear, as a sound file."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from desktop_app.app import known_voices, sample_cache, speech_service
from desktop_app.audio.render import file_format, render_to_file
from desktop_app.audio.session import prepare_session
from desktop_app.cli.common import (
    OK,
    UsageError,
    check_output_file,
    chosen_language,
    chosen_length,
    find_practice,
    visible,
)
from desktop_app.core.durations import format_duration
from desktop_app.core.model import NOISE_BACKGROUNDS
from desktop_app.core.text import primary_subtag
from desktop_app.core.timeline import TimelineError


def run(args: argparse.Namespace) -> int:
    check_output_file(args.output)  # before the work: rendering can take a while
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
    voice = None
    if args.voice and not args.no_speech:
        spoken = language if practice.title.has(language) else practice.language
        voice = _chosen_voice(args.voice, spoken)
    voices = {language: voice} if voice else None
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
        print(visible(f"note: {notice}"), file=sys.stderr)
    try:
        seconds = render_to_file(session.mixer, args.output)
    except OSError as error:
        raise UsageError(f"cannot write {args.output}: {error.strerror or error}") from None
    print(visible(f"{format_duration(seconds)} ({seconds:.2f} s) written to {args.output}"))
    return OK


#: A voice as (id, languages).
Voice = tuple[str, tuple[str, ...]]


def _chosen_voice(wanted: str, language: str) -> str:
    """The engine's id for --voice (its case need not match). A voice that is not
    here is a usage error naming the choices: the voices for `language` first. Looked
    up in the voice list saved by the last speech, else asked of the engine; with no
    speech engine at all, `wanted` is passed on and the render says speech is off."""
    from desktop_app.audio.speech import SpeechFailed, SpeechUnavailable, SpeechWorker

    found = _match(wanted, [(v[0], v[2]) for v in known_voices()])
    if found is not None:
        return found
    try:
        with SpeechWorker() as worker:
            voices = [(v.id, v.languages) for v in worker.voices()]
    except (SpeechUnavailable, SpeechFailed):
        return wanted
    found = _match(wanted, voices)
    if found is not None:
        return found
    raise UsageError(_no_such_voice(wanted, voices, language))


def _match(wanted: str, voices: Sequence[Voice]) -> str | None:
    ids = [voice_id for voice_id, _ in voices]
    if wanted in ids:
        return wanted
    alike = [voice_id for voice_id in ids if voice_id.casefold() == wanted.casefold()]
    return alike[0] if len(alike) == 1 else None


def _no_such_voice(wanted: str, voices: Sequence[Voice], language: str) -> str:
    """`no voice "x" here; choose one of: …`, wrapped, with the language's voices."""
    primary = primary_subtag(language)
    ids = sorted(voice_id for voice_id, _ in voices)
    fitting = sorted(
        voice_id
        for voice_id, languages in voices
        if primary
        in {primary_subtag(tag.replace("_", "-")) for tag in (*languages, voice_id.split("/")[-1])}
    )
    every = f"see attune doctor --voices for all {len(ids)}, with their languages"
    if fitting:
        listed, after = fitting, f"(the voices for {language}; {every})"
    else:
        listed, after = ids, f"(there is none for {language}; {every})"
    text = f'no voice "{wanted}" here; choose one of: {", ".join(listed)}'
    lines = textwrap.wrap(text, width=88, subsequent_indent="  ", break_on_hyphens=False)
    return "\n".join([*lines, f"  {after}"])


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
