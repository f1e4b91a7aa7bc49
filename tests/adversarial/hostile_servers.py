"""Hostile HTTP servers on 127.0.0.1, written with plain sockets: each misbehaves one way.

Usage::

    with hostile(drip_body) as base:          # "http://127.0.0.1:PORT"
        ...

A behaviour is a function ``(conn, request_head, stop)``: it gets the accepted socket
after the request head (up to the blank line) was read, and answers as badly as it
likes. ``stop`` is set when the ``with`` block ends; a behaviour that drips or floods
checks it, and every write to a client that hung up ends the behaviour. The port is
chosen by the OS, the server runs in daemon threads and is always stopped on exit.
The only sleeps are the deliberate drips.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import ipaddress
import socket
import ssl
import tempfile
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = [
    "Recorder",
    "answer",
    "close_mid_body",
    "drip_body",
    "drip_headers",
    "gzip_bomb",
    "gzip_gzip",
    "hostile",
    "http09_garbage",
    "huge_headers",
    "recording",
    "redirect_loop",
    "tls_self_signed",
    "undecodable_flood",
]

Behaviour = Callable[[socket.socket, bytes, threading.Event], None]

#: Seconds between two bytes of a drip: far below any timeout the tests use.
DRIP_INTERVAL = 0.05
_MAX_HEAD = 64 * 1024


@contextlib.contextmanager
def hostile(behaviour: Behaviour, *, tls: bool = False) -> Iterator[str]:
    """Serve ``behaviour`` on a free loopback port for the ``with`` block.

    Args:
        behaviour: what to do with each connection once its request head is read.
        tls: wrap each connection in TLS with a fresh self-signed certificate.

    Yields:
        The base URL, ``http://127.0.0.1:PORT`` (``https://`` with ``tls``).
    """
    stop = threading.Event()
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    context = _self_signed_context() if tls else None
    workers: list[threading.Thread] = []

    def accept_loop() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            worker = threading.Thread(
                target=_serve_one, args=(conn, behaviour, stop, context), daemon=True
            )
            workers.append(worker)
            worker.start()

    acceptor = threading.Thread(target=accept_loop, name="hostile-server", daemon=True)
    acceptor.start()
    port = listener.getsockname()[1]
    try:
        yield f"{'https' if tls else 'http'}://127.0.0.1:{port}"
    finally:
        stop.set()
        acceptor.join(2)
        listener.close()
        for worker in workers:
            worker.join(2)


def _serve_one(
    conn: socket.socket,
    behaviour: Behaviour,
    stop: threading.Event,
    context: ssl.SSLContext | None,
) -> None:
    """Read the request head, then let the behaviour answer; never raise."""
    try:
        conn.settimeout(2)
        if context is not None:
            conn = context.wrap_socket(conn, server_side=True)
        head = _read_head(conn)
        behaviour(conn, head, stop)
    except (OSError, ssl.SSLError):
        pass  # the client hung up or refused the handshake: that is the point
    finally:
        with contextlib.suppress(OSError):
            conn.close()


def _read_head(conn: socket.socket) -> bytes:
    head = b""
    while b"\r\n\r\n" not in head and len(head) < _MAX_HEAD:
        chunk = conn.recv(4096)
        if not chunk:
            break
        head += chunk
    return head


def _drip(conn: socket.socket, data: bytes, stop: threading.Event) -> None:
    """Send ``data`` one byte at a time, :data:`DRIP_INTERVAL` apart, until stopped."""
    for byte in data:
        if stop.wait(DRIP_INTERVAL):
            return
        conn.sendall(bytes([byte]))


# --- behaviours -------------------------------------------------------------------------


def drip_headers(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """The status line and headers, one byte at a time, forever (they never end)."""
    _drip(conn, b"HTTP/1.1 200 OK\r\n" + b"X-Slow: " + b"a" * 100_000, stop)


def drip_body(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Headers at once, then a 1 MB JSON body one byte at a time."""
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n"
    )
    _drip(conn, b'{"keys": [' + b" " * 999_990, stop)


def close_mid_body(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Promise 1000 bytes, send 10, hang up."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n" + b'{"keys": [')
    conn.shutdown(socket.SHUT_RDWR)


