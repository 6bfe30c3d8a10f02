"""The person's settings: one small JSON file, read forgivingly and written atomically.

Reading never raises. An unknown key is ignored; a field with a wrong type or a value
out of range falls back to its default, and one plain notice names those fields. A
file that cannot be read at all (not JSON, not an object, far too large, unreadable,
not a regular file) gives the default settings, and is renamed aside as
`settings.json.broken` so that the next save cannot destroy it. A file read only in
part (a value of the wrong type or out of range, NaN or Infinity, a key written twice,
whose values then both count as wrong) is left in place, and its bytes as they were
are kept in a copy beside it, `settings.json.damaged-<date>` (`-2`, `-3`… on the same
day; an earlier copy is never replaced): at once when the window asks for it
(`keep_damaged_copy`, whose sentence joins the notice), and at the latest before a
save would replace them. Only regular files are opened: a FIFO in the settings' place
would hang the app. A file written by a newer Attune (`"version"` above
ours) is read as far as its fields are known; it is only written again when the
caller saves, which it does when the person changes a setting.

Writing goes through `private_files.write_private`: synced, then put in place in one
step, so a crash leaves the old file or the new one, never half of either. The folder
is private (0700) and the file is 0600.
"""

from __future__ import annotations

import contextlib
import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

from desktop_app.core.files import open_regular
from desktop_app.private_fs import write_new_private_file
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.private_files import write_private

if TYPE_CHECKING:
    import datetime as dt

ThemeName = Literal["system", "light", "dark"]
#: The language of Attune's own words; "system" follows the computer's.
LanguageChoice = Literal["system", "en", "nl"]
ScreenName = Literal["today", "library", "journal", "settings"]

#: The version this code writes. Files with a higher one are read as far as possible.
VERSION: Final = 1
#: A settings file is a few hundred bytes; anything this large is not one of ours.
MAX_BYTES: Final = 256 * 1024
#: Voices remembered per language, and the longest id or language kept.
MAX_VOICES: Final = 64
MAX_VOICE_TEXT: Final = 512
#: `window_geometry` is base64 of a few dozen bytes.
MAX_GEOMETRY: Final = 8192

SPEECH_RATE_RANGE: Final = (0.5, 2.0)
VOLUME_RANGE: Final = (0.0, 1.0)
TEXT_ZOOM_RANGE: Final = (0.75, 2.0)
THEMES: Final[tuple[str, ...]] = get_args(ThemeName)
SCREENS: Final[tuple[str, ...]] = get_args(ScreenName)
LANGUAGES: Final[tuple[str, ...]] = get_args(LanguageChoice)


@dataclass(frozen=True)
class Settings:
    theme: ThemeName = "system"
    #: Whether practices are read aloud, unless chosen otherwise before one begins.
    narration: bool = True
    #: Primary language ("en", "nl") -> voice id. Read-only once made.
    voices: Mapping[str, str] = field(default_factory=dict)
    #: 0.5–2.0, multiplies a practice's own rate.
    speech_rate: float = 1.0
    #: 0.0–1.0 each.
    volume_voice: float = 1.0
    volume_cues: float = 0.8
    volume_background: float = 0.5
    #: None: follow the system.
    reduced_motion: bool | None = None
    #: 0.75–2.0
    text_zoom: float = 1.0
    #: base64 of QWidget.saveGeometry(); opaque here.
    window_geometry: str = ""
    last_screen: ScreenName = "library"
    #: Days in a row, in Insights. Off unless switched on: many find counting stressful.
    streaks: bool = False
    language: LanguageChoice = "system"
    #: Write a practice, Make a plan, Make a pack: off until asked for, so the people
    #: practising see a quiet window; a therapist switches them on once.
    authoring: bool = False

    def __post_init__(self) -> None:
        # A frozen settings object should not change behind its holder's back.
        object.__setattr__(self, "voices", MappingProxyType(dict(self.voices)))

    def __hash__(self) -> int:
        values = tuple(
            tuple(sorted(self.voices.items())) if f.name == "voices" else getattr(self, f.name)
            for f in fields(self)
        )
        return hash(values)


class _Bad:
    """What a check returns for a value that cannot be used."""


_BAD: Final = _Bad()


def _number(low: float, high: float) -> Callable[[Any], Any]:
    def check(value: Any) -> Any:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return _BAD
        number = float(value)
        return number if math.isfinite(number) and low <= number <= high else _BAD

    return check


def _one_of(choices: tuple[str, ...]) -> Callable[[Any], Any]:
    return lambda value: value if isinstance(value, str) and value in choices else _BAD


def _boolean(value: Any) -> Any:
    return value if isinstance(value, bool) else _BAD


def _boolean_or_none(value: Any) -> Any:
    return value if value is None or isinstance(value, bool) else _BAD


