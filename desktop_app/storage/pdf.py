"""A small PDF 1.4 writer: blocks of text in Helvetica, wrapped, on as many A4 pages as
they need. No dependency and no Qt, so exports stay in `storage`.

The three standard fonts used (Helvetica, Helvetica-Bold and, for a few signs such as
"→", Symbol) are built into every PDF reader, so nothing is embedded. Text is written
in WinAnsi (Windows-1252) encoding, which covers the languages of Western Europe.
A character outside it is written as its closest plain form where there is one
(accents dropped: "ő" → "o"; "ﬁ" → "fi"), a few signs come from the Symbol font, and
anything else becomes "?". Line breaking measures every word with the fonts' own
widths (Adobe's metrics), breaks at spaces, keeps line breaks the person typed, and
cuts a word only when it is wider than the page. A heading is never left alone at the
foot of a page.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Final, Literal

Style = Literal["title", "heading", "subheading", "body", "meta", "label"]

#: A4, in points.
PAGE_WIDTH: Final = 595.28
PAGE_HEIGHT: Final = 841.89
MARGIN: Final = 64.0
BULLET_INDENT: Final = 14.0


@dataclass(frozen=True)
class Span:
    """A run of text in one weight. Newlines in it are kept as line breaks."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class Block:
    """A paragraph: spans in one style, optionally as a bulleted list item."""

    style: Style
    spans: tuple[Span, ...]
    bullet: bool = False

    @classmethod
    def of(cls, style: Style, text: str, *, bullet: bool = False) -> Block:
        return cls(style, (Span(text),), bullet=bullet)


@dataclass(frozen=True)
class _Look:
    size: float
    leading: float
    bold: bool
    gray: float
    space_before: float
    keep_with_next: bool = False


_LOOKS: Final[dict[str, _Look]] = {
    "title": _Look(22, 28, True, 0.10, 0, keep_with_next=True),
    "heading": _Look(15, 20, True, 0.10, 20, keep_with_next=True),
    "subheading": _Look(12, 16, True, 0.13, 14, keep_with_next=True),
    "body": _Look(10.5, 15, False, 0.13, 3),
    "meta": _Look(9.5, 13.5, False, 0.38, 3),
    "label": _Look(9.5, 13.5, True, 0.38, 7, keep_with_next=True),
}
_FOOTER = _Look(8.5, 12, False, 0.45, 0)

# Advance widths (1/1000 em) of WinAnsi codes 32–255, from Adobe's core font metrics.
# 0 marks the codes WinAnsi leaves undefined; nothing is ever written with them.
# fmt: off
_HELVETICA: Final = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  # 32–47
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,  # 48–63
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,  # 64–79
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,  # 80–95
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,  # 96–111
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,  # 112–127
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,  # 128–143
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,  # 144–159
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,  # 160–175
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,  # 176–191
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,  # 192–207
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,  # 208–223
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,  # 224–239
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,  # 240–255
)
_HELVETICA_BOLD: Final = (
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,  # 32–47
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,  # 48–63
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,  # 64–79
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,  # 80–95
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,  # 96–111
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,  # 112–127
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,  # 128–143
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,  # 144–159
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,  # 160–175
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,  # 176–191
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,  # 192–207
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,  # 208–223
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,  # 224–239
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,  # 240–255
)
# fmt: on

#: Signs outside WinAnsi that the Symbol font has: character -> (code, width).
_SYMBOL: Final[dict[str, tuple[int, int]]] = {
    "→": (0xAE, 987),
    "←": (0xAC, 987),
    "↔": (0xAB, 1042),
    "⇒": (0xDE, 987),
    "↑": (0xAD, 603),
    "↓": (0xAF, 603),
    "≤": (0xA3, 549),
    "≥": (0xB3, 549),
    "≠": (0xB9, 549),
    "≈": (0xBB, 549),
    "∞": (0xA5, 713),
    "−": (0x2D, 549),  # the minus sign, as in "−2"
    "♥": (0xA9, 753),
}
#: Letters with no decomposition to a plain letter, and dashes WinAnsi lacks.
_PLAIN: Final[dict[str, str]] = {
    "ł": "l",
    "Ł": "L",
    "đ": "d",
    "Đ": "D",
    "ı": "i",
    "ħ": "h",
    "Ħ": "H",
    "ŧ": "t",
    "Ŧ": "T",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2015": "—",
}

_REGULAR, _BOLD, _SIGNS = "F1", "F2", "F3"
_FONT_NAMES: Final = {_REGULAR: "Helvetica", _BOLD: "Helvetica-Bold", _SIGNS: "Symbol"}
_TOKENS = re.compile(r"\n| +|[^ \n]+")


