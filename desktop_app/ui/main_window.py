"""The main window: it composes. Navigation and the page stack are its own; the rest
belongs to the objects it makes, which share one `AppState` (the change channel):

- `SessionHost`: one practice, Before you begin → Player → After, and its journal entry;
- `JournalHost`: the journal kept open, its daily copy, drafts and repair;
- `PlansHost`: the plans, their reminders and contacts;
- `Authoring`: packs, plans and the practice editor.

Pages read what they show from the state and refresh themselves when it changes.
The library, settings store, clock and sound output are services handed in by the
composition root (`app.py`); tests hand in their own clock and sound sink.
"""

from __future__ import annotations

import linecache
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from desktop_app.storage.settings import ScreenName
from desktop_app.ui.app_state import AppState
from desktop_app.ui.authoring import Authoring
from desktop_app.ui.first_paint import on_first_paint
from desktop_app.ui.i18n import Translations
from desktop_app.ui.navigation import Navigation
from desktop_app.ui.notice import NoticeLine
from desktop_app.ui.preferences import Preferences
from desktop_app.ui.services import Services
from desktop_app.ui.session_host import SessionHost
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import placeholder_page

if TYPE_CHECKING:  # the pages load when first shown, not at start-up
    from desktop_app.core.model import Practice
    from desktop_app.storage.lock.data_key import DataKey
    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.journal_host import JournalHost
    from desktop_app.ui.library_view import LibraryView
    from desktop_app.ui.library_watcher import LibraryWatcher
    from desktop_app.ui.lock_dialogs import LockDialog
    from desktop_app.ui.plans_host import PlansHost
    from desktop_app.ui.report_dialog import ReportDialog
    from desktop_app.ui.settings_view import SettingsView
    from desktop_app.ui.today_view import TodayView
    from desktop_app.ui.unlock_view import UnlockView


