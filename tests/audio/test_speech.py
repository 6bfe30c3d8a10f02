"""Speech: real espeak-ng phrases in a worker process, the cache, voices, rates and
what happens when the worker hangs, crashes or has no engine at all."""

from __future__ import annotations

import functools
import multiprocessing
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import pytest
import soundfile
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.audio.speech import (
    MAX_WORDS_PER_MINUTE,
    MIN_WORDS_PER_MINUTE,
    PreparedSpeech,
    SpeechFailed,
    SpeechService,
    SpeechUnavailable,
    SpeechWorker,
    SpokenClip,
    VoiceInfo,
    choose_voice,
    phrases_of,
    words_per_minute,
)
from desktop_app.audio.speech_cache import SpeechCache
from desktop_app.audio.speech_worker import (
    Pyttsx3Synthesizer,
    SynthesizerFactory,
    describe_engine_failure,
)
from desktop_app.core.model import Practice
from desktop_app.core.timeline import SpeechCue, compile_timeline, estimate_speech
from tests.helpers import load_text, practice_with

#: Short, so that the fault tests stay fast; a phrase takes some 20 ms.
TIMEOUT = 1.0
#: For real synthesis: generous, so a busy machine never fails a phrase by timing out.
SPEAK_TIMEOUT = 10.0
#: Generous: a worker that runs this module imports pytest, and a busy machine is slow.
START_TIMEOUT = 30.0

ENGLISH = ("Breathe in slowly, and let your shoulders soften.", "en")
DUTCH = ("Adem rustig in, en laat je schouders zakken.", "nl")
HANG = "Please hang here."
CRASH = "Please crash here."
CRASH_ONCE = "Please crash once here."
#: How long espeak-ng's thread takes for each buffer of sound in SlowEspeak.
SLOW_BUFFER = 0.05


# --- a synthesizer with faults, run in the worker process -------------------------


class FaultySynthesizer(Pyttsx3Synthesizer):
    """The real synthesizer, except for a few texts: it hangs, it exits, or it exits
    only the first time (when `marker` does not exist yet)."""

    def __init__(self, marker: str = "", fail_init: bool = False, hang_init: bool = False) -> None:
        if fail_init:
            raise RuntimeError("no voices here")
        if hang_init:
            time.sleep(600)
        super().__init__()
        self._marker = Path(marker) if marker else None

    def synthesize(self, text: str, voice: str | None, words_per_minute: int, path: Path) -> None:
        if text == HANG:
            time.sleep(600)
        if text == CRASH:
            os._exit(3)
        if text == CRASH_ONCE and self._marker is not None and not self._marker.exists():
            self._marker.touch()
            os._exit(4)
        super().synthesize(text, voice, words_per_minute, path)


class SlowEspeak(Pyttsx3Synthesizer):
    """The real synthesizer, with espeak-ng's own thread as slow as on a busy machine:
    it has not yet carried out a property change when pyttsx3 next asks whether it is
    playing, and each buffer of sound takes a while to come.

    espeak-ng's SetParameter returns once its thread has taken the command, and
    espeak_IsPlaying() answers 1 until that thread has carried it out: here the first
    answer after each change is that 1. Only that answer and the pace of the sound
    callback are changed, at the library's edge: the speech is espeak-ng's."""

    def __init__(self) -> None:
        from pyttsx3.drivers import _espeak  # type: ignore[import-untyped]

        set_parameter, is_playing = _espeak.SetParameter, _espeak.IsPlaying
        set_callback = _espeak.SetSynthCallback
        lagging = False

        def set_parameter_lagging(*args: object) -> object:
            nonlocal lagging
            lagging = True
            return set_parameter(*args)

        def is_playing_lagging() -> int:
            nonlocal lagging
            if lagging:
                lagging = False
                return 1
            return int(is_playing())

        def set_slow_callback(callback: Callable[..., int] | None) -> None:
            if callback is None:
                set_callback(None)
                return

            def slow(*args: object) -> int:
                time.sleep(SLOW_BUFFER)
                return callback(*args)

            set_callback(slow)

        _espeak.SetParameter = set_parameter_lagging
        _espeak.IsPlaying = is_playing_lagging
        _espeak.SetSynthCallback = set_slow_callback
        super().__init__()


