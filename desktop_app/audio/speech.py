"""Speech: phrases synthesized to cached WAV files before a practice starts.

`SpeechService.prepare` is the one entry point. It looks every phrase up in the cache
(no worker process is started when all are there), synthesizes the rest in a worker
process (`speech_worker.py`), and returns a `PreparedSpeech`: a file and its real length
for each phrase that could be spoken, and a fallback for the others. It never raises
because speech is missing or broken; it says so once, in `notice`.

    SpeechWorker   one worker process: lazy start, per-phrase timeout, kill and restart
    SpeechCache    <folder>/<sha256 of engine, voice, rate, text>.wav, and the voice list
    choose_voice   a voice for a language
    SpeechService  the three above, for a practice's phrases
"""

from __future__ import annotations

import contextlib
import logging
import math
import multiprocessing
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import Final, Protocol

from desktop_app.audio.clips import clip_seconds
from desktop_app.audio.speech_cache import SpeechCache, VoiceList
from desktop_app.audio.speech_worker import (
    Done,
    Failed,
    ListVoices,
    Pyttsx3Synthesizer,
    Ready,
    Reply,
    Request,
    Stop,
    Synthesize,
    SynthesizerFactory,
    Unavailable,
    VoiceInfo,
    Voices,
    serve,
    temporary_path,
)
from desktop_app.core.text import primary_subtag
from desktop_app.core.timeline import SpeechCue, SpeechLength, Timeline

__all__ = [
    "PreparedSpeech",
    "SpeechCache",
    "SpeechFailed",
    "SpeechService",
    "SpeechUnavailable",
    "SpeechWorker",
    "SpokenClip",
    "VoiceInfo",
    "choose_voice",
    "phrases_of",
    "words_per_minute",
]

logger = logging.getLogger(__name__)

#: espeak-ng's normal speaking rate; rate 1.0 means this many words per minute.
NORMAL_WORDS_PER_MINUTE: Final = 175
#: espeak-ng's documented range (speak_lib.h); faster or slower is clamped.
MIN_WORDS_PER_MINUTE: Final = 80
MAX_WORDS_PER_MINUTE: Final = 450

DEFAULT_TIMEOUT: Final = 20.0
#: How long a stopping worker gets before it is terminated, and then killed.
_STOP_GRACE: Final = 2.0
_TERMINATE_GRACE: Final = 1.0


class SpeechUnavailable(Exception):
    """No speech at all: the engine is missing or would not start."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"Speech is off: {reason}. Practices show their words as text.")
        self.reason = reason


class SpeechFailed(Exception):
    """One phrase could not be spoken; the others may well be."""


# --- rate --------------------------------------------------------------------------


def words_per_minute(rate: float = 1.0, user_rate: float = 1.0) -> int:
    """A practice's narration rate (0.5–2.0) times the person's own multiplier, as the
    engine's words per minute relative to its normal rate."""
    for what, value in (("narration rate", rate), ("user rate", user_rate)):
        if not (math.isfinite(value) and value > 0):
            raise ValueError(f"{what} must be a positive number, got {value}")
    wanted = round(NORMAL_WORDS_PER_MINUTE * rate * user_rate)
    return max(MIN_WORDS_PER_MINUTE, min(MAX_WORDS_PER_MINUTE, wanted))


# --- voices ------------------------------------------------------------------------

#: English names of languages, for engines whose voices carry a name but no tag.
_LANGUAGE_NAMES: Final[Mapping[str, str]] = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "nb": "norwegian",
    "nl": "dutch",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "sv": "swedish",
}


def _normal_tag(tag: str) -> str:
    return tag.strip().replace("_", "-").lower()


def _voice_tags(voice: VoiceInfo) -> set[str]:
    """The language tags a voice is for: its languages and the last part of an espeak
    id (`gmw/nl` -> `nl`)."""
    tags = {_normal_tag(language) for language in voice.languages if language.strip()}
    tags.add(_normal_tag(voice.id.rsplit("/", 1)[-1]))
    return tags


