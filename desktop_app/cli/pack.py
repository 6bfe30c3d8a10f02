"""`attune pack build|export|import|list|remove`: make a pack (from a folder or from
the library), install one, see and remove them.

Problems in a pack's files print as file:line:col: message (exit 1); a refused
archive prints the reason (exit 1); a mistake in the command exits 2.
"""

from __future__ import annotations

import argparse
import sys

from desktop_app.cli.common import INVALID, OK, UsageError, print_problems, visible
from desktop_app.cli.validate import pack_folder_warnings
from desktop_app.core.model import PackManifest
from desktop_app.core.problems import InvalidFile
from desktop_app.storage.pack_export import built_in_ids, export_pack
from desktop_app.storage.packs import (
    PackRefused,
    build_pack,
    import_pack,
    list_packs,
    remove_pack,
)
from desktop_app.storage.paths import default_paths
from desktop_app.storage.plans import PlanStore


def run(args: argparse.Namespace) -> int:
    packs = default_paths().packs
    try:
        if args.pack_action == "build":
            folder = args.folder
            if not folder.is_dir():
                raise UsageError(f"{folder}: no such folder")
            manifest = build_pack(folder, args.output)
            print_problems(pack_folder_warnings(folder))  # as `attune validate` warns
            print(f"built {args.output}: pack {manifest.id} version {manifest.version}")
        elif args.pack_action == "export":
            manifest = _export(args)
            print(f"exported {args.output}: pack {manifest.id} version {manifest.version}")
        elif args.pack_action == "import":
            # A pack's plans become the person's plans: Today shows what they ask.
            store = PlanStore(default_paths().plans)
            result = import_pack(args.file, packs, confirm_replace=args.replace, plans=store)
            if result.plans_not_added is not None:
                print(
                    f"attune: pack {result.manifest.id} is installed, but its plans could not "
                    f"be added: {visible(result.plans_not_added)}",
                    file=sys.stderr,
                )
                return INVALID
            was = (
                f" (replacing version {result.replaced_version})"
                if result.replaced_version is not None
                else ""
            )
            print(
                f"installed pack {result.manifest.id} version {result.manifest.version}{was}: "
                f"{_count(len(result.practices), 'practice')}, {_count(len(result.plans), 'plan')}"
            )
        elif args.pack_action == "list":
            installed = list_packs(packs)
            if not installed:
                print(
                    "No packs are installed (attune pack import FILE installs one).",
                    file=sys.stderr,
                )
            for manifest in installed:
                title = manifest.title.get(manifest.language)
                fields = (manifest.id, manifest.version, title, manifest.author)
                print("\t".join(visible(field) for field in fields))
        else:
            remove_pack(packs, args.pack_id)
            print(f"removed pack {args.pack_id}")
    except InvalidFile as error:
        print_problems(error.problems)
        return INVALID
    except PackRefused as refused:
        print(f"attune: {visible(refused.reason)}", file=sys.stderr)
        if refused.not_newer:
            print("To install it all the same, add --replace.", file=sys.stderr)
        return INVALID
    except OSError as error:  # a pack's output, or a folder, that cannot be written
        print(f"attune: {visible(_plain(error))}; nothing was changed", file=sys.stderr)
        return INVALID
    return OK


def _plain(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename else reason


def _export(args: argparse.Namespace) -> PackManifest:
    from desktop_app.app import open_library, shown

    library = open_library()
    unknown = [i for i in args.ids if i not in library.practices and i not in library.plans]
    if unknown:
        raise UsageError(f"not in the library: {', '.join(unknown)} (see attune list)")
    return export_pack(
        [library.practices[i] for i in args.ids if i in library.practices],
        [library.plans[i] for i in args.ids if i in library.plans],
        args.output,
        title=args.title,
        author=args.author,
        pack_id=args.pack_id,
        version=args.version,
        built_in=built_in_ids(library),
        known=library.practices.keys(),
        display=shown,
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"