class Workers:
    """A worker factory for SpeechService that keeps the workers it makes."""

    def __init__(self, synthesizer: SynthesizerFactory = Pyttsx3Synthesizer) -> None:
        self.synthesizer = synthesizer
        self.made: list[CountingWorker] = []

    def __call__(self, timeout: float) -> CountingWorker:
        worker = CountingWorker(timeout, synthesizer=self.synthesizer)
        self.made.append(worker)
        return worker

    @property
    def starts(self) -> int:
        return sum(worker.starts for worker in self.made)

    @property
    def spoken(self) -> list[str]:
        return [text for worker in self.made for text in worker.spoken]


class CountingWorker(SpeechWorker):
    def __init__(self, timeout: float, *, synthesizer: SynthesizerFactory) -> None:
        super().__init__(timeout, start_timeout=START_TIMEOUT, synthesizer=synthesizer)
        self.spoken: list[str] = []
        self.listings = 0

    def voices(self) -> tuple[VoiceInfo, ...]:
        self.listings += 1
        return super().voices()

    def synthesize(self, text: str, voice: str | None, words_per_minute: int, path: Path) -> None:
        self.spoken.append(text)
        super().synthesize(text, voice, words_per_minute, path)


@pytest.fixture(autouse=True)
def _no_workers_left() -> Iterator[None]:
    yield
    assert multiprocessing.active_children() == []


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "speech"


def service(
    cache_dir: Path,
    workers: Workers,
    *,
    user_rate: float = 1.0,
    voice_overrides: dict[str, str] | None = None,
) -> SpeechService:
    # Faulty workers hang on purpose: short timeouts keep those tests quick.
    faulty = workers.synthesizer is not Pyttsx3Synthesizer
    return SpeechService(
        cache_dir,
        user_rate=user_rate,
        voice_overrides=voice_overrides,
        timeout=TIMEOUT if faulty else SPEAK_TIMEOUT,
        worker_factory=workers,
    )


def rms(path: Path) -> float:
    samples, _rate = soundfile.read(str(path), dtype="float32")
    return float(np.sqrt(np.mean(np.square(samples))))


def seconds_in(path: Path) -> float:
    info = soundfile.info(str(path))
    return float(info.frames / info.samplerate)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# --- real speech -------------------------------------------------------------------


def test_english_and_dutch_are_spoken_into_the_cache(cache_dir: Path) -> None:
    workers = Workers()
    with service(cache_dir, workers) as speech:
        prepared = speech.prepare([ENGLISH, DUTCH])

    assert prepared.available and prepared.notice is None and prepared.failures == []
    for phrase in (ENGLISH, DUTCH):
        path = prepared.path(*phrase)
        assert path is not None and path.is_file()
        assert path.parent == cache_dir and path.suffix == ".wav"
        assert rms(path) > 0.02  # speech, not silence
        assert prepared.seconds(*phrase) == seconds_in(path)
        assert 1.0 < seconds_in(path) < 8.0  # seven or eight words at 175 a minute
    assert prepared.path(*ENGLISH) != prepared.path(*DUTCH)
    assert workers.starts == 1
    assert leftovers(cache_dir) == []


def test_phrases_are_spoken_whole_while_espeak_is_slow(tmp_path: Path) -> None:
    # pyttsx3's end-of-loop stop() once found espeak-ng busy with the rate change: it
    # cancelled, and the next phrase was reported "stopped before the end" (issue 13).
    def spoken(folder: Path, synthesizer: SynthesizerFactory) -> PreparedSpeech:
        workers = Workers(synthesizer)
        with SpeechService(folder, timeout=SPEAK_TIMEOUT, worker_factory=workers) as speech:
            return speech.prepare([ENGLISH, DUTCH])

    slow = spoken(tmp_path / "slow", SlowEspeak)
    plain = spoken(tmp_path / "plain", Pyttsx3Synthesizer)

    assert slow.failures == [] and plain.failures == []
    for phrase in (ENGLISH, DUTCH):
        slow_path, plain_path = slow.path(*phrase), plain.path(*phrase)
        assert slow_path is not None and plain_path is not None
        # The same voice and rate: espeak-ng speaks the same samples.
        assert slow_path.read_bytes() == plain_path.read_bytes()


