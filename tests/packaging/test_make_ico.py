"""packaging/windows/make_ico.py: Attune's .ico, written without an image library.

The Windows build itself cannot run here, but the icon it embeds can be made and read
back: every directory entry must give the right size, bit depth, length and offset, and
the bytes at that offset must be the PNG that went in.
"""

from __future__ import annotations

import importlib.util
import struct
import sys
import zlib
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "make_ico.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_ico", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_ico", module)
    spec.loader.exec_module(module)
    return module


make_ico = _load()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(width: int, height: int | None = None, colour_type: int = 6) -> bytes:
    """A valid PNG of one flat colour: RGBA (type 6), RGB (2) or a palette (3), 8 bits."""
    height = width if height is None else height
    samples = {6: 4, 2: 3, 3: 1}[colour_type]
    row = b"\x00" + bytes([40, 140, 130, 255][:samples]) * width  # filter byte, then pixels
    body = _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0))
    if colour_type == 3:
        body += _chunk(b"PLTE", bytes(range(3 * 41)))
    body += _chunk(b"IDAT", zlib.compress(row * height))
    return make_ico.PNG_SIGNATURE + body + _chunk(b"IEND", b"")


def read_ico(data: bytes) -> list[dict[str, int]]:
    """The directory of an .ico file, entry by entry; checks the header on the way."""
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        fields = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        names = ("width", "height", "colours", "reserved", "planes", "bits", "size", "offset")
        entries.append(dict(zip(names, fields, strict=True)))
    return entries


def check_icon(data: bytes, pngs: list[bytes], bits: list[int]) -> None:
    entries = read_ico(data)
    assert len(entries) == len(pngs)
    offset = 6 + 16 * len(pngs)
    for entry, image, depth in zip(entries, pngs, bits, strict=True):
        side = struct.unpack(">I", image[16:20])[0]
        assert entry["width"] == entry["height"] == side % 256
        assert (entry["colours"], entry["reserved"], entry["planes"]) == (0, 0, 1)
        assert entry["bits"] == depth
        assert entry["size"] == len(image)
        assert entry["offset"] == offset
        assert data[offset : offset + len(image)] == image
        offset += len(image)
    assert len(data) == offset


def test_every_entry_points_at_its_png() -> None:
    pngs = [png(16), png(32), png(48), png(256)]
    check_icon(make_ico.build_ico(pngs), pngs, [32, 32, 32, 32])


def test_256_pixels_is_written_as_zero_and_bit_depth_follows_the_png() -> None:
    pngs = [png(24, colour_type=2), png(64, colour_type=3), png(256)]
    icon = make_ico.build_ico(pngs)
    check_icon(icon, pngs, [24, 8, 32])
    assert [entry["width"] for entry in read_ico(icon)] == [24, 64, 0]


def test_pngs_written_by_qt(qapp: object) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage

    pngs = []
    for side in (16, 32, 128):
        image = QImage(side, side, QImage.Format.Format_ARGB32)
        image.fill(QColor(40, 140, 130, 200))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        assert image.save(buffer, "PNG")
        buffer.close()
        pngs.append(bytes(data.data()))
    check_icon(make_ico.build_ico(pngs), pngs, [32, 32, 32])


def test_qt_reads_the_icon_back(qapp: object, tmp_path: Path) -> None:
    """A reader that is not ours: Qt's ICO plugin finds every image at its size."""
    from PySide6.QtGui import QImageReader

    if b"ico" not in [bytes(name.data()) for name in QImageReader.supportedImageFormats()]:
        pytest.skip("this Qt has no ICO image plugin")
    path = tmp_path / "attune.ico"
    path.write_bytes(make_ico.build_ico([png(16), png(48), png(256)]))
    reader = QImageReader(str(path))
    assert reader.imageCount() == 3
    sizes = []
    for index in range(3):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), reader.errorString()
        sizes.append((image.width(), image.height()))
    assert sorted(sizes) == [(16, 16), (48, 48), (256, 256)]


def test_the_folder_of_pngs_makes_the_icon(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "app"
    source.mkdir()
    for side in (512, 32, 16, 22, 256):
        (source / f"attune-{side}.png").write_bytes(png(side))
    (source / "attune.svg").write_text("<svg/>")
    (source / "other-48.png").write_bytes(png(48))
    output = tmp_path / "out" / "attune.ico"

    assert make_ico.main(["--source", str(source), "--output", str(output)]) == 0

    expected = [(source / f"attune-{side}.png").read_bytes() for side in (16, 22, 32, 256)]
    check_icon(output.read_bytes(), expected, [32] * 4)
    assert "16, 22, 32, 256 px" in capsys.readouterr().out
    assert not list(output.parent.glob("*.part"))


@pytest.mark.parametrize(
    ("image", "message"),
    [
        (b"GIF89a" + bytes(40), "not a PNG file"),
        (png(32, 16), "square"),
        (png(300), "1 to 256 pixels"),
    ],
)
def test_images_that_cannot_go_in(image: bytes, message: str) -> None:
    with pytest.raises(make_ico.IconError, match=message):
        make_ico.build_ico([image])


def test_no_images_is_an_error() -> None:
    with pytest.raises(make_ico.IconError, match="at least one"):
        make_ico.build_ico([])


def test_a_png_whose_name_lies_about_its_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "attune-32.png").write_bytes(png(48))
    output = tmp_path / "attune.ico"
    assert make_ico.main(["--source", str(tmp_path), "--output", str(output)]) == 1
    assert "the name says 32x32, the image is 48x48" in capsys.readouterr().err
    assert not output.exists()


def test_an_empty_folder_says_where_the_pngs_come_from(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert make_ico.main(["--source", str(tmp_path), "--output", str(tmp_path / "a.ico")]) == 1
    assert "scripts/icons.py" in capsys.readouterr().err
