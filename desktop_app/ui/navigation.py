"""The navigation column: the four pages (Ctrl+1…4) and the actions beside them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.storage.settings import ScreenName
from desktop_app.ui.theme import SPACE
from desktop_app.ui.widgets import action_button

SCREENS: tuple[ScreenName, ...] = ("today", "library", "journal", "settings")


class Navigation(QFrame):
    """Made anew for another language: its shortcuts belong to it and go with it."""

    #: The person asks for a page.
    go = Signal(str)

    def __init__(
        self,
        *,
        open_pack: Callable[[], object],
        write_practice: Callable[[], object],
        make_plan: Callable[[], object],
        make_pack: Callable[[], object],
        authoring: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setFixedWidth(200)
        layout = QVBoxLayout(self)
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
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QPushButton] = {}
        for number, screen in enumerate(SCREENS, start=1):
            button = QPushButton(labels[screen])
            button.setProperty("role", "nav")
            button.setCheckable(True)
            button.setAccessibleName(labels[screen])
            button.setAccessibleDescription(
                self.tr("Show %1 (Ctrl+%2)")
                .replace("%1", labels[screen])
                .replace("%2", str(number))
            )
            button.clicked.connect(lambda _=False, s=screen: self.go.emit(s))
            self.group.addButton(button)
            self.buttons[screen] = button
            layout.addWidget(button)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda s=screen: self.go.emit(s))
        layout.addStretch()
        self.pack_button = self._action(
            self.tr("Open a pack…"),
            self.tr("Install practices and plans from a .attunepack file (Ctrl+O)"),
            "Ctrl+O",
            open_pack,
        )
        layout.addWidget(self.pack_button)
        layout.addSpacing(SPACE["s"])
        # A therapist's way, in order: write a practice, make a plan, hand both over.
        self.write_button = self._action(
            self.tr("Write a practice…"),
            self.tr("Open the practice editor, with a template for each kind (Ctrl+Shift+E)"),
            "Ctrl+Shift+E",
            write_practice,
        )
        self.plan_button = self._action(
            self.tr("Make a plan…"),
            self.tr("Choose practices, how often and for how long (Ctrl+Shift+L)"),
            "Ctrl+Shift+L",
            make_plan,
        )
        self.make_pack_button = self._action(
            self.tr("Make a pack…"),
            self.tr("Save your own practices and plans as one .attunepack file (Ctrl+Shift+P)"),
            "Ctrl+Shift+P",
            make_pack,
        )
        self.authoring_buttons = (self.write_button, self.plan_button, self.make_pack_button)
        for button in self.authoring_buttons:
            layout.addWidget(button)
        self.show_authoring(authoring)

    def show_authoring(self, on: bool) -> None:
        """The tools for therapists, shown or not (a setting)."""
        for button in self.authoring_buttons:
            button.setVisible(on)

    def mark(self, screen: ScreenName) -> None:
        self.buttons[screen].setChecked(True)

    def _action(
        self, text: str, description: str, keys: str, act: Callable[[], object]
    ) -> QPushButton:
        button = action_button(text, description, act, role="quiet")
        # Works while the button shows: the tools for therapists can be switched off.
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.activated.connect(lambda: button.isVisible() and act())
        return button