class MainWindow(QMainWindow):
    """Start-up is in steps, so the window is on screen at once. The constructor makes
    the frame (navigation, notice, an empty page). Just after the first paint the
    library is read and the page the person lands on is built and shown
    (`first_page_shown`); once that page has painted, the journal opens (checked, its
    daily copy made), the library is watched and the reminders start, so the person
    sees the page before that work (`REST_AFTER_MS` after landing at the latest: a
    window started minimised paints nothing). Every other page is built the first
    time it is shown (`page`), so nothing is made that the person has not asked for."""

    #: The page the person lands on is built, with what it shows, and on screen.
    first_page_shown = Signal()
    #: The journal, the library's watch and the reminders start at most this long after
    #: landing, painted or not.
    REST_AFTER_MS = 300

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        settings, settings_notice = services.settings_store.load()
        kept = services.settings_store.keep_damaged_copy()  # a file read only in part
        if kept:
            settings_notice = f"{settings_notice} {kept}" if settings_notice else kept
        self.state = AppState(settings, self)
        self.notice = NoticeLine(settings_notice or "")
        self.preferences = Preferences(self.state, services.settings_store, self)
        self.preferences.problem.connect(self.notice.show_notice)
        self.preferences.relanguage_needed.connect(self._relanguage)
        self.preferences.authoring_changed.connect(self._show_authoring)
        self.translations = Translations()
        self.translations.install(self.state.language)  # before any words are made
        self._voices: tuple[tuple[str, str, tuple[str, ...]], ...] | None = None
        self.library_view: LibraryView | None = None
        self.today_view: TodayView | None = None
        self.settings_view: SettingsView | None = None
        self.watcher: LibraryWatcher | None = None
        self.journal_host: JournalHost | None = None
        self.unlock_view: UnlockView | None = None
        self.plans_host: PlansHost | None = None
        self.authoring = Authoring(self.state, services.paths, services.scan, self)
        self.authoring.news.connect(self.notice.show_news)
        self.authoring.preview_requested.connect(self._preview)
        self.session = SessionHost(self.state, services, self._support, self.voices, self)
        self.session.shown.connect(self._show_session)
        self.session.closed.connect(self._session_closed)
        self.session.problem.connect(self.notice.show_notice)
        self.session.completed.connect(self._practised)
        self.session.fullscreen_requested.connect(self.toggle_fullscreen)
        self.session.windowed_requested.connect(self._windowed)
        self._came_from: ScreenName = "library"
        self._reminded: str | None = None  # the practice the notice reminds of
        self._painted = False  # the first paint sets the start going
        self._landed = False  # the library is read and the first page shown

        self.setWindowTitle("Attune")
        self.authoring.take_dropped_packs(self)  # a pack dropped here opens its preview
        self.setMinimumSize(760, 560)
        self.resize(1100, 740)
        self.screens = QStackedWidget()
        #: The pages built so far; the rest are built when first shown (`page`).
        self.pages: dict[ScreenName, QWidget] = {}
        self.screens.addWidget(QWidget())  # what the first paint shows of the page
        self.nav = self._navigation()
        main = QWidget()
        self.main_layout = QHBoxLayout(main)
        self.main_layout.setContentsMargins(0, 0, 0, 0)
        self.main_layout.addWidget(self.nav)
        self.right = QVBoxLayout()
        self.right.setContentsMargins(SPACE["m"], SPACE["m"], SPACE["m"], SPACE["m"])
        self.right.addWidget(self.notice)
        self.right.addWidget(self.screens, 1)
        self.main_layout.addLayout(self.right, 1)
        self.root = QStackedWidget()
        self.root.addWidget(main)
        self.root.addWidget(self.session.area)
        self.setCentralWidget(self.root)

        self.state.journal_changed.connect(self._journal_changed)
        self._restore()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:  # the frame is on screen: now the page behind it
            self._painted = True
            QTimer.singleShot(0, self._land)

    # --- start-up -----------------------------------------------------------------------

    def build_pages(self) -> None:
        """What the first paint sets going, done now: the library read, the page the
        person lands on shown, the journal open and the reminders started (once)."""
        self._land()
        self._open_the_rest()

    def _land(self) -> None:
        """Read the library and the plans, and show the page the person lands on."""
        if self._landed:
            return
        self._landed = True
        services, state = self.services, self.state
        services.settle()  # what a crash left half done, before anything is read
        state.library = services.scan()
        plans_host = self._plans_host()
        if self._locked_at_start():  # no journal data before the passphrase
            self.show_unlock()
            self.first_page_shown.emit()
            return
        self._show_landing_page(plans_host)

    def _show_landing_page(self, plans_host: PlansHost) -> None:
        """The page the person lands on; once it has painted, the rest starts."""
        # With a plan active, Today is home; otherwise where the person last was.
        screen = "today" if plans_host.has_active_plan() else self.state.settings.last_screen
        self.show_screen(screen)
        page = self.pages[screen]
        page.setFocus()  # start in the page, not the menu
        self.first_page_shown.emit()
        # Not in this turn: the page would wait for the journal to open before it paints.
        on_first_paint(page, lambda: QTimer.singleShot(0, self, self._open_the_rest))
        QTimer.singleShot(self.REST_AFTER_MS, self, self._open_the_rest)

    def _locked_at_start(self) -> bool:
        """Whether the journal is locked. Only a key file beside the journal can make
        it so (or need settling), so without one nothing more is read or loaded."""
        from desktop_app.storage.lock.state import key_file_of

        if not key_file_of(self.services.paths.journal).exists():
            return False
        from desktop_app.storage.journal_files import JournalFiles

        files = JournalFiles.of(self.services.paths)
        try:
            files.settle()  # a crash while turning the lock on or off
            return files.lock_state() == "on"
        except OSError:  # unreadable: the journal host says why when it opens it
            return False

    def show_unlock(self) -> UnlockView:
        """The unlock screen in place of the pages (at start, or asked for from the
        Journal page of a journal left locked)."""
        from desktop_app.storage.journal_files import JournalFiles
        from desktop_app.ui.unlock_view import UnlockView

        if self.unlock_view is None:
            view = UnlockView(JournalFiles.of(self.services.paths))
            view.unlocked.connect(self._unlocked)
            view.continue_without_journal.connect(self._without_journal)
            self.root.addWidget(view)
            self.unlock_view = view
        self.root.setCurrentWidget(self.unlock_view)
        self.unlock_view.field.setFocus()
        return self.unlock_view

    def _unlocked(self, key: DataKey) -> None:
        """The journal's data key: the journal opens with it, then the pages show."""
        self._make_journal_host().unlock_with(key)
        self._leave_unlock("journal" if self.pages else None)

    def _without_journal(self) -> None:
        """The pages without the journal: it stays locked, and answers are not kept."""
        self._make_journal_host().open()  # says why it is closed, to the pages
        self._leave_unlock(None)

    def _leave_unlock(self, screen: ScreenName | None) -> None:
        """Back to the pages from the unlock screen: `screen`, or the first page."""
        if self.unlock_view is not None:
            self.root.removeWidget(self.unlock_view)
            self.unlock_view.deleteLater()
            self.unlock_view = None
        self.root.setCurrentIndex(0)
        if screen is None:
            self._show_landing_page(self._plans_host())
        else:
            self.show_screen(screen)
            self.pages[screen].setFocus()

    def _open_the_rest(self) -> None:
        """The journal, the watch on the library's folders and the reminders (once)."""
        if self.watcher is not None:
            return
        from desktop_app.ui.library_watcher import LibraryWatcher

        # PySide reads the source of every module imported after it into linecache (its
        # check for `from __feature__`): about 50,000 lines, some 4 MiB, kept for nothing.
        # Let go before the journal and the rest load, they reuse that memory (idle RSS
        # about 1.5 MB lower); a traceback reads the lines it shows again.
        linecache.clearcache()
        self._journal_host()
        services, state = self.services, self.state
        self.watcher = LibraryWatcher(
            [services.paths.practices, services.paths.packs], services.scan, self
        )
        self.watcher.library_changed.connect(state.set_library)
        self._plans_host().start_reminders()

    def _plans_host(self) -> PlansHost:
        from desktop_app.ui.plans_host import PlansHost

        if self.plans_host is None:
            self.plans_host = PlansHost(self.state, self.services.paths, self)
            self.plans_host.reminded.connect(self._remind)
            self.plans_host.open_requested.connect(self._come_forward)
        return self.plans_host

    def _journal_host(self) -> JournalHost:
        """The journal host, with the journal opened the first time."""
        if self.journal_host is None:
            self._make_journal_host().open()
        assert self.journal_host is not None
        return self.journal_host

    def _make_journal_host(self) -> JournalHost:
        """The journal host, made (not opened) the first time."""
        from desktop_app.ui.journal_host import JournalHost

        if self.journal_host is None:
            host = JournalHost(self.state, self.services.paths, self)
            host.problem.connect(self.notice.show_notice)
            host.news.connect(self.notice.show_news)
            host.repair_offered.connect(lambda bar: self.right.insertWidget(1, bar))
            host.unlock_requested.connect(self.show_unlock)
            host.lock_changed.connect(self._lock_changed)
            self.journal_host = host
        return self.journal_host

    def voices(self) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        """(id, name, languages) of the installed voices, read when first asked for."""
        if self._voices is None:
            self._voices = self.services.load_voices()
        return self._voices

    # --- pages ----------------------------------------------------------------------------

    def page(self, name: ScreenName) -> QWidget:
        """The page `name`, built the first time it is asked for (after the library is
        read: asked for sooner, the start is finished first)."""
        if not self._landed:
            self.build_pages()
        if name not in self.pages:  # landing may have built it
            builders = {
                "today": self._today_page,
                "library": self._library_page,
                "journal": self._journal_page,
                "settings": self._settings_page,
            }
            self._put_page(name, builders[name]())
        return self.pages[name]

    def _library_page(self) -> QWidget:
        from desktop_app.ui.library_view import LibraryView

        state = self.state
        assert state.library is not None
        view = LibraryView(
            state.library, state.language, practices_folder=self.services.paths.practices
        )
        view.set_authoring(state.settings.authoring)
        view.practice_chosen.connect(self.open_practice_id)
        view.edit_requested.connect(self.authoring.edit_practice)
        state.library_changed.connect(view.set_library)
        self.library_view = view
        return view

    def _settings_page(self) -> QWidget:
        from desktop_app.storage import autostart  # not needed for the first paint
        from desktop_app.ui.settings_view import SettingsView

        view = SettingsView(self.state.settings, self.voices())
        view.changed.connect(self.preferences.change)
        view.erase_requested.connect(self.erase_all_data)
        view.autostart_changed.connect(self.preferences.set_autostart)
        view.set_autostart(autostart.enabled())
        view.set_journal_locked(self._make_journal_host().is_locked())
        view.journal_lock_requested.connect(self.turn_lock)
        view.change_passphrase_requested.connect(self.change_passphrase)
        self.state.settings_changed.connect(view.set_settings)
        self.settings_view = view
        return view

    def _today_page(self) -> QWidget:
        from desktop_app.ui.today_view import TodayView

        state = self.state
        host = self._journal_host()  # Today shows what was done, from the journal
        assert state.plans is not None and state.library is not None
        view = TodayView(state.plans.plans(), state.library, state.journal, state.language)
        view.follow(state, host)
        view.practice_requested.connect(self.open_practice_id)
        view.report_requested.connect(self.report_plan)
        self.today_view = view
        return view

    def _journal_page(self) -> QWidget:
        """The journal's own page; while it could not be opened, why and what to do."""
        from desktop_app.ui.journal_view import JournalScreen

        host = self._journal_host()
        journal = self.state.journal
        if journal is None and host.unavailable:
            return host.unavailable_page()  # why it could not be opened, what to do
        if journal is None:
            return placeholder_page(
                self.tr("Journal"),
                self.tr("Soon your reflections will be kept here, privately, on this computer."),
            )
        page = JournalScreen(journal, self.state.language)
        page.follow(self.state)
        page.export_requested.connect(self.export_journal)
        return page

    def _journal_changed(self) -> None:
        """A journal (re)opened gets a page of its own, when its page was built; the page
        then follows the state. One that could not be opened gets the page saying why."""
        page, host = self.pages.get("journal"), self.journal_host
        if page is None or (self.state.journal is None and not (host and host.unavailable)):
            return  # no page yet, or no journal and nothing to say about it
        from desktop_app.ui.journal_view import JournalScreen  # once its page was built

        if not (isinstance(page, JournalScreen) and page.journal is self.state.journal):
            self._put_page("journal", self._journal_page())

    def _put_page(self, name: ScreenName, page: QWidget) -> None:
        """Put `page` in the stack for `name`, where its older page stood (if any)."""
        old = self.pages.get(name)
        if old is None:
            self.screens.addWidget(page)
        else:
            self.screens.insertWidget(self.screens.indexOf(old), page)
            self._drop(old)
        self.pages[name] = page

    def _drop(self, page: QWidget) -> None:
        self.screens.removeWidget(page)
        page.hide()  # never painted again while it waits to be deleted
        page.deleteLater()

    def _support(self, language: str) -> tuple[tuple[str, str], ...]:
        return self.plans_host.support(language) if self.plans_host is not None else ()

    def _remind(self, practice_id: str, text: str) -> None:
        """The reminder in the window too, until that practice is done."""
        self._reminded = practice_id
        self.notice.show_notice(text, news=True)

    def _practised(self, practice_id: str) -> None:
        if self._reminded == practice_id:
            self._reminded = None
            self.notice.show_notice("")

    def _come_forward(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self.show_screen("today")

    # --- one practice -----------------------------------------------------------------

    def open_practice_id(self, practice_id: str, length: float | None = None) -> None:
        """Open a practice named by a plan, a reminder or Today; when it cannot be
        opened, the notice line says why rather than nothing happening."""
        from desktop_app.core.model import Practice
        from desktop_app.core.problems import InvalidFile

        library = self.state.library
        entry = library.practices.get(practice_id) if library is not None else None
        if entry is None:
            self.notice.show_notice(
                self.tr("The practice %1 is not in your library.").replace("%1", practice_id)
            )
            return
        try:
            practice = entry.item
        except InvalidFile as error:  # its file changed or went away since the scan
            self.notice.show_notice(
                self.tr("The practice %1 could not be opened: %2")
                .replace("%1", practice_id)
                .replace("%2", str(error.problems[0]))
            )
            return
        if isinstance(practice, Practice):
            self.open_practice(practice, length)

    def open_practice(
        self, practice: Practice, length: float | None = None, *, preview: bool = False
    ) -> None:
        if self.root.currentIndex() == 0:  # back there afterwards: Today, or the Library
            self._came_from = self._screen_name()
        self.session.open(practice, length, preview=preview)

    def _show_session(self) -> None:
        self.root.setCurrentIndex(1)

    def _windowed(self) -> None:
        if self.isFullScreen():
            self.showNormal()

    def _preview(self, practice: Practice) -> None:
        """Play the editor's practice as a person would, but keep nothing of it: a
        preview is not a session, in the journal or on Today."""
        if self.root.currentIndex() != 0:  # never end someone's practice unasked
            self.authoring.say_in_editor(
                self.tr("A practice is open in the main window; end it there first.")
            )
            return
        self._come_forward()
        self.open_practice(practice, preview=True)

    def _session_closed(self) -> None:
        self.root.setCurrentIndex(0)
        self.show_screen(self._came_from)
        self.pages[self._came_from].setFocus()

    def toggle_fullscreen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    # --- dialogs ------------------------------------------------------------------------

    def report_plan(self, plan_id: str) -> ReportDialog | None:
        if self.plans_host is None:
            return None
        host = self.journal_host
        locked = host is not None and host.key is not None
        return self.plans_host.report(plan_id, self, locked=locked)

    def turn_lock(self, on: bool) -> LockDialog:
        """Settings' "Lock my journal" ticked (`on`) or unticked: its dialog."""
        return self._make_journal_host().lock_dialog(on, self)

    def change_passphrase(self) -> LockDialog:
        return self._make_journal_host().change_passphrase_dialog(self)

    def _lock_changed(self, locked: bool) -> None:
        if self.settings_view is not None:
            self.settings_view.set_journal_locked(locked)

    def export_journal(self) -> ExportDialog | None:
        return self.journal_host.export(self) if self.journal_host is not None else None

    def erase_all_data(self) -> None:
        """'Delete all my data', confirmed on the Settings page."""
        self.preferences.reset()
        if self.journal_host is not None:
            self.journal_host.erase_all()

    # --- building -----------------------------------------------------------------------

    def _navigation(self) -> Navigation:
        nav = Navigation(
            open_pack=self.authoring.choose_pack,
            write_practice=self.authoring.open_editor,
            make_plan=self.authoring.make_plan,
            make_pack=self.authoring.make_pack,
            authoring=self.state.settings.authoring,
        )
        nav.go.connect(self._go)
        return nav

    # --- screens and settings -------------------------------------------------------------

    def _relanguage(self) -> None:
        """Everything on screen again in the language just chosen. The pages built so
        far are made anew from what is stored (settings are saved by then) and what was
        typed in the Journal is carried over, so nothing is lost. An open editor keeps
        its words until it is next opened."""
        from desktop_app.ui.journal_view import JournalScreen

        self.translations.install(self.state.language)
        self.notice.read()  # news said in the old language
        old = self.nav
        self.nav = self._navigation()
        self.main_layout.replaceWidget(old, self.nav)
        old.hide()
        old.deleteLater()
        page = self.pages.get("journal")
        typed = page.journal_view.typed() if isinstance(page, JournalScreen) else {}
        built = list(self.pages)
        for page in self.pages.values():
            self._drop(page)
        self.pages = {}
        self.library_view = self.today_view = self.settings_view = None
        self._voices = None  # read again, as at the start
        if self.plans_host is not None:
            self.plans_host.relanguage()
        if self.journal_host is not None:  # opened again: its words in the new language
            self.journal_host.close()
            self.journal_host.open()
        for name in built:
            self.page(name)
        page = self.pages.get("journal")
        if isinstance(page, JournalScreen):
            page.journal_view.keep_typed(typed)
        self.show_screen("settings")
        if self.settings_view is not None:
            self.settings_view.language_combo.setFocus()
        self.notice.reword()

    def _go(self, screen: ScreenName) -> None:
        """The person moves to another page: news said before has been read."""
        if self.screens.currentWidget() is not self.pages.get(screen):
            self.notice.read()
        self.show_screen(screen)

    def show_screen(self, screen: ScreenName) -> None:
        """Show the page `screen` (built now if it was not yet)."""
        if self.root.currentIndex() != 0:
            return  # a practice is open; its own screens lead the way out
        self.screens.setCurrentWidget(self.page(screen))
        self.nav.mark(screen)
        # Where the person is: remembered for next time, not a change pages show.
        self.state.settings = replace(self.state.settings, last_screen=screen)

    def _screen_name(self) -> ScreenName:
        """The page on screen now."""
        shown = self.screens.currentWidget()
        return next((n for n, page in self.pages.items() if page is shown), "library")

    def _show_authoring(self, on: bool) -> None:
        self.nav.show_authoring(on)
        if self.library_view is not None:
            self.library_view.set_authoring(on)

    def _restore(self) -> None:
        """The window's size and place as they were; its page is shown once built."""
        geometry = self.state.settings.window_geometry
        if geometry:
            self.restoreGeometry(QByteArray.fromBase64(geometry.encode("ascii")))
        self.nav.mark(self.state.settings.last_screen)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self.authoring.close_editor():
            event.ignore()  # unsaved changes, and the person chose to stay
            return
        self.session.end()
        geometry = bytes(self.saveGeometry().toBase64().data()).decode("ascii")
        self.state.settings = replace(self.state.settings, window_geometry=geometry)
        if not self.services.settings_store.newer_file:  # never downgrade a newer file for this
            self.preferences.save()
        self.session.preparer.wait()
        if self.watcher is not None:
            self.watcher.stop()
        if self.plans_host is not None:
            self.plans_host.stop()
        if self.journal_host is not None:
            self.journal_host.close()
        super().closeEvent(event)
