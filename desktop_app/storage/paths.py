"""Where Attune keeps things. Computed once at start-up and passed in; nothing here
runs at import time, so tests can hand in a temporary folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

import desktop_app
from desktop_app.private_fs import make_private_dir

APP_NAME = "Attune"
#: Set to a folder to keep all of Attune's data, settings and cache there
#: (a portable install, or a test).
HOME_VARIABLE = "ATTUNE_HOME"


@dataclass(frozen=True)
class AppPaths:
    data: Path
    config: Path
    cache: Path
    #: Where the log is kept (`logs`); left out, beside the other three folders.
    log_folder: Path | None = None

    @property
    def practices(self) -> Path:
        """The user's own practice files."""
        return self.data / "practices"

    @property
    def packs(self) -> Path:
        """Imported packs, one folder each: packs/<pack-id>/."""
        return self.data / "packs"

    @property
    def plans(self) -> Path:
        return self.data / "plans"

    @property
    def journal(self) -> Path:
        return self.data / "journal.sqlite3"

    @property
    def journal_backups(self) -> Path:
        """One copy of the journal a day, the last seven kept."""
        return self.data / "backups"

    @property
    def settings(self) -> Path:
        return self.config / "settings.json"

    @property
    def load_cache(self) -> Path:
        return self.cache / "library-cache.pickle"

    @property
    def speech_cache(self) -> Path:
        return self.cache / "speech"

    @property
    def sound_cache(self) -> Path:
        """Samples made ready to play: speech at the output rate, background loops."""
        return self.cache / "sounds"

    @property
    def logs(self) -> Path:
        """Attune's log, attune.log and its older parts (storage/logs.py): platformdirs'
        user log folder, or `<ATTUNE_HOME>/logs`."""
        return self.log_folder if self.log_folder is not None else self.cache.parent / "logs"


def default_paths(environ: dict[str, str] | None = None) -> AppPaths:
    env = os.environ if environ is None else environ
    home = env.get(HOME_VARIABLE)
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "data", root / "config", root / "cache", root / "logs")
    return AppPaths(
        platformdirs.user_data_path(APP_NAME, appauthor=False),
        platformdirs.user_config_path(APP_NAME, appauthor=False),
        platformdirs.user_cache_path(APP_NAME, appauthor=False),
        platformdirs.user_log_path(APP_NAME, appauthor=False),
    )


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and the parents it lacks) readable by the user only, whatever the
    umask; personal data lives here. Every folder of Attune's is made this way (the
    rule is `private_fs.make_private_dir`, which `audio` uses too)."""
    return make_private_dir(path)


def builtin_dir(name: str) -> Path:
    """A folder shipped with Attune (`practices`, `assets`, `templates`): inside the installed
    package when built as a wheel, else at the top of the source tree."""
    package = Path(desktop_app.__file__).resolve().parent
    installed = package / "_builtin" / name
    return installed if installed.is_dir() else package.parent / name
