"""What runs inside the speech worker process: read a request, synthesize, answer.

The parent (`speech.py`) starts `serve` in a process of the "spawn" context. A worker
initializes pyttsx3 once, says `Ready` (or `Unavailable` and stops), then answers one
request at a time until it reads `Stop` or the pipe closes. Speech is written to a
temporary file next to the target and renamed into place, so a cache file is either
whole or absent, even when the parent kills a worker halfway.

This module imports neither pyttsx3 nor anything heavy at import time: the parent
imports it for the message types, and the worker imports pyttsx3 when it starts.
"""

from __future__ import annotations

import hashlib
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol, TypeAlias

from desktop_app.private_fs import TEMP_PREFIX, create_private_file

#: How often to look whether espeak-ng has finished its queued commands.
_IDLE_POLL: float = 0.001


@dataclass(frozen=True)
class VoiceInfo:
    id: str
    name: str
    languages: tuple[str, ...]


# --- requests (parent -> worker) ---------------------------------------------------


@dataclass(frozen=True)
class Synthesize:
    text: str
    #: A voice id of the engine; None for the engine's default voice.
    voice: str | None
    words_per_minute: int
    #: Where the finished file goes; it appears there whole or not at all.
    path: str


@dataclass(frozen=True)
class ListVoices:
    pass


@dataclass(frozen=True)
class Stop:
    pass


Request: TypeAlias = Synthesize | ListVoices | Stop


# --- replies (worker -> parent) ----------------------------------------------------


@dataclass(frozen=True)
class Ready:
    #: Names the engine and driver; part of every cache key.
    engine: str


@dataclass(frozen=True)
class Unavailable:
    #: Why speech is off, in words for people ("the espeak-ng library is not installed").
    reason: str
    #: The worker's traceback, for the parent's log (the worker keeps no log).
    trace: str = ""


@dataclass(frozen=True)
class Done:
    pass


@dataclass(frozen=True)
class Failed:
    reason: str
    #: The worker's traceback, for the parent's log.
    trace: str = ""


@dataclass(frozen=True)
class Voices:
    voices: tuple[VoiceInfo, ...]


Reply: TypeAlias = Ready | Unavailable | Done | Failed | Voices


# --- the synthesizer ---------------------------------------------------------------


class Synthesizer(Protocol):
    @property
    def name(self) -> str: ...

    def voices(self) -> list[VoiceInfo]: ...

    def synthesize(self, text: str, voice: str | None, words_per_minute: int, path: Path) -> None:
        """Write `text` spoken to the WAV file `path`; raise on failure."""


#: Builds the synthesizer inside the worker; must be picklable (a class or a partial).
SynthesizerFactory: TypeAlias = Callable[[], Synthesizer]


class Pyttsx3Synthesizer:
    """pyttsx3, initialized once, one phrase per `runAndWait()`.

    pyttsx3's espeak driver runs espeak-ng in its asynchronous mode: `runAndWait()` may
    return before the file is written (the file is written from espeak's own thread,
    just before "finished-utterance"). So, with espeak, we wait for "finished-utterance"
    and then for espeak-ng to go idle after each phrase.

    The driver's `stop()` is switched off. pyttsx3 calls it whenever `runAndWait()`
    reaches its end-of-loop command (`DriverProxy.endLoop`): in the first run right
    after the voice and rate it held back are set, in later runs just before the phrase
    starts. It cancels whenever `espeak_IsPlaying()` says yes, and espeak-ng says yes
    from a property change until its own thread has carried that out, which on a busy
    machine can be later. The cancel drops the rate change, and the driver's `_stopping`
    flag stays set until its loop next looks, after the next phrase has started: that
    phrase is cancelled and reported with completed=False. We never stop a phrase
    ourselves: a hang is the parent's to end, by killing the worker after its timeout.
    """

    def __init__(self, driver: str | None = None) -> None:
        import pyttsx3  # type: ignore[import-untyped]

        self._engine: Any = pyttsx3.init(driver)
        driver_name = str(getattr(self._engine, "driver_name", driver or "default"))
        self._name = f"pyttsx3-{driver_name}"
        self._default_voice: str | None = self._engine.getProperty("voice")
        self._finished = threading.Event()
        self._completed = True
        self._errors: list[BaseException] = []
        self._engine.connect("finished-utterance", self._on_finished)
        self._engine.connect("error", self._on_error)
        self._espeak: Any = None
        if driver_name == "espeak":
            from pyttsx3.drivers import _espeak  # type: ignore[import-untyped]

            self._espeak = _espeak
            # An instance attribute: DriverProxy.endLoop looks `stop` up on each call.
            self._engine.proxy._driver.stop = _never_cancel

    @property
    def name(self) -> str:
        return self._name

    def voices(self) -> list[VoiceInfo]:
        voices = [
            VoiceInfo(
                str(voice.id),
                str(voice.name or voice.id),
                tuple(str(language) for language in (voice.languages or ())),
            )
            for voice in self._engine.getProperty("voices")
        ]
        if self._espeak is None:
            return voices
        # pyttsx3 labels every espeak file 22050 Hz; MBROLA voices speak at 16000 Hz and
        # would sound fast and high, so they are not offered.
        return [voice for voice in voices if not voice.id.startswith("mb/")]

    def synthesize(self, text: str, voice: str | None, words_per_minute: int, path: Path) -> None:
        self._errors.clear()
        self._engine.setProperty("voice", voice or self._default_voice)
        self._engine.setProperty("rate", words_per_minute)
        self._finished.clear()
        self._completed = True
        self._engine.save_to_file(text, str(path))
        self._engine.runAndWait()
        if self._espeak is not None:
            self._finished.wait()
        # espeak's thread notifies before it leaves the driver's callback, which still
        # pumps pyttsx3's queue; the next phrase must not push to it at the same time.
        self._settle()
        if self._errors:
            raise self._errors[0]
        if not self._completed:
            raise RuntimeError("the speech engine stopped before the end of the phrase")

    def _settle(self) -> None:
        """Wait until espeak-ng has carried out every queued command."""
        if self._espeak is None:
            return
        while self._espeak.IsPlaying():
            time.sleep(_IDLE_POLL)

    def _on_finished(self, name: object = None, completed: bool = True) -> None:
        del name
        self._completed = bool(completed)
        self._finished.set()

    def _on_error(self, name: object = None, exception: BaseException | None = None) -> None:
        del name
        self._errors.append(exception or RuntimeError("the speech engine reported an error"))


