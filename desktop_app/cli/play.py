"""`attune play PRACTICE [--length L]`: the app, opened on that practice."""

from __future__ import annotations

import argparse

from desktop_app.app import run_app
from desktop_app.cli.common import INVALID, chosen_length, find_practice, print_problems
from desktop_app.core.problems import InvalidFile


def run(args: argparse.Namespace) -> int:
    try:
        practice = find_practice(args.practice)
    except InvalidFile as error:
        print_problems(error.problems)
        return INVALID
    return run_app(practice, chosen_length(practice, args))
