"""What the window needs from the outside world, handed in by the composition root
(`app.py`); tests hand in their own clock and sound sink."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.core.clock import Clock
from desktop_app.storage.paths import AppPaths
from desktop_app.storage.settings import SettingsStore

if TYPE_CHECKING:
    from desktop_app.core.library import Library
    from desktop_app.session.run import SoundSink


@dataclass
class Services:
    """What the window needs from the outside world."""

    paths: AppPaths
    settings_store: SettingsStore
    scan: Callable[[], Library]
    sink: SoundSink
    clock: Clock
    #: The output rate; asked when sound is first prepared (it starts PortAudio).
    device_rate: Callable[[], int]
    #: Whether the system asks for less motion; asked when a practice opens.
    system_reduces_motion: Callable[[], bool] = lambda: False
    #: (voice id, name, languages) of the installed voices, for Settings and Before;
    #: read when first needed.
    load_voices: Callable[[], tuple[tuple[str, str, tuple[str, ...]], ...]] = tuple
    #: Finishes or undoes what a crash left half done; run just after the first paint,
    #: before the library, plans or journal are read (app.settle).
    settle: Callable[[], object] = lambda: None
