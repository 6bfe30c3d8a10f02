"""Keeping the journal open: today's copy, drafts put back, and repair when damaged.

A journal that cannot be opened never stops anyone from practising: the problem is
said, a damaged one is offered a repair (the daily copy, or a new journal, the
damaged file always kept aside), and one that cannot be written is still read.
While it cannot be opened at all, `unavailable` says why and what to do, for the
pages that would show its entries (`unavailable_page`, Today).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop_app.session.flow import keep_drafts
from desktop_app.storage import journal_backups
from desktop_app.storage.journal import Journal, JournalError
from desktop_app.storage.journal_files import JournalFiles
from desktop_app.storage.journal_leftovers import move_aside
from desktop_app.storage.logs import log_journal_error
from desktop_app.storage.paths import AppPaths
from desktop_app.ui.app_state import AppState
from desktop_app.ui.background import BackgroundRunner, Progress
from desktop_app.ui.journal_unavailable import (
    PASSING,
    JournalUnavailablePage,
    locked_words,
    unavailable_words,
)
from desktop_app.ui.journal_words import journal_problem

if TYPE_CHECKING:
    from desktop_app.storage.lock.data_key import DataKey
    from desktop_app.storage.lock.passphrase import Argon2Params
    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.lock_dialogs import LockDialog

logger = logging.getLogger(__name__)


class JournalHost(QObject):
    #: A problem for the window's notice ("": the problem is gone).
    problem = Signal(str)
    #: News for the window's notice.
    news = Signal(str)
    #: A bar offering the repair of a damaged journal, for the window to show.
    repair_offered = Signal(QFrame)
    #: The person asked for the unlock screen (from the Journal page of a locked journal).
    unlock_requested = Signal()
    #: The lock was turned on (True) or off (False) from a lock dialog.
    lock_changed = Signal(bool)

    def __init__(self, state: AppState, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.paths = paths
        self.repair_bar: QFrame | None = None
        #: Why the journal could not be opened and what to do, in the person's words;
        #: "" while it is open (to read only, too). Set before the state changes.
        self.unavailable = ""
        #: Whether trying again may help (the problem may pass, or the person fix it).
        self.may_try_again = False
        self.files = JournalFiles.of(paths)
        #: The data key of a locked journal, kept in memory only (None: not unlocked,
        #: or the lock is off).
        self.key: DataKey | None = None
        #: The journal is locked and was not unlocked: the person went on without it.
        self.locked_away = False
        #: Argon2id's cost for a passphrase chosen in a lock dialog (None: Attune's own;
        #: tests give a cheap one).
        self.lock_params: Argon2Params | None = None
        self._page_check: BackgroundRunner | None = None

    def open(self) -> None:
        """Open the journal (a locked one with `key`), keep today's copy, and put back
        unfinished reflections. A locked journal without its key stays closed."""
        paths = self.paths
        try:
            self.files.settle()  # what a crash while turning the lock on or off left
            lock = self.files.lock_state()
        except OSError:  # unreadable: opening it says why, in the journal's own words
            lock = "off"
        if lock != "off" and self.key is None:
            self._keep_locked(lock)
            return
        self.locked_away = False
        try:
            journal = Journal.open(paths.journal, self.key)
        except JournalError as error:
            self._not_opened(error)
            return
        self.unavailable, self.may_try_again = "", False
        rebuilt = " (its search index was made again)" if journal.index_rebuilt else ""
        logger.info("Journal opened%s", rebuilt)
        try:
            copy = journal_backups.daily_backup(
                paths.journal, paths.journal_backups, date.today(), self.key
            )
        except OSError as error:
            logger.warning("Today's copy of the journal could not be made", exc_info=True)
            self.problem.emit(
                self.tr("Today's copy of your journal could not be made (%1).").replace(
                    "%1", error.strerror or str(error)
                )
            )
        else:
            if copy is not None:
                logger.info("Today's copy of the journal was made: %s", copy.name)
        if keep_drafts(journal):
            self.news.emit(
                self.tr("What you were writing when Attune last closed was kept in your journal.")
            )
        self.state.set_journal(journal)
        if not journal.pages_checked:  # a locked journal's pages: checked off the GUI thread
            self._check_pages(journal)

    def unlock_with(self, key: DataKey) -> None:
        """Open the locked journal with its data key (from the unlock screen)."""
        self.key = key
        self.problem.emit("")
        self.open()

    def _not_opened(self, error: JournalError) -> None:
        """Why the journal could not be opened, said; read-only when it can be read."""
        problem = journal_problem(error)
        if error.kind == "corrupt":
            self._offer_repair(problem)
        else:
            self.problem.emit(problem)
        readable = self._read_only(error)
        unopened = readable is None
        self.unavailable = unavailable_words(problem, error.kind) if unopened else ""
        self.may_try_again = unopened and error.kind in PASSING
        self.state.set_journal(readable)

    def _keep_locked(self, lock: str) -> None:
        """The journal is locked and not unlocked: the pages say why, and what to do."""
        self.locked_away = lock == "on"
        self.unavailable = locked_words(lock == "key-file-missing")
        self.may_try_again = lock == "key-file-missing"  # once the key file is back
        self.state.set_journal(None)

    def _check_pages(self, journal: Journal) -> None:
        """`check_pages` in the background; damage found is the damaged journal's path."""
        if self._page_check is None:
            self._page_check = BackgroundRunner("Checking the journal failed", logger, self)
            self._page_check.done.connect(self._pages_checked)

        def work(_progress: Progress) -> object:
            try:
                journal.check_pages()
            except JournalError as error:
                return (journal, error)
            return (journal, None)

        self._page_check.submit(work)

    def _pages_checked(self, result: object) -> None:
        assert isinstance(result, tuple)
        journal, error = result
        if error is None or journal is not self.state.journal:
            return  # sound, or another journal is open by now
        self.close()
        self._not_opened(error)

    def lock_dialog(self, on: bool, parent: QWidget) -> LockDialog:
        """The dialog that turns the lock on (`on`) or off, opened without blocking."""
        from desktop_app.ui.lock_dialogs import TurnOffLockDialog, TurnOnLockDialog

        dialog: LockDialog = (
            TurnOnLockDialog(self.files, self.lock_params, parent)
            if on
            else TurnOffLockDialog(self.files, parent)
        )
        return self._follow(dialog)

    def change_passphrase_dialog(self, parent: QWidget) -> LockDialog:
        from desktop_app.ui.lock_dialogs import ChangePassphraseDialog

        return self._follow(ChangePassphraseDialog(self.files, self.lock_params, parent))

    def _follow(self, dialog: LockDialog) -> LockDialog:
        # Direct: the journal must be closed before the conversion starts.
        dialog.release_journal.connect(self.close, Qt.ConnectionType.DirectConnection)
        dialog.reopen_journal.connect(self._reopen)
        dialog.finished.connect(lambda _code: self.lock_changed.emit(self.is_locked()))
        dialog.open()
        return dialog

    def _reopen(self, key: object) -> None:
        """After a lock dialog's conversion: open the journal with what opens it now."""
        self.key = key  # type: ignore[assignment]  # DataKey | None, from a signal
        self.close()
        self.open()
        self.lock_changed.emit(self.is_locked())

    def is_locked(self) -> bool:
        return self.files.lock_state() == "on"

    def try_again(self) -> None:
        """Open the journal again, after a problem that may have passed."""
        if self.state.journal is None:
            self.problem.emit("")
            self.open()

    def unavailable_page(self) -> JournalUnavailablePage:
        """The Journal page while the journal cannot be opened: why, and what to do."""
        return JournalUnavailablePage(
            self.unavailable,
            self.try_again if self.may_try_again else None,
            unlock=self.unlock_requested.emit if self.locked_away else None,
        )

    def erase_all(self) -> None:
        """Delete everything Attune kept (storage.erase), then begin a new journal."""
        from desktop_app.storage.erase import erase_all

        self.close()
        left = erase_all(self.paths)
        self.key = None  # a new journal, not locked
        self.open()
        if left:
            self.problem.emit(
                self.tr("Some files could not be deleted: %1").replace(
                    "%1", ", ".join(str(p) for p in left)
                )
            )
        else:
            self.news.emit(self.tr("Everything Attune kept about you has been deleted."))

    def _read_only(self, error: JournalError) -> Journal | None:
        """Reading needs no writing: a journal that cannot be written can still be read
        and exported."""
        path = self.paths.journal
        if error.kind in ("readonly", "full") and path.is_file():
            try:
                journal = Journal.open_read_only(path, error.kind)
            except JournalError as again:
                log_journal_error(again)
                return None
            logger.info("Journal opened to read only (%s)", error.kind)
            return journal
        return None

    def close(self) -> None:
        if self.state.journal is not None:
            self.state.journal.close()
            self.state.set_journal(None)

    def export(self, parent: QWidget) -> ExportDialog | None:
        """The export dialog, with a preview in which the person unticks what to keep
        back. Opened without blocking; returned for tests."""
        from desktop_app.ui.export_dialog import ExportDialog

        if self.state.journal is None:
            return None
        dialog = ExportDialog(self.state.journal.entries(), parent, locked=self.key is not None)
        dialog.open()
        return dialog

    def _offer_repair(self, message: str) -> None:
        latest = next(iter(journal_backups.backups(self.paths.journal_backups)), None)
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
            restore.clicked.connect(lambda: self.repair(latest))
            row.addWidget(restore)
        fresh = QPushButton(self.tr("Start a new journal"))
        fresh.setAccessibleName(fresh.text())
        fresh.setAccessibleDescription(self.tr("Keep the damaged file aside and begin again"))
        fresh.clicked.connect(lambda: self.repair(None))
        row.addWidget(fresh)
        if self.repair_bar is not None:  # one bar, in the words of now
            self.repair_bar.deleteLater()
        self.repair_bar = bar
        self.repair_offered.emit(bar)

    def repair(self, backup: Path | None) -> None:
        """Move the damaged journal aside and restore `backup` (or start anew)."""
        path = self.paths.journal
        if self.repair_bar is not None:
            self.repair_bar.deleteLater()
            self.repair_bar = None
        self.problem.emit("")
        try:
            aside = move_aside(path)
            logger.info("The damaged journal was moved aside to %s", aside.name)
            if backup is not None:
                journal_backups.restore_backup(backup, path, self.key)
                logger.info("The journal was restored from %s", backup.name)
        except (OSError, JournalError) as error:
            logger.warning("Repairing the journal failed", exc_info=True)
            self.problem.emit(
                self.tr(
                    "The copy could not be restored (%1); a new journal was "
                    "started and the damaged file kept aside."
                ).replace("%1", str(error))
            )
        self.open()