def _named_language(voice: VoiceInfo) -> set[str]:
    """Languages named in a voice's name (`Frank (Dutch)` -> `nl`): weaker evidence, as
    in espeak's "Chinese (Mandarin, latin as English)"."""
    words = set(voice.name.lower().replace("(", " ").replace(")", " ").split())
    return {code for code, name in _LANGUAGE_NAMES.items() if name in words}


def choose_voice(
    voices: Sequence[VoiceInfo], language: str, override: str | None = None
) -> str | None:
    """The voice id to speak `language` with; None means the engine's default voice.

    An override that names an existing voice wins. Otherwise the first voice, in the
    order listed, for: exactly that tag (`nl-BE`); its primary subtag (`nl`); a regional
    variant of it (`en` -> `en-gb`); a name that names the language (`Dutch`).
    """
    if override and any(voice.id == override for voice in voices):
        return override
    wanted = _normal_tag(language)
    primary = primary_subtag(wanted)
    tags = [_voice_tags(voice) for voice in voices]
    ranks: tuple[Callable[[int], bool], ...] = (
        lambda i: wanted in tags[i],
        lambda i: primary in tags[i],
        lambda i: any(primary_subtag(tag) == primary for tag in tags[i]),
        lambda i: primary in _named_language(voices[i]),
    )
    for matches in ranks:
        for index, voice in enumerate(voices):
            if matches(index):
                return voice.id
    return None


# --- the worker process ------------------------------------------------------------


