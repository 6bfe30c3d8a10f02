"""Make Attune's Windows icon (attune.ico) from the app icon's PNGs.

    python packaging/windows/make_ico.py [--source DIR] [--output FILE]

build.ps1 runs this before PyInstaller. It reads `assets/icons/app/attune-<size>.png`
for every size from 16 to 256 pixels that is there, and writes
`packaging/windows/attune.ico` (not kept in git: it is made at each build).

An .ico file is a small directory followed by the images:

- ICONDIR, 6 bytes: reserved (0), type (1 = icon), number of images;
- one ICONDIRENTRY of 16 bytes per image: width and height (one byte each, 0 meaning
  256), colour count (0), reserved (0), colour planes (1), bits per pixel, the image's
  length in bytes and its offset from the start of the file;
- the images themselves. Since Windows Vista an image may be a whole PNG file, which is
  what this writes, so no image library is needed: the PNGs go in byte for byte.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_SOURCE = REPO / "assets" / "icons" / "app"
DEFAULT_OUTPUT = Path(__file__).resolve().parent / "attune.ico"

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: An .ico entry stores width and height in one byte each; 256 is written as 0.
LARGEST = 256
SMALLEST = 16
ICONDIR = struct.Struct("<HHH")
ICONDIRENTRY = struct.Struct("<BBBBHHII")
#: Samples per pixel of each PNG colour type (greyscale, RGB, palette, grey+alpha, RGBA).
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
_NAME = re.compile(r"attune-(\d+)\.png")


class IconError(ValueError):
    """A PNG that cannot go in the icon, or no PNG at all."""


def png_size(data: bytes) -> tuple[int, int, int]:
    """(width, height, bits per pixel) from a PNG's IHDR chunk."""
    if not data.startswith(PNG_SIGNATURE):
        raise IconError("not a PNG file")
    # The IHDR chunk comes first: length (4), b"IHDR", width (4), height (4), depth, type.
    if len(data) < 26 or data[12:16] != b"IHDR":
        raise IconError("PNG file without an IHDR chunk first")
    width, height, depth, colour_type = struct.unpack(">IIBB", data[16:26])
    if colour_type not in _CHANNELS:
        raise IconError(f"PNG colour type {colour_type} is not a valid one")
    return width, height, depth * _CHANNELS[colour_type]


def build_ico(pngs: Sequence[bytes]) -> bytes:
    """The .ico file holding `pngs`, each a square PNG of 1 to 256 pixels, in that order."""
    if not pngs:
        raise IconError("an icon needs at least one image")
    entries = []
    offset = ICONDIR.size + ICONDIRENTRY.size * len(pngs)
    for data in pngs:
        width, height, bits = png_size(data)
        if width != height:
            raise IconError(f"icon images are square; this PNG is {width}x{height}")
        if not 1 <= width <= LARGEST:
            raise IconError(f"icon images are 1 to {LARGEST} pixels wide; this PNG is {width}")
        side = width % LARGEST  # 256 -> 0
        entries.append(ICONDIRENTRY.pack(side, side, 0, 0, 1, bits, len(data), offset))
        offset += len(data)
    return ICONDIR.pack(0, 1, len(pngs)) + b"".join(entries) + b"".join(pngs)


def icon_pngs(folder: Path) -> list[tuple[int, Path]]:
    """(size, `attune-<size>.png`) in `folder` for each size from 16 to 256, smallest first."""
    found = []
    for path in folder.glob("attune-*.png"):
        match = _NAME.fullmatch(path.name)
        if match and SMALLEST <= int(match[1]) <= LARGEST:
            found.append((int(match[1]), path))
    return sorted(found)


def make_ico(source: Path, output: Path) -> list[int]:
    """Write the icon made of `source`'s PNGs to `output`; the sizes used."""
    sized = icon_pngs(source)
    if not sized:
        raise IconError(
            f"no attune-<size>.png ({SMALLEST} to {LARGEST} pixels) in {source}; "
            "scripts/icons.py renders them from attune.svg"
        )
    pngs = []
    for size, path in sized:
        data = path.read_bytes()
        try:
            width, height, _bits = png_size(data)
        except IconError as error:
            raise IconError(f"{path}: {error}") from None
        if (width, height) != (size, size):
            raise IconError(f"{path}: the name says {size}x{size}, the image is {width}x{height}")
        pngs.append(data)
    icon = build_ico(pngs)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".part")
    temporary.write_bytes(icon)
    temporary.replace(output)
    return [size for size, _path in sized]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Make attune.ico from the app icon's PNGs.")
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE, help="folder of PNGs")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the .ico to write")
    args = parser.parse_args(argv)
    try:
        used = make_ico(args.source, args.output)
    except (IconError, OSError) as error:
        print(f"make_ico: {error}", file=sys.stderr)
        return 1
    print(f"make_ico: wrote {args.output} ({', '.join(map(str, used))} px)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
