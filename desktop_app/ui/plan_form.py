"""Making a plan with a form: a title, who it is from, a message, dates, and the
practices it asks for with how often. Saved as a plan file in one's own practices
folder (ready to put in a pack), and, if wished, followed on Today straight away.

What is saved is checked exactly as any plan file is: the text is written, read back
with the plan loader and checked against the library; problems are shown in the
dialog and nothing is written until they are solved.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.library import Library
from desktop_app.core.model import Plan
from desktop_app.core.plan_loader import check_plan_against_library, read_plan
from desktop_app.core.plan_writer import (
    PlanDraft,
    PlanItemDraft,
    draft_from_plan,
    plan_yaml,
    slug_for,
)
from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.core.summaries import PracticeSummary
from desktop_app.storage.paths import ensure_private_dir
from desktop_app.storage.plans import PlanStore
from desktop_app.storage.private_files import write_private
from desktop_app.ui.plan_item_row import PlanItemRow
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import (
    GrowingTextEdit,
    as_tall_as,
    make_label,
    no_enter,
    scroll_pane,
    set_names,
)

#: Ends, when ticked, starts two weeks after the start: a usual time between sessions.
_DEFAULT_WEEKS = 2


class PlanFormDialog(QDialog):
    """Make a plan, or change one (`plan`). `saved` carries the plan's id once its file
    is written; the dialog then closes."""

    saved = Signal(str)

    def __init__(
        self,
        library: Library,
        language: str,
        practices_folder: Path,
        plan_store: PlanStore,
        today: date,
        parent: QWidget | None = None,
        *,
        plan: Plan | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.language = language
        self.practices_folder = practices_folder
        self.plan_store = plan_store
        self.today = today
        #: Files this dialog wrote (or the plan it opened): replaced without asking.
        self._ours: set[Path] = set()
        #: The id of a plan being changed stays, so packs and Today still find it.
        self._fixed_id: str | None = None
        self._file_name: str | None = None
        self.saved_to: Path | None = None
        #: Asks before replacing a file this dialog did not make; tests may replace it.
        self.ask_replace: Callable[[Path], bool] = self._ask_replace
        self.rows: list[PlanItemRow] = []
        self._practices = self._sorted_practices()

        heading_text = self.tr("Change the plan") if plan else self.tr("Make a plan")
        self.setWindowTitle(heading_text)
        set_names(self, heading_text, self.tr("Practices to do, how often, and a message"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.setSpacing(SPACE["m"])
        heading = make_label(heading_text, "heading")
        set_names(heading, heading_text, self.tr("Heading"))
        layout.addWidget(heading)
        # The fields scroll; the heading and the buttons stay where they are.
        content = QWidget()
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, SPACE["s"], 0)
        body.setSpacing(SPACE["m"])

        form = QFormLayout()
        form.setSpacing(SPACE["s"])
        form.setHorizontalSpacing(SPACE["m"])
        self.title_field = self._line(
            self.tr("Title"), self.tr("The plan's title, as people see it")
        )
        self.id_note = make_label("", "muted")
        set_names(self.id_note, self.tr("File name"), self.tr("Where the plan is saved"))
        self.from_field = self._line(self.tr("From"), self.tr("Who gives the plan, shown with it"))
        self.from_field.setPlaceholderText(self.tr("Your name, as your client knows you"))
        self.message_field = GrowingTextEdit()
        set_names(
            self.message_field,
            self.tr("Message"),
            self.tr("An optional word for the person; Tab moves on"),
        )
        self.message_field.setPlaceholderText(
            self.tr("For example: Try these at a quiet moment. It's fine to miss a day.")
        )
        self.message_field.textChanged.connect(self._update)
        self.contact_field = self._line(
            self.tr("Contact"), self.tr("Optional: how to reach you, shown with the safety info")
        )
        self.contact_field.setPlaceholderText(self.tr("Optional: a phone number or e-mail"))
        dates = QHBoxLayout()
        dates.setSpacing(SPACE["s"])
        self.starts_check, self.starts_date = self._date(
            self.tr("Starts on"), today, self.tr("Ticked: the plan begins on this day")
        )
        self.ends_check, self.ends_date = self._date(
            self.tr("Ends on"),
            today + timedelta(weeks=_DEFAULT_WEEKS),
            self.tr("Ticked: the plan ends after this day"),
        )
        for widget in (self.starts_check, self.starts_date):
            dates.addWidget(widget)
        dates.addSpacing(SPACE["l"])
        for widget in (self.ends_check, self.ends_date):
            dates.addWidget(widget)
        dates.addStretch(1)
        for text, field in (
            (self.tr("&Title"), self.title_field),
            (None, self.id_note),
            (self.tr("F&rom"), self.from_field),
            (self.tr("&Message"), self.message_field),
            (self.tr("&Contact"), self.contact_field),
        ):
            if text is None:
                form.addRow("", field)
                continue
            label = make_label(text, None, wrap=False)
            label.setBuddy(field)  # Alt+T, Alt+R, Alt+M, Alt+C move to the field
            set_names(label, field.accessibleName(), field.accessibleDescription())
            form.addRow(label, field)
        dates_label = make_label(self.tr("Dates"), None, wrap=False)
        set_names(dates_label, self.tr("Dates"), self.tr("Both are optional"))
        form.addRow(dates_label, dates)
        body.addLayout(form)

        practices_heading = make_label(self.tr("Practices"), "subheading")
        set_names(practices_heading, self.tr("Practices"), self.tr("Heading"))
        body.addWidget(practices_heading)
        self.empty_note = make_label(
            self.tr("No practices in this plan yet. Add the first one below."), "muted"
        )
        set_names(self.empty_note, self.tr("No practices yet"), self.empty_note.text())
        body.addWidget(self.empty_note)
        self.rows_layout = QVBoxLayout()
        self.rows_layout.setSpacing(SPACE["s"])
        body.addLayout(self.rows_layout)
        self.add_button = no_enter(QPushButton(self.tr("Add a practice")))
        set_names(
            self.add_button, self.tr("Add a practice"), self.tr("A new row for one more practice")
        )
        self.add_button.clicked.connect(self._add_and_focus)
        self.add_button.setEnabled(bool(self._practices))
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        body.addLayout(add_row)
        body.addStretch(1)
        self._pane = pane = scroll_pane(
            content, "planFormFields", self.tr("The plan"), self.tr("Everything the plan holds")
        )
        pane.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes through the fields instead
        layout.addWidget(pane, 1)

        self.follow_check = QCheckBox(self.tr("Also follow this plan myself (it shows on Today)"))
        set_names(
            self.follow_check,
            self.follow_check.text(),
            self.tr("Ticked: the plan is added to your own Today as well"),
        )
        layout.addWidget(self.follow_check)

        self.problems = make_label("", "warning")
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_names(self.problems, self.tr("Problems"), self.tr("What to change before saving"))
        self.problems.hide()
        layout.addWidget(self.problems)

        buttons = QHBoxLayout()
        self.status = make_label("", "muted")
        set_names(self.status, self.tr("Status"), self.tr("What is still needed"))
        buttons.addWidget(self.status, 1)
        self.cancel_button = no_enter(QPushButton(self.tr("Cancel")))
        set_names(self.cancel_button, self.tr("Cancel"), self.tr("Close without saving"))
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.cancel_button)
        self.save_button = no_enter(QPushButton(self.tr("Save")))
        self.save_button.setProperty("role", "primary")
        set_names(self.save_button, self.tr("Save"), self.tr("Save the plan with your practices"))
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)

        if plan is not None:
            self._fill(plan)
        self._update()
        self._fix_tab_order()
        self.resize(760, 720)

    # --- what the main window calls ----------------------------------------------------

    def draft(self) -> PlanDraft:
        """The plan as the form holds it now."""
        starts = self.starts_date.date().toPython() if self.starts_check.isChecked() else None
        ends = self.ends_date.date().toPython() if self.ends_check.isChecked() else None
        assert starts is None or isinstance(starts, date)
        assert ends is None or isinstance(ends, date)
        return PlanDraft(
            id=self.plan_id(),
            title=self.title_field.text().strip(),
            language=self.language,
            from_=self.from_field.text().strip(),
            message=self.message_field.toPlainText().strip(),
            contact=self.contact_field.text().strip(),
            starts=starts,
            ends=ends,
            items=tuple(row.draft() for row in self.rows),
        )

    def plan_id(self) -> str:
        return self._fixed_id or slug_for(self.title_field.text())

    def target(self) -> Path:
        """The file the plan is saved as."""
        return self.practices_folder / (self._file_name or f"{self.plan_id()}.yaml")

    def add_item(self, item: PlanItemDraft | None = None) -> PlanItemRow:
        row = PlanItemRow(self._practices, self.language, len(self.rows) + 1)
        if item is not None:
            row.set_draft(item)
        row.changed.connect(self._update)
        row.remove_requested.connect(self.remove_item)
        self.rows.append(row)
        self.rows_layout.addWidget(row)
        self._rows_changed()
        return row

    def remove_item(self, row: PlanItemRow) -> None:
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        for number, other in enumerate(self.rows, 1):
            other.renumber(number)
        self._rows_changed()
        (self.rows[-1].remove if self.rows else self.add_button).setFocus()

    def save(self) -> bool:
        """What Save does: asks before replacing a file this dialog did not make."""
        path = self.target()
        replace = path in self._ours
        if path.exists() and not replace:
            replace = self.ask_replace(path)
            if not replace:
                return False
        return self.save_to(path, replace=replace)

    def save_to(self, path: Path, *, replace: bool = False) -> bool:
        """Check the plan and write it to `path`; then follow it if ticked. On problems
        they are shown here and nothing is written. An existing file is only replaced
        with `replace` (or when this dialog wrote it)."""
        data = plan_yaml(self.draft()).encode("utf-8")
        problems = self._problems(data, path.name)
        if any(p.is_error for p in problems):
            self._show_problems(self.tr("Nothing was saved yet. Please look at:"), problems)
            return False
        taken = self._taken_by()
        if taken is not None and not replace:
            self._show_text(
                self.tr(
                    "Nothing was saved: the plan “%1” has this name already. "
                    "Give this plan another title."
                ).replace("%1", taken)
            )
            return False
        if path.exists() and not (replace or path in self._ours):
            self._show_text(
                self.tr("Nothing was saved: there is already a file named %1.").replace(
                    "%1", path.name
                )
            )
            return False
        try:
            ensure_private_dir(path.parent)  # the practices folder: Attune's own
            write_private(path, data)
        except OSError as error:
            self._show_text(
                self.tr("Nothing was saved: %1").replace("%1", error.strerror or str(error))
            )
            return False
        self._ours.add(path)
        self.saved_to = path
        plan_id = self.plan_id()
        if self.follow_check.isChecked():
            try:
                self.plan_store.import_plan(data, display=path.name)
            except (OSError, InvalidFile) as error:
                self._show_text(
                    self.tr("The plan was saved, but could not be added to Today: %1").replace(
                        "%1", str(error)
                    )
                )
                self.saved.emit(plan_id)
                return True
        self.saved.emit(plan_id)
        self.accept()
        return True

    # --- checking ----------------------------------------------------------------------

    def _taken_by(self) -> str | None:
        """The title of another plan with this id (in the library, or followed on
        Today), which saving would replace; None when there is none."""
        plan_id = self.plan_id()
        if plan_id == self._fixed_id:
            return None
        entry = self.library.plans.get(plan_id)
        if entry is not None and entry.path not in self._ours:
            return entry.summary.title.get(self.language)
        followed = self.plan_store.get(plan_id)
        if followed is not None and self.saved_to is None:
            return followed.plan.title.get(self.language)
        return None

    def _problems(self, data: bytes, file: str) -> list[Problem]:
        try:
            plan = read_plan(data, file)
        except InvalidFile as error:
            return list(error.problems)
        practices = {pid: p for pid, p in self._practices if p is not None}
        return check_plan_against_library(plan, practices, file)

    def _show_problems(self, intro: str, problems: list[Problem]) -> None:
        lines = [f"• {self._where(p.path)}: {p.message}" for p in problems if p.is_error]
        self._show_text(intro + "\n" + "\n".join(lines))

    def _show_text(self, text: str) -> None:
        self.problems.setText(text)
        self.problems.setAccessibleDescription(text)
        self.problems.show()

    def _where(self, path: str) -> str:
        """A field of the file named as the form names it: `items[2].length` ->
        `Practice 2, length`."""
        fields = {
            "id": self.tr("Title"),
            "title": self.tr("Title"),
            "from": self.tr("From"),
            "message": self.tr("Message"),
            "contact": self.tr("Contact"),
            "starts": self.tr("Starts on"),
            "ends": self.tr("Ends on"),
            "items": self.tr("Practices"),
            "language": self.tr("Language"),
        }
        head, _, rest = path.partition(".")
        if head.startswith("items[") and head.endswith("]"):
            number = head[len("items[") : -1]
            where = self.tr("Practice %1").replace("%1", number)
            return f"{where}, {rest}" if rest else where
        return fields.get(head, path or self.tr("The plan"))

    def _update(self) -> None:
        missing = self._missing()
        self.save_button.setEnabled(missing is None)
        if missing is not None:
            self.status.setText(missing)
        else:
            count = len(self.rows)
            self.status.setText(self.tr("Ready to save: %n practices", "", count))
        self._show_file_name()

    def _missing(self) -> str | None:
        if not self.title_field.text().strip():
            return self.tr("Give the plan a title.")
        if not self.from_field.text().strip():
            return self.tr("Say who the plan is from.")
        if not self.rows:
            return self.tr("Add at least one practice.")
        return next((m for row in self.rows if (m := row.missing()) is not None), None)

    def _show_file_name(self) -> None:
        if not self.title_field.text().strip() and self._fixed_id is None:
            self.id_note.setText(self.tr("The file name comes from the title."))
            return
        path = self.target()
        text = self.tr("Saved as %1 with your own practices.").replace("%1", path.name)
        if path.exists() and path not in self._ours:
            text += " " + self.tr("A file of that name is there already; you will be asked.")
        self.id_note.setText(text)
        self.id_note.setAccessibleDescription(text)

    def _ask_replace(self, path: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace the file?"),
            self.tr("There is already a plan file named %1. Replace it with this plan?").replace(
                "%1", path.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # --- building the form -------------------------------------------------------------

    def _sorted_practices(self) -> list[tuple[str, PracticeSummary | None]]:
        found = [(pid, entry.summary) for pid, entry in self.library.practices.items()]
        found.sort(key=lambda pair: (pair[1].title.get(self.language).casefold(), pair[0]))
        return [(pid, practice) for pid, practice in found]

    def _fill(self, plan: Plan) -> None:
        draft = draft_from_plan(plan, self.language)
        self._fixed_id = plan.id
        source = plan.source
        if source is not None and source.parent == self.practices_folder:
            self._file_name = source.name
            self._ours.add(source)
        self.title_field.setText(draft.title)
        self.from_field.setText(draft.from_)
        self.message_field.setPlainText(draft.message)
        self.contact_field.setText(draft.contact)
        for check, edit, value in (
            (self.starts_check, self.starts_date, draft.starts),
            (self.ends_check, self.ends_date, draft.ends),
        ):
            check.setChecked(value is not None)
            if value is not None:
                edit.setDate(QDate(value.year, value.month, value.day))
        for item in draft.items:
            self.add_item(item)

    def _line(self, name: str, description: str) -> QLineEdit:
        field = QLineEdit()
        set_names(field, name, description)
        field.textChanged.connect(self._update)
        return field

    def _date(self, text: str, value: date, description: str) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text)
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setEnabled(False)
        as_tall_as(edit, self.title_field)
        check.toggled.connect(edit.setEnabled)
        set_names(check, text, description)
        set_names(edit, text + self.tr(", date"), self.tr("The day; Alt+Down opens a calendar"))
        return check, edit

    def _add_and_focus(self) -> None:
        row = self.add_item()
        row.practice.setFocus()
        # Once laid out, scroll the new row into view.
        QTimer.singleShot(0, row, lambda: self._pane.ensureWidgetVisible(row))

    def _rows_changed(self) -> None:
        self.empty_note.setVisible(not self.rows)
        self._fix_tab_order()
        self._update()

    def _fix_tab_order(self) -> None:
        """Rows are made after the buttons; put them back in reading order for Tab."""
        chain: list[QWidget] = [
            self.title_field,
            self.from_field,
            self.message_field,
            self.contact_field,
            self.starts_check,
            self.starts_date,
            self.ends_check,
            self.ends_date,
        ]
        for row in self.rows:
            chain.extend(row.focus_chain())
        chain += [self.add_button, self.follow_check, self.cancel_button, self.save_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
