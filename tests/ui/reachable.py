"""The controls a person can reach in a screen, for the tests that check their names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)


def reachable_controls(root: QWidget) -> list[QWidget]:
    """Every control a person can reach in `root`, except the insides of combo boxes."""
    found: list[QWidget] = []
    for widget in [root, *root.findChildren(QWidget)]:
        parent = widget.parentWidget()
        inside_combo = False
        while parent is not None and parent is not root:
            inside_combo = inside_combo or isinstance(parent, QComboBox)
            parent = parent.parentWidget()
        if inside_combo:
            continue
        if isinstance(
            widget, QAbstractButton | QAbstractItemView | QLineEdit | QComboBox | QPlainTextEdit
        ) or (
            isinstance(widget, QAbstractScrollArea | QLabel)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            found.append(widget)
        elif widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget is not root:
            found.append(widget)  # charts and anything else that takes the focus
    return found
