"""The main window: navigation between Today, Library, Journal and Settings, and the
path of one practice: Before you begin → Player → After.

Widgets stay thin. The library, settings, sound preparation and sound output are
services handed in by the composition root (`app.py`); tests hand in their own clock
and sound sink.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QByteArray, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QPaintEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.answers import Answer
from desktop_app.core.clock import Clock
from desktop_app.storage import autostart
from desktop_app.storage.paths import AppPaths
from desktop_app.storage.settings import ScreenName, Settings, SettingsStore
from desktop_app.ui import theme
from desktop_app.ui.i18n import Translations, ui_language
from desktop_app.ui.journal_words import journal_problem
from desktop_app.ui.session_choice import SessionChoice
from desktop_app.ui.sound_preparer import SoundPreparer
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import action_button

ZOOM_STEP: Final = 0.1
#: Typing after a practice is saved this long after the last key: at most this much
#: can be lost in a crash or power cut.
DRAFT_DELAY_MS: Final = 1000
#: The draft that stands for a practice under way.
PENDING: Final = "pending-session"

if TYPE_CHECKING:  # sound and the session screens load when first used, not at start-up
    from desktop_app.audio.session import SessionSound
    from desktop_app.core.library import Library
    from desktop_app.core.model import Practice
    from desktop_app.core.schedule import DayItem
    from desktop_app.storage.journal import Journal, StoredAnswer
    from desktop_app.ui.after_view import AfterView
    from desktop_app.ui.before_view import BeforeView
    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.library_view import LibraryView
    from desktop_app.ui.library_watcher import LibraryWatcher
    from desktop_app.ui.make_pack_dialog import MakePackDialog
    from desktop_app.ui.pack_dialog import PackDialog
    from desktop_app.ui.plan_form import PlanFormDialog
    from desktop_app.ui.player_view import PlayerResult, PlayerView, SoundSink
    from desktop_app.ui.practice_editor import PracticeEditor
    from desktop_app.ui.reminders import ReminderService
    from desktop_app.ui.report_dialog import ReportDialog
    from desktop_app.ui.settings_view import SettingsView
    from desktop_app.ui.today_view import TodayView


@dataclass
class Services:
    """What the window needs from the outside world."""

    paths: AppPaths
    settings_store: SettingsStore
    scan: Callable[[], Library]
    sink: SoundSink
    clock: Clock
    #: The output rate; asked when sound is first prepared (it starts PortAudio).
    device_rate: Callable[[], int]
    system_reduces_motion: bool = False
    #: (voice id, name, languages) of the installed voices, for Settings and Before;
    #: read just after the window first shows.
    load_voices: Callable[[], tuple[tuple[str, str, tuple[str, ...]], ...]] = tuple


@dataclass(frozen=True)
class SessionRecord:
    """One practice session's answers and outcome, kept for the journal."""

    choice: SessionChoice
    result: PlayerResult
    after: tuple[Answer, ...]


