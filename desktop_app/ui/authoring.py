"""Packs, plans and practices of one's own: opening and installing a pack, making a
pack or a plan, and the practice editor (one window, brought forward)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.ui.app_state import AppState

if TYPE_CHECKING:
    from desktop_app.core.library import Library
    from desktop_app.storage.paths import AppPaths
    from desktop_app.ui.make_pack_dialog import MakePackDialog
    from desktop_app.ui.pack_dialog import PackDialog
    from desktop_app.ui.plan_form import PlanFormDialog
    from desktop_app.ui.practice_editor import PracticeEditor


class Authoring(QObject):
    #: News for the window's notice.
    news = Signal(str)
    #: The editor asks to play its practice as a preview.
    preview_requested = Signal(object)  # Practice

    def __init__(
        self,
        state: AppState,
        paths: AppPaths,
        scan: Callable[[], Library],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.state = state
        self.paths = paths
        self.scan = scan
        self.window = window  # the parent of the dialogs
        self.editor: PracticeEditor | None = None
        state.library_changed.connect(self._library_changed)

    def rescan(self) -> None:
        self.state.set_library(self.scan())

    # --- packs ------------------------------------------------------------------------

    def take_dropped_packs(self, widget: QWidget) -> None:
        """A pack dropped on `widget` opens its preview."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if isinstance(event, QDragEnterEvent | QDropEvent):
            # Loaded at the first drop, not at the window's first event: packs are large.
            from desktop_app.ui.pack_dialog import is_pack_file

            packs = [url.toLocalFile() for url in event.mimeData().urls()]
            first = next((p for p in packs if is_pack_file(p)), None)
            if first is not None:
                event.acceptProposedAction()
                if isinstance(event, QDropEvent) and event.type() == QEvent.Type.Drop:
                    self.open_pack_file(Path(first))
                return True
        return False

    def choose_pack(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Open a pack"),
            str(Path.home()),
            self.tr("Attune packs (*.attunepack)"),
        )
        if name:
            self.open_pack_file(Path(name))

    def open_pack_file(self, path: Path) -> PackDialog:
        """Preview a pack and install it when the person says so (never before)."""
        from desktop_app.ui.pack_dialog import PackDialog

        dialog = PackDialog(
            path, self.paths.packs, self.paths.plans, self.state.language, parent=self.window
        )
        dialog.accepted.connect(lambda: self._pack_installed(dialog))
        dialog.open()
        return dialog

    def _pack_installed(self, dialog: PackDialog) -> None:
        result = dialog.result_
        if result is None:
            return
        self.rescan()
        self.state.plans_written()  # a pack's plans are the person's plans now
        title = result.manifest.title.get(self.state.language)
        self.news.emit(self.tr("Installed “%1”.").replace("%1", title))

    def make_pack(self) -> MakePackDialog | None:
        """Tick practices and plans of one's own and save them as a pack."""
        from desktop_app.ui.make_pack_dialog import MakePackDialog

        if self.state.library is None:  # still being read; the button works a moment later
            return None
        dialog = MakePackDialog(self.state.library, self.state.language, parent=self.window)
        dialog.open()
        return dialog

    def make_plan(self) -> PlanFormDialog | None:
        """A plan made with a form, saved with one's own practices (and followed, if
        wished)."""
        import datetime  # here: the first paint needs none of it

        from desktop_app.ui.plan_form import PlanFormDialog

        state = self.state
        if state.library is None or state.plans is None:  # still being read
            return None
        dialog = PlanFormDialog(
            state.library,
            state.language,
            self.paths.practices,
            state.plans,
            datetime.date.today(),
            self.window,
        )
        dialog.saved.connect(self._plan_saved)
        dialog.open()
        return dialog

    def _plan_saved(self, _plan_id: str) -> None:
        self.rescan()
        self.state.plans_written()

    # --- the practice editor ------------------------------------------------------------

    def open_editor(self) -> PracticeEditor:
        """The practice editor, in a window of its own (one, brought forward)."""
        from desktop_app.ui.practice_editor import PracticeEditor

        if self.editor is None:
            self.editor = PracticeEditor(self.paths, self.state.library, parent=self.window)
            # Closed, it goes (its draft is kept): the next one is made in the language
            # and with the library of that moment.
            self.editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.editor.destroyed.connect(self._editor_gone)
            self.editor.preview_requested.connect(self.preview_requested)
            self.editor.saved.connect(lambda _path: self.rescan())
        self.editor.show()
        self.editor.raise_()
        self.editor.activateWindow()
        return self.editor

    def _editor_gone(self) -> None:
        self.editor = None

    def edit_practice(self, practice_id: str) -> PracticeEditor | None:
        """One's own practice opens itself; any other opens as a copy to save as one's own."""
        library = self.state.library
        entry = library.practices.get(practice_id) if library is not None else None
        if entry is None:
            return None
        editor = self.open_editor()
        if entry.source.kind == "user":
            editor.ask_then(editor.open_file, entry.path)
        else:
            editor.ask_then(editor.open_copy, entry.path)
        return editor

    def say_in_editor(self, text: str) -> None:
        if self.editor is not None:
            self.editor.say(text)

    def close_editor(self) -> bool:
        """Close the editor; False when the person chose to stay with unsaved changes."""
        return self.editor is None or self.editor.close()

    def _library_changed(self, library: Library) -> None:
        if self.editor is not None:
            self.editor.library = library
