"""Render Attune's application icon to the PNGs the app and the desktop use.

    python scripts/icons.py          write assets/icons/app/attune-<size>.png
    python scripts/icons.py --check  change nothing; exit 1 when a PNG is missing or
                                     no longer matches its SVG
(with the project's virtual environment active, or its python)

`assets/icons/app/attune.svg` is the source; `attune-small.svg`, when it is there, is a
simpler drawing used for the sizes up to `SMALL_UP_TO`. Each size is rendered on its own
with Qt's SVG renderer (no display needed), at 16, 22, 24, 32, 48, 64, 128, 256 and 512
pixels. The PNGs are kept in git; tests/ui/test_app_icon.py fails when they fall behind
the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

from desktop_app.ui.app_icon import SIZES  # noqa: E402

SOURCE_DIR = ROOT / "assets" / "icons" / "app"
#: Sizes up to this one are drawn from attune-small.svg, if there is one.
SMALL_UP_TO = 24
#: How far a pixel of a committed PNG may be from a fresh render (0..255 per channel),
#: so a different Qt version's anti-aliasing does not count as a change.
TOLERANCE = 8


def source_for(size: int) -> Path:
    small = SOURCE_DIR / "attune-small.svg"
    if size <= SMALL_UP_TO and small.is_file():
        return small
    return SOURCE_DIR / "attune.svg"


def output_for(size: int) -> Path:
    return SOURCE_DIR / f"attune-{size}.png"


def render(svg: Path, size: int) -> QImage:
    """`svg` drawn to fill a transparent `size` x `size` image."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def largest_difference(a: QImage, b: QImage) -> int:
    """The largest difference of one channel of one pixel (255 when the sizes differ)."""
    if a.size() != b.size():
        return 255
    a = a.convertToFormat(QImage.Format.Format_ARGB32)
    b = b.convertToFormat(QImage.Format.Format_ARGB32)
    pixels = zip(bytes(a.constBits()), bytes(b.constBits()), strict=True)
    return max((abs(x - y) for x, y in pixels), default=0)


def main() -> int:
    check = "--check" in sys.argv[1:]
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # kept while rendering
    stale = []
    for size in SIZES:
        image, target = render(source_for(size), size), output_for(size)
        if check:
            committed = QImage(str(target))
            if committed.isNull() or largest_difference(image, committed) > TOLERANCE:
                stale.append(target.name)
            continue
        if not image.save(str(target), "PNG"):
            raise SystemExit(f"could not write {target}")
        print(f"{source_for(size).relative_to(ROOT)} -> {target.relative_to(ROOT)}")
    if stale:
        print(f"behind the SVG: {', '.join(stale)}: run scripts/icons.py")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
