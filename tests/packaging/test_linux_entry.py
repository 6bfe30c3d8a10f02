"""The Linux desktop entry and metainfo agree with Attune and with each other."""

from __future__ import annotations

import configparser
import xml.etree.ElementTree as ET
from pathlib import Path

import desktop_app

ROOT = Path(desktop_app.__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "app.attune.Attune"


def metainfo() -> ET.Element:
    return ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()


def entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys keep their case
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_metainfo_names_this_version_as_its_newest_release() -> None:
    releases = metainfo().findall("releases/release")
    assert releases[0].get("version") == desktop_app.__version__


def test_the_metainfo_and_the_entry_name_the_same_app_and_icon() -> None:
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("icon") == APP_ID
    assert root.findtext("provides/binary") == "attune"
    assert entry()["Icon"] == APP_ID
    assert entry()["Exec"] == "attune"
    assert entry()["Name"] == root.findtext("name") == "Attune"


def test_every_screenshot_is_one_that_scripts_screenshots_makes() -> None:
    images = [image.text or "" for image in metainfo().findall("screenshots/screenshot/image")]
    assert images
    for address in images:
        assert address.startswith("https://")
        assert (ROOT / "docs" / "screenshots" / address.rsplit("/", 1)[1]).is_file(), address


def test_the_icon_the_entry_names_is_drawn_at_every_size_the_deb_installs() -> None:
    import sys

    sys.path.insert(0, str(LINUX))
    try:
        import make_release
    finally:
        sys.path.remove(str(LINUX))
    icons = ROOT / "assets" / "icons" / "app"
    for size in make_release.ICON_SIZES:
        assert (icons / f"attune-{size}.png").is_file()
    assert (icons / "attune.svg").is_file()
    assert make_release.APP_ID == APP_ID
