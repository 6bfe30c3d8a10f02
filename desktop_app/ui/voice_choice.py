"""The voices Settings offers for a language: which installed voices speak it, and a
combo box filled with them. Its words belong to Settings, so they are translated in
its context ("SettingsView")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox

from desktop_app.ui.settings_form import select

#: (voice id, name, languages), as the speech service lists them.
VoiceEntry = tuple[str, str, tuple[str, ...]]

#: The data of the "Automatic" voice item.
AUTOMATIC: Final = ""


def speaks(voice: VoiceEntry, language: str) -> bool:
    """Whether a voice is for `language` (a primary subtag: "en"), by its language tags
    (`en-GB`, `en_US`) or, for espeak, the last part of its id (`gmw/nl`)."""
    voice_id, _, languages = voice
    tags = [*languages, voice_id.rsplit("/", 1)[-1]]
    return any(tag.strip().replace("_", "-").lower().split("-")[0] == language for tag in tags)


def fill_voices(combo: QComboBox, voices: Sequence[VoiceEntry], language: str, chosen: str) -> None:
    """Automatic, then the voices for `language` (or every voice, under "Other
    voices", when none is for it), and a chosen voice that is not installed; with
    `chosen` selected. The "Other voices" header holds None."""
    combo.clear()
    combo.addItem(QCoreApplication.translate("SettingsView", "Automatic"), AUTOMATIC)
    matching = [v for v in voices if speaks(v, language)]
    if matching:
        for voice_id, name, _ in sorted(matching, key=lambda v: v[1].casefold()):
            combo.addItem(name, voice_id)
    elif voices:
        combo.insertSeparator(combo.count())
        combo.addItem(QCoreApplication.translate("SettingsView", "Other voices"), None)
        model = combo.model()
        if isinstance(model, QStandardItemModel):
            header = model.item(combo.count() - 1)
            header.setEnabled(False)
        for voice_id, name, _ in sorted(voices, key=lambda v: v[1].casefold()):
            combo.addItem(name, voice_id)
    if chosen != AUTOMATIC and combo.findData(chosen) < 0:
        combo.addItem(
            QCoreApplication.translate("SettingsView", "%1 (not found)").replace("%1", chosen),
            chosen,
        )
    select(combo, chosen)
