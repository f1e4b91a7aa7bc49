"""Read a HAR file as a stream of entries (``ijson``): memory stays flat however large
the file, and a progress callback sees the bytes read. Also writes a sanitized copy,
entry by entry. Every way a file can fail to be a HAR is a one-line ``InputError``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

import ijson

from jwtscope.errors import InputError

__all__ = ["Progress", "har_entries", "har_log_fields", "write_sanitized"]

#: ``(bytes read, file size, entries read)``.
Progress = Callable[[int, int, int], None]
_EXPORT = "export the HAR again from the browser (Network panel → “Save all as HAR”)"
#: Progress is reported at most once per this many entries.
_PROGRESS_EVERY = 200
_MARK = "\u0000entries\u0000"


class _Counting:
    """A binary file that counts the bytes read from it."""

    def __init__(self, fh: IO[bytes]) -> None:
        self.fh = fh
        self.done = 0

    def read(self, size: int = -1) -> bytes:
        data = self.fh.read(size)
        self.done += len(data)
        return data


def _open(path: Path) -> IO[bytes]:
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            raise InputError(f"{path} is not a regular file", "pass a .har file")
        fh = path.open("rb")
    except FileNotFoundError as exc:
        raise InputError(f"the HAR file {path} does not exist", "check the path") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{path} is a folder, not a HAR file", "pass a .har file") from exc
    except OSError as exc:
        raise InputError(
            f"the HAR file {path} cannot be read ({exc.strerror})", "check the path"
        ) from exc
    head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    fh.seek(0)
    if not head:
        fh.close()
        raise InputError(f"{path} is empty, not a HAR file", _EXPORT)
    if not head.startswith(b"{"):
        fh.close()
        raise InputError(f"{path} is not a HAR file (not a JSON object)", _EXPORT)
    return fh


def _skip_bom(fh: IO[bytes]) -> None:
    if fh.read(3) != b"\xef\xbb\xbf":
        fh.seek(0)


def _broken(path: Path, exc: Exception, at: int) -> InputError:
    first = exc.args[0] if exc.args else ""
    if isinstance(first, bytes):
        first = first.decode("utf-8", "replace")
    lines = str(first).strip().splitlines()
    reason = lines[0].strip()[:120] if lines else type(exc).__name__
    truncated = "premature eof" in reason.lower()
    what = "is truncated" if truncated else "is not valid JSON"
    return InputError(f"the HAR file {path} {what} (near byte {at}: {reason})", _EXPORT)


def har_entries(path: Path, progress: Progress | None = None) -> Iterator[Any]:
    """The entries of ``log.entries``, parsed one at a time.

    Raises:
        InputError: missing, empty, not JSON, truncated, or JSON that is not a HAR.
    """
    fh = _open(path)
    with fh:
        size = path.stat().st_size
        _skip_bom(fh)
        counting = _Counting(fh)
        count = 0
        try:
            for entry in ijson.items(counting, "log.entries.item", use_float=True):
                count += 1
                if progress is not None and count % _PROGRESS_EVERY == 0:
                    progress(counting.done, size, count)
                yield entry
        except (ijson.JSONError, UnicodeDecodeError, ValueError) as exc:
            raise _broken(path, exc, counting.done) from exc
        if progress is not None:
            progress(size, size, count)
    if count == 0:
        fields = har_log_fields(path)
        if "entries" not in fields:
            raise InputError(f"{path} is JSON but not a HAR file (no log.entries)", _EXPORT)
        raise InputError(
            f"the HAR file {path} has no entries",
            "reproduce the failure with the Network panel open, then export again",
        )


def har_log_fields(path: Path) -> dict[str, Any]:
    """The ``log`` object's fields that come before its entries (version, creator,
    browser, pages), with ``"entries": None`` when the entries list was reached.

    Raises:
        InputError: as :func:`har_entries`.
    """
    fh = _open(path)
    with fh:
        _skip_bom(fh)
        builder = ijson.ObjectBuilder()
        counting = _Counting(fh)
        try:
            for prefix, event, value in ijson.parse(counting, use_float=True):
                if prefix == "log.entries" and event == "start_array":
                    break
                builder.event(event, value)
        except (ijson.JSONError, UnicodeDecodeError, ValueError) as exc:
            raise _broken(path, exc, counting.done) from exc
    top = getattr(builder, "value", None)
    log = top.get("log") if isinstance(top, dict) else None
    if not isinstance(log, dict):
        return {}
    fields = {k: v for k, v in log.items() if k != "entries"}
    if "entries" in log or getattr(builder, "key", None) == "entries":
        fields["entries"] = None
    return fields


def write_sanitized(
    source: Path,
    target: Path,
    log_fields: Callable[[Any], dict[str, Any]],
    entry: Callable[[Any], dict[str, Any]],
    progress: Progress | None = None,
) -> int:
    """Write ``target``: the HAR ``source`` with its log fields and each entry passed
    through the sanitizer's functions, streamed. Returns the number of entries.

    Raises:
        InputError: ``source`` is not a readable HAR, or ``target`` cannot be written
            (a partial ``target`` is removed).
    """
    head = log_fields(har_log_fields(source))
    count = 0
    try:
        with target.open("w", encoding="utf-8") as out:
            text = json.dumps({"log": {**head, "entries": _MARK}}, ensure_ascii=False)
            before, _, after = text.rpartition(json.dumps(_MARK))
            out.write(before + "[\n")
            for raw in har_entries(source, progress):
                out.write(
                    ("" if count == 0 else ",\n") + json.dumps(entry(raw), ensure_ascii=False)
                )
                count += 1
            out.write("\n]" + after + "\n")
    except OSError as exc:
        target.unlink(missing_ok=True)
        raise InputError(
            f"cannot write {target} ({exc.strerror})", "pick a writable path with -o"
        ) from exc
    except InputError:
        target.unlink(missing_ok=True)
        raise
    return count