def test_the_cache_folder_is_the_users_alone(cache_dir: Path) -> None:
    with service(cache_dir, Workers()) as speech:
        speech.prepare([ENGLISH])
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    wav = next(cache_dir.glob("*.wav"))
    assert stat.S_IMODE(wav.stat().st_mode) & 0o077 == 0


def test_dutch_is_spoken_by_the_dutch_voice(cache_dir: Path) -> None:
    with service(cache_dir, Workers()) as speech:
        prepared = speech.prepare([DUTCH, ("Adem rustig in.", "nl-BE")])
        engine = speech.cache.load_voices()
    assert engine is not None and engine.engine == "pyttsx3-espeak"
    text, _ = DUTCH
    assert prepared.path(*DUTCH) == speech.cache.path_for(engine.engine, "gmw/nl", 175, text)
    assert prepared.path("Adem rustig in.", "nl-BE") == speech.cache.path_for(
        engine.engine, "gmw/nl", 175, "Adem rustig in."
    )


def test_longer_text_takes_longer_and_a_faster_rate_less(cache_dir: Path) -> None:
    short = ("Rest.", "en")
    long = ("Rest here for a while, and notice the chair holding you up.", "en")
    with service(cache_dir, Workers()) as speech:
        normal = speech.prepare([short, long])
        slow = speech.prepare([long], rate=0.5)
        fast = speech.prepare([long], rate=2.0)

    def length(prepared: PreparedSpeech, phrase: tuple[str, str]) -> float:
        seconds = prepared.seconds(*phrase)
        assert seconds is not None
        return seconds

    assert length(normal, long) > 3 * length(normal, short)
    assert length(slow, long) > 1.5 * length(normal, long)
    assert length(fast, long) < length(normal, long) / 1.5
    assert slow.path(*long) != normal.path(*long) != fast.path(*long)


def test_the_user_rate_multiplies_the_practice_rate(cache_dir: Path) -> None:
    with service(cache_dir, Workers(), user_rate=2.0) as speech:
        doubled = speech.prepare([ENGLISH], rate=0.5)
        engine = speech.cache.load_voices()
    assert engine is not None
    assert doubled.path(*ENGLISH) == speech.cache.path_for(engine.engine, "gmw/en", 175, ENGLISH[0])


def test_a_warm_cache_starts_no_worker(cache_dir: Path) -> None:
    phrases = [ENGLISH, DUTCH, ("in", "nl"), ("uit", "nl")]
    with service(cache_dir, Workers()) as speech:
        cold = speech.prepare(phrases)

    workers = Workers()
    calls: list[tuple[int, int]] = []
    with service(cache_dir, workers) as speech:
        warm = speech.prepare(phrases, progress=lambda done, total: calls.append((done, total)))

    assert workers.starts == 0 and workers.made == []
    assert calls == [(4, 4)]
    assert warm == PreparedSpeech(dict(cold.clips))


def test_progress_counts_cached_then_each_phrase_spoken(cache_dir: Path) -> None:
    calls: list[tuple[int, int]] = []
    with service(cache_dir, Workers()) as speech:
        speech.prepare([("One.", "en")])
        speech.prepare(
            [("One.", "en"), ("Two.", "en"), ("Three.", "en")],
            progress=lambda done, total: calls.append((done, total)),
        )
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_each_phrase_is_spoken_once(cache_dir: Path) -> None:
    workers = Workers()
    hello = ("Hello.", "en")
    with service(cache_dir, workers) as speech:
        prepared = speech.prepare([hello, hello, ("Hello.", "en-GB"), ("", "en"), ("  ", "nl")])
    # en and en-GB both choose espeak's English (Great Britain): one file for both.
    assert workers.spoken == ["Hello."]
    assert prepared.path(*hello) == prepared.path("Hello.", "en-GB")
    assert prepared.path("", "en") is None


def test_phrase_by_phrase_the_worker_lists_its_voices_once(cache_dir: Path) -> None:
    workers = Workers()
    with service(cache_dir, workers) as speech:
        for phrase in (ENGLISH, DUTCH):
            assert phrase in speech.prepare([phrase]).clips
    assert [worker.listings for worker in workers.made] == [1]


