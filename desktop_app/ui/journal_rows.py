"""The Journal's rows: what the list shows of an entry (`EntryDescriber` words it), and
the list model, which reads the next page when the view reaches the end.

The words are the Journal's and keep the context "JournalView" that the catalogue
has them in, hence `QCoreApplication.translate`. Counts ("%n minutes") are the
describer's own `self.tr`: lupdate finds the count of a `tr` call, not of `translate`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
)
from PySide6.QtWidgets import QWidget

from desktop_app.storage.journal import SessionEntry, scale_changes
from desktop_app.ui.journal_text import local_day, short_name, unmarked

ENTRY_ROLE: Final = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class EntryRow:
    """What the list shows of one entry."""

    entry: SessionEntry
    day: date
    #: The day's heading, on the first entry of each day in the list ("" otherwise).
    heading: str
    time: str
    facts: str
    #: One line under the facts: the start of something written, or a search snippet
    #: with its matches marked "[[…]]".
    text: str
    #: All of it in words, for screen readers.
    spoken: str


class EntryListModel(QAbstractListModel):
    """The entries on show; asks `more` for the next page when the view reaches the end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[EntryRow] = []
        self._more: Callable[[], tuple[list[EntryRow], bool]] | None = None

    @property
    def rows(self) -> list[EntryRow]:
        return self._rows

    def reset(
        self, rows: list[EntryRow], more: Callable[[], tuple[list[EntryRow], bool]] | None
    ) -> None:
        self.beginResetModel()
        self._rows = rows
        self._more = more
        self.endResetModel()

    def row(self, number: int) -> EntryRow | None:
        return self._rows[number] if 0 <= number < len(self._rows) else None

    def row_of(self, uid: str) -> int:
        for number, row in enumerate(self._rows):
            if row.entry.uid == uid:
                return number
        return -1

    def replace_rows(self, rows: list[EntryRow]) -> None:
        """The same entries, described again (new headings or answers): sizes may change."""
        self.layoutAboutToBeChanged.emit()
        self._rows = rows
        self.layoutChanged.emit()

    def remove(self, number: int) -> None:
        self.beginRemoveRows(QModelIndex(), number, number)
        del self._rows[number]
        self.endRemoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        return not parent.isValid() and self._more is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:  # noqa: N802
        if parent.isValid() or self._more is None:
            return
        rows, finished = self._more()
        if finished:
            self._more = None
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def data(
        self,
        index: QModelIndex | QPersistentModelIndex,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        row = self.row(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.entry.practice_title
        if role == ENTRY_ROLE:
            return row
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return row.spoken
        return None


class EntryDescriber(QObject):
    """Words for entries: the day's heading, the time, the facts of how it went, and
    everything in words for screen readers, in the locale of `language`."""

    def __init__(self, language: str, today: Callable[[], date], kinds: dict[str, str]) -> None:
        super().__init__()
        self._locale = QLocale(language)
        self._today = today
        self._kinds = kinds

    def rows(
        self,
        entries: Sequence[SessionEntry],
        previous: date | None,
        text_for: Callable[[SessionEntry], str],
    ) -> list[EntryRow]:
        """Rows for `entries`, with a heading on the first of each day; `previous` is the
        day of the row above them (None at the top)."""
        rows = []
        for entry in entries:
            day = local_day(entry.started_at)
            heading = self.day_heading(day) if day != previous else ""
            rows.append(self.describe(entry, heading, text_for(entry), day))
            previous = day
        return rows

    def reheaded(self, rows: list[EntryRow]) -> list[EntryRow]:
        """Headings again, after a row has gone: one on the first entry of each day."""
        result = []
        previous: date | None = None
        for row in rows:
            heading = self.day_heading(row.day) if row.day != previous else ""
            result.append(row if heading == row.heading else replace(row, heading=heading))
            previous = row.day
        return result

    def describe(
        self, entry: SessionEntry, heading: str, text: str, day: date | None = None
    ) -> EntryRow:
        day = day or local_day(entry.started_at)
        time = self.time(entry.started_at)
        facts = " · ".join(self._facts(entry, spoken=False))
        spoken = ", ".join(
            part
            for part in (
                self.day_heading(day),
                time,
                entry.practice_title,
                *self._facts(entry, spoken=True),
                unmarked(text),
            )
            if part
        )
        return EntryRow(entry, day, heading, time, facts, text, spoken)

    def meta(self, entry: SessionEntry) -> str:
        """When (first line), and how it went (second)."""
        day = local_day(entry.started_at)
        when = f"{self.day_heading(day)} · {self.time(entry.started_at)}"
        parts = [self._minutes(entry.practised)]
        if not entry.completed:
            parts.append(QCoreApplication.translate("JournalView", "stopped early"))
        if entry.pauses:
            parts.append(self.tr("%n pauses", "", entry.pauses))
        parts.append(self._kinds.get(entry.practice_kind, entry.practice_kind))
        return f"{when}\n{' · '.join(parts)}"

    def day_heading(self, day: date) -> str:
        pattern = "dddd d MMMM" if day.year == self._today().year else "dddd d MMMM yyyy"
        return self._locale.toString(QDate(day.year, day.month, day.day), pattern)

    def time(self, moment: datetime) -> str:
        local = moment.astimezone()
        return self._locale.toString(
            QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
        )

    def _minutes(self, seconds: float) -> str:
        if seconds < 60:
            return QCoreApplication.translate("JournalView", "under a minute")
        minutes = round(seconds / 60)
        return self.tr("%n minutes", "", minutes)

    def _facts(self, entry: SessionEntry, *, spoken: bool) -> list[str]:
        facts = [self._minutes(entry.practised)]
        if not entry.completed:
            facts.append(QCoreApplication.translate("JournalView", "stopped early"))
        for change in scale_changes(entry):
            name = short_name(change.question_id)
            if spoken:
                facts.append(
                    QCoreApplication.translate("JournalView", "%1 from %2 to %3")
                    .replace("%1", name)
                    .replace("%2", str(change.before))
                    .replace("%3", str(change.after))
                )
            else:
                facts.append(f"{name} {change.before} → {change.after}")
        return facts
