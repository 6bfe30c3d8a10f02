"""Attune in Dutch: every word of the interface is in the catalogue, translated with its
placeholders, counts in both their Dutch forms and English's own, the compiled
catalogues are the ones the sources make, and the language can be changed in Settings
while Attune runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from pytestqt.qtbot import QtBot

from desktop_app.ui.i18n import Translations, catalogue, ui_language
from desktop_app.ui.main_window import MainWindow
from tests.ui.test_main_window import make_window

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations as script  # noqa: E402

SOURCE = ROOT / "translations" / "attune_nl.ts"
ENGLISH = ROOT / "translations" / "attune_en.ts"
PLACEHOLDER = re.compile(r"%\d")
#: Dutch says a count in two forms, as English does: one, and any other number.
FORMS = 2


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    translation: ET.Element

    @property
    def counted(self) -> bool:
        """A count, `tr("%n minutes", "", n)`, with a form for each kind of number."""
        return self.translation.find("numerusform") is not None

    @property
    def forms(self) -> list[str]:
        """The translation, or its forms for a count."""
        if self.counted:
            return [form.text or "" for form in self.translation.iter("numerusform")]
        return [self.translation.text or ""]


def messages(ts: Path) -> list[Message]:
    """Every message in a catalogue."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append(Message(name, message.findtext("source") or "", translation))
    return found


def freshly_updated(ts: Path, folder: Path) -> Path:
    """`ts` as lupdate makes it from the code now, keeping what is translated."""
    copy = folder / ts.name
    shutil.copyfile(ts, copy)
    script.update(copy)
    return copy


def untranslated(ts: Path) -> list[str]:
    return [
        f"{m.context}: {m.source!r}"
        for m in messages(ts)
        if m.translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not all(form.strip() for form in m.forms)
    ]


def test_every_string_of_the_interface_is_translated_into_dutch(tmp_path: Path) -> None:
    fresh = freshly_updated(SOURCE, tmp_path)
    assert untranslated(fresh) == []
    assert fresh.read_bytes() == SOURCE.read_bytes(), "run scripts/translations.py"


def test_every_count_has_its_english_forms_and_nothing_else(tmp_path: Path) -> None:
    fresh = freshly_updated(ENGLISH, tmp_path)
    assert untranslated(fresh) == []
    assert fresh.read_bytes() == ENGLISH.read_bytes(), "run scripts/translations.py"
    english = messages(ENGLISH)
    assert english and all(m.counted for m in english)
    counts = {(m.context, m.source) for m in messages(SOURCE) if m.counted}
    assert {(m.context, m.source) for m in english} == counts


def test_every_count_has_both_dutch_forms_and_the_last_says_the_number() -> None:
    counts = [m for m in messages(SOURCE) if m.counted]
    assert counts, "the code says its counts with tr(source, '', n)"
    wrong = [
        f"{m.context}: {m.source!r} → {m.forms}"
        for m in [*counts, *messages(ENGLISH)]
        if len(m.forms) != FORMS or "%n" not in m.forms[-1] or "%n" not in m.source
    ]
    assert wrong == []


def test_translations_keep_their_placeholders_and_one_accelerator() -> None:
    wrong = []
    for m in [*messages(SOURCE), *messages(ENGLISH)]:
        for text in m.forms:
            if sorted(PLACEHOLDER.findall(m.source)) != sorted(PLACEHOLDER.findall(text)):
                wrong.append(f"{m.context}: {m.source!r} → {text!r} (placeholders)")
            if m.source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
                wrong.append(f"{m.context}: {m.source!r} → {text!r} (accelerator)")
    assert wrong == []


@pytest.mark.parametrize("language", script.LANGUAGES)
def test_the_compiled_catalogue_is_the_one_the_source_makes(tmp_path: Path, language: str) -> None:
    """Message by message, and a count for one and for two (another lrelease may order
    the bytes differently)."""
    source = script.source_file(language)
    made = tmp_path / f"attune_{language}.qm"
    script.compile_to(source, made)
    fresh, shipped = QTranslator(), QTranslator()
    assert fresh.load(str(made)) and shipped.load(catalogue(language))
    differ = [
        (m.source, n)
        for m in messages(source)
        for n in ((1, 2) if m.counted else (-1,))
        if fresh.translate(m.context, m.source, None, n)
        != shipped.translate(m.context, m.source, None, n)
    ]
    assert differ == []


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [("en", "1 minute", "2 minutes"), ("nl", "1 minuut", "2 minuten")],
)
def test_counts_are_said_in_their_form_through_the_real_catalogues(
    language: str, one: str, two: str
) -> None:
    translations = Translations()
    try:
        assert translations.install(language)
        said = [QCoreApplication.translate("InsightsView", "%n minutes", "", n) for n in (1, 2)]
    finally:
        translations.install("en")
    assert said == [one, two]


def test_the_language_follows_the_setting_and_the_system() -> None:
    assert ui_language("nl") == "nl"
    assert ui_language("en") == "en"
    assert ui_language("system") in ("en", "nl")


def test_the_language_can_be_changed_in_settings_while_attune_runs(qtbot: QtBot) -> None:
    window: MainWindow = make_window(qtbot)
    assert window.nav.buttons["today"].text() == "Today"
    window.notice.show_notice("Your settings could not be saved (disk full).")  # a problem stays
    try:
        window.preferences.change(replace(window.state.settings, language="nl"))
        assert window.notice.text() == "Your settings could not be saved (disk full)."
        assert window.state.language == "nl"
        assert window.nav.buttons["today"].text() == "Vandaag"
        assert window.nav.buttons["library"].text() == "Bibliotheek"
        assert window.screens.currentWidget() is window.settings_view
        assert window.settings_view is not None
        assert window.settings_view.language_combo.currentData() == "nl"
        # Practices that have Dutch are shown in Dutch.
        assert window.library_view is not None and window.library_view.language == "nl"
        assert window.plans_host.reminders is not None
        assert window.plans_host.reminders.snooze_action.text() == "Over 10 minuten nog eens"
        window.preferences.change(replace(window.state.settings, language="en"))
        assert window.nav.buttons["today"].text() == "Today"
    finally:
        window.translations.install("en")


def test_a_missing_catalogue_leaves_the_words_in_english(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("desktop_app.ui.i18n.catalogue", lambda _language: str(tmp_path / "no"))
    translations = Translations()
    assert not translations.install("nl")
    assert translations.language == "en"


def test_the_script_can_check_without_changing_anything() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