def render_pdf(
    blocks: Sequence[Block], *, title: str, footer: str = "", created: datetime | None = None
) -> bytes:
    """A complete PDF 1.4 file of `blocks`. `footer` (with the page numbers) is set at
    the foot of every page; `title` and `created` go into the document's properties."""
    pages = _paginate(_rows(blocks))
    streams = [_page_stream(page, number, len(pages), footer) for number, page in enumerate(pages)]
    return _assemble(streams, title=title, created=created)


# --- characters ------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _glyphs(char: str) -> tuple[tuple[bool, int, int], ...]:
    """How to write one character: (from the Symbol font?, code, width) for each glyph;
    empty for characters that show nothing."""
    if char in "\t\r\v\f":
        char = " "
    if char == "\u00ad":  # a soft hyphen shows nothing unless a line breaks there
        return ()
    code = _winansi(char)
    if code is not None:
        return ((False, code, 0),)
    if char in _SYMBOL:
        code, width = _SYMBOL[char]
        return ((True, code, width),)
    if unicodedata.category(char)[0] in "CM":  # controls, format marks, combining marks
        return ()
    plain = _PLAIN.get(char)
    if plain is None:
        for form in ("NFKC", "NFKD"):
            candidate = "".join(
                c for c in unicodedata.normalize(form, char) if not unicodedata.combining(c)
            )
            if candidate and candidate != char and all(_winansi(c) is not None for c in candidate):
                plain = candidate
                break
    if plain is None:
        return ((False, ord("?"), 0),)
    return tuple(glyph for c in plain for glyph in _glyphs(c))


def _winansi(char: str) -> int | None:
    try:
        code = char.encode("cp1252")[0]
    except UnicodeEncodeError:
        return None
    return code if 32 <= code <= 255 and code != 127 else None


@dataclass
class _Run:
    """Text in one font, encoded, with its width in 1/1000 em."""

    font: str
    data: bytearray = field(default_factory=bytearray)
    width: float = 0.0


def _runs(text: str, bold: bool) -> list[_Run]:
    runs: list[_Run] = []
    text_font = _BOLD if bold else _REGULAR
    widths = _HELVETICA_BOLD if bold else _HELVETICA
    for char in unicodedata.normalize("NFC", text):  # a letter and its accent as one
        for from_symbol, code, width in _glyphs(char):
            font = _SIGNS if from_symbol else text_font
            if not runs or runs[-1].font != font:
                runs.append(_Run(font))
            runs[-1].data.append(code)
            runs[-1].width += width if from_symbol else widths[code - 32]
    return runs


# --- lines -----------------------------------------------------------------------


@dataclass
class _Row:
    look: _Look
    runs: list[_Run]
    indent: float
    bullet: bool = False
    first: bool = False  # the first line of its block
    block: int = 0


def _rows(blocks: Sequence[Block]) -> list[_Row]:
    rows: list[_Row] = []
    for number, block in enumerate(blocks):
        look = _LOOKS[block.style]
        indent = BULLET_INDENT if block.bullet else 0.0
        lines = _wrap(block, look, (PAGE_WIDTH - 2 * MARGIN - indent) * 1000 / look.size)
        for index, line in enumerate(lines):
            rows.append(_Row(look, line, indent, bullet=block.bullet and index == 0, block=number))
        rows[-(len(lines))].first = True
    return rows


def _wrap(block: Block, look: _Look, limit: float) -> list[list[_Run]]:
    """The lines of a block, each a list of runs, at most `limit` (1/1000 em) wide."""
    lines: list[list[_Run]] = []
    line: list[_Run] = []
    width = 0.0
    space: list[_Run] = []  # a space waiting for the next word on this line
    word: list[_Run] = []

    def put(runs: list[_Run]) -> None:
        for run in runs:
            if line and line[-1].font == run.font:
                line[-1].data += run.data
                line[-1].width += run.width
            else:
                line.append(_Run(run.font, bytearray(run.data), run.width))

    def end_line() -> None:
        nonlocal line, width
        lines.append(line)
        line, width = [], 0.0

    def place_word() -> None:
        nonlocal width, space, word
        if not word:
            return
        word_width = sum(run.width for run in word)
        space_width = sum(run.width for run in space)
        if line and width + space_width + word_width > limit:
            end_line()
            space = []
            space_width = 0.0
        if line:
            put(space)
            width += space_width
        space = []
        if word_width > limit:  # a word wider than the page: cut it where it must
            for piece in _pieces(word):
                if line and width + piece.width > limit:
                    end_line()
                put([piece])
                width += piece.width
        else:
            put(word)
            width += word_width
        word = []

    for span in block.spans:
        for token in _TOKENS.findall(span.text):
            if token == "\n":
                place_word()
                space = []
                end_line()
            elif token.startswith(" "):
                place_word()
                space = _runs(token, span.bold or look.bold) if line or lines else []
            else:
                word += _runs(token, span.bold or look.bold)
    place_word()
    if line or not lines:
        lines.append(line)
    return lines


