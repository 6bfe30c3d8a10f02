"""Errors nothing caught: logged with their whole traceback, then handled as before.

`install(tell)` sets `sys.excepthook` (the main thread, and every exception raised in
a Qt slot, which PySide6 passes there) and `threading.excepthook`. Each logs the
error with its traceback (storage/logs.py), calls `tell` with the traceback as text
when there is one (the window shows a calm message: ui/error_dialog.py), and then
calls the hook that was there before, so what is printed on stderr stays as it was.

A hook never raises and never recurses: an error while one is being reported (in
logging, or in `tell`) is left to the previous hook alone. Ctrl-C (KeyboardInterrupt)
and a thread's SystemExit are no errors: they go straight to the previous hook.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import Any

logger = logging.getLogger(__name__)

#: Tells the person, given the traceback as text. Called on the thread that failed.
Tell = Callable[[str], None]

_tell: Tell | None = None
_previous_hook: Callable[[type[BaseException], BaseException, TracebackType | None], Any] = (
    sys.__excepthook__
)
_previous_thread_hook: Callable[[threading.ExceptHookArgs], Any] = threading.__excepthook__
_reporting = threading.local()


def install(tell: Tell | None = None) -> None:
    """Log every uncaught error; with `tell`, tell the person too. Called again, the
    hooks stay and only `tell` is replaced."""
    global _tell, _previous_hook, _previous_thread_hook
    _tell = tell
    if sys.excepthook is not _main_hook:
        _previous_hook = sys.excepthook
        sys.excepthook = _main_hook
    if threading.excepthook is not _thread_hook:
        _previous_thread_hook = threading.excepthook
        threading.excepthook = _thread_hook


def uninstall() -> None:
    """Put back the hooks that were there before `install`."""
    global _tell
    _tell = None
    if sys.excepthook is _main_hook:
        sys.excepthook = _previous_hook
    if threading.excepthook is _thread_hook:
        threading.excepthook = _previous_thread_hook


def _main_hook(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> None:
    if not issubclass(kind, KeyboardInterrupt):
        _report("Uncaught error", kind, error, trace)
    with contextlib.suppress(Exception):
        _previous_hook(kind, error, trace)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    if not issubclass(args.exc_type, SystemExit):
        name = args.thread.name if args.thread is not None else "unknown"
        what = f"Uncaught error in thread {name}"
        _report(what, args.exc_type, args.exc_value, args.exc_traceback)
    with contextlib.suppress(Exception):
        _previous_thread_hook(args)


def _report(
    what: str,
    kind: type[BaseException],
    error: BaseException | None,
    trace: TracebackType | None,
) -> None:
    if getattr(_reporting, "busy", False):
        return  # failed while reporting: the previous hook prints it, nothing more
    _reporting.busy = True
    try:
        with contextlib.suppress(Exception):  # a hook must not raise
            if error is None:  # a thread's exception may come without its value
                error = kind()
            logger.critical(what, exc_info=(kind, error, trace))
            tell = _tell
            if tell is not None:
                tell("".join(traceback.format_exception(kind, error, trace)))
    finally:
        _reporting.busy = False
