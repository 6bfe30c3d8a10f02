"""Give back to a Qt-made PDF the characters its font maps leave out.

A reader finds the text of a PDF through each embedded font's ToUnicode map (glyph →
characters). Qt builds that map by looking up every character of the Basic
Multilingual Plane in the font, so a glyph that only a character beyond it reaches
(😊 and every other emoji, rare CJK ideographs, historic scripts) gets no entry, and
the reader loses it: the PDF shows it, but search and copy find nothing.

Qt also maps the joined forms of Arabic letters to the "presentation form" characters
the font's map leads to them from, so a reader gets "ﺑﺎﻟﻬﺪوء" for "بالهدوء": right to
look at, wrong to search or copy. Each is mapped back to its letter, unless the person
typed that presentation form itself.

`DrawnGlyphs` records the glyph runs the renderer draws, in order, and looks up in
each font the glyphs of the characters beyond U+FFFF in the text drawn. Qt numbers
the glyphs of each font subset in the order they are first drawn (glyph 0 first), so
the record tells which number is which glyph. `complete_text_maps` then adds the
missing entries. The record is checked against every entry Qt did write; a font where
they disagree is left as Qt wrote it. What no font's map leads to (a glyph made of
several characters, such as a colour font's family emoji, or the empty box drawn for a
character no font has) stays without text, as in any PDF.
"""

from __future__ import annotations

import itertools
import logging
import re
import struct
import unicodedata
import zlib
from dataclasses import dataclass, field

from PySide6.QtGui import QGlyphRun, QRawFont

logger = logging.getLogger(__name__)

_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
#: Latin, Armenian and Hebrew ligatures, Arabic joined forms.
_PRESENTATION_FORMS = re.compile("[\ufb00-\ufdff\ufe70-\ufeff]")


@dataclass
class _Subset:
    raw: QRawFont
    glyphs: list[int] = field(default_factory=lambda: [0])  # position = number in the PDF
    numbers: dict[int, int] = field(default_factory=lambda: {0: 0})
    text: dict[int, str] = field(default_factory=dict)  # glyph → the character it shows
    looked_up: set[str] = field(default_factory=set)  # characters whose glyph is known


class DrawnGlyphs:
    """The glyphs drawn into one PDF, per font, in the order Qt numbers them."""

    def __init__(self) -> None:
        self._subsets: dict[str, _Subset] = {}  # by PostScript name, the PDF's /BaseFont
        self._names: dict[tuple[str, str], str] = {}  # (family, style) → PostScript name
        self.typed_forms: set[str] = set()  # presentation forms in the text itself

    def add(self, run: QGlyphRun, text: str) -> None:
        """Record `run`, drawn from (part of) `text`."""
        self.typed_forms.update(_PRESENTATION_FORMS.findall(text))
        raw = run.rawFont()
        face = (raw.familyName(), raw.styleName())
        name = self._names.get(face)
        if name is None:
            name = self._names[face] = postscript_name(raw)
        if not name:
            return
        subset = self._subsets.setdefault(name, _Subset(raw))
        numbers = subset.numbers
        glyphs = run.glyphIndexes()
        for glyph in glyphs:
            if glyph not in numbers:
                numbers[glyph] = len(subset.glyphs)
                subset.glyphs.append(glyph)
        # As Qt does within the Basic Multilingual Plane: a glyph is the character
        # that the font's own map leads to it from.
        for char in set(_BEYOND_BMP.findall(text)) - subset.looked_up:
            found = raw.glyphIndexesForString(char)
            if len(found) == 1 and found[0] and found[0] in glyphs:
                subset.text.setdefault(found[0], char)
                subset.looked_up.add(char)

    def subsets(self) -> dict[str, _Subset]:
        return self._subsets


def postscript_name(raw: QRawFont) -> str:
    """The font's PostScript name (name table, ID 6), which Qt writes as /BaseFont."""
    table = bytes(raw.fontTable("name").data())
    if len(table) < 6:
        return ""
    count, strings = struct.unpack(">2H", table[2:6])
    for index in range(count):
        at = 6 + 12 * index
        platform, _, _, name_id, length, offset = struct.unpack(">6H", table[at : at + 12])
        if name_id != 6:
            continue
        data = table[strings + offset : strings + offset + length]
        return str(data, "utf-16-be" if platform in (0, 3) else "latin-1", "replace")
    return ""


# --- the file --------------------------------------------------------------------

_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])")
_CHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


@dataclass(frozen=True)
class _Font:
    """A Type0 font of the file: its name, and the objects of its ToUnicode map and of
    the font under it (which holds the width of each glyph, so tells how many)."""

    name: str
    text_map: int
    descendant: int


def complete_text_maps(pdf: bytes, drawn: DrawnGlyphs) -> bytes:
    """`pdf` with every ToUnicode map holding the glyphs `drawn` knows and Qt left out,
    and letters for presentation forms."""
    objects = _objects(pdf) if drawn.subsets() else None
    if objects is None:
        return pdf
    replaced: dict[int, bytes] = {}
    for _, body in objects.values():
        font = _type0(body)
        subset = None if font is None else drawn.subsets().get(font.name)
        if font is None or subset is None or font.text_map not in objects:
            continue
        written = _read_cmap(objects[font.text_map][1])
        if written is None:
            continue
        count = _glyph_count(objects.get(font.descendant, (0, b""))[1])
        if count not in (None, len(subset.glyphs)) or not _agrees(subset, written):
            logger.warning("PDF text map of %s left as Qt wrote it", font.name)
            continue
        missing = {
            cid: subset.text[glyph]
            for cid, glyph in enumerate(subset.glyphs)
            if not written.get(cid) and glyph in subset.text
        }
        letters = {
            cid: _letter(chars)
            for cid, chars in written.items()
            if _PRESENTATION_FORMS.fullmatch(chars) and chars not in drawn.typed_forms
        }
        if missing or letters:
            entries = {**written, **letters, **missing}
            replaced[font.text_map] = _cmap_object(font.text_map, entries)
    return _rebuilt(pdf, objects, replaced) if replaced else pdf


