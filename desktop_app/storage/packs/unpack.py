"""An archive opened and unpacked: only a regular file is read, and its checked
entries are unpacked into a private folder (files 0600, folders 0700) with a hard
limit on every entry's actual bytes, whatever its header declared, and its checksum
compared."""

from __future__ import annotations

import copy
import os
import zipfile
import zlib
from pathlib import Path

from desktop_app.core.files import NotARegularFile, open_regular
from desktop_app.storage.packs.errors import PackRefused
from desktop_app.storage.packs.pack_format import MAX_TOTAL_BYTES
from desktop_app.storage.private_files import private_file, sync_folder

CHUNK = 1024 * 1024


def open_archive(path: Path) -> zipfile.ZipFile:
    """The zip archive at `path`, or PackRefused: missing, not a file, or not a zip."""
    try:
        # Only a regular file: a FIFO given as the pack would block the reader for good.
        with open_regular(path):
            pass
        return zipfile.ZipFile(path)
    except FileNotFoundError:
        raise PackRefused(f"{path}: no such file") from None
    except NotARegularFile:
        raise PackRefused(f"{path}: not a pack (not a file, but a pipe or a device)") from None
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise PackRefused(f"{path}: not a pack (not a readable zip archive: {error})") from None


def extract(
    archive: zipfile.ZipFile, files: list[zipfile.ZipInfo], dest: Path, *, durable: bool = False
) -> None:
    """Unpack into `dest` (files 0600, folders 0700), stopping as soon as an entry gives
    more bytes than it declared, or the whole more than the limit. `durable`: every
    file and folder synced, so that what is installed survives a power cut."""
    total = 0
    folders = {dest}
    for info in files:
        target = dest.joinpath(*info.filename.split("/"))
        written = 0
        try:
            _private_folders(dest, target.parent, folders)
            # One byte more than declared may be read, so that data longer than its
            # declared size is seen as such rather than cut short by the zip reader.
            # The checksum is checked here too, once all the data is in.
            probe = copy.copy(info)
            probe.file_size = info.file_size + 1
            del probe.CRC
            crc = 0
            with archive.open(probe) as source, os.fdopen(private_file(target), "wb") as sink:
                while chunk := source.read(CHUNK):
                    written += len(chunk)
                    total += len(chunk)
                    if written > info.file_size:
                        raise PackRefused(
                            f'entry "{info.filename}" holds more data than its declared '
                            f"size ({info.file_size} bytes)"
                        )
                    if total > MAX_TOTAL_BYTES:
                        raise PackRefused(
                            f"the archive unpacks to more than "
                            f"{MAX_TOTAL_BYTES // (1024 * 1024)} MB"
                        )
                    crc = zlib.crc32(chunk, crc)
                    sink.write(chunk)
                if durable:
                    sink.flush()
                    os.fsync(sink.fileno())
        except (zipfile.BadZipFile, EOFError) as error:
            raise PackRefused(
                f'entry "{info.filename}" is damaged: its data does not match its declared size '
                f"and checksum ({error})"
            ) from None
        except (OSError, ValueError, NotImplementedError) as error:
            raise PackRefused(f'entry "{info.filename}" could not be unpacked: {error}') from None
        if written != info.file_size:
            raise PackRefused(
                f'entry "{info.filename}" holds {written} bytes, not the {info.file_size} declared'
            )
        if crc != info.CRC:
            raise PackRefused(f'entry "{info.filename}" is damaged: its checksum does not match')
    if durable:
        for folder in folders:
            sync_folder(folder)


def _private_folders(root: Path, folder: Path, made: set[Path]) -> None:
    """Make `folder` and the folders between it and `root`, each 0700 whatever the
    umask."""
    if folder in made:
        return
    _private_folders(root, folder.parent, made)
    folder.mkdir(mode=0o700, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    made.add(folder)
