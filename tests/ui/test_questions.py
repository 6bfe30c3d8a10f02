"""Reflection questions on screen: every kind answers and skips, answers restore,
and every control can be reached and named by assistive technology."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.core import feelings
from desktop_app.core.answers import Answer
from desktop_app.core.model import (
    ChoiceQuestion,
    FeelingsQuestion,
    Practice,
    Question,
    ScaleQuestion,
    TextQuestion,
)
from desktop_app.core.text import Text
from desktop_app.ui import i18n
from desktop_app.ui.choice_question import ChoiceQuestionWidget
from desktop_app.ui.feelings_question import FeelingsQuestionWidget
from desktop_app.ui.questions import QuestionForm
from desktop_app.ui.scale_question import ScaleQuestionWidget
from desktop_app.ui.text_question import TextQuestionWidget
from tests.helpers import load_text


def t(value: str) -> Text:
    return Text.plain(value, "en")


SCALE = ScaleQuestion("settled", t("How settled do you feel?"), 0, 10, t("Not at all"), t("Fully"))
TEXT = TextQuestion("noticed", t("What did you notice?"), t("a few words"))
SINGLE = ChoiceQuestion("fit", t("How does it fit?"), (t("Well"), t("Partly"), t("Not yet")))
MULTIPLE = ChoiceQuestion("where", t("Where?"), (t("Head"), t("Chest"), t("Belly")), multiple=True)
FEELINGS = FeelingsQuestion("mood", t("What feelings are here?"))
ALL: tuple[Question, ...] = (SCALE, TEXT, SINGLE, MULTIPLE, FEELINGS)


def make_form(
    qtbot: QtBot, questions: Iterable[Question] = ALL, language: str = "en"
) -> QuestionForm:
    form = QuestionForm(tuple(questions), "after", language)
    qtbot.addWidget(form)
    form.resize(700, 900)
    form.show()
    qtbot.waitExposed(form)
    return form


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    """Click on an option's own circle or box (its row may be wider than what it draws)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def interactive(root: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QAbstractSlider, QComboBox, QLineEdit, QPlainTextEdit, QProgressBar)
    return [w for w in root.findChildren(QWidget) if isinstance(w, kinds)]


def assert_all_named(root: QWidget) -> None:
    controls = interactive(root)
    assert controls
    unnamed = [
        (type(w).__name__, w.accessibleName(), w.accessibleDescription())
        for w in controls
        if not (w.accessibleName() and w.accessibleDescription())
    ]
    assert unnamed == []


# --- scale --------------------------------------------------------------------------


def scale_widget(qtbot: QtBot, question: ScaleQuestion = SCALE) -> ScaleQuestionWidget:
    form = make_form(qtbot, [question])
    widget = form.widgets[0]
    assert isinstance(widget, ScaleQuestionWidget)
    widget.owner = form  # type: ignore[attr-defined]  # keeps the form alive
    return widget


def test_a_scale_starts_unanswered_and_says_so(qtbot: QtBot) -> None:
    widget = scale_widget(qtbot)
    assert widget.answer() is None
    assert widget.value_label.text() == "Not answered"
    assert widget.value_label.property("role") == "muted"
    assert not widget.clear_button.isVisible()
    assert "Not answered" in widget.slider.accessibleDescription()


def test_arrow_keys_answer_a_scale_and_clear_returns_it_to_unanswered(qtbot: QtBot) -> None:
    widget = scale_widget(qtbot)
    with qtbot.waitSignal(widget.changed):
        qtbot.keyClick(widget.slider, Qt.Key.Key_Right)
    assert widget.answer() == Answer("settled", "scale", 6, "after")
    assert widget.value_label.text() == "6"
    assert widget.clear_button.isVisible()
    qtbot.keyClick(widget.slider, Qt.Key.Key_Left)
    qtbot.keyClick(widget.slider, Qt.Key.Key_Left)
    assert widget.answer() == Answer("settled", "scale", 4, "after")

    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert widget.answer() is None
    assert widget.value_label.text() == "Not answered"
    assert not widget.clear_button.isVisible()


