"""Sound made behind a practice that already plays.

A cold speech cache would keep a person waiting while every phrase of a long practice
is synthesized, and a noise background while it is made. `prepare_session(behind=True)`
speaks only the first seconds' phrases and hands the rest to a `SoundBehind`: a thread
that makes the background first (it fades in from where it joins), then speaks the
phrases in order of need and adds each to the mixer as soon as its samples are ready.

A phrase that comes when one of its places is already sounding, or about to, is left
out at that place, for this playing (its words show as text, as always): joined there
it would start mid-word. It is placed at every other place, later ones and any the
practice has passed (heard after a skip back).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from desktop_app.audio.mixer import Mixer, Placed, place_speech
from desktop_app.core.timeline import SpeechCue

if TYPE_CHECKING:
    from desktop_app.audio.bank import PracticeSounds
    from desktop_app.audio.speech import Phrase, SpeechService

logger = logging.getLogger(__name__)

#: A phrase whose place starts sounding sooner than this after it is ready is late:
#: the audio thread may already be past the place by the time it joins.
LATE_SECONDS: Final = 0.25


class SoundBehind:
    """Makes the background (when the mixer has none yet) and speaks `phrases` (in
    order of need), on a thread of its own, then closes `speech`. Each phrase joins
    `mixer` at every place of the timeline it is said."""

    def __init__(
        self,
        bank: PracticeSounds,
        mixer: Mixer,
        speech: SpeechService | None,
        phrases: Sequence[Phrase],
        narration_rate: float,
        narration: bool,
    ) -> None:
        self.phrases = tuple(phrases) if speech is not None else ()
        #: Phrases that came too late for one of their places (for tests and logs).
        self.late: list[Phrase] = []
        self._speech = speech
        self._rate = narration_rate
        self._bank = bank
        self._mixer = mixer
        self._narration = narration
        self._done = threading.Event()
        self._cancelled = threading.Event()
        self._thread = threading.Thread(target=self._run, name="attune-sound-behind", daemon=True)
        self._thread.start()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until every phrase is made (or failed), or the rest let go after
        `cancel`; False on timeout."""
        return self._done.wait(timeout)

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Make nothing more: nobody will play this sound. What is in hand is finished
        (a phrase, or a background), then the worker is closed."""
        self._cancelled.set()

    def _run(self) -> None:
        try:
            if self._mixer.loop is None and not self._cancelled.is_set():
                loop = self._bank.background(apart=True)
                self._mixer.join_background(loop, round(LATE_SECONDS * self._mixer.rate))
            self._speak()
        except Exception:  # the practice plays on, without what could not be made
            logger.exception("Making the sound of a playing practice failed")
        finally:
            if self._speech is not None:
                self._speech.close()
            self._done.set()

    def _speak(self) -> None:
        if self._speech is None:
            return
        for phrase in self.phrases:
            if self._cancelled.is_set():
                return
            prepared = self._speech.prepare([phrase], self._rate)
            bank = self._bank
            bank.prepared = prepared if bank.prepared is None else bank.prepared.joined(prepared)
            if not prepared.available:
                logger.warning("Speech stopped while a practice played: %s", prepared.notice)
                return
            self._join(phrase)

    def _join(self, phrase: Phrase) -> None:
        text, language = phrase
        samples = self._bank.speech(text, language)
        if samples is None:
            return
        mixer = self._mixer
        rate = mixer.rate
        placed: list[Placed] = []
        for cue in mixer.timeline.sounds:
            if not isinstance(cue, SpeechCue) or (cue.text, cue.language) != phrase:
                continue
            if not (self._narration or cue.channel == "cue"):
                continue
            sound = place_speech(cue, samples, rate)
            if sound is None:
                continue
            heard = mixer.rendered_to
            if sound.start < heard + round(LATE_SECONDS * rate) and sound.end > heard:
                self.late.append(phrase)
                continue
            placed.append(sound)
        mixer.add(placed)
