""" "I need a pause": a short, steady place to come back to the here and now.

Feet on the floor, the 5-4-3-2-1 of the senses, a slow breath. From here the person
resumes or ends the practice; nothing hurries them. When a therapist's plan gives a
contact, it is shown here too.
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

    def __init__(self, contact: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("A moment to ground yourself"))
        heading = QLabel(self.tr("Take a moment. The practice is paused."))
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
        self.contact_label = QLabel()
        self.contact_label.setWordWrap(True)
        self.contact_label.setProperty("role", "muted")
        self.contact_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.set_contact(contact)

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
        column.addWidget(self.contact_label)
        column.addLayout(buttons)
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

    def set_contact(self, contact: str | None) -> None:
        if contact:
            self.contact_label.setText(self.tr("If you need someone: %1").replace("%1", contact))
        self.contact_label.setVisible(bool(contact))
        self.contact_label.setAccessibleName(self.contact_label.text() or self.tr("Contact"))