def _never_cancel() -> None:
    """Stands in for the espeak driver's `stop()` (see `Pyttsx3Synthesizer`)."""


def describe_engine_failure(error: BaseException) -> str:
    """Why the engine could not start, for people (it follows "Speech is off: ")."""
    message = str(error)
    if isinstance(error, ModuleNotFoundError) and error.name == "pyttsx3":
        return "the pyttsx3 package is not installed"
    if "espeak" in message.lower() and "install" in message.lower():
        return "the espeak-ng library is not installed (sudo apt install libespeak-ng1)"
    detail = f"{type(error).__name__}: {message}" if message else type(error).__name__
    return f"the speech engine did not start ({detail})"


def temporary_path(final: Path, pid: int) -> Path:
    """Where worker `pid` writes `final` before renaming it into place: a temporary
    name of Attune's (`.attune-tmp-<pid>-<hex>.wav`), which the next start removes
    once the worker is gone."""
    # The same name for the same clip and worker, so the parent can remove what a
    # worker it killed was writing.
    tag = hashlib.sha256(final.name.encode("utf-8")).hexdigest()[:8]
    return final.with_name(f"{TEMP_PREFIX}{pid}-{tag}{final.suffix}")


# --- the loop ----------------------------------------------------------------------


def serve(
    connection: Connection, synthesizer_factory: SynthesizerFactory = Pyttsx3Synthesizer
) -> None:
    """The worker process's target."""
    _quiet()
    try:
        _serve(connection, synthesizer_factory)
    except (EOFError, OSError):
        return  # the parent has gone; nobody is left to answer


def _serve(connection: Connection, synthesizer_factory: SynthesizerFactory) -> None:
    try:
        synthesizer = synthesizer_factory()
    except Exception as error:
        connection.send(Unavailable(describe_engine_failure(error), traceback.format_exc()))
        return
    connection.send(Ready(synthesizer.name))
    while not isinstance(request := connection.recv(), Stop):
        connection.send(answer(synthesizer, request))


def answer(synthesizer: Synthesizer, request: Request) -> Reply:
    try:
        if isinstance(request, ListVoices):
            return Voices(tuple(synthesizer.voices()))
        if isinstance(request, Synthesize):
            _synthesize(synthesizer, request)
            return Done()
        return Failed(f"unknown request {type(request).__name__}")
    except Exception as error:
        return Failed(str(error) or type(error).__name__, traceback.format_exc())


def _synthesize(synthesizer: Synthesizer, request: Synthesize) -> None:
    final = Path(request.path)
    temporary = temporary_path(final, os.getpid())
    try:
        # Made first, 0600, so the engine writes into a private file whatever the umask.
        os.close(create_private_file(temporary))
        synthesizer.synthesize(request.text, request.voice, request.words_per_minute, temporary)
        if not temporary.is_file() or temporary.stat().st_size == 0:
            raise RuntimeError("the speech engine wrote no file")
        temporary.chmod(0o600)
        temporary.replace(final)
    finally:
        temporary.unlink(missing_ok=True)


def _quiet() -> None:
    """pyttsx3 prints a line for every file it saves; the worker has nothing to say.
    Ctrl-C in a terminal reaches the whole process group: the parent handles it and
    ends the worker."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        sys.stdout.flush()
        os.dup2(devnull, 1)
    finally:
        os.close(devnull)