class SpeechWorker:
    """One speech worker process, started when first needed.

    One request at a time, each with a timeout. A worker that hangs or dies is ended
    (terminate, then kill) and restarted, and the phrase is tried once more before it
    is reported as failed. When the engine cannot start, every later call raises the
    same `SpeechUnavailable` at once, so nobody waits twice for a missing engine.
    Thread-safe; `close()` waits for at most the phrase in progress.
    """

    def __init__(
        self,
        timeout: float = DEFAULT_TIMEOUT,
        *,
        start_timeout: float | None = None,
        synthesizer: SynthesizerFactory = Pyttsx3Synthesizer,
    ) -> None:
        self.timeout = timeout
        self.start_timeout = timeout if start_timeout is None else start_timeout
        #: Processes started so far (restarts included).
        self.starts = 0
        self._synthesizer = synthesizer
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._engine = ""
        #: Why the engine would not start; once set, every call says so at once.
        self._unavailable: str | None = None
        self._closed = False

    @property
    def engine(self) -> str:
        """The engine's name (starts the worker)."""
        with self._lock:
            self._running()
            return self._engine

    def voices(self) -> tuple[VoiceInfo, ...]:
        with self._lock:
            reply = self._call(ListVoices())
        if isinstance(reply, Voices):
            return reply.voices
        _log_failure("listing the voices", reply)
        raise SpeechFailed(_reason_of(reply))

    def synthesize(self, text: str, voice: str | None, words_per_minute: int, path: Path) -> None:
        """Write `text` spoken to `path`. Raises SpeechFailed for this phrase,
        SpeechUnavailable when there is no engine."""
        request = Synthesize(text, voice, words_per_minute, str(path))
        with self._lock:
            reply = self._call(request)
        if not isinstance(reply, Done):
            _log_failure("speaking a phrase", reply)
            raise SpeechFailed(_reason_of(reply))

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._connection is not None:
                with contextlib.suppress(OSError):
                    self._connection.send(Stop())
            self._end(grace=_STOP_GRACE)

    def __enter__(self) -> SpeechWorker:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- inside the lock --

    def _call(self, request: Request) -> Reply:
        """Send `request`; on a hang or a crash, restart and try once more."""
        lost = ""
        for _attempt in range(2):
            connection = self._running()
            try:
                connection.send(request)
                if connection.poll(self.timeout):
                    reply: Reply = connection.recv()
                    return reply
                lost = f"did not finish within {self.timeout:g} s"
            except (EOFError, OSError):
                lost = f"stopped unexpectedly ({self._exit_description()})"
            logger.warning("The speech worker %s (%s)", lost, type(request).__name__)
            self._end(grace=0.0, request=request)
        raise SpeechFailed(f"the speech engine {lost}, twice")

    def _running(self) -> Connection:
        if self._closed:
            raise SpeechUnavailable("the speech worker was closed")
        if self._unavailable is not None:
            raise SpeechUnavailable(self._unavailable)
        if self._connection is not None and self._process is not None:
            if self._process.is_alive():
                return self._connection
            self._end(grace=0.0)  # died between requests
        return self._start()

    def _start(self) -> Connection:
        connection, child = self._context.Pipe()
        process = self._context.Process(
            target=serve, args=(child, self._synthesizer), name="attune-speech", daemon=True
        )
        try:
            process.start()
        except Exception as error:  # no processes here (a daemon, a frozen app): no speech
            logger.warning("The speech worker could not start", exc_info=True)
            connection.close()
            child.close()
            self._unavailable = (
                f"the speech worker could not start ({type(error).__name__}: {error})"
            )
            raise SpeechUnavailable(self._unavailable) from None
        child.close()  # so that a dead worker reads as end-of-file here
        self.starts += 1
        self._process, self._connection = process, connection
        reason = ""
        reply: Reply | None = None
        try:
            if connection.poll(self.start_timeout):
                reply = connection.recv()
                if isinstance(reply, Ready):
                    self._engine = reply.engine
                    logger.info("Speech worker started (pid %s, %s)", process.pid, reply.engine)
                    return connection
                reason = _reason_of(reply)
            else:
                reason = f"the speech engine did not start within {self.start_timeout:g} s"
        except (EOFError, OSError):
            reason = f"the speech engine stopped while starting ({self._exit_description()})"
        logger.warning("Speech is off: %s%s", reason, _trace_of(reply))
        self._end(grace=0.0)
        self._unavailable = reason
        raise SpeechUnavailable(reason)

    def _exit_description(self) -> str:
        process = self._process
        if process is None:
            return "no process"
        process.join(_TERMINATE_GRACE)
        code = process.exitcode
        if code is None:
            return "still running"
        return f"signal {-code}" if code < 0 else f"exit code {code}"

    def _end(self, *, grace: float, request: Request | None = None) -> None:
        """End the worker (waiting `grace` seconds for it to stop by itself), reap it
        and remove the file it may have left half-written."""
        process, connection = self._process, self._connection
        self._process, self._connection = None, None
        if process is None:
            return
        pid = process.pid
        process.join(grace)
        if process.is_alive():
            process.terminate()
            process.join(_TERMINATE_GRACE)
        if process.is_alive():
            process.kill()
            process.join()
        logger.info("Speech worker stopped (pid %s, exit code %s)", pid, process.exitcode)
        process.close()
        if connection is not None:
            connection.close()
        if isinstance(request, Synthesize) and pid is not None:
            temporary_path(Path(request.path), pid).unlink(missing_ok=True)


def _log_failure(doing: str, reply: Reply) -> None:
    logger.warning("The speech engine failed %s: %s%s", doing, _reason_of(reply), _trace_of(reply))


def _trace_of(reply: Reply | None) -> str:
    """The worker's traceback sent with a failure, below the log line; "" if none."""
    if isinstance(reply, Failed | Unavailable) and reply.trace:
        return "\n" + reply.trace.rstrip()
    return ""


def _reason_of(reply: Reply) -> str:
    if isinstance(reply, Failed | Unavailable):
        return reply.reason
    return f"the speech engine answered {type(reply).__name__}"


# --- what prepare returns ----------------------------------------------------------

#: (text, language), as in `SpeechCue`.
Phrase = tuple[str, str]


@dataclass(frozen=True)
class SpokenClip:
    path: Path
    seconds: float