def test_blank_phrases_start_no_worker(cache_dir: Path) -> None:
    workers = Workers()
    with service(cache_dir, workers) as speech:
        prepared = speech.prepare([("", "en"), (" \n", "nl")])
    assert prepared == PreparedSpeech()
    assert workers.made == []


def test_an_unreadable_cache_file_is_made_again(cache_dir: Path) -> None:
    with service(cache_dir, Workers()) as speech:
        first = speech.prepare([ENGLISH])
    path = first.path(*ENGLISH)
    assert path is not None
    path.write_bytes(b"")

    workers = Workers()
    with service(cache_dir, workers) as speech:
        again = speech.prepare([ENGLISH])
    assert workers.starts == 1
    assert again.path(*ENGLISH) == path and rms(path) > 0.02


def test_timeline_phrases_are_spoken_and_timed_by_their_real_length(cache_dir: Path) -> None:
    practice = load_text(
        cache_dir.parent,
        practice_with(
            """\
            - say:
                en: Breathe in slowly.
                nl: Adem rustig in.
            - breathe:
                in: 3s
                out: 3s
                cycles: 1
                cue: voice
            """
        ),
    )
    assert isinstance(practice, Practice)
    estimate = estimate_speech()
    rough = compile_timeline(practice, language="nl")
    phrases = phrases_of(rough)
    assert phrases == [("Adem rustig in.", "nl"), ("in", "nl"), ("uit", "nl")]

    with service(cache_dir, Workers()) as speech:
        prepared = speech.prepare(phrases)
    exact = compile_timeline(
        practice,
        language="nl",
        speech_length=prepared.speech_length(estimate),
    )
    spoken = [cue for cue in exact.sounds if isinstance(cue, SpeechCue)]
    assert spoken[0].duration == prepared.seconds("Adem rustig in.", "nl")
    assert spoken[0].duration != estimate("Adem rustig in.", "nl")
    assert exact.segments[0].end == spoken[0].duration + 1.0  # spoken, then the default pause


# --- voices and rates --------------------------------------------------------------


def test_choose_voice_among_espeaks_voices() -> None:
    with SpeechWorker(5.0, start_timeout=START_TIMEOUT) as worker:
        voices = worker.voices()
    assert choose_voice(voices, "nl") == "gmw/nl"
    assert choose_voice(voices, "nl-BE") == "gmw/nl"
    assert choose_voice(voices, "NL_be") == "gmw/nl"
    assert choose_voice(voices, "en") == "gmw/en"
    assert choose_voice(voices, "en-US") == "gmw/en-us"
    assert choose_voice(voices, "nl", override="gmw/en-us") == "gmw/en-us"
    assert choose_voice(voices, "nl", override="no/such-voice") == "gmw/nl"
    assert choose_voice(voices, "tlh") is None  # no Klingon: the default voice


def test_choose_voice_by_tag_id_or_name() -> None:
    voices = [
        VoiceInfo("HKLM\\Voices\\TTS_EN-US_Zira", "Microsoft Zira Desktop - English", ()),
        VoiceInfo("com.example.frank", "Frank (Dutch)", ()),
        VoiceInfo("en-gb-x-rp", "RP", ("en-gb-x-rp",)),
        VoiceInfo("fr", "Le Français", ("fr-FR",)),
    ]
    assert choose_voice(voices, "nl") == "com.example.frank"
    assert choose_voice(voices, "nl-BE") == "com.example.frank"
    assert choose_voice(voices, "en") == "en-gb-x-rp"  # a variant, before a name
    assert choose_voice(voices[:2], "en") == voices[0].id
    assert choose_voice(voices, "en-GB-x-rp") == "en-gb-x-rp"
    assert choose_voice(voices, "fr-BE") == "fr"
    assert choose_voice(voices, "de") is None
    assert choose_voice([], "nl") is None


@given(
    ids=st.lists(st.text(min_size=1, max_size=8), max_size=6, unique=True),
    language=st.text(max_size=8),
    override=st.none() | st.text(max_size=8),
)
def test_choose_voice_names_a_voice_that_exists(
    ids: list[str], language: str, override: str | None
) -> None:
    voices = [VoiceInfo(i, i, (i,)) for i in ids]
    chosen = choose_voice(voices, language, override)
    assert chosen is None or chosen in ids
    if override in ids:
        assert chosen == override


