""" "I need a pause": a short, steady place to come back to the here and now.

Feet on the floor, the 5-4-3-2-1 of the senses, a slow breath. From here the person
resumes or ends the practice; nothing hurries them. When the active plans give a
contact (`support`: who and how to reach them), it is shown as a quiet line near the
bottom.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.theme import SPACE


class GroundingView(QWidget):
    resume_requested = Signal()
    end_requested = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        support: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("A moment to ground yourself"))
        self.heading = heading = QLabel(self.tr("Take a moment. The practice is paused."))
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        steps = [
            self.tr("Feel your feet on the floor, and the weight of your body where you sit."),
            self.tr(
                "Look around and name, quietly, five things you can see, four you can hear, "
                "three you can touch, two you can smell and one you can taste."
            ),
            self.tr("Let the out-breath be a little longer than the in-breath, a few times."),
            self.tr("There is no hurry. Come back to the practice only if and when you want to."),
        ]
        card = QFrame()
        card.setProperty("role", "card")
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(SPACE["l"], SPACE["l"], SPACE["l"], SPACE["l"])
        card_layout.setSpacing(SPACE["m"])
        for step in steps:
            label = QLabel(step)
            label.setWordWrap(True)
            card_layout.addWidget(label)
        # Who to reach, one quiet line per contact, under the buttons.
        self.support_box = QVBoxLayout()
        self.support_box.setSpacing(SPACE["xs"])
        self.support_labels: list[QLabel] = []

        self.resume_button = QPushButton(self.tr("Resume the practice"))
        self.resume_button.setProperty("role", "primary")
        self.resume_button.setAccessibleName(self.tr("Resume the practice"))
        self.resume_button.setAccessibleDescription(self.tr("Go back to where you paused"))
        self.resume_button.clicked.connect(self.resume_requested)
        self.end_button = QPushButton(self.tr("End the practice"))
        self.end_button.setAccessibleName(self.tr("End the practice"))
        self.end_button.setAccessibleDescription(self.tr("Stop here; what you answered is kept"))
        self.end_button.clicked.connect(self.end_requested)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.resume_button)

        column = QVBoxLayout()
        column.setSpacing(SPACE["l"])
        column.addStretch(2)
        column.addWidget(heading)
        column.addWidget(card)
        column.addLayout(buttons)
        column.addLayout(self.support_box)
        column.addStretch(3)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(SPACE["xl"], SPACE["l"], SPACE["xl"], SPACE["l"])
        outer.addStretch()
        body = QWidget()
        body.setLayout(column)
        body.setMaximumWidth(640)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        outer.addWidget(body, 10)
        outer.addStretch()
        for label in self.findChildren(QLabel):
            if not label.accessibleName():
                label.setAccessibleName(label.text())
        self.set_support(support)

    def set_support(self, support: tuple[tuple[str, str], ...]) -> None:
        """Show (who, contact) pairs as "If you need support: who — contact"; none
        shows nothing."""
        for label in self.support_labels:
            self.support_box.removeWidget(label)
            label.deleteLater()
        self.support_labels = []
        for who, contact in support:
            text = self.support_text(who, contact)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setProperty("role", "muted")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(text)
            self.support_box.addWidget(label)
            self.support_labels.append(label)

    def support_text(self, who: str, contact: str) -> str:
        """ "If you need support: who — contact" (just the contact without a name)."""
        if who.strip():
            return self.tr("If you need support: %1 — %2").replace("%1", who).replace("%2", contact)
        return self.tr("If you need support: %1").replace("%1", contact)
