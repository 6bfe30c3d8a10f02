"""UI tests share one QApplication; none may leave its look changed for the next, nor
leave a window of its own alive behind it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.leaks import delete_what_was_closed, described, open_windows, windows_made_since


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[object]:
    """Keep each phase's report on its test, so a fixture can tell a test that failed."""
    report = yield
    setattr(item, f"report_{call.when}", report)
    return report


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


@pytest.fixture(autouse=True)
def _no_window_left_alive(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a window alive: one made in the test but not given to
    `qtbot.addWidget` (nor to a parent that was), or one the app made without a parent
    and never let go. pytest-qt closes the test's widgets before any fixture is torn
    down, so by now they have been asked to go."""
    before = open_windows()
    yield
    delete_what_was_closed()
    left = windows_made_since(before)
    if not left:
        return
    names = described(left)
    for widget in left:  # the next test starts clean, whatever this one left
        widget.close()
        widget.deleteLater()
    delete_what_was_closed()
    call = getattr(request.node, "report_call", None)
    if call is not None and call.passed:  # a failed test's traceback holds its windows
        pytest.fail(
            f"windows made during the test are still alive after it: {names} "
            "(give them to qtbot.addWidget, or to a parent that is)",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _widgets_held_until_closed(request: pytest.FixtureRequest) -> Iterator[None]:
    """Hold the widgets a test gives to `qtbot.addWidget` until pytest-qt has closed them.

    pytest-qt keeps only weak references to them, so a window whose Python side is in
    a reference cycle becomes garbage once the test function returns, and the cyclic
    collector may free it during pytest-qt's last event processing: even in the middle
    of painting one of its own children, which then paints freed memory (a crash seen
    with the plan form when a combo box's first paint made enough objects to start a
    collection)."""
    if "qtbot" not in request.fixturenames:
        yield
        return
    qtbot = request.getfixturevalue("qtbot")
    held: list[object] = []
    add_widget = qtbot.addWidget

    def add_and_hold(widget: object, *args: object, **kwargs: object) -> None:
        held.append(widget)
        add_widget(widget, *args, **kwargs)

    qtbot.addWidget = add_and_hold
    yield
    held.clear()
