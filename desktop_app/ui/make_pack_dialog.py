"""Making a pack from the window: tick your own practices and plans, say who it is
from, and save one .attunepack file to hand over. Problems are listed in the dialog,
with their places, and nothing is written until every one is solved."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.library import Entry, Library
from desktop_app.core.model import PackManifest
from desktop_app.core.problems import InvalidFile
from desktop_app.storage.pack_export import built_in_ids, export_pack, pack_id_for
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import make_label

#: The role that holds an entry's id in the list, and whether it is a plan.
_ID = Qt.ItemDataRole.UserRole
_IS_PLAN = Qt.ItemDataRole.UserRole + 1


class MakePackDialog(QDialog):
    def __init__(self, library: Library, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.language = language
        self.manifest: PackManifest | None = None
        self.setWindowTitle(self.tr("Make a pack"))
        self.setAccessibleName(self.tr("Make a pack"))
        self.setAccessibleDescription(
            self.tr("Choose practices and plans to hand over as one file")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.setSpacing(SPACE["m"])
        heading = make_label(self.tr("Make a pack"), "heading")
        heading.setAccessibleName(self.tr("Make a pack"))
        heading.setAccessibleDescription(self.tr("Heading"))
        layout.addWidget(heading)
        hint = make_label(
            self.tr(
                "Tick what to hand over. Your files go in as you wrote them, with the "
                "clips and images they use. Built-in practices need not be ticked: "
                "everyone has them."
            ),
            "muted",
        )
        hint.setAccessibleName(self.tr("What goes into the pack"))
        hint.setAccessibleDescription(hint.text())
        layout.addWidget(hint)

        self.choices = QListWidget()
        self.choices.setAccessibleName(self.tr("Practices and plans"))
        self.choices.setAccessibleDescription(self.tr("Space ticks or unticks the one with focus"))
        for entry in self._own(library.practices):
            self._add(entry, self.tr("practice"), is_plan=False)
        for entry in self._own(library.plans):
            self._add(entry, self.tr("plan"), is_plan=True)
        self._also: list[str] = []  # practices ticked because a ticked plan asks for them
        self.choices.itemChanged.connect(self._tick_what_plans_need)
        self.choices.itemChanged.connect(self._update)
        layout.addWidget(self.choices, 1)

        form = QFormLayout()
        self.title_field = self._field(
            self.tr("Title"), self.tr("The pack's title, as people see it")
        )
        self.author_field = self._field(self.tr("From"), self.tr("Who the pack is from"))
        for text, field in (
            (self.tr("&Title"), self.title_field),
            (self.tr("&From"), self.author_field),
        ):
            label = make_label(text, None, wrap=False)
            label.setBuddy(field)  # Alt+T and Alt+F move to the field
            label.setAccessibleName(field.accessibleName())
            label.setAccessibleDescription(field.accessibleDescription())
            form.addRow(label, field)
        layout.addLayout(form)

        self.problems = make_label("", None)
        self.problems.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problems.setAccessibleName(self.tr("Problems"))
        self.problems.setAccessibleDescription(self.tr("What must be fixed before saving"))
        self.problems.hide()
        layout.addWidget(self.problems)

        buttons = QHBoxLayout()
        self.status = make_label("", "muted")
        self.status.setAccessibleName(self.tr("Status"))
        self.status.setAccessibleDescription(self.tr("What is chosen so far"))
        buttons.addWidget(self.status, 1)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setAccessibleDescription(self.tr("Close without making a pack"))
        cancel.clicked.connect(self.reject)
        buttons.addWidget(cancel)
        self.save_button = QPushButton(self.tr("Save pack…"))
        self.save_button.setProperty("role", "primary")
        self.save_button.setAccessibleName(self.tr("Save pack"))
        self.save_button.setAccessibleDescription(self.tr("Choose where to save the pack file"))
        self.save_button.clicked.connect(self._choose_file)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        self._update()
        self.resize(600, 560)

    # --- what the person chose ---------------------------------------------------------

    def ticked(self) -> tuple[list[Entry], list[Entry]]:
        practices: list[Entry] = []
        plans: list[Entry] = []
        for row in range(self.choices.count()):
            item = self.choices.item(row)
            if item.checkState() != Qt.CheckState.Checked:
                continue
            if item.data(_IS_PLAN):
                plans.append(self.library.plans[item.data(_ID)])
            else:
                practices.append(self.library.practices[item.data(_ID)])
        return practices, plans

    def tick(self, entry_id: str) -> None:
        for row in range(self.choices.count()):
            item = self.choices.item(row)
            if item.data(_ID) == entry_id:
                item.setCheckState(Qt.CheckState.Checked)

    def save_to(self, out: Path) -> bool:
        """Write the pack; on problems, list them here and write nothing."""
        practices, plans = self.ticked()
        title = self.title_field.text().strip()
        try:
            self.manifest = export_pack(
                practices,
                plans,
                out,
                title=title,
                author=self.author_field.text().strip(),
                built_in=built_in_ids(self.library),
                known=self.library.practices.keys(),
            )
        except InvalidFile as error:
            lines = [f"{Path(p.file).name}:{p.in_file()}" for p in error.problems]
            self.problems.setText(
                self.tr("Nothing was saved. Please fix:") + "\n" + "\n".join(lines)
            )
            self.problems.setAccessibleDescription(self.problems.text())
            self.problems.show()
            return False
        except OSError as error:
            self.problems.setText(
                self.tr("Nothing was saved: %1").replace("%1", error.strerror or str(error))
            )
            self.problems.show()
            return False
        self.accept()
        return True

    # --- building the form -------------------------------------------------------------

    def _own(self, entries: Mapping[str, Entry]) -> list[Entry]:
        return sorted(
            (e for e in entries.values() if e.source.kind != "built-in"),
            key=lambda e: e.summary.title.get(self.language).casefold(),
        )

    def _add(self, entry: Entry, kind: str, *, is_plan: bool) -> None:
        title = entry.summary.title.get(self.language)
        item = QListWidgetItem(f"{title}  ·  {kind}")
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(_ID, entry.id)
        item.setData(_IS_PLAN, is_plan)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{title}, {kind}")
        self.choices.addItem(item)

    def _field(self, name: str, description: str) -> QLineEdit:
        field = QLineEdit()
        field.setAccessibleName(name)
        field.setAccessibleDescription(description)
        field.textChanged.connect(self._update)
        return field

    def _tick_what_plans_need(self, item: QListWidgetItem) -> None:
        """A ticked plan brings the person's own practices it asks for along (built-in
        ones need not come: everyone has them)."""
        if not item.data(_IS_PLAN) or item.checkState() != Qt.CheckState.Checked:
            return
        plan = self.library.plans[item.data(_ID)].summary  # its items: no file read
        for row in range(self.choices.count()):
            other = self.choices.item(row)
            needed = any(i.practice == other.data(_ID) for i in plan.items)
            if needed and not other.data(_IS_PLAN) and other.checkState() != Qt.CheckState.Checked:
                self._also.append(other.data(_ID))
                other.setCheckState(Qt.CheckState.Checked)

    def _update(self) -> None:
        practices, plans = self.ticked()
        ready = bool(practices or plans) and all(
            f.text().strip() for f in (self.title_field, self.author_field)
        )
        self.save_button.setEnabled(ready)
        if not self.choices.count():
            self.status.setText(self.tr("You have no practices or plans of your own yet."))
        elif not (practices or plans):
            self.status.setText(self.tr("Tick at least one."))
        elif not ready:
            self.status.setText(self.tr("Give the pack a title and say who it is from."))
        else:
            counts = [  # only what is chosen is named
                self.tr("%n practices", "", len(practices)) if practices else "",
                self.tr("%n plans", "", len(plans)) if plans else "",
            ]
            chosen = self.tr("Chosen: %1").replace("%1", ", ".join(filter(None, counts)))
            also = [p.summary.title.get(self.language) for p in practices if p.id in self._also]
            if also:
                chosen += " " + self.tr("(with what the plan asks for: %1)").replace(
                    "%1", ", ".join(also)
                )
            self.status.setText(chosen)

    def _choose_file(self) -> None:
        name = pack_id_for(self.title_field.text())
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the pack"),
            str(Path.home() / f"{name}.attunepack"),
            self.tr("Attune packs (*.attunepack)"),
        )
        if chosen:
            out = Path(chosen)
            self.save_to(out if out.suffix == ".attunepack" else out.with_suffix(".attunepack"))
