"""Assemble what a replay or a probe needs, once, for the CLI and the TUI alike.

A request comes from a curl command, a raw HTTP request, a HAR file or a URL plus a
token; the CORS origin comes from ``--origin``, else the request's ``Origin``, else the
origin of its ``Referer``; the secret to mint test tokens with is the one that verified
the token, else the first one the environment holds; explicit keys come from
``--secret``, key files and JWKS files or URLs. Front ends call these functions and
never decide any of it themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from jwtscope.core.keys.keyset import KeySet, Secret, decode_secret, load_jwks, load_key_file
from jwtscope.core.keys.typed_secret import typed_key_kind
from jwtscope.errors import KeyLoadError, UsageError

if TYPE_CHECKING:  # the request and plan modules load when a request is assembled:
    # `jwtscope inspect` only needs the keys, and PyJWT loads with the plan.
    from jwtscope.core.analysis import Report
    from jwtscope.core.diagnosis.replay_plan import PlannedRequest
    from jwtscope.core.keys.env_snapshot import Environment
    from jwtscope.core.keys.signing_key import SigningKey
    from jwtscope.core.request.replay_request import ReplayRequest

__all__ = [
    "JwksFetch",
    "KeySources",
    "choose_secret",
    "explicit_keys",
    "jwks_document",
    "read_key_file",
    "replay_origin",
    "replay_plan",
    "request_from_import",
    "request_from_text",
    "request_from_url",
    "require_auth_url",
    "require_http_url",
    "signing_key",
    "token_from_text",
]

#: Key files, JWKS files and certificates larger than this are refused, not read.
MAX_KEY_FILE_BYTES = 1_000_000


def request_from_text(
    text: str,
    *,
    token: str | None = None,
    method: str = "GET",
    headers: Sequence[str] = (),
    cookies: Sequence[str] = (),
    body: bytes | None = None,
) -> ReplayRequest:
    """The request a user typed or pasted.

    A curl command, raw HTTP request or HAR file is read as it is (its own token wins;
    ``token`` fills in only when it carries none, and ``method``, ``headers``,
    ``cookies`` and ``body`` are ignored); anything else is taken as a URL sent with
    ``token``.

    Raises:
        InputError: the text cannot be read as a request or a URL.
    """
    from jwtscope.core.request.importers import sniff_request_format

    clean = text.strip()
    if sniff_request_format(clean) is not None:
        request = request_from_import(clean)
        return request if request.token or not token else request.with_token(token)
    return request_from_url(
        clean, token_text=token, method=method, headers=headers, cookies=cookies, body=body
    )


def request_from_import(text: str, *, curl_only: bool = False) -> ReplayRequest:
    """A request read from a curl command, a raw HTTP request or a HAR file — never a URL.

    Args:
        text: the command, request or HAR text (a ``--curl-file``, piped stdin).
        curl_only: read ``text`` as a curl command and nothing else (``--curl``).

    Raises:
        InputError: the text is none of them, with what to paste instead.
    """
    from jwtscope.core.request.curl_import import parse_curl
    from jwtscope.core.request.importers import parse_request_text

    return parse_curl(text) if curl_only else parse_request_text(text)


def request_from_url(
    url: str,
    *,
    token_text: str | None = None,
    method: str = "GET",
    headers: Sequence[str] = (),
    cookies: Sequence[str] = (),
    body: bytes | None = None,
) -> ReplayRequest:
    """The request of ``URL --token T -X METHOD -H 'K: V' --cookie 'a=b' --data BODY``.

    Args:
        url: the endpoint, taken as a URL even when it looks like something else.
        token_text: the pasted token (``Bearer …``, a header or cookie line); its token
            goes where :func:`~jwtscope.core.request.replay_request.build_request` puts it.
        method: the HTTP method, any case.
        headers: ``Name: value`` lines.
        cookies: ``name=value`` pairs.
        body: the request body.

    Raises:
        InputError: a header, a cookie or the URL is unusable.
    """
    from jwtscope.core.request.replay_request import build_request

    token = token_from_text(token_text) if token_text else None
    return build_request(
        url, token=token, method=method.upper(), headers=headers, cookies=cookies, body=body
    )


def token_from_text(text: str) -> str:
    """The token in pasted text (``Bearer …``, quotes, a header or cookie name stripped)."""
    from jwtscope.core.token.parsing import normalize

    return normalize(text).token


def require_http_url(request: ReplayRequest, *, insecure: bool = False) -> ReplayRequest:
    """``request`` checked for an ``http(s)`` URL, with TLS checks off when asked.

    Raises:
        UsageError: the URL has no http:// or https:// scheme.
    """
    if not request.url.startswith(("http://", "https://")):
        raise UsageError("the URL must start with http:// or https://", "pass the full URL")
    return replace(request, insecure=True) if insecure else request


def require_auth_url(url: str | None) -> str | None:
    """The auth server's get-session URL (``--auth-url``, the Replay screen's Auth URL):
    None when blank, else checked for an ``http(s)`` scheme.

    Raises:
        UsageError: the URL has no http:// or https:// scheme.
    """
    url = (url or "").strip()
    if not url:
        return None
    if not url.startswith(("http://", "https://")):
        raise UsageError(
            "the auth URL must start with http:// or https://",
            "pass the auth server's full get-session URL, e.g. "
            "http://localhost:3000/api/auth/get-session",
        )
    return url


def replay_origin(request: ReplayRequest, explicit: str | None = None) -> str | None:
    """The browser origin of the CORS preflight: ``explicit``, ``Origin``, or ``Referer``'s."""
    from jwtscope.core.keys.env_snapshot import origin_of

    if explicit:
        return explicit
    origin = request.header("Origin")
    if origin:
        return origin
    referer = request.header("Referer")
    return origin_of(referer) if referer else None