class MainWindow(QMainWindow):
    """Start-up is in two steps, so the window is on screen at once: the constructor
    makes the frame (navigation, notice, empty pages) and `build_pages`, run from the
    event loop just after, scans the library and makes the Library and Settings pages."""

    #: The Library and Settings pages are made and the library is scanned.
    pages_built = Signal()

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.library: Library | None = None  # until build_pages
        self.journal: Journal | None = None
        self._entry_id: int | None = None  # the journal entry of the session on screen
        self.library_view: LibraryView | None = None
        self.today_view: TodayView | None = None
        self.reminders: ReminderService | None = None
        self.settings_view: SettingsView | None = None
        self.editor: PracticeEditor | None = None
        self.watcher: LibraryWatcher | None = None
        self.settings, settings_notice = services.settings_store.load()
        kept = services.settings_store.keep_damaged_copy()  # a file read only in part
        if kept:
            settings_notice = f"{settings_notice} {kept}" if settings_notice else kept
        self.translations = Translations()
        self.translations.install(self.language)  # before any words are made
        self.sessions: list[SessionRecord] = []
        self.preparer = SoundPreparer(self)
        self.player: PlayerView | None = None
        self.before: BeforeView | None = None
        self._practice: Practice | None = None
        self._choice: SessionChoice | None = None
        self._start_when_ready = False
        self._previewing = False
        self._came_from: ScreenName = "library"
        self._reminded: str | None = None  # the practice the notice reminds of
        self._news = False  # the notice is news, not a problem
        self.repair_bar: QFrame | None = None  # offered when the journal is damaged

        self.setWindowTitle("Attune")
        self.setAcceptDrops(True)  # a pack dropped on the window opens its preview
        self.setMinimumSize(760, 560)
        self.resize(1100, 740)
        self.screens = QStackedWidget()
        self.voices: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
        pages: dict[ScreenName, QWidget] = {
            "today": self._coming_soon(
                self.tr("Today"),
                self.tr(
                    "Soon you will see here what your plan asks for today. "
                    "For now, choose a practice in the Library."
                ),
            ),
            "library": QWidget(),  # until build_pages
            "journal": self._coming_soon(
                self.tr("Journal"),
                self.tr("Soon your reflections will be kept here, privately, on this computer."),
            ),
            "settings": QWidget(),
        }
        for page in pages.values():
            self.screens.addWidget(page)
        self.pages = pages
        self.session_area = QStackedWidget()

        self.nav = self._navigation()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setProperty("role", "warning")
        self.notice.setAccessibleName(self.tr("Notice"))
        self.notice.setVisible(bool(settings_notice))
        self.notice.setText(settings_notice or "")
        main = QWidget()
        main_layout = self.main_layout = QHBoxLayout(main)
        main_layout.setContentsMargins(0, 0, 0, 0)
        main_layout.addWidget(self.nav)
        right = self.right = QVBoxLayout()
        right.setContentsMargins(SPACE["m"], SPACE["m"], SPACE["m"], SPACE["m"])
        right.addWidget(self.notice)
        right.addWidget(self.screens, 1)
        main_layout.addLayout(right, 1)
        self.root = QStackedWidget()
        self.root.addWidget(main)
        self.root.addWidget(self.session_area)
        self.setCentralWidget(self.root)

        self.preparer.progress.connect(self._preparing)
        self.preparer.ready.connect(self._prepared)
        self.preparer.failed.connect(self._preparation_failed)
        self._zoom_shortcuts()
        self._restore()
        self._painted = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:  # the frame is on screen: now the pages behind it
            self._painted = True
            QTimer.singleShot(0, self.build_pages)

    def build_pages(self, library: Library | None = None) -> None:
        """Scan the library (unless given) and make the pages that need it (once)."""
        if self.library_view is not None:
            return
        from desktop_app.ui.library_view import LibraryView
        from desktop_app.ui.library_watcher import LibraryWatcher
        from desktop_app.ui.settings_view import SettingsView

        services = self.services
        self.library = library if library is not None else services.scan()
        self.voices = services.load_voices()
        self.library_view = LibraryView(
            self.library, self.language, practices_folder=services.paths.practices
        )
        self.library_view.set_authoring(self.settings.authoring)
        self.library_view.practice_chosen.connect(self.open_practice_id)
        self.library_view.edit_requested.connect(self.edit_practice)
        self.settings_view = SettingsView(self.settings, self.voices)
        self.settings_view.changed.connect(self.change_settings)
        self.settings_view.erase_requested.connect(self.erase_all_data)
        self.settings_view.autostart_changed.connect(self.set_autostart)
        self.settings_view.set_autostart(autostart.enabled())
        self._put_page("library", self.library_view)
        self._put_page("settings", self.settings_view)
        self.watcher = LibraryWatcher(
            [services.paths.practices, services.paths.packs], services.scan, self
        )
        self.watcher.library_changed.connect(self.set_library)
        self._open_journal()
        self._show_today()
        # With a plan active, Today is home; otherwise where the person last was.
        planned = self.today_view is not None and self.today_view.has_plan
        screen: ScreenName = "today" if planned else self.settings.last_screen
        self.show_screen(screen)
        self.pages[screen].setFocus()  # start in the page, not the menu
        self.pages_built.emit()

    def _put_page(self, name: ScreenName, page: QWidget) -> None:
        """Put `page` where the placeholder (or older page) for `name` stands."""
        old = self.pages[name]
        self.screens.insertWidget(self.screens.indexOf(old), page)
        self.screens.removeWidget(old)
        old.hide()  # never painted again while it waits to be deleted
        old.deleteLater()
        self.pages[name] = page

    def _show_today(self) -> None:
        from desktop_app.storage.plans import PlanStore
        from desktop_app.ui.today_view import TodayView

        assert self.library is not None
        self.plans = PlanStore(self.services.paths.plans)
        self.today_view = TodayView(self.plans.plans(), self.library, self.journal, self.language)
        self.today_view.practice_requested.connect(self._open_from_today)
        self.today_view.report_requested.connect(self.report_plan)
        self._put_page("today", self.today_view)
        self._start_reminders()

    def _start_reminders(self) -> None:
        """Gentle reminders at a plan item's `at` time, only while Attune runs."""
        from desktop_app.ui.reminders import ReminderService

        if self.reminders is not None:
            return
        self.reminders = ReminderService(
            clock_now=lambda: datetime.now().astimezone(),
            items=self._reminder_items,
            state_file=self.services.paths.data / "reminders.json",
            titles=self._reminder_title,
            parent=self,
        )
        self.reminders.open_requested.connect(self._come_forward)
        self.reminders.reminder.connect(lambda r: self._remind(r.practice_id))
        self.reminders.start()

    def _remind(self, practice_id: str) -> None:
        """The reminder in the window too, until that practice is done."""
        self._reminded = practice_id
        self.show_notice(
            self.tr("Time for %1, as your plan suggests.").replace(
                "%1", self._reminder_title(practice_id)
            ),
            news=True,
        )

    def _reminder_items(self) -> list[DayItem]:
        from desktop_app.core import schedule
        from desktop_app.storage.journal import JournalError

        day = datetime.now().astimezone().date()
        stored = [s for s in self.plans.plans() if not s.archived]
        if not stored:
            return []
        try:
            done = (
                schedule.completions(self.journal.entries(since=schedule.week_start(day)))
                if self.journal is not None
                else []
            )
        except JournalError:
            done = []
        imported = {s.plan.id: s.imported_on for s in stored}
        return schedule.today([s.plan for s in stored], day, done, imported)

    def _reminder_title(self, practice_id: str) -> str:
        practice = self.library.practice(practice_id) if self.library else None
        return practice.title.get(self.language) if practice is not None else practice_id

    def support(self, language: str) -> tuple[tuple[str, str], ...]:
        """Who to reach and how, from the plans running today: shown with the safety
        information (formats.md), before a practice and in a pause."""
        from desktop_app.core import schedule

        day = date.today()
        return tuple(
            (s.plan.assigned_by, s.plan.contact.get(language))
            for s in self.plans.plans()
            if not s.archived
            and s.plan.contact is not None
            and schedule.is_active(s.plan, day, s.imported_on)
        )

    def _come_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.show_screen("today")

    def _refresh_journal(self) -> None:
        """The Journal page shows what was just kept (its entries and Insights)."""
        refresh = getattr(self.pages["journal"], "refresh", None)
        if refresh is not None:
            refresh()

    def refresh_today(self) -> None:
        if self.today_view is not None and self.library is not None:
            self.today_view.journal = self.journal
            self.today_view.refresh(self.plans.plans(), self.library)

    def _open_from_today(self, practice_id: str, length: float | None) -> None:
        practice = self.library.practice(practice_id) if self.library else None
        if practice is not None:
            self.open_practice(practice, length)

    # --- the journal ----------------------------------------------------------------

    def _open_journal(self) -> None:
        """Open the journal, keep today's backup, and put back unfinished reflections.
        A journal that cannot be opened never stops anyone from practising."""
        from desktop_app.storage import journal_backups
        from desktop_app.storage.journal import Journal, JournalError

        paths = self.services.paths
        try:
            self.journal = Journal.open(paths.journal)
        except JournalError as error:
            self.journal = None
            if error.kind == "corrupt":
                self._offer_repair(journal_problem(error))
            else:
                self.show_notice(journal_problem(error))
            if error.kind in ("readonly", "full") and paths.journal.is_file():
                # Reading needs no writing: the journal can still be read and exported.
                try:
                    self.journal = Journal.open_read_only(paths.journal, error.kind)
                except JournalError:
                    self.journal = None
            self._show_journal_page()
            return
        try:
            journal_backups.daily_backup(paths.journal, paths.journal_backups, date.today())
        except OSError as error:
            self.show_notice(
                self.tr("Today's copy of your journal could not be made (%1).").replace(
                    "%1", error.strerror or str(error)
                )
            )
        self._keep_drafts()
        self._show_journal_page()

    def _keep_drafts(self) -> None:
        """Reflections typed before a crash or power cut go into their entries."""
        journal = self.journal
        assert journal is not None
        kept = 0
        for key, payload in journal.drafts().items():
            if key == PENDING:
                kept += self._keep_pending(payload)
                journal.clear_draft(key)
                continue
            entry = (
                journal.get(int(key.removeprefix("entry-"))) if key.startswith("entry-") else None
            )
            answers = _answers_from(payload)
            if entry is not None and answers:
                journal.update_answers(entry.id, (*entry.answers, *answers))
                kept += 1
            journal.clear_draft(key)
        if kept:
            self.show_notice(
                self.tr("What you were writing when Attune last closed was kept in your journal."),
                news=True,
            )

    def _keep_pending(self, payload: dict[str, object]) -> int:
        """A practice that was under way when Attune closed: kept as stopped early,
        with the answers given before it began."""
        from desktop_app.storage.journal import NewSession

        journal = self.journal
        assert journal is not None
        try:
            started = datetime.fromisoformat(str(payload["started_at"]))
            length = payload.get("length")
            version = payload.get("practice_version")
            journal.add(
                NewSession(
                    practice_id=str(payload["practice_id"]),
                    practice_title=str(payload["practice_title"]),
                    practice_kind=str(payload["practice_kind"]),
                    practice_version=version if isinstance(version, int) else None,
                    source=str(payload["source"]),
                    language=str(payload["language"]),
                    started_at=started,
                    ended_at=started,
                    length=float(length) if isinstance(length, int | float) else None,
                    practised=0.0,
                    completed=False,
                    stopped_at_step=None,
                    pauses=0,
                    grounding_pauses=0,
                    answers=_answers_from(payload),
                )
            )
        except (KeyError, TypeError, ValueError):
            return 0
        return 1

    def _save_pending(self, practice: Practice, choice: SessionChoice) -> None:
        """While a practice plays, what is known of it is kept as a draft, so a crash
        or power cut during it still leaves it, and the answers before, in the journal."""
        from desktop_app.storage.journal import JournalError
        from desktop_app.ui.journal_records import stored

        if self.journal is None or self._previewing:
            return
        entry = self.library.practices.get(practice.id) if self.library else None
        payload: dict[str, object] = {
            "practice_id": practice.id,
            "practice_title": practice.title.get(choice.language),
            "practice_kind": practice.kind,
            "practice_version": practice.version,
            "source": entry.source.label if entry is not None else "file",
            "language": choice.language,
            "started_at": datetime.now().astimezone().isoformat(),
            "length": choice.length,
            "answers": _answers_payload(stored(practice, choice.before, choice.language)),
        }
        try:
            self.journal.save_draft(PENDING, payload)
        except JournalError as error:
            self.show_notice(journal_problem(error))

    def _offer_repair(self, message: str) -> None:
        from desktop_app.storage import journal_backups

        latest = next(iter(journal_backups.backups(self.services.paths.journal_backups)), None)
        bar = QFrame()
        bar.setProperty("role", "card")
        row = QHBoxLayout(bar)
        text = QLabel(message + " " + self.tr("The damaged file will be kept aside, not deleted."))
        text.setWordWrap(True)
        text.setAccessibleName(text.text())
        row.addWidget(text, 1)
        if latest is not None:
            restore = QPushButton(
                self.tr("Restore the last copy (%1)").replace(
                    "%1", latest.stem.removeprefix("journal-")
                )
            )
            restore.setProperty("role", "primary")
            restore.setAccessibleName(restore.text())
            restore.setAccessibleDescription(self.tr("Use the most recent daily copy"))
            restore.clicked.connect(lambda: self._repair(latest))
            row.addWidget(restore)
        fresh = QPushButton(self.tr("Start a new journal"))
        fresh.setAccessibleName(fresh.text())
        fresh.setAccessibleDescription(self.tr("Keep the damaged file aside and begin again"))
        fresh.clicked.connect(lambda: self._repair(None))
        row.addWidget(fresh)
        if self.repair_bar is not None:  # one bar, in the words of now
            self.repair_bar.deleteLater()
        self.repair_bar = bar
        self.right.insertWidget(1, bar)

    def _repair(self, backup: Path | None) -> None:
        from desktop_app.storage import journal_backups
        from desktop_app.storage.journal import JournalError

        path = self.services.paths.journal
        if self.repair_bar is not None:
            self.repair_bar.deleteLater()
            self.repair_bar = None
        self.show_notice("")
        try:
            journal_backups.move_aside(path)
            if backup is not None:
                journal_backups.restore_backup(backup, path)
        except (OSError, JournalError) as error:
            self.show_notice(
                self.tr(
                    "The copy could not be restored (%1); a new journal was "
                    "started and the damaged file kept aside."
                ).replace("%1", str(error))
            )
        self._open_journal()

    def _show_journal_page(self) -> None:
        from desktop_app.ui.journal_view import JournalScreen

        if self.journal is None:
            return
        page = JournalScreen(self.journal, self.language)
        page.set_streaks(self.settings.streaks)
        page.export_requested.connect(self.export_journal)
        self._put_page("journal", page)

    def set_autostart(self, on: bool) -> None:
        """Write or remove the XDG autostart entry (Linux)."""
        try:
            if on:
                autostart.enable()
            else:
                autostart.disable()
        except OSError as error:
            self.show_notice(
                self.tr("Starting at login could not be changed (%1).").replace(
                    "%1", error.strerror or str(error)
                )
            )

    # --- packs --------------------------------------------------------------------

    def choose_pack(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a pack"), str(Path.home()), self.tr("Attune packs (*.attunepack)")
        )
        if name:
            self.open_pack_file(Path(name))

    def make_pack(self) -> MakePackDialog | None:
        """Tick practices and plans of one's own and save them as a pack."""
        from desktop_app.ui.make_pack_dialog import MakePackDialog

        library = self.library_view.library if self.library_view is not None else self.library
        if library is None:  # still being read; the button works a moment later
            return None
        dialog = MakePackDialog(library, self.language, parent=self)
        dialog.open()
        return dialog

    def make_plan(self) -> PlanFormDialog | None:
        """A plan made with a form, saved with one's own practices (and followed, if
        wished)."""
        from desktop_app.ui.plan_form import PlanFormDialog

        library = self.library
        if library is None:  # still being read; the button works a moment later
            return None
        dialog = PlanFormDialog(
            library, self.language, self.services.paths.practices, self.plans, date.today(), self
        )
        dialog.saved.connect(lambda _id: self.set_library(self.services.scan()))
        dialog.open()
        return dialog

    def open_pack_file(self, path: Path) -> PackDialog:
        """Preview a pack and install it when the person says so (never before)."""
        from desktop_app.ui.pack_dialog import PackDialog

        paths = self.services.paths
        dialog = PackDialog(path, paths.packs, paths.plans, self.language, parent=self)
        dialog.accepted.connect(lambda: self._pack_installed(dialog))
        dialog.open()
        return dialog

    def _pack_installed(self, dialog: PackDialog) -> None:
        result = dialog.result_
        if result is None:
            return
        self.set_library(self.services.scan())
        title = result.manifest.title.get(self.language)
        self.show_notice(self.tr("Installed “%1”.").replace("%1", title), news=True)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        from desktop_app.ui.pack_dialog import is_pack_file

        if any(is_pack_file(url.toLocalFile()) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        from desktop_app.ui.pack_dialog import is_pack_file

        packs = [url.toLocalFile() for url in event.mimeData().urls()]
        first = next((p for p in packs if is_pack_file(p)), None)
        if first is not None:
            event.acceptProposedAction()
            self.open_pack_file(Path(first))

    # --- writing practices ------------------------------------------------------------

    def open_editor(self) -> PracticeEditor:
        """The practice editor, in a window of its own (one, brought forward)."""
        from desktop_app.ui.practice_editor import PracticeEditor

        if self.editor is None:
            self.editor = PracticeEditor(self.services.paths, self.library, parent=self)
            # Closed, it goes (its draft is kept): the next one is made in the language
            # and with the library of that moment.
            self.editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.editor.destroyed.connect(self._editor_gone)
            self.editor.preview_requested.connect(self._preview)
            self.editor.saved.connect(lambda _path: self.set_library(self.services.scan()))
        self.editor.show()
        self.editor.raise_()
        self.editor.activateWindow()
        return self.editor

    def _editor_gone(self) -> None:
        self.editor = None

    def edit_practice(self, practice_id: str) -> PracticeEditor | None:
        """One's own practice opens itself; any other opens as a copy to save as one's own."""
        entry = self.library.practices.get(practice_id) if self.library else None
        if entry is None:
            return None
        editor = self.open_editor()
        if entry.source.kind == "user":
            editor.ask_then(editor.open_file, entry.path)
        else:
            editor.ask_then(editor.open_copy, entry.path)
        return editor

    def _preview(self, practice: Practice) -> None:
        """Play the editor's practice as a person would, but keep nothing of it: a
        preview is not a session, in the journal or on Today."""
        if self.root.currentIndex() != 0:  # never end someone's practice unasked
            if self.editor is not None:
                self.editor.say(
                    self.tr("A practice is open in the main window; end it there first.")
                )
            return
        self._come_forward()
        self.open_practice(practice, preview=True)

    def report_plan(self, plan_id: str) -> ReportDialog | None:
        """The adherence report on a plan, previewed; reflections only when ticked."""
        from desktop_app.ui.report_dialog import ReportDialog

        stored = self.plans.get(plan_id) if self.plans is not None else None
        if stored is None:
            return None
        entries = self.journal.entries() if self.journal is not None else []
        titles = (
            {i: e.item.title.get(self.language) for i, e in self.library.practices.items()}
            if self.library is not None
            else None
        )
        dialog = ReportDialog(
            stored, entries, date.today(), self.language, parent=self, library_titles=titles
        )
        dialog.open()
        return dialog

    def export_journal(self) -> ExportDialog | None:
        """The export dialog, with a preview in which the person unticks what to keep
        back. Opened without blocking; returned for tests."""
        from desktop_app.ui.export_dialog import ExportDialog

        if self.journal is None:
            return None
        dialog = ExportDialog(self.journal.entries(), self)
        dialog.open()
        return dialog

    def erase_all_data(self) -> None:
        """'Delete all my data', confirmed on the Settings page."""
        from desktop_app.storage.erase import erase_all
        from desktop_app.storage.settings import Settings as Defaults

        if self.journal is not None:
            self.journal.close()
            self.journal = None
        left = erase_all(self.services.paths)
        self.settings = Defaults()
        if self.settings_view is not None:
            self.settings_view.set_settings(self.settings)
        self.apply_look()
        self._open_journal()
        if left:
            self.show_notice(
                self.tr("Some files could not be deleted: %1").replace(
                    "%1", ", ".join(str(p) for p in left)
                )
            )
        else:
            self.show_notice(
                self.tr("Everything Attune kept about you has been deleted."), news=True
            )

    # --- building -----------------------------------------------------------------

    def _navigation(self) -> QWidget:
        nav = QFrame()
        nav.setProperty("role", "card")
        nav.setFixedWidth(200)
        layout = QVBoxLayout(nav)
        layout.setContentsMargins(SPACE["s"], SPACE["l"], SPACE["s"], SPACE["l"])
        layout.setSpacing(SPACE["xs"])
        name = QLabel("Attune")
        name.setProperty("role", "subheading")
        name.setAccessibleName("Attune")
        layout.addWidget(name)
        layout.addSpacing(SPACE["m"])
        labels = {
            "today": self.tr("Today"),
            "library": self.tr("Library"),
            "journal": self.tr("Journal"),
            "settings": self.tr("Settings"),
        }
        self.nav_group = QButtonGroup(self)
        self.nav_buttons: dict[str, QPushButton] = {}
        screens: tuple[ScreenName, ...] = ("today", "library", "journal", "settings")
        for number, screen in enumerate(screens, start=1):
            button = QPushButton(labels[screen])
            button.setProperty("role", "nav")
            button.setCheckable(True)
            button.setAccessibleName(labels[screen])
            button.setAccessibleDescription(
                self.tr("Show %1 (Ctrl+%2)")
                .replace("%1", labels[screen])
                .replace("%2", str(number))
            )
            button.clicked.connect(lambda _=False, s=screen: self._go(s))
            self.nav_group.addButton(button)
            self.nav_buttons[screen] = button
            layout.addWidget(button)
            # Made on the navigation, so a new navigation (another language) has its
            # own shortcuts and the old ones go with the old one.
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), nav)
            shortcut.activated.connect(lambda s=screen: self._go(s))
        layout.addStretch()
        self.pack_button = self._nav_action(
            nav,
            self.tr("Open a pack…"),
            self.tr("Install practices and plans from a .attunepack file (Ctrl+O)"),
            "Ctrl+O",
            self.choose_pack,
        )
        layout.addWidget(self.pack_button)
        layout.addSpacing(SPACE["s"])
        # A therapist's way, in order: write a practice, make a plan, hand both over.
        self.write_button = self._nav_action(
            nav,
            self.tr("Write a practice…"),
            self.tr("Open the practice editor, with a template for each kind (Ctrl+Shift+E)"),
            "Ctrl+Shift+E",
            self.open_editor,
        )
        self.plan_button = self._nav_action(
            nav,
            self.tr("Make a plan…"),
            self.tr("Choose practices, how often and for how long (Ctrl+Shift+L)"),
            "Ctrl+Shift+L",
            self.make_plan,
        )
        self.make_pack_button = self._nav_action(
            nav,
            self.tr("Make a pack…"),
            self.tr("Save your own practices and plans as one .attunepack file (Ctrl+Shift+P)"),
            "Ctrl+Shift+P",
            self.make_pack,
        )
        self.authoring_buttons = (self.write_button, self.plan_button, self.make_pack_button)
        for button in self.authoring_buttons:
            layout.addWidget(button)
            button.setVisible(self.settings.authoring)
        return nav

    def _nav_action(
        self, nav: QWidget, text: str, description: str, keys: str, act: Callable[[], object]
    ) -> QPushButton:
        button = action_button(text, description, act, role="quiet")
        # Works while the button shows: the tools for therapists can be switched off.
        shortcut = QShortcut(QKeySequence(keys), nav)
        shortcut.activated.connect(lambda: button.isVisible() and act())
        return button

    def _coming_soon(self, title: str, text: str) -> QWidget:
        page = QWidget()
        heading = QLabel(title)
        heading.setProperty("role", "heading")
        heading.setAccessibleName(title)
        body = QLabel(text)
        body.setWordWrap(True)
        body.setProperty("role", "muted")
        body.setAccessibleName(text)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        layout.setSpacing(SPACE["m"])
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch()
        return page

    def _zoom_shortcuts(self) -> None:
        for keys, step in (
            ("Ctrl++", ZOOM_STEP),
            ("Ctrl+=", ZOOM_STEP),
            ("Ctrl+-", -ZOOM_STEP),
            ("Ctrl+0", 0.0),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda s=step: self.zoom(s))

    # --- screens and settings -------------------------------------------------------

    @property
    def language(self) -> str:
        """The language of Attune's words and, when they have it, of practices."""
        return ui_language(self.settings.language)

    def _relanguage(self) -> None:
        """Everything on screen again in the language just chosen. The pages are made
        anew from what is stored (settings are saved by then) and what was typed in the
        Journal is carried over, so nothing is lost. An open editor keeps its words
        until it is next opened."""
        from desktop_app.ui.journal_view import JournalScreen

        self.translations.install(self.language)
        if self._news:
            self.show_notice("")  # said in the old language
        old = self.nav
        self.nav = self._navigation()
        self.main_layout.replaceWidget(old, self.nav)
        old.hide()
        old.deleteLater()
        journal_page = self.pages["journal"]
        typed = journal_page.journal_view.typed() if isinstance(journal_page, JournalScreen) else {}
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher.deleteLater()
            self.watcher = None
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        if self.reminders is not None:
            self.reminders.word_actions()
        self.library_view = None
        self.build_pages(self.library)
        journal_page = self.pages["journal"]
        if isinstance(journal_page, JournalScreen):
            journal_page.journal_view.keep_typed(typed)
        self.show_screen("settings")
        if self.settings_view is not None:
            self.settings_view.language_combo.setFocus()
        self.notice.setAccessibleName(self.tr("Notice"))

    def _show_authoring(self) -> None:
        for button in self.authoring_buttons:
            button.setVisible(self.settings.authoring)
        if self.library_view is not None:
            self.library_view.set_authoring(self.settings.authoring)

    def _go(self, screen: ScreenName) -> None:
        """The person moves to another page: news said before has been read."""
        if self._news and self.screens.currentWidget() is not self.pages[screen]:
            self.show_notice("")
        self.show_screen(screen)

    def show_screen(self, screen: ScreenName) -> None:
        if self.root.currentIndex() != 0:
            return  # a practice is open; its own screens lead the way out
        self.screens.setCurrentWidget(self.pages[screen])
        self.nav_buttons[screen].setChecked(True)
        self.settings = replace(self.settings, last_screen=screen)

    def set_library(self, library: Library) -> None:
        self.library = library
        if self.library_view is not None:
            self.library_view.set_library(library)
        if self.editor is not None:
            self.editor.library = library
        self.refresh_today()

    def change_settings(self, settings: Settings) -> None:
        restyle = (settings.theme, settings.text_zoom) != (
            self.settings.theme,
            self.settings.text_zoom,
        )
        relanguage = ui_language(settings.language) != ui_language(self.settings.language)
        authoring = settings.authoring != self.settings.authoring
        self.settings = settings
        if restyle:
            self.apply_look()
        if authoring:
            self._show_authoring()
        set_streaks = getattr(self.pages["journal"], "set_streaks", None)
        if set_streaks is not None:
            set_streaks(settings.streaks)
        self.save_settings()
        if relanguage:
            self._relanguage()

    def zoom(self, step: float) -> None:
        zoom = 1.0 if step == 0 else min(2.0, max(0.75, round(self.settings.text_zoom + step, 2)))
        self.settings = replace(self.settings, text_zoom=zoom)
        if self.settings_view is not None:
            self.settings_view.set_settings(self.settings)
        self.apply_look()
        self.save_settings()

    def apply_look(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, theme.palette_for(self.settings.theme), self.settings.text_zoom)

    def save_settings(self) -> None:
        try:
            self.services.settings_store.save(self.settings)
        except OSError as error:
            self.show_notice(
                self.tr(
                    "Your settings could not be saved (%1). They apply until you close Attune."
                ).replace("%1", error.strerror or str(error))
            )

    def show_notice(self, text: str, *, news: bool = False) -> None:
        """A line above the pages: a problem (in the warning colour, until it is
        solved or replaced), or `news` (quiet, and gone once the person moves on)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.notice.setAccessibleDescription(text)
        self._news = news
        self.notice.setProperty("role", "muted" if news else "warning")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)

    def _restore(self) -> None:
        geometry = self.settings.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        self.show_screen(self.settings.last_screen)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self.editor is not None and not self.editor.close():
            event.ignore()  # unsaved changes, and the person chose to stay
            return
        if self.player is not None:
            self.player.end()
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.settings = replace(self.settings, window_geometry=geometry)
        if not self.services.settings_store.newer_file:  # never downgrade a newer file for this
            self.save_settings()
        self.preparer.wait()
        if self.watcher is not None:
            self.watcher.stop()
        if self.reminders is not None:
            self.reminders.stop()
        if self.journal is not None:
            self.journal.close()
            self.journal = None
        super().closeEvent(event)

    # --- one practice: before, player, after ------------------------------------------

    def reduced_motion(self) -> bool:
        choice = self.settings.reduced_motion
        return self.services.system_reduces_motion if choice is None else choice

    def open_practice_id(self, practice_id: str) -> None:
        practice = self.library.practice(practice_id) if self.library else None
        if practice is not None:
            self.open_practice(practice)

    def open_practice(
        self, practice: Practice, length: float | None = None, *, preview: bool = False
    ) -> None:
        """Show Before-you-begin, and start preparing the sound at once. A `preview`
        plays the same way, but nothing of it is kept."""
        from desktop_app.ui.before_view import BeforeView

        if self.root.currentIndex() == 0:  # back there afterwards: Today, or the Library
            self._came_from = self._screen_name()
        self._practice = practice
        self._previewing = preview
        language = self.language if practice.title.has(self.language) else practice.language
        voices = tuple((v, name) for v, name, _ in self.voices)
        before = BeforeView(
            practice,
            language=language,
            narration=self.settings.narration,
            rate=self.settings.speech_rate,
            voices=voices,
            voice=self.settings.voices.get(language.split("-")[0]),
            background_volume=self.settings.volume_background,
            length=length if length in practice.lengths else practice.default_length,
            support=self.support(language),
        )
        before.choices_changed.connect(self._prepare)
        before.start_requested.connect(self._start)
        before.back_requested.connect(self.close_session)
        self._show_in_session(before)
        self.before = before
        self._prepare(
            SessionChoice(
                practice_id=practice.id,
                length=length if length in practice.lengths else practice.default_length,
                narration=self.settings.narration,
                voice=self.settings.voices.get(language.split("-")[0]),
                rate=self.settings.speech_rate,
                background=None,
                background_volume=self.settings.volume_background,
                language=language,
            )
        )

    def _prepare(self, choice: SessionChoice) -> None:
        from desktop_app.audio.mixer import Gains
        from desktop_app.audio.sample_cache import SampleCache
        from desktop_app.audio.session import prepare_session
        from desktop_app.audio.speech import SpeechService

        practice = self._practice
        assert practice is not None
        self._choice = choice
        services = self.services
        gains = Gains(
            narration=self.settings.volume_voice,
            cues=self.settings.volume_cues,
            background=choice.background_volume,
        )
        voices = {choice.language.split("-")[0]: choice.voice} if choice.voice else None

        def work(progress: Callable[[int, int], None]) -> SessionSound:
            with SpeechService(
                services.paths.speech_cache, user_rate=choice.rate, voice_overrides=voices
            ) as speech:
                return prepare_session(
                    practice,
                    length=choice.length,
                    language=choice.language,
                    speech=speech,
                    narration=choice.narration,
                    background=choice.background,
                    rate=services.device_rate(),
                    gains=gains,
                    sample_cache=SampleCache(services.paths.sound_cache),
                    progress=progress,
                )

        self.preparer.prepare(work)

    def _preparing(self, done: int, total: int) -> None:
        if self.before is not None:
            self.before.set_preparing(done, total)

    def _prepared(self, sound: SessionSound) -> None:
        if self.before is not None:
            self.before.set_ready()
        if self._start_when_ready:
            self._start_when_ready = False
            self._play(sound)

    def _preparation_failed(self, message: str) -> None:
        self.show_notice(self.tr("This practice could not be prepared: %1").replace("%1", message))
        self._start_when_ready = False

    def _start(self, choice: SessionChoice) -> None:
        """Begin: at once when the sound for these choices is ready, else when it is."""
        same = self._choice is not None and replace(choice, before=()) == replace(
            self._choice, before=()
        )
        self._choice = choice
        if not same:
            self._prepare(choice)
        if self.preparer.latest is not None:
            self._play(self.preparer.latest)
        else:
            self._start_when_ready = True

    def _play(self, sound: SessionSound) -> None:
        from desktop_app.ui.player_view import PlayerView

        practice, choice = self._practice, self._choice
        assert practice is not None and choice is not None
        player = PlayerView(
            practice,
            sound,
            clock=self.services.clock,
            sink=self.services.sink,
            language=choice.language,
            reduced_motion=self.reduced_motion(),
            narration=choice.narration,
            support=self.support(choice.language),
        )
        player.finished.connect(self._after)
        player.fullscreen_requested.connect(self.toggle_fullscreen)
        self._show_in_session(player)
        self.player = player
        self.before = None
        player.start()
        player.play_button.setFocus()
        self._save_pending(practice, choice)

    def _after(self, result: PlayerResult) -> None:
        from desktop_app.ui.after_view import AfterView

        practice, choice = self._practice, self._choice
        assert practice is not None and choice is not None
        self.player = None
        if self.isFullScreen():
            self.showNormal()
        after = AfterView(practice, choice.language, completed=result.completed)
        self._record(practice, choice, result)
        after.answered.connect(
            lambda answers: self._answered(practice, choice, result, answers, after)
        )
        if after.form is not None:
            draft_timer = QTimer(after)
            draft_timer.setSingleShot(True)
            draft_timer.setInterval(DRAFT_DELAY_MS)
            draft_timer.timeout.connect(lambda: self._save_draft(after.answers()))
            after.form.changed.connect(draft_timer.start)
        previewing = self._previewing
        after.again_requested.connect(
            lambda: self.open_practice(practice, choice.length, preview=previewing)
        )
        after.done_requested.connect(self.close_session)
        self._show_in_session(after)

    def _record(self, practice: Practice, choice: SessionChoice, result: PlayerResult) -> None:
        """Keep the session at once, with what was answered so far: a session stopped
        early, or a window closed on the After screen, is still in the journal."""
        from desktop_app.storage.journal import JournalError
        from desktop_app.ui.journal_records import new_session

        self._entry_id = None
        if self.journal is None or self._previewing:
            return
        entry = self.library.practices.get(practice.id) if self.library else None
        source = entry.source.label if entry is not None else "file"
        try:
            self._entry_id = self.journal.add(new_session(practice, choice, result, source))
            self.journal.clear_draft(PENDING)
        except JournalError as error:
            self.show_notice(journal_problem(error))
        self.refresh_today()  # a completed practice may tick off today's item
        self._refresh_journal()
        if result.completed and self._reminded == practice.id:
            self._reminded = None
            self.show_notice("")

    def _answered(
        self,
        practice: Practice,
        choice: SessionChoice,
        result: PlayerResult,
        answers: tuple[Answer, ...],
        after: AfterView | None = None,
    ) -> None:
        from desktop_app.storage.journal import JournalError
        from desktop_app.ui.journal_records import stored

        self.sessions.append(SessionRecord(choice, result, tuple(answers)))
        if self.journal is None or self._entry_id is None:
            return
        everything = (*choice.before, *result.during, *answers)
        try:
            self.journal.update_answers(
                self._entry_id, stored(practice, everything, choice.language)
            )
            self.journal.clear_draft(f"entry-{self._entry_id}")
        except JournalError as error:
            self.show_notice(journal_problem(error))
            if after is not None:
                after.keep_questions()  # what was written stays in the form
            return
        self._refresh_journal()

    def _save_draft(self, answers: tuple[Answer, ...]) -> None:
        """What is being typed after a practice, kept every second or two."""
        from desktop_app.storage.journal import JournalError
        from desktop_app.ui.journal_records import stored

        practice, choice = self._practice, self._choice
        if self.journal is None or self._entry_id is None or practice is None or choice is None:
            return
        payload: dict[str, object] = {
            "answers": _answers_payload(stored(practice, answers, choice.language))
        }
        try:
            self.journal.save_draft(f"entry-{self._entry_id}", payload)
        except JournalError as error:
            self.show_notice(journal_problem(error))

    def close_session(self) -> None:
        self.player = None
        self.before = None
        self._practice = None
        self.root.setCurrentIndex(0)
        self._clear_session_area()
        self.show_screen(self._came_from)
        self.pages[self._came_from].setFocus()

    def _screen_name(self) -> ScreenName:
        """The page on screen now."""
        shown = self.screens.currentWidget()
        return next((n for n, page in self.pages.items() if page is shown), "library")

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def _show_in_session(self, widget: QWidget) -> None:
        self._clear_session_area()
        self.session_area.addWidget(widget)
        self.session_area.setCurrentWidget(widget)
        self.root.setCurrentIndex(1)
        widget.setFocus()

    def _clear_session_area(self) -> None:
        while (old := self.session_area.widget(0)) is not None:
            self.session_area.removeWidget(old)
            old.deleteLater()


def _answers_from(payload: dict[str, object]) -> tuple[StoredAnswer, ...]:
    """Answers back from a draft; anything malformed is left out, never raised."""
    from desktop_app.storage.journal_export import answer_from_object

    items = payload.get("answers")
    found = (answer_from_object(item) for item in (items if isinstance(items, list) else []))
    return tuple(answer for answer in found if answer is not None)


def _answers_payload(answers: tuple[StoredAnswer, ...]) -> list[dict[str, object]]:
    """Answers as plain JSON for a draft (read back by `_answers_from`)."""
    from desktop_app.storage.journal_export import answer_object

    return [answer_object(a) for a in answers]
