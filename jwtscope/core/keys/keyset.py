"""Keys to verify against: HMAC secrets and public keys, each with where it came from.

Everything here takes bytes, strings and dicts that the caller has already read, and
returns frozen dataclasses. The algorithm a key may verify is pinned by the key's type
(an Ed25519 key verifies EdDSA only, a P-256 key ES256 only, a secret HS* only), never
taken from the token.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jwtscope.errors import KeyLoadError

# PyJWT and cryptography are imported where public keys are loaded, not at import time:
# HS* tokens (and the app's first frame) never pay for them.

__all__ = [
    "HMAC_ALGS",
    "KeySet",
    "PublicKey",
    "Secret",
    "decode_secret",
    "fingerprint",
    "load_jwk",
    "load_jwks",
    "load_key_file",
    "load_pem",
]

HMAC_ALGS = frozenset({"HS256", "HS384", "HS512"})
RSA_ALGS = frozenset({"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"})
_EC_CURVE_ALG = {
    "secp256r1": "ES256",
    "secp384r1": "ES384",
    "secp521r1": "ES512",
    "secp256k1": "ES256K",
}
_JWK_CRV = {"P-256": "ES256", "P-384": "ES384", "P-521": "ES512", "secp256k1": "ES256K"}


def fingerprint(value: bytes, length: int | None = None) -> str:
    """A safe stand-in for a secret: its length and a short SHA-256.

    Args:
        value: the secret bytes.
        length: the length to show (characters of the configured text), default bytes.
    """
    digest = hashlib.sha256(value).hexdigest()[:8]
    n = len(value) if length is None else length
    unit = "chars" if length is not None else "bytes"
    return f"{n} {unit}, sha256 {digest}"


@dataclass(frozen=True)
class Secret:
    """An HMAC secret and where it was found.

    Args:
        name: the variable name (``BETTER_AUTH_SECRET``) or ``--secret``.
        source: where: ``environment``, ``./.env``, ``--secret``, a key file.
        text: the value as configured (never shown; used for shape checks).
        value: the key bytes after ``--secret-encoding``.
        variant: non-empty when this is a derived candidate (e.g. quotes stripped).
    """

    name: str
    source: str
    text: str
    value: bytes
    variant: str = ""

    @property
    def label(self) -> str:
        """``BETTER_AUTH_SECRET from ./.env`` (+ the variant)."""
        base = self.name if self.name == self.source else f"{self.name} from {self.source}"
        return f"{base} ({self.variant})" if self.variant else base

    @property
    def fingerprint(self) -> str:
        """Length and short hash; safe to show anywhere."""
        return fingerprint(self.value, len(self.text))

    def describe(self) -> str:
        """Label and fingerprint, the way every surface shows a secret."""
        return f"{self.label}, {self.fingerprint}"


@dataclass(frozen=True)
class PublicKey:
    """A public key, the algorithms it may verify, and where it came from.

    Args:
        source: ``JWKS ./jwks.json``, ``PEM key.pem``, …
        algorithms: algorithms this key verifies, pinned by its type (and JWK ``alg``).
        key: the cryptography public-key object.
        kid: the JWK ``kid``, if any.
        kty: ``OKP``, ``EC``, ``RSA``.
        detail: curve or size, e.g. ``Ed25519``, ``P-256``, ``RSA 2048``.
        spki_pem: the key as PEM SubjectPublicKeyInfo (for the alg-confusion check).
    """

    source: str
    algorithms: frozenset[str]
    key: Any = field(repr=False)
    kid: str | None = None
    kty: str = ""
    detail: str = ""
    spki_pem: bytes = field(default=b"", repr=False)

    @property
    def fingerprint(self) -> str:
        """Short SHA-256 of the DER public key."""
        return "sha256 " + hashlib.sha256(self.spki_pem).hexdigest()[:8]

    def describe(self) -> str:
        """``JWKS http://…/jwks, kid TcXl9goj…, Ed25519``."""
        parts = [self.source]
        if self.kid:
            parts.append(f"kid {self.kid}")
        parts.append(self.detail or self.kty)
        return ", ".join(parts)


