"""FlowLayout: items left to right, wrapping to a new row when the width runs out."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.ui.flow_layout import FlowLayout


def three_buttons(qtbot: QtBot) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    holder = QWidget()
    qtbot.addWidget(holder)
    flow = FlowLayout(holder, spacing=8)
    buttons = []
    for text in ("one", "two", "three"):
        button = QPushButton(text)
        button.setFixedSize(100, 30)
        flow.addWidget(button)
        buttons.append(button)
    return holder, flow, buttons


def test_items_share_a_row_while_they_fit(qtbot: QtBot) -> None:
    holder, flow, buttons = three_buttons(qtbot)
    assert flow.heightForWidth(400) == 30
    holder.resize(400, 30)
    holder.show()
    assert [(b.x(), b.y()) for b in buttons] == [(0, 0), (108, 0), (216, 0)]


def test_an_item_that_does_not_fit_starts_the_next_row(qtbot: QtBot) -> None:
    holder, flow, buttons = three_buttons(qtbot)
    assert flow.heightForWidth(250) == 30 + 8 + 30
    assert flow.heightForWidth(50) == 3 * 30 + 2 * 8  # one a row, never none
    holder.resize(250, 68)
    holder.show()
    assert [(b.x(), b.y()) for b in buttons] == [(0, 0), (108, 0), (0, 38)]


def test_hidden_items_take_no_room(qtbot: QtBot) -> None:
    _holder, flow, buttons = three_buttons(qtbot)
    buttons[1].hide()
    assert flow.heightForWidth(250) == 30
    assert flow.count() == 3
