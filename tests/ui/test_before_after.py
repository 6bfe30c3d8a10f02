"""Before you begin and After: choices announced as they change, Begin with the right
session choice, Enter and Escape, the safety card, the after-questions and thanks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.answers import Answer
from desktop_app.core.library import load_file
from desktop_app.core.model import Practice
from desktop_app.session.choice import SessionChoice
from desktop_app.ui.after_view import AfterView
from desktop_app.ui.before_view import BeforeView
from desktop_app.ui.feelings_question import FeelingsQuestionWidget
from desktop_app.ui.scale_question import ScaleQuestionWidget
from desktop_app.ui.text_question import TextQuestionWidget
from tests.helpers import load_text
from tests.ui.test_questions import assert_all_named

BUILT_IN = Path(__file__).resolve().parents[2] / "practices"
VOICES = (("anna", "Anna"), ("daniel", "Daniel"))

CHECK_IN = """\
attune: practice/1
id: check-in
title: Check-in
kind: other
language: en
summary: A *short* check-in.
reflection:
  before:
    - id: note
      text: Anything on your mind?
    - id: mood
      feelings: What feelings are here?
steps:
  - say: Hello, and welcome. Let's take a moment together.
"""


def built_in(name: str) -> Practice:
    practice = load_file(BUILT_IN / f"{name}.yaml")
    assert isinstance(practice, Practice)
    return practice


def pinned_check_in() -> Practice:
    """A check-in without lengths, frozen for these tests (the built-in one may grow)."""
    practice = load_file(Path(__file__).parents[1] / "fixtures" / "focusing-check-in.yaml")
    assert isinstance(practice, Practice)
    return practice


def from_yaml(tmp_path: Path, text: str) -> Practice:
    practice = load_text(tmp_path, text)
    assert isinstance(practice, Practice)
    return practice


def show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(1000, 760)
    widget.show()
    qtbot.waitExposed(widget)


def before_view(qtbot: QtBot, practice: Practice, **options: object) -> BeforeView:
    settings: dict[str, object] = {"language": "en", "narration": True, "rate": 1.0}
    settings.update(options)
    view = BeforeView(practice, **settings)  # type: ignore[arg-type]
    show(qtbot, view)
    return view


# --- Before -------------------------------------------------------------------------


def test_before_shows_the_practice_and_starts_with_what_was_given(qtbot: QtBot) -> None:
    practice = built_in("longer-out-breath")
    view = before_view(
        qtbot, practice, rate=0.93, voices=VOICES, voice="daniel", background_volume=0.333
    )
    assert view.title_label.text() == "A longer out-breath"
    assert view.title_label.property("role") == "heading"
    assert [b.text() for b in view.length_buttons] == ["5 min", "10 min", "15 min"]
    assert view.length_buttons[0].accessibleName() == "5 minutes"
    assert view.choice() == SessionChoice(
        practice_id="longer-out-breath",
        length=300.0,
        narration=True,
        voice="daniel",
        rate=0.93,
        background=None,
        background_volume=0.333,
        language="en",
    )


def test_before_in_dutch(qtbot: QtBot) -> None:
    view = before_view(qtbot, built_in("longer-out-breath"), language="nl", length=900.0)
    assert view.title_label.text() == "Langer uitademen"
    assert view.choice().length == 900.0
    assert view.choice().language == "nl"


def test_each_choice_is_announced_as_it_changes(qtbot: QtBot) -> None:
    view = before_view(qtbot, built_in("longer-out-breath"), voices=VOICES)
    seen: list[SessionChoice] = []
    view.choices_changed.connect(seen.append)

    qtbot.mouseClick(view.length_buttons[1], Qt.MouseButton.LeftButton)
    assert seen[-1].length == 600.0
    qtbot.mouseClick(view.narration_box, Qt.MouseButton.LeftButton, pos=QPoint(8, 8))
    assert seen[-1].narration is False
    assert not view.voice_combo.isVisibleTo(view)  # voice and pace only matter when spoken
    assert not view.rate_slider.isVisibleTo(view)
    view.narration_box.setChecked(True)
    assert seen[-1].narration is True
    view.voice_combo.setCurrentIndex(2)
    assert seen[-1].voice == "daniel"
    qtbot.keyClick(view.rate_slider, Qt.Key.Key_Right)
    assert seen[-1].rate == pytest.approx(1.05)
    assert view.rate_value.text() == "1.05×"
    assert not view.volume_slider.isVisibleTo(view)  # nothing to be loud yet
    qtbot.mouseClick(view.background_buttons["rain"], Qt.MouseButton.LeftButton)
    assert seen[-1].background == "rain"
    assert view.volume_slider.isVisibleTo(view)
    qtbot.keyClick(view.volume_slider, Qt.Key.Key_Left)
    assert seen[-1].background_volume == pytest.approx(0.45)
    assert len(seen) == 7
    assert all(choice.before == () for choice in seen)
    assert seen[-1] == SessionChoice(
        "longer-out-breath", 600.0, True, "daniel", 1.05, "rain", 0.45, "en"
    )


def test_begin_sends_the_choice_with_the_before_answers(qtbot: QtBot) -> None:
    view = before_view(qtbot, built_in("longer-out-breath"))
    assert view.form is not None
    settled, tension = view.form.widgets
    assert isinstance(settled, ScaleQuestionWidget) and isinstance(tension, ScaleQuestionWidget)
    qtbot.keyClicks(settled.slider, "3")
    qtbot.mouseClick(view.length_buttons[2], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.start_requested) as started:
        qtbot.mouseClick(view.begin_button, Qt.MouseButton.LeftButton)
    choice = started.args[0]
    assert isinstance(choice, SessionChoice)
    assert choice.length == 900.0
    assert choice.before == (Answer("settled", "scale", 3, "before"),)  # tension: unanswered


def test_begin_is_the_primary_default_and_always_enabled(qtbot: QtBot) -> None:
    view = before_view(qtbot, built_in("longer-out-breath"))
    assert view.begin_button.property("role") == "primary"
    assert view.begin_button.isDefault() and view.begin_button.isEnabled()
    view.set_preparing(12, 40)
    assert view.begin_button.isEnabled()


def test_enter_begins_and_escape_goes_back(qtbot: QtBot) -> None:
    view = before_view(qtbot, built_in("longer-out-breath"))
    with qtbot.waitSignal(view.start_requested):
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.form is not None
    settled = view.form.widgets[0]
    assert isinstance(settled, ScaleQuestionWidget)
    with qtbot.waitSignal(view.start_requested):  # from a control that has no use for Enter
        qtbot.keyClick(settled.slider, Qt.Key.Key_Enter)
    with qtbot.waitSignal(view.back_requested):
        qtbot.keyClick(view.length_buttons[0], Qt.Key.Key_Escape)
    with qtbot.waitSignal(view.back_requested):
        qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)


def test_enter_in_a_text_answer_makes_a_new_line(qtbot: QtBot, tmp_path: Path) -> None:
    view = before_view(qtbot, from_yaml(tmp_path, CHECK_IN))
    assert view.form is not None
    text = view.form.widgets[0]
    assert isinstance(text, TextQuestionWidget)
    with qtbot.assertNotEmitted(view.start_requested):
        qtbot.keyClicks(text.edit, "one")
        qtbot.keyClick(text.edit, Qt.Key.Key_Return)
        qtbot.keyClicks(text.edit, "two")
    assert text.edit.toPlainText() == "one\ntwo"


def test_a_practice_without_lengths_shows_an_estimate_instead(qtbot: QtBot, tmp_path: Path) -> None:
    view = before_view(qtbot, from_yaml(tmp_path, CHECK_IN))
    assert view.length_buttons == []
    assert not view.length_label.isVisibleTo(view)
    assert view.estimate_label.isVisibleTo(view)
    assert view.estimate_label.text() == "About 1 min"
    assert view.choice().length is None
    assert view.summary_label.text() == "<p>A <i>short</i> check-in.</p>"


def test_the_estimate_follows_the_speaking_pace(qtbot: QtBot) -> None:
    view = before_view(qtbot, pinned_check_in())
    assert view.estimate_label.text() == "About 7 min"
    view.rate_slider.setValue(200)
    assert view.estimate_label.text() == "About 6 min"


def test_the_safety_card_appears_only_with_a_safety_note(qtbot: QtBot, tmp_path: Path) -> None:
    with_note = before_view(qtbot, built_in("longer-out-breath"))
    assert with_note.safety_card is not None and with_note.safety_card.isVisible()
    texts = [w.text() for w in with_note.safety_card.findChildren(type(with_note.title_label))]
    assert texts[0] == "Before you start"
    assert "light-headed" in texts[1]
    without = before_view(qtbot, from_yaml(tmp_path, CHECK_IN))
    assert without.safety_card is None
    labels = [w.text() for w in without.findChildren(type(without.title_label))]
    assert "Before you start" not in labels


SUPPORT = (("Your therapist", "Practice phone 020 123 4567 (weekdays)"),)
SUPPORT_LINE = "If you need support: Your therapist — Practice phone 020 123 4567 (weekdays)"


def label_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_the_therapists_contact_is_under_the_safety_note(qtbot: QtBot) -> None:
    view = before_view(qtbot, built_in("longer-out-breath"), support=SUPPORT)
    assert view.safety_card is not None and view.support_card is view.safety_card
    texts = label_texts(view.safety_card)
    assert texts[0] == "Before you start"
    assert "light-headed" in texts[1]
    assert texts[2] == SUPPORT_LINE
    (line,) = view.support_labels
    assert line.isVisible()
    assert line.accessibleName() == SUPPORT_LINE
    assert line.property("role") == "muted"
    assert line.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert_all_named(view)


def test_without_a_safety_note_the_contact_has_a_card_of_its_own(
    qtbot: QtBot, tmp_path: Path
) -> None:
    two = (*SUPPORT, ("", "Crisis line 113"))
    view = before_view(qtbot, from_yaml(tmp_path, CHECK_IN), support=two)
    assert view.safety_card is None
    assert view.support_card is not None and view.support_card.isVisible()
    assert view.support_card.accessibleName() == "If you need support"
    assert label_texts(view.support_card) == [SUPPORT_LINE, "If you need support: Crisis line 113"]
    assert "Before you start" not in label_texts(view)
    assert_all_named(view)


def test_without_support_nothing_changes(qtbot: QtBot, tmp_path: Path) -> None:
    for practice in (built_in("longer-out-breath"), from_yaml(tmp_path, CHECK_IN)):
        view = before_view(qtbot, practice)
        assert view.support_card is None and view.support_labels == []
        assert not [t for t in label_texts(view) if "If you need support" in t]


def test_no_questions_no_form(qtbot: QtBot, tmp_path: Path) -> None:
    quiet = from_yaml(tmp_path, CHECK_IN.replace("reflection:\n", "reflection: {}\nx-was:\n"))
    view = before_view(qtbot, quiet)
    assert view.form is None
    assert view.choice().before == ()


def test_the_background_choices(qtbot: QtBot, tmp_path: Path) -> None:
    own = from_yaml(
        tmp_path, CHECK_IN.replace("language: en\n", "language: en\nbackground: rain\n")
    )
    view = before_view(qtbot, own)
    assert [b.text() for b in view.background_buttons.values()] == [
        "The practice's own",
        "None",
        "Pink noise",
        "Brown noise",
        "Rain",
    ]
    assert view.choice().background is None
    assert view.volume_slider.isVisibleTo(view)
    qtbot.mouseClick(view.background_buttons["none"], Qt.MouseButton.LeftButton)
    assert view.choice().background == "none"
    assert not view.volume_slider.isVisibleTo(view)


def test_the_voice_list_hides_without_voices(qtbot: QtBot) -> None:
    view = before_view(qtbot, built_in("longer-out-breath"), voice="nobody")
    assert not view.voice_combo.isVisibleTo(view)
    assert view.choice().voice is None


def test_preparing_the_voice_is_shown(qtbot: QtBot) -> None:
    view = before_view(qtbot, built_in("longer-out-breath"))
    assert not view.preparing_label.isVisible()
    view.set_preparing(12, 40)
    assert view.preparing_label.text() == "Preparing the voice… 12 of 40"
    assert view.preparing_bar.isVisible()
    assert (view.preparing_bar.value(), view.preparing_bar.maximum()) == (12, 40)
    view.set_ready()
    assert view.preparing_label.text() == "Ready when you are."
    assert not view.preparing_bar.isVisible()


def test_every_before_control_is_named_and_described(qtbot: QtBot, tmp_path: Path) -> None:
    assert_all_named(before_view(qtbot, built_in("longer-out-breath"), voices=VOICES))
    assert_all_named(before_view(qtbot, from_yaml(tmp_path, CHECK_IN)))


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def tab_until(qtbot: QtBot, view: QWidget, wanted: QWidget, limit: int = 80) -> None:
    for _ in range(limit):
        if focused() is wanted:
            return
        current = focused()
        assert current is not None and view.isAncestorOf(current)
        qtbot.keyClick(current, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {type(wanted).__name__}")


def test_keyboard_only_from_before_to_start(qtbot: QtBot, tmp_path: Path) -> None:
    view = before_view(qtbot, built_in("longer-out-breath"), voices=VOICES)
    view.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)
    assert view.form is not None
    settled = view.form.widgets[0]
    assert isinstance(settled, ScaleQuestionWidget)

    # A set of lengths is one stop for Tab, like radio buttons; arrows choose within.
    tab_until(qtbot, view, view.length_buttons[0])
    qtbot.keyClick(view.length_buttons[0], Qt.Key.Key_Right)
    assert focused() is view.length_buttons[1] and view.length_buttons[1].isChecked()
    tab_until(qtbot, view, view.narration_box)
    qtbot.keyClick(view.narration_box, Qt.Key.Key_Space)  # text only
    qtbot.keyClick(view.narration_box, Qt.Key.Key_Space)  # spoken again
    tab_until(qtbot, view, view.voice_combo)
    qtbot.keyClick(view.voice_combo, Qt.Key.Key_Down)
    tab_until(qtbot, view, view.rate_slider)
    qtbot.keyClick(view.rate_slider, Qt.Key.Key_Left)
    tab_until(qtbot, view, view.background_buttons[None])
    qtbot.keyClick(view.background_buttons[None], Qt.Key.Key_Right)
    assert view.background_buttons["pink-noise"].isChecked()
    tab_until(qtbot, view, settled.slider)
    qtbot.keyClicks(settled.slider, "8")
    with qtbot.waitSignal(view.start_requested) as started:
        qtbot.keyClick(settled.slider, Qt.Key.Key_Return)
    choice = started.args[0]
    assert choice == SessionChoice(
        "longer-out-breath",
        600.0,
        True,
        "anna",
        0.95,
        "pink-noise",
        0.5,
        "en",
        (Answer("settled", "scale", 8, "before"),),
    )


def test_keyboard_reaches_feelings_and_back(qtbot: QtBot, tmp_path: Path) -> None:
    view = before_view(qtbot, from_yaml(tmp_path, CHECK_IN))
    view.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)
    assert view.form is not None
    mood = view.form.widgets[1]
    assert isinstance(mood, FeelingsQuestionWidget)
    tab_until(qtbot, view, mood.chips["calm"])
    qtbot.keyClick(mood.chips["calm"], Qt.Key.Key_Space)
    qtbot.keyClick(mood.chips["calm"], Qt.Key.Key_Right)  # arrows move between words
    assert focused() is mood.chips["peaceful"]
    tab_until(qtbot, view, mood.other, limit=60)
    qtbot.keyClicks(mood.other, "wistful")
    tab_until(qtbot, view, view.back_button)
    with qtbot.waitSignal(view.back_requested):
        qtbot.keyClick(view.back_button, Qt.Key.Key_Space)
    assert view.choice().before == (Answer("mood", "feelings", ("calm", "wistful"), "before"),)


# --- After --------------------------------------------------------------------------


def after_view(qtbot: QtBot, practice: Practice, completed: bool = True) -> AfterView:
    view = AfterView(practice, "en", completed=completed)
    show(qtbot, view)
    return view


def test_after_welcomes_back_asks_and_thanks(qtbot: QtBot) -> None:
    view = after_view(qtbot, pinned_check_in())
    sent: list[tuple[Answer, ...]] = []
    view.answered.connect(sent.append)
    assert not view.showing_thanks
    assert view.heading_label.text() == "Welcome back."
    assert view.form is not None
    in_touch, remember = view.form.widgets
    assert isinstance(in_touch, ScaleQuestionWidget) and isinstance(remember, TextQuestionWidget)
    qtbot.keyClick(in_touch.slider, Qt.Key.Key_End)
    remember.edit.setPlainText("the warm stone")
    assert view.save_button.property("role") == "primary"
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert sent == [
        (
            Answer("in-touch", "scale", 10, "after"),
            Answer("remember", "text", "the warm stone", "after"),
        )
    ]
    assert view.showing_thanks
    assert view.thanks_label.text() == "Thank you for taking this time for yourself."
    with qtbot.waitSignal(view.again_requested):
        qtbot.mouseClick(view.again_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(view.done_requested):
        qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert len(sent) == 1


def test_after_stopped_early_and_skipped(qtbot: QtBot) -> None:
    view = after_view(qtbot, pinned_check_in(), completed=False)
    assert view.heading_label.text() == "You stopped early, and that's fine."
    assert view.form is not None
    remember = view.form.widgets[1]
    assert isinstance(remember, TextQuestionWidget)
    remember.edit.setPlainText("typed, then skipped")
    with qtbot.waitSignal(view.answered) as answered:
        qtbot.mouseClick(view.skip_button, Qt.MouseButton.LeftButton)
    assert answered.args == [()]
    assert view.showing_thanks


def test_saving_nothing_answers_nothing(qtbot: QtBot) -> None:
    view = after_view(qtbot, built_in("longer-out-breath"))
    with qtbot.waitSignal(view.answered) as answered:
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert answered.args == [()]


def test_after_without_questions_goes_straight_to_thanks(qtbot: QtBot, tmp_path: Path) -> None:
    quiet = from_yaml(tmp_path, CHECK_IN.replace("reflection:\n", "reflection: {}\nx-was:\n"))
    view = AfterView(quiet, "en")
    qtbot.addWidget(view)
    assert view.form is None and view.showing_thanks
    sent: list[tuple[Answer, ...]] = []
    view.answered.connect(sent.append)
    view.show()
    qtbot.waitExposed(view)
    assert sent == [()]  # so the session can be recorded all the same
    with qtbot.waitSignal(view.done_requested):
        qtbot.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert sent == [()]


def test_answered_comes_before_leaving_even_unshown(qtbot: QtBot, tmp_path: Path) -> None:
    quiet = from_yaml(tmp_path, CHECK_IN.replace("reflection:\n", "reflection: {}\nx-was:\n"))
    view = AfterView(quiet, "en")
    qtbot.addWidget(view)
    order: list[str] = []
    view.answered.connect(lambda answers: order.append("answered"))
    view.again_requested.connect(lambda: order.append("again"))
    view.again_button.click()
    assert order == ["answered", "again"]


def test_every_after_control_is_named_and_described(qtbot: QtBot) -> None:
    view = after_view(qtbot, pinned_check_in())
    assert_all_named(view)


def test_after_keyboard_only(qtbot: QtBot) -> None:
    view = after_view(qtbot, pinned_check_in())
    view.activateWindow()
    qtbot.waitUntil(lambda: focused() is not None)
    assert view.form is not None
    in_touch = view.form.widgets[0]
    assert isinstance(in_touch, ScaleQuestionWidget)
    tab_until(qtbot, view, in_touch.slider)
    qtbot.keyClick(in_touch.slider, Qt.Key.Key_Home)
    editor = view.form.widgets[1].findChild(QPlainTextEdit)
    assert editor is not None
    tab_until(qtbot, view, editor)
    qtbot.keyClicks(editor, "a small next step")
    tab_until(qtbot, view, view.save_button)
    with qtbot.waitSignal(view.answered) as answered:
        qtbot.keyClick(view.save_button, Qt.Key.Key_Space)
    assert answered.args[0] == (
        Answer("in-touch", "scale", 0, "after"),
        Answer("remember", "text", "a small next step", "after"),
    )
    assert focused() is view.done_button
    with qtbot.waitSignal(view.done_requested):
        qtbot.keyClick(view.done_button, Qt.Key.Key_Return)