@dataclass(frozen=True)
class KeySet:
    """All the keys offered for one analysis.

    Args:
        secrets: HMAC secret candidates, best first.
        public_keys: public keys from PEM, JWK or JWKS sources.
        sources: a human line per key source that was loaded (for reports).
    """

    secrets: tuple[Secret, ...] = ()
    public_keys: tuple[PublicKey, ...] = ()
    sources: tuple[str, ...] = ()

    def merged(self, other: KeySet) -> KeySet:
        """This key set followed by ``other``'s keys."""
        return KeySet(
            self.secrets + other.secrets,
            self.public_keys + other.public_keys,
            self.sources + other.sources,
        )

    @property
    def empty(self) -> bool:
        """True when there is nothing to verify with."""
        return not self.secrets and not self.public_keys


def decode_secret(text: str, encoding: str) -> bytes:
    """Turn the configured text of a secret into key bytes.

    Args:
        text: the value as configured.
        encoding: ``utf8``, ``base64`` (standard or url-safe) or ``hex``.

    Raises:
        KeyLoadError: when the text is not valid in that encoding.
    """
    if encoding == "utf8":
        return text.encode("utf-8")
    if encoding == "hex":
        try:
            return bytes.fromhex(text.strip())
        except ValueError as exc:
            raise KeyLoadError(
                "the secret is not valid hex",
                "check --secret-encoding (utf8, base64 or hex)",
            ) from exc
    if encoding == "base64":
        cleaned = text.strip().replace("-", "+").replace("_", "/")
        try:
            return base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise KeyLoadError(
                "the secret is not valid base64",
                "check --secret-encoding (utf8, base64 or hex)",
            ) from exc
    raise KeyLoadError(
        f"unknown secret encoding {encoding!r}", "use --secret-encoding utf8, base64 or hex"
    )


def load_pem(data: bytes, source: str) -> PublicKey:
    """Load a PEM public key, certificate or private key (only its public part is used).

    Raises:
        KeyLoadError: when the data is not a PEM key jwtscope can use.
    """
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    text = data.strip()
    key: Any
    try:
        if b"CERTIFICATE" in text:
            key = x509.load_pem_x509_certificate(text).public_key()
        elif b"PRIVATE KEY" in text:
            key = serialization.load_pem_private_key(text, password=None).public_key()
        else:
            key = serialization.load_pem_public_key(text)
    except (ValueError, TypeError, x509.InvalidVersion) as exc:
        raise KeyLoadError(
            f"{source} is not a readable PEM key ({_first_line(exc)})",
            "pass a PEM public key, certificate or JWK/JWKS JSON file with --key/--jwks",
        ) from exc
    return _public_key(key, source, kid=None, jwk_alg=None)


def load_jwk(obj: dict[str, Any], source: str) -> PublicKey | Secret:
    """Load one JWK: a public key, or an ``oct`` key as an HMAC secret.

    Raises:
        KeyLoadError: when the JWK is incomplete or of an unsupported type.
    """
    kty = obj.get("kty")
    kid = obj.get("kid") if isinstance(obj.get("kid"), str) else None
    jwk_alg = obj.get("alg") if isinstance(obj.get("alg"), str) else None
    if kty == "oct":
        k = obj.get("k")
        if not isinstance(k, str):
            raise KeyLoadError(f"{source}: oct JWK has no 'k'", "add the base64url key as 'k'")
        try:
            value = base64.urlsafe_b64decode(k + "=" * (-len(k) % 4))
        except (binascii.Error, ValueError) as exc:
            raise KeyLoadError(f"{source}: oct JWK 'k' is not base64url", "fix 'k'") from exc
        return Secret(name=f"JWK {kid or 'oct'}", source=source, text=k, value=value)
    import jwt
    from cryptography.hazmat.primitives.asymmetric import ed448, ed25519

    try:
        pyjwk = jwt.PyJWK(obj)
    except (jwt.PyJWKError, jwt.InvalidKeyError, ValueError, TypeError, KeyError) as exc:
        raise KeyLoadError(
            f"{source}: JWK{f' {kid}' if kid else ''} cannot be used ({_first_line(exc)})",
            "check kty/crv/x/y/n/e of the key, or pass the JWKS URL with --jwks",
        ) from exc
    key = pyjwk.key
    if hasattr(key, "public_key") and not isinstance(
        key, (ed25519.Ed25519PublicKey, ed448.Ed448PublicKey)
    ):
        key = key.public_key() if _is_private(key) else key
    return _public_key(key, source, kid=kid, jwk_alg=jwk_alg)


