"""Making a plan with a form: what is saved is a valid plan file with exactly the
chosen values; problems are shown and nothing is written; following it is a choice."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop_app.app import open_library
from desktop_app.app import shown as shown_path
from desktop_app.core.model import Daily, OnDays, PerWeek, Weekdays
from desktop_app.core.plan_loader import load_plan
from desktop_app.storage.paths import default_paths
from desktop_app.storage.plans import PlanStore
from desktop_app.ui.plan_form import PlanFormDialog
from desktop_app.ui.plan_item_row import PlanItemRow

TODAY = dt.date(2026, 3, 2)
FIXTURES = Path(__file__).parents[1] / "fixtures"


def dialog(qtbot: QtBot, **kwargs: object) -> PlanFormDialog:
    paths = default_paths()
    # A practice without lengths, frozen for these tests, in place of the built-in one
    # (from a pack, which wins over built-in ones: one's own folder stays untouched).
    pinned = paths.packs / "pinned"
    pinned.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURES / "focusing-check-in.yaml", pinned / "focusing-check-in.yaml")
    shown = PlanFormDialog(
        open_library(), "en", paths.practices, PlanStore(paths.plans), TODAY, **kwargs
    )
    qtbot.addWidget(shown)
    return shown


def choose(row: PlanItemRow, practice_id: str) -> None:
    row.practice.setCurrentIndex(row.practice.findData(practice_id))


def filled(qtbot: QtBot) -> PlanFormDialog:
    """A small valid plan: a title, who it is from, one practice every day."""
    shown = dialog(qtbot)
    shown.title_field.setText("First weeks")
    shown.from_field.setText("Dr. Test")
    choose(shown.add_item(), "longer-out-breath")
    return shown


def test_save_waits_for_a_title_who_it_is_from_and_a_practice(qtbot: QtBot) -> None:
    shown = dialog(qtbot)
    assert not shown.save_button.isEnabled()
    assert shown.status.text() == "Give the plan a title."
    assert shown.id_note.text() == "The file name comes from the title."
    shown.title_field.setText("Weeks 1–2: finding steadiness")
    assert shown.id_note.text() == (
        "Saved as weeks-1-2-finding-steadiness.yaml with your own practices."
    )
    assert shown.status.text() == "Say who the plan is from."
    shown.from_field.setText("Dr. Test")
    assert shown.status.text() == "Add at least one practice."
    assert not shown.save_button.isEnabled()
    assert shown.empty_note.isVisibleTo(shown)
    qtbot.mouseClick(shown.add_button, Qt.MouseButton.LeftButton)
    assert shown.save_button.isEnabled()
    assert shown.status.text() == "Ready to save: 1 practice"
    assert not shown.empty_note.isVisibleTo(shown)
    qtbot.mouseClick(shown.rows[0].remove, Qt.MouseButton.LeftButton)
    assert not shown.rows and not shown.save_button.isEnabled()


def test_practices_are_offered_by_title_with_their_lengths(qtbot: QtBot) -> None:
    shown = dialog(qtbot)
    row = shown.add_item()
    titles = [row.practice.itemText(i) for i in range(row.practice.count())]
    assert titles == sorted(titles, key=str.casefold)
    assert {"A Focusing check-in", "A longer out-breath", "A pause for a hard moment"} <= set(
        titles
    )
    choose(row, "longer-out-breath")
    lengths = [(row.length.itemText(i), row.length.itemData(i)) for i in range(row.length.count())]
    assert lengths == [("5 min", 300.0), ("10 min", 600.0), ("15 min", 900.0)]
    assert row.length.isEnabled()
    choose(row, "self-compassion-pause")
    assert [row.length.itemData(i) for i in range(row.length.count())] == [300.0, 420.0, 600.0]
    # A practice without lengths is as long as it is; nothing to choose.
    choose(row, "focusing-check-in")
    assert row.length.count() == 1
    assert row.length.currentData() is None
    assert row.length.currentText().startswith("Its own: about ")
    assert not row.length.isEnabled()


def test_a_full_form_saves_a_valid_plan_with_exactly_those_values(qtbot: QtBot) -> None:
    shown = dialog(qtbot)
    shown.title_field.setText("First weeks: “gently”")
    shown.from_field.setText("Your therapist")
    shown.message_field.setPlainText("Try these at a quiet moment.\nIt's fine to miss a day: no")
    shown.contact_field.setText("Phone 020 123 4567 # weekdays")
    shown.starts_check.setChecked(True)
    shown.starts_date.setDate(QDate(2026, 3, 9))
    shown.ends_check.setChecked(True)
    shown.ends_date.setDate(QDate(2026, 3, 22))
    first = shown.add_item()
    choose(first, "longer-out-breath")
    first.length.setCurrentIndex(1)
    first.reminder.setChecked(True)
    first.at.setTime(QTime(7, 45))
    first.note.setText("Before breakfast, if you can.")
    second = shown.add_item()
    choose(second, "focusing-check-in")
    second.often.setCurrentIndex(second.often.findData("weekdays"))
    with qtbot.waitSignal(shown.saved) as saved:
        qtbot.mouseClick(shown.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["first-weeks-gently"]
    path = default_paths().practices / "first-weeks-gently.yaml"
    assert shown.saved_to == path
    assert shown.result() == PlanFormDialog.DialogCode.Accepted
    plan = load_plan(path)
    assert plan.id == "first-weeks-gently"
    assert plan.title.get() == "First weeks: “gently”"
    assert plan.language == "en"
    assert plan.assigned_by == "Your therapist"
    assert plan.message is not None
    assert plan.message.get() == "Try these at a quiet moment.\nIt's fine to miss a day: no"
    assert plan.contact is not None and plan.contact.get() == "Phone 020 123 4567 # weekdays"
    assert (plan.starts, plan.ends) == (dt.date(2026, 3, 9), dt.date(2026, 3, 22))
    one, two = plan.items
    assert (one.practice, one.length, one.when, one.at) == (
        "longer-out-breath",
        600.0,
        Daily(),
        dt.time(7, 45),
    )
    assert one.note is not None and one.note.get() == "Before breakfast, if you can."
    assert (two.practice, two.length, two.when, two.at, two.note) == (
        "focusing-check-in",
        None,
        Weekdays(),
        None,
        None,
    )
    # The library now has it, and finds nothing to say about it.
    library = open_library()
    assert "first-weeks-gently" in library.plans
    assert not library.failures
    # (The one warning is the pinned check-in standing in for the built-in one.)
    assert [w.file for w in library.warnings] == [
        shown_path(library.practices["focusing-check-in"].path)
    ]
    # Not followed unless asked.
    assert PlanStore(default_paths().plans).plans() == []


def test_chosen_days_and_times_a_week(qtbot: QtBot) -> None:
    shown = filled(qtbot)
    days = shown.add_item()
    days.often.setCurrentIndex(days.often.findData("days"))
    assert days.days.isVisibleTo(days) and not days.per_week.isVisibleTo(days)
    assert not shown.save_button.isEnabled()
    assert shown.status.text() == "Tick at least one day for practice 2."
    days.day_boxes[4].setChecked(True)  # Friday
    days.day_boxes[0].setChecked(True)  # Monday
    assert shown.save_button.isEnabled()
    assert days.when() == ("mon", "fri")
    weekly = shown.add_item()
    weekly.often.setCurrentIndex(weekly.often.findData("per_week"))
    assert weekly.per_week.isVisibleTo(weekly) and not weekly.days.isVisibleTo(weekly)
    assert weekly.per_week.currentText() == "3 times a week"
    weekly.per_week.setCurrentIndex(weekly.per_week.findData(2))
    assert weekly.per_week.currentText() == "twice a week"
    assert shown.save()
    plan = load_plan(default_paths().practices / "first-weeks.yaml")
    assert [item.when for item in plan.items] == [Daily(), OnDays(frozenset({1, 5})), PerWeek(2)]


def test_following_the_plan_adds_it_to_today(qtbot: QtBot) -> None:
    shown = filled(qtbot)
    assert not shown.follow_check.isChecked()
    shown.follow_check.setChecked(True)
    assert shown.save()
    stored = PlanStore(default_paths().plans).plans()
    assert [s.plan.id for s in stored] == ["first-weeks"]
    assert stored[0].imported_on == dt.date.today()
    assert (
        stored[0].path.read_bytes() == (default_paths().practices / "first-weeks.yaml").read_bytes()
    )


def test_a_problem_is_shown_and_nothing_is_written(qtbot: QtBot) -> None:
    shown = filled(qtbot)
    shown.follow_check.setChecked(True)
    shown.starts_check.setChecked(True)
    shown.starts_date.setDate(QDate(2026, 3, 9))
    shown.ends_check.setChecked(True)
    shown.ends_date.setDate(QDate(2026, 3, 1))
    assert shown.save_button.isEnabled()  # the form cannot know; the check does
    assert not shown.save()
    assert not shown.problems.isHidden()
    assert shown.problems.property("role") == "warning"
    assert shown.problems.text() == (
        "Nothing was saved yet. Please look at:\n"
        "• Ends on: the plan ends (2026-03-01) before it starts (2026-03-09)"
    )
    assert not default_paths().practices.exists()
    assert PlanStore(default_paths().plans).plans() == []
    assert shown.result() != PlanFormDialog.DialogCode.Accepted


def test_a_file_not_made_here_is_replaced_only_when_the_person_says_so(qtbot: QtBot) -> None:
    folder = default_paths().practices
    folder.mkdir(parents=True)
    theirs = folder / "first-weeks.yaml"
    theirs.write_text("# someone else's\n")
    shown = filled(qtbot)
    assert "A file of that name is there already" in shown.id_note.text()
    assert not shown.save_to(theirs)
    assert theirs.read_text() == "# someone else's\n"
    assert (
        shown.problems.text()
        == "Nothing was saved: there is already a file named first-weeks.yaml."
    )
    asked: list[Path] = []

    def say_no(path: Path) -> bool:
        asked.append(path)
        return False

    shown.ask_replace = say_no
    assert not shown.save()
    assert asked == [theirs]
    assert theirs.read_text() == "# someone else's\n"
    shown.ask_replace = lambda path: True
    assert shown.save()
    assert theirs.read_text().startswith("attune: plan/1\n")


def test_a_file_this_dialog_wrote_is_replaced_without_asking(qtbot: QtBot) -> None:
    shown = filled(qtbot)
    path = default_paths().practices / "first-weeks.yaml"
    assert shown.save_to(path)
    shown.ask_replace = lambda path: never_asked()
    shown.from_field.setText("Dr. Other")
    assert shown.save()
    assert load_plan(path).assigned_by == "Dr. Other"


def never_asked() -> bool:
    raise AssertionError("asked before replacing its own file")


def test_a_plan_opens_filled_in_and_saves_to_its_own_file(qtbot: QtBot) -> None:
    first = filled(qtbot)
    first.message_field.setPlainText("Gently.")
    first.rows[0].reminder.setChecked(True)
    days = first.add_item()
    choose(days, "self-compassion-pause")
    days.often.setCurrentIndex(days.often.findData("days"))
    days.day_boxes[2].setChecked(True)
    assert first.save()
    path = default_paths().practices / "first-weeks.yaml"
    before = path.read_bytes()
    plan = load_plan(path)

    shown = dialog(qtbot, plan=plan)
    assert shown.windowTitle() == "Change the plan"
    assert shown.title_field.text() == "First weeks"
    assert shown.message_field.toPlainText() == "Gently."
    assert [row.practice_id() for row in shown.rows] == [
        "longer-out-breath",
        "self-compassion-pause",
    ]
    assert shown.rows[1].when() == ("wed",)
    # The id stays when the title changes, so Today and packs still find the plan.
    shown.title_field.setText("Weeks one and two")
    assert shown.target() == path
    shown.ask_replace = lambda path: never_asked()
    shown.title_field.setText("First weeks")
    assert shown.save()
    assert path.read_bytes() == before


def test_enter_in_a_field_does_not_save(qtbot: QtBot) -> None:
    shown = filled(qtbot)
    shown.show()
    for field in (shown.title_field, shown.from_field, shown.contact_field, shown.rows[0].note):
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(shown.message_field, Qt.Key.Key_Return)
    assert shown.message_field.toPlainText() == "\n"
    assert not default_paths().practices.exists()
    assert shown.isVisible()


def test_tab_goes_through_the_form_in_reading_order(qtbot: QtBot) -> None:
    shown = filled(qtbot)
    choose(shown.add_item(), "focusing-check-in")  # no lengths: nothing to choose there
    shown.show()
    seen: list[QWidget] = []
    widget: QWidget = shown.title_field
    while widget not in seen:
        seen.append(widget)
        widget = widget.nextInFocusChain()
        # Tab passes over what cannot take focus from it, is hidden or is switched off.
        while not (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisible()
            and widget.isEnabled()
        ):
            widget = widget.nextInFocusChain()
    first, second = shown.rows
    expected = [
        shown.title_field,
        shown.from_field,
        shown.message_field,
        shown.contact_field,
        shown.starts_check,
        shown.ends_check,
        first.practice,
        first.length,
        first.often,
        first.reminder,
        first.note,
        first.remove,
        second.practice,
        second.often,
        second.reminder,
        second.note,
        second.remove,
        shown.add_button,
        shown.follow_check,
        shown.cancel_button,
        shown.save_button,
    ]
    assert seen == expected


def test_every_control_has_an_accessible_name(qtbot: QtBot) -> None:
    shown = filled(qtbot)
    row = shown.add_item()
    row.often.setCurrentIndex(row.often.findData("days"))
    shown.add_item().often.setCurrentIndex(2)
    interactive = (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QAbstractSpinBox)
    checked = 0
    for widget in shown.findChildren(QWidget):
        if not isinstance(widget, interactive) or widget.objectName().startswith("qt_"):
            continue  # Qt's own parts of a control (a date box's text field) are named by it
        assert widget.accessibleName(), widget
        assert widget.accessibleDescription(), widget
        checked += 1
    assert checked > 40
    names = [box.accessibleName() for box in row.day_boxes]
    assert names[0] == "Monday, practice 2"


def test_a_plan_is_never_saved_over_another_plan_of_the_same_name(qtbot: QtBot) -> None:
    store = PlanStore(default_paths().plans)
    store.import_plan(
        b"attune: plan/1\nid: first-weeks\ntitle: From my therapist\nlanguage: en\n"
        b"from: Dr. Test\nitems:\n  - practice: longer-out-breath\n    when: daily\n"
    )
    shown = filled(qtbot)  # titled "First weeks": the same id
    shown.follow_check.setChecked(True)
    assert not shown.save()
    assert shown.problems.text() == (
        "Nothing was saved: the plan “From my therapist” has this name already. "
        "Give this plan another title."
    )
    assert store.get("first-weeks").plan.title.get("en") == "From my therapist"
    assert not default_paths().practices.exists()
