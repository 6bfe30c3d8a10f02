"""Test-wide setup: Qt draws offscreen, no test touches the real user folders, and the
Hypothesis profile sets how hard the property tests look."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

# Before any QApplication exists (pytest-qt creates it lazily).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests set no counts of their own: the profile does, chosen by HYPOTHESIS_PROFILE.
# No profile has a deadline or the too-slow check: on a loaded 2-core machine timing is
# noise, and tests do not time themselves (bench/ measures speed).
#   dev (the default): a quick look, for ./scripts/test on one's own machine; examples that
#     failed are kept in .hypothesis/ and tried first next time.
#   ci (.ci/run): many more examples, the same ones every run (derandomized, so a change is
#     never failed by a case that was not its doing), and a failure prints the blob that
#     replays it with @reproduce_failure.
settings.register_profile(
    "dev", max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "ci",
    max_examples=400,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def _private_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point ATTUNE_HOME at a fresh folder so no test reads or writes real data."""
    home = tmp_path_factory.mktemp("attune-home")
    monkeypatch.setenv("ATTUNE_HOME", str(home))
    yield home


@pytest.fixture(scope="session")
def _english_counts(qapp: QApplication) -> Iterator[None]:
    from desktop_app.ui.i18n import Translations  # Qt only for the tests that use it

    translations = Translations()
    assert translations.install("en"), "run scripts/translations.py"
    yield


@pytest.fixture(autouse=True)
def _counts_as_attune_says_them(request: pytest.FixtureRequest) -> None:
    """A test with Qt has the English counts ("1 minute", "2 minutes"), which Attune's
    window installs at start, whether or not it makes the window."""
    if "qapp" in request.fixturenames:
        request.getfixturevalue("_english_counts")


@pytest.fixture(params=[0o000, 0o022], ids=["umask 000", "umask 022"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Each test that asks for it runs under umask 000 and 022: what Attune writes must be
    private either way."""
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


@pytest.fixture
def log() -> Iterator[Path]:
    """The log file of this test's Attune home, started for the test."""
    from tests.helpers import started_log

    with started_log() as file:
        yield file