def load_jwks(doc: dict[str, Any], source: str) -> KeySet:
    """Load every usable key of a JWKS document.

    Keys that cannot be used are skipped when at least one key loads (a JWKS often
    carries encryption keys); when none loads, the first problem is raised.

    Raises:
        KeyLoadError: when the document has no usable key.
    """
    keys = doc.get("keys")
    if not isinstance(keys, list):
        if "kty" in doc:
            keys = [doc]
        else:
            raise KeyLoadError(
                f'{source} is not a JWKS (no "keys" list)',
                "pass a JWKS document such as Better Auth's /api/auth/jwks",
            )
    publics: list[PublicKey] = []
    secrets: list[Secret] = []
    errors: list[KeyLoadError] = []
    for item in keys:
        if not isinstance(item, dict):
            continue
        if item.get("use") == "enc":
            continue
        try:
            loaded = load_jwk(item, source)
        except KeyLoadError as exc:
            errors.append(exc)
            continue
        if isinstance(loaded, Secret):
            secrets.append(loaded)
        else:
            publics.append(loaded)
    if not publics and not secrets:
        if errors:
            raise errors[0]
        raise KeyLoadError(f"{source} holds no signing key", "check the JWKS URL or file")
    return KeySet(tuple(secrets), tuple(publics), (source,))


def load_key_file(data: bytes, source: str) -> KeySet:
    """Load a key file whose format is sniffed: PEM, a JWK or a JWKS.

    Raises:
        KeyLoadError: when the content is none of these.
    """
    stripped = data.strip()
    if stripped.startswith(b"-----BEGIN"):
        return KeySet(public_keys=(load_pem(stripped, source),), sources=(source,))
    if stripped.startswith(b"{"):
        try:
            doc = json.loads(stripped.decode("utf-8"))
        except RecursionError as exc:
            raise KeyLoadError(
                f"{source} is JSON nested too deeply to be a key", "pass a JWK or JWKS file"
            ) from exc
        except ValueError as exc:  # not UTF-8, not JSON, a number too long
            raise KeyLoadError(
                f"{source} looks like JSON but does not parse ({_first_line(exc)})",
                "pass a valid JWK or JWKS JSON file",
            ) from exc
        if not isinstance(doc, dict):
            raise KeyLoadError(f"{source} is not a JSON object", "pass a JWK or JWKS file")
        return load_jwks(doc, source)
    raise KeyLoadError(
        f"{source} is neither PEM nor JSON",
        "pass a PEM public key/certificate, a JWK or a JWKS file",
    )


def _is_private(key: Any) -> bool:
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

    return isinstance(
        key,
        (
            rsa.RSAPrivateKey,
            ec.EllipticCurvePrivateKey,
            ed25519.Ed25519PrivateKey,
            ed448.Ed448PrivateKey,
        ),
    )


def _public_key(key: Any, source: str, kid: str | None, jwk_alg: str | None) -> PublicKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa

    if _is_private(key):
        key = key.public_key()
    algs: Iterable[str]
    if isinstance(key, ed25519.Ed25519PublicKey):
        kty, detail, algs = "OKP", "Ed25519", {"EdDSA", "Ed25519"}
    elif isinstance(key, ed448.Ed448PublicKey):
        kty, detail, algs = "OKP", "Ed448", {"EdDSA", "Ed448"}
    elif isinstance(key, ec.EllipticCurvePublicKey):
        alg = _EC_CURVE_ALG.get(key.curve.name)
        if alg is None:
            raise KeyLoadError(
                f"{source}: curve {key.curve.name} is not used for JWTs",
                "use a P-256, P-384 or P-521 key",
            )
        crv = {v: k for k, v in _JWK_CRV.items()}[alg]
        kty, detail, algs = "EC", crv, {alg}
    elif isinstance(key, rsa.RSAPublicKey):
        kty, detail, algs = "RSA", f"RSA {key.key_size}", set(RSA_ALGS)
    else:
        raise KeyLoadError(
            f"{source}: unsupported key type {type(key).__name__}",
            "use an RSA, EC (P-256/384/521) or Ed25519 key",
        )
    if jwk_alg:
        if jwk_alg not in algs:
            raise KeyLoadError(
                f"{source}: JWK{f' {kid}' if kid else ''} says alg {jwk_alg} but is a {detail} key",
                "fix the JWK's alg or remove it",
            )
        algs = {jwk_alg}
    spki = key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return PublicKey(
        source=source,
        algorithms=frozenset(algs),
        key=key,
        kid=kid,
        kty=kty,
        detail=detail,
        spki_pem=spki,
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else type(exc).__name__