def _pieces(word: list[_Run]) -> list[_Run]:
    """A word as one run per glyph, so that it can be cut anywhere."""
    pieces = []
    for run in word:
        widths = _HELVETICA_BOLD if run.font == _BOLD else _HELVETICA
        for code in run.data:
            width = (
                next(w for c, w in _SYMBOL.values() if c == code)
                if run.font == _SIGNS
                else widths[code - 32]
            )
            pieces.append(_Run(run.font, bytearray([code]), width))
    return pieces


# --- pages -----------------------------------------------------------------------


@dataclass
class _Placed:
    row: _Row
    baseline: float


def _paginate(rows: list[_Row]) -> list[list[_Placed]]:
    top, bottom = PAGE_HEIGHT - MARGIN, MARGIN
    pages: list[list[_Placed]] = [[]]
    cursor = top
    for index, row in enumerate(rows):
        gap = row.look.space_before if row.first and pages[-1] else 0.0
        needed = gap + _kept_height(rows, index)
        if pages[-1] and cursor - needed < bottom:
            pages.append([])
            cursor, gap = top, 0.0
        cursor -= gap + row.look.leading
        baseline = cursor + (row.look.leading - row.look.size * 0.72) / 2
        pages[-1].append(_Placed(row, baseline))
    return pages


def _kept_height(rows: list[_Row], index: int) -> float:
    """The height of a row and of what must stay on its page: a heading takes the first
    line of what follows it along."""
    row = rows[index]
    height = row.look.leading
    if not (row.first and row.look.keep_with_next):
        return height
    following = index + 1
    while following < len(rows) and rows[following].block == row.block:
        height += rows[following].look.leading
        following += 1
    if following < len(rows):
        height += rows[following].look.space_before + _kept_height(rows, following)
    return height


def _page_stream(page: list[_Placed], number: int, count: int, footer: str) -> bytes:
    out: list[str] = []
    for placed in page:
        row = placed.row
        x = MARGIN + row.indent
        if row.bullet:
            out.append(_text_line(_runs("•", False), row.look, MARGIN + 3, placed.baseline))
        out.append(_text_line(row.runs, row.look, x, placed.baseline))
    words = f"page {number + 1} of {count}"
    runs = _runs(f"{footer} · {words}" if footer else words, False)
    width = sum(run.width for run in runs) * _FOOTER.size / 1000
    out.append(_text_line(runs, _FOOTER, (PAGE_WIDTH - width) / 2, MARGIN / 2))
    return "\n".join(line for line in out if line).encode("ascii")


def _text_line(runs: list[_Run], look: _Look, x: float, y: float) -> str:
    if not runs:
        return ""
    parts = [f"{look.gray:g} g BT {x:.2f} {y:.2f} Td"]
    for run in runs:
        parts.append(f"/{run.font} {look.size:g} Tf <{run.data.hex().upper()}> Tj")
    parts.append("ET")
    return " ".join(parts)


# --- the file --------------------------------------------------------------------


def _assemble(streams: list[bytes], *, title: str, created: datetime | None) -> bytes:
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in below, once the page tree's number is known
    info = add(_info(title, created))
    fonts = {
        name: add(
            f"<< /Type /Font /Subtype /Type1 /BaseFont /{base}".encode()
            + (b"" if name == _SIGNS else b" /Encoding /WinAnsiEncoding")
            + b" >>"
        )
        for name, base in _FONT_NAMES.items()
    }
    resources = (
        "<< /Font << " + " ".join(f"/{name} {ref} 0 R" for name, ref in fonts.items()) + " >> >>"
    )
    tree = add(b"")
    kids = []
    for stream in streams:
        packed = zlib.compress(stream, 9)
        content = add(
            f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
        kids.append(
            add(
                f"<< /Type /Page /Parent {tree} 0 R /MediaBox [0 0 {PAGE_WIDTH:g} "
                f"{PAGE_HEIGHT:g}] /Resources {resources} /Contents {content} 0 R >>".encode()
            )
        )
    objects[tree - 1] = (
        f"<< /Type /Pages /Kids [{' '.join(f'{kid} 0 R' for kid in kids)}] "
        f"/Count {len(kids)} >>".encode()
    )
    objects[catalog - 1] = f"<< /Type /Catalog /Pages {tree} 0 R >>".encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return bytes(out)


def _info(title: str, created: datetime | None) -> bytes:
    fields = [f"/Title {_text_string(title)}", f"/Producer {_text_string('Attune')}"]
    if created is not None:
        fields.append(f"/CreationDate {_text_string(_pdf_date(created))}")
    return ("<< " + " ".join(fields) + " >>").encode("ascii")


def _text_string(text: str) -> str:
    """Any text as a PDF text string: UTF-16BE with its byte order mark, in hex."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


def _pdf_date(when: datetime) -> str:
    stamp = when.strftime("D:%Y%m%d%H%M%S")
    offset = when.utcoffset()
    if offset is None:
        return stamp
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{stamp}{sign}{hours:02d}'{minutes:02d}'"
