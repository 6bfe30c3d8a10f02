"""Settings are read forgivingly, field by field, and written atomically and privately."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest

from desktop_app.storage.paths import default_paths
from desktop_app.storage.settings import MAX_BYTES, VERSION, Settings, SettingsStore

CUSTOM = Settings(
    theme="dark",
    narration=False,
    voices={"en": "gmw/en-GB-x-rp", "nl": "gmw/nl"},
    speech_rate=0.75,
    volume_voice=0.6,
    volume_cues=0.0,
    volume_background=1.0,
    reduced_motion=True,
    text_zoom=1.5,
    window_geometry="AdnQywADAAAAAAA=",
    last_screen="journal",
    streaks=True,
    language="nl",
    authoring=True,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def write_json(path: Path, data: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "settings.json")


# --- round trip and defaults -----------------------------------------------------------


def test_a_missing_file_gives_the_defaults_without_a_notice(path: Path) -> None:
    assert SettingsStore(path).load() == (Settings(), None)
    assert not path.parent.exists()  # loading creates nothing


def test_settings_survive_a_round_trip(path: Path) -> None:
    store = SettingsStore(path)
    store.save(CUSTOM)
    assert store.load() == (CUSTOM, None)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == VERSION
    assert data["voices"] == {"en": "gmw/en-GB-x-rp", "nl": "gmw/nl"}
    assert data["reduced_motion"] is True


def test_the_defaults_and_follow_the_system_survive_a_round_trip(path: Path) -> None:
    store = SettingsStore(path)
    store.save(Settings())
    assert store.load() == (Settings(), None)
    assert json.loads(path.read_text(encoding="utf-8"))["reduced_motion"] is None


def test_the_settings_path_lives_in_the_config_folder(_private_home: Path) -> None:
    assert default_paths().settings == _private_home / "config" / "settings.json"


def test_settings_are_immutable_and_hashable() -> None:
    voices = {"en": "a"}
    settings = Settings(voices=voices)
    voices["nl"] = "b"  # the caller's dict is copied
    assert dict(settings.voices) == {"en": "a"}
    with pytest.raises(TypeError):
        settings.voices["nl"] = "b"  # type: ignore[index]
    assert hash(settings) == hash(Settings(voices={"en": "a"}))
    assert settings == Settings(voices={"en": "a"}) != Settings()


def test_missing_fields_take_their_defaults_and_unknown_keys_are_ignored(path: Path) -> None:
    write_json(path, {"version": 1, "theme": "light", "sparkles": True, "volume": {"x": 1}})
    assert SettingsStore(path).load() == (Settings(theme="light"), None)


def test_whole_numbers_are_read_as_numbers(path: Path) -> None:
    write_json(path, {"speech_rate": 2, "volume_cues": 0, "text_zoom": 1})
    settings, notice = SettingsStore(path).load()
    assert notice is None
    assert (settings.speech_rate, settings.volume_cues, settings.text_zoom) == (2.0, 0.0, 1.0)
    assert isinstance(settings.volume_cues, float)


def test_the_ends_of_each_range_are_allowed(path: Path) -> None:
    write_json(path, {"speech_rate": 0.5, "text_zoom": 0.75, "volume_voice": 0.0})
    assert SettingsStore(path).load() == (
        Settings(speech_rate=0.5, text_zoom=0.75, volume_voice=0.0),
        None,
    )
    write_json(path, {"speech_rate": 2.0, "text_zoom": 2.0, "volume_cues": 1.0})
    assert SettingsStore(path).load() == (
        Settings(speech_rate=2.0, text_zoom=2.0, volume_cues=1.0),
        None,
    )


# --- forgiving per field ---------------------------------------------------------------

BAD_VALUES: list[tuple[str, Any, str]] = [
    ("theme", "purple", "theme"),
    ("theme", 1, "theme"),
    ("theme", None, "theme"),
    ("narration", "yes", "narration"),
    ("narration", 1, "narration"),
    ("voices", ["en", "x"], "voices"),
    ("voices", "gmw/en", "voices"),
    ("speech_rate", 0.49, "speaking pace"),
    ("speech_rate", 2.01, "speaking pace"),
    ("speech_rate", "1.0", "speaking pace"),
    ("speech_rate", True, "speaking pace"),
    ("speech_rate", float("nan"), "speaking pace"),
    ("speech_rate", float("inf"), "speaking pace"),
    ("volume_voice", -0.1, "voice volume"),
    ("volume_voice", 1.5, "voice volume"),
    ("volume_cues", None, "volume of bells and tones"),
    ("volume_cues", 80, "volume of bells and tones"),
    ("volume_background", [0.5], "background volume"),
    ("volume_background", 1e400, "background volume"),
    ("reduced_motion", "system", "reduced motion"),
    ("reduced_motion", 0, "reduced motion"),
    ("text_zoom", 0.5, "text size"),
    ("text_zoom", 3, "text size"),
    ("text_zoom", False, "text size"),
    ("window_geometry", 12, "window size and position"),
    ("window_geometry", "A" * 100_000, "window size and position"),
    ("last_screen", "player", "last screen"),
    ("last_screen", ["today"], "last screen"),
    ("streaks", "yes", "streaks"),
    ("streaks", 1, "streaks"),
    ("language", "fr", "language"),
    ("language", None, "language"),
    ("authoring", "on", "tools for writing practices"),
]


@pytest.mark.parametrize(("name", "value", "said"), BAD_VALUES)
def test_a_bad_value_falls_back_to_its_default_and_is_named_once(
    path: Path, name: str, value: Any, said: str
) -> None:
    good = {"theme": "dark", "narration": False, "speech_rate": 1.25, "last_screen": "today"}
    good.pop(name, None)
    write_json(path, {"version": 1, **good, name: value})
    settings, notice = SettingsStore(path).load()
    expected = Settings(**good)  # type: ignore[arg-type]
    assert settings == expected
    assert notice == (
        "Some of your settings could not be read, so Attune uses the default for: " + said + "."
    )
    assert notice.count(said) == 1
    assert path.exists() and leftovers(path.parent) == []  # a good-enough file is not moved


def test_every_field_has_a_bad_value_tested() -> None:
    assert {name for name, _, _ in BAD_VALUES} == set(Settings.__dataclass_fields__)


def test_several_bad_fields_share_one_plain_notice(path: Path) -> None:
    write_json(path, {"theme": 3, "text_zoom": 9, "volume_voice": -1, "narration": False})
    settings, notice = SettingsStore(path).load()
    assert settings == Settings(narration=False)
    assert notice == (
        "Some of your settings could not be read, so Attune uses the default for: "
        "theme, voice volume, text size."
    )


def test_usable_voices_are_kept_when_others_are_not(path: Path) -> None:
    write_json(path, {"voices": {"en": "gmw/en", "nl": 5, "": "x", "de": "  "}})
    settings, notice = SettingsStore(path).load()
    assert dict(settings.voices) == {"en": "gmw/en"}
    assert notice is not None and notice.endswith("the default for: voices.")


def test_a_file_from_a_newer_version_is_read_as_far_as_possible(path: Path) -> None:
    write_json(
        path,
        {"version": 7, "theme": "dark", "speech_rate": 1.5, "mood_colours": ["teal"]},
    )
    before = path.read_bytes()
    store = SettingsStore(path)
    assert store.load() == (Settings(theme="dark", speech_rate=1.5), None)
    assert store.newer_file and store.loaded_version == 7
    assert path.read_bytes() == before  # loading never writes
    store.save(Settings(theme="light"))  # the person changed something
    assert not store.newer_file
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == VERSION


@pytest.mark.parametrize("version", [None, "1", 1.0, True, -3])
def test_an_odd_version_is_read_as_ours(path: Path, version: Any) -> None:
    write_json(path, {"version": version, "theme": "light"})
    store = SettingsStore(path)
    assert store.load() == (Settings(theme="light"), None)
    assert not store.newer_file


# --- files that cannot be read at all ---------------------------------------------------

BROKEN_FILES: list[tuple[str, bytes, str]] = [
    ("not JSON", b'{"theme": "dark",', "it is not valid JSON at line 1, column 18"),
    ("empty", b"", "it is empty"),
    ("blank", b"  \n\t\n", "it is empty"),
    ("binary", bytes(range(256)) * 4, "it is not text"),
    ("latin-1", '{"theme": "café"}'.encode("latin-1"), "it is not text"),
    ("a list", b'["theme", "dark"]', "it does not hold settings"),
    ("a string", b'"dark"', "it does not hold settings"),
    ("null", b"null", "it does not hold settings"),
    ("huge", b'{"x": "' + b"a" * (MAX_BYTES + 10) + b'"}', "it is far larger than"),
    ("deep", b"[" * 100_000 + b"]" * 100_000, "it is not valid JSON"),
    ("a huge integer", b'{"speech_rate": ' + b"9" * 5000 + b"}", "it is not valid JSON"),
]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(content, reason) for _, content, reason in BROKEN_FILES],
    ids=[what for what, _, _ in BROKEN_FILES],
)
def test_an_unreadable_file_gives_defaults_and_is_kept_aside(
    path: Path, content: bytes, reason: str
) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    store = SettingsStore(path)
    settings, notice = store.load()
    assert settings == Settings()
    assert notice is not None
    assert notice.startswith(f"Your settings file could not be read ({reason}")
    assert notice.endswith(
        "; Attune started with the default settings. "
        "The damaged file was kept as settings.json.broken."
    )
    broken = path.with_name("settings.json.broken")
    assert broken.read_bytes() == content and not path.exists()
    store.save(Settings(theme="dark"))  # the next save keeps the broken file
    assert broken.read_bytes() == content
    assert store.load() == (Settings(theme="dark"), None)


def test_a_utf8_file_with_a_byte_order_mark_is_read(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes('\ufeff{"theme": "dark"}'.encode())
    assert SettingsStore(path).load() == (Settings(theme="dark"), None)


def test_an_earlier_broken_file_is_never_replaced(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.with_name("settings.json.broken").write_bytes(b"first")
    path.write_bytes(b"second")
    _, notice = SettingsStore(path).load()
    assert notice is not None and notice.endswith("kept as settings.json.broken-2.")
    assert path.with_name("settings.json.broken").read_bytes() == b"first"
    assert path.with_name("settings.json.broken-2").read_bytes() == b"second"


def test_a_folder_in_place_of_the_file_is_moved_aside(path: Path) -> None:
    path.mkdir(parents=True)
    (path / "inside").write_text("kept")
    store = SettingsStore(path)
    settings, notice = store.load()
    assert settings == Settings() and notice is not None
    assert notice.startswith("Your settings file could not be read (it could not be opened: ")
    assert (path.with_name("settings.json.broken") / "inside").read_text() == "kept"
    store.save(CUSTOM)
    assert store.load() == (CUSTOM, None)


def refuse(monkeypatch: pytest.MonkeyPatch, method: str, target: Path) -> None:
    """Make `Path.<method>` on `target` fail as a file without permission would
    (patched, because tests may run as root, who may do anything)."""
    original = getattr(Path, method)

    def refused(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == target:
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, method, refused)


def test_a_file_without_read_permission_is_moved_aside(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_json(path, {"theme": "dark"})
    refuse(monkeypatch, "open", path)
    settings, notice = SettingsStore(path).load()
    assert settings == Settings()
    assert notice == (
        "Your settings file could not be read (it could not be opened: Permission denied); "
        "Attune started with the default settings. "
        "The damaged file was kept as settings.json.broken."
    )
    assert path.with_name("settings.json.broken").exists()


def test_a_broken_file_that_cannot_be_moved_is_not_saved_over(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not json")
    refuse(monkeypatch, "rename", path)
    store = SettingsStore(path)
    settings, notice = store.load()
    assert settings == Settings()
    assert notice == (
        "Your settings file could not be read (it is not valid JSON at line 1, column 1); "
        "Attune started with the default settings. "
        "The file was left where it is; Attune will not save over it."
    )
    with pytest.raises(PermissionError):
        store.save(CUSTOM)
    assert path.read_bytes() == b"not json" and leftovers(path.parent) == []
    monkeypatch.undo()
    store.save(CUSTOM)  # once it can be, the file is first moved aside
    assert path.with_name("settings.json.broken").read_bytes() == b"not json"
    assert store.load() == (CUSTOM, None)


def test_a_broken_file_that_vanished_is_not_looked_for_again(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not json")
    refuse(monkeypatch, "rename", path)
    store = SettingsStore(path)
    store.load()
    monkeypatch.undo()
    path.unlink()  # removed by the person meanwhile
    store.save(CUSTOM)
    assert store.load() == (CUSTOM, None) and leftovers(path.parent) == []


def test_loading_never_raises_on_a_file_that_vanishes(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_json(path, {"theme": "dark"})
    original = Path.open

    def vanish(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == path:
            raise FileNotFoundError(2, "No such file or directory")
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", vanish)
    assert SettingsStore(path).load() == (Settings(), None)


# --- atomic, private saving --------------------------------------------------------------


def test_saving_leaves_no_temporary_files(path: Path) -> None:
    store = SettingsStore(path)
    for zoom in (1.0, 1.25, 1.5):
        store.save(Settings(text_zoom=zoom))
    assert leftovers(path.parent) == []
    assert store.load()[0].text_zoom == 1.5
    assert path.read_text(encoding="utf-8").endswith("}\n")


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_save_leaves_the_old_file_intact(
    path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    store = SettingsStore(path)
    store.save(CUSTOM)
    before = path.read_bytes()

    def fail(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError, match="No space left"):
        store.save(Settings())
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert leftovers(path.parent) == []
    assert store.load() == (CUSTOM, None)


def test_a_failed_first_save_leaves_no_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: Any, **kwargs: Any) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        SettingsStore(path).save(CUSTOM)
    monkeypatch.undo()
    assert not path.exists() and leftovers(path.parent) == []


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_the_folder_and_file_are_private(path: Path) -> None:
    SettingsStore(path).save(CUSTOM)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")
def test_a_readable_old_file_becomes_private_when_saved(path: Path) -> None:
    path.parent.mkdir(mode=0o755, parents=True)
    write_json(path, {"theme": "dark"})
    path.chmod(0o644)
    SettingsStore(path).save(CUSTOM)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