@pytest.mark.parametrize(("key", "value"), [(Qt.Key.Key_Home, 0), (Qt.Key.Key_End, 10)])
def test_home_and_end_answer_with_the_ends(qtbot: QtBot, key: Qt.Key, value: int) -> None:
    widget = scale_widget(qtbot)
    qtbot.keyClick(widget.slider, key)
    assert widget.value() == value


def test_a_typed_number_answers_even_the_middle_one(qtbot: QtBot) -> None:
    widget = scale_widget(qtbot)
    qtbot.keyClicks(widget.slider, "5")  # the handle already rests on 5: still an answer
    assert widget.value() == 5
    qtbot.keyClicks(widget.slider, "7")
    assert widget.value() == 7
    qtbot.keyClicks(widget.slider, "10")
    assert widget.value() == 10
    qtbot.keyClick(widget.slider, Qt.Key.Key_Delete)
    assert widget.value() is None


def test_a_number_outside_the_scale_is_ignored(qtbot: QtBot) -> None:
    small = ScaleQuestion("room", t("How much room?"), 1, 5)
    widget = scale_widget(qtbot, small)
    qtbot.keyClicks(widget.slider, "9")
    assert widget.value() is None
    qtbot.keyClicks(widget.slider, "0")
    assert widget.value() is None


