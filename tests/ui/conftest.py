"""UI tests share one QApplication; none may leave its look changed for the next."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _restore_application_look(qapp: QApplication) -> Iterator[None]:
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    properties = {name: qapp.property(name) for name in ("attunePalette", "attuneBaseFontSize")}
    yield
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)
    for name, value in properties.items():
        qapp.setProperty(name, value)
