"""`attune play PRACTICE [--length L]`: the app, opened on that practice."""

from __future__ import annotations

import argparse

from desktop_app.app import run_app
from desktop_app.cli.common import chosen_length, find_practice


def run(args: argparse.Namespace) -> int:
    practice = find_practice(args.practice)
    return run_app(practice, chosen_length(practice, args))
