"""PyInstaller runtime hook for the windowed attune.exe: somewhere for output to go.

A Windows program built without a console (attune.exe, console=False) starts without
standard streams, and Python then sets `sys.stdout` and `sys.stderr` to None. Code that
writes to them or flushes them fails with AttributeError: the speech worker's `_quiet()`
flushes `sys.stdout` before it silences pyttsx3 (so speech would never start), and
`attune render` asks `sys.stderr.isatty()`. PyInstaller runs this hook before Attune's
own code, in the app and in each "spawn" child it starts (the speech worker runs the same
attune.exe), so there the streams become the null device. attune-cli.exe has a console,
its streams are real, and this changes nothing for it.

The spec adds this file to `runtime_hooks` on Windows only (packaging/platform_spec_notes.md).
"""

import os
import sys

for _name in ("stdout", "stderr"):
    if getattr(sys, _name) is None:
        setattr(sys, _name, open(os.devnull, "w", encoding="utf-8"))  # noqa: PTH123, SIM115
