"""The entry point of the built app (PyInstaller freezes this script as `attune`).

It does what the `attune` console script does in a venv, plus one thing a frozen
program needs: the speech worker is a multiprocessing "spawn" child, and a frozen
child starts by running this very executable. `freeze_support()` makes that child
run the worker instead of the command line (without it speech fails to start and
renders come out silent).
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from desktop_app.cli import main

    sys.exit(main())