def test_voice_overrides_win_by_language_or_primary_subtag(cache_dir: Path) -> None:
    with service(cache_dir, Workers(), voice_overrides={"nl": "gmw/en-us"}) as speech:
        prepared = speech.prepare([DUTCH, ("Adem.", "nl-BE")])
        voices = speech.cache.load_voices()
    assert voices is not None
    for text, language in (DUTCH, ("Adem.", "nl-BE")):
        path = speech.cache.path_for(voices.engine, "gmw/en-us", 175, text)
        assert prepared.path(text, language) == path


def test_rates_become_words_per_minute() -> None:
    assert words_per_minute() == 175
    assert words_per_minute(0.5) == 88
    assert words_per_minute(2.0) == 350
    assert words_per_minute(0.9, 1.2) == 189
    assert words_per_minute(2.0, 2.0) == MAX_WORDS_PER_MINUTE
    assert words_per_minute(0.1) == MIN_WORDS_PER_MINUTE
    for bad in (0.0, -1.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="must be a positive number"):
            words_per_minute(bad)
    with pytest.raises(ValueError, match="user rate"):
        SpeechService(Path("unused"), user_rate=0.0)


# --- the cache and what prepare returns --------------------------------------------


def test_cache_paths_depend_on_engine_voice_rate_and_text(tmp_path: Path) -> None:
    cache = SpeechCache(tmp_path)
    path = cache.path_for("pyttsx3-espeak", "gmw/nl", 175, "Adem.")
    assert path.parent == tmp_path and path.suffix == ".wav" and len(path.stem) == 64
    assert path == cache.path_for("pyttsx3-espeak", "gmw/nl", 175, "Adem.")
    others = {
        cache.path_for("pyttsx3-sapi5", "gmw/nl", 175, "Adem."),
        cache.path_for("pyttsx3-espeak", "gmw/en", 175, "Adem."),
        cache.path_for("pyttsx3-espeak", "gmw/nl", 176, "Adem."),
        cache.path_for("pyttsx3-espeak", "gmw/nl", 175, "Adem!"),
        cache.path_for("pyttsx3-espeak", None, 175, "Adem."),
    }
    assert path not in others and len(others) == 5
    assert cache.lookup("pyttsx3-espeak", "gmw/nl", 175, "Adem.") is None
    path.write_bytes(b"RIFF")
    assert cache.lookup("pyttsx3-espeak", "gmw/nl", 175, "Adem.") == path
    assert not tmp_path.joinpath("voices.json").exists()
    assert cache.load_voices() is None


def test_speech_length_is_real_where_spoken_else_the_fallback(tmp_path: Path) -> None:
    prepared = PreparedSpeech({("Hello.", "en"): SpokenClip(tmp_path / "a.wav", 0.75)})
    length = prepared.speech_length(lambda text, language: 9.0)
    assert length("Hello.", "en") == 0.75
    assert length("Hello.", "nl") == 9.0
    assert prepared.path("Hello.", "en") == tmp_path / "a.wav"
    assert prepared.seconds("Goodbye.", "en") is None


# --- faults ------------------------------------------------------------------------


def test_a_hanging_worker_is_killed_restarted_and_the_rest_is_spoken(cache_dir: Path) -> None:
    workers = Workers(FaultySynthesizer)
    before, after = ("Before.", "en"), ("After.", "en")
    calls: list[tuple[int, int]] = []
    with service(cache_dir, workers) as speech:
        prepared = speech.prepare(
            [before, (HANG, "en"), after], progress=lambda *call: calls.append(call)
        )
        again = speech.prepare([(HANG, "en"), before])

    assert prepared.available
    assert prepared.failures == [(HANG, "en", "the speech engine did not finish within 1 s, twice")]
    assert prepared.path(HANG, "en") is None
    assert prepared.path(*before) is not None and prepared.path(*after) is not None
    assert workers.starts == 3  # the first, and one after each of the two hangs
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert leftovers(cache_dir) == []
    # Within one service, a phrase that failed is not tried again: no second wait.
    assert again.failures == prepared.failures
    assert again.path(*before) == prepared.path(*before)