def replay_plan(
    request: ReplayRequest, origin: str | None, *, only_original: bool = False
) -> list[PlannedRequest]:
    """The first round a replay sends (the bisection round depends on the answers)."""
    from jwtscope.core.diagnosis.replay_plan import first_probes

    probes = first_probes(request, None if only_original else origin)
    return probes[:1] if only_original else probes


def choose_secret(report: Report | None, env: Environment) -> Secret | None:
    """The secret to mint test tokens with.

    The one that verified the token, else the first secret the token's key set or the
    environment holds. Variants (a base64-decoded reading) are never chosen first, and
    a public key, certificate or JWK offered as a secret is never chosen at all: PyJWT
    refuses to sign with it, and minting with it would be the alg-confusion attack.
    """
    if report is not None and report.signature.matched_secret is not None:
        return report.signature.matched_secret
    secrets = report.keys.secrets if report is not None else env.secrets()
    return next((s for s in secrets if not s.variant and not typed_key_kind(s.value)), None)


def read_key_file(path: str) -> bytes:
    """A key, certificate, JWK or JWKS file's bytes (capped; devices refused).

    Raises:
        KeyLoadError: missing, unreadable, not a regular file, or too large.
    """
    file = Path(path)
    try:
        if file.exists() and not file.is_file():
            raise KeyLoadError(f"key file {path} is not a regular file", "pass a key file")
        with file.open("rb") as handle:
            data = handle.read(MAX_KEY_FILE_BYTES + 1)
    except FileNotFoundError as exc:
        raise KeyLoadError(f"key file {path} does not exist", "check the path") from exc
    except OSError as exc:
        raise KeyLoadError(
            f"key file {path} cannot be read ({exc.strerror})", "check the path"
        ) from exc
    if len(data) > MAX_KEY_FILE_BYTES:
        raise KeyLoadError(
            f"key file {path} is over {MAX_KEY_FILE_BYTES // 1_000_000} MB; no key file is",
            "pass the PEM, JWK or JWKS file itself",
        )
    return data


#: ``(url, timeout) -> (final url, JWKS document)``; raises JwtscopeError on failure.
JwksFetch = Callable[[str, float], tuple[str, dict[str, object]]]


@dataclass(frozen=True)
class KeySources:
    """The keys a user named explicitly.

    Args:
        secret: an HMAC secret typed on the command line (``--secret``), or None.
        encoding: how ``secret`` becomes key bytes (``utf8``, ``base64``, ``hex``).
        key_files: PEM, certificate, JWK or JWKS files.
        jwks: JWKS files or ``http(s)://`` URLs.
        timeout: the network timeout for JWKS URLs, in seconds.
    """

    secret: str | None = None
    encoding: str = "utf8"
    key_files: Sequence[str] = ()
    jwks: Sequence[str] = field(default_factory=tuple)
    timeout: float = 5.0

    @property
    def jwks_url(self) -> str | None:
        """The first JWKS named by URL (fixes cite it)."""
        return next((j for j in self.jwks if j.startswith(("http://", "https://"))), None)


def explicit_keys(sources: KeySources, fetch: JwksFetch | None = None) -> KeySet:
    """Load every key the user named.

    Args:
        sources: what the user named.
        fetch: fetches a JWKS URL (defaults to :func:`jwtscope.net.jwks_fetch.fetch_jwks`).

    Raises:
        UsageError: an empty ``--secret``.
        KeyLoadError: a key file that cannot be read or parsed.
        NetworkError: a JWKS URL that cannot be fetched.
    """
    keys = KeySet()
    if sources.secret is not None:
        if not sources.secret:
            raise UsageError("--secret is empty", "pass the secret value, or use --secret-env")
        value = decode_secret(sources.secret, sources.encoding)
        keys = keys.merged(KeySet(secrets=(Secret("--secret", "--secret", sources.secret, value),)))
    for path in sources.key_files:
        keys = keys.merged(load_key_file(read_key_file(path), f"key {path}"))
    for ref in sources.jwks:
        if ref.startswith(("http://", "https://")):
            url, document = (fetch or jwks_document)(ref, sources.timeout)
            keys = keys.merged(load_jwks(document, f"JWKS {url}"))
        else:
            keys = keys.merged(load_key_file(read_key_file(ref), f"JWKS {ref}"))
    return keys


def jwks_document(url: str, timeout: float) -> tuple[str, dict[str, object]]:
    """Fetch a JWKS URL (a :data:`JwksFetch`): its final URL and its document.

    Raises:
        NetworkError: the URL cannot be fetched or does not hold a JWKS.
    """
    from jwtscope.net.jwks_fetch import fetch_jwks  # httpx loads only for a JWKS URL

    fetched = fetch_jwks(url, timeout=timeout)
    return fetched.url, fetched.document


def signing_key(path: str) -> SigningKey:
    """The private key of ``--signing-key PATH`` (PEM or private JWK; RSA, EC, Ed25519).

    Raises:
        KeyLoadError: missing, unreadable, or not a private key.
    """
    from jwtscope.core.keys.signing_key import load_signing_key

    return load_signing_key(read_key_file(path), f"--signing-key {path}")
