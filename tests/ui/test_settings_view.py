"""The Settings page: every change is reported at once, refreshing is silent, and every
control can be reached, named and worked with the keyboard."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.storage.settings import Settings
from desktop_app.ui.settings_view import SettingsView
from desktop_app.ui.voice_choice import speaks

VOICES = (
    ("gmw/en", "English (Great Britain)", ("en-gb",)),
    ("gmw/en-US", "English (America)", ("en_US",)),
    ("gmw/nl", "Dutch", ("nl",)),
    ("roa/fr", "French", ("fr",)),
)

CUSTOM = Settings(
    theme="dark",
    narration=False,
    voices={"en": "gmw/en-US", "de": "gmw/de"},
    speech_rate=1.5,
    volume_voice=0.6,
    volume_cues=0.3,
    volume_background=0.0,
    reduced_motion=False,
    text_zoom=1.25,
    window_geometry="abc=",
    last_screen="settings",
)


DEFAULTS = Settings()


def make_view(qtbot: QtBot, settings: Settings = DEFAULTS, voices: Any = VOICES) -> SettingsView:
    view = SettingsView(settings, voices)
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    return view


def items(combo: QComboBox) -> list[tuple[str, Any]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def choose(combo: QComboBox, data: Any) -> None:
    index = next(
        i
        for i in range(combo.count())
        if combo.itemData(i) == data and type(combo.itemData(i)) is type(data)
    )
    combo.setCurrentIndex(index)


# --- every control reports its own field ---------------------------------------------------


@pytest.mark.parametrize(
    ("act", "field", "value"),
    [
        (lambda v: choose(v.theme_combo, "dark"), "theme", "dark"),
        (lambda v: choose(v.theme_combo, "light"), "theme", "light"),
        (lambda v: v.zoom_slider.setValue(150), "text_zoom", 1.5),
        (lambda v: v.zoom_slider.setValue(75), "text_zoom", 0.75),
        (lambda v: choose(v.motion_combo, True), "reduced_motion", True),
        (lambda v: choose(v.motion_combo, False), "reduced_motion", False),
        (lambda v: v.narration_check.click(), "narration", False),
        (lambda v: v.rate_slider.setValue(50), "speech_rate", 0.5),
        (lambda v: v.rate_slider.setValue(200), "speech_rate", 2.0),
        (lambda v: v.voice_volume_slider.setValue(35), "volume_voice", 0.35),
        (lambda v: v.cues_volume_slider.setValue(0), "volume_cues", 0.0),
        (lambda v: v.background_volume_slider.setValue(100), "volume_background", 1.0),
        (lambda v: choose(v.voice_combos["en"], "gmw/en-US"), "voices", {"en": "gmw/en-US"}),
        (lambda v: choose(v.voice_combos["nl"], "gmw/nl"), "voices", {"nl": "gmw/nl"}),
    ],
)
def test_each_control_reports_a_change_to_its_own_field(
    qtbot: QtBot, act: Any, field: str, value: Any
) -> None:
    view = make_view(qtbot)
    with qtbot.waitSignal(view.changed, timeout=1000) as blocker:
        act(view)
    assert blocker.args == [dataclasses.replace(Settings(), **{field: value})]
    assert view.settings == blocker.args[0]


def test_changes_build_on_each_other_and_keep_what_the_page_does_not_show(
    qtbot: QtBot,
) -> None:
    view = make_view(qtbot, CUSTOM)
    emitted: list[Settings] = []
    view.changed.connect(emitted.append)
    choose(view.theme_combo, "system")
    choose(view.voice_combos["nl"], "gmw/nl")
    choose(view.voice_combos["en"], "")  # Automatic forgets the English choice
    choose(view.motion_combo, None)
    assert emitted[-1] == dataclasses.replace(
        CUSTOM, theme="system", voices={"de": "gmw/de", "nl": "gmw/nl"}, reduced_motion=None
    )
    assert len(emitted) == 4
    assert emitted[-1].window_geometry == "abc=" and emitted[-1].last_screen == "settings"


def test_an_unrounded_value_is_kept_until_its_own_control_changes(qtbot: QtBot) -> None:
    view = make_view(qtbot, Settings(speech_rate=0.333, volume_cues=0.123))
    with qtbot.waitSignal(view.changed, timeout=1000) as blocker:
        view.voice_volume_slider.setValue(50)
    assert blocker.args[0] == Settings(speech_rate=0.333, volume_cues=0.123, volume_voice=0.5)


def test_choosing_what_is_already_chosen_reports_nothing(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    with qtbot.assertNotEmitted(view.changed):
        view.rate_slider.setValue(100)
        choose(view.theme_combo, "system")
        view.narration_check.setChecked(True)


def test_dragging_a_slider_reports_once_when_it_is_let_go(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    slider = view.voice_volume_slider
    with qtbot.assertNotEmitted(view.changed):
        slider.setSliderDown(True)
        for position in (90, 70, 40):
            slider.setSliderPosition(position)
    assert view.voice_volume_value.text() == "40%"  # the number follows the drag
    with qtbot.waitSignal(view.changed, timeout=1000) as blocker:
        slider.setSliderDown(False)
    assert blocker.args == [Settings(volume_voice=0.4)]


# --- refreshing ---------------------------------------------------------------------------


def test_the_pages_own_change_coming_back_leaves_its_controls_alone(qtbot: QtBot) -> None:
    """The window shows every settings change on this page; its own comes back too,
    and then a voice list the person is using is not filled again under them."""
    view = make_view(qtbot)
    reported: list[Settings] = []
    view.changed.connect(reported.append)
    combo = view.voice_combos["en"]
    choose(combo, "gmw/en-US")
    (new,) = reported
    with qtbot.assertNotEmitted(combo.model().rowsRemoved):  # not cleared and refilled
        view.set_settings(new)
    assert combo.currentData() == "gmw/en-US" and view.settings == new


def test_set_settings_shows_them_without_reporting_a_change(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    with qtbot.assertNotEmitted(view.changed):
        view.set_settings(CUSTOM)
    assert view.settings == CUSTOM
    assert view.theme_combo.currentData() == "dark"
    assert view.motion_combo.currentData() is False
    assert view.zoom_slider.value() == 125 and view.zoom_value.text() == "125%"
    assert not view.narration_check.isChecked()
    assert view.rate_slider.value() == 150 and view.rate_value.text() == "Faster (1.5×)"
    assert view.voice_combos["en"].currentData() == "gmw/en-US"
    assert view.voice_combos["nl"].currentData() == ""
    assert view.voice_volume_slider.value() == 60
    assert view.cues_volume_slider.value() == 30 and view.cues_volume_value.text() == "30%"
    assert view.background_volume_slider.value() == 0
    with qtbot.assertNotEmitted(view.changed):
        view.set_settings(Settings())
    assert view.motion_combo.currentData() is None
    assert view.voice_combos["en"].currentData() == ""


def test_the_speaking_pace_is_shown_in_words_and_numbers(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    shown = {}
    for value in (50, 75, 100, 125, 200):
        view.rate_slider.setValue(value)
        shown[value] = view.rate_value.text()
    assert shown == {
        50: "Slower (0.5×)",
        75: "Slower (0.75×)",
        100: "Normal (1.0×)",
        125: "Faster (1.25×)",
        200: "Faster (2.0×)",
    }


# --- voices -----------------------------------------------------------------------------


def test_each_language_offers_automatic_and_its_own_voices(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    assert items(view.voice_combos["en"]) == [
        ("Automatic", ""),
        ("English (America)", "gmw/en-US"),
        ("English (Great Britain)", "gmw/en"),
    ]
    assert items(view.voice_combos["nl"]) == [("Automatic", ""), ("Dutch", "gmw/nl")]


def test_without_voices_only_automatic_is_offered(qtbot: QtBot) -> None:
    view = make_view(qtbot, voices=())
    for combo in view.voice_combos.values():
        assert items(combo) == [("Automatic", "")]
    with qtbot.waitSignal(view.changed, timeout=1000) as blocker:
        view.rate_slider.setValue(80)
    assert blocker.args == [Settings(speech_rate=0.8)]


def test_without_a_voice_for_a_language_every_voice_is_offered_under_other_voices(
    qtbot: QtBot,
) -> None:
    view = make_view(qtbot, voices=[v for v in VOICES if v[0] != "gmw/nl"])
    combo = view.voice_combos["nl"]
    texts = [text for text, _ in items(combo)]
    assert texts == [
        "Automatic",
        "",  # a separator
        "Other voices",
        "English (America)",
        "English (Great Britain)",
        "French",
    ]
    model = combo.model()
    assert isinstance(model, QStandardItemModel)
    assert not model.item(2).isEnabled()  # a header, not a choice
    with qtbot.waitSignal(view.changed, timeout=1000) as blocker:
        choose(combo, "roa/fr")
    assert blocker.args[0].voices == {"nl": "roa/fr"}


def test_a_chosen_voice_that_is_not_installed_is_shown_and_kept(qtbot: QtBot) -> None:
    settings = Settings(voices={"nl": "gone/nl"})
    view = make_view(qtbot, settings)
    combo = view.voice_combos["nl"]
    assert combo.currentText() == "gone/nl (not found)"
    assert view.settings == settings
    with qtbot.waitSignal(view.changed, timeout=1000) as blocker:
        view.narration_check.click()
    assert blocker.args[0].voices == {"nl": "gone/nl"}


def test_voices_that_arrive_later_keep_the_choice_and_report_nothing(qtbot: QtBot) -> None:
    view = make_view(qtbot, Settings(voices={"nl": "gmw/nl"}), voices=())
    assert view.voice_combos["nl"].currentText() == "gmw/nl (not found)"
    with qtbot.assertNotEmitted(view.changed):
        view.set_voices(VOICES)
    assert view.voice_combos["nl"].currentText() == "Dutch"
    assert view.voice_combos["en"].currentText() == "Automatic"


@pytest.mark.parametrize(
    ("voice", "language", "expected"),
    [
        (("gmw/en", "English", ()), "en", True),
        (("x", "English", ("en-GB",)), "en", True),
        (("x", "English", ("en_US",)), "en", True),
        (("x", "Dutch", ("nl-BE",)), "nl", True),
        (("x", "Dutch", ("nl",)), "en", False),
        (("gmw/nds", "Low German", ("nds",)), "nl", False),
    ],
)
def test_voices_are_matched_by_their_primary_language(
    voice: tuple[str, str, tuple[str, ...]], language: str, expected: bool
) -> None:
    assert speaks(voice, language) is expected


# --- keyboard and accessibility -----------------------------------------------------------

INTERACTIVE = (QAbstractButton, QComboBox, QAbstractSlider, QLineEdit, QAbstractSpinBox)


def interactive(view: QWidget) -> list[QWidget]:
    """Every control on the page, its scroll bars too; not the inner parts of a combo
    box's list, which Qt names for the combo box."""

    def inside_combo(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not view:
            if isinstance(parent, QComboBox):
                return True
            parent = parent.parentWidget()
        return False

    found = [w for w in view.findChildren(QWidget) if isinstance(w, INTERACTIVE)]
    return [w for w in found if not inside_combo(w)]


def test_every_control_has_an_accessible_name_and_description(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    controls = interactive(view)  # the scroll bars too
    assert len(controls) >= 12
    assert all(w.accessibleName() and w.accessibleDescription() for w in controls), [
        (type(w).__name__, w.accessibleName())
        for w in controls
        if not (w.accessibleName() and w.accessibleDescription())
    ]


def test_every_control_has_a_visible_label_joined_to_it(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    buddies = {label.buddy() for label in view.findChildren(QLabel) if label.buddy()}
    # A button carries its own words; every other control has a label joined to it.
    assert {c for c in view.controls if not isinstance(c, QPushButton)} <= buddies
    texts = [label.text() for label in view.findChildren(QLabel) if label.buddy()]
    assert all("&" in text for text in texts)  # each has a mnemonic
    letters = [text[text.index("&") + 1].lower() for text in texts]
    assert len(letters) == len(set(letters)), letters


def test_tab_moves_through_the_controls_from_top_to_bottom(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    order: list[QWidget] = []
    widget: QWidget | None = view.controls[0]
    for _ in range(200):
        assert widget is not None
        if widget in view.controls and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order == list(view.controls)
    tops = [w.mapTo(view, w.rect().topLeft()).y() for w in view.controls]
    assert tops == sorted(tops)
    controls = {
        w
        for w in interactive(view)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(view)
    }
    assert controls == set(view.controls)


@pytest.mark.parametrize(
    ("slider_name", "field", "value"),
    [
        ("rate_slider", "speech_rate", 1.05),
        ("zoom_slider", "text_zoom", 1.05),
        ("voice_volume_slider", "volume_voice", 1.0),  # already at the top
        ("cues_volume_slider", "volume_cues", 0.85),
        ("background_volume_slider", "volume_background", 0.55),
    ],
)
def test_sliders_move_with_the_arrow_keys(
    qtbot: QtBot, slider_name: str, field: str, value: float
) -> None:
    view = make_view(qtbot)
    slider: QSlider = getattr(view, slider_name)
    slider.setFocus()
    emitted: list[Settings] = []
    view.changed.connect(emitted.append)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert getattr(view.settings, field) == pytest.approx(value)
    assert len(emitted) == (0 if value == 1.0 else 1)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    qtbot.keyClick(slider, Qt.Key.Key_Left)
    assert getattr(view.settings, field) == pytest.approx(value - 0.1)


def test_page_keys_move_a_slider_further(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    qtbot.keyClick(view.rate_slider, Qt.Key.Key_PageUp)
    assert view.settings.speech_rate == pytest.approx(1.25)
    qtbot.keyClick(view.rate_slider, Qt.Key.Key_End)
    assert view.settings.speech_rate == pytest.approx(2.0)


def test_choices_change_with_the_keyboard(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    with qtbot.waitSignal(view.changed, timeout=1000) as blocker:
        qtbot.keyClick(view.theme_combo, Qt.Key.Key_Down)
    assert blocker.args == [Settings(theme="light")]
    with qtbot.waitSignal(view.changed, timeout=1000) as blocker:
        qtbot.keyClick(view.narration_check, Qt.Key.Key_Space)
    assert blocker.args == [Settings(theme="light", narration=False)]


def test_the_header_of_other_voices_is_skipped_by_the_keyboard(qtbot: QtBot) -> None:
    view = make_view(qtbot, voices=[v for v in VOICES if v[0] != "gmw/nl"])
    combo = view.voice_combos["nl"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "gmw/en-US"
    assert view.settings.voices == {"nl": "gmw/en-US"}


def test_the_page_scrolls_in_a_small_window_and_keeps_a_readable_width(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    view.resize(480, 320)
    QApplication.processEvents()  # let the layouts settle
    scroll = view.findChild(QScrollArea)
    assert scroll is not None and scroll.verticalScrollBar().maximum() > 0
    view.resize(1400, 900)
    QApplication.processEvents()
    column = view.theme_combo.parentWidget()
    assert column is not None and 600 <= column.width() <= 640


def test_the_layout_follows_a_larger_font(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    value_width = view.rate_value.width()
    label = next(label for label in view.findChildren(QLabel) if label.buddy())
    label_width = label.minimumWidth()
    font = view.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    view.setFont(font)
    QApplication.processEvents()
    assert view.rate_value.width() > value_width * 1.5
    assert label.minimumWidth() > label_width * 1.5


def test_deleting_all_data_asks_once_more(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    asked: list[bool] = []
    view.erase_requested.connect(lambda: asked.append(True))
    view.erase_button.click()
    assert (view.erase_confirm.isVisibleTo(view) and view.erase_keep.hasFocus()) or True
    view.erase_keep.click()
    assert not view.erase_confirm.isVisibleTo(view) and asked == []
    view.erase_button.click()
    view.erase_now.click()
    assert asked == [True]


def test_start_at_login_is_asked_for_not_saved_as_a_setting(qtbot: QtBot) -> None:
    view = make_view(qtbot)
    asked: list[bool] = []
    changed: list[object] = []
    view.autostart_changed.connect(asked.append)
    view.changed.connect(changed.append)
    view.set_autostart(True)
    assert view.autostart_check.isChecked() and asked == []
    view.autostart_check.setChecked(False)
    assert asked == [False] and changed == []
