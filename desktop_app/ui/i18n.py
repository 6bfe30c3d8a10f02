"""Attune's own words in the person's language: English as written in the code, Dutch
from `assets/translations/attune_nl.qm` (made by `scripts/translations`), with Qt's own
words (the buttons of standard dialogs) from the translations that come with Qt."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop_app.storage.paths import builtin_dir

#: The languages Attune speaks; the first is the one written in the code.
UI_LANGUAGES: Final = ("en", "nl")
#: Each language in its own words, so anyone finds theirs whatever is shown now.
LANGUAGE_NAMES: Final = {"en": "English", "nl": "Nederlands"}
_current = UI_LANGUAGES[0]


def current_language() -> str:
    """The language Attune's own words are shown in now (feeling words too)."""
    return _current


def catalogue(language: str) -> str:
    """The compiled translations for `language` (a .qm file)."""
    return str(builtin_dir("assets") / "translations" / f"attune_{language}.qm")


def system_language() -> str:
    """The first of the computer's preferred languages that Attune speaks, else English."""
    for tag in QLocale.system().uiLanguages():
        primary = tag.replace("_", "-").split("-")[0].lower()
        if primary in UI_LANGUAGES:
            return primary
    return UI_LANGUAGES[0]


def ui_language(choice: str) -> str:
    """The language for a setting of "system", "en" or "nl"."""
    return system_language() if choice == "system" else choice


class Translations:
    """The translators installed for one language, swapped as a whole."""

    def __init__(self) -> None:
        self.language = UI_LANGUAGES[0]
        self._installed: list[QTranslator] = []

    def install(self, language: str) -> bool:
        """Use `language` from now on; False when its catalogue could not be read (the
        words then stay in English)."""
        global _current
        app = QCoreApplication.instance()
        _current = self.language = UI_LANGUAGES[0]
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        if language == UI_LANGUAGES[0] or app is None:
            return True
        ours = QTranslator()
        if not ours.load(catalogue(language)):
            return False
        qt = QTranslator()
        if qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._installed.append(qt)
        self._installed.append(ours)
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)
        _current = self.language = language
        return True
