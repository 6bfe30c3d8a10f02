"""Attune in Dutch: every word of the interface is in the catalogue, translated with its
placeholders, the compiled catalogue is the one the source makes, and the language can
be changed in Settings while Attune runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from pytestqt.qtbot import QtBot

from desktop_app.ui.i18n import Translations, catalogue, ui_language
from desktop_app.ui.main_window import MainWindow
from tests.ui.test_main_window import make_window

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import translations as script  # noqa: E402

SOURCE = ROOT / "translations" / "attune_nl.ts"
PLACEHOLDER = re.compile(r"%\d")


def messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source text, translation element) of every message in a catalogue."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            found.append((name, message.findtext("source") or "", translation))
    return found


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The catalogue as lupdate makes it from the code now, keeping what is translated."""
    copy = tmp_path_factory.mktemp("ts") / SOURCE.name
    shutil.copyfile(SOURCE, copy)
    script.update(copy)
    return copy


def test_every_string_of_the_interface_is_translated_into_dutch(fresh: Path) -> None:
    missing = [
        f"{context}: {source!r}"
        for context, source, translation in messages(fresh)
        if translation.get("type") in ("unfinished", "vanished", "obsolete")
        or not (translation.text or "").strip()
    ]
    assert missing == []
    assert fresh.read_bytes() == SOURCE.read_bytes(), "run scripts/translations.py"


def test_translations_keep_their_placeholders_and_one_accelerator() -> None:
    wrong = []
    for context, source, translation in messages(SOURCE):
        text = translation.text or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append(f"{context}: {source!r} → {text!r} (placeholders)")
        if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
            wrong.append(f"{context}: {source!r} → {text!r} (accelerator)")
    assert wrong == []


def test_the_compiled_catalogue_is_the_one_the_source_makes(tmp_path: Path) -> None:
    """Message by message (another lrelease may order the bytes differently)."""
    made = tmp_path / "attune_nl.qm"
    script.compile_to(SOURCE, made)
    fresh, shipped = QTranslator(), QTranslator()
    assert fresh.load(str(made)) and shipped.load(catalogue("nl"))
    differ = [
        source
        for context, source, _ in messages(SOURCE)
        if fresh.translate(context, source) != shipped.translate(context, source)
    ]
    assert differ == []


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
