"""Test-wide setup: Qt draws offscreen, and no test touches the real user folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point ATTUNE_HOME at a fresh folder so no test reads or writes real data."""
    home = tmp_path_factory.mktemp("attune-home")
    monkeypatch.setenv("ATTUNE_HOME", str(home))
    yield home


@pytest.fixture(params=[0o000, 0o022], ids=["umask 000", "umask 022"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Each test that asks for it runs under umask 000 and 022: what Attune writes must be
    private either way."""
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)