def _geometry(value: Any) -> Any:
    return value if isinstance(value, str) and len(value) <= MAX_GEOMETRY else _BAD


def _voice_text(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_VOICE_TEXT and value.strip() != ""


_CHECKS: Final[dict[str, Callable[[Any], Any]]] = {
    "theme": _one_of(THEMES),
    "narration": _boolean,
    "speech_rate": _number(*SPEECH_RATE_RANGE),
    "volume_voice": _number(*VOLUME_RANGE),
    "volume_cues": _number(*VOLUME_RANGE),
    "volume_background": _number(*VOLUME_RANGE),
    "reduced_motion": _boolean_or_none,
    "text_zoom": _number(*TEXT_ZOOM_RANGE),
    "window_geometry": _geometry,
    "last_screen": _one_of(SCREENS),
    "streaks": _boolean,
    "language": _one_of(LANGUAGES),
    "authoring": _boolean,
}


#: How each field is named to the person in a notice.
FIELD_NAMES: Final[Mapping[str, str]] = {
    "theme": "theme",
    "narration": "narration",
    "voices": "voices",
    "speech_rate": "speaking pace",
    "volume_voice": "voice volume",
    "volume_cues": "volume of bells and tones",
    "volume_background": "background volume",
    "reduced_motion": "reduced motion",
    "text_zoom": "text size",
    "window_geometry": "window size and position",
    "last_screen": "last screen",
    "streaks": "streaks",
    "language": "language",
    "authoring": "tools for writing practices",
}


def settings_from_object(data: Mapping[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from a decoded JSON object, and the fields that fell back to defaults
    (in whole, or for voices in part: the usable entries are kept)."""
    values: dict[str, Any] = {}
    rejected: list[str] = []
    for name in (f.name for f in fields(Settings)):
        if name not in data:
            continue
        raw = data[name]
        if name == "voices":
            if not isinstance(raw, dict):
                rejected.append(name)
                continue
            kept = {k: v for k, v in raw.items() if _voice_text(k) and _voice_text(v)}
            values[name] = dict(list(kept.items())[:MAX_VOICES])
            if len(values[name]) != len(raw):
                rejected.append(name)
            continue
        value = _CHECKS[name](raw)
        if value is _BAD:
            rejected.append(name)
        else:
            values[name] = value
    return Settings(**values), rejected


def _written_twice(data: Mapping[str, Any]) -> list[str]:
    """The fields written twice (either value may be the one meant, so neither is
    used); a language written twice among the voices counts for all of them."""
    twice = set(getattr(data, "duplicates", ()))
    if getattr(data.get("voices"), "duplicates", None):
        twice.add("voices")
    return [f.name for f in fields(Settings) if f.name in twice]


def _without(settings: Settings, names: list[str]) -> Settings:
    """`settings` with the fields `names` at their defaults."""
    defaults = Settings()
    return replace(settings, **{name: getattr(defaults, name) for name in names})


def settings_to_object(settings: Settings) -> dict[str, Any]:
    """The JSON object written to the file."""
    data: dict[str, Any] = {"version": VERSION}
    for name in (f.name for f in fields(Settings)):
        value = getattr(settings, name)
        data[name] = dict(value) if name == "voices" else value
    return data


class _Object(dict[str, Any]):
    """A decoded JSON object that remembers the keys it had more than once."""

    duplicates: frozenset[str] = frozenset()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    made = _Object(pairs)
    if len(made) != len(pairs):
        seen: set[str] = set()
        twice: set[str] = set()
        for key, _ in pairs:
            (twice if key in seen else seen).add(key)
        made.duplicates = frozenset(twice)
    return made


class _Unreadable(Exception):
    """Why a settings file as a whole cannot be used."""


class SettingsStore:
    """Loads and saves the settings file at `path` (normally `AppPaths.settings`)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        #: The version of the file last loaded (None: no file, or one not readable).
        self.loaded_version: int | None = None
        # A file that could not be read, nor renamed aside: saving must not replace it.
        self._unmoved_broken = False
        # The bytes of a file read only in part, until a copy of them is kept.
        self._damaged: bytes | None = None

    @property
    def newer_file(self) -> bool:
        """Whether the file last loaded was written by a newer Attune. Saving replaces
        it with this version's fields, so save only when the person changes something."""
        return self.loaded_version is not None and self.loaded_version > VERSION

    def load(self) -> tuple[Settings, str | None]:
        """The settings, and a notice for the person when something was wrong.

        A missing file gives the defaults and no notice. Never raises.
        """
        self.loaded_version = None
        self._unmoved_broken = False
        self._damaged = None
        try:
            raw, data = self._read()
        except FileNotFoundError:
            return Settings(), None
        except _Unreadable as error:
            return Settings(), self._set_aside(str(error))
        except OSError as error:
            reason = f"it could not be opened: {error.strerror or error}"
            return Settings(), self._set_aside(reason)

        version = data.get("version")
        self.loaded_version = (
            version if isinstance(version, int) and not isinstance(version, bool) else VERSION
        )
        settings, rejected = settings_from_object(data)
        twice = _written_twice(data)
        settings = _without(settings, twice)
        rejected = [f.name for f in fields(Settings) if f.name in {*rejected, *twice}]
        if not rejected:
            return settings, None
        self._damaged = raw
        names = ", ".join(FIELD_NAMES[name] for name in rejected)
        return settings, (
            f"Some of your settings could not be read, so Attune uses the default for: {names}."
        )

    @property
    def damaged(self) -> bool:
        """Whether the file last loaded was read only in part, and no copy of it as it
        was has been kept yet."""
        return self._damaged is not None

    def keep_damaged_copy(self, today: dt.date | None = None) -> str | None:
        """Keep the bytes of a file read only in part beside it, and say so in a
        sentence for the notice; None when there is nothing to keep. When the copy
        cannot be made, the sentence says that saving will not replace the file."""
        if self._damaged is None:
            return None
        try:
            kept = self._keep_damaged(today)
        except OSError as error:
            return (
                "A copy of your settings file as it was could not be kept "
                f"({error.strerror or error}); Attune will not save over it."
            )
        return f"The file as it was is kept as {kept.name}."

    def _keep_damaged(self, today: dt.date | None = None) -> Path:
        """Write the damaged bytes to a new `settings.json.damaged-<date>[-N]`, 0600,
        never over an existing file."""
        damaged = self._damaged
        assert damaged is not None
        # The same damaged file met again at the next start is kept once, not each time.
        for earlier in sorted(self.path.parent.glob(f"{self.path.name}.damaged-*")):
            with contextlib.suppress(OSError):
                if earlier.is_file() and earlier.read_bytes() == damaged:
                    self._damaged = None
                    return earlier
        import datetime as dt  # here: the start before the first paint needs none of it

        day = (today or dt.date.today()).isoformat()
        for number in range(1, 1000):
            suffix = f".damaged-{day}" + ("" if number == 1 else f"-{number}")
            target = self.path.with_name(self.path.name + suffix)
            try:
                write_new_private_file(target, damaged)
            except FileExistsError:
                continue
            self._damaged = None
            return target
        raise OSError(f"there is no free name to keep {self.path.name} aside")

    def save(self, settings: Settings) -> None:
        """Write `settings` atomically. Raises OSError when that is not possible; the
        file already there is then left as it was. A file read only in part is kept
        in a copy first (OSError when that cannot be done)."""
        folder = self.path.parent
        ensure_private_dir(folder)
        if self._unmoved_broken:
            self._move_aside()  # raises OSError if it still cannot be moved
            self._unmoved_broken = False
        if self._damaged is not None:
            self._keep_damaged()
        text = json.dumps(
            settings_to_object(settings), indent=2, ensure_ascii=False, allow_nan=False
        )
        write_private(self.path, (text + "\n").encode("utf-8"))
        self.loaded_version = VERSION

    # --- reading ---------------------------------------------------------------------

    def _read(self) -> tuple[bytes, dict[str, Any]]:
        with open_regular(self.path) as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            raise _Unreadable("it is far larger than a settings file can be")
        if not raw.strip():
            raise _Unreadable("it is empty")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _Unreadable("it is not text") from None
        try:
            data = json.loads(text, object_pairs_hook=_object)
        except RecursionError:
            raise _Unreadable("it is not valid JSON: nested too deeply") from None
        except ValueError as error:  # json.JSONDecodeError, or an integer too long
            where = (
                f" at line {error.lineno}, column {error.colno}"
                if isinstance(error, json.JSONDecodeError)
                else ""
            )
            raise _Unreadable(f"it is not valid JSON{where}") from None
        if not isinstance(data, dict):
            raise _Unreadable("it does not hold settings")
        return raw, data

    def _set_aside(self, reason: str) -> str:
        start = (
            f"Your settings file could not be read ({reason}); "
            "Attune started with the default settings."
        )
        try:
            kept = self._move_aside()
        except OSError:
            self._unmoved_broken = True
            return f"{start} The file was left where it is; Attune will not save over it."
        if kept is None:
            return start
        return f"{start} The damaged file was kept as {kept.name}."

    def _move_aside(self) -> Path | None:
        """Rename the settings file to a free `.broken` name (None: it is gone)."""
        if not (self.path.exists() or self.path.is_symlink()):
            return None
        for number in range(1, 1000):
            suffix = ".broken" if number == 1 else f".broken-{number}"
            target = self.path.with_name(self.path.name + suffix)
            if not (target.exists() or target.is_symlink()):
                self.path.rename(target)
                return target
        raise OSError(f"there is no free name to keep {self.path.name} aside")