@dataclass(frozen=True)
class PreparedSpeech:
    """The spoken files of a set of phrases. A phrase without a clip is shown as text
    and timed by the fallback estimate."""

    clips: Mapping[Phrase, SpokenClip] = field(default_factory=dict)
    #: (text, language, reason) for each phrase the engine failed to speak.
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    #: False when there is no speech engine; `notice` says why, once.
    available: bool = True
    notice: str | None = None

    def path(self, text: str, language: str) -> Path | None:
        clip = self.clips.get((text, language))
        return clip.path if clip else None

    def seconds(self, text: str, language: str) -> float | None:
        """The real length of the spoken file, silence at its ends included."""
        clip = self.clips.get((text, language))
        return clip.seconds if clip else None

    def joined(self, later: PreparedSpeech) -> PreparedSpeech:
        """This and `later` (prepared after it) together; `later` says whether speech
        is still available."""
        return PreparedSpeech(
            {**self.clips, **later.clips},
            [*self.failures, *later.failures],
            later.available,
            later.notice or self.notice,
        )

    def speech_length(self, fallback: SpeechLength) -> SpeechLength:
        """Real lengths where spoken, else `fallback`: for `compile_timeline`."""
        clips = self.clips

        def length(text: str, language: str) -> float:
            clip = clips.get((text, language))
            return clip.seconds if clip else fallback(text, language)

        return length


def phrases_of(timeline: Timeline) -> list[Phrase]:
    """Every (text, language) a timeline speaks, once each, in order."""
    seen = dict.fromkeys(
        (cue.text, cue.language) for cue in timeline.sounds if isinstance(cue, SpeechCue)
    )
    return list(seen)


# --- the service -------------------------------------------------------------------


class Worker(Protocol):
    """What the service needs of a worker (`SpeechWorker`, or a test's own)."""

    @property
    def engine(self) -> str: ...

    def voices(self) -> tuple[VoiceInfo, ...]: ...

    def synthesize(
        self, text: str, voice: str | None, words_per_minute: int, path: Path
    ) -> None: ...

    def close(self) -> None: ...


#: Makes a worker, given the per-phrase timeout.
WorkerFactory = Callable[[float], Worker]


