"""Attune's own words in the person's language: English as written in the code, Dutch
from `assets/translations/attune_nl.qm` (made by `scripts/translations`), with Qt's own
words (the buttons of standard dialogs) from the translations that come with Qt.

Counts are said once in the code, `tr("%n minutes", "", n)`, and each catalogue has
their forms; English too, as the code's text is the plural form only: `attune_en.qm`
holds just the counts ("1 minute", "2 minutes") and is installed whatever the language,
under the other catalogues."""

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
        words then stay in English), or English's own (counts then read "1 minutes")."""
        global _current
        _current = self.language = UI_LANGUAGES[0]
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        if QCoreApplication.instance() is None:
            return True
        english = _loaded(catalogue(UI_LANGUAGES[0]))
        layers = [english]
        ours = None
        if language != UI_LANGUAGES[0]:
            ours = _loaded(catalogue(language))
            if ours is not None:
                qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
                layers += [_loaded(f"qtbase_{language}", qt_folder), ours]
                _current = self.language = language
        # Qt asks the translator installed last first: ours, then Qt's, then the counts.
        self._installed = [translator for translator in layers if translator is not None]
        for translator in self._installed:
            QCoreApplication.installTranslator(translator)
        return english is not None and (ours is not None or language == UI_LANGUAGES[0])


def _loaded(name: str, folder: str = "") -> QTranslator | None:
    """The catalogue `name` (in `folder`), or None when it could not be read."""
    translator = QTranslator()
    return translator if translator.load(name, folder) else None
