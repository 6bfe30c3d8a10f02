"""Build and import a pack of 50 practices and about 20 MB of media.

Run: .venv/bin/python bench/bench_packs.py [--repeat 3]

The practices are copies of the built-in ones with new ids, plus one practice whose
audio steps play every clip. The media are WAV and OGG clips of tones with a little
noise (so they compress as real recordings do, not as silence). Build validates the
folder and writes the deterministic zip; import checks the archive, unpacks it into
staging, validates every file and swaps it into place (the install replaces itself
on the second and later rounds, with --replace semantics).
Baselines, in the same run: zipping the same folder with the standard library
(deflate, no checks), and unzipping that archive (extractall, no checks). The ratios
say what validation, determinism and the hostile-archive rules cost on top.
Target: import under 3 s.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import numpy as np
import soundfile

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop_app.storage.packs import build_pack, import_pack  # noqa: E402

RATE = 44_100
PRACTICES = 50
MEDIA_BYTES = 20 * 1024 * 1024
CLIPS = 10


def make_folder(folder: Path) -> int:
    """Write the pack folder; return the bytes of media written."""
    (folder / "practices").mkdir(parents=True)
    (folder / "media").mkdir()
    (folder / "pack.yaml").write_text(
        "attune: pack/1\nid: bench-pack\ntitle: Bench pack\nauthor: Bench\n"
        "version: 1\nlanguage: en\n"
    )
    rng = np.random.default_rng(1)
    seconds = MEDIA_BYTES / (CLIPS - CLIPS // 5) / (RATE * 2)  # the WAV clips make 20 MB
    names = []
    for index in range(CLIPS):
        ogg = index % 5 == 4
        t = np.arange(int(RATE * (seconds / 4 if ogg else seconds))) / RATE
        signal = 0.3 * np.sin(2 * np.pi * (220 + 20 * index) * t)
        signal += 0.05 * rng.standard_normal(t.size)
        name = f"clip-{index:02d}.{'ogg' if ogg else 'wav'}"
        soundfile.write(
            folder / "media" / name,
            signal.astype(np.float32),
            RATE,
            subtype=None if ogg else "PCM_16",
        )
        names.append(name)
    sources = sorted((ROOT / "practices").glob("*.yaml"))
    for index in range(PRACTICES - 1):
        source = sources[index % len(sources)]
        text = source.read_text(encoding="utf-8")
        text = re.sub(r"^id: (\S+)$", rf"id: \1-{index:02d}", text, count=1, flags=re.M)
        (folder / "practices" / f"{source.stem}-{index:02d}.yaml").write_text(text)
    steps = "".join(f"  - audio: media/{name}\n" for name in names)
    (folder / "practices" / "clips.yaml").write_text(
        "attune: practice/1\nid: clips\ntitle: Clips\nkind: other\nlanguage: en\n"
        f"summary: Every clip.\nsteps:\n{steps}"
    )
    return sum(p.stat().st_size for p in (folder / "media").iterdir())


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="attune-bench-packs-") as temp:
        root = Path(temp)
        media = make_folder(root / "src")
        out = root / "bench.attunepack"
        builds, imports, zips, unzips = [], [], [], []
        plain = root / "plain.zip"
        for number in range(args.repeat):
            start = time.perf_counter()
            _zip(root / "src", plain)
            zips.append(time.perf_counter() - start)
            start = time.perf_counter()
            with zipfile.ZipFile(plain) as archive:
                archive.extractall(root / f"unzipped-{number}")
            unzips.append(time.perf_counter() - start)
            start = time.perf_counter()
            build_pack(root / "src", out)
            builds.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = import_pack(out, root / "packs", confirm_replace=True)
            imports.append(time.perf_counter() - start)
        print(
            f"pack: {len(result.practices)} practices, {media / 1e6:.1f} MB media "
            f"({CLIPS} clips), archive {out.stat().st_size / 1e6:.1f} MB"
        )
        zip_s, unzip_s = statistics.median(zips), statistics.median(unzips)
        build_s, import_s = statistics.median(builds), statistics.median(imports)
        print(f"baseline zip:   median {zip_s:.2f} s  (runs: {_runs(zips)})")
        print(f"baseline unzip: median {unzip_s:.2f} s  (runs: {_runs(unzips)})")
        print(
            f"build:  median {build_s:.2f} s  (runs: {_runs(builds)})  ×{build_s / zip_s:.1f} zip"
        )
        print(
            f"import: median {import_s:.2f} s  (runs: {_runs(imports)})  "
            f"×{import_s / unzip_s:.1f} unzip"
        )
        verdict = "ok" if statistics.median(imports) < 3 else "OVER TARGET"
        print(f"target import < 3 s: {verdict}")


def _zip(folder: Path, out: Path) -> None:
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())


def _runs(times: list[float]) -> str:
    return ", ".join(f"{t:.2f}" for t in times)


if __name__ == "__main__":
    main()
