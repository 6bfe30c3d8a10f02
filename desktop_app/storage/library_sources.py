"""The folders the library is read from, in order of precedence."""

from __future__ import annotations

from desktop_app.core.library import Source
from desktop_app.storage.paths import AppPaths, builtin_dir


def library_sources(paths: AppPaths) -> list[Source]:
    """The user's own practices win over packs, which win over the built-in ones."""
    sources = [Source("user", paths.practices, "your practices")]
    if paths.packs.is_dir():
        # The pack code loads only for people with packs: listing needs none of it.
        from desktop_app.storage.packs import recover

        recover(paths.packs)  # a pack upgrade a crash interrupted is settled before it is read
        for pack in sorted(p for p in paths.packs.iterdir() if p.is_dir()):
            sources.append(Source("pack", pack, f"pack {pack.name}", media_root=pack))
    sources.append(Source("built-in", builtin_dir("practices"), "built-in"))
    return sources
