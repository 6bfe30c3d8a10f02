"""The sound device: one PortAudio output stream whose callback pulls from a LivePlayer.

Anything that can go wrong here (PortAudio missing, no device, a device lost in the
middle) ends in silence and one plain notice, never in a crash: the practice goes on
with its words and pacer.

While a practice is paused the stream rests: once the player has faded out, the
callback stops the stream (after the blocks already given have played), and the next
sounding transport starts it again; the player fades in from silence.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:  # the player (and numpy) load with the first practice, not at start-up
    from desktop_app.audio.live import LivePlayer

logger = logging.getLogger(__name__)

NO_SOUND: Final = "Sound is off: {reason}. The practice goes on silently."


class SoundOutput:
    """Plays a LivePlayer on the default output device. `notice` says, once, why
    there is no sound (None while all is well)."""

    def __init__(self, on_notice: Callable[[str], None] | None = None) -> None:
        self.notice: str | None = None
        self._on_notice = on_notice
        self._stream: Any = None
        self._player: LivePlayer | None = None
        #: The stream was stopped by its own callback because the player rests.
        self._resting = False
        self._lock = threading.Lock()  # start/stop/wake only; never taken in the callback

    @staticmethod
    def device_rate(default: int = 48_000) -> int:
        """The default device's own rate, so PortAudio need not convert."""
        try:
            import sounddevice

            info = sounddevice.query_devices(kind="output")
            return int(info["default_samplerate"]) or default
        except Exception:  # any failure here only means "use the default"
            return default

    def start(self, player: LivePlayer) -> bool:
        """Start playing; False (with `notice` set) when there is no sound to be had."""
        with self._lock:
            self._close()
            self._player = player
            self._resting = False
            try:
                import sounddevice

                self._stream = sounddevice.OutputStream(
                    samplerate=player.rate,
                    channels=2,
                    dtype="float32",
                    latency="low",
                    callback=self._callback,
                    finished_callback=self._finished,
                )
                self._stream.start()
            except OSError as error:  # PortAudio's library is missing
                logger.warning("The sound library could not be loaded", exc_info=True)
                return self._silent(f"the sound library could not be loaded ({error})")
            except Exception as error:  # sounddevice.PortAudioError and kin
                logger.warning("The sound device could not be opened", exc_info=True)
                return self._silent(_reason(error))
            return True

    def stop(self) -> None:
        with self._lock:
            self._close()

    @property
    def resting(self) -> bool:
        """The stream is stopped while the practice is paused."""
        return self._resting

    def _wake(self) -> None:
        """Start the resting stream again (the GUI thread, on a sounding transport)."""
        with self._lock:
            player, stream = self._player, self._stream
            if not self._resting or player is None or stream is None:
                return
            player.waker = None
            try:
                stream.stop()  # returns once the last blocks have played
                self._resting = False
                stream.start()
            except Exception as error:  # sounddevice.PortAudioError and kin
                logger.warning("The sound device could not start again", exc_info=True)
                self._close()
                self._silent(_reason(error))

    def _callback(self, outdata: Any, frames: int, time: Any, status: Any) -> None:
        del frames, status  # an underrun is repaired by the player's cursor check
        player = self._player
        if player is None:
            outdata.fill(0.0)
            return
        latency = max(0.0, float(time.outputBufferDacTime - time.currentTime))
        try:
            player.fill(outdata, latency)
        except Exception as error:  # never let a bug kill the audio thread
            logger.exception("Playback failed on the audio thread")
            outdata.fill(0.0)
            self._player = None
            self._say(NO_SOUND.format(reason=f"playback failed ({error})"))
            return
        if player.resting:
            self._resting = True
            player.waker = self._wake
            if player.resting:  # else a sounding transport came meanwhile: play on
                import sounddevice

                raise sounddevice.CallbackStop  # this block and those before still play
            player.waker = None
            self._resting = False

    def _finished(self) -> None:
        """PortAudio ended the stream: after stop(), or because the device went away."""
        if self._stream is not None and self._player is not None and not self._resting:
            logger.warning("The sound device stopped while playing")
            self._say(NO_SOUND.format(reason="the sound device stopped"))

    def _close(self) -> None:
        if self._player is not None:
            self._player.waker = None
        stream, self._stream, self._player = self._stream, None, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception:  # closing a lost device may fail; nothing more to do
                pass

    def _silent(self, reason: str) -> bool:
        self._stream = None
        self._player = None
        self._say(NO_SOUND.format(reason=reason))
        return False

    def _say(self, notice: str) -> None:
        if self.notice is None:  # one clear notice, not one per block
            self.notice = notice
            if self._on_notice is not None:
                self._on_notice(notice)


def _reason(error: Exception) -> str:
    text = str(error).strip()
    if "no default output device" in text.lower() or "error querying device -1" in text.lower():
        return "no sound device was found"
    return f"the sound device could not be opened ({text or type(error).__name__})"
