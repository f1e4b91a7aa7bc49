"""Read a response body within a size cap, decompressing it ourselves, one chunk at a time.

httpx decodes ``Content-Encoding`` layer after layer with no limit, so a 2 KB body marked
``gzip, gzip`` can grow to gigabytes before any cap applies. Here the raw bytes are
read with :meth:`httpx.Response.iter_raw` and both the bytes on the wire and the decoded
bytes are capped; zlib never produces more than the room left under the cap. Only one
coding is accepted (``gzip``, ``x-gzip`` or ``deflate``): stacked or unknown codings are
refused without decompressing anything.
"""

from __future__ import annotations

import zlib
from typing import Any

import httpx

from jwtscope.net.http_deadline import Deadline

__all__ = ["ACCEPT_ENCODING", "UnreadableBody", "read_body"]

#: The codings :func:`read_body` decodes, as an ``Accept-Encoding`` value.
ACCEPT_ENCODING = "gzip, deflate"

_GZIP = ("gzip", "x-gzip")
_KNOWN = frozenset({*_GZIP, "deflate"})


class UnreadableBody(httpx.DecodingError):
    """A body jwtscope will not decode (stacked or unknown content codings, bad data)."""


def read_body(response: httpx.Response, max_bytes: int, limit: Deadline) -> tuple[bytes, bool]:
    """Read the body, decoded, up to ``max_bytes``; True when it was cut there.

    At most about ``2 * max_bytes`` raw bytes are read, and the decoded body never
    exceeds ``max_bytes`` in memory. The deadline is checked between chunks.

    Raises:
        UnreadableBody: stacked or unknown content codings, or data that does not
            decompress.
        httpx.ReadTimeout: the deadline passed while reading.
        httpx.HTTPError: the connection failed while reading.
    """
    decoder = _decoder_for(response)
    if response.is_stream_consumed:  # built in memory (httpx.MockTransport): already decoded
        content = response.content
        return content[:max_bytes], len(content) > max_bytes
    raw_cap = 2 * max_bytes + 1024
    raw_size = 0
    body = bytearray()
    for chunk in response.iter_raw():
        limit.check()
        raw_size += len(chunk)
        room = max_bytes + 1 - len(body)
        body += decoder.feed(chunk, room) if decoder else chunk[:room]
        if len(body) > max_bytes or raw_size > raw_cap:
            return bytes(body[:max_bytes]), True
    if decoder:
        body += decoder.end(max_bytes + 1 - len(body))
    if len(body) > max_bytes:
        return bytes(body[:max_bytes]), True
    return bytes(body), False


def _decoder_for(response: httpx.Response) -> _Inflater | None:
    """The decoder the ``Content-Encoding`` header asks for; None for none or identity."""
    codings = [
        coding.strip().lower()
        for value in response.headers.get_list("content-encoding")
        for coding in value.split(",")
    ]
    codings = [c for c in codings if c and c != "identity"]
    if not codings:
        return None
    shown = ", ".join(c[:20] for c in codings[:4]) + (", …" if len(codings) > 4 else "")
    if len(codings) > 1:
        raise UnreadableBody(f"stacked content encodings ({shown}) refused, not decompressed")
    if codings[0] not in _KNOWN:
        raise UnreadableBody(f"unsupported content encoding {shown!r}, not decompressed")
    return _Inflater(gzip=codings[0] in _GZIP)


class _Inflater:
    """gzip or deflate, decompressed with a bound on the output of every call."""

    def __init__(self, *, gzip: bool) -> None:
        self._gzip = gzip
        self._started = False
        self._zlib: Any = zlib.decompressobj(zlib.MAX_WBITS | 16 if gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        """Decompress ``data``, giving at most ``room`` bytes (the rest is not needed)."""
        if room <= 0:
            return b""
        try:
            return self._feed(data, room)
        except zlib.error as exc:
            raise UnreadableBody(f"the body does not decompress ({exc})") from exc

    def _feed(self, data: bytes, room: int) -> bytes:
        if not self._started and not self._gzip:
            self._started = True
            try:
                return bytes(self._zlib.decompress(data, room))
            except zlib.error:  # "deflate" sent raw, without the zlib wrapper
                self._zlib = zlib.decompressobj(-zlib.MAX_WBITS)
        self._started = True
        return bytes(self._zlib.decompress(data, room))

    def end(self, room: int) -> bytes:
        """What is left inside the decompressor, at most ``room`` bytes."""
        if room <= 0:
            return b""
        try:
            return bytes(self._zlib.flush())[:room]
        except zlib.error as exc:
            raise UnreadableBody(f"the body does not decompress ({exc})") from exc