def _letter(form: str) -> str:
    """The letter a presentation form shows. A ligature of two letters (Arabic's lam
    with alef) keeps its form: readers order the letters of one glyph by its direction
    (poppler reads لا as ال), and one that normalises the text gets it right."""
    letters = unicodedata.normalize("NFKC", form)
    return letters if len(letters) == 1 else form


def _type0(body: bytes) -> _Font | None:
    dictionary = body.split(b"stream", 1)[0]
    if not re.search(rb"/Subtype\s*/Type0\b", dictionary):
        return None
    name = re.search(rb"/BaseFont\s*/([^\s/>\[]+)", dictionary)
    text_map = re.search(rb"/ToUnicode\s+(\d+)\s+0\s+R", dictionary)
    descendant = re.search(rb"/DescendantFonts\s*\[\s*(\d+)\s+0\s+R", dictionary)
    if name is None or text_map is None or descendant is None:
        return None
    return _Font(name[1].decode("latin-1"), int(text_map[1]), int(descendant[1]))


def _glyph_count(descendant: bytes) -> int | None:
    """How many glyphs the font has widths for, as Qt writes them (`/W [0 [w w …]]`)."""
    widths = re.search(rb"/W\s*\[\s*0\s*\[([^\]]*)\]\s*\]", descendant)
    return None if widths is None else len(widths[1].split())


def _agrees(subset: _Subset, written: dict[int, str]) -> bool:
    """Qt mapped each glyph it could from its character: the same glyph must stand at
    that number in the record, or the record's numbering is not Qt's."""
    for cid, chars in written.items():
        if not chars:
            continue
        if cid >= len(subset.glyphs):
            return False
        expected = subset.raw.glyphIndexesForString(chars[0])
        if len(expected) != 1 or expected[0] != subset.glyphs[cid]:
            return False
    return True


def _objects(pdf: bytes) -> dict[int, tuple[int, bytes]] | None:
    """Each object's offset and bytes ("N 0 obj … endobj"), cut where the next begins."""
    start = pdf.rfind(b"startxref")
    if start < 0:
        return None
    xref = int(pdf[start + 9 :].split()[0])
    header = re.match(rb"xref\s+(\d+)\s+(\d+)\s+", pdf[xref:])
    if header is None:
        return None
    first, count = int(header[1]), int(header[2])
    entries = _XREF_ENTRY.findall(pdf, xref + header.end(), xref + header.end() + 20 * count)
    offsets = {
        first + index: int(offset)
        for index, (offset, _, kind) in enumerate(entries)
        if kind == b"n"
    }
    ends = sorted([*offsets.values(), xref])
    following = dict(itertools.pairwise(ends))
    return {number: (at, pdf[at : following[at]]) for number, at in offsets.items()}


def _read_cmap(body: bytes) -> dict[int, str] | None:
    found = re.search(rb"stream\r?\n", body)
    if found is None:
        return None
    data = body[found.end() :]
    if b"/FlateDecode" in body[: found.start()]:
        data = zlib.decompressobj().decompress(data)
    entries: dict[int, str] = {}
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, target in _RANGE.findall(section):
            first, last = int(low, 16), int(high, 16)
            if target.startswith(b"["):
                for offset, value in enumerate(re.findall(rb"<([0-9A-Fa-f]+)>", target)):
                    entries[first + offset] = _utf16(value)
            else:
                base = int(target[1:-1], 16)
                for cid in range(first, last + 1):
                    entries[cid] = chr(base + cid - first) if base else ""
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for cid, value in _CHAR.findall(section):
            entries[int(cid, 16)] = _utf16(value)
    return {cid: text.replace("\0", "") for cid, text in entries.items()}


def _utf16(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode("ascii")).decode("utf-16-be", "replace")


def _cmap_object(number: int, entries: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    pairs = [(cid, text) for cid, text in sorted(entries.items()) if text]
    for at in range(0, len(pairs), 100):  # at most 100 entries a section
        chunk = pairs[at : at + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>" for cid, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    packed = zlib.compress("\n".join(lines).encode("ascii"))
    return (
        f"{number} 0 obj\n<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
        + packed
        + b"\nendstream\nendobj\n"
    )


def _rebuilt(
    pdf: bytes, objects: dict[int, tuple[int, bytes]], replaced: dict[int, bytes]
) -> bytes:
    """The file again with `replaced` objects, a new xref table and the same trailer."""
    trailer = re.search(rb"trailer\s*(<<.*?>>)\s*startxref", pdf[pdf.rfind(b"trailer") :], re.S)
    if trailer is None:
        return pdf
    order = sorted(objects, key=lambda number: objects[number][0])
    out = bytearray(pdf[: objects[order[0]][0]])
    offsets: dict[int, int] = {}
    for number in order:
        offsets[number] = len(out)
        out += replaced.get(number, objects[number][1])
    size = max(offsets) + 1
    xref = len(out)
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        known = offsets.get(number)
        out += b"0000000000 65535 f \n" if known is None else f"{known:010d} 00000 n \n".encode()
    out += b"trailer\n" + trailer[1] + f"\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
