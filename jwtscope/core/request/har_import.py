"""Read one request of a HAR file (the network panel's "Save all as HAR").

Accepted: a whole HAR document (``{"log": {"entries": [...]}}``), a list of entries, a
single entry (``{"request": …}``) or a bare HAR request object. Without an ``index``
the first entry answered 401 or 403 is taken, else the last one. HTTP/2 pseudo-headers
(``:method``, ``:authority`` …), ``Host`` and ``Content-Length`` are left out; the
``Cookie`` header wins over the ``cookies`` array (they repeat each other); the body is
``postData.text``, else ``postData.params`` form-encoded.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any
from urllib.parse import urlencode

from jwtscope.core.request.replay_request import ReplayRequest, assemble_request, scrub_text
from jwtscope.errors import InputError

__all__ = ["parse_har_entry"]

_LEFT_OUT = ("host", "content-length", "transfer-encoding")
_REFUSED = (401, 403)
_EXPORT_FIX = "Export the HAR again from the browser's network panel."


def parse_har_entry(
    data: dict[str, Any] | list[Any] | str, index: int | None = None
) -> ReplayRequest:
    """The request of one HAR entry.

    Args:
        data: the HAR as parsed JSON or as text.
        index: which entry (0-based; negative counts from the end). None picks the first
            entry answered 401/403, else the last.

    Returns:
        The request with ``source="har"`` and a note saying which entry was used.

    Raises:
        InputError: not JSON, not a HAR, no entries, the index is out of range, or the
            entry lacks a method or URL.
    """
    if isinstance(data, str):
        data = _load(data)
    entries = _entries(data)
    count = len(entries)
    if index is not None:
        if not -count <= index < count:
            raise InputError(
                f"HAR entry {index} does not exist: the file has {count} entries.",
                f"Pick an index from 0 to {count - 1}.",
            )
        chosen = index % count
        notes = [f"HAR entry {chosen} of {count} used"] if count > 1 else []
    else:
        refused = next((i for i, e in enumerate(entries) if _status(e) in _REFUSED), None)
        chosen = count - 1 if refused is None else refused
        why = "the first answered 401/403" if refused is not None else "the last one"
        notes = [f"HAR entry {chosen} of {count} used: {why}"] if count > 1 else []
    return _request(entries[chosen], chosen, notes)


def _load(text: str) -> Any:
    try:
        return json.loads(scrub_text(text).lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"The HAR file is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}).",
            _EXPORT_FIX,
        ) from exc
    except RecursionError as exc:
        raise InputError("The HAR file is nested too deeply.", _EXPORT_FIX) from exc
    except ValueError as exc:  # a number longer than Python's digit limit
        raise InputError(f"The HAR file is not usable JSON ({exc}).", _EXPORT_FIX) from exc


def _entries(data: Any) -> list[Any]:
    if isinstance(data, list):
        entries = data
    elif isinstance(data, dict) and isinstance(data.get("log"), dict):
        entries = data["log"].get("entries")
        if not isinstance(entries, list):
            raise InputError("The HAR file has no log.entries list.", _EXPORT_FIX)
    elif isinstance(data, dict) and "request" in data:
        entries = [data]
    elif isinstance(data, dict) and "method" in data and "url" in data:
        entries = [{"request": data}]
    else:
        raise InputError(
            "The JSON is not a HAR file (no log.entries, no request).",
            "Save the network log with “Save all as HAR” / “Export HAR”.",
        )
    if not entries:
        raise InputError(
            "The HAR file has no entries.",
            "Reproduce the failing request with the network panel open, then export again.",
        )
    return entries


def _status(entry: Any) -> int | None:
    response = entry.get("response") if isinstance(entry, dict) else None
    status = response.get("status") if isinstance(response, dict) else None
    return status if isinstance(status, int) else None


def _request(entry: Any, number: int, notes: list[str]) -> ReplayRequest:
    request = entry.get("request") if isinstance(entry, dict) else None
    if not isinstance(request, dict):
        raise InputError(f"HAR entry {number} has no request object.", _EXPORT_FIX)
    method, url = request.get("method"), request.get("url")
    if not isinstance(method, str) or not method or not isinstance(url, str) or not url:
        raise InputError(f"HAR entry {number} has no request method or URL.", _EXPORT_FIX)
    headers = _pairs(request.get("headers"), number, "headers")
    left_out = [k for k, _ in headers if k.lower() in _LEFT_OUT]
    if left_out:
        notes.append(f"{', '.join(dict.fromkeys(left_out))} left out: the URL and body carry them")
    pseudo = [k for k, _ in headers if k.startswith(":")]
    if pseudo:
        notes.append("HTTP/2 pseudo-headers left out")
    kept = [(k, v) for k, v in headers if k.lower() not in _LEFT_OUT and not k.startswith(":")]
    cookies: list[tuple[str, str]] = []
    if not any(k.lower() == "cookie" for k, _ in kept):
        cookies = _pairs(request.get("cookies"), number, "cookies")
    result = assemble_request(
        method, url, kept, cookies, _body(request.get("postData")), source="har", notes=notes
    )
    if result.token is None and not result.cookies and result.header("authorization") is None:
        note = (
            "no Authorization header and no cookies in this entry: Chrome's default HAR "
            "export removes them; export “with sensitive data” to replay the token"
        )
        result = replace(result, notes=(*result.notes, note))
    return result


def _pairs(items: Any, number: int, what: str) -> list[tuple[str, str]]:
    if items is None:
        return []
    if not isinstance(items, list):
        raise InputError(f"HAR entry {number}: request.{what} is not a list.", _EXPORT_FIX)
    pairs: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, dict):
            raise InputError(f"HAR entry {number}: request.{what} holds a non-object.", _EXPORT_FIX)
        name, value = item.get("name"), item.get("value", "")
        if not isinstance(name, str) or not isinstance(value, str):
            raise InputError(
                f"HAR entry {number}: a request.{what} item lacks a text name or value.",
                _EXPORT_FIX,
            )
        pairs.append((name, value))
    return pairs


def _body(post: Any) -> bytes | None:
    if not isinstance(post, dict):
        return None
    text = post.get("text")
    if isinstance(text, str):
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate escaped in the JSON
            raise InputError(
                f"The HAR request body is not valid Unicode (character {exc.start}).",
                _EXPORT_FIX,
            ) from exc
    params = post.get("params")
    if isinstance(params, list):
        pairs = [
            (p["name"], p.get("value", ""))
            for p in params
            if isinstance(p, dict) and isinstance(p.get("name"), str)
        ]
        return urlencode([(k, v if isinstance(v, str) else "") for k, v in pairs]).encode()
    return None