def test_pressing_the_handle_answers_with_where_it_rests(qtbot: QtBot) -> None:
    widget = scale_widget(qtbot)
    centre = widget.slider.handle_rect().center()
    qtbot.mousePress(widget.slider, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseRelease(widget.slider, Qt.MouseButton.LeftButton, pos=centre)
    assert widget.value() == 5


def test_scrolling_the_page_over_a_scale_does_not_answer_it(qtbot: QtBot) -> None:
    widget = scale_widget(qtbot)
    centre = QPointF(widget.slider.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(widget.slider.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget.slider, wheel)
    assert widget.value() is None
    assert not wheel.isAccepted()


def test_the_ends_show_numbers_and_labels(qtbot: QtBot) -> None:
    widget = scale_widget(qtbot)
    assert widget.low_label.text() == "0 · Not at all"
    assert widget.high_label.text() == "Fully · 10"


# --- text ---------------------------------------------------------------------------


def test_text_answers_and_empty_text_is_skipped(qtbot: QtBot) -> None:
    form = make_form(qtbot, [TEXT])
    widget = form.widgets[0]
    assert isinstance(widget, TextQuestionWidget)
    assert widget.edit.placeholderText() == "a few words"
    assert form.answers() == ()
    qtbot.keyClicks(widget.edit, "   ")
    assert form.answers() == ()
    widget.edit.setPlainText("  A warm stone\nin my chest  ")
    assert form.answers() == (Answer("noticed", "text", "A warm stone\nin my chest", "after"),)
    widget.edit.clear()
    assert form.answers() == ()


def test_the_text_box_grows_up_to_eight_lines(qtbot: QtBot) -> None:
    form = make_form(qtbot, [TEXT])
    widget = form.widgets[0]
    assert isinstance(widget, TextQuestionWidget)
    start = widget.edit.height()
    widget.edit.setPlainText("\n".join(["line"] * 5))
    five = widget.edit.height()
    widget.edit.setPlainText("\n".join(["line"] * 8))
    eight = widget.edit.height()
    widget.edit.setPlainText("\n".join(["line"] * 30))
    thirty = widget.edit.height()
    assert start < five < eight == thirty
    assert widget.edit.lines() == 8


def test_tab_leaves_the_text_box(qtbot: QtBot) -> None:
    form = make_form(qtbot, [TEXT])
    widget = form.widgets[0]
    assert isinstance(widget, TextQuestionWidget)
    assert widget.edit.tabChangesFocus()


# --- choice -------------------------------------------------------------------------


def test_a_single_choice_can_be_chosen_changed_and_unchosen(qtbot: QtBot) -> None:
    form = make_form(qtbot, [SINGLE])
    widget = form.widgets[0]
    assert isinstance(widget, ChoiceQuestionWidget) and widget.clear_button is not None
    assert form.answers() == ()
    assert not widget.clear_button.isVisible()
    with qtbot.waitSignal(form.changed):
        click(qtbot, widget.buttons[1])
    assert form.answers() == (Answer("fit", "choice", (1,), "after"),)
    click(qtbot, widget.buttons[2])
    assert form.answers() == (Answer("fit", "choice", (2,), "after"),)
    assert widget.clear_button.isVisible()
    with qtbot.waitSignal(form.changed):
        qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert form.answers() == ()
    assert not any(b.isChecked() for b in widget.buttons)


def test_a_multiple_choice_keeps_every_option_chosen(qtbot: QtBot) -> None:
    form = make_form(qtbot, [MULTIPLE])
    widget = form.widgets[0]
    assert isinstance(widget, ChoiceQuestionWidget)
    assert widget.clear_button is None
    click(qtbot, widget.buttons[2])
    click(qtbot, widget.buttons[0])
    assert form.answers() == (Answer("where", "choice", (0, 2), "after"),)
    widget.buttons[0].setChecked(False)
    widget.buttons[2].setChecked(False)
    assert form.answers() == ()


def test_space_chooses_an_option(qtbot: QtBot) -> None:
    form = make_form(qtbot, [SINGLE])
    widget = form.widgets[0]
    assert isinstance(widget, ChoiceQuestionWidget)
    qtbot.keyClick(widget.buttons[0], Qt.Key.Key_Space)
    assert form.answers() == (Answer("fit", "choice", (0,), "after"),)


# --- feelings -----------------------------------------------------------------------


def feelings_widget(qtbot: QtBot, language: str = "en") -> FeelingsQuestionWidget:
    form = make_form(qtbot, [FEELINGS], language)
    widget = form.widgets[0]
    assert isinstance(widget, FeelingsQuestionWidget)
    widget.owner = form  # type: ignore[attr-defined]  # keeps the form alive
    return widget


def test_every_feeling_is_a_chip_in_the_persons_language(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = feelings_widget(qtbot)
    assert list(english.chips) == [f.id for f in feelings.FEELINGS]
    assert english.chips["moved"].text() == "moved"
    # Attune in Dutch: Dutch words, even in a practice that is only in English.
    monkeypatch.setattr(i18n, "_current", "nl")
    dutch = feelings_widget(qtbot, "en")
    assert dutch.chips["moved"].text() == "ontroerd"
    assert dutch.chips["sad"].isCheckable()


def test_chips_and_free_words_make_one_answer_ids_first(qtbot: QtBot) -> None:
    widget = feelings_widget(qtbot)
    assert widget.answer() is None
    qtbot.mouseClick(widget.chips["moved"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(widget.chips["calm"], Qt.Key.Key_Space)
    qtbot.keyClicks(widget.other, "wistful,  far away , Sad, wistful,,")
    answer = widget.answer()
    assert answer == Answer(
        "mood", "feelings", ("calm", "sad", "moved", "wistful", "far away"), "after"
    )
    qtbot.mouseClick(widget.chips["calm"], Qt.MouseButton.LeftButton)  # let it go again
    assert widget.value()[:2] == ("sad", "moved")


def test_feelings_left_alone_are_skipped(qtbot: QtBot) -> None:
    widget = feelings_widget(qtbot)
    qtbot.keyClicks(widget.other, " , ,")
    assert widget.answer() is None


def test_a_typed_dutch_word_becomes_its_feeling(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "_current", "nl")
    widget = feelings_widget(qtbot, "nl")
    qtbot.keyClicks(widget.other, "opgelucht, weemoedig")
    assert widget.value() == ("relieved", "weemoedig")


# --- the form -----------------------------------------------------------------------


def test_the_form_says_questions_may_be_skipped_and_omits_skipped_ones(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert form.note.text() == "You can skip any question."
    assert form.note.isVisible() and form.note.property("role") == "muted"
    assert form.answers() == ()
    scale, text, single, _, feeling = form.widgets
    assert isinstance(scale, ScaleQuestionWidget) and isinstance(text, TextQuestionWidget)
    assert isinstance(single, ChoiceQuestionWidget)
    assert isinstance(feeling, FeelingsQuestionWidget)
    qtbot.keyClick(scale.slider, Qt.Key.Key_End)
    click(qtbot, single.buttons[0])
    assert [a.question_id for a in form.answers()] == ["settled", "fit"]
    assert all(a.when == "after" for a in form.answers())


def test_set_answers_round_trips_every_kind(qtbot: QtBot) -> None:
    given = (
        Answer("settled", "scale", 3, "after"),
        Answer("noticed", "text", "Soft shoulders", "after"),
        Answer("fit", "choice", (2,), "after"),
        Answer("where", "choice", (0, 1), "after"),
        Answer("mood", "feelings", ("calm", "moved", "wistful", "far away"), "after"),
    )
    form = make_form(qtbot)
    with qtbot.waitSignal(form.changed):
        form.set_answers(given)
    assert form.answers() == given
    again = make_form(qtbot)
    again.set_answers(form.answers())
    assert again.answers() == given
    feeling = again.widgets[4]
    assert isinstance(feeling, FeelingsQuestionWidget)
    assert feeling.other.text() == "wistful, far away"


def test_set_answers_clears_the_rest_and_ignores_what_does_not_fit(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    form.set_answers(
        (Answer("settled", "scale", 3, "after"), Answer("fit", "choice", (0,), "after"))
    )
    form.set_answers(
        (
            Answer("settled", "scale", 11, "after"),  # outside the scale
            Answer("noticed", "scale", 4, "after"),  # another kind
            Answer("fit", "choice", (0, 1), "after"),  # two answers to a single choice
            Answer("where", "choice", (5,), "after"),  # no such option
            Answer("elsewhere", "text", "Not one of ours", "after"),
        )
    )
    assert form.answers() == ()
    scale = form.widgets[0]
    assert isinstance(scale, ScaleQuestionWidget)
    assert scale.value_label.text() == "Not answered"


def test_a_cleared_scale_is_omitted_after_a_restore(qtbot: QtBot) -> None:
    form = make_form(qtbot, [SCALE, TEXT])
    form.set_answers((Answer("settled", "scale", 8, "before"),))
    scale = form.widgets[0]
    assert isinstance(scale, ScaleQuestionWidget)
    assert form.answers() == (Answer("settled", "scale", 8, "after"),)
    qtbot.mouseClick(scale.clear_button, Qt.MouseButton.LeftButton)
    assert form.answers() == ()


def test_questions_from_a_practice_file(qtbot: QtBot, tmp_path: Path) -> None:
    practice = load_text(
        tmp_path,
        """\
        attune: practice/1
        id: check
        title: {en: Check-in, nl: Even inchecken}
        kind: other
        language: en
        summary: A check-in.
        reflection:
          after:
            - id: settled
              scale: {en: How settled are you?, nl: Hoe rustig ben je?}
              min: 1
              max: 5
            - id: mood
              feelings: {en: What is here?, nl: Wat is er?}
        steps:
          - say: Hello.
        """,
    )
    assert isinstance(practice, Practice)
    form = make_form(qtbot, practice.reflection.after, "nl")
    scale, feeling = form.widgets
    assert scale.prompt_label.text() == "Hoe rustig ben je?"
    assert isinstance(scale, ScaleQuestionWidget) and isinstance(feeling, FeelingsQuestionWidget)
    qtbot.keyClick(scale.slider, Qt.Key.Key_End)
    qtbot.mouseClick(feeling.chips["sad"], Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    assert form.answers() == (
        Answer("settled", "scale", 5, "after"),
        Answer("mood", "feelings", ("sad",), "after"),
    )


def test_every_control_is_named_and_described(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    assert_all_named(form)
    scale = form.widgets[0]
    assert isinstance(scale, ScaleQuestionWidget)
    assert "How settled do you feel?" in scale.slider.accessibleName()
    text = form.widgets[1]
    assert isinstance(text, TextQuestionWidget)
    assert "What did you notice?" in text.edit.accessibleName()
    feeling = form.widgets[4]
    assert isinstance(feeling, FeelingsQuestionWidget)
    assert "What feelings are here?" in feeling.other.accessibleName()
    assert "What feelings are here?" in feeling.chips["calm"].accessibleDescription()


def test_every_control_takes_keyboard_focus(qtbot: QtBot) -> None:
    form = make_form(qtbot)
    controls = [w for w in interactive(form) if w.isVisible() and not isinstance(w, QScrollBar)]
    assert len(controls) > 40
    for widget in controls:
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus, type(widget).__name__
