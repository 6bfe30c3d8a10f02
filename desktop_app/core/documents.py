"""What all three kinds of file share: the tree, the `attune:` header and the language."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

from desktop_app.core.problems import InvalidFile, Problem
from desktop_app.core.reader import Reader
from desktop_app.core.yaml_tree import Mapping, Node, load_bytes

#: The kinds this release reads, with the highest version of each.
SUPPORTED = {"practice": 1, "plan": 1, "pack": 1}
#: The largest `version` of a practice, plan or pack: the journal keeps a practice's
#: version as an SQLite integer (64 bits), and a larger one could not be saved.
MAX_VERSION = 2**63 - 1
_HEADER = re.compile(r"^(?P<kind>[a-z]+)/(?P<version>[0-9]+)\Z")


@dataclass(frozen=True)
class Document:
    """A parsed file whose header has been checked."""

    kind: str
    root: Mapping
    file: str


def read_document(data: bytes, file: str) -> Document:
    """Parse a file and check that its first key is `attune: KIND/1`."""
    root = load_bytes(data, file)
    return check_header(root, file)


def check_header(root: Node, file: str) -> Document:
    if not isinstance(root, Mapping):
        what = "a list" if not hasattr(root, "value") else "a single value"
        raise InvalidFile(
            [
                Problem(
                    file,
                    root.pos,
                    f'expected an Attune file starting with "attune: practice/1", got {what}',
                )
            ]
        )
    if not root.items or root.items[0][0].text != "attune":
        at = next((k.pos for k, _ in root.items if k.text == "attune"), root.pos)
        raise InvalidFile(
            [
                Problem(
                    file,
                    at,
                    'the first key must be "attune", naming the kind of '
                    'file, e.g. "attune: practice/1"',
                )
            ]
        )
    value = root.items[0][1]
    reader = Reader(file)
    text = reader.string(value, "attune", 'a kind such as "practice/1", "plan/1" or "pack/1"')
    if text is None:
        raise InvalidFile(reader.problems)
    match = _HEADER.match(text)
    kind = match.group("kind") if match else None
    if match is None or kind not in SUPPORTED:
        raise InvalidFile(
            [
                Problem(
                    file,
                    value.pos,
                    f'expected "practice/1", "plan/1" or "pack/1", got "{text}"',
                    "attune",
                )
            ]
        )
    digits = match.group("version").lstrip("0")
    # Never int() on a long string (Python refuses past 4,300 digits): any version
    # this long is newer than every one there is.
    version = int(digits or "0") if len(digits) <= 9 else SUPPORTED[kind] + 1
    if version > SUPPORTED[kind] or version < 1:
        raise InvalidFile(
            [
                Problem(
                    file,
                    value.pos,
                    f'"{text}" needs a newer version of Attune; '
                    f"this one reads {kind}/{SUPPORTED[kind]}",
                    "attune",
                )
            ]
        )
    return Document(kind, root, file)


def file_language(reader: Reader, root: Mapping) -> str:
    """Read `language` first, since every text in the file depends on it."""
    for key, value in root.items:
        if key.text == "language":
            code = reader.language_code(value, "language")
            if code:
                reader.language = code
            return reader.language
    return reader.language


def media_path(
    reader: Reader, node: Node, path: str, extensions: tuple[str, ...], what: str
) -> str | None:
    """A relative path inside the pack or practice folder, with an allowed extension."""
    value = reader.string(node, path, f"the path of {what}")
    if value is None:
        return None
    pure = PurePosixPath(value.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", value):
        reader.report(
            node,
            path,
            f'"{value}" must be a path inside the pack, such as "media/bell.ogg" '
            "(no absolute paths, no ..)",
        )
        return None
    if pure.suffix.lower() not in extensions:
        reader.report(
            node,
            path,
            f'"{value}" is not {what}; expected a file ending in ' + ", ".join(extensions),
        )
        return None
    return value