class SpeechService:
    """Speech for practices: cached files, made in a worker process when missing.

    The worker starts on the first cache miss and lives until `close()`.
    """

    def __init__(
        self,
        cache_dir: Path,
        *,
        user_rate: float = 1.0,
        voice_overrides: dict[str, str] | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        worker_factory: WorkerFactory = SpeechWorker,
    ) -> None:
        words_per_minute(1.0, user_rate)  # refuse a bad rate now, not at the first prepare
        self.cache = SpeechCache(cache_dir)
        self.user_rate = user_rate
        #: language tag (or primary subtag) -> voice id.
        self.voice_overrides = {_normal_tag(k): v for k, v in (voice_overrides or {}).items()}
        self.timeout = timeout
        self._worker_factory = worker_factory
        self._worker: Worker | None = None
        self._voices: VoiceList | None = None
        #: The voices this service's worker listed: a prepare phrase by phrase (speech
        #: made behind a playing practice) asks the worker once, not for every phrase.
        self._listed: VoiceList | None = None
        #: Cache path -> why it failed: a phrase that hangs the engine costs two timeouts
        #: once per service, not at every prepare.
        self._failed: dict[Path, str] = {}

    def prepare(
        self,
        phrases: Iterable[Phrase],
        rate: float = 1.0,
        progress: Callable[[int, int], None] | None = None,
        *,
        speak: bool = True,
    ) -> PreparedSpeech:
        """Speak every (text, language) not in the cache yet, in the order given;
        `progress(done, total)` after the cache is checked and after each phrase
        spoken. With `speak=False`, only what the cache holds (no worker is started)."""
        wpm = words_per_minute(rate, self.user_rate)
        wanted = list(dict.fromkeys((t, lang) for t, lang in phrases if t.strip()))
        voices = self._voices or self.cache.load_voices()
        clips = self._cached(voices, wanted, wpm) if voices else {}
        _report(progress, len(clips), len(wanted))
        if len(clips) == len(wanted) or not speak:
            return PreparedSpeech(clips)
        try:
            voices = self._fresh_voices()
        except SpeechUnavailable as off:
            return PreparedSpeech(clips, available=False, notice=str(off))
        # The voices may have changed since they were saved: look again with the new ones.
        clips = self._cached(voices, wanted, wpm)
        return self._speak(voices, wanted, wpm, clips, progress)

    def close(self) -> None:
        if self._worker is not None:
            self._worker.close()
            self._worker = None
        self._listed = None

    def __enter__(self) -> SpeechService:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def voice_for(self, voices: Sequence[VoiceInfo], language: str) -> str | None:
        tag = _normal_tag(language)
        override = self.voice_overrides.get(tag) or self.voice_overrides.get(primary_subtag(tag))
        return choose_voice(voices, language, override)

    def _path(self, voices: VoiceList, phrase: Phrase, wpm: int) -> tuple[str | None, Path]:
        text, language = phrase
        voice = self.voice_for(voices.voices, language)
        return voice, self.cache.path_for(voices.engine, voice, wpm, text)

    def _cached(
        self, voices: VoiceList, wanted: list[Phrase], wpm: int
    ) -> dict[Phrase, SpokenClip]:
        clips: dict[Phrase, SpokenClip] = {}
        for phrase in wanted:
            _voice, path = self._path(voices, phrase, wpm)
            clip = _measure(path)
            if clip is not None:
                clips[phrase] = clip
        return clips

    def _fresh_voices(self) -> VoiceList:
        if self._listed is not None:  # this service's worker lists the same voices
            return self._listed
        if self._worker is None:
            self._worker = self._worker_factory(self.timeout)
        try:
            voices = VoiceList(self._worker.engine, self._worker.voices())
        except SpeechFailed as failed:
            raise SpeechUnavailable(f"the speech engine lists no voices ({failed})") from None
        if voices != self._voices:
            self._voices = voices
            # Without the saved list, only the next warm start needs a worker.
            with contextlib.suppress(OSError):
                self.cache.save_voices(voices)
        self._listed = voices
        return voices

    def _speak(
        self,
        voices: VoiceList,
        wanted: list[Phrase],
        wpm: int,
        clips: dict[Phrase, SpokenClip],
        progress: Callable[[int, int], None] | None,
    ) -> PreparedSpeech:
        worker = self._worker
        assert worker is not None  # _fresh_voices made it
        try:
            self.cache.ensure_folder()
        except OSError as error:
            reason = f"the speech cache folder cannot be made ({error.strerror or error})"
            return PreparedSpeech(clips, available=False, notice=str(SpeechUnavailable(reason)))
        failures: list[tuple[str, str, str]] = []
        done = len(clips)
        for phrase in wanted:
            if phrase in clips:
                continue
            voice, path = self._path(voices, phrase, wpm)
            clip = _measure(path)  # another phrase may have made the same file
            if clip is None and path not in self._failed:
                try:
                    worker.synthesize(phrase[0], voice, wpm, path)
                except SpeechUnavailable as off:
                    return PreparedSpeech(clips, failures, available=False, notice=str(off))
                except SpeechFailed as failed:
                    self._failed[path] = str(failed)
                else:
                    clip = _measure(path)
                    if clip is None:
                        self._failed[path] = "the speech engine wrote no sound"
            if clip is not None:
                clips[phrase] = clip
            else:
                failures.append((*phrase, self._failed[path]))
            done += 1
            _report(progress, done, len(wanted))
        return PreparedSpeech(clips, failures)


def _measure(path: Path) -> SpokenClip | None:
    """The clip at `path`, or None when there is none; an unreadable file is removed so
    that it is made again."""
    if not path.is_file():
        return None
    try:
        return SpokenClip(path, clip_seconds(path))
    except ValueError:
        path.unlink(missing_ok=True)
        return None


def _report(progress: Callable[[int, int], None] | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