def http09_garbage(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """No status line at all: bytes that are not HTTP/1.x (terminal escapes included)."""
    conn.sendall(b"\x1b[31mgarbage\x1b[0m <html>not http</html>\r\n\r\n")
    conn.shutdown(socket.SHUT_RDWR)


def huge_headers(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """A status line, then header lines as fast as the socket takes them, forever."""
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    line = b"X-Flood: " + b"a" * 1000 + b"\r\n"
    while not stop.is_set():
        conn.sendall(line * 64)


def redirect_loop(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """A 302 to the very same path, every time."""
    path = head.split(b" ", 2)[1] if head.count(b" ") >= 2 else b"/"
    conn.sendall(
        b"HTTP/1.1 302 Found\r\nLocation: " + path + b"\r\nContent-Length: 0\r\n"
        b"Connection: close\r\n\r\n"
    )


def _streamed(headers: bytes, first: bytes, repeat: bytes) -> Behaviour:
    """Send ``headers + first``, then ``repeat`` until the client hangs up or stop."""

    def behaviour(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        conn.sendall(headers + first)
        while not stop.is_set():
            conn.sendall(repeat)

    return behaviour


@functools.cache
def _zeros_gzip_pieces() -> tuple[bytes, bytes]:
    """A gzip stream of zeros as ``(first piece, piece to repeat)``: 1 MiB each, ~1 KB sent.

    Each MiB is fully flushed, so the compressed bytes of every MiB after the first are
    the same: the stream can grow to any size at no cost to the server.
    """
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeat = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first, repeat


def gzip_bomb() -> Behaviour:
    """One gzip layer, about 1 KB per MiB of zeros, streamed without end (1 GB and more)."""
    first, repeat = _zeros_gzip_pieces()
    headers = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n\r\n"
    return _streamed(headers, first, repeat * 16)


@functools.cache
def _gzip_gzip_body() -> bytes:
    """gzip(gzip(1 GiB of zeros)): a couple of kilobytes."""
    first, repeat = _zeros_gzip_pieces()
    outer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [outer.compress(first)]
    parts += [outer.compress(repeat) for _ in range(1023)]
    parts.append(outer.flush())
    return b"".join(parts)


def gzip_gzip(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """``Content-Encoding: gzip, gzip``: a small body that would inflate to 1 GiB."""
    body = _gzip_gzip_body()
    conn.sendall(
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Encoding: gzip, gzip\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
    )


def undecodable_flood() -> Behaviour:
    """A gzip body that never decodes to a byte: empty stored blocks, without end."""
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x00\x00\x00\xff\xff"
    headers = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n"
    return _streamed(headers, header, b"\x00\x00\x00\xff\xff" * 4096)


# --- well-behaved servers that remember what reached them ------------------------------


class Recorder:
    """The request heads a server received, in order (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.heads: list[bytes] = []

    def add(self, head: bytes) -> None:
        with self._lock:
            self.heads.append(head)

    def header(self, index: int, name: str) -> str | None:
        """A header of the ``index``-th request (case-insensitive), or None."""
        lines = self.heads[index].decode("latin-1").split("\r\n")[1:]
        wanted = name.lower() + ":"
        return next(
            (line.split(":", 1)[1].strip() for line in lines if line.lower().startswith(wanted)),
            None,
        )


def answer(status: int, body: bytes, *, content_type: str = "application/json") -> bytes:
    """A complete HTTP/1.1 response that closes the connection."""
    return (
        f"HTTP/1.1 {status} X\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


def recording(recorder: Recorder, response: bytes) -> Behaviour:
    """Remember each request head and answer ``response``."""

    def behaviour(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
        recorder.add(head)
        conn.sendall(response)

    return behaviour


def tls_self_signed(conn: socket.socket, head: bytes, stop: threading.Event) -> None:
    """Answer 200, if a client ever gets past the self-signed certificate."""
    conn.sendall(answer(200, b"{}"))


@functools.cache
def _self_signed_context() -> ssl.SSLContext:
    """A server TLS context with a fresh self-signed certificate for 127.0.0.1."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hostile.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    with tempfile.TemporaryDirectory(prefix="hostile-tls-") as folder:
        cert_file, key_file = Path(folder) / "cert.pem", Path(folder) / "key.pem"
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        context.load_cert_chain(cert_file, key_file)
    return context
