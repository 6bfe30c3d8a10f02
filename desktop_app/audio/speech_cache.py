"""The speech cache: spoken phrases as WAV files by the hash of what was said, and the
voice list last seen. Light to import (no numpy, no sound): the window reads the voice
list at start-up from here."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from desktop_app.audio.speech_worker import VoiceInfo
from desktop_app.core.files import read_regular
from desktop_app.private_fs import make_private_dir, write_private_file


@dataclass(frozen=True)
class VoiceList:
    """An engine's name and voices, kept on disk so that a warm cache needs no worker."""

    engine: str
    voices: tuple[VoiceInfo, ...]


class SpeechCache:
    """Spoken phrases as `<folder>/<hash>.wav`, the hash over (engine, voice id, words
    per minute, text); the folder is readable by the user only."""

    VOICES_FILE: Final = "voices.json"

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path_for(self, engine: str, voice: str | None, words_per_minute: int, text: str) -> Path:
        key = json.dumps([engine, voice or "", words_per_minute, text], ensure_ascii=False)
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.folder / f"{digest}.wav"

    def lookup(
        self, engine: str, voice: str | None, words_per_minute: int, text: str
    ) -> Path | None:
        path = self.path_for(engine, voice, words_per_minute, text)
        return path if path.is_file() else None

    def ensure_folder(self) -> Path:
        return make_private_dir(self.folder)

    def load_voices(self) -> VoiceList | None:
        """The voice list last saved; None when there is none or it is unreadable."""
        try:
            data = json.loads(read_regular(self.folder / self.VOICES_FILE).decode("utf-8"))
            return VoiceList(
                str(data["engine"]),
                tuple(
                    VoiceInfo(str(v["id"]), str(v["name"]), tuple(map(str, v["languages"])))
                    for v in data["voices"]
                ),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save_voices(self, voices: VoiceList) -> None:
        data = {
            "engine": voices.engine,
            "voices": [
                {"id": v.id, "name": v.name, "languages": list(v.languages)} for v in voices.voices
            ],
        }
        target = self.ensure_folder() / self.VOICES_FILE
        write_private_file(target, json.dumps(data, ensure_ascii=False).encode("utf-8"))
