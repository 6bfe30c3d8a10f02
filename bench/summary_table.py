"""The one table `python -m bench` prints: a row per issue-15 target."""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class Row:
    measure: str
    attune: str
    baseline: str = "—"
    ratio: str = "—"
    target: str = ""
    met: bool = False
    note: str = ""


def ms(seconds: float) -> str:
    return f"{1000 * seconds:.0f} ms"


def mib(size: float) -> str:
    return f"{size / MIB:.1f} MiB"


def times(ratio: float) -> str:
    return f"{ratio:.2f}×"


def verdict(met: bool | None) -> str:
    return "met" if met else "NOT MET"


def render(rows: list[Row]) -> str:
    """A Markdown table (readable as plain text too), then the notes numbered under it."""
    headers = ("measure", "Attune now", "baseline", "ratio", "target", "met")
    cells = [
        (
            f"{row.measure}{f' [{n}]' if row.note else ''}",
            row.attune,
            row.baseline,
            row.ratio,
            row.target,
            verdict(row.met),
        )
        for n, row in enumerate(rows, 1)
    ]
    widths = [max(len(line[i]) for line in (headers, *cells)) for i in range(len(headers))]

    def line(values: tuple[str, ...]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    out = [line(headers), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(c) for c in cells]
    notes = [f"[{n}] {row.note}" for n, row in enumerate(rows, 1) if row.note]
    return "\n".join(out + (["", *notes] if notes else []))