def test_a_crashing_worker_is_restarted_and_the_rest_is_spoken(cache_dir: Path) -> None:
    workers = Workers(FaultySynthesizer)
    with service(cache_dir, workers) as speech:
        prepared = speech.prepare([(CRASH, "en"), ENGLISH])

    assert prepared.failures == [
        (CRASH, "en", "the speech engine stopped unexpectedly (exit code 3), twice")
    ]
    assert prepared.path(*ENGLISH) is not None
    assert workers.starts == 3


def test_a_phrase_is_tried_again_after_one_crash(cache_dir: Path, tmp_path: Path) -> None:
    workers = Workers(functools.partial(FaultySynthesizer, marker=str(tmp_path / "crashed")))
    with service(cache_dir, workers) as speech:
        prepared = speech.prepare([(CRASH_ONCE, "en")])
    assert prepared.failures == []
    assert prepared.path(CRASH_ONCE, "en") is not None
    assert workers.starts == 2


def test_a_worker_that_cannot_start_its_engine_turns_speech_off(cache_dir: Path) -> None:
    workers = Workers(functools.partial(FaultySynthesizer, fail_init=True))
    with service(cache_dir, workers) as speech:
        prepared = speech.prepare([ENGLISH, DUTCH])
        again = speech.prepare([ENGLISH])

    notice = (
        "Speech is off: the speech engine did not start (RuntimeError: no voices here). "
        "Practices show their words as text."
    )
    assert prepared == PreparedSpeech(available=False, notice=notice)
    assert again == prepared
    assert workers.starts == 1  # nobody waits twice for a missing engine
    estimate = estimate_speech()
    assert prepared.speech_length(estimate)(*ENGLISH) == estimate(*ENGLISH)


def test_a_worker_that_does_not_start_in_time_is_ended() -> None:
    synthesizer = functools.partial(FaultySynthesizer, hang_init=True)
    with SpeechWorker(TIMEOUT, synthesizer=synthesizer) as worker:
        with pytest.raises(SpeechUnavailable, match="did not start within 1 s"):
            worker.voices()
        with pytest.raises(SpeechUnavailable, match="did not start within 1 s"):
            worker.synthesize("Hello.", None, 175, Path("unused.wav"))
        assert worker.starts == 1


def test_a_bogus_driver_turns_speech_off(cache_dir: Path) -> None:
    workers = Workers(functools.partial(Pyttsx3Synthesizer, driver="no_such_driver"))
    with service(cache_dir, workers) as speech:
        prepared = speech.prepare([ENGLISH])
    assert not prepared.available
    assert prepared.notice is not None
    assert prepared.notice.startswith("Speech is off: the speech engine did not start (")
    assert prepared.path(*ENGLISH) is None and prepared.failures == []


def test_a_missing_engine_is_explained_in_plain_words() -> None:
    missing_library = RuntimeError(
        "This means you probably do not have eSpeak or eSpeak-ng installed!"
    )
    assert describe_engine_failure(missing_library) == (
        "the espeak-ng library is not installed (sudo apt install libespeak-ng1)"
    )
    missing_package = ModuleNotFoundError("No module named 'pyttsx3'", name="pyttsx3")
    assert describe_engine_failure(missing_package) == "the pyttsx3 package is not installed"
    assert str(SpeechUnavailable("the pyttsx3 package is not installed")) == (
        "Speech is off: the pyttsx3 package is not installed. Practices show their words as text."
    )


def test_the_worker_used_directly(tmp_path: Path) -> None:
    target = tmp_path / "hello.wav"
    with SpeechWorker(5.0, start_timeout=START_TIMEOUT) as worker:
        assert worker.starts == 0  # started when first needed
        worker.synthesize("Hello there.", None, 175, target)
        assert worker.engine == "pyttsx3-espeak"
        with pytest.raises(SpeechFailed, match="EE_INTERNAL_ERROR"):
            worker.synthesize("Hello there.", "no/such-voice", 175, tmp_path / "no.wav")
        worker.synthesize("Hello again.", "gmw/en", 175, tmp_path / "again.wav")
        assert worker.starts == 1  # an engine error is not a crash
    assert rms(target) > 0.02
    assert sorted(p.name for p in tmp_path.iterdir()) == ["again.wav", "hello.wav"]
    worker.close()  # closing twice is fine
    with pytest.raises(SpeechUnavailable, match="closed"):
        worker.synthesize("Hello.", None, 175, target)
